package story_test

import (
	"os"
	"testing"

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
