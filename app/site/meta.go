package site

import (
	"encoding/json"
	"html/template"
	"net/url"

	"explainer/app/internal/urls"
	"explainer/app/repo"
	"explainer/app/story"
)

// pageMeta is what a story's page tells search engines, social networks
// and oEmbed consumers.
type pageMeta struct {
	Canonical string // the story's address, without state or embed options
	OEmbed    string
	Image     string
	ImageAlt  string
	JSONLD    template.JS
}

func (s *Site) meta(e *repo.Entry, origin string, live bool) *pageMeta {
	if origin == "" {
		return nil
	}
	st := e.Story
	m := &pageMeta{Canonical: s.StoryURL(origin, st.ID)}
	if live {
		m.OEmbed = s.OEmbedURL(origin, m.Canonical)
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
		ld["description"] = st.Dek.PlainText()
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

// OEmbedURL is the oEmbed endpoint's address for a story page.
func (s *Site) OEmbedURL(origin, page string) string {
	return origin + (&url.URL{Path: s.root + urls.OEmbed}).EscapedPath() + "?" + url.Values{"url": {page}, "format": {"json"}}.Encode()
}

// BaseOrigin is the scheme and host of the base URL, "" without one.
func (s *Site) BaseOrigin() string {
	if s.baseURL == nil {
		return ""
	}
	return s.baseURL.Scheme + "://" + s.baseURL.Host
}
