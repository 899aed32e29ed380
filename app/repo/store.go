// Package repo holds the stories being served: it reads them from a
// folder (or the binary), keeps the last good version of each live while
// an edit is broken, and follows the folder's changes.
package repo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"explainer/app/live"
	"explainer/app/story"
	"explainer/app/timelinejs"

	"github.com/fsnotify/fsnotify"

	"explainer/app/internal/compress"
)

// Entry is one published version of a story.
type Entry struct {
	Story *story.Story
	File  string
	JSON  []byte // the story as served at /s/{id}.json and embedded in pages
	// Zones is the TZif data of the zones the story uses, as JSON, for the
	// WebAssembly, which has no zone database of its own.
	Zones []byte
	ETag  string // changes whenever the story does
	// Converted lists what a TimelineJS file dropped among the stories
	// lost in its conversion (timelinejs.Convert's warnings); nil for a
	// story file.
	Converted []string
	// live says where a live story's events were read from, and when
	// (Live); nil for a story without a live source. It changes without
	// a new version when the source confirms what the version was made
	// of, so it is read and written whole.
	live atomic.Pointer[LiveInfo]

	// encoded is JSON with its compressed forms, made once per version on
	// first request, not for each of thousands of files at start-up.
	encodeOnce sync.Once
	encoded    compress.Encoded
	encodeErr  error
}

// Encoded returns the story's JSON with its compressed forms.
func (e *Entry) Encoded() (compress.Encoded, error) {
	e.encodeOnce.Do(func() { e.encoded, e.encodeErr = compress.Encode(e.JSON, 9) })
	return e.encoded, e.encodeErr
}

// fileState is what the store knows of one story file.
type fileState struct {
	stat  string    // size and time when last read, to skip unchanged files
	stamp string    // hash of the content last read, good or bad
	entry *Entry    // the last good version, nil if there never was one
	err   error     // why the current content is not served, nil if it is
	live  *liveFile // the file names a live source (live.go); nil if not
}

// Store holds the stories being served. It reloads a folder of story
// files when they change, and a file that no longer parses leaves the last
// good version of its story live: no reader gets an error because an
// editor saved a typo. Readers never block on a reload: it parses with no
// lock held and publishes the result at once.
type Store struct {
	files   Files
	log     *slog.Logger
	prepare Prepare // nil prepares nothing more
	// sources reads the live sources the stories name, and cache keeps
	// what they need across a restart (Follow); nil when not followed.
	sources       *live.Poller
	cache         *live.Cache
	warnedNoCache bool // said once that live stories are not kept

	reloading sync.Mutex // one reload at a time; only reload touches states
	states    map[string]*fileState

	mu       sync.RWMutex // guards what readers see
	byID     map[story.ID]*Entry
	problems map[string]Problem // by file: why its current content is not served
	liveURLs map[string]string  // by file: the live source it names
	version  int                // counts the changes to byID, for the index's cache
	changed  chan struct{}      // closed at the next change to byID (Changed)
}

func New(files Files, log *slog.Logger, prepare Prepare) *Store {
	return &Store{files: files, log: log, prepare: prepare, states: map[string]*fileState{}, byID: map[story.ID]*Entry{}}
}

// Get returns the live version of a story.
func (s *Store) Get(id story.ID) (*Entry, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	e, ok := s.byID[id]
	return e, ok
}

// List returns the live stories by title, and the version of that list.
func (s *Store) List() []*Entry {
	l, _ := s.ListVersion()
	return l
}

func (s *Store) ListVersion() ([]*Entry, int) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.SortedFunc(maps.Values(s.byID), func(a, b *Entry) int {
		if c := strings.Compare(a.Story.Title, b.Story.Title); c != 0 {
			return c
		}
		return strings.Compare(string(a.Story.ID), string(b.Story.ID))
	}), s.version
}

// Changed returns a channel that is closed when the live stories next
// change: a story published, edited or taken down. An edit that breaks a
// file changes nothing (its last good version stays live), so it closes
// nothing either.
func (s *Store) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.changed == nil {
		s.changed = make(chan struct{})
	}
	return s.changed
}

// Problem is a story file whose current content is not served.
type Problem struct {
	File string
	Err  error // why
	// Stale says an earlier version of the file is served instead: its
	// last good one. Without it, nothing of the file is.
	Stale bool
}

