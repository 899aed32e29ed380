//go:build !wasm

package server

import (
	"net/http"
	"strings"

	"explainer/app/story"
	"explainer/web"
)

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.serveHome)
	mux.HandleFunc("GET /s/{name}", s.serveStoryFile)
	mux.HandleFunc("GET /s/{id}/{$}", s.serveStoryPage)
	mux.HandleFunc("GET /assets/{file}", s.serveAsset)
	mux.HandleFunc("GET /story.schema.json", s.serveSchema)
	mux.HandleFunc("GET /healthz", s.serveHealth)
	mux.HandleFunc("GET /", s.notFound) // other methods get 405 from the mux
	var h http.Handler = mux
	if s.root != "" {
		h = s.underRoot(mux)
	}
	return s.recoverPanics(s.secure(h))
}

// underRoot serves the site under the path of its base URL: /graphics
// goes to /graphics/, and anything outside it gets the 404 page.
func (s *Server) underRoot(mux http.Handler) http.Handler {
	inner := http.StripPrefix(s.root, mux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == s.root:
			http.Redirect(w, r, s.root+"/", http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, s.root+"/"):
			inner.ServeHTTP(w, r)
		default:
			s.notFound(w, r)
		}
	})
}

// serveHome is the built-in story, or the index of a stories folder.
func (s *Server) serveHome(w http.ResponseWriter, r *http.Request) {
	if !s.single {
		s.writeHTML(w, r, http.StatusOK, s.indexPage())
		return
	}
	s.serveStory(w, r, s.stories.list()[0])
}

func (s *Server) serveStoryPage(w http.ResponseWriter, r *http.Request) {
	e, ok := s.stories.get(story.ID(r.PathValue("id")))
	if !ok {
		s.notFound(w, r)
		return
	}
	s.serveStory(w, r, e)
}

// serveStory sends the prerendered page of a story.
func (s *Server) serveStory(w http.ResponseWriter, r *http.Request, e *entry) {
	p := s.pages.get(pageKey(e, r.URL.Query()), func() *page { return s.renderStory(e, r.URL) })
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache") // revalidate: corrections show at once
	h.Set("ETag", p.ETag)
	s.setDocumentHeaders(h)
	if match(r.Header.Get("If-None-Match"), p.ETag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := negotiate(w, r, p.encoded)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// serveStoryFile answers /s/{id}.json with the story data, and redirects
// /s/{id} to the page at /s/{id}/.
func (s *Server) serveStoryFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	id, isJSON := strings.CutSuffix(name, ".json")
	e, ok := s.stories.get(story.ID(id))
	if !ok {
		s.notFound(w, r)
		return
	}
	if !isJSON {
		http.Redirect(w, r, s.root+"/s/"+id+"/", http.StatusMovedPermanently)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-cache")
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("ETag", e.ETag)
	if match(r.Header.Get("If-None-Match"), e.ETag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := negotiate(w, r, e.JSONEncoded)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

func (s *Server) serveSchema(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "application/schema+json")
	h.Set("Cache-Control", "no-cache")
	h.Set("Access-Control-Allow-Origin", "*")
	body := negotiate(w, r, encoded{raw: web.Schema})
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// serveHealth reports liveness, and which story files are not being
// served as saved (their last good version is).
func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	var b strings.Builder
	b.WriteString("ok\n")
	for file, err := range s.stories.problems() {
		b.WriteString("stale: " + file + ": " + strings.SplitN(err.Error(), "\n", 2)[0] + "\n")
	}
	if r.Method != http.MethodHead {
		w.Write([]byte(b.String()))
	}
}
