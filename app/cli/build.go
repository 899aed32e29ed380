package cli

// The program's composition root: every command that serves or writes a
// site builds what it runs on here, from its flags, and hands each part
// what it needs. The stories folder is opened once, by openStories, and
// that one repo.Dir is what the site's repository reads and the studio
// edits; the repository is reloaded by the watch started here. Below
// this file nothing opens a folder, reads web/static or knows a flag.

import (
	"context"
	"errors"
	"fmt"
	iofs "io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"explainer/app/i18n"
	"explainer/app/live"
	"explainer/app/repo"
	"explainer/app/server"
	"explainer/app/share"
	"explainer/app/site"
	"explainer/app/studio"
	"explainer/web"
)

// Static, when set, is the site's static files in place of those built
// into the binary (web/static), for every command: end-to-end tests that
// run the command line give it the WebAssembly built from the source
// under test, which a fresh clone's web/static does not hold.
var Static iofs.FS

// siteFlags are the flags that say which site a command builds.
type siteFlags struct {
	stories string // -stories: a folder of story files; "" is the built-in story
	baseURL string // -base-url, "" for none
	// allowEmpty builds a site from a folder with no valid story yet:
	// the studio is how one gets there.
	allowEmpty bool
	// liveCache is -live-cache: where live stories are kept for a
	// restart; "" is the user's cache folder, "off" nowhere.
	liveCache string
	// waitForLive starts a server whose only stories wait for their
	// live sources (serve, edit), where a command that writes the site
	// once (export, publish) stops.
	waitForLive bool
}

// stories are the stories a command runs on: the folder they are read
// from and the repository that reads them.
type stories struct {
	path  string    // the -stories folder, "" for the built-in story
	dir   *repo.Dir // nil for the built-in story
	store *repo.Store
	// live reads the sources live stories name; nil for the built-in
	// story. Its schedules run with follow.
	live *live.Poller
}

// follow keeps the stories fresh until ctx ends: the folder is read
// again on change (or every second where the file system sends no
// notice), when its path is swapped for another, and every 10 s in any
// case; live sources are read on their schedules.
func (st *stories) follow(ctx context.Context) {
	if st.dir == nil {
		return
	}
	go st.live.Run(ctx)
	go st.store.Watch(ctx, st.path, time.Second)
}

// buildSite opens the stories and loads the assets, checks the public
// address, and makes the site of them. It fails when there is no valid
// story (unless f.allowEmpty), so that a broken deployment stops at once;
// later edits that break a story only log.
func buildSite(f siteFlags, log *slog.Logger) (*site.Site, *stories, error) {
	base, err := parseBaseURL(f.baseURL)
	if err != nil {
		return nil, nil, err
	}
	assets, err := loadAssets(Static, log)
	if err != nil {
		return nil, nil, err
	}
	st, err := openStories(f.stories, f.liveCache, log)
	if err != nil {
		return nil, nil, err
	}
	st.store.Reload()
	if st.live != nil && len(st.live.All()) > 0 {
		// A live story never read (nor kept from an earlier run) is
		// served from the start, not at its source's next turn: each
		// source that gives content reloads the store (Follow).
		st.live.Prime(context.Background())
	}
	if len(st.store.List()) == 0 && !f.allowEmpty {
		var errs []error
		for _, p := range st.store.Problems() {
			errs = append(errs, p.Err)
		}
		if len(errs) == 0 {
			return nil, nil, errors.New("no story to serve: no *.json story files")
		}
		if !f.waitForLive || !st.store.Waiting() {
			return nil, nil, fmt.Errorf("no story to serve: %w", errors.Join(errs...))
		}
		// A server whose stories all wait for their sheets starts
		// anyway, and serves each as its sheet answers: a sheet down
		// for a moment must not stop a deployment.
		log.Warn("no story to serve yet: the live stories wait for their sources", "problems", errors.Join(errs...).Error())
	}
	words, err := publisherWords(st.dir)
	if err != nil {
		return nil, nil, err
	}
	var fonts [][]byte
	if st.dir != nil {
		if fonts, err = st.dir.Fonts(); err != nil {
			return nil, nil, fmt.Errorf("the fonts beside the stories: %w", err)
		}
		// Read them now, so that a broken font stops the start rather
		// than every share image later.
		if _, err := share.New(share.Options{Fonts: fonts}); err != nil {
			return nil, nil, fmt.Errorf("the fonts beside the stories: %w", err)
		}
	}
	return site.New(site.Parts{Assets: assets, Stories: st.store, Single: st.dir == nil, BaseURL: base, Words: words, Fonts: fonts}), st, nil
}

