package studio

import (
	"net/http"
	"strings"
	"testing"

	"explainer/app/site"
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
