package server

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"

	"explainer/app/internal/compress"
	"explainer/app/internal/urls"
	"explainer/app/repo"
	"explainer/app/site"
	"explainer/app/story"
)

// serveShareImage sends a story's share image, share.png or
// share.square.png.
func (s *Server) serveShareImage(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.site.Stories().Get(story.ID(r.PathValue("id")))
	if !ok {
		return errNotFound
	}
	var k site.ShareKind
	switch r.PathValue("image") {
	case "share.png":
	case "share" + urls.SquareSuffix:
		k.Square = true
	default:
		return errNotFound
	}
	return s.sendShareImage(w, r, e, k)
}

// serveQuoteFile sends a quote's share image (QUOTE.png or
// QUOTE.square.png); QUOTE alone goes to its share page.
func (s *Server) serveQuoteFile(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.site.Stories().Get(story.ID(r.PathValue("id")))
	if !ok {
		return errNotFound
	}
	name := r.PathValue("name")
	var k site.ShareKind
	switch {
	case strings.HasSuffix(name, urls.SquareSuffix):
		k = site.ShareKind{Quote: story.Ref(strings.TrimSuffix(name, urls.SquareSuffix)), Square: true}
	case strings.HasSuffix(name, ".png"):
		k = site.ShareKind{Quote: story.Ref(strings.TrimSuffix(name, ".png"))}
	default:
		if e.Story.Quote(story.Ref(name)) == nil {
			return errNotFound
		}
		http.Redirect(w, r, (&url.URL{Path: urls.QuoteShare(s.site.Root(), e.Story.ID, name)}).EscapedPath(), http.StatusMovedPermanently)
		return nil
	}
	if e.Story.Quote(k.Quote) == nil {
		return errNotFound
	}
	return s.sendShareImage(w, r, e, k)
}

// sendShareImage draws a share image once per story version and keeps it
// with the pages (a drawing takes tens of milliseconds).
func (s *Server) sendShareImage(w http.ResponseWriter, r *http.Request, e *repo.Entry, k site.ShareKind) error {
	key := "share " + string(e.Story.ID) + e.ETag + " " + string(k.Quote)
	if k.Square {
		key += " square"
	}
	p, err := s.pages.get(r.Context(), key, func() (*site.Page, error) {
		png, err := s.site.ShareImage(e, k)
		if err != nil {
			// A card that cannot be drawn (a character no font has,
			// words too long to fit without cutting them) stays so for
			// this version: kept as such, and logged once, it is not
			// drawn again at every request.
			s.log.Warn("a share image cannot be drawn", "story", e.Story.ID, "quote", k.Quote, "error", err)
			return &site.Page{}, nil
		}
		sum := sha256.Sum256(png)
		return &site.Page{Encoded: compress.Encoded{Raw: png}, ETag: `"` + hex.EncodeToString(sum[:10]) + `"`}, nil
	})
	if err != nil {
		return err
	}
	if len(p.Raw) == 0 {
		return errNotFound
	}
	s.send(w, r, response{ctype: "image/png", cache: site.CacheRevalidate, etag: p.ETag, body: p.Encoded, public: true})
	return nil
}

// serveQuoteShare sends a quote's share page: the story at the quote's
// event, whose unfurl is the quote's card.
func (s *Server) serveQuoteShare(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.site.Stories().Get(story.ID(r.PathValue("id")))
	if !ok {
		return errNotFound
	}
	quote := story.Ref(r.PathValue("quote"))
	if e.Story.Quote(quote) == nil {
		return errNotFound
	}
	origin := s.origin(r)
	return s.sendPage(w, r, origin+" quote "+string(e.Story.ID)+e.ETag+" "+string(quote), func() (*site.Page, error) {
		return s.site.RenderQuoteShare(e, quote, origin, true)
	})
}
