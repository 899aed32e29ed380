package live

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"explainer/app/story"
	"explainer/app/timelinejs"
)

// file parses a live story file for the tests.
func file(t *testing.T, text string) *story.Story {
	t.Helper()
	s, err := story.Parse("live.json", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const liveFile = `{
  "id": "aid",
  "live": {
    "url": "https://docs.google.com/spreadsheets/d/e/2PACX-x/pub?output=csv",
    "events": [{"event": "aid-paused", "people": ["trump"], "sources": ["ap"], "place": "Washington"}]
  },
  "people": [{"id": "trump", "name": "Donald Trump"}],
  "sources": [{"id": "ap", "outlet": "AP"}],
  "phases": [{"id": "talks", "label": "Talks", "start": {"date": "2025-02"}, "end": {"date": "2025-03"}}],
  "quotes": [
    {"id": "q1", "speaker": "trump", "text": "a deal", "kind": "reported", "event": "meeting-in-the-oval-office"},
    {"id": "q2", "speaker": "trump", "text": "a pause", "kind": "reported", "event": "aid-paused", "replyTo": "q1"}
  ]
}`

func TestMerge(t *testing.T) {
	f := file(t, liveFile)
	res, err := Merge("live.json", f, []byte(sheetCSV), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Story
	if s.Title != "Aid talks" || s.Language != "en" || s.ID != "aid" {
		t.Errorf("title %q, language %q, id %q: want the sheet's title slide, its language, the file's id", s.Title, s.Language, s.ID)
	}
	var ids []story.ID
	for _, e := range s.Events {
		ids = append(ids, e.ID)
	}
	if !slices.Equal(ids, []story.ID{"meeting-in-the-oval-office", "aid-paused"}) {
		t.Errorf("events %v: want the sheet's rows", ids)
	}
	e := s.Event("aid-paused")
	if e == nil || !slices.Equal(e.People, []story.Ref{"trump"}) || !slices.Equal(e.Sources, []story.Ref{"ap"}) || e.Place != "Washington" {
		t.Errorf("aid-paused %+v: want the file's people, sources and place", e)
	}
	if len(s.Quotes) != 2 || len(s.Phases) != 1 || s.Live != nil {
		t.Errorf("%d quotes, %d phases, live %v: want the file's, and no live", len(s.Quotes), len(s.Phases), s.Live)
	}
	if len(f.Events) != 0 || f.Title != "" {
		t.Error("Merge changed the file's story")
	}

	// The file's own title and an event of the same id win.
	f = file(t, strings.Replace(liveFile, `"id": "aid",`, `"id": "aid", "title": "Our title", "language": "en",
  "events": [{"id": "aid-paused", "headline": "Ours", "start": {"date": "2025-03-04"}}],`, 1))
	res, err = Merge("live.json", f, []byte(sheetCSV), nil)
	if err != nil {
		t.Fatal(err)
	}
	if e := res.Story.Event("aid-paused"); res.Story.Title != "Our title" || e == nil || e.Headline != "Ours" {
		t.Errorf("title %q, event %+v: want the file's", res.Story.Title, e)
	}
}

// TestMergeRowRemoved: a row gone takes its event, and the file's quotes
// on it and additions to it are left out, with warnings; the story
// stays.
func TestMergeRowRemoved(t *testing.T) {
	f := file(t, liveFile)
	lines := strings.Split(sheetCSV, "\n")
	sheet := strings.Join(slices.Delete(lines, 3, 4), "\n") // the Aid paused row
	res, err := Merge("live.json", f, []byte(sheet), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Story.Events) != 1 || len(res.Story.Quotes) != 1 || res.Story.Quotes[0].ID != "q1" {
		t.Errorf("%d events, quotes %+v: want one event and q1", len(res.Story.Events), res.Story.Quotes)
	}
	var fields []string
	for _, l := range res.Left {
		fields = append(fields, l.Field)
	}
	if !slices.Equal(fields, []string{"$.live.events[0].event", "$.quotes[1].event"}) {
		t.Errorf("left out %q; want the addition and the quote, at their places in the file", fields)
	}
	w := strings.Join(res.Warnings, "\n")
	for _, want := range []string{`$.quotes[1].event: the quote "q2" is on the event "aid-paused", which the source no longer has`, `$.live.events[0].event: the source has no event "aid-paused"`} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings lack %q:\n%s", want, w)
		}
	}
}

// TestMergePlacesSheetErrors: a sheet broken in a row is an error at its
// row and column, in the sheet's own terms.
func TestMergePlacesSheetErrors(t *testing.T) {
	tests := []struct {
		name, sheet, want string
	}{
		{"a bad date", strings.Replace(sheetCSV, "2025,3,3", "2025,13,3", 1), ":4:6: row 4, Month:"},
		{"a bad time mid-row", sheetCSV + "2025,3,4,25:99,,,,,,Talks resume,,,,,,,,\n", ":5:10: row 5, Time:"},
		{"no headline column", strings.Replace(sheetCSV, "Headline", "Title", 1), "no Headline column"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Merge("live.json", file(t, liveFile), []byte(tt.sheet), nil)
			var list timelinejs.Errors
			if !errors.As(err, &list) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v; want one placed at %q", err, tt.want)
			}
			if !strings.HasPrefix(list[0].File, "https://docs.google.com/") {
				t.Errorf("the error names %q, not the sheet", list[0].File)
			}
		})
	}
}

