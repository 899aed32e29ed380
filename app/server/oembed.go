package server

import (
	"net/http"
	"net/url"
	"strconv"

	"explainer/app/internal/httpjson"
	"explainer/app/internal/urls"
	"explainer/app/site"
	"explainer/app/widget"
)

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
	e, page, ok := s.site.StoryAt(raw, origin)
	if !ok {
		return &statusError{status: http.StatusNotFound, msg: "oembed: no story at " + raw}
	}
	width := site.OEmbedWidth
	if mw, err := strconv.Atoi(q.Get("maxwidth")); err == nil && mw > 0 {
		width = min(width, mw)
	}
	height := widget.CardHeight(width)
	if mh, err := strconv.Atoi(q.Get("maxheight")); err == nil && mh > 0 {
		height = min(height, mh)
	}
	answer := map[string]any{
		"version":       "1.0",
		"type":          "rich",
		"title":         e.Story.Title,
		"provider_name": "explainer",
		"provider_url":  origin + s.site.Root() + "/",
		"cache_age":     3600,
		"width":         width,
		"height":        height,
		"html":          site.OEmbedHTML(e.Story, page, width, height),
	}
	// The story's share image, for consumers that show a preview before
	// (or instead of) the card, when it can be drawn.
	if s.site.Drawable(e, site.ShareKind{}) {
		answer["thumbnail_url"] = origin + (&url.URL{Path: urls.ShareImage(s.site.Root(), e.Story.ID, false)}).EscapedPath()
		answer["thumbnail_width"] = site.ShareWidth
		answer["thumbnail_height"] = site.ShareHeight
	}
	body, err := httpjson.Marshal(answer)
	if err != nil {
		return err
	}
	s.send(w, r, response{ctype: httpjson.Type, cache: "public, max-age=3600", body: encoded{Raw: body}, public: true})
	return nil
}
