package studio

import (
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"explainer/app/internal/testenv"
	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/studio/api"
)

// TestSavesWhatTheServerServes: a story that reads, but whose page would
// be too large for the server to serve, is refused by the studio's save
// and check with the reason explainer validate gives (the server's own
// check, site.Check), and listed as not valid; the same story a little
// lighter is saved.
func TestSavesWhatTheServerServes(t *testing.T) {
	// One event's body of '<', which a page writes as &lt;: a file of
	// 3 MB, within a story file's size, whose page is 12 MB more.
	heavy := strings.Replace(storyV1, `"start": {"date": "2025-03-01"}`, `"start": {"date": "2025-03-01"}, "body": "`+strings.Repeat("<", 3_000_000)+`"`, 1)
	_, err := site.Check("heavy.json", []byte(heavy))
	if err == nil || !strings.Contains(err.Error(), "its page would be") {
		t.Fatalf("the test story is not too heavy for its page: %v", err)
	}
	want := err.Error()
	dir := folderWith(t, map[string]string{"live.json": storyV1, "heavy.json": heavy})
	c := start(t, Config{Path: dir})

	var list api.List
	if code := c.do("GET", api.FilesPath, nil, &list); code != http.StatusOK || len(list.Files) != 2 || list.Files[0].Name != "heavy.json" || list.Files[0].Valid || !list.Files[1].Valid {
		t.Errorf("list: %d %+v", code, list.Files)
	}
	var checked api.Checked
	if code := c.do("POST", api.CheckPath, api.File{Name: "heavy.json", Text: heavy}, &checked); code != http.StatusOK || len(checked.Problems) != 1 || checked.Problems[0].Message != want {
		t.Errorf("check: %d %+v; want %q", code, checked.Problems, want)
	}
	var refused api.Failure
	if code := c.do("PUT", api.FilePath("heavy.json"), api.File{Version: version([]byte(heavy)), Text: heavy}, &refused); code != http.StatusUnprocessableEntity || len(refused.Problems) != 1 || refused.Problems[0].Message != want {
		t.Errorf("save: %d %+v; want %q", code, refused, want)
	}
	lighter := strings.Replace(heavy, strings.Repeat("<", 3_000_000), strings.Repeat("<", 1_000_000), 1)
	if code := c.do("PUT", api.FilePath("heavy.json"), api.File{Version: version([]byte(heavy)), Text: lighter}, nil); code != http.StatusOK {
		t.Errorf("save of a story that fits: %d", code)
	}
}

// TestTimelineIsImportedNotSaved: a TimelineJS file, which the server
// converts as it loads one, passes the server's check, but the studio
// writes story files: its save and check say to import it.
func TestTimelineIsImportedNotSaved(t *testing.T) {
	timeline := `{"events": [{"start_date": {"year": "2020"}, "text": {"headline": "A"}}]}`
	if _, err := site.Check("t.json", []byte(timeline)); err != nil {
		t.Fatalf("the server does not load the timeline: %v", err)
	}
	c := start(t, Config{Path: folderWith(t, map[string]string{"live.json": storyV1})})
	var checked api.Checked
	if code := c.do("POST", api.CheckPath, api.File{Name: "t.json", Text: timeline}, &checked); code != http.StatusOK || len(checked.Problems) != 1 || !strings.Contains(checked.Problems[0].Message, "import it") {
		t.Errorf("check: %d %+v", code, checked.Problems)
	}
	if code := c.do("PUT", api.FilePath("t.json"), api.File{Text: timeline}, nil); code != http.StatusUnprocessableEntity {
		t.Errorf("save: %d", code)
	}
}

// TestListChecksWhatChanged: the list checks a file (which renders its
// heaviest pages) once per version: listed again unchanged, no file is
// checked; after one is edited on disk, that one alone.
func TestListChecksWhatChanged(t *testing.T) {
	dir := folderWith(t, map[string]string{"a.json": storyV1, "b.json": strings.Replace(storyV1, `"id": "live"`, `"id": "other"`, 1)})
	var mu sync.Mutex
	checked := map[string]int{}
	c := start(t, Config{Path: dir, Check: func(name string, data []byte) (*story.Story, error) {
		mu.Lock()
		checked[name]++
		mu.Unlock()
		return site.Check(name, data)
	}})
	list := func() {
		t.Helper()
		var l api.List
		if code := c.do("GET", api.FilesPath, nil, &l); code != http.StatusOK || len(l.Files) != 2 || !l.Files[0].Valid || !l.Files[1].Valid {
			t.Fatalf("list: %d %+v", code, l.Files)
		}
	}
	list()
	list()
	if checked["a.json"] != 1 || checked["b.json"] != 1 {
		t.Errorf("listed twice unchanged, the files were checked %v times; want once each", checked)
	}
	testenv.WriteFile(t, filepath.Join(dir, "a.json"), strings.Replace(storyV1, "Version one", "Version two", 1))
	list()
	if checked["a.json"] != 2 || checked["b.json"] != 1 {
		t.Errorf("after an edit of a.json, the files were checked %v times; want a.json twice, b.json once", checked)
	}
}
