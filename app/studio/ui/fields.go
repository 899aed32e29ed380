package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// The form's controls. Each is labelled, carries its hint and its
// problems (aria-describedby), and says it is invalid when it has any;
// its id is made from its JSON path, which is how a problem in the
// summary finds it.

// fieldID is the id of the control of a JSON path.
func fieldID(path string) string { return "f" + path }

// itemID is the id of an item's block (an event, a person).
func itemID(path string) string { return "i" + path }

// describe wires a control to its hint and its problems.
func (c *Studio) describe(path, hint string) (describedBy string, invalid bool, after []app.UI) {
	c.shown[path] = true
	var ids []string
	if hint != "" {
		ids = append(ids, "h"+path)
		after = append(after, app.P().ID("h"+path).Class("hint").Text(hint))
	}
	for i, p := range c.problems[path] {
		id := "p" + path + "-" + itoa(i)
		ids = append(ids, id)
		after = append(after, app.P().ID(id).Class("field-problem").Body(
			app.Span().Class("visually-hidden").Text("Problem: "),
			app.Text(problemText(p)),
		))
	}
	return strings.Join(ids, " "), len(c.problems[path]) > 0, after
}

func problemText(e *story.Error) string {
	if e.Hint != "" {
		return e.Msg + " (" + e.Hint + ")"
	}
	return e.Msg
}

// shownValue is the value a text control renders with. The control
// being typed in keeps the value it last rendered, so that its element is
// not written to: its text is the editor's, and key presses still queued
// would be lost under a render of the draft as it was a moment ago.
func (c *Studio) shownValue(path, value string) string {
	if path == c.typing {
		if v, ok := c.rendered[path]; ok {
			value = v
		}
	}
	c.rendered[path] = value
	return value
}

// textField is a one-line text input.
func (c *Studio) textField(path, label, hint, value string, opts ...func(app.HTMLInput) app.HTMLInput) app.UI {
	desc, invalid, after := c.describe(path, hint)
	value = c.shownValue(path, value)
	in := app.Input().Type("text").ID(fieldID(path)).DataSet("path", path).Value(value).
		Aria("describedby", desc).Aria("invalid", boolText(invalid)).
		OnInput(c.onSet)
	if desc == "" {
		in = in.Aria("describedby", nil)
	}
	for _, o := range opts {
		in = o(in)
	}
	return app.Div().Class("field").Body(
		append([]app.UI{app.Label().For(fieldID(path)).Text(label), in}, after...)...,
	)
}

// textArea is a text of several lines: a body, a quote, a caption.
func (c *Studio) textArea(path, label, hint, value string, rows int) app.UI {
	desc, invalid, after := c.describe(path, hint)
	value = c.shownValue(path, value)
	ta := app.Textarea().ID(fieldID(path)).DataSet("path", path).Rows(rows).Text(value).
		Aria("invalid", boolText(invalid)).OnInput(c.onSet)
	if desc != "" {
		ta = ta.Aria("describedby", desc)
	}
	return app.Div().Class("field").Body(
		append([]app.UI{app.Label().For(fieldID(path)).Text(label), ta}, after...)...,
	)
}

// option is one choice of a select.
type option struct{ value, label string }

// selectField chooses one value, or none when empty is set.
func (c *Studio) selectField(path, label, hint, value, empty string, options []option) app.UI {
	desc, invalid, after := c.describe(path, hint)
	known := value == ""
	opts := []app.UI{}
	if empty != "" || value == "" {
		opts = append(opts, app.Option().Value("").Selected(value == "").Text(empty))
	}
	for _, o := range options {
		known = known || o.value == value
		opts = append(opts, app.Option().Value(o.value).Selected(o.value == value).Text(o.label))
	}
	if !known {
		// A reference to something that is not there (yet): keep it, so
		// that the problem shows and nothing is changed behind the
		// editor's back.
		opts = append(opts, app.Option().Value(value).Selected(true).Text(value+" (missing)"))
	}
	sel := app.Select().ID(fieldID(path)).DataSet("path", path).Aria("invalid", boolText(invalid)).OnChange(c.onSet).Body(opts...)
	if desc != "" {
		sel = sel.Aria("describedby", desc)
	}
	return app.Div().Class("field").Body(
		append([]app.UI{app.Label().For(fieldID(path)).Text(label), sel}, after...)...,
	)
}

// checkField is a yes-or-no.
func (c *Studio) checkField(path, label, hint string, value bool) app.UI {
	desc, invalid, after := c.describe(path, hint)
	in := app.Input().Type("checkbox").ID(fieldID(path)).DataSet("path", path).Checked(value).Aria("invalid", boolText(invalid)).
		OnChange(func(ctx app.Context, e app.Event) {
			src := ctx.JSSrc()
			c.set(ctx, src.Get("dataset").Get("path").String(), boolText(src.Get("checked").Bool()))
		})
	if desc != "" {
		in = in.Aria("describedby", desc)
	}
	return app.Div().Class("field field-check").Body(
		append([]app.UI{in, app.Label().For(fieldID(path)).Text(label)}, after...)...,
	)
}

// refsField picks any number of items of another list: an event's
// people and sources.
func (c *Studio) refsField(path, legend, hint string, values []story.Ref, options []option) app.UI {
	desc, invalid, after := c.describe(path, hint)
	chosen := map[string]bool{}
	for _, v := range values {
		chosen[string(v)] = true
	}
	boxes := []app.UI{app.Legend().Text(legend)}
	if len(options) == 0 {
		boxes = append(boxes, app.P().Class("hint").Text("None yet: add them below."))
	}
	for i, o := range options {
		id := fieldID(path) + "-" + itoa(i)
		value := o.value
		// The id it names is read from the box when it changes: go-app
		// keeps the first handler of an element, and ids change.
		boxes = append(boxes, app.Div().Class("field-check").Body(
			app.Input().Type("checkbox").ID(id).Checked(chosen[value]).DataSet("ref", value).DataSet("path", path).
				OnChange(func(ctx app.Context, e app.Event) {
					d := ctx.JSSrc().Get("dataset")
					c.toggleRef(ctx, d.Get("path").String(), d.Get("ref").String(), ctx.JSSrc().Get("checked").Bool())
				}),
			app.Label().For(id).Text(o.label),
		))
		delete(chosen, value)
	}
	for _, v := range values {
		if chosen[string(v)] {
			boxes = append(boxes, app.P().Class("field-problem").Text(string(v)+" is not in the list"))
		}
	}
	fs := app.FieldSet().ID(fieldID(path)).Class("field refs").Body(append(boxes, after...)...)
	if desc != "" {
		fs = fs.Aria("describedby", desc)
	}
	if invalid {
		fs = fs.Aria("invalid", "true")
	}
	return fs
}

// noop is a handler that does nothing, in place of a control's default.
func noop(app.Context, app.Event) {}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func itoa(i int) string { return strconv.Itoa(i) }
