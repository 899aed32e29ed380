// Package widget renders a story as an interactive timeline with quote
// cards. The same components run on the server, where they are prerendered
// to HTML that reads without JavaScript, and in the browser as WebAssembly,
// where they take over that HTML and add the interaction.
package widget

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/shell"
	"explainer/app/story"
)

// Explainer is the root component: it owns the story, the reader's state
// and options, and renders everything else from them.
//
// It has no exported fields: when a reader follows one of its links,
// go-app builds a fresh Explainer for the new URL and copies exported
// fields onto the mounted one. With none, the mounted one keeps its story
// and reads the new state from the URL in OnNav.
type Explainer struct {
	app.Compo

	story  *story.Story
	words  *i18n.Pack // what the widget says, in the reader's language
	state  State
	opts   Options
	layout layout
	// atAddress says the component was built for the browser's page
	// (Routes): it reads its state and options from the page's address
	// when it starts, and follows it. One built by New renders what it
	// was given, in the studio's browser too.
	atAddress bool
	// announce is read out by screen readers after the selection changes;
	// empty on first render so that nothing is announced on load.
	announce string
	// touchX and touchY are where the current touch began.
	touchX, touchY float64
	// playing is the event whose media player the reader has loaded: it
	// stays loaded while that event is shown.
	playing story.Ref
	// ctx is the root's own context, from OnMount, for work that must
	// wait for a render that removes the element an event came from.
	ctx app.Context
	// stopGoto stops listening for the host page's deep links.
	stopGoto func()
	// links says the footer offers the story's data and printable
	// version, at the site whose root path is root ("" at the domain's
	// root): on the site's own page, not in the studio's preview, whose
	// story is not (yet) the one the site serves.
	links bool
	root  string
}

// LinkFiles has the footer link the story's data and printable version
// on the site at root (its base URL's path, "" at the domain's root).
func (c *Explainer) LinkFiles(root string) {
	c.links, c.root = true, root
}

// New returns an Explainer for a story at a state, with options, as the
// server prerenders it; both are resolved for the story first (Resolve).
// The browser builds the same from the page's embedded data and its
// address.
//
// words speak o.Language(s) (i18n.Lookup makes them on the server; the
// page carries them to the browser).
func New(s *story.Story, st State, o Options, words *i18n.Pack) *Explainer {
	c := &Explainer{story: s, words: words}
	c.state, c.opts = Resolve(s, st, o)
	c.layout = newLayout(s)
	return c
}

// Options are the reader's presentation choices the component renders
// with; the server puts the same in the page around it.
func (c *Explainer) Options() Options { return c.opts }

// OnInit runs before the first render. In the browser's page the story
// is the one the page embeds (Routes hands it to the component), so
// the first render equals the prerendered HTML and replacing it causes no
// visible change; the state and options come from the page's address.
func (c *Explainer) OnInit() {
	if app.IsServer || !c.atAddress {
		return
	}
	if c.story == nil {
		// ReadPage has already stopped the takeover; this cannot happen.
		app.Log("explainer: no story to show")
		return
	}
	c.state, c.opts = ParseURL(c.story, app.Window().URL().Query())
	c.layout = newLayout(c.story)
}

// OnMount marks the page as taken over by the WebAssembly, and selects
// the events a host page asks for (boot.js passes its deep links on).
func (c *Explainer) OnMount(ctx app.Context) {
	// go-app renders a component again after its OnMount, in case it
	// changed what the component shows; this one changes nothing shown,
	// and that render would rebuild the whole tree just taken over.
	ctx.PreventUpdate()
	c.ctx = ctx
	c.stopGoto = onWindowEvent(shell.GotoEvent, func(detail string) {
		ctx.Dispatch(func(ctx app.Context) { c.selectEvent(ctx, story.Ref(detail), false) })
	})
	ctx.Defer(func(ctx app.Context) {
		markReady(c.opts)
		c.revealSelected(false)
		// Once the browser is idle, one render that changes nothing: the
		// first update runs code the takeover did not (go-app's diff),
		// which the WebAssembly engine compiles when it first runs. Left
		// to the reader's first selection, that made it two to three
		// times slower than the next (on 1,000 events on the desktop,
		// 55–89 ms against 20–30).
		whenIdle(func() { ctx.Update() })
	})
}

// OnDismount stops listening to the window.
func (c *Explainer) OnDismount() {
	if c.stopGoto != nil {
		c.stopGoto()
	}
}

// OnNav follows the URL when the reader uses a link or the back button.
func (c *Explainer) OnNav(ctx app.Context) {
	if c.story == nil {
		return
	}
	prev, prevOpts := c.state, c.opts
	c.state, c.opts = ParseURL(c.story, ctx.Page().URL().Query())
	// "Show in timeline" links to #timeline: the keyboard follows the
	// reader there, to the event's tab.
	toTimeline := ctx.Page().URL().Fragment == "timeline"
	if c.state == prev && c.opts == prevOpts && !toTimeline {
		// Nothing to show anew. go-app tells of the page's own address
		// right after the takeover (OnInit has read it already), and a
		// render then would build the whole tree again to change nothing:
		// on a phone, that held the widget's readiness 25–35 ms.
		ctx.PreventUpdate()
		return
	}
	applyOptions(c.opts)
	if c.state.Person != prev.Person {
		c.announceFilter()
	} else if c.state.Group != prev.Group {
		c.announceGroup()
	}
	if c.state.Event != prev.Event || c.state.View != prev.View {
		ctx.Defer(func(ctx app.Context) { c.resetPanel() })
	}
	if c.state.Event != prev.Event {
		c.playing = ""
		postToHost(map[string]any{"type": shell.SelectEvent, "event": string(c.state.Event)})
	}
	if c.state.View != prev.View || c.state.Person != prev.Person {
		postToHost(map[string]any{"type": shell.ViewEvent, "view": viewName(c.state.View, c.opts.Show), "person": string(c.state.Person)})
	}
	if c.state.Event != prev.Event || toTimeline {
		c.announceSelection()
		ctx.Defer(func(ctx app.Context) {
			c.revealSelected(true)
			if toTimeline {
				focusByID(tabID(c.state.Event))
			} else if !c.opts.Embed {
				revealDetailOnPhones()
			}
		})
	}
}

