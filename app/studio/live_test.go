package studio

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
	"explainer/app/site"
	"explainer/app/studio/api"
)

// sheetCSV is a sheet made from the TimelineJS template, as Google Sheets
// publishes it to the web as CSV, with an ID column for its rows.
const sheetCSV = `Year,Month,Day,Headline,Text,Type,ID
,,,Aid talks,What happened after the meeting.,title,
2025,2,28,Meeting in the Oval Office,The meeting ends early.,,meeting
2025,3,3,Aid paused,The aid is paused.,,aid-paused
`

// liveFile is a story file that follows url, with a quote on the row
// aid-paused.
func liveFile(url string) string {
	return `{"id": "aid-talks", "live": {"url": "` + url + `", "language": "en"},
  "people": [{"id": "zelensky", "name": "Volodymyr Zelensky"}],
  "quotes": [{"id": "q", "speaker": "zelensky", "text": "He said the aid mattered.", "kind": "reported", "event": "aid-paused"}]}`
}

// TestSheetPreview: a sheet's link pasted in the studio is read now and
// previewed: its title, events and first headlines, and the file that
// would follow it (which passes the server's check); a sheet that does
// not convert is placed at its row and column; one that is unpublished,
// or a web page, says so; an address that is not http(s) is never read.
func TestSheetPreview(t *testing.T) {
	good := sheettest.New(t, sheetCSV)
	broken := sheettest.New(t, strings.Replace(sheetCSV, "2025,3,3", "2025,13,3", 1))
	denied := sheettest.New(t, sheetCSV)
	denied.SetStatus(http.StatusForbidden)
	page := sheettest.New(t, sheetCSV)
	page.SetMode(sheettest.HTMLPage)
	c := start(t, Config{Path: folderWith(t, nil)})

	var p api.SheetPreview
	if code := c.do("POST", api.SheetPath, api.Sheet{URL: good.URL, Lang: "en"}, &p); code != http.StatusOK {
		t.Fatalf("preview of a good sheet: %d", code)
	}
	if p.Title != "Aid talks" || p.ID != "aid-talks" || p.Events != 2 || len(p.First) != 2 ||
		p.First[0] != (api.Headline{ID: "meeting", Date: "2025-02-28", Headline: "Meeting in the Oval Office"}) {
		t.Errorf("preview: %+v", p)
	}
	if !strings.Contains(p.Text, `"id": "aid-talks"`) || !strings.Contains(p.Text, `"url": "`+good.URL+`"`) || !strings.Contains(p.Live, `"language":"en"`) {
		t.Errorf("the file that would follow the sheet:\n%s\nlive: %s", p.Text, p.Live)
	}
	var checked api.Checked
	if code := c.do("POST", api.CheckPath, api.File{Name: "aid-talks.json", Text: p.Text}, &checked); code != http.StatusOK || len(checked.Problems) != 0 {
		t.Errorf("the new file does not pass the server's check: %d %+v", code, checked.Problems)
	}

	for _, tc := range []struct {
		name   string
		sheet  api.Sheet
		status int
		want   string
		place  api.Problem // of the first problem, when set
	}{
		{"a bad date in a row", api.Sheet{URL: broken.URL}, http.StatusUnprocessableEntity, "fix these cells", api.Problem{Line: 4, Column: 6, Path: "row 4, Month"}},
		{"an unpublished sheet", api.Sheet{URL: denied.URL}, http.StatusBadGateway, "403 Forbidden: the sheet is no longer published to the web", api.Problem{}},
		{"a sign-in page", api.Sheet{URL: page.URL}, http.StatusBadGateway, "a web page in place of the sheet", api.Problem{}},
		{"not http", api.Sheet{URL: "file:///etc/passwd"}, http.StatusBadRequest, "is not an http(s) address", api.Problem{}},
		{"no address", api.Sheet{URL: " "}, http.StatusBadRequest, "is not an http(s) address", api.Problem{}},
		{"a bad language", api.Sheet{URL: good.URL, Lang: "english please"}, http.StatusBadRequest, "is not a language tag", api.Problem{}},
		{"a bad zone", api.Sheet{URL: good.URL, Zone: "Mars/Olympus"}, http.StatusBadRequest, "is not a time zone", api.Problem{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var f api.Failure
			code := c.do("POST", api.SheetPath, tc.sheet, &f)
			if code != tc.status || !strings.Contains(f.Message, tc.want) {
				t.Fatalf("%d %q; want %d and %q", code, f.Message, tc.status, tc.want)
			}
			if tc.place.Line != 0 {
				if len(f.Problems) == 0 {
					t.Fatalf("no problems placed: %+v", f)
				}
				got := f.Problems[0]
				if got.Line != tc.place.Line || got.Column != tc.place.Column || got.Path != tc.place.Path || got.Message == "" {
					t.Errorf("placed at %+v; want line %d, column %d, %s", got, tc.place.Line, tc.place.Column, tc.place.Path)
				}
			}
		})
	}
	if all, _, _ := good.Requests(); all != 1 {
		t.Errorf("the good sheet was read %d times; want once (options refused before reading)", all)
	}
}

