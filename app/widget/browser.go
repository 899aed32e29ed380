package widget

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// DataElementID is the id of the <script type="application/json"> in
// which the server embeds the story, so that the WebAssembly has it before
// its first render instead of fetching it after.
const DataElementID = "explainer-data"

// storyFromPage parses the story embedded in the page.
func storyFromPage() (*story.Story, error) {
	el := app.Window().GetElementByID(DataElementID)
	if !el.Truthy() {
		return nil, errors.New("the page has no #" + DataElementID)
	}
	return story.Parse("page", []byte(el.Get("textContent").String()))
}

// markReady tells the embedding page and tests that the WebAssembly runs
// the widget now: <html data-explainer="ready">. It also puts the focus
// back where the reader had it, since replacing the prerendered DOM drops
// it; the boot script remembers the id of the focused element.
func markReady(o Options) {
	if app.IsServer {
		return
	}
	applyOptions(o)
	doc := app.Window().Get("document")
	doc.Get("documentElement").Call("setAttribute", "data-explainer", "ready")
	if id := app.Window().Get("explainerFocus"); id.Truthy() && !doc.Get("activeElement").Get("id").Truthy() {
		focusByID(id.String())
	}
	app.Window().Call("dispatchEvent", app.Window().Get("Event").New("explainer:ready"))
}

// applyOptions sets the theme on <html>, outside the component's reach,
// when the reader changes it through a link.
func applyOptions(o Options) {
	if app.IsServer {
		return
	}
	html := app.Window().Get("document").Get("documentElement")
	if o.Theme != "" {
		html.Call("setAttribute", "data-theme", o.Theme)
	} else {
		html.Call("removeAttribute", "data-theme")
	}
}

func focusByID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}

// scrollIntoView brings an element into view along the timeline track
// without moving the page, and without animation for readers who ask for
// reduced motion.
func scrollIntoView(id string, smooth bool) {
	if app.IsServer {
		return
	}
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	behavior := "auto"
	if smooth && !app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool() {
		behavior = "smooth"
	}
	el.Call("scrollIntoView", map[string]any{"block": "nearest", "inline": "center", "behavior": behavior})
}

// Swipes on the detail panel step through events on touch screens.
const swipeMin = 60 // CSS pixels, well past a tap's wobble

func (c *Explainer) onTouchStart(ctx app.Context, e app.Event) {
	t := e.Get("changedTouches").Index(0)
	c.touchX, c.touchY = t.Get("clientX").Float(), t.Get("clientY").Float()
}

func (c *Explainer) onTouchEnd(ctx app.Context, e app.Event) {
	t := e.Get("changedTouches").Index(0)
	dx, dy := t.Get("clientX").Float()-c.touchX, t.Get("clientY").Float()-c.touchY
	if abs(dx) < swipeMin || abs(dx) < 2*abs(dy) {
		return // a tap or a vertical scroll
	}
	key := "ArrowRight"
	if dx > 0 {
		key = "ArrowLeft"
	}
	cur := c.story.EventIndex(c.state.Event)
	if next, ok := moveSelection(cur, len(c.story.Events), key); ok {
		c.selectEvent(ctx, story.Ref(c.story.Events[next].ID), false)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
