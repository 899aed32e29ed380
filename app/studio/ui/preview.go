package ui

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
	"explainer/app/widget"
)

// The preview is the reader's widget, rendered in the studio's browser by
// the same code the server prerenders with (widget.StaticHTML), into a
// frame that runs no script: story text is untrusted here too, and the
// frame's sandbox keeps anything in it from acting on the studio. The
// studio swaps the frame's body on each change, so it keeps its scroll
// position, and follows the preview's own links (an event's tab, the
// quotes view) itself.

// previewOptions are how the preview is shown.
type previewOptions struct {
	Embed bool // the compact embed card, not the full page
	Phone bool // at a phone's width
	Dark  bool
}

// previewPane is the preview with its controls.
func (c *Studio) previewPane() app.UI {
	frame := "preview-frame"
	if c.preview.Phone {
		frame += " is-phone"
	}
	note := ""
	switch {
	case c.lastGood == nil:
		note = "The preview appears once the story has no problems."
	case c.checked == nil:
		note = "The preview shows the last version without problems."
	}
	return app.Aside().Class("studio-preview").Aria("labelledby", "preview-title").Body(
		app.H2().ID("preview-title").Text("Preview"),
		app.Div().Class("preview-controls").Body(
			c.toggle("pv-embed", "Embed card", &c.preview.Embed),
			c.toggle("pv-phone", "Phone width", &c.preview.Phone),
			c.toggle("pv-dark", "Dark", &c.preview.Dark),
		),
		app.P().Class("hint preview-note").Text(note), // always there: see leftovers
		app.IFrame().ID("preview").Class(frame).Title("Preview of the story as readers will see it").
			Attr("sandbox", "allow-same-origin").
			Attr("srcdoc", previewShell()),
	)
}

// toggle is a switch of the preview: a pressed-or-not button. (go-app
// keeps an element's first handler while the function is the same, so a
// handler reads what it changes when it runs, never from its render.)
func (c *Studio) toggle(id, label string, on *bool) app.UI {
	return app.Button().Type("button").ID(id).Class("toggle").Aria("pressed", boolText(*on)).Text(label).
		OnClick(func(ctx app.Context, e app.Event) {
			*on = !*on
			c.refresh(ctx)
		})
}

