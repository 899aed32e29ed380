package ui

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"
	"unicode/utf16"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
	"explainer/app/studio/draft"
)

// The raw JSON view is an editor of the same draft as the form: what is
// typed there is unsaved work like any other (kept in the browser, shown
// in the preview once it reads, saved by Save), checked by the same
// parser as explainer validate, whose messages carry their line. Nothing
// typed there is dropped: leaving the view, or saving, with text that
// does not read says why, and puts the caret at the mistake.

// rawView edits the story file itself.
func (c *Studio) rawView() app.UI {
	var lines []app.UI
	for _, e := range c.list {
		if e == c.rawError {
			continue // said above the list, with a way to it
		}
		lines = append(lines, app.Li().Text(e.Error()))
	}
	// The mistake goes above the box, where it is seen with the line it
	// is about; its block is always there, so that the box keeps its
	// place among the elements (and its caret) as it comes and goes.
	var mistake []app.UI
	if c.rawError != nil {
		where := "the mistake"
		if c.rawError.Line > 0 {
			where = "line " + itoa(c.rawError.Line)
		}
		mistake = []app.UI{app.Div().ID("raw-error").Class("notice notice-problem").Role("alert").Body(
			app.P().Class("field-problem").Text(c.rawError.Error()),
			app.P().Class("hint").Text("The form opens once the file reads; until then, edit it here. Nothing is lost."),
			c.button("raw-goto", "Go to "+where, false, func(app.Context) { c.caretAt(c.rawError) }),
		)}
	}
	ta := app.Textarea().ID("raw").Rows(30).Attr("spellcheck", "false").Text(c.rawText).
		Aria("describedby", "raw-problems raw-list").Aria("invalid", boolText(len(c.list) > 0)).
		OnInput(c.onRaw)
	return app.Div().Class("raw").Body(
		app.H2().Text("The story file"),
		app.Label().For("raw").Text("JSON, as it will be saved"),
		app.Div().ID("raw-problems").Body(mistake...),
		ta,
		app.Ul().ID("raw-list").Class("raw-list").Body(lines...),
		app.Div().Class("studio-actions").Body(
			c.button("apply", "Apply to the form", false, c.applyRaw).Class("primary"),
		),
	)
}

// onRaw follows typing in the raw JSON: like typing in a field, it renders
// nothing until the burst is checked (settle), which gives the text to
// the draft and the preview if it reads.
func (c *Studio) onRaw(ctx app.Context, e app.Event) {
	c.rawText, c.rawEdited = ctx.JSSrc().Get("value").String(), true
	resync := c.resync
	c.changed(ctx)
	c.typing, c.resync = rawTyping, resync
	ctx.PreventUpdate()
}

// takeRaw gives the raw JSON to the draft, if it reads as a story's JSON,
// and checks it; rawError says why not.
func (c *Studio) takeRaw() {
	c.rawEdited = false
	var err error
	if c.noDraft {
		var d *draft.Draft
		if d, err = draft.New([]byte(c.rawText)); err == nil {
			c.d, c.noDraft = d, false
		}
	} else {
		err = c.d.Edit([]byte(c.rawText))
	}
	c.check()
	c.rawError = nil
	if err != nil {
		c.rawError = stoppingProblem(c.rawText, err, c.list, c.fileName())
	}
}

// stoppingProblem is the problem of a story's JSON text that keeps it
// from the form: of the parser's problems (its words, at their line),
// the last one at or before the line where the JSON decoder stopped.
// The first problem of the text may be another, earlier in the file, that
// stops nothing (an empty title), and the caret belongs at the one that
// does.
func stoppingProblem(text string, err error, list story.ErrorList, file string) *story.Error {
	offset := -1
	var syntax *json.SyntaxError
	var typed *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		offset = int(syntax.Offset)
	case errors.As(err, &typed):
		offset = int(typed.Offset)
	}
	if len(list) == 0 {
		return &story.Error{File: file, Msg: err.Error()}
	}
	if offset < 0 {
		return list[0]
	}
	line := 1 + strings.Count(text[:min(offset, len(text))], "\n")
	var best *story.Error
	for _, e := range list {
		if e.Line <= line && (best == nil || e.Line > best.Line) {
			best = e
		}
	}
	if best == nil {
		return list[0]
	}
	return best
}

// parseStory checks a story file's text, as explainer validate does.
func parseStory(name, text string) (*story.Story, story.ErrorList) {
	return draft.Parse(name, []byte(text))
}

// rawMistake says why the raw JSON is not in the form yet.
func (c *Studio) rawMistake() string {
	return "The file does not read: " + c.rawError.Error() + ". Fix it in the JSON; the form opens once it reads."
}

// rawRefuses says, after what (prefix), that the JSON typed does not read
// and takes the caret to its mistake; false when it reads or is not
// shown.
func (c *Studio) rawRefuses(prefix string) bool {
	if c.mode != "json" || c.rawError == nil {
		return false
	}
	c.status = prefix + c.rawMistake()
	c.caretAt(c.rawError)
	return true
}

