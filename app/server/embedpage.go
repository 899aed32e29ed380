package server

import (
	"net/http"

	"explainer/app/internal/httpjson"
	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/studio/api"
)

// serveEmbedPage is the page a graphics editor embeds a story from: the
// options, a live preview of the card and the snippet for each kind of
// host. It works without JavaScript (the form reloads it); with it,
// embed-page.js asks for the same page as JSON (?format=json: the
// preview's address and the finished snippets) as the options change,
// and adds the copy buttons.
func (s *Server) serveEmbedPage(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.site.Stories().Get(story.ID(r.PathValue("id")))
	if !ok {
		return errNotFound
	}
	q := r.URL.Query()
	p := s.site.EmbedPage(e, q, s.origin(r))
	if q.Get("format") == "json" {
		// Address and Public tell the studio where the snippets point,
		// and whether that is the site's public address (-base-url) or
		// only the one this request came to.
		out := api.Embed{Preview: p.Preview, Snippets: map[string]string{}, Address: s.origin(r) + s.site.Root(), Public: s.site.BaseOrigin() != ""}
		for _, sn := range p.Snippets {
			out.Snippets[sn.Name] = sn.Text
		}
		b, err := httpjson.Marshal(out)
		if err != nil {
			return err
		}
		s.send(w, r, response{ctype: httpjson.Type, cache: site.CacheRevalidate, body: encoded{Raw: b}})
		return nil
	}
	b, err := p.Render()
	if err != nil {
		return err
	}
	s.send(w, r, response{ctype: site.HTMLType, cache: site.CacheRevalidate, body: encoded{Raw: b}, document: true, editor: true})
	return nil
}
