package ui

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
	"explainer/app/studio/api"
)

// A live story follows a published sheet (its "live" object): the
// server reads the sheet on a schedule and serves the story the two make.
// The studio links a sheet (read now, and previewed, before anything is
// written), shows beside a live story where readers' version was read
// from and why the sheet's last edit is not live, and previews what the
// next refresh would change. Nothing here saves: a link is an edit of the
// story, saved through the usual check.

// sheetState is the sheet being linked: what the editor typed, and the
// server's preview of it.
type sheetState struct {
	url, lang, zone string
	busy            bool
	preview         *api.SheetPreview
	// result is the sentence the live region says of the last reading;
	// problems, where the sheet does not convert, at its rows and columns.
	result   string
	problems []api.Problem
}

// liveState is what the studio knows of the open story's source.
type liveState struct {
	// name is the file status is of.
	name     string
	status   *api.LiveStatus
	checking bool
	refresh  *api.Refresh
	result   string
	problems []api.Problem
}

// sheetLinker takes a sheet's link, has the server read it, and shows
// what it holds; then makes a new story of it (into false: beside the
// importer) or links it to the story open.
func (c *Studio) sheetLinker(into bool) app.UI {
	title := "Link a sheet"
	if into {
		title = "Link a sheet to this story"
	}
	return app.Div().ID("sheet-linker").Class("importer sheet-linker").Body(
		app.H2().ID("sheet-title").Text(title),
		app.P().ID("sheet-hint").Class("hint").Text("A Google Sheet made from the TimelineJS template and published to the web as CSV (File → Share → Publish to web → Comma-separated values), or a TimelineJS JSON file's address. The site reads it on a schedule and the story follows its edits."),
		app.Form().Aria("labelledby", "sheet-title").Attr("novalidate", true).
			OnSubmit(func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				c.previewSheet(ctx)
			}).Body(
			app.Div().Class("field").Body(
				app.Label().For("sheet-url").Text("The sheet's CSV link"),
				app.Input().Type("url").ID("sheet-url").Value(c.sheet.url).Placeholder("https://docs.google.com/spreadsheets/d/e/…/pub?output=csv").
					Aria("describedby", "sheet-hint").OnInput(c.onSheetInput),
			),
			app.Div().Class("field").Body(
				app.Label().For("sheet-lang").Text("Language of its text (optional)"),
				app.Input().Type("text").ID("sheet-lang").Value(c.sheet.lang).Placeholder("en").Aria("describedby", "sheet-lang-hint").OnInput(c.onSheetInput),
				app.P().ID("sheet-lang-hint").Class("hint").Text("A tag such as en or uk; without it, the story's language, else what the text is written in."),
			),
			app.Div().Class("field").Body(
				app.Label().For("sheet-zone").Text("Time zone of its times of day (optional)"),
				app.Input().Type("text").ID("sheet-zone").Value(c.sheet.zone).Placeholder("Europe/Kyiv").Aria("describedby", "sheet-zone-hint").OnInput(c.onSheetInput),
				app.P().ID("sheet-zone-hint").Class("hint").Text("A sheet has no time zone: without one, its times of day are left out."),
			),
			app.Div().Class("studio-actions").Body(
				app.Button().Type("submit").ID("sheet-read").Disabled(c.sheet.busy).Text("Read the sheet"),
			),
		),
		app.P().ID("sheet-result").Role("status").Aria("live", "polite").Text(c.sheet.result),
		c.sheetPreview(into),
	)
}

// onSheetInput keeps what the editor types in the sheet's fields.
func (c *Studio) onSheetInput(ctx app.Context, e app.Event) {
	v := ctx.JSSrc().Get("value").String()
	switch ctx.JSSrc().Get("id").String() {
	case "sheet-url":
		c.sheet.url = v
	case "sheet-lang":
		c.sheet.lang = v
	case "sheet-zone":
		c.sheet.zone = v
	}
	ctx.PreventUpdate()
}

