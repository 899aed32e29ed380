// Package storytest makes story files for tests and benchmarks: large
// stories for measuring, without committing megabytes of fixtures.
package storytest

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"testing"
	"time"

	"explainer/app/story"
	"explainer/web"
)

// Load parses a story file, failing the test if it does not parse.
func Load(tb testing.TB, path string) *story.Story {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	s, err := story.Parse(path, data)
	if err != nil {
		tb.Fatalf("%s does not parse:\n%v", path, err)
	}
	return s
}

// Generate returns a valid story file with n events spread over about two
// years in uneven bursts (so the timeline has dense stretches and breaks),
// ten people, a quote for every third event with some replies, and three
// sources.
func Generate(n int) []byte { return GenerateStory("generated", n) }

// GenerateStory is Generate for a story of the given id, for a folder of
// many stories.
func GenerateStory(id string, n int) []byte {
	people := make([]any, 10)
	for i := range people {
		people[i] = map[string]any{"id": fmt.Sprintf("p%d", i), "name": fmt.Sprintf("Person Number%d", i), "role": "Role of the person"}
	}
	sources := []any{
		map[string]any{"id": "s0", "outlet": "Outlet zero", "url": "https://example.com/0"},
		map[string]any{"id": "s1", "outlet": "Outlet one", "url": "https://example.com/1"},
		map[string]any{"id": "s2", "outlet": "Outlet two"},
	}
	t := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	var events, quotes []any
	for i := range n {
		// Bursts of 20 events a few hours apart, then a gap of weeks.
		if i%20 == 0 && i > 0 {
			t = t.Add(time.Duration(20+i%7) * 24 * time.Hour)
		} else {
			t = t.Add(time.Duration(1+i%5) * time.Hour)
		}
		id := fmt.Sprintf("event-%d", i)
		events = append(events, map[string]any{
			"id":       id,
			"headline": fmt.Sprintf("Headline of event %d, long enough to wrap on a phone", i),
			"body":     "First paragraph of the event, with a sentence or two of plain text.\n\nA second paragraph.",
			"start":    map[string]any{"date": t.Format("2006-01-02T15:04"), "zone": "Europe/Kyiv", "approximate": i%4 == 0},
			"place":    "Somewhere",
			"people":   []any{fmt.Sprintf("p%d", i%10), fmt.Sprintf("p%d", (i+3)%10)},
			"sources":  []any{fmt.Sprintf("s%d", i%3)},
		})
		if i%3 == 0 {
			q := map[string]any{
				"id": fmt.Sprintf("quote-%d", i), "speaker": fmt.Sprintf("p%d", i%10), "text": fmt.Sprintf("Words said at event %d", i),
				"kind": []string{"direct", "reported"}[i%2], "event": id, "source": "s0",
			}
			if i%9 == 3 {
				q["replyTo"] = fmt.Sprintf("quote-%d", i-3)
			}
			quotes = append(quotes, q)
		}
	}
	data, err := json.MarshalIndent(map[string]any{
		"id": id, "title": fmt.Sprintf("A story of %d events", n), "language": "en",
		"people": people, "events": events, "quotes": quotes, "sources": sources,
	}, "", " ")
	if err != nil {
		panic(err)
	}
	return data
}

// BuiltInName is the file name of the story built into the binary, in
// web/stories.
const BuiltInName = "oval-office-2025.json"

// BuiltInJSON is the file of the story built into the binary, as the
// binary embeds it.
func BuiltInJSON(tb testing.TB) []byte {
	tb.Helper()
	data, err := fs.ReadFile(web.Stories, "stories/"+BuiltInName)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// BuiltInStory is the story built into the binary, parsed, for tests that
// run the server on it: they take its text from here, never spell it, so
// that an editor's correction breaks no test but the built-in story's
// own (TestBuiltInStory*).
func BuiltInStory(tb testing.TB) *story.Story {
	tb.Helper()
	s, err := story.Parse(BuiltInName, BuiltInJSON(tb))
	if err != nil {
		tb.Fatalf("the built-in story does not parse:\n%v", err)
	}
	return s
}

// Small returns the smallest valid story file of the given id and title:
// one event, for tests about files and folders rather than stories.
func Small(id, title string) string {
	return `{"id": "` + id + `", "title": "` + title + `", "language": "en",
  "events": [{ "id": "e", "headline": "H", "start": { "date": "2025-03-01" } }]}`
}

// IDs are the ids of a story, read from its file, for tests that ask for
// its pages, events and people without spelling them: an editor who
// renames an event breaks no test but the story's own.
type IDs struct{ s *story.Story }

// BuiltInIDs are the ids of the built-in story.
func BuiltInIDs(tb testing.TB) IDs {
	tb.Helper()
	return IDs{BuiltInStory(tb)}
}

// Story is the story's id.
func (x IDs) Story() string { return string(x.s.ID) }

// Event is the id of the i-th event in the order of time (the order of
// the timeline's tabs); a negative i counts from the last, -1.
func (x IDs) Event(i int) string { return string(x.s.Events[at(i, len(x.s.Events))].ID) }

// Person is the id of the i-th person of the story's list of people.
func (x IDs) Person(i int) string { return string(x.s.People[at(i, len(x.s.People))].ID) }

// Quote is the id of the i-th quote of the story's list of quotes.
func (x IDs) Quote(i int) string { return string(x.s.Quotes[at(i, len(x.s.Quotes))].ID) }

func at(i, n int) int {
	if i < 0 {
		return n + i
	}
	return i
}
