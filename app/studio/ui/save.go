package ui

import (
	"net/http"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// save writes the story, if it has no problems, over the version it was
// opened at; the server checks it again and refuses a conflict.
func (c *Studio) save(ctx app.Context) {
	if c.d == nil || c.saving {
		return
	}
	c.settle()
	if c.rawRefuses("Not saved. ") {
		return
	}
	c.revealProblems() // all of them, the new items' too
	if len(c.list) > 0 {
		c.status = "Not saved: fix the " + plural(len(c.list), "problem", "problems") + " listed first."
		if c.mode == "json" {
			c.caretAt(c.list[0])
			return
		}
		c.ctx.Defer(func(app.Context) { focus("summary") })
		return
	}
	name := c.fileName()
	// In the JSON view, the text there is saved as the editor wrote it:
	// it has just passed the same check as the draft would.
	text, base, id := c.text(), c.version, string(c.d.Story().ID)
	oldKey := c.keyName()
	c.saving, c.status = true, "Saving "+name+"…"
	c.ctx.Async(func() {
		f, err := c.api.save(name, base, text)
		c.ctx.Dispatch(func(ctx app.Context) {
			c.saving = false
			if e, ok := isStatus(err, http.StatusConflict); ok {
				if base == "" {
					c.status = "Not saved: a story file named " + name + " exists already. Give this story another id."
					c.ctx.Defer(func(app.Context) { focus(fieldID("$.id")) })
					return
				}
				c.conflict = e
				c.status = "Not saved: " + name + " changed on disk since you opened it."
				c.ctx.Defer(func(app.Context) { focus("conflict") })
				return
			}
			if err != nil {
				c.status = "Not saved: " + err.Error()
				if e, ok := isStatus(err, http.StatusUnprocessableEntity); ok && len(e.Problems) > 0 {
					c.status += " " + e.Problems[0].Message
				}
				return
			}
			forget(oldKey)
			forget(name)
			c.name, c.version, c.dirty, c.conflict, c.restored, c.savedID = name, f.Version, false, nil, false, id
			delete(c.auto, "$") // a saved story's id names its file
			c.status = "Saved " + name + "."
			setAddress(ctx, name)
			c.fetchSnippets(ctx, id, f.Version)
			c.askLive()
		})
	})
}

// fetchSnippets shows the embed code of the version just saved. A save
// is answered once the site serves it (the server reloads the folder
// before it answers: see studio.OnSave), so one request has it; if that
// fails, the site could not load the story, and waiting would not help.
func (c *Studio) fetchSnippets(ctx app.Context, id, version string) {
	c.ctx.Async(func() {
		info, err := c.api.snippets(id)
		c.ctx.Dispatch(func(ctx app.Context) {
			if c.version != version {
				return // saved again since
			}
			if err != nil {
				c.status = "Saved. The embed code is on the story's embed page once the site has loaded it."
				return
			}
			c.snippets = info.Snippets
			c.embed = embedPanel{address: info.Address, public: info.Public}
			c.ctx.Defer(func(app.Context) { focus("embed-code") })
		})
	})
}

// overwrite saves the editor's version over what changed on disk, which
// they have chosen after seeing the conflict.
func (c *Studio) overwrite(ctx app.Context) {
	if c.conflict == nil {
		return
	}
	c.version, c.conflict = c.conflict.Version, nil
	c.save(ctx)
}

// takeTheirs drops the editor's version for what is on disk.
func (c *Studio) takeTheirs(ctx app.Context) {
	if c.conflict == nil {
		return
	}
	e := c.conflict
	forget(c.keyName())
	c.start(ctx, c.name, e.Version, []byte(e.Text))
	c.status = "Loaded " + c.name + " as it is on disk."
}

// discardKept goes back to the file as saved.
func (c *Studio) discardKept(ctx app.Context) {
	name := c.name
	forget(c.keyName())
	c.restored = false
	if name == "" {
		c.newStory(ctx) // a new story's kept copy is gone: a blank one
		return
	}
	c.open(ctx, name)
}

// onDrop opens a TimelineJS file dropped anywhere on the studio.
func (c *Studio) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	if files := e.Get("dataTransfer").Get("files"); files.Truthy() {
		c.importFiles(ctx, files)
	}
}
