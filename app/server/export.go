//go:build !wasm

package server

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"explainer/app/i18n"
	"explainer/web"
)

// Export writes the whole site as static files under dir: every story page
// prerendered at its first event, the story data, the assets with their
// .br and .gz forms beside them, the schema and a 404 page. Any static
// host or CDN can serve the result; with a BaseURL it works under that
// sub-path. It returns the number of files written.
//
// A static host cannot prerender ?event= links: readers without the
// WebAssembly see the first event there, and the WebAssembly then shows
// the one in the URL.
func (s *Server) Export(dir string) (int, error) {
	n := 0
	write := func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(name, "/")))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(p, data, 0o644)
	}
	for _, as := range s.assets.list() {
		if err := write(as.URL, as.raw); err != nil {
			return n, err
		}
		if as.gzip != nil {
			if err := write(as.URL+".gz", as.gzip); err != nil {
				return n, err
			}
		}
		if as.brotli != nil {
			if err := write(as.URL+".br", as.brotli); err != nil {
				return n, err
			}
		}
	}
	for _, e := range s.stories.list() {
		pagePath := strings.TrimPrefix(storyPath(s, e.Story.ID), s.root)
		u := &url.URL{Path: s.root + pagePath}
		p, err := s.renderStory(e, u, s.baseOrigin(), false)
		if err != nil {
			return n, err
		}
		if err := write(pagePath+"index.html", p.raw); err != nil {
			return n, err
		}
		if err := write("/s/"+string(e.Story.ID)+".json", e.JSON); err != nil {
			return n, err
		}
	}
	if !s.single {
		all := s.stories.list() // a static host has no ?page=: one page
		index, err := s.indexPage(all, 1, len(all))
		if err != nil {
			return n, err
		}
		if err := write("/index.html", index); err != nil {
			return n, err
		}
	}
	if err := write("/story.schema.json", web.Schema); err != nil {
		return n, err
	}
	notFound, err := s.errorPage(i18n.English, true)
	if err != nil {
		return n, err
	}
	if err := write("/404.html", notFound); err != nil {
		return n, err
	}
	if n == 0 {
		return 0, fmt.Errorf("nothing to export")
	}
	return n, nil
}
