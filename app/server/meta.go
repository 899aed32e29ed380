//go:build !wasm

package server

import (
	"encoding/json"
	"html/template"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"explainer/app/repo"
	"explainer/app/story"
)

// hostRE is a plausible Host header: a name or address, and a port. The
// server answers for whatever host a request names; anything else is not
// reflected into pages.
var hostRE = regexp.MustCompile(`^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$`)

// origin is the site's public scheme and host, for absolute links in a
// page (canonical, oEmbed, Open Graph): the -base-url's when set, else
// the proxy's X-Forwarded-Proto and -Host with -trust-proxy, else the
// request's own. "" when none is usable.
func (s *Server) origin(r *http.Request) string {
	if o := s.baseOrigin(); o != "" {
		return o
	}
	scheme, host := "http", r.Host
	if r.TLS != nil {
		scheme = "https"
	}
	if s.cfg.TrustProxy {
		if p := firstValue(r.Header.Get("X-Forwarded-Proto")); p == "http" || p == "https" {
			scheme = p
		}
		if h := firstValue(r.Header.Get("X-Forwarded-Host")); h != "" {
			host = h
		}
	}
	if !hostRE.MatchString(host) {
		return ""
	}
	return scheme + "://" + host
}

// firstValue is the first of a comma-separated header's values: the one
// the proxy nearest the reader added, when proxies are chained.
func firstValue(h string) string {
	v, _, _ := strings.Cut(h, ",")
	return strings.ToLower(strings.TrimSpace(v))
}

// baseOrigin is the -base-url's scheme and host, "" without one.
func (s *Server) baseOrigin() string {
	if s.baseURL == nil {
		return ""
	}
	return s.baseURL.Scheme + "://" + s.baseURL.Host
}

// pageMeta is what a story's page tells search engines, social networks
// and oEmbed consumers.
type pageMeta struct {
	Canonical string // the story's address, without state or embed options
	OEmbed    string
	Image     string
	ImageAlt  string
	JSONLD    template.JS
}

func (s *Server) meta(e *repo.Entry, origin string, live bool) *pageMeta {
	if origin == "" {
		return nil
	}
	st := e.Story
	m := &pageMeta{Canonical: s.storyURL(origin, st.ID)}
	if live {
		m.OEmbed = s.oembedURL(origin, m.Canonical)
	}
	for i := range st.Events {
		if img := st.Events[i].Media; img != nil {
			m.Image, m.ImageAlt = string(img.Src), img.Alt
			break
		}
	}
	ld := map[string]any{
		"@context":            "https://schema.org",
		"@type":               "NewsArticle",
		"headline":            st.Title,
		"url":                 m.Canonical,
		"inLanguage":          string(st.Language),
		"isAccessibleForFree": true,
	}
	if st.Dek != "" {
		ld["description"] = st.Dek
	}
	if m.Image != "" {
		ld["image"] = m.Image
	}
	if st.Published != nil {
		ld["datePublished"] = isoTime(*st.Published)
	}
	if st.Updated != nil {
		ld["dateModified"] = isoTime(*st.Updated)
	}
	var authors []any
	for _, c := range st.Credits {
		authors = append(authors, map[string]any{"@type": "Person", "name": c.Name})
	}
	if len(authors) > 0 {
		ld["author"] = authors
	}
	// json.Marshal escapes <, > and &, so no text can close the script.
	js, err := json.Marshal(ld)
	if err == nil {
		m.JSONLD = template.JS(js)
	}
	return m
}

// isoTime is a moment as schema.org reads it: the date at its precision,
// or the instant with its offset.
func isoTime(m story.Moment) string {
	if m.Precision() <= story.Day {
		return string(m.Date)[:min(len(m.Date), 10)]
	}
	return m.Time().Format("2006-01-02T15:04-07:00")
}

// oembedURL is the oEmbed endpoint's address for a story page.
func (s *Server) oembedURL(origin, page string) string {
	return origin + (&url.URL{Path: s.root}).EscapedPath() + "/oembed?" + url.Values{"url": {page}, "format": {"json"}}.Encode()
}
