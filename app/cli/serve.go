package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"explainer/app/server"
)

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", stderr)
	addr := fs.String("addr", ":8080", "address to listen on")
	dir := fs.String("stories", "", "folder of story files to serve and watch (default: the built-in story)")
	edit := fs.Bool("edit", false, "also serve the studio, the browser editor, on the -stories folder at /studio/ (loopback only without an edit token)")
	tokens := tokenFlags(fs)
	base := fs.String("base-url", "", "public URL of the site, e.g. https://example.com/graphics")
	ancestors := fs.String("frame-ancestors", "*", "who may embed the pages, as a CSP frame-ancestors list")
	details := fs.Bool("health-details", false, "list the story files not served on /healthz to anyone (else only to requests with the token in $EXPLAINER_HEALTH_TOKEN)")
	trustProxy := fs.Bool("trust-proxy", false, "take the public scheme and host from X-Forwarded-Proto and X-Forwarded-Host (only when the proxy is the sole way in)")
	drain := fs.Duration("drain", 30*time.Second, "on SIGTERM, how long requests in flight may take to finish")
	maxConns := fs.Int("max-conns", 0, "connections open at once (default three quarters of the file limit)")
	perClient := fs.Int("conns-per-client", 0, "connections open at once from one address, or IPv6 /64; -1 for no cap (default an eighth of -max-conns, 8 to 64, not counting peers on loopback or private networks, where proxies are; none with -trust-proxy, where the proxy should limit)")
	largeConns := fs.Int("large-conns", 0, "responses of a megabyte or more (the WebAssembly) sent at once; more get 503 (default half of -max-conns)")
	sendMin := fs.Int("send-min", 0, "bytes a reader must take in every -send-window, or be cut off (default 32768)")
	sendWindow := fs.Duration("send-window", 0, "the window of -send-min (default 20s)")
	liveCache := liveCacheFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	sf := siteFlags{stories: *dir, baseURL: *base, liveCache: *liveCache, waitForLive: true}
	cfg := server.Config{FrameAncestors: *ancestors, HealthDetails: *details, HealthToken: os.Getenv("EXPLAINER_HEALTH_TOKEN"), TrustProxy: *trustProxy, Drain: *drain,
		MaxConns: *maxConns, ConnsPerClient: *perClient, LargeConns: *largeConns, SendMin: *sendMin, SendWindow: *sendWindow}
	if !*edit {
		return start(ctx, sf, nil, cfg, *addr, stderr)
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "serve -edit: the studio edits a -stories folder; name one")
		return exitUsage
	}
	token, err := tokens.token(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "serve -edit: %v\n", err)
		return exitUsage
	}
	return start(ctx, sf, &studioFlags{token: token}, cfg, *addr, stderr)
}

// edit opens the studio on a story file or a folder of them, on
// loopback: explainer edit FILE|DIR.
func edit(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("edit", stderr)
	addr := fs.String("addr", "127.0.0.1:8081", "address to listen on")
	base := fs.String("base-url", "", "public URL of the site the stories are published to, e.g. https://example.com/graphics: the embed code points there (without it, the code is for local preview only)")
	tokens := tokenFlags(fs)
	liveCache := liveCacheFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	token, err := tokens.token(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "explainer edit: %v\n", err)
		return exitUsage
	}
	path := fs.Arg(0)
	fi, err := os.Stat(path)
	if err != nil {
		fmt.Fprintf(stderr, "explainer edit: %v\n", err)
		return exitFailure
	}
	dir, ed := path, &studioFlags{token: token}
	if !fi.IsDir() {
		dir, ed.only = filepath.Dir(path), filepath.Base(path)
	}
	return start(ctx, siteFlags{stories: dir, baseURL: *base, liveCache: *liveCache, waitForLive: true}, ed, server.Config{}, *addr, stderr)
}

// liveCacheFlag is -live-cache, of every command that reads stories.
func liveCacheFlag(fs *flag.FlagSet) *string {
	return fs.String("live-cache", "", "`DIR` where live stories keep their source's last good content and their corrections, for a restart; off for nowhere (default: explainer/live in the user's cache folder)")
}

// start builds the server of f, with the studio when edit is set, and
// serves until ctx ends, keeping the stories fresh. Loading a large
// stories folder takes a while: SIGTERM is honoured during it too.
func start(ctx context.Context, f siteFlags, edit *studioFlags, cfg server.Config, addr string, stderr io.Writer) int {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	type result struct {
		s       *server.Server
		stories *stories
		err     error
	}
	loaded := make(chan result, 1)
	go func() {
		s, st, err := buildServer(f, edit, cfg, log)
		loaded <- result{s, st, err}
	}()
	var s *server.Server
	var st *stories
	select {
	case <-ctx.Done():
		log.Info("stopped while loading the stories")
		return exitOK
	case r := <-loaded:
		if r.err != nil {
			log.Error("cannot start", "err", r.err)
			return exitFailure
		}
		s, st = r.s, r.stories
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Error("cannot listen", "err", err)
		return exitFailure
	}
	if msg := proxyWarning(ln.Addr(), s.Site().BaseOrigin() != "", cfg.TrustProxy); msg != "" {
		log.Warn(msg)
	}
	if edit != nil {
		link := "/studio/"
		if edit.token != "" {
			link += "?token=…" // the token itself stays out of logs
		}
		log.Info("the studio is open", "url", "http://"+ln.Addr().String()+s.Site().Root()+link)
		if msg := loopbackOnly(ln.Addr(), edit.token != ""); msg != "" {
			log.Warn(msg)
		}
	}
	watchCtx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	st.follow(watchCtx)
	if err := s.Serve(ctx, ln); err != nil {
		log.Error("server stopped", "err", err)
		return exitFailure
	}
	return exitOK
}
