package draft

import (
	"strings"
	"testing"

	"explainer/app/story"
)

// TestLiveStoryWrittenAsItChecks: a story that follows a sheet and
// leaves its title and language to it is written without them, so that
// what passed the check still does once written; a story that gives them
// keeps them.
func TestLiveStoryWrittenAsItChecks(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		passes     bool
		absent     []string
	}{
		{"live, title and language from the sheet", `{"id": "a", "live": {"url": "https://sheets.example/a.csv"}}`, true, []string{`"title"`, `"language"`}},
		{"live, its own title", `{"id": "a", "title": "Mine", "live": {"url": "https://sheets.example/a.csv"}}`, true, []string{`"language"`}},
		{"live, its own language, last before live", `{"id": "a", "language": "uk", "live": {"url": "https://sheets.example/a.csv"}, "credits": [{"role": "Graphics", "name": "A"}]}`, true, []string{`"title"`}},
		{"not live", `{"id": "a"}`, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := New([]byte(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			out := d.JSON()
			_, list := Parse("a.json", out)
			if (len(list) == 0) != tc.passes {
				t.Errorf("written:\n%s\nproblems: %v", out, list)
			}
			for _, a := range tc.absent {
				if strings.Contains(string(out), a) {
					t.Errorf("written with %s:\n%s", a, out)
				}
			}
			again, err := New(out)
			if err != nil || again.Story().ID != "a" || (again.Story().Live == nil) != (d.Story().Live == nil) {
				t.Errorf("written, it does not read back: %v\n%s", err, out)
			}
			if _, err := story.Marshal(d.Story()); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestLiveStoryWithoutEvents: a story read from a file that has no
// events, title or language of its own (the server's save reads it so)
// is written with events [] and without the others, and checks.
func TestLiveStoryWithoutEvents(t *testing.T) {
	out, err := story.Marshal(&story.Story{ID: "a", Live: &story.Live{URL: "https://sheets.example/a.csv"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, list := Parse("a.json", out); len(list) != 0 || !strings.Contains(string(out), `"events": []`) || strings.Contains(string(out), `"title"`) {
		t.Errorf("written:\n%s\nproblems: %v", out, list)
	}
}