func TestCorrection(t *testing.T) {
	f := file(t, liveFile)
	before, err := Merge("live.json", f, []byte(sheetCSV), nil)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(strings.Replace(sheetCSV, "The aid is paused.", "The aid is paused for review.", 1), "Meeting in the Oval Office", "Meeting in the Oval Office ends", 1)
	after, err := Merge("live.json", f, []byte(edited), nil)
	if err != nil {
		t.Fatal(err)
	}
	// The headline made the first event's id: edited, it is another
	// event, which is news, not a revision.
	revised := Revised(before.Story, after.Story)
	if len(revised) != 1 || revised[0].ID != "aid-paused" {
		t.Fatalf("revised %+v; want aid-paused", revised)
	}
	now := time.Date(2026, 12, 7, 18, 5, 0, 0, time.UTC)
	for _, tt := range []struct {
		lang, zone, date, note string
	}{
		{"en", "", "2026-12-07T18:05", "“Aid paused” was revised in the source this timeline follows."},
		{"en", "Europe/Kyiv", "2026-12-07T20:05", "“Aid paused” was revised"},
		{"de", "", "2026-12-07T18:05", "„Aid paused“"},
	} {
		after.Story.Language = story.Lang(tt.lang)
		u := Correction(after.Story, story.Zone(tt.zone), revised, now)
		if string(u.Time.Date) != tt.date || !strings.Contains(u.Note, tt.note) || !u.Correction {
			t.Errorf("%s %s: %+v; want %s and a note with %q", tt.lang, tt.zone, u, tt.date, tt.note)
		}
	}
	two := Correction(after.Story, "", append(revised, after.Story.Events[0]), now)
	after.Story.Language = "en"
	if two = Correction(after.Story, "", append(revised, after.Story.Events[0]), now); !strings.Contains(two.Note, "were revised") || !strings.Contains(two.Note, " and ") {
		t.Errorf("two events: %q", two.Note)
	}
	with, err := Merge("live.json", f, []byte(edited), []story.Update{Correction(after.Story, "", revised, now)})
	if err != nil {
		t.Fatal(err)
	}
	if len(with.Story.Updates) != 1 || !with.Story.Updates[0].Correction {
		t.Errorf("updates %+v: want the correction", with.Story.Updates)
	}
}

// TestMergeErrorsNameTheThing: what fails once put together is named by
// id and where it comes from, not by a line of a merged story nobody
// can open.
func TestMergeErrorsNameTheThing(t *testing.T) {
	f := file(t, strings.Replace(liveFile, `"id": "aid",`, `"id": "aid",
  "events": [{"id": "extra", "headline": "Ours", "start": {"date": "2025-03-04"}, "group": "politics"}],`, 1))
	_, err := Merge("live.json", f, []byte(sheetCSV), nil)
	want := `live.json: with what its source holds, the story file's event "extra", group: no group with id "politics" in groups`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v; want %q", err, want)
	}
	var list story.ErrorList
	if !errors.As(err, &list) {
		t.Error("the checks' own errors are not kept")
	}
}
