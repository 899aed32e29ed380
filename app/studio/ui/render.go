package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
	"explainer/app/studio/api"
)

// Render lays out the studio: the bar with the file and its actions, then
// the form (or the raw JSON) beside the preview.
func (c *Studio) Render() app.UI {
	c.shown, c.actions = map[string]bool{}, map[string]func(app.Context){}
	var main app.UI
	switch {
	case c.fatal != "":
		main = app.P().Class("studio-fatal").Role("alert").Text(c.fatal)
	case c.d == nil:
		main = c.fileList()
	default:
		main = c.editor()
	}
	return app.Div().ID("studio").Class("studio").
		OnDragOver(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
		OnDrop(c.onDrop).
		Body(
			app.A().Class("skip-link").Href("#studio-main").Text("Skip to the form"),
			c.bar(),
			app.Main().ID("studio-main").Body(main),
			app.P().ID("studio-status").Class("studio-status").Role("status").Aria("live", "polite").Text(c.status),
		)
}

// bar is the studio's header: where one is, and what one can do.
func (c *Studio) bar() app.UI {
	title := "explainer studio"
	var actions []app.UI
	if c.d != nil {
		actions = []app.UI{
			c.button("undo", "Undo", !c.d.CanUndo(), c.undo).Attr("aria-keyshortcuts", "Control+Z"),
			c.button("redo", "Redo", !c.d.CanRedo(), c.redo).Attr("aria-keyshortcuts", "Control+Shift+Z"),
			c.modeSwitch(),
			c.button("save", "Save", c.saving, c.save).Class("primary").Attr("aria-keyshortcuts", "Control+S"),
		}
	}
	name := c.name
	if c.d != nil && name == "" {
		name = "new story, not saved yet"
	}
	state := ""
	switch {
	case c.d == nil:
	case c.saving:
		state = "saving…"
	case c.dirty || c.version == "":
		state = "unsaved changes (kept in this browser)"
	default:
		state = "saved"
	}
	return app.Header().Class("studio-bar").Body(
		app.P().Class("studio-title").Body(
			app.If(c.d != nil && !c.single, func() app.UI { return app.A().Href(address("")).Text(title) }).
				Else(func() app.UI { return app.Span().Text(title) }),
		),
		app.If(c.d != nil, func() app.UI {
			return app.P().Class("studio-file").Body(
				app.Span().Class("studio-name").Text(name),
				app.Span().Class("studio-state").Text(state),
			)
		}),
		app.Div().Class("studio-actions").Body(actions...),
	)
}

// modeSwitch turns between the form and the raw JSON.
func (c *Studio) modeSwitch() app.UI {
	if c.mode == "json" {
		return c.button("mode", "Back to the form", false, c.toForm)
	}
	return c.button("mode", "Edit as JSON", false, c.toRaw)
}

// fileList is the folder's stories, a new one, and the importer.
func (c *Studio) fileList() app.UI {
	items := make([]app.UI, 0, len(c.files))
	for _, f := range c.files {
		label := f.Title
		if label == "" {
			label = f.Name
		}
		note := f.Name
		if !f.Valid {
			note += " · has problems"
		}
		if f.Live != "" {
			note += " · live from a sheet"
		}
		if f.Problem != "" {
			note += " · not live as it is: " + strings.ReplaceAll(f.Problem, "\n", "; ")
		}
		items = append(items, app.Li().Body(
			app.A().Href(address(f.Name)).Text(label),
			app.Span().Class("hint").Text(" "+note),
		))
	}
	return app.Div().Class("file-list").Body(
		app.H1().Text("Stories"),
		app.If(len(items) == 0, func() app.UI { return app.P().Text("No stories in this folder yet.") }),
		app.Ul().Body(items...),
		app.Div().Class("studio-actions").Body(
			c.button("new", "New story", false, c.newStory).Class("primary"),
		),
		c.importer(),
		c.sheetLinker(false),
	)
}

// editor is the form or the raw JSON, beside the preview.
func (c *Studio) editor() app.UI {
	var left app.UI
	if c.mode == "json" {
		left = c.rawView()
	} else {
		left = c.form()
	}
	return app.Div().Class("studio-editor").Body(
		app.Div().Class("studio-left").Body(
			c.notices(),
			left,
		),
		c.previewPane(),
	)
}

// notices are what the editor should know before going on: a conflict,
// restored work, the embed code after a save.
func (c *Studio) notices() app.UI {
	var out []app.UI
	if c.conflict != nil {
		out = append(out, app.Div().ID("conflict").Class("notice notice-problem").Role("alert").TabIndex(-1).Body(
			app.H2().Text("The file changed on disk since you opened it"),
			app.P().Text("Someone, or something, saved "+c.name+" after you opened it. Your changes are kept here. Choose:"),
			app.Div().Class("studio-actions").Body(
				c.button("overwrite", "Save mine over it", false, c.overwrite),
				c.button("reload", "Discard mine and load theirs", false, c.takeTheirs),
			),
		))
	}
	if c.restored {
		out = append(out, app.Div().Class("notice").Body(
			app.P().Text("These are unsaved changes this browser kept. Save them, or go back to the file as it is on disk."),
			c.button("discard", "Discard the kept changes", false, c.discardKept),
		))
	}
	if c.snippets != nil {
		out = append(out, c.embedCode())
	}
	if ask := c.askBase(); ask != nil {
		out = append(out, ask)
	}
	if c.imp.failed != "" {
		out = append(out, c.importProblems())
	}
	if len(c.warnings) > 0 {
		items := make([]app.UI, len(c.warnings))
		for i, w := range c.warnings {
			if w.Field == "" {
				items[i] = app.Li().Text(importWarning(w))
				continue
			}
			field := w.Field
			if strings.HasSuffix(field, ".media") && strings.Contains(w.Message, "no alt text") {
				field += ".alt" // where it is written, not the address
			}
			items[i] = app.Li().Body(
				app.A().Href("#"+fieldID(field)).DataSet("field", field).OnClick(c.goToField).Text(importWarning(w)),
			)
		}
		out = append(out, app.Details().Class("notice").Body(
			app.Summary().Text(itoa(len(c.warnings))+" things the import could not keep as they were"),
			app.Ul().Body(items...),
		))
	}
	// Last: the story's source, or the offer to link one, comes after
	// what needs the editor's attention now.
	out = append(out, c.livePanel())
	return app.Div().Class("notices").Body(out...)
}

// goToField takes the keyboard to the field an import's warning is
// about, unfolding its item and its group first.
func (c *Studio) goToField(ctx app.Context, e app.Event) {
	e.PreventDefault()
	field := ctx.JSSrc().Get("dataset").Get("field").String()
	item, _, _ := strings.Cut(field, "]")
	if item != field {
		item += "]"
		c.opened[item] = true
	}
	c.opened[field] = true // an optional group: media, an end
	if i := strings.LastIndexByte(field, '.'); i > 0 {
		c.opened[field[:i]] = true // the group of a field: an alt text
	}
	c.focusEvent(field)
	c.refresh(ctx)
	c.ctx.Defer(func(app.Context) {
		switch {
		case focus(fieldID(field)):
		case app.Window().GetElementByID("o" + field).Truthy():
			focusFirstField("o" + field)
		default:
			focus(itemID(item))
		}
	})
}

func importWarning(w api.Problem) string {
	where := w.Path
	if w.Line > 0 {
		where = "line " + itoa(w.Line) + ", " + where
	}
	if where == "" {
		return w.Message
	}
	return where + ": " + w.Message
}

// form is every part of the story.
func (c *Studio) form() app.UI {
	s := c.d.Story()
	sections := []app.UI{c.storyFields(s)}
	for _, l := range lists {
		sections = append(sections, c.listSection(l, s))
	}
	// The summary is built last, when every control has said which path
	// it shows, and goes first.
	return app.Form().ID("story-form").Class("story-form").Attr("novalidate", true).
		OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).
		On("focusout", c.onLeave).
		Body(append([]app.UI{c.summary(), c.leftovers("$")}, sections...)...)
}

