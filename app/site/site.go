// Package site renders what a reader or a host gets: the page of each
// story in each state, the index and error pages, the embed page and the
// demo, with the assets they link to, and lists the whole site as files
// with their headers for an export or a publisher. It knows nothing of
// HTTP requests (the server hands it the origin and the state), nor of
// where its parts come from: the program's composition root (app/cli)
// opens the stories and loads the assets, and hands them to New.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"net/url"
	"strings"
	"sync"

	"explainer/app/i18n"
	"explainer/app/repo"
	"explainer/app/share"
)

// Parts are what a site is made of.
type Parts struct {
	// Assets are the static files pages link to (LoadAssets).
	Assets *Assets
	// Stories are the stories served, already loaded.
	Stories *repo.Store
	// Single serves the one story of Stories at the site's root, as for
	// the built-in story, with no index.
	Single bool
	// BaseURL is the public address (https://example.com/graphics), an
	// absolute http(s) URL; nil leaves it to each request.
	BaseURL *url.URL
	// Words are the publisher's own catalogues of the widget's words
	// (messages/ beside the stories), over the built-in ones.
	Words i18n.Overrides
	// Fonts are the publisher's fonts for the share images (fonts/
	// beside the stories), after the built-in ones.
	Fonts [][]byte
}

// Site is the stories and assets of one site, and how its pages render.
type Site struct {
	assets  *Assets
	stories *repo.Store
	single  bool         // the built-in story, at the root
	root    string       // path prefix of the site, "" at the domain root
	baseURL *url.URL     // nil without a base URL
	version string       // hash of the assets, for go-app
	style   template.CSS // the stylesheet a story page holds (inlineStyle)
	words   i18n.Overrides
	// share draws share images; its fonts are read at the first one.
	share func() (*share.Renderer, error)
}

// New makes a site of its parts. It opens nothing: a site that is made
// has everything it serves.
func New(p Parts) *Site {
	s := &Site{assets: p.Assets, stories: p.Stories, single: p.Single, version: assetsVersion(p.Assets), style: inlineStyle(p.Assets), words: p.Words,
		share: sync.OnceValues(func() (*share.Renderer, error) { return share.New(share.Options{Fonts: p.Fonts}) })}
	if p.BaseURL != nil {
		u := *p.BaseURL
		u.Path = strings.TrimSuffix(u.Path, "/")
		s.baseURL, s.root = &u, u.Path
	}
	return s
}

// assetsVersion names the build: go-app's default, the start time, would
// make every restart look like a new release.
func assetsVersion(a *Assets) string {
	h := sha256.New()
	for _, as := range a.List() {
		h.Write([]byte(as.URL))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Stories is the site's story repository.
func (s *Site) Stories() *repo.Store { return s.stories }

// Assets are the site's static files.
func (s *Site) Assets() *Assets { return s.assets }

// Root is the path prefix the site lives under, "" at the domain root.
func (s *Site) Root() string { return s.root }

// Single says the site is the built-in story, at its root.
func (s *Site) Single() bool { return s.single }
