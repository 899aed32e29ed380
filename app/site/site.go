// Package site renders what a reader or a host gets: the page of each
// story in each state, the index and error pages, the embed page and the
// demo, with the assets they link to, and lists the whole site as files
// with their headers for an export (and, later, a publisher). It knows
// nothing of HTTP requests: the server hands it the origin and the state.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"strings"

	"explainer/app/repo"
	"explainer/web"
)

// Config says what a site serves and where it lives.
type Config struct {
	// StoriesDir is a folder of story files; "" is the built-in story,
	// at the site's root.
	StoriesDir string
	// BaseURL is the public address (https://example.com/graphics); ""
	// leaves it to each request.
	BaseURL string
	// Static replaces the embedded web/static files (tests use it).
	Static fs.FS
	// AllowEmpty opens a folder with no valid story in it (for the
	// studio, where editors make or fix one) instead of failing.
	AllowEmpty bool
	Logger     *slog.Logger
}

// Site is the stories and assets of one site, and how its pages render.
type Site struct {
	assets  *Assets
	stories *repo.Store
	single  bool     // the built-in story, at the root
	root    string   // path prefix of the site, "" at the domain root
	baseURL *url.URL // nil without a base URL
	version string   // hash of the assets, for go-app
	dir     string   // the stories folder, "" for the built-in story
}

// Open loads the assets and the stories. It fails when there is no valid
// story, so that a broken deployment stops at once; later edits that break
// a story only log.
func Open(cfg Config) (*Site, error) {
	s := &Site{dir: cfg.StoriesDir}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if cfg.BaseURL != "" {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("-base-url %q: want an absolute http(s) URL such as https://example.com/graphics", cfg.BaseURL)
		}
		u.Path = strings.TrimSuffix(u.Path, "/")
		s.baseURL, s.root = u, u.Path
	}
	static := cfg.Static
	if static == nil {
		sub, err := fs.Sub(web.Static, "static")
		if err != nil {
			return nil, err
		}
		static = sub
	}
	a, err := loadAssets(static)
	if err != nil {
		return nil, err
	}
	s.assets = a
	if a.URL("app.wasm") == "" {
		log.Warn("no app.wasm in web/static: pages will work without the interactive layer (run make wasm)")
	}
	s.version = assetsVersion(a)

	var files repo.Files
	if cfg.StoriesDir == "" {
		s.single = true
		sub, err := fs.Sub(web.Stories, "stories")
		if err != nil {
			return nil, err
		}
		files = repo.BuiltIn(sub)
	} else {
		info, err := os.Stat(cfg.StoriesDir)
		if err != nil || !info.IsDir() {
			return nil, fmt.Errorf("-stories %s: not a folder", cfg.StoriesDir)
		}
		d, err := repo.OpenDir(cfg.StoriesDir)
		if err != nil {
			return nil, fmt.Errorf("-stories %s: %w", cfg.StoriesDir, err)
		}
		files = d
	}
	s.stories = repo.New(files, log, FitsInPage)
	loadErr := s.stories.Reload()
	if len(s.stories.List()) == 0 && !cfg.AllowEmpty {
		if loadErr == nil {
			loadErr = errors.New("no *.json story files")
		}
		return nil, fmt.Errorf("no story to serve: %w", loadErr)
	}
	return s, nil
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

// StoriesDir is the folder the stories come from, "" for the built-in one.
func (s *Site) StoriesDir() string { return s.dir }