// listSection is one list with its items and an Add button.
//
// In a long list, items are folded to their heading, but for the ones
// the editor opens, adds, or has problems in: a story of hundreds of
// events would otherwise be a page of thousands of controls, rendered
// again after every burst of typing.
func (c *Studio) listSection(l list, s *story.Story) app.UI {
	n := c.d.Len(l.path)
	items := make([]app.UI, 0, n)
	for i := range n {
		path := l.path + "[" + itoa(i) + "]"
		label := c.itemLabel(l, s, i)
		heading := strings.ToUpper(l.singular[:1]) + l.singular[1:] + " " + itoa(i+1) + ": " + label
		open := n <= foldFrom || c.opened[path] || c.auto[path] || c.hasProblemsUnder(path)
		var fields []app.UI
		if open {
			fields = c.itemFields(l, path, s, i)
		}
		foldLabel := "Edit"
		if open {
			foldLabel = "Fold"
		}
		var fold app.UI = app.Span() // keeps the buttons' places in short lists
		if n > foldFrom {
			fold = c.button("x"+path, foldLabel, false, func(ctx app.Context) { c.fold(path, !open) }).
				Aria("expanded", boolText(open)).Aria("label", foldLabel+" "+l.singular+" "+itoa(i+1)+": "+label)
		}
		items = append(items, app.Li().ID(itemID(path)).Class("item").TabIndex(-1).Aria("labelledby", "t"+path).Body(
			app.Div().Class("item-head").Body(
				app.H3().ID("t"+path).Text(heading),
				app.Div().Class("item-actions").Body(
					fold,
					c.moveButtons(l, path, i, n),
					c.button("rm"+path, "Remove", false, func(ctx app.Context) { c.remove(ctx, l, path) }).
						Aria("label", "Remove "+l.singular+" "+itoa(i+1)+": "+label),
				),
			),
			c.leftovers(path),
			app.Div().Class("item-fields").Body(fields...),
		))
	}
	return app.Section().ID("s"+l.path).Class("form-section").Aria("labelledby", "h"+l.path).Body(
		app.H2().ID("h"+l.path).TabIndex(-1).Text(l.title+" ("+itoa(n)+")"),
		app.P().Class("hint").Text(l.intro),
		c.leftovers(l.path),
		app.Ol().Class("items").Body(items...),
		c.button("add"+l.path, "Add "+l.article+" "+l.singular, false, func(ctx app.Context) { c.add(ctx, l) }),
	)
}