// served opens the folder as the server does, following its live sources
// (read once, now), for the studio to see.
func served(t *testing.T, dir string) *repo.Store {
	t.Helper()
	d, err := repo.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s := repo.New(d, log, site.FitsInPage)
	p := live.NewPoller(live.Config{Logger: log, Fresh: time.Hour})
	s.Follow(p, live.NewCache(t.TempDir()))
	s.Reload()
	p.Prime(context.Background())
	return s
}

// TestRefreshPreview: "Check the sheet now" on a live story compares what
// readers get with what the sheet, edited since, and the editor's text
// would give: the row added, the row removed, the row revised, and the
// quote on the removed row that would be dropped; a sheet broken since is
// placed at its row and column. Nothing is saved, and what is served
// stays as it was.
func TestRefreshPreview(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	dir := folderWith(t, map[string]string{"aid-talks.json": liveFile(sheet.URL)})
	store := served(t, dir)
	if _, ok := store.Get("aid-talks"); !ok {
		t.Fatalf("not served: %v", store.Problems())
	}
	c := start(t, Config{Path: dir, Served: store})
	text := liveFile(sheet.URL)

	edited := `Year,Month,Day,Headline,Text,Type,ID
,,,Aid talks,What happened after the meeting.,title,
2025,2,28,Meeting in the Oval Office,The meeting ends early; no deal is signed.,,meeting
2025,3,11,Talks in Jeddah,Envoys meet in Saudi Arabia.,,jeddah
`
	sheet.Set(edited)
	var r api.Refresh
	if code := c.do("POST", api.RefreshPath, api.File{Name: "aid-talks.json", Text: text}, &r); code != http.StatusOK {
		t.Fatalf("refresh: %d", code)
	}
	ids := func(hs []api.Headline) string {
		var s []string
		for _, h := range hs {
			s = append(s, h.ID)
		}
		return strings.Join(s, ",")
	}
	if !r.Served || r.URL != sheet.URL || r.Events != 2 || ids(r.Added) != "jeddah" || ids(r.Removed) != "aid-paused" || ids(r.Revised) != "meeting" {
		t.Errorf("refresh: %+v", r)
	}
	if len(r.Dropped) != 1 || r.Dropped[0].Field != "$.quotes[0].event" || !strings.Contains(r.Dropped[0].Message, `"q"`) {
		t.Errorf("dropped: %+v", r.Dropped)
	}
	if e, _ := store.Get("aid-talks"); len(e.Story.Events) != 2 || e.Story.Events[1].ID != "aid-paused" {
		t.Error("the preview changed what readers get")
	}

	// The editor's text, unsaved, is what is compared: the quote moved
	// to a row the sheet keeps is dropped no more.
	moved := strings.Replace(text, `"event": "aid-paused"`, `"event": "meeting"`, 1)
	if code := c.do("POST", api.RefreshPath, api.File{Name: "aid-talks.json", Text: moved}, &r); code != http.StatusOK || len(r.Dropped) != 0 {
		t.Errorf("refresh of the unsaved text: %d, dropped %+v", code, r.Dropped)
	}

	sheet.Set(strings.Replace(edited, "2025,3,11", "2025,13,11", 1))
	var f api.Failure
	if code := c.do("POST", api.RefreshPath, api.File{Name: "aid-talks.json", Text: text}, &f); code != http.StatusUnprocessableEntity ||
		len(f.Problems) == 0 || f.Problems[0].Line != 4 || f.Problems[0].Column != 6 || f.Problems[0].Path != "row 4, Month" {
		t.Errorf("refresh of a broken sheet: %d %+v", code, f)
	}

	for _, tc := range []struct {
		name, text string
		status     int
		want       string
	}{
		{"a story without a sheet", storyV1, http.StatusBadRequest, "follows no sheet"},
		{"a story with problems", strings.Replace(text, `"speaker": "zelensky"`, `"speaker": "nobody"`, 1), http.StatusUnprocessableEntity, "fix them"},
	} {
		if code := c.do("POST", api.RefreshPath, api.File{Name: "aid-talks.json", Text: tc.text}, &f); code != tc.status || !strings.Contains(f.Message, tc.want) {
			t.Errorf("%s: %d %q; want %d and %q", tc.name, code, f.Message, tc.status, tc.want)
		}
	}
}

