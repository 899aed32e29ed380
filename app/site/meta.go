package site

import (
	"encoding/json"
	"html/template"
	"net/url"

	"explainer/app/internal/urls"
	"explainer/app/repo"
	"explainer/app/story"
	"explainer/app/widget"
)

// pageMeta is what a story's page tells search engines, social networks
// and oEmbed consumers.
type pageMeta struct {
	Canonical string // the story's address, without state or embed options
	// URL is the address the unfurl stands for (og:url): the story's, or
	// a quote's share page, whose card is its image.
	URL      string
	OEmbed   string
	Image    string // the share image (og:image), 1200×630
	ImageAlt string
	// ShareTitle and ShareText are a quote's share page's title and text
	// for social sites; "" on a story's page, which uses its own.
	ShareTitle, ShareText string
	JSONLD                template.JS
}

// The share image's size, for og:image:width and :height.
const (
	ShareWidth  = 1200
	ShareHeight = 630
)

func (s *Site) meta(e *repo.Entry, origin string, live bool, quote *story.Quote) *pageMeta {
	if origin == "" {
		return nil
	}
	st := e.Story
	m := &pageMeta{Canonical: s.StoryURL(origin, st.ID)}
	m.URL = m.Canonical
	if live {
		m.OEmbed = s.OEmbedURL(origin, m.Canonical)
	}
	// The unfurl is the story's card, drawn for every story, pictures or
	// none; on a quote's share page, the quote's card.
	if s.Drawable(e, ShareKind{}) {
		m.Image, m.ImageAlt = origin+escapePath(urls.ShareImage(s.root, st.ID, false)), st.Title
	}
	if quote != nil {
		words := s.Words(st, widget.Options{})
		m.URL = origin + escapePath(urls.QuoteShare(s.root, st.ID, quote.ID))
		m.Image = ""
		if s.Drawable(e, ShareKind{Quote: story.Ref(quote.ID)}) {
			m.Image = origin + escapePath(urls.QuoteImage(s.root, st.ID, quote.ID, false))
		}
		m.ShareText = ShareText(st, quote, words)
		m.ImageAlt = m.ShareText
		m.ShareTitle = m.ShareText + " — " + st.Title
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

// escapePath percent-encodes a path for a header or a meta tag.
func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }
