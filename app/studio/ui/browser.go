package ui

import (
	"encoding/json"
	"explainer/app/studio/api"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// What the studio asks of the browser: the page's settings, the focus,
// the address, keyboard shortcuts and local storage.

// config reads a setting the studio's page gives (studio.js's
// explainerStudio: root, css).
func config(key string) string {
	v := app.Window().Get("explainerStudio")
	if !v.Truthy() || !v.Get(key).Truthy() {
		return ""
	}
	return v.Get(key).String()
}

// rootPrefix is the path the site lives under.
func rootPrefix() string { return config("root") }

// focus moves the keyboard to an element; false when there is none.
func focus(id string) bool {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return false
	}
	if el.Get("tagName").String() == "FIELDSET" {
		if in := el.Call("querySelector", "input,select,textarea"); in.Truthy() {
			el = in
		}
	}
	el.Call("focus")
	el.Call("scrollIntoView", map[string]any{"block": "center"})
	return true
}

// focusInPlace moves the keyboard to an element without scrolling the
// page while some of it is in sight; out of sight, its top comes to the
// top of the window, not its middle (an open item is taller than it).
func focusInPlace(id string) {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	el.Call("focus", map[string]any{"preventScroll": true})
	r := el.Call("getBoundingClientRect")
	if r.Get("bottom").Float() < 48 || r.Get("top").Float() > app.Window().Get("innerHeight").Float()-48 {
		el.Call("scrollIntoView", map[string]any{"block": "start"})
	}
}

// focusFirstField moves the keyboard to the first control of a block.
func focusFirstField(id string) {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	if in := el.Call("querySelector", "input,select,textarea"); in.Truthy() {
		in.Call("focus")
		in.Call("scrollIntoView", map[string]any{"block": "center"})
	}
}

// setAddress shows the file being edited in the address bar, so that a
// reload opens it again, without a history entry.
func setAddress(ctx app.Context, name string) {
	u := *ctx.Page().URL()
	u.RawQuery = address(name)[1:]
	ctx.Page().ReplaceURL(&u)
}

// listenKeys makes Control (or Command) with Z undo, with Shift+Z or Y
// redo, and with S save, anywhere in the studio.
func listenKeys(ctx app.Context, c *Studio) (stop func()) {
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if !e.Get("ctrlKey").Bool() && !e.Get("metaKey").Bool() {
			return nil
		}
		var f func(app.Context)
		k := e.Get("key").String()
		if (k == "z" || k == "Z" || k == "y") && e.Get("target").Get("id").String() == "raw" {
			// In the JSON box, the box's own undo takes back keys as a
			// text editor does, whether or not the text reads yet; the
			// studio's Undo button steps through the draft.
			return nil
		}
		switch {
		case (k == "z" || k == "Z") && e.Get("shiftKey").Bool(), k == "y":
			f = c.redo
		case k == "z":
			f = c.undo
		case k == "s":
			f = c.save
		default:
			return nil
		}
		e.Call("preventDefault")
		c.ctx.Dispatch(f)
		return nil
	})
	doc := app.Window().Get("document")
	doc.Call("addEventListener", "keydown", fn)
	return func() {
		doc.Call("removeEventListener", "keydown", fn)
		fn.Release()
	}
}

// keepOnLeave keeps the draft when the tab is closed, reloaded or sent
// to the background, with what the control being typed in holds even if
// its last key press has not reached the studio yet.
func keepOnLeave(c *Studio) (stop func()) {
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		if c.d == nil {
			return nil
		}
		if el := app.Window().Get("document").Get("activeElement"); el.Truthy() && el.Get("dataset").Truthy() {
			if path := el.Get("dataset").Get("path"); path.Truthy() && path.String() == c.typing {
				_ = c.d.Set(c.typing, el.Get("value").String())
			}
			if c.typing == rawTyping && el.Get("id").String() == "raw" {
				c.rawText = el.Get("value").String()
			}
		}
		if c.dirty {
			keep(c.keyName(), c.version, c.text())
		}
		return nil
	})
	w := app.Window()
	w.Call("addEventListener", "pagehide", fn)
	w.Get("document").Call("addEventListener", "visibilitychange", fn)
	return func() {
		w.Call("removeEventListener", "pagehide", fn)
		w.Get("document").Call("removeEventListener", "visibilitychange", fn)
		fn.Release()
	}
}

// kept is unsaved work the browser keeps, so that a closed tab or a crash
// loses nothing: the text, and the version of the file it was made from.
type kept struct {
	Version string    `json:"version"`
	Text    string    `json:"text"`
	Time    time.Time `json:"time"`
}

func keptKey(name string) string { return "explainer-studio:" + rootPrefix() + ":" + name }

// keep stores the draft of a file in the browser.
func keep(name, version, text string) {
	b, _ := json.Marshal(kept{Version: version, Text: text, Time: time.Now()})
	storage := app.Window().Get("localStorage")
	if storage.Truthy() {
		// A full storage throws; the work is then only in the page.
		defer func() { _ = recover() }()
		storage.Call("setItem", keptKey(name), string(b))
	}
}

// loadKept is the work kept for a file, if any.
func loadKept(name string) (kept, bool) {
	storage := app.Window().Get("localStorage")
	if !storage.Truthy() {
		return kept{}, false
	}
	v := storage.Call("getItem", keptKey(name))
	if v.Type() != app.TypeString {
		return kept{}, false
	}
	var k kept
	if json.Unmarshal([]byte(v.String()), &k) != nil {
		return kept{}, false
	}
	return k, true
}

// forget drops what the browser kept for a file, once saved.
func forget(name string) {
	if storage := app.Window().Get("localStorage"); storage.Truthy() {
		storage.Call("removeItem", keptKey(name))
	}
}

// readFile reads a file the editor chose or dropped, as text.
func readFile(f app.Value) (string, error) {
	done := make(chan string, 1)
	failed := make(chan string, 1)
	then := app.FuncOf(func(this app.Value, args []app.Value) any {
		done <- args[0].String()
		return nil
	})
	catch := app.FuncOf(func(this app.Value, args []app.Value) any {
		failed <- args[0].Call("toString").String()
		return nil
	})
	defer then.Release()
	defer catch.Release()
	f.Call("text").Call("then", then).Call("catch", catch)
	select {
	case text := <-done:
		return text, nil
	case why := <-failed:
		return "", &apiError{Failure: api.Failure{Message: "the file could not be read: " + why}}
	}
}