// previewShell is the frame's document before the first render: the
// reader's stylesheet, and a body the studio fills.
func previewShell() string {
	css := config("css")
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<meta name="color-scheme" content="light dark"><link rel="stylesheet" href="` + attrText(css) + `"></head><body></body></html>`
}

// attrText escapes text for a quoted attribute.
func attrText(s string) string {
	return strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// previewAt is what the preview shows: the event being edited, with the
// preview's options. The widget resolves them for the story (an event
// that is gone shows the first).
func (c *Studio) previewAt() (widget.State, widget.Options) {
	o := widget.Options{Embed: c.preview.Embed, Theme: "light"}
	if c.preview.Dark {
		o.Theme = "dark"
	}
	return widget.State{Event: c.event}, o
}

// refresh renders the preview of the last good story after the next
// render of the studio.
func (c *Studio) refresh(ctx app.Context) {
	s := c.lastGood
	if s == nil {
		return
	}
	st, o := c.previewAt()
	lang := string(o.Language(s))
	if c.words == nil || c.wordsLang != lang {
		c.fetchWords(lang)
		if c.words == nil {
			return // the preview follows once the words are here
		}
	}
	w := widget.New(s, st, o, c.words)
	html := widget.StaticHTML(w)
	o = w.Options()
	c.ctx.Defer(func(ctx app.Context) {
		c.showPreview(previewDoc{html: html, lang: string(c.words.Lang), dir: c.words.Dir(), theme: o.Theme, embed: o.Embed})
	})
}

// previewDoc is what the frame shows.
type previewDoc struct {
	html, lang, dir, theme string
	embed                  bool
}

// previewFrame is the preview last asked for, which the frame shows once
// it has loaded (the first time, and after the browser reloads it), and
// the frame's listeners, made once.
type previewFrame struct {
	doc    previewDoc
	loaded app.Func
	clicks app.Func
}

func (c *Studio) showPreview(d previewDoc) {
	c.frame.doc = d
	frame := app.Window().GetElementByID("preview")
	if !frame.Truthy() {
		return
	}
	if c.frame.loaded == nil {
		c.frame.loaded = app.FuncOf(func(this app.Value, args []app.Value) any {
			c.applyPreview()
			return nil
		})
		c.frame.clicks = app.FuncOf(func(this app.Value, args []app.Value) any {
			c.previewClick(args[0])
			return nil
		})
	}
	if !frame.Get("dataset").Get("listening").Truthy() {
		frame.Call("addEventListener", "load", c.frame.loaded)
		frame.Get("dataset").Set("listening", "1")
	}
	c.applyPreview()
}

// applyPreview puts the latest render into the frame, when it has loaded.
func (c *Studio) applyPreview() {
	frame := app.Window().GetElementByID("preview")
	if !frame.Truthy() {
		return
	}
	doc := frame.Get("contentDocument")
	if !doc.Truthy() || !doc.Get("body").Truthy() || doc.Get("readyState").String() != "complete" {
		return // the load listener comes back
	}
	root := doc.Get("documentElement")
	d := c.frame.doc
	root.Call("setAttribute", "lang", d.lang)
	root.Call("setAttribute", "dir", d.dir)
	if d.theme != "" {
		root.Call("setAttribute", "data-theme", d.theme)
	} else {
		root.Call("removeAttribute", "data-theme")
	}
	root.Get("classList").Call("toggle", "is-embed", d.embed)
	// The render is escaped as the server escapes a page, and the frame
	// runs no script: this is the same HTML a reader's browser parses.
	doc.Get("body").Set("innerHTML", d.html)
	// The play buttons work only with the widget's WebAssembly, which the
	// frame does not run: they are shown as readers see them, but cannot
	// be pressed (removed, they would leave an empty box where the page
	// has "▶ Play the video").
	buttons := doc.Call("querySelectorAll", ".media-load")
	for i := range buttons.Get("length").Int() {
		b := buttons.Index(i)
		b.Set("disabled", true)
		b.Call("setAttribute", "title", "Plays on the published page, not in the preview")
	}
	doc.Get("documentElement").Call("setAttribute", "data-preview", "ready")
	if !doc.Get("body").Get("dataset").Get("listening").Truthy() {
		doc.Call("addEventListener", "click", c.frame.clicks, true)
		doc.Get("body").Get("dataset").Set("listening", "1")
	}
}

// previewClick follows a link of the widget in the preview (a tab, a
// person, the quotes view) in the studio, since the frame cannot run the
// widget's own code; links out of the story are not followed.
func (c *Studio) previewClick(e app.Value) {
	a := e.Get("target").Call("closest", "a[href]")
	if !a.Truthy() {
		return
	}
	e.Call("preventDefault")
	href := a.Call("getAttribute", "href").String()
	u, err := url.Parse(href)
	if err != nil || u.Host != "" || !strings.HasPrefix(href, "?") {
		return
	}
	ev := story.Ref(u.Query().Get("event"))
	if ev != "" {
		c.ctx.Dispatch(func(ctx app.Context) {
			c.event = ev
			c.refresh(ctx)
		})
	}
}

// fetchWords asks the server for the widget's words in lang, then draws
// the preview again in them. Until they come, the preview keeps the last
// language's words.
func (c *Studio) fetchWords(lang string) {
	if c.wordsLang == lang {
		return
	}
	c.wordsLang = lang
	c.ctx.Async(func() {
		words, err := c.api.words(lang)
		c.ctx.Dispatch(func(ctx app.Context) {
			if c.wordsLang != lang {
				return // asked for another since
			}
			if err != nil {
				c.wordsLang = "" // the next change asks again
				return
			}
			c.words = words
			c.refresh(ctx)
		})
	})
}
