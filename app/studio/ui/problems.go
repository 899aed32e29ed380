package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// When problems speak, and in what words.
//
// A new item (or a new story) starts empty, and an empty field is a
// problem: shown at once, a new quote would open with seven of them
// before the editor typed anything. So the problems of what the editor
// has just added wait: each field's show once the editor has changed it
// or left it, and all of them at a save.

// problemWait is what waits.
type problemWait struct {
	// fresh are the items (and "$" for a new story) added since the
	// last save: the problems inside them wait.
	fresh map[string]bool
	// touched are the fields of fresh items changed or left since.
	touched map[string]bool
}

// freshItem starts holding back the problems of an item just added.
func (c *Studio) freshItem(path string) {
	if c.wait.fresh == nil {
		c.wait.fresh, c.wait.touched = map[string]bool{}, map[string]bool{}
	}
	c.wait.fresh[path] = true
}

// touch lets the problems of a field speak.
func (c *Studio) touch(path string) {
	if c.wait.touched != nil {
		c.wait.touched[path] = true
	}
}

// revealProblems lets every problem speak: at a save.
func (c *Studio) revealProblems() {
	c.wait = problemWait{}
	c.problems = c.visibleProblems()
}

// waits says a problem at path is held back.
func (c *Studio) waits(path string) bool {
	for p := path; ; {
		if c.wait.touched[p] {
			return false // a field, or a list of references: its entries too
		}
		if c.wait.fresh[p] {
			return true
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			return c.wait.fresh["$"]
		}
		p = p[:i]
	}
}

// visibleProblems are the problems of c.list that speak, by path, in
// the editor's words: at a field that must be filled in, that it must
// be, and nothing else (not the grammar of an id beside an empty list).
func (c *Studio) visibleProblems() map[string][]*story.Error {
	out := map[string][]*story.Error{}
	empty := map[string]bool{}
	for _, e := range c.list {
		if strings.HasSuffix(e.Msg, " must not be empty") {
			empty[e.Path] = true
		}
	}
	for _, e := range c.list {
		if c.waits(e.Path) {
			continue
		}
		if empty[e.Path] {
			if !strings.HasSuffix(e.Msg, " must not be empty") {
				continue
			}
			e = &story.Error{File: e.File, Line: e.Line, Col: e.Col, Path: e.Path, Msg: "This cannot be left empty."}
		}
		out[e.Path] = append(out[e.Path], e)
	}
	return out
}

// shownList is the problems that speak, in the order of c.list.
func (c *Studio) shownList() []*story.Error {
	var out []*story.Error
	seen := map[string]bool{}
	for _, e := range c.list {
		if seen[e.Path] {
			continue
		}
		seen[e.Path] = true
		out = append(out, c.problems[e.Path]...)
	}
	return out
}

// onLeave lets the problems of the control the keyboard leaves speak.
func (c *Studio) onLeave(ctx app.Context, e app.Event) {
	path := e.Get("target").Get("dataset").Get("path")
	if !path.Truthy() || !c.waits(path.String()) {
		ctx.PreventUpdate()
		return
	}
	c.touch(path.String())
	c.problems = c.visibleProblems()
}

// fieldWords are the form's labels of the story file's fields, for a
// problem's place in the summary.
var fieldWords = map[string]string{
	"title": "Title", "id": "Id", "dek": "Summary", "language": "Language", "media": "Picture or video",
	"background": "Background", "published": "Published", "updated": "Last changed", "name": "Name",
	"role": "Role", "image": "Portrait", "headline": "Headline", "start": "When", "end": "Until",
	"body": "Text", "place": "Place", "tags": "Tags", "people": "People involved", "sources": "Sources",
	"group": "Group", "speaker": "Speaker", "kind": "Kind", "text": "Words", "sourceText": "The source's sentence",
	"context": "Context", "event": "Event", "when": "Said at another time", "replyTo": "In reply to",
	"source": "Source", "outlet": "Outlet", "url": "Address", "note": "Note", "label": "Label",
	"time": "When", "correction": "Correction", "date": "Date", "zone": "Time zone",
	"partOfDay": "Part of the day", "approximate": "About", "src": "Address", "alt": "Text alternative",
	"caption": "Caption", "credit": "Credit", "color": "Colour", "quotes": "Quotes", "events": "Events",
	"phases": "Phases", "groups": "Groups", "updates": "Updates", "credits": "Credits",
}

// placeWords names a JSON path as the form does: $.quotes[1].speaker is
// "Quote 2 › Speaker".
func placeWords(path string) string {
	if path == "" || path == "$" {
		return "The story"
	}
	var parts []string
	rest := strings.TrimPrefix(path, "$")
	for _, l := range lists {
		if p, ok := strings.CutPrefix(path, l.path+"["); ok {
			i := strings.IndexByte(p, ']')
			if i < 0 {
				break
			}
			n := indexOf(l.path + "[" + p[:i+1])
			parts = append(parts, strings.ToUpper(l.singular[:1])+l.singular[1:]+" "+itoa(n+1))
			rest = p[i+1:]
			break
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "Story")
	}
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == '.' }) {
		if w, ok := fieldWords[f]; ok {
			parts = append(parts, w)
		} else {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, " › ")
}
