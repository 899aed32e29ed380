package story

import (
	"fmt"
	"testing"
)

// TestExchanges: Parse groups replies after the quote they answer, depth
// first, orders the groups by event, and knows who speaks in each and
// which events involve whom.
func TestExchanges(t *testing.T) {
	s, err := Parse("x.json", []byte(`{"id":"s","title":"T","language":"en",
  "people":[{"id":"a","name":"A"},{"id":"b","name":"B"},{"id":"c","name":"C"}],
  "events":[{"id":"late","headline":"L","start":{"date":"2025-03-02"},"people":["c"]},{"id":"early","headline":"E","start":{"date":"2025-03-01"}}],
  "quotes":[
    {"id":"q1","speaker":"a","text":"one","kind":"reported","event":"late"},
    {"id":"q2","speaker":"b","text":"two","kind":"reported","event":"early"},
    {"id":"q3","speaker":"a","text":"three","kind":"reported","event":"early","replyTo":"q2"},
    {"id":"q4","speaker":"c","text":"four","kind":"reported","event":"early","replyTo":"q3"},
    {"id":"q5","speaker":"b","text":"five","kind":"reported","event":"early","replyTo":"q2"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range s.Exchanges() {
		var ids []string
		for _, q := range x.Quotes {
			ids = append(ids, string(q.ID))
		}
		got = append(got, fmt.Sprint(ids, x.Speakers))
	}
	want := []string{"[q2 q3 q4 q5] [b a c]", "[q1] [a]"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("exchanges %v; want %v", got, want)
	}
	tests := []struct {
		person Ref
		event  int
		want   bool
	}{
		{person: "a", event: 0, want: true},  // speaks at early
		{person: "a", event: 1, want: true},  // speaks at late
		{person: "c", event: 1, want: true},  // named in late
		{person: "c", event: 0, want: true},  // speaks at early
		{person: "b", event: 1, want: false}, // neither
		{person: "nobody", event: 0, want: false},
	}
	for _, tt := range tests {
		if got := s.Involves(tt.person, tt.event); got != tt.want {
			t.Errorf("Involves(%s, %d) = %v; want %v", tt.person, tt.event, got, tt.want)
		}
	}
}
