//go:build !wasm

package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"sort"
	"sync"
	"time"

	"explainer/app/story"
)

// entry is one published version of a story.
type entry struct {
	Story *story.Story
	File  string
	JSON  []byte // the story as served at /s/{id}.json and embedded in pages
	// JSONEncoded is JSON with its compressed forms, made once per version
	// rather than per request.
	JSONEncoded encoded
	// Zones is the TZif data of the zones the story uses, as JSON, for the
	// WebAssembly, which has no zone database of its own.
	Zones []byte
	ETag  string // changes whenever the story does
	// stamp is what the store compares to notice an edit.
	stamp string
}

// store holds the stories being served. It reloads a folder of story
// files when they change, and a file that no longer parses leaves the last
// good version of its story live: no reader gets an error because an
// editor saved a typo. Readers never block on a reload.
type store struct {
	fsys fs.FS
	log  *slog.Logger

	mu      sync.RWMutex
	byID    map[story.ID]*entry
	byFile  map[string]*entry
	stamps  map[string]string // file → hash of what was last read, good or bad
	stats   map[string]string // file → size and time of that read, to skip unchanged files
	problem map[string]error  // file → why its current content is not served
}

func newStore(fsys fs.FS, log *slog.Logger) *store {
	return &store{fsys: fsys, log: log, byID: map[story.ID]*entry{}, byFile: map[string]*entry{}, stamps: map[string]string{}, stats: map[string]string{}, problem: map[string]error{}}
}

// get returns the live version of a story.
func (s *store) get(id story.ID) (*entry, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.byID[id]
	return e, ok
}

// list returns the live stories by title.
func (s *store) list() []*entry {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*entry, 0, len(s.byID))
	for _, e := range s.byID {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Story.Title < out[j].Story.Title })
	return out
}

// problems returns the files whose current content is not being served.
func (s *store) problems() map[string]error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make(map[string]error, len(s.problem))
	for k, v := range s.problem {
		out[k] = v
	}
	return out
}

// reload reads every *.json file that changed since the last call. It
// returns an error joining every file that failed, having kept what it had.
func (s *store) reload() error {
	names, err := fs.Glob(s.fsys, "*.json")
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var errs []error
	for _, name := range names {
		seen[name] = true
		// A file whose size and time are as last seen is not read again:
		// the folder is polled every second. A file changed in the last few
		// seconds is read anyway, for file systems with coarse times, where
		// an edit of the same size could keep the same time.
		info, err := fs.Stat(s.fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		stat := fmt.Sprintf("%d:%d", info.Size(), info.ModTime().UnixNano())
		s.mu.RLock()
		same := s.stats[name] == stat
		s.mu.RUnlock()
		if same && time.Since(info.ModTime()) > 3*time.Second {
			continue
		}
		data, err := fs.ReadFile(s.fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s.mu.Lock()
		s.stats[name] = stat
		s.mu.Unlock()
		sum := sha256.Sum256(data)
		stamp := hex.EncodeToString(sum[:])
		s.mu.RLock()
		unchanged := s.stamps[name] == stamp
		s.mu.RUnlock()
		if unchanged {
			continue
		}
		if err := s.load(name, data, stamp); err != nil {
			errs = append(errs, err)
		}
	}
	s.mu.Lock()
	for name, e := range s.byFile {
		if !seen[name] {
			s.log.Info("story file removed: unpublishing", "file", name, "story", e.Story.ID)
			delete(s.byFile, name)
			delete(s.byID, e.Story.ID)
		}
	}
	for name := range s.stamps {
		if !seen[name] {
			delete(s.stamps, name)
			delete(s.stats, name)
			delete(s.problem, name)
		}
	}
	s.mu.Unlock()
	return errors.Join(errs...)
}

// load parses one file and, if it is good, publishes it.
func (s *store) load(name string, data []byte, stamp string) error {
	st, err := story.Parse(name, data)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stamps[name] = stamp
	if err == nil {
		if other, taken := s.byID[st.ID]; taken && other.File != name {
			err = fmt.Errorf("%s: story id %q is already used by %s", name, st.ID, other.File)
		}
	}
	if err != nil {
		s.problem[name] = err
		if old, ok := s.byFile[name]; ok {
			s.log.Error("story file has errors: the last good version stays live", "file", name, "story", old.Story.ID, "errors", err.Error())
		} else {
			s.log.Error("story file has errors: not published", "file", name, "errors", err.Error())
		}
		return err
	}
	js, err := json.Marshal(st)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	zones, err := st.Zones()
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	zjs, err := json.Marshal(zones)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	sum := sha256.Sum256(js)
	e := &entry{Story: st, File: name, JSON: js, JSONEncoded: encoded{raw: js, gzip: gzipBytes(js), brotli: brotliBytes(js, 9)}, Zones: zjs, ETag: `"` + hex.EncodeToString(sum[:8]) + `"`, stamp: stamp}
	if old, ok := s.byFile[name]; ok && old.Story.ID != st.ID {
		delete(s.byID, old.Story.ID) // the file now holds another story
	}
	s.byFile[name] = e
	s.byID[st.ID] = e
	delete(s.problem, name)
	s.log.Info("story published", "file", name, "story", st.ID, "events", len(st.Events), "quotes", len(st.Quotes))
	return nil
}

// watch polls for changes until ctx ends. Polling needs no platform
// support, sees edits on network drives and is cheap for a folder of
// small files.
func (s *store) watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.reload() // errors are logged by load
		}
	}
}
