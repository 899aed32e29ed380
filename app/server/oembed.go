//go:build !wasm

package server

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"explainer/app/i18n"
	"explainer/app/repo"
	"explainer/app/story"
	"explainer/app/widget"
)

// statusError is an error a handler answers with a status and a short
// plain message, for machine clients such as oEmbed consumers.
type statusError struct {
	status int
	msg    string
	// retryAfter, in seconds, tells a client when to try again (503).
	retryAfter int
}

func (e *statusError) Error() string { return e.msg }

// oembedWidth is the width an embed gets when the consumer sets no
// maximum: a common article column.
const oembedWidth = 600

// serveOEmbed is the oEmbed provider (https://oembed.com): given the
// address of one of our stories, it answers with the embed card as a
// "rich" type, an iframe after a <blockquote> link that stands in for it
// where iframes are not allowed (and that WordPress needs to load its
// resizing script).
func (s *Server) serveOEmbed(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	raw := q.Get("url")
	if raw == "" {
		return &statusError{status: http.StatusBadRequest, msg: "oembed: the url parameter is required"}
	}
	if f := q.Get("format"); f != "" && f != "json" {
		return &statusError{status: http.StatusNotImplemented, msg: "oembed: only format=json is supported"}
	}
	origin := s.origin(r)
	e, page, ok := s.storyAt(raw, origin)
	if !ok {
		return &statusError{status: http.StatusNotFound, msg: "oembed: no story at " + raw}
	}
	width := oembedWidth
	if mw, err := strconv.Atoi(q.Get("maxwidth")); err == nil && mw > 0 {
		width = min(width, mw)
	}
	height := widget.CardHeight(width)
	if mh, err := strconv.Atoi(q.Get("maxheight")); err == nil && mh > 0 {
		height = min(height, mh)
	}
	body, err := json.Marshal(map[string]any{
		"version":       "1.0",
		"type":          "rich",
		"title":         e.Story.Title,
		"provider_name": "explainer",
		"provider_url":  origin + s.root + "/",
		"cache_age":     3600,
		"width":         width,
		"height":        height,
		"html":          oembedHTML(e.Story, page, width, height),
	})
	if err != nil {
		return err
	}
	s.send(w, r, response{ctype: "application/json; charset=utf-8", cache: "public, max-age=3600", body: encoded{Raw: body}, public: true})
	return nil
}

// oembedHTML is the markup consumers insert. It starts with the
// blockquote (WordPress drops it, and with it the resizing, after even a
// newline) and keeps to what WordPress allows: no class, style or script.
func oembedHTML(st *story.Story, page *url.URL, width, height int) string {
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

// storyAt finds the story a URL of this site names: its page, its embed
// page, or the site root when that is the story. It returns the story and
// its page's address with the reader's options kept.
func (s *Server) storyAt(raw, origin string) (*repo.Entry, *url.URL, bool) {
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
	case strings.HasPrefix(p, "/s/"):
		id := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(p, "/s/"), "/embed"), "/")
		if e, ok = s.stories.Get(story.ID(id)); !ok {
			return nil, nil, false
		}
	default:
		return nil, nil, false
	}
	page := &url.URL{Scheme: o.Scheme, Host: o.Host, Path: storyPath(s, e.Story.ID)}
	// Keep the reader's state and options, not the embed page's own, as
	// the widget reads them: checked, normalised, each once.
	st, opts := widget.ParseURL(e.Story, u.Query())
	opts.Embed, opts.ChildID = false, ""
	page.RawQuery = strings.TrimPrefix(widget.Query(st, opts, i18n.ForStory(e.Story.Language), story.Ref(e.Story.Events[0].ID)), "?")
	return e, page, true
}
