package widget

import (
	"encoding/base64"
	"errors"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/internal/jsonread"
	"explainer/app/shell"
	"explainer/app/story"
)

// ReadPage, in the browser, reads the story and the time zones the page
// carries, and reports whether the WebAssembly can take the page over:
// both must be there and readable (the server checked the story; a page
// whose data a proxy mangled is not). When they are not, the boot script is
// told, shows its notice, and the prerendered page stays as it is —
// readable, with working links — instead of being replaced by an error.
// The story it returns is the one to hand to Routes. It gives the thread
// back to the browser once, between its decodes. Away from a browser
// there is no page to read: it reports false.
func ReadPage() (*story.Story, *i18n.Pack, bool) {
	if app.IsServer {
		return nil, nil, false
	}
	if err := zonesFromPage(); err != nil {
		app.Window().Call(shell.FailHook, "the time zones in the page are unusable: "+err.Error())
		return nil, nil, false
	}
	words, err := wordsFromPage()
	if err != nil {
		app.Window().Call(shell.FailHook, "the words in the page are unusable: "+err.Error())
		return nil, nil, false
	}
	// The story is the longest read: a task of its own.
	YieldToBrowser()
	s, err := storyFromPage()
	if err != nil {
		app.Window().Call(shell.FailHook, "the story data in the page is unusable: "+err.Error())
		return nil, nil, false
	}
	return s, words, true
}

// wordsFromPage reads what the widget says, in the page's language: the
// server put the one language's pack in the page, so the WebAssembly
// carries no catalogue.
func wordsFromPage() (*i18n.Pack, error) {
	el := app.Window().GetElementByID(shell.WordsID)
	if !el.Truthy() {
		return nil, errors.New("the page has no #" + shell.WordsID)
	}
	return i18n.DecodePack([]byte(el.Get("textContent").String()))
}

// zonesFromPage registers the time zones the page carries.
func zonesFromPage() error {
	el := app.Window().GetElementByID(shell.ZonesID)
	if !el.Truthy() {
		return errors.New("the page has no #" + shell.ZonesID)
	}
	// Each zone's TZif data, as encoding/json writes bytes: base64.
	var zones map[string]string
	r := jsonread.New([]byte(el.Get("textContent").String()), "zones JSON")
	jsonread.Map(r, &zones, jsonread.String)
	if err := r.End(); err != nil {
		return err
	}
	for name, b64 := range zones {
		data, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			return fmt.Errorf("zone %s: %w", name, err)
		}
		if err := story.RegisterZone(name, data); err != nil {
			return err
		}
	}
	return nil
}

// storyFromPage reads the story embedded in the page. The server checked
// it with story.Parse before it made the page, so it is decoded, not
// checked again (story.Decode): the validator would add its time to
// every start and its code to the download.
func storyFromPage() (*story.Story, error) {
	el := app.Window().GetElementByID(shell.DataID)
	if !el.Truthy() {
		return nil, errors.New("the page has no #" + shell.DataID)
	}
	return story.Decode([]byte(el.Get("textContent").String()))
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
	doc.Get("documentElement").Call("setAttribute", shell.StateAttr, "ready")
	if id := app.Window().Get(shell.FocusHook); id.Truthy() && !doc.Get("activeElement").Get("id").Truthy() {
		focusByID(id.String())
	}
	app.Window().Call("dispatchEvent", app.Window().Get("Event").New(shell.ReadyEvent))
	postToHost(map[string]any{"type": shell.ReadyEvent})
}

// postToHost tells the page that embeds the widget, if any, what happened:
// it cannot look inside a cross-origin frame. The messages carry nothing
// private, so any origin may read them.
func postToHost(msg map[string]any) {
	if app.IsServer {
		return
	}
	w := app.Window().JSValue()
	if parent := w.Get("parent"); parent.Truthy() && !parent.Equal(w) {
		parent.Call("postMessage", msg, "*")
	}
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

// onWindowEvent calls f with the detail of each CustomEvent of a name on
// window, until the returned function is called.
func onWindowEvent(name string, f func(detail string)) (stop func()) {
	if app.IsServer {
		return func() {}
	}
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) > 0 {
			if d := args[0].Get("detail"); d.Type() == app.TypeString {
				f(d.String())
			}
		}
		return nil
	})
	app.Window().Call("addEventListener", name, fn)
	return func() {
		app.Window().Call("removeEventListener", name, fn)
		fn.Release()
	}
}