// foldFrom is the length from which a list's items are folded.
const foldFrom = 8

// fold opens or folds an item; an item opened takes the keyboard to its
// first field, and the preview to its event.
func (c *Studio) fold(path string, open bool) {
	c.opened[path] = open
	if open {
		c.focusEvent(path + ".")
		c.refresh(c.ctx)
		c.ctx.Defer(func(app.Context) { focusFirstField(itemID(path)) })
	}
}

// moveButtons move an item up or down its list; events have none, as
// the timeline puts them in time order whatever their order in the file.
func (c *Studio) moveButtons(l list, path string, i, n int) app.UI {
	if l.path == "$.events" {
		return app.Span() // keeps the Remove button's place
	}
	return app.Span().Class("item-move").Body(
		c.moveButton(l, path, i, i-1, "up", "Move up", n),
		c.moveButton(l, path, i, i+1, "down", "Move down", n),
	)
}

// removedFocus is where the keyboard goes once the item at index i of a
// list is removed, leaving n: the item now at i, else the one before,
// else the list's heading.
func removedFocus(list string, i, n int) string {
	switch {
	case i < n:
		return itemID(list + "[" + itoa(i) + "]")
	case n > 0:
		return itemID(list + "[" + itoa(n-1) + "]")
	}
	return "h" + list
}

