package draft

import (
	"strings"
	"testing"

	"explainer/app/story"
)

// TestMakeAStory builds a story from nothing the way the studio's form
// does, and checks it as explainer validate would.
func TestMakeAStory(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	add := func(list, text string) string {
		t.Helper()
		p, err := d.Add(list, text)
		must(err)
		return p
	}
	must(d.Set("$.title", "Talks in Geneva"))
	d.s.ID = d.NewID("$", "Talks in Geneva")
	ana := add("$.people", "Ana Example")
	must(d.Set(ana+".name", "Ana Example"))
	bo := add("$.people", "Bo Example")
	must(d.Set(bo+".name", "Bo Example"))
	e1 := add("$.events", "Talks open")
	must(d.Set(e1+".headline", "Talks open"))
	must(d.Set(e1+".start.date", "2025-03"))
	e2 := add("$.events", "Talks open") // a second headline alike: a second id
	must(d.Set(e2+".headline", "Talks open again"))
	must(d.Set(e2+".start.date", "2025-03-04T14:30"))
	must(d.Set(e2+".start.zone", "Europe/Zurich"))
	must(d.SetList(e2+".people", []string{"ana-example", " bo-example ", ""}))
	src := add("$.sources", "Wire")
	must(d.Set(src+".outlet", "Wire service"))
	q := add("$.quotes", "Ana on the talks")
	must(d.Set(q+".speaker", "ana-example"))
	must(d.Set(q+".text", "We will talk"))
	must(d.Set(q+".kind", "direct"))
	must(d.Set(q+".event", "talks-open-2"))
	must(d.Set(q+".sourceText", "Ana said: “We will talk”, and left."))

	if got := d.s.Events[1].ID; got != "talks-open-2" {
		t.Errorf("the second event's id is %q", got)
	}
	s, problems := d.Check("geneva.json")
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if s.ID != "talks-in-geneva" || len(s.Events) != 2 || s.Events[1].Start.Precision() != story.Minute {
		t.Errorf("story: %+v", s)
	}

	// A mistake, found at its field; then fixed.
	must(d.Set(q+".speaker", "cy"))
	_, problems = d.Check("geneva.json")
	if len(problems) != 1 || problems[0].Path != q+".speaker" {
		t.Errorf("problems: %v", problems)
	}
	must(d.Set(q+".speaker", "bo-example"))
	must(d.Set(q+".sourceText", ""))
	if _, problems = d.Check("geneva.json"); len(problems) > 0 {
		t.Errorf("problems after the fix: %v", problems)
	}
}

// TestRenameFollowsReferences: a person's new id reaches every event
// and quote that named them.
func TestRenameFollowsReferences(t *testing.T) {
	d := fromFile(t, "../../widget/testdata/full-story.json")
	if err := d.Rename("$.people[0]", "ana-e"); err != nil {
		t.Fatal(err)
	}
	if err := d.Rename("$.sources[0]", "wire-service"); err != nil {
		t.Fatal(err)
	}
	if err := d.Rename("$.groups[0]", "talks"); err != nil {
		t.Fatal(err)
	}
	if _, problems := d.Check("renamed.json"); len(problems) > 0 {
		t.Fatalf("references did not follow: %v", problems)
	}
	text := string(d.JSON())
	for _, old := range []string{`"ana"`, `"wire"`, `"negotiations"`} {
		if strings.Contains(text, old) {
			t.Errorf("%s is still referred to", old)
		}
	}
}

