//go:build !wasm

package ui

import (
	"encoding/json"
	"testing"

	"explainer/app/story"
	"explainer/app/studio/api"
	"explainer/app/studio/draft"
)

// TestLinkLive: linking a sheet to a story sets its source's address,
// language and zone, and keeps the rest of the story and of a source it
// followed already (how often, corrections, what it adds to events).
func TestLinkLive(t *testing.T) {
	d, err := draft.New([]byte(`{"id": "talks", "title": "Talks", "language": "en",
  "events": [{"id": "a", "headline": "A", "start": {"date": "2025-03-01"}}],
  "live": {"url": "https://old.example/a.csv", "every": "5m", "zone": "Europe/Kyiv", "corrections": true, "events": [{"event": "a", "tags": ["x"]}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		from story.Story
		live string
		want story.Live
	}{
		{"a story without a source", story.Story{ID: "plain", Title: "Plain"}, `{"url":"https://sheets.example/b.csv","language":"uk"}`,
			story.Live{URL: "https://sheets.example/b.csv", Language: "uk"}},
		{"a source replaced", *d.Story(), `{"url":"https://sheets.example/b.csv"}`,
			story.Live{URL: "https://sheets.example/b.csv", Every: "5m", Corrections: true, Events: []story.LiveEvent{{Event: "a", Tags: []string{"x"}}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := linkLive(tc.from, tc.live)
			if err != nil {
				t.Fatal(err)
			}
			a, _ := json.Marshal(got.Live)
			b, _ := json.Marshal(tc.want)
			if string(a) != string(b) {
				t.Errorf("live %s; want %s", a, b)
			}
			got.Live = tc.from.Live
			a, _ = json.Marshal(got)
			b, _ = json.Marshal(tc.from)
			if string(a) != string(b) {
				t.Errorf("the rest of the story changed:\n%s\nwant\n%s", a, b)
			}
		})
	}
	if _, err := linkLive(story.Story{}, "not json"); err == nil {
		t.Error("a live object that does not read was linked")
	}
}

// TestRefreshSummary: what the live region says of the next refresh.
func TestRefreshSummary(t *testing.T) {
	h := []api.Headline{{ID: "a"}}
	two := []api.Headline{{ID: "a"}, {ID: "b"}}
	for _, tc := range []struct {
		r    api.Refresh
		want string
	}{
		{api.Refresh{Served: true}, "The next refresh would change no event readers have."},
		{api.Refresh{Served: true, Added: two, Removed: h, Revised: h, Dropped: []api.Problem{{}}}, "The next refresh would add 2 events, remove 1 event, revise 1 event; 1 part of the story would be left out."},
		{api.Refresh{Events: 3, Added: two}, "Readers do not get this story yet: the sheet and the story would give it 3 events."},
	} {
		if got := refreshSummary(tc.r); got != tc.want {
			t.Errorf("%q; want %q", got, tc.want)
		}
	}
	if got := sheetSummary(api.SheetPreview{Title: "Aid talks", Events: 2, Warnings: []api.Problem{{}}}); got != "Read the sheet: Aid talks, 2 events, and 1 thing the import could not keep as it was." {
		t.Errorf("sheet: %q", got)
	}
}