// scrollToTop scrolls an element's own content back to its start.
func scrollToTop(id string) {
	if app.IsServer {
		return
	}
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Set("scrollTop", 0)
	}
}

func focusByID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}

// revealTab centres a tab on the timeline track, which scrolls sideways on
// wide screens. The boot script does the same sum before the WebAssembly
// arrives, so the takeover leaves the track where it was. After a reader's
// own move (byReader), the page also scrolls if the tab is off screen, as
// on phones where the timeline is a long vertical list.
func revealTab(id string, byReader bool) {
	if app.IsServer {
		return
	}
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	behavior := "instant"
	if byReader && !app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool() {
		behavior = "smooth"
	}
	// The sum is in the screen's coordinates and the scroll is by a
	// difference, never to a position: it holds on a right-to-left track,
	// whose scrollLeft runs from 0 at the right edge to negative values.
	if scroller := el.Call("closest", ".timeline-scroller"); scroller.Truthy() {
		r, s := el.Call("getBoundingClientRect"), scroller.Call("getBoundingClientRect")
		delta := (r.Get("left").Float() + r.Get("width").Float()/2) - (s.Get("left").Float() + s.Get("width").Float()/2)
		scroller.Call("scrollBy", map[string]any{"left": delta, "behavior": behavior})
	}
	if byReader {
		r := el.Call("getBoundingClientRect")
		if r.Get("top").Float() < 0 || r.Get("bottom").Float() > app.Window().Get("innerHeight").Float() {
			el.Call("scrollIntoView", map[string]any{"block": "nearest", "inline": "nearest", "behavior": behavior})
		}
	}
}

// revealDetailOnPhones scrolls to the detail of an event a reader picked
// on a phone, where it sits below the whole list of events. On wide
// screens it is in view beside the timeline already.
func revealDetailOnPhones() {
	if app.IsServer || app.Window().Call("matchMedia", wideQuery).Get("matches").Bool() {
		return
	}
	if el := app.Window().GetElementByID(detailID); el.Truthy() {
		smooth := !app.Window().Call("matchMedia", "(prefers-reduced-motion: reduce)").Get("matches").Bool()
		behavior := "instant"
		if smooth {
			behavior = "smooth"
		}
		el.Call("scrollIntoView", map[string]any{"block": "start", "behavior": behavior})
	}
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
	// A swipe to the left brings in what lies to the right, as the arrow
	// key to the right does: moveSelection knows which way time runs.
	key := "ArrowRight"
	if dx > 0 {
		key = "ArrowLeft"
	}
	cur := c.story.EventIndex(c.state.Event)
	if next, ok := moveSelection(cur, len(c.story.Events), key, c.rightToLeft()); ok {
		c.selectEvent(ctx, story.Ref(c.story.Events[next].ID), false)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// YieldToBrowser lets the browser run what waits (a tap, a paint) before
// the takeover goes on: the WebAssembly's start is one task until its
// main blocks, and the page answers nothing while it runs. Reading the
// page's story and the adopting mount each take tens of milliseconds on
// a phone; between them, the main goroutine waits on a timer, so Go
// hands the thread back to the browser.
func YieldToBrowser() {
	if app.IsServer {
		return
	}
	done := make(chan struct{})
	var fn app.Func
	fn = app.FuncOf(func(app.Value, []app.Value) any {
		fn.Release()
		close(done)
		return nil
	})
	app.Window().Call("setTimeout", fn, 0)
	<-done
}

// whenIdle calls f once the browser is idle (within a second), or after
// a timer where it cannot tell (Safari).
func whenIdle(f func()) {
	if app.IsServer {
		return
	}
	var fn app.Func
	fn = app.FuncOf(func(app.Value, []app.Value) any {
		fn.Release()
		f()
		return nil
	})
	if w := app.Window(); w.Get("requestIdleCallback").Truthy() {
		w.Call("requestIdleCallback", fn, map[string]any{"timeout": 1000})
	} else {
		w.Call("setTimeout", fn, 200)
	}
}
