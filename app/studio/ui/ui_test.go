//go:build !wasm

package ui

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"explainer/app/story"
	"explainer/app/studio/draft"
)

// TestPlaceOf: a problem shows at its control when it has one, else at
// its item, else at its list, else at the story.
func TestPlaceOf(t *testing.T) {
	shown := map[string]bool{"$.title": true, "$.events[0].headline": true, "$.events[0].start.date": true}
	tests := []struct{ path, want string }{
		{"$.title", "$.title"},
		{"$.events[0].start.date", "$.events[0].start.date"},
		{"$.events[0].start", "$.events[0]"},
		{"$.events[0].tags[2]", "$.events[0]"},
		{"$.events", "$.events"},
		{"$.quotes[3].speaker", "$.quotes[3]"},
		{"$", "$"},
		{"", "$"},
		{"$.schema", "$"},
	}
	for _, tt := range tests {
		if got := placeOf(tt.path, shown); got != tt.want {
			t.Errorf("placeOf(%q) = %q; want %q", tt.path, got, tt.want)
		}
	}
}

func TestSplitField(t *testing.T) {
	tests := []struct{ path, item, field string }{
		{"$.events[2].headline", "$.events[2]", "headline"},
		{"$.title", "$", "title"},
		{"$.events[2].start.date", "$.events[2].start.date", ""},
		{"$.people[10].name", "$.people[10]", "name"},
	}
	for _, tt := range tests {
		if item, field := splitField(tt.path); item != tt.item || field != tt.field {
			t.Errorf("splitField(%q) = %q, %q; want %q, %q", tt.path, item, field, tt.item, tt.field)
		}
	}
}

// TestPrecisionOf names the precision the form shows beside a date.
func TestPrecisionOf(t *testing.T) {
	for date, want := range map[string]string{
		"": "", "2025": "year", "-500": "year", "2025-02": "month", "2025-02-28": "day",
		"2025-02-28T13": "hour", "2025-02-28T13:40": "minute",
	} {
		if got := precisionOf(date); got != want {
			t.Errorf("precisionOf(%q) = %q; want %q", date, got, want)
		}
	}
}

func TestIndexes(t *testing.T) {
	var i int
	if !scanIndex("$.events[12].headline", "$.events[", &i) || i != 12 {
		t.Errorf("scanIndex: %d", i)
	}
	if scanIndex("$.events[].headline", "$.events[", &i) || scanIndex("$.quotes[1]", "$.events[", &i) {
		t.Error("scanIndex read an index that is not there")
	}
	if n := indexOf("$.people[3]"); n != 3 {
		t.Errorf("indexOf: %d", n)
	}
	if nameField("$.events[0]") != "headline" || nameField("$") != "title" || nameField("$.quotes[0]") != "" {
		t.Error("nameField")
	}
}

// TestCaretOffset: a problem's line and column (in characters) are found
// in the text in the UTF-16 units a textarea's caret counts, past
// letters outside the Basic Multilingual Plane too.
func TestCaretOffset(t *testing.T) {
	text := "{\n  \"a\": \"😀x\",\n  ]\n}"
	tests := []struct{ line, col, want int }{
		{1, 1, 0},
		{2, 1, 2},
		{2, 9, 10},  // the emoji, two units
		{2, 10, 12}, // x, after it
		{3, 3, 18},
		{3, 99, 19}, // past the line's end: its end
		{9, 1, 21},  // past the text: its end
	}
	for _, tt := range tests {
		if got := caretOffset(text, tt.line, tt.col); got != tt.want {
			t.Errorf("caretOffset(%d:%d) = %d; want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "0 problems", 1: "1 problem", 2: "2 problems"} {
		if got := plural(n, "problem", "problems"); got != want {
			t.Errorf("plural(%d) = %q; want %q", n, got, want)
		}
	}
}

// TestFormWouldDrop: going back to the form from the raw JSON is held
// back by what the form has no place for (an unknown field, a duplicate
// one), and only by that: problems the form shows as well, or none, let
// it go.
func TestFormWouldDrop(t *testing.T) {
	data, err := os.ReadFile("../../widget/testdata/full-story.json")
	if err != nil {
		t.Fatal(err)
	}
	full := string(data)
	tests := []struct {
		name, text, want string
	}{
		{"as it is", full, ""},
		{"on one line", strings.Join(strings.Fields(full), " "), ""},
		{"a problem the form shows too", strings.Replace(full, `"headline": "Talks begin",`, "", 1), ""},
		{"an unknown field", strings.Replace(full, `"headline": "Talks begin"`, `"headlin": "x", "headline": "Talks begin"`, 1), `unknown field "headlin"`},
		{"a duplicate field", strings.Replace(full, `"headline": "Talks begin"`, `"headline": "x", "headline": "Talks begin"`, 1), `duplicate field "headline"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := draft.New([]byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			c := &Studio{d: d, name: "full.json", mode: "json", rawText: tt.text}
			c.check()
			got := c.formWouldDrop()
			switch {
			case tt.want == "" && got != nil:
				t.Errorf("held back by %v", got)
			case tt.want != "" && (got == nil || !strings.Contains(got.Msg, tt.want)):
				t.Errorf("held back by %v; want %q", got, tt.want)
			case got != nil && got.Line == 0:
				t.Errorf("%v has no line", got)
			}
		})
	}
}

// TestStoppingProblem: the JSON view's notice names the problem that
// keeps the text from the form (a list where a text is due, line 3), not
// the first problem of the file (an empty title, line 2), which stops
// nothing.
func TestStoppingProblem(t *testing.T) {
	text := "{\n  \"id\": \"s\", \"title\": \"\", \"language\": \"en\",\n  \"people\": \"bob\",\n  \"events\": [{\"id\": \"e\", \"headline\": \"H\", \"start\": {\"date\": \"2024\"}}]\n}\n"
	var s story.Story
	err := json.Unmarshal([]byte(text), &s)
	if err == nil {
		t.Fatal("the text decodes")
	}
	_, list := draft.Parse("s.json", []byte(text))
	if len(list) < 2 || list[0].Line != 2 {
		t.Fatalf("the parser's problems: %v", list)
	}
	if got := stoppingProblem(text, err, list, "s.json"); got.Line != 3 || got.Path != "$.people" {
		t.Errorf("the notice names %v; want the people at line 3", got)
	}
}
