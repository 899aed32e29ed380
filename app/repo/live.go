package repo

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"slices"
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
	// Read is when the content served was first read.
	Read time.Time
	// Warnings are what the conversion of the source could not keep, at
	// its row and column, and what of the file no longer meets it.
	Warnings []string
	// Cached: the content was kept on disk from before the server
	// started (live.Cache), and the source has not given it since.
	Cached bool
}

// Live says where a live story's events come from; nil for a story
// without a live source.
func (e *Entry) Live() *LiveInfo { return e.live.Load() }

// liveFile is what the store keeps of a file that names a live source.
type liveFile struct {
	file  *story.Story // the story file, as last parsed well
	url   string
	every time.Duration // the file's interval; 0: the default schedule
	key   string        // in the cache
	// broken: the file no longer parses. Its source is still read, but
	// nothing is made until the file is mended.
	broken bool
	// built is the sum of the source content the served version was
	// made of (zero before any); errSum that of the content err is
	// about, so that each content is tried once and said once.
	built, errSum [32]byte
	err           error
	// updates are the corrections refreshes added, kept across restarts
	// in the cache; kept is the content the cache kept, read at
	// keptRead, for as long as the source has given none; loaded says
	// the cache was looked in.
	updates  []story.Update
	kept     []byte
	keptRead time.Time
	loaded   bool
}

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
	lf := &liveFile{file: file, url: url, every: file.Live.Every.Duration(), key: live.Key(s.cacheName(name), url)}
	if prev := f.live; prev != nil && prev.url == url {
		// The same source: what was made of it carries over.
		lf.updates, lf.loaded, lf.kept, lf.keptRead = prev.updates, prev.loaded, prev.kept, prev.keptRead
		lf.built = prev.built
	}
	if s.cache == nil && !s.warnedNoCache {
		s.warnedNoCache = true
		s.log.Warn("live stories are not kept on disk: after a restart, each waits for its source")
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

// maxCorrections bounds the corrections refreshes add to a story: the
// oldest go first.
const maxCorrections = 100

// refreshLive makes a live story again when its file changed, its
// source's content did, or the last try failed and either changed since;
// otherwise it does nothing, so that a source that answers 304, or the
// same content, costs no render.
func (s *Store) refreshLive(name string, f *fileState, fileChanged bool) error {
	lf := f.live
	if lf == nil || lf.broken {
		return nil
	}
	if !lf.loaded {
		lf.loaded = true
		if saved, ok := s.cache.Load(lf.key); ok && saved.URL == lf.url {
			lf.updates, lf.kept, lf.keptRead = saved.Updates, saved.Body, saved.Read
			if s.sources != nil {
				s.sources.Hint(lf.url, sha256.Sum256(saved.Body), saved.Read)
			}
		}
	}
	var body []byte
	var sum [32]byte
	var read time.Time
	cached := false
	if s.sources != nil {
		if rd, ok := s.sources.Latest(lf.url); ok && rd.Body != nil {
			body, sum, read = rd.Body, rd.Sum, rd.Changed
			lf.kept = nil // the source's own content from now on
		}
	}
	if body == nil && lf.kept != nil {
		body, sum, read, cached = lf.kept, sha256.Sum256(lf.kept), lf.keptRead, true
	}
	if body == nil {
		err := fmt.Errorf("%s: its live source %s has not been read yet", name, lf.url)
		if f.err == nil || f.err.Error() != err.Error() {
			s.log.Info("live story waits for its source", "file", name, "source", lf.url)
		}
		f.err = err
		return nil
	}
	if !fileChanged && f.err == nil && sum == lf.built {
		if e := f.entry; e != nil && !cached {
			if l := e.Live(); l != nil && l.Cached {
				// The source gave what the cache had: say so, without
				// a new version (nothing readers get changed).
				c := *l
				c.Cached, c.Read = false, read
				e.live.Store(&c)
			}
		}
		return nil
	}
	if !fileChanged && lf.err != nil && sum == lf.errSum {
		return lf.err
	}
	updates := lf.updates
	e, res, err := s.makeLive(name, lf, body, updates)
	// A correction is due when the source, not the file, changed what
	// readers had read: the version served was made of other content.
	if err == nil && lf.file.Live.Corrections && f.entry != nil && lf.built != ([32]byte{}) && sum != lf.built {
		if revised := live.Revised(f.entry.Story, e.Story); len(revised) > 0 {
			room := min(maxCorrections, story.MaxUpdates-len(lf.file.Updates))
			updates = append(slices.Clone(updates), live.Correction(e.Story, lf.file.Live.Zone, revised, time.Now()))
			if len(updates) > room {
				updates = updates[len(updates)-max(room, 0):]
			}
			e, res, err = s.makeLive(name, lf, body, updates)
		}
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
	e.live.Store(&LiveInfo{URL: lf.url, Read: read, Warnings: res.Warnings, Cached: cached})
	if prev := f.entry; prev != nil && prev.ETag == e.ETag {
		// Made again, the same for readers (a sheet's edit the story
		// does not show): the version served stays, and nothing is
		// rendered again.
		prev.live.Store(e.Live())
		e = prev
	}
	lf.built, lf.err, lf.updates = sum, nil, updates
	f.entry, f.err = e, nil
	if !cached {
		saved := &live.Saved{File: name, URL: lf.url, Body: body, Read: read, Updates: updates}
		if err := s.cache.Save(lf.key, saved); err != nil {
			s.log.Warn("live story not kept for a restart", "file", name, "err", err)
		}
	}
	return nil
}

// makeLive puts a live story together and prepares it for serving.
func (s *Store) makeLive(name string, lf *liveFile, body []byte, updates []story.Update) (*Entry, *live.Result, error) {
	res, err := live.Merge(name, lf.file, body, updates)
	if err != nil {
		return nil, nil, err
	}
	e, err := newEntry(name, res.Story, nil, s.prepare)
	return e, res, err
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
			break
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

// Waiting reports whether a live story is not served yet: its source has
// not given content that makes it.
func (s *Store) Waiting() bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	served := make(map[string]bool, len(s.byID))
	for _, e := range s.byID {
		served[e.File] = true
	}
	for name := range s.liveURLs {
		if !served[name] {
			return true
		}
	}
	return false
}