// Problems returns the files whose current content is not being
// served, with the reason, in name order.
func (s *Store) Problems() []Problem {
	s.mu.RLock()
	defer s.mu.RUnlock()
	names := slices.Collect(maps.Keys(s.problems))
	for name := range s.liveURLs {
		if _, ok := s.problems[name]; !ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var out []Problem
	for _, name := range names {
		if p, ok := s.problems[name]; ok {
			out = append(out, p)
		}
		if p, ok := s.sourceProblem(name); ok {
			out = append(out, p)
		}
	}
	return out
}

// Reload reads every *.json file that changed since the last call, then
// publishes the stories. It returns an error joining every file that
// failed, having kept what it had.
func (s *Store) Reload() error {
	s.reloading.Lock()
	defer s.reloading.Unlock()
	names, err := s.files.names()
	if err != nil {
		return err
	}
	var errs []error
	for _, name := range names {
		if err := s.refresh(name); err != nil {
			errs = append(errs, err)
		}
	}
	for name, f := range s.states {
		if _, found := slices.BinarySearch(names, name); !found {
			if f.entry != nil {
				s.log.Info("story file removed: unpublishing", "file", name, "story", f.entry.Story.ID)
			}
			delete(s.states, name)
		}
	}
	return errors.Join(append(errs, s.publish()...)...)
}

// refresh reads one file again if it may have changed, and parses it if
// it did. A file whose size and time are as last seen is not read: the
// folder is polled every second. A file changed in the last few seconds is
// read anyway, for file systems with coarse times, where an edit of the
// same size could keep the same time.
func (s *Store) refresh(name string) error {
	f := s.states[name]
	if f == nil {
		f = &fileState{}
		s.states[name] = f
	}
	info, err := s.files.stat(name)
	if err != nil {
		return s.refuse(name, f, err)
	}
	stat := fmt.Sprintf("%d:%d", info.Size(), info.ModTime().UnixNano())
	if f.stat == stat && time.Since(info.ModTime()) > 3*time.Second {
		return s.refreshLive(name, f, false)
	}
	data, err := s.files.read(name)
	if err != nil {
		return s.refuse(name, f, err)
	}
	f.stat = stat
	sum := sha256.Sum256(data)
	stamp := hex.EncodeToString(sum[:])
	if f.stamp == stamp {
		return s.refreshLive(name, f, false)
	}
	f.stamp = stamp
	full, converted, err := parseFile(name, data)
	if err == nil && full.Live != nil {
		s.followFile(name, f, full)
		return s.refreshLive(name, f, true)
	}
	if err != nil && f.live != nil {
		// A live story's file broken mid-edit: its source is still
		// read (with its validators and backoff), and the last good
		// version stays, until the file parses again.
		f.live.broken = true
	} else {
		f.live = nil
	}
	var e *Entry
	if err == nil {
		e, err = newEntry(name, full, converted, s.prepare)
	}
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

// refuse records why a file is not read, and logs it when that is news:
// every file not served is said once, not at every poll.
func (s *Store) refuse(name string, f *fileState, err error) error {
	err = fmt.Errorf("%s: %w", name, err)
	if f.err == nil || f.err.Error() != err.Error() {
		s.log.Warn("story file not served", "file", name, "reason", err.Error())
	}
	f.err, f.stat, f.stamp = err, "", ""
	if f.live != nil {
		f.live.broken = true
	}
	return err
}

// publish works out which file serves each story id and swaps it in for
// readers. When several files hold one id, the file named after it
// (ID.json) serves it, else the first by name: one rule that depends on
// the folder alone, not on what served before, so a restart cannot flip
// it and a backup copy (ID-old.json) cannot win by accident. The others
// are reported, and tried again at every reload, so deleting or renaming
// one settles it.
func (s *Store) publish() []error {
	s.mu.RLock()
	prev, prevProblems := s.byID, s.problems
	s.mu.RUnlock()

	names := slices.Sorted(maps.Keys(s.states))
	owns := func(name string) bool {
		e := s.states[name].entry
		return e != nil && name == string(e.Story.ID)+".json"
	}
	slices.SortStableFunc(names, func(a, b string) int {
		switch oa, ob := owns(a), owns(b); {
		case oa && !ob:
			return -1
		case ob && !oa:
			return 1
		}
		return 0
	})
	byID := map[story.ID]*Entry{}
	problems := map[string]Problem{}
	liveURLs := map[string]string{}
	wants := map[string][]time.Duration{}
	var errs []error
	for _, name := range names {
		f := s.states[name]
		if f.live != nil {
			liveURLs[name] = f.live.url
			wants[f.live.url] = append(wants[f.live.url], f.live.every)
		}
		if f.err != nil {
			// Stale when its last good version wins its id below.
			problems[name] = Problem{File: name, Err: f.err}
		}
		if f.entry == nil {
			continue
		}
		id := f.entry.Story.ID
		if other, taken := byID[id]; taken {
			err := fmt.Errorf("%s: story id %q is already used by %s", name, id, other.File)
			problems[name] = Problem{File: name, Err: err}
			if prev, ok := prevProblems[name]; !ok || prev.Err.Error() != err.Error() {
				s.log.Error("story file not published", "file", name, "error", err.Error())
				errs = append(errs, err)
			}
			continue
		}
		byID[id] = f.entry
		if p, ok := problems[name]; ok {
			p.Stale = true
			problems[name] = p
		}
		if prev[id] != f.entry {
			s.log.Info("story published", "file", name, "story", id, "events", len(f.entry.Story.Events), "quotes", len(f.entry.Story.Quotes))
		}
	}
	s.mu.Lock()
	if !maps.Equal(byID, s.byID) {
		s.version++
		if s.changed != nil {
			close(s.changed)
			s.changed = nil
		}
	}
	s.byID, s.problems, s.liveURLs = byID, problems, liveURLs
	s.mu.Unlock()
	if s.sources != nil {
		// In one order whatever the files' (which one owns an id can
		// change it), so that the same asks are seen as the same.
		for _, w := range wants {
			slices.Sort(w)
		}
		s.sources.Use(wants)
	}
	return errs
}

// parseFile parses a story file, or converts a TimelineJS file dropped
// among the stories, whose conversion's warnings it returns too.
func parseFile(name string, data []byte) (*story.Story, []string, error) {
	full, err := story.Parse(name, data)
	if err != nil && timelinejs.IsTimeline(data) {
		// A newsroom can switch renderer first and convert later: a
		// TimelineJS file (which never parses as a story, so a story
		// file pays nothing for this) is converted on every load, as the
		// import command would, under the id its file name gives.
		res, cerr := timelinejs.Convert(name, data, timelinejs.Options{ID: timelinejs.IDFromName(name)})
		if cerr != nil {
			return nil, nil, cerr
		}
		converted := make([]string, 0, len(res.Warnings))
		for _, w := range res.Warnings {
			converted = append(converted, w.String())
		}
		return res.Story, converted, nil
	}
	return full, nil, err
}

// newEntry prepares what serving a parsed story needs. A story that
// prepare refuses (the site: its pages could not be rendered) is refused
// here, with the reason, like any other broken file.
func newEntry(name string, full *story.Story, converted []string, prepare Prepare) (*Entry, error) {
	// What is served from here on is the readers' story: the desk's
	// fields, checked by Parse, stay in the file.
	st := full.ForReaders()
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
	if prepare != nil {
		if err := prepare(name, st, len(js)+len(zjs)); err != nil {
			return nil, err
		}
	}
	sum := sha256.Sum256(js)
	return &Entry{Story: st, File: name, JSON: js, Zones: zjs, ETag: `"` + hex.EncodeToString(sum[:8]) + `"`, Converted: converted}, nil
}

// Prepare is a last check of a story that parsed, before it is served:
// served is the size of what every page embeds (its JSON and zone data).
// The site uses it to refuse a story whose pages could not be rendered.
type Prepare func(name string, st *story.Story, served int) error

// Check is what the store does with a story file before it serves it —
// parse, validate, gather its zones, prepare — so that `explainer
// validate` passes exactly the files the server serves.
func Check(name string, data []byte, prepare Prepare) (*story.Story, error) {
	full, converted, err := parseFile(name, data)
	if err != nil {
		return nil, err
	}
	if full.Live != nil {
		// The file alone: what its source holds is checked when it is
		// read (CheckLive).
		return full, nil
	}
	e, err := newEntry(name, full, converted, prepare)
	if err != nil {
		return nil, err
	}
	return e.Story, nil
}

// Watch reloads the folder until ctx ends: at once when the file system
// says something changed (a burst of changes is one reload), and in any
// case every `every` where notifications are not to be had (some network
// drives), or every safetyNet where they are, in case one is missed. Every
// `every` it also checks that the path still names the folder being
// watched, so that a deploy that swaps the folder is live within that.
func (s *Store) Watch(ctx context.Context, dir string, every time.Duration) {
	var events <-chan fsnotify.Event
	var errs <-chan error
	full := every
	w, err := fsnotify.NewWatcher()
	if err == nil {
		defer w.Close()
		if err := w.Add(dir); err == nil {
			events, errs = w.Events, w.Errors
			full = max(every, safetyNet)
		} else {
			s.log.Warn("no file notifications for the stories folder: polling", "err", err)
		}
	}
	swappable, _ := s.files.(interface{ swapped() bool })
	// What changed before the watch began is caught by a reload now.
	s.Reload()
	last := time.Now()
	tick := time.NewTicker(every)
	defer tick.Stop()
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if swappable != nil && swappable.swapped() {
				s.log.Info("the stories folder was replaced: reading the new one", "dir", dir)
				if events != nil {
					// The notifications followed the old folder.
					w.Remove(dir)
					if err := w.Add(dir); err != nil {
						s.log.Warn("no file notifications for the new stories folder: polling", "err", err)
						events, errs, full = nil, nil, every
					}
				}
			} else if time.Since(last) < full {
				continue
			}
			s.Reload()
			last = time.Now()
		case <-events:
			if settle == nil {
				settle = time.After(100 * time.Millisecond)
			}
		case err := <-errs:
			s.log.Warn("file notifications", "err", err)
		case <-settle:
			settle = nil
			s.Reload()
			last = time.Now()
		}
	}
}

// safetyNet is how often a folder whose changes are notified is read
// again all the same.
const safetyNet = 10 * time.Second
