package story_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"explainer/app/story"
	"explainer/app/story/storytest"
)

const defaultStoryPath = "../../web/stories/oval-office-2025.json"

func TestGeneratedStoryParses(t *testing.T) {
	s, err := story.Parse("generated.json", storytest.Generate(1000))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Events) != 1000 || len(s.Quotes) != 334 {
		t.Errorf("%d events, %d quotes", len(s.Events), len(s.Quotes))
	}
}

func BenchmarkParseDefaultStory(b *testing.B) {
	data, err := os.ReadFile(defaultStoryPath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := story.Parse("default.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParse1000Events(b *testing.B) {
	data := storytest.Generate(1000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := story.Parse("generated.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// delimiterRuns are bodies that once took time in the square of their
// length or worse: delimiters that never close, repeated.
var delimiterRuns = []struct{ name, run string }{
	{"unclosed-em", " *"},
	{"unclosed-strong", " **"},
	{"stars", "*"},
	{"brackets", "["},
	{"open-links", "[a]("},
}

// storyWithBody is a one-event story whose body is run repeated to n bytes.
func storyWithBody(run string, n int) []byte {
	body, _ := json.Marshal(strings.Repeat(run, n/len(run)))
	return []byte(`{"id":"s","title":"T","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"},"body":` + string(body) + `}]}`)
}

// BenchmarkParseDelimiterRuns validates a story whose one body is 20, 40
// or 80 KB of a delimiter run: the time per byte (B/s) must not grow with
// the size.
func BenchmarkParseDelimiterRuns(b *testing.B) {
	for _, r := range delimiterRuns {
		for _, kb := range []int{20, 40, 80} {
			b.Run(fmt.Sprintf("%s/%dKB", r.name, kb), func(b *testing.B) {
				data := storyWithBody(r.run, kb<<10)
				b.SetBytes(int64(len(data)))
				for b.Loop() {
					if _, err := story.Parse("runs.json", data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkRichTextPerByte is the check that rich text is read in time in
// proportion to its length: for each delimiter run it times 8 KB and 64 KB
// of it, reports the nanoseconds per byte of each, and fails when the
// larger costs over three times as much a byte (a parser in the square of
// the length costs eight times as much; noise on a shared machine rarely
// reaches two). A benchmark, not a test, since it reads the clock.
func BenchmarkRichTextPerByte(b *testing.B) {
	for _, r := range delimiterRuns {
		b.Run(r.name, func(b *testing.B) {
			small := story.RichText(strings.Repeat(r.run, (8<<10)/len(r.run)))
			large := story.RichText(strings.Repeat(r.run, (64<<10)/len(r.run)))
			var tSmall, tLarge time.Duration
			for b.Loop() {
				start := time.Now()
				for range 8 { // as many bytes as the large text
					small.Paragraphs()
				}
				tSmall += time.Since(start)
				start = time.Now()
				large.Paragraphs()
				tLarge += time.Since(start)
			}
			perSmall := float64(tSmall.Nanoseconds()) / float64(b.N*8*len(small))
			perLarge := float64(tLarge.Nanoseconds()) / float64(b.N*len(large))
			b.ReportMetric(perSmall, "ns/B-8KB")
			b.ReportMetric(perLarge, "ns/B-64KB")
			if perLarge > 3*perSmall {
				b.Fatalf("64 KB of %q costs %.1f ns a byte, 8 KB %.1f: not linear", r.run, perLarge, perSmall)
			}
		})
	}
}

// BenchmarkReadPage is the reader's reading of the story its page embeds
// (the readers' JSON, as the server writes it): Decode, as the
// WebAssembly does, beside Parse, which it ran before.
func BenchmarkReadPage(b *testing.B) {
	for _, c := range []struct {
		name string
		data []byte
	}{{"builtin", storytest.BuiltInJSON(b)}, {"1000-events", storytest.Generate(1000)}} {
		s, err := story.Parse(c.name, c.data)
		if err != nil {
			b.Fatal(err)
		}
		page, err := json.Marshal(s.ForReaders())
		if err != nil {
			b.Fatal(err)
		}
		read := map[string]func() error{
			"decode": func() error { _, err := story.Decode(page); return err },
			"parse":  func() error { _, err := story.Parse("page", page); return err },
		}
		for _, how := range []string{"decode", "parse"} {
			b.Run(c.name+"/"+how, func(b *testing.B) {
				b.SetBytes(int64(len(page)))
				for b.Loop() {
					if err := read[how](); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
