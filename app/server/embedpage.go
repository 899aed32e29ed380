//go:build !wasm

package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"

	"explainer/app/i18n"
	"explainer/app/story"
	"explainer/app/widget"
)

type embedPageData struct {
	Lang, Title, Root, Icon, CSS, Script string
	StoryTitle                           string
	Action                               string
	Preview                              string
	PreviewHeight                        int
	EmbedJS                              string
	Snippets                             []snippet
	Events, People                       []option
	Themes, Shows, Views, Langs          []option
	Opts                                 widget.Options
	State                                widget.State
	Accent                               string
}

type option struct {
	Value, Label string
}

// Labels for the values of the card's options, as the embed page offers
// them; the values themselves come from the widget (widget.Themes, Shows,
// Views), so a new one shows up here, and TestEmbedPageOffersEveryOption
// asks for its label.
var (
	themeLabels = map[string]string{"": "The reader’s system", "light": "Light", "dark": "Dark"}
	showLabels  = map[widget.Show]string{widget.ShowBoth: "Timeline and quotes", widget.ShowTimeline: "Timeline only", widget.ShowQuotes: "Quotes only"}
	viewLabels  = map[widget.View]string{widget.ViewEvent: "The selected event", widget.ViewQuotes: "All quotes"}
)

// choices lists values with their labels; a value without one shows as
// itself.
func choices[V ~string](values []V, labels map[V]string) []option {
	out := make([]option, 0, len(values))
	for _, v := range values {
		label, ok := labels[v]
		if !ok {
			label = string(v)
		}
		out = append(out, option{string(v), label})
	}
	return out
}

// languageChoices lists the languages the widget speaks, each by its own
// name.
func languageChoices() []option {
	var out []option
	for _, l := range i18n.Locales {
		out = append(out, option{string(l), i18n.T(l, "language.name")})
	}
	return out
}

// serveEmbedPage is the page a graphics editor embeds a story from: the
// options, a live preview of the card and the snippet for each kind of
// host. It works without JavaScript (the form reloads it); with it,
// embed-page.js asks for the same page as JSON (?format=json: the
// preview's address and the finished snippets) as the options change,
// and adds the copy buttons.
func (s *Server) serveEmbedPage(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.stories.Get(story.ID(r.PathValue("id")))
	if !ok {
		return errNotFound
	}
	origin := s.origin(r)
	q := r.URL.Query()
	asJSON := q.Get("format") == "json"
	q.Set("embed", "1")
	st, opts := widget.ParseURL(e.Story, q)
	opts.ChildID = "" // pym.js adds its own
	page := s.storyURL(origin, e.Story.ID)
	lang := i18n.ForStory(e.Story.Language)
	embed := page + widget.Query(st, opts, lang, "")
	plain := opts
	plain.Embed = false
	height := widget.CardHeight(oembedWidth)
	snips := snippets(snippetValues{
		Page:   page + strings.TrimSuffix(widget.Query(st, plain, lang, ""), "?"),
		Embed:  embed,
		Script: origin + (&url.URL{Path: s.root + s.assets.url("embed.js")}).EscapedPath(),
		Title:  e.Story.Title,
		ID:     string(e.Story.ID),
		Height: height,
	})
	if asJSON {
		out := struct {
			Preview  string            `json:"preview"`
			Snippets map[string]string `json:"snippets"`
		}{Preview: embed, Snippets: map[string]string{}}
		for _, sn := range snips {
			out.Snippets[sn.Name] = sn.Text
		}
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		s.send(w, r, response{ctype: "application/json; charset=utf-8", cache: "no-cache", body: encoded{Raw: b}})
		return nil
	}
	d := embedPageData{
		Lang:          "en",
		Title:         "Embed: " + e.Story.Title,
		Root:          s.root,
		Icon:          s.assets.url("favicon.svg"),
		CSS:           s.assets.url("explainer.css"),
		Script:        s.assets.url("embed-page.js"),
		EmbedJS:       s.assets.url("embed.js"),
		StoryTitle:    e.Story.Title,
		Action:        s.root + "/s/" + string(e.Story.ID) + "/embed", // also where the built-in story is the site's root
		Preview:       embed,
		PreviewHeight: height,
		Snippets:      snips,
		Opts:          opts,
		State:         st,
		Accent:        opts.Accent,
		Themes:        choices(widget.Themes, themeLabels),
		Shows:         choices(widget.Shows, showLabels),
		Views:         choices(widget.Views, viewLabels),
		Langs:         languageChoices(),
	}
	for _, ev := range e.Story.Events {
		d.Events = append(d.Events, option{string(ev.ID), ev.Headline})
	}
	for _, p := range e.Story.People {
		d.People = append(d.People, option{string(p.ID), p.Name})
	}
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, "embed.html", d); err != nil {
		return err
	}
	s.send(w, r, response{ctype: htmlType, cache: "no-cache", body: encoded{Raw: b.Bytes()}, document: true, editor: true})
	return nil
}