// sheetPreview shows what the sheet holds, and the way to link it.
func (c *Studio) sheetPreview(into bool) app.UI {
	if len(c.sheet.problems) > 0 {
		return app.Ul().ID("sheet-problems").Class("notice notice-problem").Body(problemItems(c.sheet.problems)...)
	}
	p := c.sheet.preview
	if p == nil {
		return nil
	}
	first := make([]app.UI, len(p.First))
	for i, h := range p.First {
		first[i] = app.Li().Body(app.Span().Class("hint").Text(h.Date+" "), app.Text(h.Headline))
	}
	action := c.button("sheet-new", "Make a new story of it", false, c.linkSheetNew).Class("primary")
	if into {
		action = c.button("sheet-link", "Link it to this story", false, c.linkSheetInto).Class("primary")
	}
	return app.Div().ID("sheet-preview").Class("notice").Body(
		app.H3().Text(orUntitled(p.Title)),
		app.P().Text(plural(p.Events, "event", "events")+"; the first:"),
		app.Ol().Class("sheet-first").Body(first...),
		app.If(len(p.Warnings) > 0, func() app.UI {
			return app.Details().Body(
				app.Summary().Text(notKept(len(p.Warnings))),
				app.Ul().Body(problemItems(p.Warnings)...),
			)
		}),
		app.Div().Class("studio-actions").Body(action),
	)
}

// notKept counts what an import could not keep as it was.
func notKept(n int) string {
	if n == 1 {
		return "1 thing the import could not keep as it was"
	}
	return itoa(n) + " things the import could not keep as they were"
}

// problemItems lists problems at their place (a sheet's row and column).
func problemItems(ps []api.Problem) []app.UI {
	items := make([]app.UI, len(ps))
	for i, p := range ps {
		items[i] = app.Li().Text(importWarning(p))
	}
	return items
}

func orUntitled(title string) string {
	if title == "" {
		return "A sheet without a title slide"
	}
	return title
}

// previewSheet has the server read the sheet now.
func (c *Studio) previewSheet(ctx app.Context) {
	src := api.Sheet{URL: strings.TrimSpace(c.sheet.url), Lang: strings.TrimSpace(c.sheet.lang), Zone: strings.TrimSpace(c.sheet.zone)}
	if src.URL == "" {
		c.sheet.result = "Paste the sheet's CSV link first."
		c.ctx.Defer(func(app.Context) { focus("sheet-url") })
		return
	}
	if c.sheet.busy {
		return
	}
	c.sheet.busy, c.sheet.preview, c.sheet.problems, c.sheet.result = true, nil, nil, "Reading the sheet…"
	c.ctx.Async(func() {
		p, err := c.api.sheet(src)
		c.ctx.Dispatch(func(ctx app.Context) {
			c.sheet.busy = false
			if err != nil {
				c.sheet.result = "Could not use the sheet: " + err.Error() + "."
				if e, ok := err.(*apiError); ok && len(e.Problems) > 0 {
					c.sheet.problems = e.Problems
					c.sheet.result = "The sheet does not make a story: " + plural(len(e.Problems), "problem", "problems") + " to fix in it, listed below with their rows and columns."
				}
				return
			}
			c.sheet.preview = &p
			c.sheet.result = sheetSummary(p)
		})
	})
}

// sheetSummary is what the live region says of a sheet read.
func sheetSummary(p api.SheetPreview) string {
	s := "Read the sheet: " + orUntitled(p.Title) + ", " + plural(p.Events, "event", "events")
	if len(p.Warnings) > 0 {
		s += ", and " + notKept(len(p.Warnings))
	}
	return s + "."
}

// linkSheetNew opens a new story that follows the sheet read: its id
// and live object only. It is saved as any story is.
func (c *Studio) linkSheetNew(ctx app.Context) {
	p := c.sheet.preview
	if p == nil {
		return
	}
	c.start(ctx, "", "", []byte(p.Text))
	delete(c.auto, "$") // the id is the sheet's title's, not the form's
	c.dirty = true
	keep(c.keyName(), "", p.Text)
	c.sheet = sheetState{}
	c.status = "A new story, " + p.ID + ", that follows the sheet: its " + plural(p.Events, "event", "events") + " and title come from it. Save it for the site to read the sheet."
	setAddress(ctx, "")
	c.ctx.Defer(func(app.Context) { focus("save") })
}

