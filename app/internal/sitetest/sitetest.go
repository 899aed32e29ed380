// Package sitetest makes a test's site from the test's own parts, as the
// program's composition root (app/cli/build.go) makes one from its
// flags: a real stories folder read by a real repository, and real
// assets.
package sitetest

import (
	"errors"
	"io"
	"io/fs"
	"log/slog"
	"net/url"
	"testing"

	"explainer/app/internal/testenv"
	"explainer/app/repo"
	"explainer/app/site"
	"explainer/web"
)

// Parts say what a test's site is made of; the zero value is the
// built-in story with the WebAssembly built from the source under test.
type Parts struct {
	// Stories is a folder of story files; "" is the built-in story, at
	// the site's root.
	Stories string
	// BaseURL is the site's public address, "" for none.
	BaseURL string
	// Static are the static files; nil is web/static with the
	// WebAssembly built from this source (testenv.Static).
	Static fs.FS
	// AllowEmpty makes a site of a folder with no valid story, as for
	// the studio.
	AllowEmpty bool
	Logger     *slog.Logger
}

// Open makes the site, with its stories loaded; it fails when none is
// valid, unless p.AllowEmpty.
func Open(p Parts) (*site.Site, error) {
	log := p.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	static := p.Static
	if static == nil {
		var err error
		if static, err = testenv.Static(); err != nil {
			return nil, err
		}
	}
	assets, err := site.LoadAssets(static)
	if err != nil {
		return nil, err
	}
	var base *url.URL
	if p.BaseURL != "" {
		if base, err = url.Parse(p.BaseURL); err != nil {
			return nil, err
		}
	}
	var files repo.Files
	if p.Stories == "" {
		sub, err := fs.Sub(web.Stories, "stories")
		if err != nil {
			return nil, err
		}
		files = repo.BuiltIn(sub)
	} else if files, err = repo.OpenDir(p.Stories); err != nil {
		return nil, err
	}
	stories := repo.New(files, log, site.FitsInPage)
	if err := stories.Reload(); len(stories.List()) == 0 && !p.AllowEmpty {
		return nil, errors.Join(errors.New("no story to serve"), err)
	}
	return site.New(site.Parts{Assets: assets, Stories: stories, Single: p.Stories == "", BaseURL: base}), nil
}

// New is Open for a test, which fails when Open does.
func New(tb testing.TB, p Parts) *site.Site {
	tb.Helper()
	s, err := Open(p)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}