// resetPanel shows the top of the embed card's panel after its content
// changes: a new event reads from its headline.
func (c *Explainer) resetPanel() {
	if c.opts.Embed {
		scrollToTop(panelID)
	}
}

// selectEvent selects an event in place and records it in the URL.
func (c *Explainer) selectEvent(ctx app.Context, id story.Ref, focus bool) {
	if c.story.Event(id) == nil || id == c.state.Event {
		return
	}
	c.state.Event = id
	c.playing = ""           // a player stops when its event is left
	c.state.View = ViewEvent // a selection shows the event, as its tab's link does
	c.announceSelection()
	c.syncURL(ctx)
	postToHost(map[string]any{"type": shell.SelectEvent, "event": string(id)})
	ctx.Defer(func(ctx app.Context) {
		if focus {
			focusByID(tabID(id))
		}
		c.revealSelected(true)
		c.resetPanel()
	})
}

// onKey moves the selection for the arrow keys, Home and End.
func (c *Explainer) onKey(ctx app.Context, key string) {
	cur := c.story.EventIndex(c.state.Event)
	next, ok := moveSelection(cur, len(c.story.Events), key, c.rightToLeft())
	if !ok {
		return
	}
	c.selectEvent(ctx, story.Ref(c.story.Events[next].ID), true)
}

func (c *Explainer) announceSelection() {
	if e := c.story.Event(c.state.Event); e != nil {
		c.announce = c.words.T("timeline.selected", e.Headline, c.words.FormatSpan(e.Start, e.End))
	}
}

func (c *Explainer) announceFilter() {
	if p := c.story.Person(c.state.Person); p != nil {
		c.announce = c.words.T("filter.showing", p.Name)
	} else {
		c.announce = c.words.T("filter.showingAll")
	}
}

func (c *Explainer) announceGroup() {
	if g := c.story.Group(c.state.Group); g != nil {
		c.announce = c.words.T("group.showing", g.Label)
	} else {
		c.announce = c.words.T("group.showingAll")
	}
}

// syncURL replaces the address with the current state, without a history
// entry per key press, so that the address can be shared at any moment.
func (c *Explainer) syncURL(ctx app.Context) {
	if app.IsServer {
		return
	}
	u := *ctx.Page().URL()
	q, _ := url.ParseQuery(c.href(c.state)[1:])
	u.RawQuery = q.Encode()
	ctx.Page().ReplaceURL(&u)
}

// href is the link to a state of this story, keeping the reader's options.
func (c *Explainer) href(st State) string {
	def := story.Ref("")
	if len(c.story.Events) > 0 {
		def = story.Ref(c.story.Events[0].ID)
	}
	return Query(st, c.opts, i18n.Locale(c.story.Language), def)
}

// rightToLeft says the widget lays out right to left: its language is
// written so (CLDR's character order, which the page's pack carries).
func (c *Explainer) rightToLeft() bool {
	return c.words != nil && c.words.Dir() == "rtl"
}

// revealSelected brings the selected event into view on the track.
func (c *Explainer) revealSelected(byReader bool) {
	revealTab(tabID(c.state.Event), byReader)
}

// Render draws the whole widget from the story, state and options: the
// standalone page, or the compact card for article pages (?embed=1).
func (c *Explainer) Render() app.UI {
	if c.story == nil {
		return app.Div().Class("explainer").Body(
			app.P().Class("explainer-notice").Role("alert").Text(c.words.T("notice.storyError")),
		)
	}
	v := c.view()
	var body []app.UI
	if !c.opts.NoTitle {
		body = append(body, v.frame(headerPart))
	}
	if c.opts.Embed {
		body = append(body, v.card()...)
	} else {
		body = append(body, v.page()...)
	}
	body = append(body, app.P().Class("visually-hidden").Aria("live", "polite").Aria("atomic", attr("true")).Text(c.announce))
	root := app.Div().
		ID(shell.RootID).
		Class("explainer").
		Lang(string(v.words.Lang)).
		Body(body...)
	if c.rightToLeft() {
		root = root.Dir("rtl")
	}
	if c.opts.Accent != "" {
		a := accentFor(c.opts.Accent)
		root = root.Style("--accent-light", "#"+a.Light).Style("--accent-dark", "#"+a.Dark)
	}
	return root
}

// page is the standalone layout: the timeline, then the selected event
// beside the column of every quote, then the footer.
func (v *view) page() []app.UI {
	show := v.c.opts.Show
	var parts []app.UI
	if show != ShowQuotes {
		parts = append(parts, v.timeline())
	}
	var columns []app.UI
	if show != ShowQuotes {
		columns = append(columns, v.detail())
	}
	// A story without quotes (most imported timelines) has no quote
	// column: the event takes the width, its media beside its text.
	if show == ShowQuotes || show == ShowBoth && len(v.s.Quotes) > 0 {
		columns = append(columns, v.quotes())
	}
	class := "explainer-columns"
	if len(columns) == 1 {
		class += " explainer-columns--single"
	}
	return append(parts,
		app.Div().Class(class).Body(columns...),
		v.frame(footerPart),
	)
}