// linkSheetInto links the sheet read to the story open, as one step to
// undo, keeping everything else of it.
func (c *Studio) linkSheetInto(ctx app.Context) {
	p := c.sheet.preview
	if p == nil || c.d == nil {
		return
	}
	if c.rawRefuses("Not linked. ") {
		return
	}
	s, err := linkLive(*c.d.Story(), p.Live)
	var data []byte
	if err == nil {
		data, err = json.Marshal(&s)
	}
	if err == nil {
		err = c.d.Replace(data)
	}
	if err != nil {
		c.status = "Not linked: " + err.Error()
		return
	}
	if c.mode == "json" {
		c.rawText, c.rawError, c.rawEdited = string(c.d.JSON()), nil, false
	}
	c.sheet = sheetState{}
	c.changed(ctx)
	c.status = "Linked the sheet to this story. Save it for the site to follow the sheet; Undo takes the link back."
	c.ctx.Defer(func(app.Context) { focus("live-check") })
}

// linkLive is s following the source of live (a story's "live" object,
// as JSON): its address, language and zone replace those of a source it
// followed already; the rest of that (how often, corrections, what it
// adds to the source's events) and of the story stays.
func linkLive(s story.Story, live string) (story.Story, error) {
	var src story.Live
	if err := json.Unmarshal([]byte(live), &src); err != nil {
		return s, err
	}
	l := story.Live{}
	if s.Live != nil {
		l = *s.Live
	}
	l.URL, l.Language, l.Zone = src.URL, src.Language, src.Zone
	s.Live = &l
	return s, nil
}

// askLive asks the server where readers' version of the open story was
// read from, when the story follows a sheet and is saved.
func (c *Studio) askLive() {
	if c.d == nil || c.d.Story().Live == nil || c.name == "" {
		return
	}
	name := c.name
	c.ctx.Async(func() {
		st, err := c.api.liveStatus(name)
		c.ctx.Dispatch(func(ctx app.Context) {
			if err != nil || c.name != name {
				return
			}
			c.live.name, c.live.status = name, &st
		})
	})
}

// checkSheetNow has the server read the sheet now and say what the next
// refresh would change, for the story as the editor has it.
func (c *Studio) checkSheetNow(ctx app.Context) {
	if c.d == nil || c.live.checking {
		return
	}
	if c.rawRefuses("Not checked. ") {
		return
	}
	name, text := c.fileName(), c.text()
	c.live.checking, c.live.refresh, c.live.problems, c.live.result = true, nil, nil, "Reading the sheet…"
	c.ctx.Async(func() {
		r, err := c.api.refresh(name, text)
		c.ctx.Dispatch(func(ctx app.Context) {
			c.live.checking = false
			if err != nil {
				c.live.result = "Could not check the sheet: " + err.Error() + "."
				if e, ok := err.(*apiError); ok && len(e.Problems) > 0 {
					c.live.problems = e.Problems
					c.live.result = "The sheet does not make a story now: " + plural(len(e.Problems), "problem", "problems") + ", listed below with their rows and columns. Readers keep the version they have."
				}
				return
			}
			c.live.refresh = &r
			c.live.result = refreshSummary(r)
		})
	})
	c.askLive()
}

// refreshSummary is what the live region says of the next refresh.
func refreshSummary(r api.Refresh) string {
	if !r.Served {
		return "Readers do not get this story yet: the sheet and the story would give it " + plural(r.Events, "event", "events") + "."
	}
	var parts []string
	if n := len(r.Added); n > 0 {
		parts = append(parts, "add "+plural(n, "event", "events"))
	}
	if n := len(r.Removed); n > 0 {
		parts = append(parts, "remove "+plural(n, "event", "events"))
	}
	if n := len(r.Revised); n > 0 {
		parts = append(parts, "revise "+plural(n, "event", "events"))
	}
	s := "The next refresh would change no event readers have"
	if len(parts) > 0 {
		s = "The next refresh would " + strings.Join(parts, ", ")
	}
	if n := len(r.Dropped); n > 0 {
		s += "; " + plural(n, "part", "parts") + " of the story would be left out"
	}
	return s + "."
}

