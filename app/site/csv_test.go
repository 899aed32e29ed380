package site

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"explainer/app/story"
	"explainer/app/story/storytest"
	"explainer/app/timelinejs"
)

// readSheet reads a sheet StoryCSV wrote, the header and the rows.
func readSheet(t *testing.T, data []byte) ([]string, []map[string]string) {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the sheet is not CSV: %v", err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, col := range recs[0] {
			row[col] = rec[i]
		}
		rows = append(rows, row)
	}
	return recs[0], rows
}

func TestStoryCSVHeader(t *testing.T) {
	data, err := StoryCSV(storytest.BuiltInStory(t))
	if err != nil {
		t.Fatal(err)
	}
	header, _ := readSheet(t, data)
	want := []string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
		"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
		"Media Thumbnail", "Type", "Group", "Background"}
	if !slices.Equal(header, want) {
		t.Errorf("header %q; want TimelineJS's template's %q", header, want)
	}
}

// Story text is untrusted: a headline a spreadsheet would run as a
// formula gets an apostrophe; CSV's own characters are quoted, not lost.
func TestStoryCSVEscapes(t *testing.T) {
	tests := []struct{ headline, cell string }{
		{`=HYPERLINK("http://evil.example","click")`, `'=HYPERLINK("http://evil.example","click")`},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a = b", "a = b"},
		{"Talks, then \"a row\"\nand more", "Talks, then \"a row\"\nand more"},
		{"Plain", "Plain"},
	}
	s := storytest.BuiltInStory(t)
	for i, tt := range tests {
		s.Events[i].Headline = tt.headline
	}
	data, err := StoryCSV(s)
	if err != nil {
		t.Fatal(err)
	}
	_, rows := readSheet(t, data)
	for i, tt := range tests {
		if got := rows[1+i]["Headline"]; got != tt.cell {
			t.Errorf("headline %q: cell %q; want %q", tt.headline, got, tt.cell)
		}
	}
}

func TestStoryCSVDates(t *testing.T) {
	tests := []struct {
		date                    story.Date
		year, month, day, clock string
	}{
		{"2025", "2025", "", "", ""},
		{"2025-02", "2025", "2", "", ""},
		{"2025-02-08", "2025", "2", "8", ""},
		{"2025-02-28T13", "2025", "2", "28", "13:00"},
		{"2025-02-28T09:05", "2025", "2", "28", "09:05"},
		{"-500", "-500", "", "", ""},
	}
	for _, tt := range tests {
		row := map[string]string{}
		addDate(row, "End ", story.Moment{Date: tt.date})
		if row["End Year"] != tt.year || row["End Month"] != tt.month || row["End Day"] != tt.day || row["End Time"] != tt.clock {
			t.Errorf("%s: %q; want %s/%s/%s %s", tt.date, row, tt.year, tt.month, tt.day, tt.clock)
		}
		if got := defuse(row["End Year"]); got != tt.year {
			t.Errorf("%s: the year cell is %q, not a number TimelineJS reads", tt.date, got)
		}
	}
}

// The sheet imported by app/timelinejs gives back the story's events:
// their dates, headlines and text.
func TestStoryCSVRoundTrip(t *testing.T) {
	s := storytest.BuiltInStory(t)
	data, err := StoryCSV(s)
	if err != nil {
		t.Fatal(err)
	}
	zone := story.Zone("")
	for _, e := range s.Events {
		if e.Start.Zone != "" {
			zone = e.Start.Zone
		}
	}
	res, err := timelinejs.Convert("story.csv", data, timelinejs.Options{ID: s.ID, Lang: s.Language, Zone: zone})
	if err != nil {
		t.Fatalf("the importer refuses the sheet:\n%v", err)
	}
	got := res.Story
	if got.Title != s.Title {
		t.Errorf("title %q; want %q", got.Title, s.Title)
	}
	if len(got.Events) != len(s.Events) {
		t.Fatalf("%d events; want %d", len(got.Events), len(s.Events))
	}
	// TimelineJS has no time zones: the importer gives every time of day
	// the one zone it is told, and orders the events by the instants that
	// makes. The date as written, in the zone it was written in, stays.
	byHeadline := map[string]*story.Event{}
	for i := range got.Events {
		byHeadline[got.Events[i].Headline] = &got.Events[i]
	}
	for i, want := range s.Events {
		e := byHeadline[want.Headline]
		if e == nil {
			t.Errorf("event %d: no event headed %q", i, want.Headline)
			continue
		}
		if e.Start.Date != want.Start.Date {
			t.Errorf("event %d: start %q; want %q", i, e.Start.Date, want.Start.Date)
		}
		if (e.End == nil) != (want.End == nil) || e.End != nil && e.End.Date != want.End.Date {
			t.Errorf("event %d: end %v; want %v", i, e.End, want.End)
		}
		if e.Body != want.Body {
			t.Errorf("event %d: body\n%q\nwant\n%q", i, e.Body, want.Body)
		}
	}
	if len(got.Phases) != len(s.Phases) {
		t.Errorf("%d phases; want %d", len(got.Phases), len(s.Phases))
	}
}

func TestRichHTML(t *testing.T) {
	tests := []struct {
		in   story.RichText
		want string
	}{
		{"plain", "plain"},
		{"a <b> & c", "a &lt;b&gt; &amp; c"},
		{"*em* and **strong**", "<em>em</em> and <strong>strong</strong>"},
		{"[x](https://example.com/?a=1&b=\"2\")", `<a href="https://example.com/?a=1&amp;b=&#34;2&#34;">x</a>`},
		{"one\n\ntwo", "<p>one</p><p>two</p>"},
	}
	for _, tt := range tests {
		if got := richHTML(tt.in); got != tt.want {
			t.Errorf("richHTML(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
	if strings.Contains(richHTML("<script>"), "<script") {
		t.Error("markup in story text reaches the cell")
	}
}