// caretAtMistake puts the caret at the raw JSON's mistake, once shown.
func (c *Studio) caretAtMistake() {
	if c.rawError != nil {
		c.caretAt(c.rawError)
	}
}

// caretAt takes the keyboard to the raw JSON, at a problem's line and
// column, once the coming render is done.
func (c *Studio) caretAt(e *story.Error) {
	c.ctx.Defer(func(app.Context) {
		el := app.Window().GetElementByID("raw")
		if !el.Truthy() {
			return
		}
		off := 0
		if e.Line > 0 {
			off = caretOffset(el.Get("value").String(), e.Line, e.Col)
		}
		el.Call("focus")
		el.Call("setSelectionRange", off, off)
		// Scroll the line into the box: Chromium scrolls to the caret
		// only when it moves by the keyboard.
		lines := max(1, el.Get("rows").Int())
		height := el.Get("scrollHeight").Float() / float64(max(1, countLines(el.Get("value").String())))
		el.Set("scrollTop", float64(e.Line-lines/2)*height)
		el.Call("scrollIntoView", map[string]any{"block": "nearest"})
	})
}

// caretOffset is where line and column (1-based, in characters, as
// story.Error gives them) are in text, in the UTF-16 units a textarea's
// selection counts in.
func caretOffset(text string, line, col int) int {
	off, l, c := 0, 1, 1
	for _, r := range text {
		if l > line || l == line && c >= col {
			break
		}
		if r == '\n' {
			if l == line {
				break // the column is past the line's end: its end
			}
			l, c = l+1, 1
		} else {
			c++
		}
		off += utf16.RuneLen(r)
	}
	return off
}

func countLines(text string) int {
	n := 1
	for _, r := range text {
		if r == '\n' {
			n++
		}
	}
	return n
}

// toRaw shows the draft as its JSON.
func (c *Studio) toRaw(ctx app.Context) {
	c.mode, c.rawText, c.rawError, c.rawEdited, c.typing = "json", string(c.d.JSON()), nil, false, ""
	c.check()
	c.showModel()
	c.ctx.Defer(func(app.Context) { focus("raw") })
}

// toForm goes back to the form with the JSON typed, or says what stops
// it and stays: text that does not read, or that the form would not keep
// (an unknown field, a duplicate one).
func (c *Studio) toForm(ctx app.Context) {
	c.settle()
	if c.rawRefuses("Still in the JSON. ") {
		return
	}
	if e := c.formWouldDrop(); e != nil {
		c.status = "Still in the JSON: the form cannot keep this: " + e.Error() + ". Fix it in the JSON first."
		c.caretAt(e)
		return
	}
	c.mode, c.typing = "", ""
	c.check()
	c.showModel()
}

// formWouldDrop is what going back to the form would drop silently from
// the raw JSON: a field the form has no place for (an unknown one), or
// one of two of the same name. Other problems are the form's too (a
// missing headline is an empty one there), and it is where they are
// fixed.
func (c *Studio) formWouldDrop() *story.Error {
	for _, e := range c.list {
		if strings.HasPrefix(e.Msg, "duplicate field") {
			return e
		}
	}
	var raw, form any
	if json.Unmarshal([]byte(c.rawText), &raw) != nil || json.Unmarshal(c.d.JSON(), &form) != nil {
		return nil // rawError says why, if it does not read
	}
	path := dropped(raw, form, "$")
	if path == "" {
		return nil
	}
	for _, e := range c.list {
		if e.Path == path {
			return e // the parser's words, at their line
		}
	}
	return &story.Error{File: c.fileName(), Path: path, Msg: "the form has no place for this field"}
}

// dropped is the path of the first field of raw, a decoded JSON value,
// that form, the same after a round trip through the form, does not
// have; "" when none. Empty values are not missed: the form may leave
// them out.
func dropped(raw, form any, path string) string {
	switch r := raw.(type) {
	case map[string]any:
		f, _ := form.(map[string]any)
		keys := make([]string, 0, len(r))
		for k := range r {
			keys = append(keys, k)
		}
		sort.Strings(keys) // the same answer every time
		for _, k := range keys {
			if isEmpty(r[k]) {
				continue
			}
			fv, ok := f[k]
			if !ok {
				return path + "." + k
			}
			if p := dropped(r[k], fv, path+"."+k); p != "" {
				return p
			}
		}
	case []any:
		f, _ := form.([]any)
		for i, v := range r {
			if i >= len(f) {
				return path + "[" + itoa(i) + "]"
			}
			if p := dropped(v, f[i], path+"["+itoa(i)+"]"); p != "" {
				return p
			}
		}
	}
	return ""
}

func isEmpty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case bool:
		return !v
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}

// applyRaw checks the JSON now, and says where it stands.
func (c *Studio) applyRaw(ctx app.Context) {
	c.settle()
	if c.rawRefuses("Not applied. ") {
		return
	}
	c.status = "Applied the JSON."
	if len(c.list) > 0 {
		c.status += " It has " + plural(len(c.list), "problem", "problems") + ", listed under it."
	}
}

// plural is n and the noun, in the singular for 1.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}
