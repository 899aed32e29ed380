//go:build !wasm

package server

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"explainer/app/i18n"
	"explainer/app/story"
	"explainer/app/widget"
)

// snippets are the ways to embed a story, one per kind of host. Each is
// written once, here, with placeholders the embed page's script also
// fills in as the editor changes the options: %URL% (the story's page),
// %EMBED% (the card's address), %HEIGHT% (the card's height at a common
// width), %TITLE%, %ID% and %SCRIPT% (embed.js).
var snippets = []struct{ Name, Label, Template string }{
	{"html", "Any page (HTML)", `<iframe src="%EMBED%" title="%TITLE%" loading="lazy" style="border:0;width:100%" height="%HEIGHT%" data-explainer-frame></iframe>
<script async src="%SCRIPT%"></script>`},
	{"wordpress", "WordPress (paste the address on a line of its own)", `%URL%`},
	{"amp", "AMP", `<amp-iframe src="%EMBED%" title="%TITLE%" layout="fixed-height" height="%HEIGHT%" sandbox="allow-scripts allow-same-origin" resizable frameborder="0">
  <button overflow type="button">Show the whole timeline</button>
</amp-iframe>`},
	{"pym", "pym.js", `<div id="explainer-%ID%"></div>
<script src="https://pym.nprapps.org/pym.v1.min.js"></script>
<script>new pym.Parent("explainer-%ID%", "%EMBED%", {title: "%TITLE%"});</script>`},
}

// fillSnippet replaces a snippet's placeholders.
func fillSnippet(tmpl string, vals map[string]string) string {
	for k, v := range vals {
		tmpl = strings.ReplaceAll(tmpl, "%"+k+"%", v)
	}
	return tmpl
}

type embedPageData struct {
	Lang, Title, Root, Icon, CSS, Script string
	StoryTitle                           string
	Action                               string
	Preview                              string
	PreviewHeight                        int
	EmbedJS                              string
	Values                               map[string]string
	Snippets                             []snippetView
	Events, People                       []option
	Page, DefaultLang                    string
	Opts                                 widget.Options
	State                                widget.State
	Accent                               string
}

type snippetView struct {
	Name, Label, Template, Text string
}

type option struct {
	Value, Label string
}

// serveEmbedPage is the page a graphics editor embeds a story from: the
// options, a live preview of the card and the snippet for each kind of
// host. It works without JavaScript (the form reloads it); with it,
// embed-page.js updates the preview and snippets as the options change
// and adds the copy buttons.
func (s *Server) serveEmbedPage(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.stories.get(story.ID(r.PathValue("id")))
	if !ok {
		return errNotFound
	}
	origin := s.origin(r)
	q := r.URL.Query()
	q.Set("embed", "1")
	st, opts := widget.ParseURL(e.Story, q)
	page := &url.URL{Path: storyPath(s, e.Story.ID)}
	if origin != "" {
		o, _ := url.Parse(origin)
		page.Scheme, page.Host = o.Scheme, o.Host
	}
	query := widget.Query(st, opts, i18n.ForStory(e.Story.Language), "")
	embed := page.String() + query
	plain := widget.Query(st, widget.Options{Lang: opts.Lang, Theme: opts.Theme, Accent: opts.Accent, Show: opts.Show, NoTitle: opts.NoTitle}, i18n.ForStory(e.Story.Language), "")
	vals := map[string]string{
		"URL":    page.String() + strings.TrimSuffix(plain, "?"),
		"EMBED":  embed,
		"HEIGHT": strconv.Itoa(widget.CardHeight(oembedWidth)),
		"TITLE":  e.Story.Title,
		"ID":     string(e.Story.ID),
		"SCRIPT": origin + s.root + s.assets.url("embed.js"),
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
		Action:        storyPath(s, e.Story.ID) + "embed",
		Preview:       embed,
		PreviewHeight: widget.CardHeight(oembedWidth),
		Values:        vals,
		Opts:          opts,
		State:         st,
		Accent:        opts.Accent,
		Page:          page.String(),
		DefaultLang:   string(i18n.ForStory(e.Story.Language)),
	}
	for _, sn := range snippets {
		d.Snippets = append(d.Snippets, snippetView{Name: sn.Name, Label: sn.Label, Template: sn.Template, Text: fillSnippet(sn.Template, vals)})
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
	s.send(w, r, response{ctype: htmlType, cache: "no-cache", body: encoded{raw: b.Bytes()}, document: true})
	return nil
}
