package timelinejs

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// bigTimeline is a TimelineJS file of n events with HTML text, media and
// groups, about the largest a story holds.
func bigTimeline(n int) []byte {
	events := make([]any, n)
	for i := range events {
		events[i] = map[string]any{
			"start_date": map[string]any{"year": 2000 + i%25, "month": 1 + i%12, "day": 1 + i%28},
			"text": map[string]any{
				"headline": fmt.Sprintf("Event <b>%d</b>", i),
				"text":     strings.Repeat(fmt.Sprintf(`<p>Paragraph with <a href="https://example.com/%d">a link</a> and <em>emphasis</em>.</p>`, i), 3),
			},
			"media": map[string]any{"url": fmt.Sprintf("https://www.youtube.com/watch?v=v%d", i), "caption": "A <i>caption</i>"},
			"group": fmt.Sprintf("Group %d", i%10),
		}
	}
	data, _ := json.Marshal(map[string]any{"title": map[string]any{"text": map[string]any{"headline": "Big"}}, "events": events})
	return data
}

// BenchmarkConvert1000 converts a 1,000-event timeline, as explainer
// import and a dropped-in file do.
func BenchmarkConvert1000(b *testing.B) {
	data := bigTimeline(1000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Convert("big.json", data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
