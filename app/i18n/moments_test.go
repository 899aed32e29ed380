//go:build !wasm

package i18n

import (
	"strings"
	"testing"

	"explainer/app/story"
)

// moments parses a tiny story to get Moments resolved the way Parse does.
func moments(t *testing.T, starts ...string) []story.Moment {
	t.Helper()
	var events []string
	for i, s := range starts {
		events = append(events, `{"id":"e`+string(rune('a'+i))+`","headline":"H","start":`+s+`}`)
	}
	s, err := story.Parse("t.json", []byte(`{"id":"s","title":"T","language":"en","events":[`+strings.Join(events, ",")+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]story.Moment, len(s.Events))
	for i, id := range []string{"ea", "eb", "ec", "ed", "ee", "ef", "eg", "eh"}[:len(starts)] {
		out[i] = s.Event(story.Ref(id)).Start
	}
	return out
}
