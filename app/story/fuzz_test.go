package story

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that no input makes Parse panic or hang, that every
// problem has a place in the file, and that every story it accepts survives a round trip through encoding/json.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/errors/*.json")
	seeds = append(seeds, defaultStoryPath)
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"id":"s","title":"T","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025-02-28T13:40","zone":"America/New_York"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("fuzz.json", data)
		if err != nil {
			if s != nil {
				t.Fatal("Parse returned a story and an error")
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("a problem without a location:\n%v", err)
			}
			return
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("Marshal of a parsed story: %v", err)
		}
		if _, err := Parse("fuzz2.json", out); err != nil {
			t.Fatalf("a parsed story does not parse again after marshalling: %v\n%s", err, out)
		}
	})
}