// livePanel is the open story's source: where readers' version was read
// from, and when; why the sheet's edit is not live, if it is not; and
// the check of the next refresh. A story without one may link one.
func (c *Studio) livePanel() app.UI {
	l := c.d.Story().Live
	if l == nil {
		return app.Details().ID("link-sheet").Class("notice").Body(
			app.Summary().Text("Follow a sheet: link one to this story"),
			c.sheetLinker(true),
		)
	}
	return app.Section().ID("live").Class("notice").Aria("labelledby", "live-title").Body(
		app.H2().ID("live-title").Text("Live from a sheet"),
		app.P().Body(app.Text("Follows "), app.Span().ID("live-url").Class("snippet").Text(string(l.URL))),
		c.liveStatusView(),
		app.Div().Class("studio-actions").Body(
			c.button("live-check", "Check the sheet now", c.live.checking, c.checkSheetNow),
		),
		app.P().ID("live-result").Role("status").Aria("live", "polite").Text(c.live.result),
		c.refreshView(),
	)
}

// liveStatusView says what the site serves of the open story's source.
func (c *Studio) liveStatusView() app.UI {
	st := c.live.status
	switch {
	case c.name == "":
		return app.P().Class("hint").Text("Not saved yet: the site reads the sheet once the story is saved.")
	case st == nil || c.live.name != c.name || !st.Known:
		return nil
	}
	read := "Readers do not get a version of this story from the sheet yet."
	if st.Served {
		read = "Readers get the version read " + readTime(st.Read)
		if st.Cached {
			read += ", kept from before the server started: the sheet has not answered since"
		}
		read += "."
	}
	out := []app.UI{app.P().ID("live-read").Text(read)}
	if len(st.Problems) > 0 {
		items := make([]app.UI, len(st.Problems))
		for i, p := range st.Problems {
			items[i] = app.Li().Text(p)
		}
		out = append(out, app.Div().ID("live-problems").Class("notice notice-problem").Body(
			app.P().Text("Why the file's or the sheet's last edit is not what readers get:"),
			app.Ul().Body(items...),
		))
	}
	if len(st.Warnings) > 0 {
		items := make([]app.UI, len(st.Warnings))
		for i, w := range st.Warnings {
			items[i] = app.Li().Text(w)
		}
		out = append(out, app.Details().Body(
			app.Summary().Text(plural(len(st.Warnings), "note", "notes")+" on what readers' version could not keep of the sheet"),
			app.Ul().Body(items...),
		))
	}
	return app.Div().ID("live-status").Body(out...)
}

// readTime writes an RFC 3339 time as the editor reads it.
func readTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return "at an unknown time"
	}
	return "on " + t.UTC().Format("2 Jan 2006 at 15:04 UTC")
}

// refreshView lists what the next refresh would change.
func (c *Studio) refreshView() app.UI {
	if len(c.live.problems) > 0 {
		return app.Ul().ID("refresh-problems").Class("notice notice-problem").Body(problemItems(c.live.problems)...)
	}
	r := c.live.refresh
	if r == nil {
		return nil
	}
	list := func(id, title string, hs []api.Headline) app.UI {
		if len(hs) == 0 {
			return nil
		}
		items := make([]app.UI, len(hs))
		for i, h := range hs {
			items[i] = app.Li().Body(app.Span().Class("hint").Text(h.Date+" "), app.Text(h.Headline))
		}
		return app.Div().ID(id).Body(app.H3().Text(title), app.Ul().Body(items...))
	}
	added := "Added"
	if !r.Served {
		added = "Its events"
	}
	out := []app.UI{
		list("refresh-added", added, r.Added),
		list("refresh-removed", "Removed", r.Removed),
		list("refresh-revised", "Revised (headline or text)", r.Revised),
	}
	if len(r.Dropped) > 0 {
		out = append(out, app.Div().ID("refresh-dropped").Class("notice-problem").Body(
			app.H3().Text("Left out"),
			app.Ul().Body(problemItems(r.Dropped)...),
		))
	}
	if len(r.Warnings) > 0 {
		out = append(out, app.Details().Body(
			app.Summary().Text(notKept(len(r.Warnings))),
			app.Ul().Body(problemItems(r.Warnings)...),
		))
	}
	return app.Div().ID("refresh").Body(out...)
}