// TestUndoRedo: typing in one field is one step; every other change is
// one; redo is lost by a new change.
func TestUndoRedo(t *testing.T) {
	d := fromFile(t, "../../widget/testdata/full-story.json")
	original := string(d.JSON())
	for _, prefix := range []string{"T", "Ta", "Tal", "Talk"} {
		if err := d.Set("$.title", prefix); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Remove("$.events[0]"); err != nil {
		t.Fatal(err)
	}
	if len(d.s.Events) != 1 || d.s.Events[0].ID != "talks-end" {
		t.Fatalf("events: %v", d.s.Events)
	}
	d.Undo()
	if len(d.s.Events) != 2 || d.s.Title != "Talk" {
		t.Fatalf("after one undo: %d events, title %q", len(d.s.Events), d.s.Title)
	}
	d.Undo()
	if string(d.JSON()) != original {
		t.Fatal("two undos do not give back the original")
	}
	if d.Undo() {
		t.Error("undo past the start")
	}
	d.Redo()
	if d.s.Title != "Talk" {
		t.Errorf("redo: title %q", d.s.Title)
	}
	if err := d.Set("$.dek", "New"); err != nil {
		t.Fatal(err)
	}
	if d.CanRedo() {
		t.Error("a new change keeps the redo")
	}
}

// TestEdit: a run of edits of the raw JSON is one step to undo; JSON
// that does not read changes nothing.
func TestEdit(t *testing.T) {
	d := fromFile(t, "../../widget/testdata/full-story.json")
	original := string(d.JSON())
	for _, title := range []string{"A", "AB", "ABC"} {
		if err := d.Edit([]byte(strings.Replace(original, `"title": "`, `"title": "`+title, 1))); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.Edit([]byte(`{"title": `)); err == nil {
		t.Error("broken JSON taken")
	}
	if !strings.HasPrefix(d.s.Title, "ABC") {
		t.Fatalf("title %q", d.s.Title)
	}
	if !d.Undo() || string(d.JSON()) != original || d.CanUndo() {
		t.Errorf("one undo does not give back the original: %q, can undo %v", d.s.Title, d.CanUndo())
	}
}

// TestMoveAndOptionalObjects: items move by index; emptied optional
// objects (an end) go, rather than being written as {}.
func TestMoveAndOptionalObjects(t *testing.T) {
	d := fromFile(t, "../../widget/testdata/full-story.json")
	if err := d.Move("$.events[1]", 0); err != nil {
		t.Fatal(err)
	}
	if d.s.Events[0].ID != "talks-end" || d.s.Events[1].ID != "talks-begin" {
		t.Errorf("order: %s, %s", d.s.Events[0].ID, d.s.Events[1].ID)
	}
	if err := d.Move("$.events[0]", 5); err == nil {
		t.Error("moved past the end")
	}
	if err := d.Set("$.events[0].end.date", "2025-03-05"); err != nil {
		t.Fatal(err)
	}
	if d.s.Events[0].End == nil || d.s.Events[0].End.Date != "2025-03-05" {
		t.Fatal("no end made")
	}
	if err := d.Set("$.events[0].end.date", ""); err != nil {
		t.Fatal(err)
	}
	if d.s.Events[0].End != nil {
		t.Error("an emptied end stays")
	}
	if _, problems := d.Check("moved.json"); len(problems) > 0 {
		t.Errorf("problems: %v", problems)
	}
	for _, bad := range []string{"title", "$.nope", "$.events[9].headline", "$.events[x]", "$.events[0].people"} {
		if err := d.Set(bad, "x"); err == nil {
			t.Errorf("Set(%q) worked", bad)
		}
	}
}

func fromFile(t *testing.T, path string) *Draft {
	t.Helper()
	s := mustRead(t, path)
	d, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestFollowAndReplace: a new item's id follows its headline as it is
// typed, stays unique, takes its references along, and one undo takes
// back the typing and the id together; a whole story replaced is one
// step too.
func TestFollowAndReplace(t *testing.T) {
	d, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := d.Add("$.events", "Talks open")
	second, _ := d.Add("$.events", "")
	q, _ := d.Add("$.quotes", "")
	if err := d.Set(q+".event", "event"); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"T", "Ta", "Talks open"} {
		if err := d.Set(second+".headline", text); err != nil {
			t.Fatal(err)
		}
		if err := d.Follow(second, text); err != nil {
			t.Fatal(err)
		}
	}
	s := d.Story()
	if s.Events[0].ID != "talks-open" || s.Events[1].ID != "talks-open-2" || s.Quotes[0].Event != "talks-open-2" {
		t.Fatalf("ids: %q %q, the quote's event %q", s.Events[0].ID, s.Events[1].ID, s.Quotes[0].Event)
	}
	_ = first
	if !d.Undo() || d.Story().Events[1].ID != "event" || d.Story().Events[1].Headline != "" || d.Story().Quotes[0].Event != "event" {
		t.Errorf("after one undo: %+v", d.Story().Events[1])
	}

	if err := d.Set("$.title", "Geneva"); err != nil {
		t.Fatal(err)
	}
	if err := d.Follow("$", "Geneva talks"); err != nil || d.Story().ID != "geneva-talks" {
		t.Errorf("the story's id: %q, %v", d.Story().ID, err)
	}
	if err := d.Replace([]byte(`{"id":"x","title":"Other","language":"en","events":[]}`)); err != nil {
		t.Fatal(err)
	}
	if d.Story().Title != "Other" || !d.Undo() || d.Story().Title != "Geneva" {
		t.Errorf("replace and undo: %q", d.Story().Title)
	}
	if err := d.Replace([]byte(`{"title":`)); err == nil || d.Story().Title != "Geneva" {
		t.Errorf("broken JSON replaced the story: %v", err)
	}
}

func TestLen(t *testing.T) {
	d := fromFile(t, "../../widget/testdata/full-story.json")
	for list, want := range map[string]int{"$.events": len(d.Story().Events), "$.people": len(d.Story().People), "$.nothing": 0, "$.title": 0} {
		if got := d.Len(list); got != want {
			t.Errorf("Len(%s) = %d; want %d", list, got, want)
		}
	}
	if d.Len("$.events") == 0 {
		t.Error("the fixture has no events")
	}
}
