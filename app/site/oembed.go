package site

import (
	"fmt"
	"html"
	"net/url"
	"strings"

	"explainer/app/i18n"
	"explainer/app/internal/urls"
	"explainer/app/repo"
	"explainer/app/story"
	"explainer/app/widget"
)

// OEmbedHTML is the markup consumers insert. It starts with the
// blockquote (WordPress drops it, and with it the resizing, after even a
// newline) and keeps to what WordPress allows: no class, style or script.
func OEmbedHTML(st *story.Story, page *url.URL, width, height int) string {
	title := html.EscapeString(st.Title)
	link := html.EscapeString(page.String())
	return fmt.Sprintf(`<blockquote><a href="%s">%s</a></blockquote><iframe src="%s" width="%d" height="%d" frameborder="0" marginwidth="0" marginheight="0" scrolling="no" title="%s"></iframe>`,
		link, title, html.EscapeString(embedURL(page).String()), width, height, title)
}

// embedURL is a story address with embed=1 added, its other options kept.
func embedURL(page *url.URL) *url.URL {
	u := *page
	q := u.Query()
	q.Set("embed", "1")
	u.RawQuery = q.Encode()
	u.Fragment = ""
	return &u
}

// StoryAt finds the story a URL of this site names: its page, its embed
// page, or the site root when that is the story. It returns the story and
// its page's address with the reader's options kept.
func (s *Site) StoryAt(raw, origin string) (*repo.Entry, *url.URL, bool) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || origin == "" {
		return nil, nil, false
	}
	o, err := url.Parse(origin)
	if err != nil || !strings.EqualFold(u.Host, o.Host) {
		return nil, nil, false
	}
	p, ok := strings.CutPrefix(u.Path, s.root)
	if !ok {
		return nil, nil, false
	}
	var e *repo.Entry
	switch {
	case p == "/" || p == "":
		if !s.single {
			return nil, nil, false
		}
		e = s.stories.List()[0]
	default:
		id, isStory := urls.StoryOf(p)
		if !isStory {
			return nil, nil, false
		}
		if e, ok = s.stories.Get(story.ID(id)); !ok {
			return nil, nil, false
		}
	}
	page := &url.URL{Scheme: o.Scheme, Host: o.Host, Path: s.StoryPath(e.Story.ID)}
	// Keep the reader's state and options, not the embed page's own, as
	// the widget reads them: checked, normalised, each once.
	st, opts := widget.ParseURL(e.Story, u.Query())
	opts = s.KnownLanguage(opts)
	opts.Embed, opts.ChildID = false, ""
	page.RawQuery = strings.TrimPrefix(widget.Query(st, opts, i18n.Locale(e.Story.Language), story.Ref(e.Story.Events[0].ID)), "?")
	return e, page, true
}