// publisherWords reads the publisher's catalogues of the widget's words,
// messages/*.json beside the stories. One that does not check stops the
// start with every problem named, as a broken deployment should; they are
// read once, at the start.
func publisherWords(dir *repo.Dir) (i18n.Overrides, error) {
	if dir == nil {
		return nil, nil
	}
	files, err := dir.Messages()
	if err != nil {
		return nil, fmt.Errorf("the widget's words beside the stories: %w", err)
	}
	ov, err := i18n.ParseOverrides(files)
	if err != nil {
		return nil, fmt.Errorf("the widget's words beside the stories (explainer validate %s/*.json checks them):\n%w", repo.MessagesDir, err)
	}
	return ov, nil
}

// parseBaseURL reads -base-url: an absolute http(s) URL, or "" for none.
func parseBaseURL(s string) (*url.URL, error) {
	if s == "" {
		return nil, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("-base-url %q: want an absolute http(s) URL such as https://example.com/graphics", s)
	}
	return u, nil
}

// loadAssets loads static, or the static files built into the binary
// when it is nil.
func loadAssets(static iofs.FS, log *slog.Logger) (*site.Assets, error) {
	if static == nil {
		sub, err := iofs.Sub(web.Static, "static")
		if err != nil {
			return nil, err
		}
		static = sub
	}
	a, err := site.LoadAssets(static)
	if err != nil {
		return nil, err
	}
	if a.URL("app.wasm") == "" {
		log.Warn("no app.wasm in web/static: pages will work without the interactive layer (run make wasm)")
	}
	return a, nil
}

// openStories opens the -stories folder, or the built-in story for "",
// into a repository that is not loaded yet.
func openStories(path, liveCache string, log *slog.Logger) (*stories, error) {
	st := &stories{path: path}
	var files repo.Files
	if path == "" {
		sub, err := iofs.Sub(web.Stories, "stories")
		if err != nil {
			return nil, err
		}
		files = repo.BuiltIn(sub)
	} else {
		if info, err := os.Stat(path); err != nil || !info.IsDir() {
			return nil, fmt.Errorf("-stories %s: not a folder", path)
		}
		d, err := repo.OpenDir(path)
		if err != nil {
			return nil, fmt.Errorf("-stories %s: %w", path, err)
		}
		st.dir, files = d, d
	}
	st.store = repo.New(files, log, site.FitsInPage)
	if st.dir != nil {
		st.live = live.NewPoller(live.Config{Logger: log})
		st.store.Follow(st.live, live.NewCache(liveCacheDir(liveCache, log)))
	}
	return st, nil
}

// liveCacheDir is where live stories are kept for a restart: the flag's
// folder, else the user's cache folder; "" (keep nothing) for "off", or
// when there is no cache folder.
func liveCacheDir(flag string, log *slog.Logger) string {
	switch flag {
	case "off":
		return ""
	case "":
		dir, err := os.UserCacheDir()
		if err != nil {
			// Said only where it matters: most sites have no live story.
			log.Debug("no cache folder: live stories are not kept for a restart (-live-cache names one)", "err", err)
			return ""
		}
		return filepath.Join(dir, "explainer", "live")
	}
	return flag
}

// buildServer builds the server of serve and edit: the site of f, the
// studio on its folder when edit names what it edits (the folder, or
// one file of it), and the server of both.
func buildServer(f siteFlags, edit *studioFlags, cfg server.Config, log *slog.Logger) (*server.Server, *stories, error) {
	f.allowEmpty = edit != nil
	st, stories, err := buildSite(f, log)
	if err != nil {
		return nil, nil, err
	}
	var ed *studio.Studio
	if edit != nil {
		if ed, err = studio.Open(stories.dir, edit.only, studio.Config{Token: edit.token, Logger: log, Check: site.Check, Served: stories.store}); err != nil {
			return nil, nil, fmt.Errorf("cannot open the studio: %w", err)
		}
	}
	cfg.Logger = log
	s, err := server.New(st, ed, cfg)
	return s, stories, err
}

// studioFlags say what the studio edits: the -stories folder, or only
// one file of it, and who may (token, "" for loopback only).
type studioFlags struct {
	only  string
	token string
}
