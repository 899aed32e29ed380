package ui

import (
	"path"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/studio/api"
	"explainer/app/studio/draft"
)

// importState is the TimelineJS file imported last, kept so that it can
// be imported again once the editor has said where its pictures live.
type importState struct {
	name, text string
	// base is where its relative picture addresses are relative to.
	base string
	// relative counts the addresses dropped for want of a base.
	relative int
	// example is one of them, to show the editor what is meant.
	example string
	// draft is the story the import made: the question is asked of it
	// only, not of a file opened since.
	draft *draft.Draft
	// made is that story's text as the import made it: until it changes,
	// it may be made again without asking.
	made string
	// failed is what stopped the last import, every problem of it.
	failed   string
	problems []api.Problem
}

// importer takes a TimelineJS file, by the file picker or dropped
// anywhere on the studio, with where its pictures live if it addresses
// them relative to itself.
func (c *Studio) importer() app.UI {
	return app.Div().Class("importer").Body(
		app.H2().Text("Open a TimelineJS timeline"),
		app.P().ID("import-hint").Class("hint").Text("A TimelineJS JSON file, or a Google Sheet from its template saved as CSV. Drop it here, or choose it:"),
		app.Input().Type("file").ID("import").Accept(".json,.csv,application/json,text/csv").Aria("describedby", "import-hint").
			OnChange(func(ctx app.Context, e app.Event) { c.importFiles(ctx, ctx.JSSrc().Get("files")) }),
		app.Label().For("import").Class("visually-hidden").Text("TimelineJS file"),
		app.Div().Class("field").Body(
			app.Label().For("import-where").Text("Where its pictures live (optional)"),
			app.Input().Type("url").ID("import-where").Value(c.imp.base).Aria("describedby", "import-where-hint").
				OnInput(c.onImportBase),
			app.P().ID("import-where-hint").Class("hint").Text("For a timeline whose pictures have addresses like images/ship.jpg: the https address of the folder they are relative to, e.g. https://example.com/timeline/."),
		),
		c.importProblems(),
	)
}

// onImportBase keeps what the editor types as where the pictures live.
func (c *Studio) onImportBase(ctx app.Context, e app.Event) {
	c.imp.base = ctx.JSSrc().Get("value").String()
	ctx.PreventUpdate()
}

// importProblems lists everything that stopped the last import, as
// explainer import lists it, each with its line and cell.
func (c *Studio) importProblems() app.UI {
	if c.imp.failed == "" {
		return app.Div().ID("import-problems")
	}
	items := make([]app.UI, len(c.imp.problems))
	for i, p := range c.imp.problems {
		items[i] = app.Li().Text(importWarning(p))
	}
	return app.Div().ID("import-problems").Class("notice notice-problem").Role("alert").Body(
		app.P().Text(c.imp.failed),
		app.Ul().Body(items...),
	)
}

// askBase asks where the pictures of an import live, when it dropped
// addresses relative to the file, and imports it again with the answer.
func (c *Studio) askBase() app.UI {
	if c.imp.relative == 0 || c.imp.draft != c.d || c.imp.text == "" {
		return nil
	}
	what := itoa(c.imp.relative) + " addresses"
	if c.imp.relative == 1 {
		what = "1 address"
	}
	return app.Div().ID("ask-base").Class("notice notice-problem").Body(
		app.H2().Text("Where do the pictures live?"),
		app.P().Text(c.imp.name+" has "+what+" relative to where it was published, such as "+c.imp.example+
			", so they were left out. Give the address they are relative to, and import it again: this story is made again from the file."),
		app.Div().Class("field").Body(
			app.Label().For("import-base").Text("Where the pictures live"),
			app.Input().Type("url").ID("import-base").Value(c.imp.base).Placeholder("https://example.com/timeline/").OnInput(c.onImportBase),
		),
		app.Div().Class("studio-actions").Body(
			c.button("import-again", "Import again", false, func(ctx app.Context) {
				c.imp.base = strings.TrimSpace(c.imp.base)
				if c.imp.base == "" {
					c.status = "Give the address the pictures are relative to first."
					c.ctx.Defer(func(app.Context) { focus("import-base") })
					return
				}
				c.runImport(ctx)
			}).Class("primary"),
		),
	)
}

