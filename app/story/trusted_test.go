package story_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"explainer/app/story"
	"explainer/app/story/storytest"
)

// Decode gives the story Parse gives, index and times included, for
// what the server embeds in a page (the readers' JSON) and for the files
// themselves: the built-in story, the widget's fixtures and a generated
// story of 1,000 events.
func TestDecodeAgreesWithParse(t *testing.T) {
	files := map[string][]byte{
		storytest.BuiltInName: storytest.BuiltInJSON(t),
		"generated-1000":      storytest.Generate(1000),
	}
	fixtures, err := filepath.Glob("../widget/testdata/*.json")
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no widget fixtures: %v", err)
	}
	for _, f := range fixtures {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		files[f] = data
	}
	for name, data := range files {
		parsed, err := story.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		page, err := json.Marshal(parsed.ForReaders())
		if err != nil {
			t.Fatal(err)
		}
		for form, data := range map[string][]byte{"file": data, "page": page} {
			want, err := story.Parse(name, data)
			if err != nil {
				t.Fatalf("%s as a %s: %v", name, form, err)
			}
			got, err := story.Decode(data)
			if err != nil {
				t.Fatalf("Decode %s as a %s: %v", name, form, err)
			}
			if !reflect.DeepEqual(got, want) {
				a, _ := json.Marshal(got)
				b, _ := json.Marshal(want)
				t.Errorf("Decode and Parse differ on %s as a %s (same JSON: %v)", name, form, string(a) == string(b))
			}
			if len(got.Events) > 0 && got.Events[0].Start.Time().IsZero() {
				t.Errorf("%s as a %s: the first event has no time", name, form)
			}
		}
	}
}

// Decode refuses what it cannot read or place in time, rather than give
// a story with zero times, and a story without events.
func TestDecodeRefuses(t *testing.T) {
	for name, data := range map[string]string{
		"not JSON":     `{"id":`,
		"not a story":  `[1]`,
		"bad date":     `{"id":"a","events":[{"id":"e","start":{"date":"2025-13"}}]}`,
		"unknown zone": `{"id":"a","events":[{"id":"e","start":{"date":"2025-02-28T13","zone":"Mars/Olympus"}}]}`,
		"no zone":      `{"id":"a","events":[{"id":"e","start":{"date":"2025-02-28T13"}}]}`,
		"nested":       `{"id":"a","events":[{"id":"e","start":{"date":"2025"}}],"quotes":[{"id":"q","when":{"date":"soon"}}]}`,
		"no events":    `{"id":"a","events":[]}`,
		"empty":        `{}`,
	} {
		if s, err := story.Decode([]byte(data)); err == nil {
			t.Errorf("%s: Decode accepted it: %+v", name, s)
		}
	}
}