// TestLiveStatus: beside a live story the studio shows where readers'
// version was read from and when, and why the sheet's edit is not live:
// a source that fails, or a sheet that does not convert, at its row and
// column.
func TestLiveStatus(t *testing.T) {
	good := sheettest.New(t, sheetCSV)
	failing := sheettest.New(t, sheetCSV)
	failing.SetStatus(http.StatusServiceUnavailable)
	broken := sheettest.New(t, strings.Replace(sheetCSV, "2025,3,3", "2025,13,3", 1))
	dir := folderWith(t, map[string]string{
		"aid-talks.json": liveFile(good.URL),
		"failing.json":   strings.Replace(liveFile(failing.URL), `"aid-talks"`, `"failing"`, 1),
		"broken.json":    strings.Replace(liveFile(broken.URL), `"aid-talks"`, `"broken"`, 1),
		"plain.json":     storyV1,
	})
	store := served(t, dir)
	c := start(t, Config{Path: dir, Served: store})
	for _, tc := range []struct {
		file    string
		url     string
		served  bool
		problem string
	}{
		{"aid-talks.json", good.URL, true, ""},
		{"failing.json", failing.URL, false, "its live source " + failing.URL + ": the source answered 503"},
		{"broken.json", broken.URL, false, ":4:6: row 4, Month:"},
		{"plain.json", "", false, ""},
	} {
		var st api.LiveStatus
		if code := c.do("GET", api.LivePath+"?file="+tc.file, nil, &st); code != http.StatusOK {
			t.Fatalf("%s: %d", tc.file, code)
		}
		if !st.Known || st.URL != tc.url || st.Served != tc.served || (tc.served && st.Read == "") {
			t.Errorf("%s: %+v", tc.file, st)
		}
		if got := strings.Join(st.Problems, "\n"); tc.problem == "" && got != "" || !strings.Contains(got, tc.problem) {
			t.Errorf("%s: problems %q; want %q", tc.file, got, tc.problem)
		}
	}
	// The folder's list says which files follow a sheet, and why one is
	// not live as it is.
	var list api.List
	if code := c.do("GET", api.FilesPath, nil, &list); code != http.StatusOK || len(list.Files) != 4 {
		t.Fatalf("list: %d %+v", code, list)
	}
	for _, e := range list.Files {
		want := map[string]struct{ live, problem string }{
			"aid-talks.json": {good.URL, ""},
			"broken.json":    {broken.URL, "row 4, Month"},
			"failing.json":   {failing.URL, "the source answered 503"},
			"plain.json":     {"", ""},
		}[e.Name]
		if e.Live != want.live || (want.problem == "") != (e.Problem == "") || !strings.Contains(e.Problem, want.problem) {
			t.Errorf("listed: %+v; want live %q, problem %q", e, want.live, want.problem)
		}
	}
	var f api.Failure
	if code := c.do("GET", api.LivePath+"?file=../x.json", nil, &f); code != http.StatusBadRequest {
		t.Errorf("a name outside the folder: %d", code)
	}
	// A studio that does not see the site says so, and still names the
	// file's source.
	alone := start(t, Config{Path: dir})
	var st api.LiveStatus
	if code := alone.do("GET", api.LivePath+"?file=aid-talks.json", nil, &st); code != http.StatusOK || st.Known || st.URL != good.URL {
		t.Errorf("without the site: %d %+v", code, st)
	}
}

// TestLinkedStorySaved: the file the preview of a sheet makes is saved
// as it was checked: written in the studio's format, it still leaves the
// title and language to the sheet, and the server's check passes it.
func TestLinkedStorySaved(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	dir := folderWith(t, nil)
	c := start(t, Config{Path: dir})
	var p api.SheetPreview
	if code := c.do("POST", api.SheetPath, api.Sheet{URL: sheet.URL}, &p); code != http.StatusOK {
		t.Fatalf("preview: %d", code)
	}
	var f api.File
	if code := c.do("PUT", api.FilePath(p.ID+".json"), api.File{Text: p.Text}, &f); code != http.StatusOK {
		t.Fatalf("save: %d", code)
	}
	data, err := os.ReadFile(filepath.Join(dir, p.ID+".json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := site.Check(p.ID+".json", data); err != nil {
		t.Errorf("the file saved does not pass the server's check: %v\n%s", err, data)
	}
}