// importFiles converts the first of a list of files (a FileList) on the
// server and opens the result as a new story, with what the importer
// could not keep listed.
func (c *Studio) importFiles(ctx app.Context, files app.Value) {
	if files.Get("length").Int() == 0 {
		return
	}
	if c.importWouldLoseWork() {
		return
	}
	f := files.Index(0)
	name := path.Base(f.Get("name").String())
	c.status = "Importing " + name + "…"
	c.ctx.Async(func() {
		text, err := readFile(f)
		c.ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				c.status = "Could not read " + name + ": " + err.Error()
				return
			}
			c.imp.name, c.imp.text = name, text
			c.runImport(ctx)
		})
	})
}

// importWouldLoseWork reports, and says, when an import would replace
// unsaved work: it opens a new story in place of the one open, with no
// undo. Only the story an import made, as it came, is made again without
// a word.
func (c *Studio) importWouldLoseWork() bool {
	if c.d == nil || !c.dirty || (c.imp.draft == c.d && string(c.d.JSON()) == c.imp.made) {
		return false
	}
	c.status = "Not imported: the story open has unsaved changes, which the import would replace. Save it, or start a new story, then import."
	return true
}

// runImport imports the file kept in c.imp, with its pictures' base.
func (c *Studio) runImport(ctx app.Context) {
	if c.importWouldLoseWork() {
		return
	}
	name, text, base := c.imp.name, c.imp.text, folderAddress(strings.TrimSpace(c.imp.base))
	c.status = "Importing " + name + "…"
	c.ctx.Async(func() {
		out, warnings, err := c.api.importTimeline(name, text, base)
		c.ctx.Dispatch(func(ctx app.Context) {
			c.imp.failed, c.imp.problems = "", nil
			if err != nil {
				c.imp.failed = "Could not import " + name + ": " + err.Error() + "."
				if e, ok := err.(*apiError); ok && len(e.Problems) > 0 {
					c.imp.problems = e.Problems
					c.imp.failed = "Could not import " + name + ": " + plural(len(e.Problems), "problem", "problems") + " to fix in the file first."
				}
				c.status = c.imp.failed
				return
			}
			c.start(ctx, "", "", []byte(out))
			c.imp.relative, c.imp.example, c.imp.draft, c.imp.made = 0, "", c.d, string(c.d.JSON())
			for i, w := range warnings {
				if strings.Contains(w.Message, "has no base") {
					c.imp.relative++
					if c.imp.example == "" {
						c.imp.example = quoted(w.Message)
					}
					// In the editor's words; the command line's flag
					// (-base) is the question above.
					w.Message = "the address " + quoted(w.Message) + " is relative to where the timeline was published: left out until you say where that is, above"
					warnings[i] = w
				}
			}
			delete(c.auto, "$") // the importer made the id, from the file name
			c.warnings, c.dirty = warnings, true
			keep(c.keyName(), "", out)
			c.status = "Imported " + name + " as a new story, " + strings.TrimSuffix(fileName(string(c.d.Story().ID)), ".json") +
				", with " + plural(len(warnings), "note", "notes") + " on what changed. Check it, then save."
			if c.imp.relative > 0 {
				c.ctx.Defer(func(app.Context) { focus("import-base") })
			}
			setAddress(ctx, "")
		})
	})
}

// folderAddress reads an address given as a folder without its last
// slash (https://example.com/timeline) as the folder, which is what an
// editor means by where the pictures live; one that names a file is
// left as it is.
func folderAddress(base string) string {
	if base == "" || strings.HasSuffix(base, "/") {
		return base
	}
	rest := base
	if i := strings.Index(rest, "://"); i >= 0 {
		rest = rest[i+3:]
	}
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		return base
	}
	slash := strings.LastIndexByte(rest, '/')
	if slash < 0 || !strings.Contains(rest[slash+1:], ".") {
		return base + "/"
	}
	return base
}

// quoted is the first "…" of a message, or the message.
func quoted(msg string) string {
	if i := strings.IndexByte(msg, '"'); i >= 0 {
		if j := strings.IndexByte(msg[i+1:], '"'); j >= 0 {
			return msg[i : i+j+2]
		}
	}
	return msg
}
