package repo_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"explainer/app/internal/sheettest"
	"explainer/app/live"
	"explainer/app/repo"
)

const sheetCSV = `Year,Month,Day,Headline,Text,Type,ID
,,,Aid talks,What happened after the meeting.,title,
2025,2,28,Meeting in the Oval Office,The meeting ends early.,,meeting
2025,3,3,Aid paused,The aid is paused.,,aid-paused
`

func storyFile(id, url string, extra string) string {
	return `{"id": "` + id + `", "live": {"url": "` + url + `"` + extra + `},
  "people": [{"id": "zelensky", "name": "Volodymyr Zelensky"}],
  "quotes": [{"id": "q", "speaker": "zelensky", "text": "He said the aid mattered.", "kind": "reported", "event": "aid-paused"}]}`
}

// open makes a store of dir that follows its live sources (not on a
// schedule: the test reads them with Prime), kept in cache.
func open(t *testing.T, dir, cache string) (*repo.Store, *live.Poller) {
	t.Helper()
	d, err := repo.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s := repo.New(d, log, nil)
	p := live.NewPoller(live.Config{Logger: log, Fresh: time.Hour})
	s.Follow(p, live.NewCache(cache))
	s.Reload()
	p.Prime(context.Background())
	return s, p
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestTwoStoriesOneSource: stories on one sheet read it once.
func TestTwoStoriesOneSource(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	dir := t.TempDir()
	write(t, dir, "a.json", storyFile("a", sheet.URL, ""))
	write(t, dir, "b.json", storyFile("b", sheet.URL, `, "every": "5m"`))
	s, _ := open(t, dir, t.TempDir())
	if n := len(s.List()); n != 2 {
		t.Fatalf("%d stories served; want 2: %v", n, s.Problems())
	}
	if all, _, _ := sheet.Requests(); all != 1 {
		t.Errorf("%d requests for two stories on one sheet; want 1", all)
	}
}

// TestSheetEditsAndFileEdits: a sheet's edit and a file's edit each
// make the story again; a read of the same content makes nothing.
func TestSheetEditsAndFileEdits(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	dir := t.TempDir()
	write(t, dir, "a.json", storyFile("a", sheet.URL, ""))
	s, p := open(t, dir, t.TempDir())
	first, ok := s.Get("a")
	if !ok {
		t.Fatalf("not served: %v", s.Problems())
	}
	// Read again, unchanged (a 304): the same version, nothing made.
	p.Use(map[string][]time.Duration{}) // forget it, so that Prime reads it again
	s.Reload()
	p.Prime(context.Background())
	if e, _ := s.Get("a"); e != first {
		t.Error("the story was made again from the same content")
	}

	sheet.Set(strings.Replace(sheetCSV, "Aid paused", "Aid paused for review", 1))
	p.Use(map[string][]time.Duration{})
	s.Reload()
	p.Prime(context.Background())
	e, _ := s.Get("a")
	if ev := e.Story.Event("aid-paused"); ev == nil || ev.Headline != "Aid paused for review" {
		t.Fatalf("the sheet's edit is not served: %+v", ev)
	}
	if len(e.Story.Quotes) != 1 {
		t.Error("the ID column keeps the quote tied to a row whose headline changed; it was dropped")
	}
	before, _, _ := sheet.Requests()
	write(t, dir, "a.json", strings.Replace(storyFile("a", sheet.URL, ""), "He said the aid mattered.", "He said the aid was vital.", 1))
	s.Reload()
	e, _ = s.Get("a")
	if e.Story.Quotes[0].Text != "He said the aid was vital." {
		t.Error("the file's edit is not served")
	}
	if after, _, _ := sheet.Requests(); after != before {
		t.Error("a file's edit read the sheet again")
	}
}

// TestRestartServesTheKeptVersion: a server that starts while its sheet
// fails serves the version kept from before, corrections and all.
func TestRestartServesTheKeptVersion(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	dir, cache := t.TempDir(), t.TempDir()
	write(t, dir, "a.json", storyFile("a", sheet.URL, `, "corrections": true`))
	s, p := open(t, dir, cache)
	sheet.Set(strings.Replace(sheetCSV, "The aid is paused.", "The aid is paused for review.", 1))
	p.Use(map[string][]time.Duration{})
	s.Reload()
	p.Prime(context.Background())
	if e, _ := s.Get("a"); len(e.Story.Updates) != 1 {
		t.Fatalf("updates %+v; want the correction", e.Story.Updates)
	}

	sheet.SetStatus(http.StatusForbidden)
	s2, _ := open(t, dir, cache)
	e, ok := s2.Get("a")
	if !ok {
		t.Fatalf("after a restart with the sheet unpublished, nothing is served: %v", s2.Problems())
	}
	if ev := e.Story.Event("aid-paused"); ev == nil || !strings.Contains(string(ev.Body), "for review") || len(e.Story.Updates) != 1 || !e.Live().Cached {
		t.Errorf("after a restart: %+v, updates %+v, live %+v; want the kept version", ev, e.Story.Updates, e.Live())
	}
	probs := s2.Problems()
	if len(probs) != 1 || !probs[0].Stale || !strings.Contains(probs[0].Err.Error(), "403 Forbidden") {
		t.Errorf("problems %v; want the 403, stale", probs)
	}

	// Without a cache, there is nothing to serve until the sheet
	// answers, and the problem says so.
	s3, _ := open(t, dir, "")
	if _, ok := s3.Get("a"); ok {
		t.Error("served with no content ever read")
	}
	if probs := s3.Problems(); len(probs) != 2 || !strings.Contains(probs[0].Err.Error()+probs[1].Err.Error(), "has not been read yet") {
		t.Errorf("problems %v", probs)
	}
}

// TestRowRemoved: a row gone takes its event; the file's quote on it is
// left out, with a warning, and the story stays up.
func TestRowRemoved(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	dir := t.TempDir()
	write(t, dir, "a.json", storyFile("a", sheet.URL, ""))
	s, p := open(t, dir, t.TempDir())
	sheet.Set(strings.Replace(sheetCSV, "2025,3,3,Aid paused,The aid is paused.,,aid-paused\n", "", 1))
	p.Use(map[string][]time.Duration{})
	s.Reload()
	p.Prime(context.Background())
	e, ok := s.Get("a")
	if !ok || len(e.Story.Events) != 1 || len(e.Story.Quotes) != 0 {
		t.Fatalf("served %v; want one event and no quote", ok)
	}
	if w := strings.Join(e.Live().Warnings, "\n"); !strings.Contains(w, `"q" is on the event "aid-paused", which the source no longer has`) {
		t.Errorf("warnings: %s", w)
	}
}

// reread forgets what the poller knew of the sheet and reads it again
// whole, as at a restart of the poller, then reloads.
func reread(s *repo.Store, p *live.Poller) {
	p.Use(map[string][]time.Duration{})
	s.Reload()
	p.Prime(context.Background())
	s.Reload()
}

// TestRecoveries: a story stale for a broken sheet is served again when
// the sheet is mended back to what it was; a file edited while its
// sheet fails is served with the content kept; a file broken mid-edit
// keeps its source read and its last good version, and, mended, is
// served with what the sheet holds then.
func TestRecoveries(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	dir, cache := t.TempDir(), t.TempDir()
	write(t, dir, "a.json", storyFile("a", sheet.URL, ""))
	s, p := open(t, dir, cache)
	good, _ := s.Get("a")

	sheet.Set(strings.Replace(sheetCSV, "2025,3,3", "2025,13,3", 1))
	reread(s, p)
	if probs := s.Problems(); len(probs) != 1 || !strings.Contains(probs[0].Err.Error(), "row 4, Month") || !probs[0].Stale {
		t.Fatalf("problems %v; want the bad month, stale", probs)
	}
	sheet.Set(sheetCSV) // undone
	reread(s, p)
	if probs := s.Problems(); len(probs) != 0 {
		t.Errorf("the sheet mended back, problems remain: %v", probs)
	}
	if e, _ := s.Get("a"); e != good {
		t.Error("the sheet mended back to what was served made a new version")
	}

	// A restart while the sheet is unpublished, then an edit of the
	// file: the edit is served, made with the content kept.
	sheet.SetStatus(http.StatusForbidden)
	s2, p2 := open(t, dir, cache)
	write(t, dir, "a.json", strings.Replace(storyFile("a", sheet.URL, ""), "He said the aid mattered.", "He said the aid was vital.", 1))
	s2.Reload()
	e, ok := s2.Get("a")
	if !ok || e.Story.Quotes[0].Text != "He said the aid was vital." || !e.Live().Cached {
		t.Fatalf("the file's edit while the sheet fails is not served: %v", s2.Problems())
	}
	sheet.SetMode(sheettest.OK)
	reread(s2, p2)
	if e2, _ := s2.Get("a"); e2 != e || e2.Live().Cached {
		t.Errorf("the sheet gave what was kept: want the same version (%v), no longer cached (%+v)", e2 == e, e2.Live())
	}

	// A file broken mid-edit: the sheet is still read, its edit not yet
	// shown; mended, the story has both edits.
	write(t, dir, "a.json", `{"id": "a", "live": {`)
	s2.Reload()
	if _, ok := p2.Latest(sheet.URL); !ok {
		t.Error("a broken file made the poller forget its sheet")
	}
	sheet.Set(strings.Replace(sheetCSV, "Aid paused", "Aid paused again", 1))
	reread(s2, p2)
	if e, _ := s2.Get("a"); e.Story.Event("aid-paused").Headline != "Aid paused" {
		t.Error("with the file broken, a sheet edit was made into a version")
	}
	if probs := s2.Problems(); len(probs) != 1 || !strings.Contains(probs[0].Err.Error(), "a.json:1:") {
		t.Errorf("problems %v; want the file's", probs)
	}
	write(t, dir, "a.json", storyFile("a", sheet.URL, ""))
	s2.Reload()
	if e, _ := s2.Get("a"); e.Story.Event("aid-paused").Headline != "Aid paused again" || len(s2.Problems()) != 0 {
		t.Errorf("mended: %q, %v", e.Story.Event("aid-paused").Headline, s2.Problems())
	}
}

// TestCorrectionsOnlyForTheSheet: an edit of the file is the desk's, not
// a revision of what readers read from the sheet: no correction.
func TestCorrectionsOnlyForTheSheet(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	dir := t.TempDir()
	file := storyFile("a", sheet.URL, `, "corrections": true`)
	write(t, dir, "a.json", file)
	s, p := open(t, dir, t.TempDir())
	write(t, dir, "a.json", strings.Replace(file, `"quotes": [`, `"events": [{"id": "aid-paused", "headline": "Aid paused, the desk says", "start": {"date": "2025-03-03"}}], "quotes": [`, 1))
	s.Reload()
	e, _ := s.Get("a")
	if e.Story.Event("aid-paused").Headline != "Aid paused, the desk says" || len(e.Story.Updates) != 0 {
		t.Errorf("a file's edit: headline %q, updates %+v; want no correction", e.Story.Event("aid-paused").Headline, e.Story.Updates)
	}
	write(t, dir, "a.json", file)
	s.Reload()
	sheet.Set(strings.Replace(sheetCSV, "The meeting ends early.", "The meeting ends early in a row.", 1))
	reread(s, p)
	e, _ = s.Get("a")
	if len(e.Story.Updates) != 1 || !strings.Contains(e.Story.Updates[0].Note, "“Meeting in the Oval Office” was revised") {
		t.Errorf("a sheet's revision: updates %+v", e.Story.Updates)
	}
}

// TestQuietSourceCostsNothing: read on its schedule, a sheet that answers
// 304 makes no new version, and no render.
func TestQuietSourceCostsNothing(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	dir := t.TempDir()
	write(t, dir, "a.json", storyFile("a", sheet.URL, `, "every": "1s"`))
	s, p := open(t, dir, t.TempDir())
	first, ok := s.Get("a")
	_, version := s.ListVersion()
	if !ok {
		t.Fatal(s.Problems())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go p.Run(ctx)
	deadline := time.Now().Add(time.Minute)
	for {
		if _, _, notModified := sheet.Requests(); notModified >= 2 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the sheet was not read again")
		}
		time.Sleep(10 * time.Millisecond)
	}
	s.Reload()
	e, _ := s.Get("a")
	if _, v := s.ListVersion(); e != first || v != version {
		t.Errorf("two 304s made a new version (%d → %d)", version, v)
	}
}