func (c *Studio) moveButton(l list, path string, from, to int, dir, label string, n int) app.UI {
	return c.button("m"+dir+path, label, to < 0 || to >= n, func(ctx app.Context) { c.move(ctx, l, path, from, to) }).
		Aria("label", label+": "+l.singular+" "+itoa(from+1))
}

// leftovers are the problems of an item (or a list) that no control of
// it shows: a missing list, a duplicate id, an end before its start.
func (c *Studio) leftovers(path string) app.UI {
	var out []app.UI
	for p, errs := range c.problems {
		if c.shown[p] || placeOf(p, c.shown) != path {
			continue
		}
		for _, e := range errs {
			out = append(out, app.P().Class("field-problem").Body(
				app.Span().Class("visually-hidden").Text("Problem: "),
				app.Text(problemText(e)),
			))
		}
	}
	// Always there, if empty: go-app matches elements by their place, and
	// a block that came and went would have every control after it made
	// anew, taking the keyboard from the one being typed in.
	class := "item-problems"
	if len(out) == 0 {
		class = "item-problems is-empty"
	}
	return app.Div().ID("p" + path).Class(class).Body(out...)
}

// placeOf is where a problem at path is shown: its own control when it
// has one, else the item or list it belongs to, else the story.
func placeOf(path string, shown map[string]bool) string {
	for p := path; p != "" && p != "$"; {
		if shown[p] || isList(p) || strings.HasSuffix(p, "]") && isList(p[:strings.LastIndexByte(p, '[')]) {
			return p
		}
		i := strings.LastIndexAny(p, ".[")
		if i <= 0 {
			break
		}
		p = p[:i]
	}
	return "$"
}

func isList(path string) bool {
	for _, l := range lists {
		if l.path == path {
			return true
		}
	}
	return false
}

// summary lists every problem, each a link to its field: the first
// thing a screen reader meets in the form, and where a failed save
// takes the keyboard.
func (c *Studio) summary() app.UI {
	list := c.shownList()
	if len(list) == 0 {
		text := "No problems: the story is ready to save."
		if len(c.list) > 0 {
			text = "Nothing to fix so far. What you have just added is checked as you fill it in, and all of it when you save."
		}
		return app.Div().ID("summary").Class("summary summary-ok").TabIndex(-1).Body(
			app.P().Text(text),
		)
	}
	items := make([]app.UI, 0, len(list))
	for _, e := range list {
		target := placeOf(e.Path, c.shown)
		id := fieldID(target)
		if !c.shown[target] {
			id = itemID(target)
			if target == "$" || isList(target) {
				id = "s" + target
			}
		}
		where := placeWords(e.Path)
		items = append(items, app.Li().Body(
			app.A().Href("#"+id).DataSet("focus", id).OnClick(func(ctx app.Context, ev app.Event) {
				ev.PreventDefault()
				focus(ctx.JSSrc().Get("dataset").Get("focus").String())
			}).Text(where+": "+problemText(e)),
		))
	}
	return app.Div().ID("summary").Class("summary").TabIndex(-1).Aria("labelledby", "summary-title").Body(
		app.H2().ID("summary-title").Text(plural(len(list), "problem", "problems")+" to fix before saving"),
		app.Ul().Body(items...),
	)
}

// button is a button that runs f, or says it cannot.
//
// go-app keeps an element's first handler for as long as the handler's
// function is the same code, whatever it has captured since: a handler
// made here would run the f of the button's first render (Edit as JSON
// for ever). So f is filed under the button's id at each render, and the
// handler looks it up when it runs. The same holds for every handler in
// the studio: each reads what it needs when it runs (the path of its
// control from data-path, the state from the component), never from its
// render.
func (c *Studio) button(id, label string, disabled bool, f func(ctx app.Context)) app.HTMLButton {
	c.actions[id] = f
	return app.Button().Type("button").ID(id).Disabled(disabled).Text(label).
		OnClick(func(ctx app.Context, e app.Event) {
			c.settle() // a button acts on the story as checked
			if f, ok := c.actions[ctx.JSSrc().Get("id").String()]; ok {
				f(ctx)
			}
		})
}
