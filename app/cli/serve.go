//go:build !wasm

package cli

import (
	"context"
	"io"
	"log/slog"
	"os"
	"time"

	"explainer/app/server"
)

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "serve [-addr :8080] [-stories DIR] [-base-url URL | -trust-proxy] [-frame-ancestors LIST] [-health-details] [-drain 30s]", stderr)
	addr := fs.String("addr", ":8080", "address to listen on")
	dir := fs.String("stories", "", "folder of story files to serve and watch (default: the built-in story)")
	base := fs.String("base-url", "", "public URL of the site, e.g. https://example.com/graphics")
	ancestors := fs.String("frame-ancestors", "*", "who may embed the pages, as a CSP frame-ancestors list")
	details := fs.Bool("health-details", false, "list the story files not served on /healthz to anyone (else only to requests with the token in $EXPLAINER_HEALTH_TOKEN)")
	trustProxy := fs.Bool("trust-proxy", false, "take the public scheme and host from X-Forwarded-Proto and X-Forwarded-Host (only when the proxy is the sole way in)")
	drain := fs.Duration("drain", 30*time.Second, "on SIGTERM, how long requests in flight may take to finish")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	// Loading a large stories folder takes a while: SIGTERM is honoured
	// during it too.
	type result struct {
		s   *server.Server
		err error
	}
	loaded := make(chan result, 1)
	go func() {
		s, err := server.New(server.Config{StoriesDir: *dir, BaseURL: *base, FrameAncestors: *ancestors, Logger: log, HealthDetails: *details, HealthToken: os.Getenv("EXPLAINER_HEALTH_TOKEN"), TrustProxy: *trustProxy, Drain: *drain})
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
	if err := s.Run(ctx, *addr); err != nil {
		log.Error("server stopped", "err", err)
		return exitFailure
	}
	return exitOK
}
