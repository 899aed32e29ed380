//go:build !wasm

package ui

import (
	"testing"

	"explainer/app/story"
)

// TestPlaceWords: a problem's place is named as the form names it.
func TestPlaceWords(t *testing.T) {
	tests := []struct{ path, want string }{
		{"$.quotes[1].speaker", "Quote 2 › Speaker"},
		{"$.events[11].start.date", "Event 12 › When › Date"},
		{"$.people[0].image.alt", "Person 1 › Portrait › Text alternative"},
		{"$.title", "Story › Title"},
		{"$.events", "Story › Events"},
		{"$", "The story"},
		{"", "The story"},
	}
	for _, tt := range tests {
		if got := placeWords(tt.path); got != tt.want {
			t.Errorf("placeWords(%q) = %q; want %q", tt.path, got, tt.want)
		}
	}
}

// TestProblemsWait: the problems inside an item just added wait until
// its field is changed or left; an empty field says only that it is.
func TestProblemsWait(t *testing.T) {
	c := &Studio{list: story.ErrorList{
		{Path: "$.quotes[1].speaker", Msg: "an id is lower-case letters, digits and single hyphens"},
		{Path: "$.quotes[1].speaker", Msg: `"speaker" must not be empty`},
		{Path: "$.quotes[1].kind", Msg: `"kind" must not be empty`},
		{Path: "$.quotes[0].text", Msg: `"text" must not be empty`},
		{Path: "$.events[2].people[0]", Msg: "no such person"},
	}}
	c.freshItem("$.quotes[1]")
	c.freshItem("$.events[2]")
	count := func() int {
		n := 0
		for _, e := range c.visibleProblems() {
			n += len(e)
		}
		return n
	}
	if n := count(); n != 1 {
		t.Errorf("%d problems before any change; want the old quote's 1", n)
	}
	c.touch("$.quotes[1].speaker")
	c.touch("$.events[2].people")
	got := c.visibleProblems()
	if len(got["$.quotes[1].speaker"]) != 1 || got["$.quotes[1].speaker"][0].Msg != "This cannot be left empty." {
		t.Errorf("the speaker once left: %v", got["$.quotes[1].speaker"])
	}
	if len(got["$.events[2].people[0]"]) != 1 || len(got["$.quotes[1].kind"]) != 0 {
		t.Errorf("after two fields were changed: %v", got)
	}
	c.revealProblems()
	if n := count(); n != 4 {
		t.Errorf("%d problems at a save; want 4 (the id grammar beside an empty field is not one)", n)
	}
}

// TestFolderAddress: where pictures live, given without its last slash,
// is the folder.
func TestFolderAddress(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/timeline", "https://example.com/timeline/"},
		{"https://example.com/timeline/", "https://example.com/timeline/"},
		{"https://example.com", "https://example.com/"},
		{"https://example.com/sheet.csv", "https://example.com/sheet.csv"},
		{"https://example.com/a?b=c", "https://example.com/a?b=c"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := folderAddress(tt.in); got != tt.want {
			t.Errorf("folderAddress(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
