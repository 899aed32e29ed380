//go:build !wasm

package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"explainer/app/server"
	"explainer/app/studio"
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
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	cfg := server.Config{StoriesDir: *dir, BaseURL: *base, FrameAncestors: *ancestors, HealthDetails: *details, HealthToken: os.Getenv("EXPLAINER_HEALTH_TOKEN"), TrustProxy: *trustProxy, Drain: *drain,
		MaxConns: *maxConns, ConnsPerClient: *perClient, LargeConns: *largeConns, SendMin: *sendMin, SendWindow: *sendWindow}
	if !*edit {
		return start(ctx, cfg, *addr, studioStart{}, stderr)
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
	return runStudio(ctx, cfg, *dir, *addr, token, stderr)
}

// edit opens the studio on a story file or a folder of them, on
// loopback: explainer edit FILE|DIR.
func edit(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("edit", stderr)
	addr := fs.String("addr", "127.0.0.1:8081", "address to listen on")
	base := fs.String("base-url", "", "public URL of the site the stories are published to, e.g. https://example.com/graphics: the embed code points there (without it, the code is for local preview only)")
	tokens := tokenFlags(fs)
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
	dir := path
	if !fi.IsDir() {
		dir = filepath.Dir(path)
	}
	return runStudio(ctx, server.Config{StoriesDir: dir, BaseURL: *base}, path, *addr, token, stderr)
}

// runStudio serves the stories of cfg with the studio on path.
func runStudio(ctx context.Context, cfg server.Config, path, addr, token string, stderr io.Writer) int {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	st, err := studio.New(studio.Config{Path: path, Token: token, Logger: log})
	if err != nil {
		log.Error("cannot open the studio", "err", err)
		return exitFailure
	}
	cfg.Studio = st
	link := "/studio/"
	if token != "" {
		link += "?token=…" // the token itself stays out of logs
	}
	return start(ctx, cfg, addr, studioStart{link: link, token: token != ""}, stderr)
}

// studioStart is what start says of the studio: its page's path ("" for
// no studio), and whether it has an edit token.
type studioStart struct {
	link  string
	token bool
}

// start starts a server and serves until ctx ends. Loading a large stories
// folder takes a while: SIGTERM is honoured during it too.
func start(ctx context.Context, cfg server.Config, addr string, studio studioStart, stderr io.Writer) int {
	log := slog.New(slog.NewTextHandler(stderr, nil))
	cfg.Logger = log
	type result struct {
		s   *server.Server
		err error
	}
	loaded := make(chan result, 1)
	go func() {
		s, err := server.New(cfg)
		loaded <- result{s, err}
	}()
	var s *server.Server
	select {
	case <-ctx.Done():
		log.Info("stopped while loading the stories")
		return exitOK
	case r := <-loaded:
		if r.err != nil {
			log.Error("cannot start", "err", r.err)
			return exitFailure
		}
		s = r.s
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Error("cannot listen", "err", err)
		return exitFailure
	}
	if studio.link != "" {
		log.Info("the studio is open", "url", "http://"+ln.Addr().String()+s.Site().Root()+studio.link)
		if msg := loopbackOnly(ln.Addr(), studio.token); msg != "" {
			log.Warn(msg)
		}
	}
	if err := s.Serve(ctx, ln); err != nil {
		log.Error("server stopped", "err", err)
		return exitFailure
	}
	return exitOK
}
