package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
)

// TestTimelineDropIn: a TimelineJS file put among the stories is served
// like a story, under the id its file name gives, and /healthz says it
// was converted and what the conversion could not keep. A broken edit of
// it keeps the last good version live, as for any story.
func TestTimelineDropIn(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile("../timelinejs/testdata/end-before-start.json")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "mistakes.json")
	testenv.WriteFile(t, file, string(data))
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{HealthToken: healthToken})
	h := s.Handler()

	res := get(t, h, "GET", "/s/mistakes/", nil)
	if res.StatusCode != 200 {
		t.Fatalf("the converted timeline: %d", res.StatusCode)
	}
	page := body(t, res)
	for _, want := range []string{"Mistakes an editor makes", "Ends before it starts", "A repeated unique id"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	health := body(t, healthGet(t, h))
	if !strings.Contains(health, "converted: mistakes.json: TimelineJS, 9 warnings\n") {
		t.Errorf("/healthz does not say the file was converted:\n%s", health)
	}
	if !strings.Contains(health, "warning: mistakes.json:4:") || !strings.Contains(health, "the end is dropped") {
		t.Errorf("/healthz lacks the conversion's warnings:\n%s", health)
	}

	// A broken edit: a trailing comma. The last good version stays.
	testenv.WriteFile(t, file, strings.Replace(string(data), `"Mistakes an editor makes" } }`, `"Mistakes an editor makes" }, },`, 1))
	if err := s.Site().Stories().Reload(); err == nil {
		t.Fatal("the broken timeline reloaded without an error")
	}
	if page := body(t, get(t, h, "GET", "/s/mistakes/", nil)); !strings.Contains(page, "Mistakes an editor makes") {
		t.Error("the last good version is not served")
	}
	if health := body(t, healthGet(t, h)); !strings.Contains(health, "stale: mistakes.json: ") || !strings.Contains(health, "trailing comma") {
		t.Errorf("/healthz does not report the broken edit:\n%s", health)
	}
}
