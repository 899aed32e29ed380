package widget

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"explainer/app/story"
)

// storyWithStarts builds a story whose events start at the given dates.
func storyWithStarts(t *testing.T, starts ...string) *story.Story {
	t.Helper()
	var events []any
	for i, d := range starts {
		events = append(events, map[string]any{"id": fmt.Sprintf("e%d", i), "headline": "H", "start": map[string]any{"date": d, "zone": "UTC"}})
	}
	data, _ := json.Marshal(map[string]any{"id": "s", "title": "T", "language": "en", "events": events})
	s, err := story.Parse("t.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLayoutDefaultStory(t *testing.T) {
	s := defaultStory(t)
	l := newLayout(s)
	if len(l.Breaks) != 1 || l.Breaks[0].Before != 1 {
		t.Fatalf("breaks %+v; want one, before the meeting", l.Breaks)
	}
	if y := l.Breaks[0].Span / 365.25; y < 5 || y > 5.3 {
		t.Errorf("break spans %.1f years; want about 5.2", y)
	}
	for i := 1; i < len(l.X); i++ {
		if l.X[i]-l.X[i-1] < slot {
			t.Errorf("events %d and %d are %.1frem apart; they would overlap", i-1, i, l.X[i]-l.X[i-1])
		}
	}
	var labels []string
	for _, b := range l.Bands {
		labels = append(labels, s.Phases[b.Phase].Label)
	}
	if fmt.Sprint(labels) != "[Before the meeting At the White House Aftermath]" {
		t.Errorf("bands %v", labels)
	}
	if l.Width != l.X[len(l.X)-1]+itemWidth {
		t.Errorf("width %.1f does not end at the last event", l.Width)
	}
}

func TestLayout(t *testing.T) {
	tests := []struct {
		name   string
		starts []string
		breaks []int
		check  func(t *testing.T, l layout)
	}{
		{name: "one event", starts: []string{"2025-01-01"}, check: func(t *testing.T, l layout) {
			if l.X[0] != 0 || l.Width != itemWidth {
				t.Errorf("x %v width %v", l.X, l.Width)
			}
		}},
		{name: "same day never overlaps", starts: []string{"2025-01-01", "2025-01-01", "2025-01-01"}, check: func(t *testing.T, l layout) {
			if l.X[1]-l.X[0] != slot || l.X[2]-l.X[1] != slot {
				t.Errorf("x %v", l.X)
			}
		}},
		{name: "proportional in a dense stretch", starts: []string{"2025-01-01T00:00", "2025-01-01T01:00", "2025-01-01T03:00", "2025-01-01T04:00"}, check: func(t *testing.T, l layout) {
			if d1, d2 := l.X[1]-l.X[0], l.X[2]-l.X[1]; d2 != 2*d1 {
				t.Errorf("gaps %.1f then %.1f; want the second twice the first", d1, d2)
			}
		}},
		{name: "long gaps are breaks", starts: []string{"2000", "2025-01-01", "2025-01-02", "2025-01-03", "2030"}, breaks: []int{1, 4}},
		{name: "even pace, no break", starts: []string{"2020", "2021", "2022", "2023"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLayout(storyWithStarts(t, tt.starts...))
			var got []int
			for _, b := range l.Breaks {
				got = append(got, b.Before)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.breaks) {
				t.Errorf("breaks before %v; want %v", got, tt.breaks)
			}
			if tt.check != nil {
				tt.check(t, l)
			}
		})
	}
}

// BenchmarkLayout lays out a story of a thousand events.
func BenchmarkLayout(b *testing.B) {
	starts := make([]string, 1000)
	t0 := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range starts {
		starts[i] = t0.Add(time.Duration(i*i) * time.Minute).Format("2006-01-02T15:04")
	}
	s := storyWithStarts(&testing.T{}, starts...)
	b.ResetTimer()
	for b.Loop() {
		newLayout(s)
	}
}
