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
	"maps"
	"slices"
	"strings"
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
}

// fileState is what the store knows of one story file.
type fileState struct {
	stat  string // size and time when last read, to skip unchanged files
	stamp string // hash of the content last read, good or bad
	entry *entry // the last good version, nil if there never was one
	err   error  // why the current content is not served, nil if it is
}

// store holds the stories being served. It reloads a folder of story
// files when they change, and a file that no longer parses leaves the last
// good version of its story live: no reader gets an error because an
// editor saved a typo. Readers never block on a reload: it parses with no
// lock held and publishes the result at once.
type store struct {
	fsys fs.FS
	log  *slog.Logger

	reloading sync.Mutex // one reload at a time; only reload touches files
	files     map[string]*fileState

	mu       sync.RWMutex // guards what readers see
	byID     map[story.ID]*entry
	problems map[string]error // file → why its current content is not served
}

func newStore(fsys fs.FS, log *slog.Logger) *store {
	return &store{fsys: fsys, log: log, files: map[string]*fileState{}, byID: map[story.ID]*entry{}}
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
	return slices.SortedFunc(maps.Values(s.byID), func(a, b *entry) int { return strings.Compare(a.Story.Title, b.Story.Title) })
}

// problemFiles returns the files whose current content is not being
// served, with the reason, in name order.
func (s *store) problemFiles() (files []string, errs []error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, name := range slices.Sorted(maps.Keys(s.problems)) {
		files, errs = append(files, name), append(errs, s.problems[name])
	}
	return files, errs
}

// reload reads every *.json file that changed since the last call, then
// publishes the stories. It returns an error joining every file that
// failed, having kept what it had.
func (s *store) reload() error {
	s.reloading.Lock()
	defer s.reloading.Unlock()
	names, err := fs.Glob(s.fsys, "*.json")
	if err != nil {
		return err
	}
	var errs []error
	for _, name := range names {
		if err := s.refresh(name); err != nil {
			errs = append(errs, err)
		}
	}
	for name, f := range s.files {
		if !slices.Contains(names, name) {
			if f.entry != nil {
				s.log.Info("story file removed: unpublishing", "file", name, "story", f.entry.Story.ID)
			}
			delete(s.files, name)
		}
	}
	return errors.Join(append(errs, s.publish()...)...)
}

// refresh reads one file again if it may have changed, and parses it if
// it did. A file whose size and time are as last seen is not read: the
// folder is polled every second. A file changed in the last few seconds is
// read anyway, for file systems with coarse times, where an edit of the
// same size could keep the same time.
func (s *store) refresh(name string) error {
	f := s.files[name]
	if f == nil {
		f = &fileState{}
		s.files[name] = f
	}
	info, err := fs.Stat(s.fsys, name)
	if err != nil {
		f.err = err
		return err
	}
	stat := fmt.Sprintf("%d:%d", info.Size(), info.ModTime().UnixNano())
	if f.stat == stat && time.Since(info.ModTime()) > 3*time.Second {
		return nil
	}
	data, err := fs.ReadFile(s.fsys, name)
	if err != nil {
		f.err = err
		return err
	}
	f.stat = stat
	sum := sha256.Sum256(data)
	stamp := hex.EncodeToString(sum[:])
	if f.stamp == stamp {
		return nil
	}
	f.stamp = stamp
	e, err := newEntry(name, data)
	if err != nil {
		f.err = err
		if f.entry != nil {
			s.log.Error("story file has errors: the last good version stays live", "file", name, "story", f.entry.Story.ID, "errors", err.Error())
		} else {
			s.log.Error("story file has errors: not published", "file", name, "errors", err.Error())
		}
		return err
	}
	f.entry, f.err = e, nil
	return nil
}

// publish works out which file serves each story id and swaps it in for
// readers. When two files hold one id, the file that served it keeps it;
// otherwise the first by name wins. The others are reported, and tried
// again at every reload, so deleting or renaming one settles it.
func (s *store) publish() []error {
	s.mu.RLock()
	prev, prevProblems := s.byID, s.problems
	s.mu.RUnlock()
	prevOwner := map[story.ID]string{}
	for id, e := range prev {
		prevOwner[id] = e.File
	}

	names := slices.Sorted(maps.Keys(s.files))
	// Files that served their id before claim it first.
	slices.SortStableFunc(names, func(a, b string) int {
		return boolRank(s.owns(a, prevOwner)) - boolRank(s.owns(b, prevOwner))
	})
	byID := map[story.ID]*entry{}
	problems := map[string]error{}
	var errs []error
	for _, name := range names {
		f := s.files[name]
		if f.err != nil {
			problems[name] = f.err
		}
		if f.entry == nil {
			continue
		}
		id := f.entry.Story.ID
		if other, taken := byID[id]; taken {
			err := fmt.Errorf("%s: story id %q is already used by %s", name, id, other.File)
			problems[name] = err
			if prev := prevProblems[name]; prev == nil || prev.Error() != err.Error() {
				s.log.Error("story file not published", "file", name, "error", err.Error())
				errs = append(errs, err)
			}
			continue
		}
		byID[id] = f.entry
		if prev[id] != f.entry {
			s.log.Info("story published", "file", name, "story", id, "events", len(f.entry.Story.Events), "quotes", len(f.entry.Story.Quotes))
		}
	}
	s.mu.Lock()
	s.byID, s.problems = byID, problems
	s.mu.Unlock()
	return errs
}

// owns reports whether a file served its story's id before this reload.
func (s *store) owns(name string, prevOwner map[story.ID]string) bool {
	f := s.files[name]
	return f.entry != nil && prevOwner[f.entry.Story.ID] == name
}

// boolRank orders true before false.
func boolRank(b bool) int {
	if b {
		return 0
	}
	return 1
}

// newEntry parses a story file and prepares what serving it needs.
func newEntry(name string, data []byte) (*entry, error) {
	st, err := story.Parse(name, data)
	if err != nil {
		return nil, err
	}
	js, err := json.Marshal(st)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	zones, err := st.Zones()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	zjs, err := json.Marshal(zones)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	enc, err := compressed(js, 9)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	sum := sha256.Sum256(js)
	return &entry{Story: st, File: name, JSON: js, JSONEncoded: enc, Zones: zjs, ETag: `"` + hex.EncodeToString(sum[:8]) + `"`}, nil
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
			s.reload() // errors are logged as they are found
		}
	}
}
