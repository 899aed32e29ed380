package story

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// hostileFile builds the story files an attacker or a careless editor
// might save: each used to take time or memory out of proportion to its
// size.
func hostileFile(kind string, n int) string {
	var b strings.Builder
	switch kind {
	case "errors on one line":
		b.WriteString(`{"events":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteByte('1')
		}
		b.WriteString(`]}`)
	case "dangling references":
		b.WriteString(`{"id":"s","title":"T","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"},"people":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"nobody-%d"`, i)
		}
		b.WriteString(`]}],"people":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":"person-%d","name":"P"}`, i)
		}
		b.WriteString(`]}`)
	case "reply chain":
		b.WriteString(`{"id":"s","title":"T","language":"en","people":[{"id":"p","name":"P"}],"events":[{"id":"e","headline":"H","start":{"date":"2025"}}],"quotes":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			reply := ""
			if i > 0 {
				reply = fmt.Sprintf(`,"replyTo":"q%d"`, i-1)
			}
			fmt.Fprintf(&b, `{"id":"q%d","speaker":"p","text":"T","kind":"reported","event":"e"%s}`, i, reply)
		}
		b.WriteString(`]}`)
	}
	return b.String()
}

// TestHostileFilesStayCheap: however many problems a file has, it reports
// the first maxProblems and the number of the rest; long reply chains and
// many references are checked in one pass.
func TestHostileFilesStayCheap(t *testing.T) {
	tests := []struct {
		name     string
		kind     string
		n        int
		problems int // reported in full, before the summary
		more     int // at least this many counted after them
	}{
		{name: "300,000 errors on one line", kind: "errors on one line", n: 300_000, problems: maxProblems, more: 300_000 - maxProblems},
		{name: "4,000 dangling references", kind: "dangling references", n: 4000, problems: maxProblems, more: 4000 - maxProblems},
		{name: "a reply chain of 4,000", kind: "reply chain", n: 4000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("hostile.json", []byte(hostileFile(tt.kind, tt.n)))
			if tt.problems == 0 {
				if err != nil {
					t.Fatalf("a valid file fails: %.300v", err)
				}
				return
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T %.300v", err, err)
			}
			var more int
			fmt.Sscanf(list[len(list)-1].Msg, "and %d more problems", &more)
			if len(list) != tt.problems+1 || more < tt.more {
				t.Errorf("%d errors, the last %q; want %d and at least %d more", len(list), list[len(list)-1], tt.problems+1, tt.more)
			}
		})
	}
}

// TestStoryLimits: past its limits a story gets an error that says which.
func TestStoryLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"id":"s","title":"T","language":"en","events":[`)
	for i := range MaxEvents + 1 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"e%d","headline":"H","start":{"date":"2025"}}`, i)
	}
	b.WriteString(`]}`)
	_, err := Parse("big.json", []byte(b.String()))
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("$.events: %d events: a story has at most %d", MaxEvents+1, MaxEvents)) {
		t.Errorf("error %.300v", err)
	}
}

// TestExtremeDatesStaySmall: moments eight thousand years apart in one
// zone carry zone data for their own years only.
func TestExtremeDatesStaySmall(t *testing.T) {
	s, err := Parse("far.json", []byte(`{"id":"s","title":"T","language":"en","events":[
		{"id":"a","headline":"A","start":{"date":"0001-06-01T12:00","zone":"Europe/Paris"}},
		{"id":"b","headline":"B","start":{"date":"9999-06-01T12:00","zone":"Europe/Paris"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	zones, err := s.Zones()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(zones["Europe/Paris"]); n == 0 || n > 2048 {
		t.Errorf("zone data is %d bytes", n)
	}
}

// TestPositions: a byte-order mark is not a column, and a lone CR ends a
// line as LF does.
func TestPositions(t *testing.T) {
	tests := []struct {
		name, file string
		want       string
	}{
		{name: "byte-order mark", file: "\ufeff{\"idd\": 1}", want: "f.json:1:2: $.idd"},
		{name: "CR line endings", file: "{\r\"id\": \"s\",\r\"titl\": \"T\"}", want: "f.json:3:1: $.titl"},
		{name: "CRLF line endings", file: "{\r\n\"id\": \"s\",\r\n\"titl\": \"T\"}", want: "f.json:3:1: $.titl"},
		{name: "a NUL in text", file: `{"id":"s","title":"a\u0000b","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"}}]}`, want: "f.json:1:19: $.title: control character U+0000 in text"},
		{name: "a bidi override in a title", file: `{"id":"s","title":"Gaza \u202ekcatta","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"}}]}`, want: "f.json:1:19: $.title: invisible formatting character U+202E in text"},
		{name: "a bidi embedding in a headline", file: `{"id":"s","title":"T","language":"en","events":[{"id":"e","headline":"\u202bH","start":{"date":"2025"}}]}`, want: "$.events[0].headline: invisible formatting character U+202B"},
		{name: "a line separator", file: `{"id":"s","title":"a\u2028b","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"}}]}`, want: "$.title: invisible formatting character U+2028"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.json", []byte(tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v; want %q", err, tt.want)
			}
		})
	}
}

// TestRightToLeftMarksAllowed: the marks and isolates right-to-left text
// needs are not spoofing.
func TestRightToLeftMarksAllowed(t *testing.T) {
	if _, err := Parse("f.json", []byte(`{"id":"s","title":"\u2067שלום\u2069 \u200fכן","language":"he","events":[{"id":"e","headline":"H","start":{"date":"2025"}}]}`)); err != nil {
		t.Error(err)
	}
}

// TestImagesAreHTTPS: the page loads images over https only, so the story
// may give no other.
func TestImagesAreHTTPS(t *testing.T) {
	_, err := Parse("img.json", []byte(`{"id":"s","title":"T","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"},
		"media":{"src":"http://example.com/a.jpg","alt":"A"}}]}`))
	if err == nil || !strings.Contains(err.Error(), "$.events[0].media.src: images must be https:// links") {
		t.Errorf("error %v", err)
	}
}
