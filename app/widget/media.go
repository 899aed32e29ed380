package widget

import (
	"html"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
)

// playerID is the id of the player once a reader has loaded it, so that
// focus can follow them into it.
const playerID = "explainer-player"

// coverMedia stands for the story's own media where an event's id goes
// (Explainer.playing); no id can take this form.
const coverMedia story.Ref = "#cover"

// media shows an event's media. A picture shows at once. Everything else
// (a video, a post, a map) is first a placeholder with a plain link to it
// and, once the WebAssembly runs, a button that loads the service's player
// in its place: until the reader presses it, the page asks nothing of the
// service, which would otherwise learn of every reader and set cookies.
// An address that is none of these is a plain link, with no placeholder.
func (v *view) media(m *story.Media, event story.Ref) app.UI {
	e := m.Embed()
	provider := e.Provider
	if provider == "" {
		provider = hostOf(string(m.Src))
	}
	lang := v.storyLang()
	title := m.Title
	if title == "" {
		title = m.Alt
	}
	var shown app.UI
	canPlay := e.Player != "" || e.File != ""
	// A still from the service's own hosts would tell it of every reader
	// before any pressed the button; Parse refuses one, and a story built
	// in code gets none either (story.Media.ThumbnailService).
	thumbnail := m.Thumbnail != ""
	if _, service := m.ThumbnailService(); service != "" {
		thumbnail = false
	}
	// A picture on a service's hosts is refused by Parse for the same
	// reason; built in code, it is not shown either.
	if _, service := story.ImageURL(e.Image).Service(); e.Image != "" && service != "" {
		e.Image = ""
	}
	switch {
	case e.Image != "":
		shown = app.Img().Src(attr(e.Image)).Alt(attr(m.Alt)).Loading("lazy").Attr("referrerpolicy", "no-referrer")
	case canPlay && v.c.playing == event:
		shown = v.player(e, title, provider)
	case canPlay || thumbnail || title != "":
		shown = app.Div().Class("media-placeholder").Body(
			app.If(thumbnail, func() app.UI {
				return app.Img().Class("media-thumbnail").Src(attr(string(m.Thumbnail))).Alt("").Role("presentation").Loading("lazy").Attr("referrerpolicy", "no-referrer")
			}),
			app.If(title != "", func() app.UI {
				return withLang(app.P().Class("media-title"), lang).Text(title)
			}),
			// The button works only with the WebAssembly: a page read
			// without it has the link, which always works.
			app.If(canPlay && !app.IsServer, func() app.UI {
				return app.Div().Body(
					// app.Elem, not app.Button: one element type fewer
					// in every reader's download.
					app.Elem("button").Attr("type", "button").Class("media-load").
						On("click", func(ctx app.Context, _ app.Event) { v.c.play(ctx, event) }).
						Text(v.t(i18n.Key("media.load."+string(e.Kind)), provider)),
					app.P().Class("media-notice").Text(v.t("media.notice", hostOf(e.Player+e.File))),
				)
			}),
		)
	}
	var link app.UI
	if e.Image == "" || e.Provider != "" {
		link = app.A().Class("media-link").
			Href(attr(string(m.Src))).
			Target("_blank").
			Rel("noopener noreferrer external").
			Text(v.t(i18n.Key("media.open."+string(e.Kind)), provider))
	}
	return app.Figure().Class("detail-media media-"+string(e.Kind)).Body(
		shown,
		link,
		v.caption(m.Caption, m.Credit),
	)
}

// player is the service's player, or the browser's own for a file, which
// starts playing: the reader has just asked for it. It is written as HTML
// (each value escaped) rather than as go-app elements: those for frames,
// video and audio would add their code to every reader's download for an
// element that is rarely on the page.
func (v *view) player(e story.Embed, title, provider string) app.UI {
	if title == "" {
		title = v.t(i18n.Key("media.load."+string(e.Kind)), provider)
	}
	t := html.EscapeString(title)
	switch {
	case e.File != "" && e.Kind == story.MediaAudio:
		return app.Raw(`<audio id="` + playerID + `" src="` + html.EscapeString(e.File) + `" title="` + t + `" controls autoplay></audio>`)
	case e.File != "":
		return app.Raw(`<video id="` + playerID + `" src="` + html.EscapeString(e.File) + `" title="` + t + `" controls autoplay playsinline></video>`)
	}
	// The player runs its own scripts on its own origin; it may open its
	// service in a new tab but not navigate this page.
	return app.Raw(`<iframe id="` + playerID + `" class="media-player" src="` + html.EscapeString(e.Player) + `" title="` + t +
		`" allow="autoplay; encrypted-media; fullscreen; picture-in-picture" allowfullscreen referrerpolicy="strict-origin-when-cross-origin"` +
		` sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-presentation"></iframe>`)
}

// caption is a figure's caption: rich text (links and emphasis), then the
// credit, written as one piece of HTML (see richParagraphs).
func (v *view) caption(text, credit story.RichText) app.UI {
	var parts []string
	for _, p := range text.Paragraphs() {
		parts = append(parts, inlineHTML(p))
	}
	for i, p := range credit.Paragraphs() {
		if i == 0 {
			parts = append(parts, "©")
		}
		parts = append(parts, inlineHTML(p))
	}
	if len(parts) == 0 {
		return nil
	}
	return app.Raw("<figcaption" + v.langAttr() + ">" + strings.Join(parts, " ") + "</figcaption>")
}

// langAttr is the lang attribute of story text (view.storyLang) for HTML
// written by hand, with its leading space, and dir=auto as withLang sets
// it; "" when none is needed.
func (v *view) langAttr() string {
	if l := v.storyLang(); l != "" {
		return ` lang="` + html.EscapeString(l) + `" dir="auto"`
	}
	return ""
}

// hostOf is the host a link goes to, as readers see it in a notice.
func hostOf(src string) string {
	u, err := url.Parse(src)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}

// play loads the player of an event's media, and takes the keyboard to it.
// The focus waits on the root's context: the button that was pressed is
// gone once the player stands in its place, and go-app drops what is
// deferred on an element no longer on the page.
func (c *Explainer) play(ctx app.Context, event story.Ref) {
	c.playing = event
	ctx.Update()
	c.ctx.Defer(func(app.Context) { focusByID(playerID) })
}
