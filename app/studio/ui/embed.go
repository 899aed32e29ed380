package ui

import (
	"net"
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/internal/urls"
)

// embedPanel is what the embed code shown after a save needs besides
// the snippets: where they point, and which was copied last.
type embedPanel struct {
	// address is the site's address the snippets point at; public says
	// it is the one readers reach (-base-url), not merely the one the
	// studio was opened at.
	address string
	public  bool
	// copied is the snippet just copied, whose button says so.
	copied string
}

// embedCode is the code to paste into the CMS, once saved, each snippet
// with a Copy button, and a line that says where the code will work.
func (c *Studio) embedCode() app.UI {
	order := []struct{ key, label string }{{"html", "Any page (HTML)"}, {"wordpress", "WordPress"}, {"amp", "AMP"}, {"pym", "pym.js"}}
	var blocks []app.UI
	for _, o := range order {
		text, ok := c.snippets[o.key]
		if !ok {
			continue
		}
		id := "snippet-" + o.key
		copied := ""
		if c.embed.copied == o.key {
			copied = "Copied"
		}
		blocks = append(blocks, app.Div().Class("field snippet-field").Body(
			app.Label().For(id).Text(o.label),
			app.Textarea().ID(id).Class("snippet").ReadOnly(true).Rows(3).Text(text),
			app.Div().Class("snippet-actions").Body(
				c.button("copy-"+o.key, "Copy", false, c.copySnippet).DataSet("snippet", o.key).Aria("describedby", id),
				// Always in the page: a live region announces what is
				// written into it, not what comes with it.
				app.Span().ID("copied-"+o.key).Class("snippet-copied").Role("status").Text(copied),
			),
		))
	}
	root := c.api.base
	return app.Section().ID("embed-code").Class("notice notice-ok").TabIndex(-1).Aria("labelledby", "embed-title").Body(
		app.H2().ID("embed-title").Text("Saved. Embed it:"),
		c.embedWhere(),
		app.Div().Body(blocks...),
		app.P().Body(
			app.A().Href(urls.StoryPage(root, c.savedID)).Target("_blank").Text("Open the story"),
			app.Text(" · "),
			app.A().Href(urls.Embed(root, c.savedID)).Target("_blank").Text("All embed options"),
		),
		c.shareDownloads(root),
	)
}

// shareDownloads offers the saved story's share images, and each quote's,
// as PNG files to post by hand: the pictures its link unfurls with.
func (c *Studio) shareDownloads(root string) app.UI {
	png := func(href, name, label string) app.UI {
		return app.A().Href(href).Attr("download", name).Text(label)
	}
	id := c.savedID
	items := []app.UI{app.Li().Body(
		app.Text("The story: "),
		png(urls.ShareImage(root, id, false), id+".png", "Download PNG (1200×630)"),
		app.Text(" · "),
		png(urls.ShareImage(root, id, true), id+".square.png", "square (1080×1080)"),
	)}
	if s := c.lastGood; s != nil && string(s.ID) == id {
		for i := range s.Quotes {
			q := &s.Quotes[i]
			who := string(q.Speaker)
			if p := s.Person(q.Speaker); p != nil {
				who = p.Name
			}
			items = append(items, app.Li().Body(
				app.Text(who+", "+string(q.ID)+": "),
				png(urls.QuoteImage(root, id, q.ID, false), string(q.ID)+".png", "Download PNG"),
				app.Text(" · "),
				png(urls.QuoteImage(root, id, q.ID, true), string(q.ID)+".square.png", "square"),
				app.Text(" · "),
				app.A().Href(urls.QuoteShare(root, id, q.ID)).Target("_blank").Text("share page"),
			))
		}
	}
	return app.Details().ID("share-images").Body(
		app.Summary().Text("Share images"),
		app.Ul().Body(items...),
	)
}

// embedWhere says where the embed code will work: on any page, when it
// points at the site's public address; else only here, for a preview,
// since it points at the studio's own address, which readers cannot
// reach.
func (c *Studio) embedWhere() app.UI {
	p := app.P().ID("embed-where")
	if c.embed.public {
		return p.Class("hint").Text("This code loads the story from " + c.embed.address + ": it works on any page that can reach " + c.embed.address + ", once the story is published there.")
	}
	reach := "which readers cannot reach"
	if u, err := url.Parse(c.embed.address); err == nil && !loopback(u.Hostname()) {
		reach = "which may not be the one readers reach"
	}
	return p.Class("field-problem").Body(
		app.Strong().Text("For local preview only: "),
		app.Text("this code points at "+c.embed.address+", the address this studio was opened at, "+reach+". "+
			"For code to publish, start the studio with -base-url set to the site's public address, as serve and publish use it."),
	)
}

// copySnippet puts a snippet on the clipboard, and says so where a
// screen reader hears it, as the embed page's Copy buttons do.
func (c *Studio) copySnippet(ctx app.Context) {
	key := ctx.JSSrc().Get("dataset").Get("snippet").String()
	text, ok := c.snippets[key]
	if !ok {
		return
	}
	done := func() {
		c.ctx.Dispatch(func(ctx app.Context) {
			c.embed.copied = key
			// Said once: cleared after a while, so that a second copy
			// is announced again.
			c.ctx.After(3*time.Second, func(ctx app.Context) {
				if c.embed.copied == key {
					c.embed.copied = ""
				}
			})
		})
	}
	c.embed.copied = ""
	// Without the asynchronous clipboard (a page not served securely),
	// or refused it, the old way: select the text and copy it.
	fallback := func() {
		if area := app.Window().GetElementByID("snippet-" + key); area.Truthy() {
			area.Call("select")
			app.Window().Get("document").Call("execCommand", "copy")
		}
		done()
	}
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() || !clip.Get("writeText").Truthy() {
		fallback()
		return
	}
	var ok1, fail app.Func
	release := func() { ok1.Release(); fail.Release() }
	ok1 = app.FuncOf(func(app.Value, []app.Value) any { release(); done(); return nil })
	fail = app.FuncOf(func(app.Value, []app.Value) any { release(); fallback(); return nil })
	clip.Call("writeText", text).Call("then", ok1, fail)
}

// loopback says a host name is this computer's.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
