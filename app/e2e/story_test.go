//go:build !wasm

package e2e

import (
	"os"
	"testing"

	"explainer/app/story"
)

func defaultStory(t *testing.T) *story.Story {
	t.Helper()
	data, err := os.ReadFile("../../web/stories/oval-office-2025.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := story.Parse("oval-office-2025.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
