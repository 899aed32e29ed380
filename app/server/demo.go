package server

import (
	"fmt"
	"net/http"

	"explainer/app/repo"
	"explainer/app/site"
	"explainer/app/story"
)

// serveDemo is a mock news article, written from a story's own text, that
// embeds it in every way host pages do: the story ?story= names, else the
// first. ?wasm=0 holds the WebAssembly back in every embed, to see the
// cards without it. It is rendered once per story version and state, like
// a story page, and kept with the pages.
func (s *Server) serveDemo(w http.ResponseWriter, r *http.Request) error {
	origin := s.origin(r)
	if origin == "" {
		return errNotFound
	}
	var e *repo.Entry
	if id := r.URL.Query().Get("story"); id != "" {
		var ok bool
		if e, ok = s.site.Stories().Get(story.ID(id)); !ok {
			return errNotFound
		}
	} else if all := s.site.Stories().List(); len(all) > 0 {
		e = all[0]
	} else {
		return errNotFound
	}
	noWasm := r.URL.Query().Get("wasm") == "0"
	key := fmt.Sprintf("demo %s %s %s %t", origin, e.Story.ID, e.ETag, noWasm)
	p, err := s.pages.get(r.Context(), key, func() (*site.Page, error) {
		body, err := s.site.RenderDemo(e, origin, noWasm)
		if err != nil {
			return nil, err
		}
		return site.NewPage(body, 6)
	})
	if err != nil {
		return err
	}
	s.send(w, r, response{ctype: site.HTMLType, cache: site.CacheRevalidate, etag: p.ETag, body: p.Encoded, document: true, editor: true})
	return nil
}
