package site

import (
	"bytes"
	"net/url"
	"strings"

	"explainer/app/i18n"
	"explainer/app/internal/urls"
	"explainer/app/repo"
	"explainer/app/widget"
)

type embedPageData struct {
	Lang, Title, Root, Icon, CSS, Script string
	StoryTitle                           string
	Action                               string
	Preview                              string
	PreviewHeight                        int
	EmbedJS                              string
	Snippets                             []Snippet
	Events, People, Groups               []option
	Themes, Shows, Views, Langs          []option
	Opts                                 widget.Options
	State                                widget.State
	Accent                               string
	// Shares are the story's share images and its quotes', to download.
	Shares []shareLink
}

// shareLink is a share image on the embed page: what it shows, and its
// two sizes.
type shareLink struct {
	Label, Landscape, Square, Page string
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
	for _, l := range i18n.Languages() {
		out = append(out, option{string(l.Tag), l.Name})
	}
	return out
}

// OEmbedWidth is the width an embed gets when its host sets no maximum:
// a common article column. Snippets size their frames at it too.
const OEmbedWidth = 600

// EmbedPage is a story's embed page in one state of its options: the
// preview's address and the finished snippets, and what the page shows
// around them.
type EmbedPage struct {
	Preview  string
	Snippets []Snippet
	data     embedPageData
}

// EmbedPage works out the embed page of a story for the options in q, with
// origin the site's public address.
func (s *Site) EmbedPage(e *repo.Entry, q url.Values, origin string) *EmbedPage {
	q.Set("embed", "1")
	st, opts := widget.ParseURL(e.Story, q)
	opts = s.KnownLanguage(opts)
	opts.ChildID = "" // pym.js adds its own
	page := s.StoryURL(origin, e.Story.ID)
	lang := i18n.Locale(e.Story.Language)
	embed := page + widget.Query(st, opts, lang, "")
	plain := opts
	plain.Embed = false
	height := widget.CardHeight(OEmbedWidth)
	snips := snippets(snippetValues{
		Page:   page + strings.TrimSuffix(widget.Query(st, plain, lang, ""), "?"),
		Embed:  embed,
		Script: origin + (&url.URL{Path: s.root + s.assets.URL("embed.js")}).EscapedPath(),
		Title:  e.Story.Title,
		ID:     string(e.Story.ID),
		Height: height,
	})
	d := embedPageData{
		Lang:          "en",
		Title:         "Embed: " + e.Story.Title,
		Root:          s.root,
		Icon:          s.assets.URL("favicon.svg"),
		CSS:           s.assets.URL("explainer.css"),
		Script:        s.assets.URL("embed-page.js"),
		EmbedJS:       s.assets.URL("embed.js"),
		StoryTitle:    e.Story.Title,
		Action:        urls.Embed(s.root, e.Story.ID), // also where the built-in story is the site's root
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
	id := e.Story.ID
	d.Shares = append(d.Shares, shareLink{Label: "The story", Landscape: urls.ShareImage(s.root, id, false), Square: urls.ShareImage(s.root, id, true)})
	for i := range e.Story.Quotes {
		q := &e.Story.Quotes[i]
		label := string(q.ID)
		if p := e.Story.Person(q.Speaker); p != nil {
			label = p.Name + " (" + string(q.ID) + ")"
		}
		d.Shares = append(d.Shares, shareLink{Label: label, Landscape: urls.QuoteImage(s.root, id, q.ID, false), Square: urls.QuoteImage(s.root, id, q.ID, true), Page: urls.QuoteShare(s.root, id, q.ID)})
	}
	for _, p := range e.Story.People {
		d.People = append(d.People, option{string(p.ID), p.Name})
	}
	for _, g := range e.Story.Groups {
		d.Groups = append(d.Groups, option{string(g.ID), g.Label})
	}
	return &EmbedPage{Preview: embed, Snippets: snips, data: d}
}

// Render writes the embed page as HTML.
func (p *EmbedPage) Render() ([]byte, error) {
	var b bytes.Buffer
	if err := templates["embed.html"].Execute(&b, p.data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
