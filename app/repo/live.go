package repo

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"time"

	"explainer/app/live"
	"explainer/app/story"
)

// A live story is its file and what its source last held (live.Merge).
// The store keeps the last good version of the two together: a source
// that cannot be read, or that no longer converts (a bad date typed into
// the sheet), leaves it live, and says why in Problems.

// LiveInfo is where a live story's events come from.
type LiveInfo struct {
	URL string
	// Read is when the content served was read (first seen).
	Read time.Time
	// Warnings are what the conversion of the source could not keep, at
	// its row and column, and what of the file no longer meets it.
	Warnings []string
	// Cached: the content was read before the server started, and kept
	// on disk (live.Cache); the source has not answered since.
	Cached bool
}

// liveFile is what the store keeps of a file that names a live source.
type liveFile struct {
	file  *story.Story // the story file, as parsed
	url   string
	every time.Duration // the file's interval; 0: the default schedule
	key   string        // in the cache
	// sum is that of the source content the entry was made of (zero
	// before any), errSum that of content that did not convert, with
	// err, so that each is tried and said once.
	sum, errSum [32]byte
	err         error
	// updates are the corrections refreshes added, kept across restarts
	// in the cache; loaded says they were looked for there.
	updates []story.Update
	loaded  bool
}

// maxCorrections bounds the corrections refreshes add to a story, so
// that a sheet edited all day cannot take it past story.MaxUpdates: the
// oldest go first.
const maxCorrections = 100

// Follow makes the store read the live sources its stories name with
// p, which it tells which to read as files come and go, and reload each
// story when its source changes; cache keeps each live story's last good
// source content across restarts (nil keeps nothing). Call it before the
// first Reload.
func (s *Store) Follow(p *live.Poller, cache *live.Cache) {
	s.sources, s.cache = p, cache
	p.OnChange(func(string) {
		if err := s.Reload(); err != nil {
			s.log.Debug("reload after a live source changed", "err", err)
		}
	})
}

// followFile records that a file (new, or edited) names a live source.
func (s *Store) followFile(name string, f *fileState, file *story.Story) {
	url := string(file.Live.URL)
	prev := f.live
	lf := &liveFile{file: file, url: url, every: file.Live.Every.Duration(), key: live.Key(s.cacheName(name), url)}
	if prev != nil && prev.url == url {
		// The same source: what was made of it carries over.
		lf.updates, lf.loaded = prev.updates, prev.loaded
		lf.sum = prev.sum
	}
	f.live = lf
}

// cacheName is the name a file is known by in the cache: its path where
// it has one, so that two folders served from one machine stay apart.
func (s *Store) cacheName(name string) string {
	if d, ok := s.files.(*Dir); ok {
		if abs, err := filepath.Abs(filepath.Join(d.path, name)); err == nil {
			return abs
		}
	}
	return name
}

// refreshLive makes a live story again when its file changed or its
// source's content did; otherwise it does nothing, so that a source that
// answers 304, or the same content, costs no render.
func (s *Store) refreshLive(name string, f *fileState, fileChanged bool) error {
	lf := f.live
	if lf == nil {
		return nil
	}
	var body []byte
	var sum [32]byte
	var read time.Time
	cached := false
	if s.sources != nil {
		if rd, ok := s.sources.Latest(lf.url); ok && rd.Body != nil {
			body, sum, read = rd.Body, rd.Sum, rd.Changed
		}
	}
	if !lf.loaded {
		lf.loaded = true
		if saved, ok := s.cache.Load(lf.key); ok {
			lf.updates = saved.Updates
			if body == nil && saved.URL == lf.url {
				body, sum, read, cached = saved.Body, sha256.Sum256(saved.Body), saved.Read, true
			}
		}
	}
	if body == nil {
		if f.entry == nil {
			err := fmt.Errorf("%s: its live source %s has not been read yet", name, lf.url)
			if f.err == nil || f.err.Error() != err.Error() {
				s.log.Info("live story waits for its source", "file", name, "source", lf.url)
			}
			f.err = err
			return nil
		}
		if fileChanged {
			// Edited before its source was read again: nothing to make
			// it of until then. The last good version stays.
			f.err = fmt.Errorf("%s: its live source %s has not been read since the file changed", name, lf.url)
		}
		return nil
	}
	if !fileChanged && sum == lf.sum {
		return nil
	}
	if !fileChanged && lf.err != nil && sum == lf.errSum {
		return lf.err
	}
	// A correction is due when the source, not the file, changed what
	// readers had read.
	sourceChanged := lf.sum != [32]byte{} && sum != lf.sum
	res, err := live.Merge(name, lf.file, body, lf.updates)
	var e *Entry
	if err == nil {
		e, err = newEntry(name, res.Story, nil, s.prepare)
	}
	if err != nil {
		lf.err, lf.errSum = err, sum
		err = fmt.Errorf("%s: its live source %s, as read at %s: %w", name, lf.url, read.UTC().Format(time.RFC3339), err)
		f.err = err
		if f.entry != nil {
			s.log.Error("live source does not make a story: the last good version stays live", "file", name, "source", lf.url, "errors", err.Error())
		} else {
			s.log.Error("live source does not make a story: not published", "file", name, "source", lf.url, "errors", err.Error())
		}
		return err
	}
	if lf.file.Live.Corrections && sourceChanged && f.entry != nil {
		if revised := live.Revised(f.entry.Story, e.Story); len(revised) > 0 {
			lf.updates = append(lf.updates, live.Correction(e.Story, lf.file.Live.Zone, revised, time.Now()))
			if len(lf.updates) > maxCorrections {
				lf.updates = lf.updates[len(lf.updates)-maxCorrections:]
			}
			if res, err = live.Merge(name, lf.file, body, lf.updates); err == nil {
				e, err = newEntry(name, res.Story, nil, s.prepare)
			}
			if err != nil {
				return fmt.Errorf("%s: adding a correction: %w", name, err)
			}
		}
	}
	e.Live = &LiveInfo{URL: lf.url, Read: read, Warnings: res.Warnings, Cached: cached}
	lf.sum, lf.err = sum, nil
	f.entry, f.err = e, nil
	if !cached {
		saved := &live.Saved{File: name, URL: lf.url, Body: body, Read: read, Updates: lf.updates}
		if err := s.cache.Save(lf.key, saved); err != nil {
			s.log.Warn("live story not kept for a restart", "file", name, "err", err)
		}
	}
	return nil
}

// sourceProblem is a live story's source that did not answer well last
// time it was read; s.mu is held.
func (s *Store) sourceProblem(name string) (Problem, bool) {
	url, ok := s.liveURLs[name]
	if !ok || s.sources == nil {
		return Problem{}, false
	}
	rd, ok := s.sources.Latest(url)
	if !ok || rd.Err == nil {
		return Problem{}, false
	}
	served := false
	for _, e := range s.byID {
		if e.File == name {
			served = true
		}
	}
	return Problem{File: name, Err: fmt.Errorf("its live source %s: %w (%d failed reads in a row)", url, rd.Err, rd.Failures), Stale: served}, true
}

// Sources is what is known of each live source in use, by address.
func (s *Store) Sources() []live.Read {
	if s.sources == nil {
		return nil
	}
	return s.sources.All()
}
