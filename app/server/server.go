// Package server serves a site over HTTP: prerendered pages, story data,
// the widget's assets and WebAssembly, and the studio when it is given
// one. It is hardened for the open internet (timeouts, limits, safe
// headers, no panics). What it serves is built elsewhere and handed to
// New: the site renders the pages (package site; export and publish write
// the same site out as files), and the program's composition root
// (app/cli) opens the stories and keeps them fresh.
package server

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"golang.org/x/net/netutil"

	"explainer/app/site"
	"explainer/app/studio"
	"explainer/web"
)

// Config is how a server serves; the zero value is good for most.
type Config struct {
	// FrameAncestors lists who may embed the pages (CSP frame-ancestors);
	// "" allows everyone, since embedding is the point.
	FrameAncestors string
	// PageCacheBytes bounds the memory kept for rendered pages, with their
	// compressed forms; 0 means 64 MiB.
	PageCacheBytes int
	// WriteTimeout bounds the time to send a response of up to SendMin
	// bytes; 0 means 30 s. Longer ones must keep up a rate instead.
	WriteTimeout time.Duration
	// SendMin and SendWindow are the slowest a reader may take a longer
	// response: at least SendMin bytes in every SendWindow, or the
	// connection is closed (pace.go). 0 means 32 KiB and 20 s.
	SendMin    int
	SendWindow time.Duration
	// MaxConns bounds the connections open at once; more wait to be
	// accepted. 0 means three quarters of the process's file limit, so
	// that slow readers cannot use up the descriptors that story files
	// and the listener need.
	MaxConns int
	// ConnsPerClient bounds the connections open from one client address
	// (an IPv6 /64); more are answered 503 (clients.go). 0 means an
	// eighth of MaxConns, from 8 to 64, or none with TrustProxy, where
	// every connection comes from the proxy; -1 means none.
	ConnsPerClient int
	// LargeConns bounds the responses of a megabyte or more (the
	// WebAssembly) being sent at once; more are answered 503, so that
	// the other connections stay for pages and /healthz (large.go). 0
	// means half of MaxConns.
	LargeConns int
	// Drain is how long requests in flight may take to finish once the
	// server is told to stop; 0 means 30 seconds.
	Drain time.Duration
	// HealthDetails lists, on /healthz, the story files not served and
	// why, to anyone (for a server on a private network).
	HealthDetails bool
	// HealthToken, when set, shows those details to requests that carry
	// it ("Authorization: Bearer TOKEN"). Without either, /healthz says
	// only that the server is alive: who asks is never guessed from the
	// peer address, which behind a proxy on the same machine is everyone.
	HealthToken string
	// TrustProxy takes the public scheme and host from the
	// X-Forwarded-Proto and X-Forwarded-Host headers a reverse proxy sets,
	// when the site has no base URL. Only for a server that nothing can reach
	// but through that proxy: anyone else could set the headers too.
	TrustProxy bool
	Logger     *slog.Logger
}

// Server serves stories over HTTP.
type Server struct {
	cfg  Config
	log  *slog.Logger
	site *site.Site
	// studio, when set, is served under /studio/.
	studio *studio.Studio
	pages  *pageCache
	schema *site.Page // the JSON Schema of story files
	csp    string     // story pages: framed by whoever -frame-ancestors allows
	// editorCSP is for the newsroom's pages (embed page, demo), which only
	// the site itself may frame.
	editorCSP string
	handler   http.Handler
	// largeSlots holds a token per large response being sent.
	largeSlots chan struct{}
	// clients counts connections by client address (nil when there is
	// no cap).
	clients *clients
}

// New serves st, and ed under /studio/ when it is not nil: the studio
// (the browser editor) on the folder of st's stories, where a story saved
// is served at once.
func New(st *site.Site, ed *studio.Studio, cfg Config) (*Server, error) {
	cacheBytes := cfg.PageCacheBytes
	if cacheBytes <= 0 {
		cacheBytes = 64 << 20
	}
	s := &Server{cfg: cfg, log: cfg.Logger, site: st, studio: ed, pages: newPageCache(cacheBytes)}
	if s.log == nil {
		s.log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if err := checkFrameAncestors(cfg.FrameAncestors); err != nil {
		return nil, err
	}
	var err error
	if s.schema, err = site.NewPage(web.Schema, 9); err != nil {
		return nil, err
	}
	s.csp = contentSecurityPolicy(cfg.FrameAncestors)
	s.editorCSP = contentSecurityPolicy("'self'")
	if ed != nil {
		// A story saved in the studio is served at once, not at the
		// watcher's next look.
		var httpsHost string
		if host, ok := strings.CutPrefix(st.BaseOrigin(), "https://"); ok {
			httpsHost, _, _ = strings.Cut(host, ":")
		}
		ed.Mount(st.Root(), httpsHost)
		ed.OnSave(func(string) {
			if err := st.Stories().Reload(); err != nil {
				s.log.Warn("reloading the stories after a save", "err", err)
			}
		})
	}
	s.largeSlots = make(chan struct{}, s.largeConns())
	if n := s.connsPerClient(); n > 0 {
		s.clients = newClients(n, s.cfg.ConnsPerClient > 0)
	}
	s.handler = s.routes()
	return s, nil
}

// Site is what the server serves.
func (s *Server) Site() *site.Site { return s.site }

// Handler returns the HTTP handler with all routes and protections.
func (s *Server) Handler() http.Handler { return s.handler }

func (s *Server) writeTimeout() time.Duration {
	if s.cfg.WriteTimeout > 0 {
		return s.cfg.WriteTimeout
	}
	return 30 * time.Second
}

func (s *Server) maxConns() int {
	if s.cfg.MaxConns > 0 {
		return s.cfg.MaxConns
	}
	return max(64, fileLimit()*3/4)
}

// Run serves on addr until ctx ends, then stops accepting connections and
// lets requests in flight finish (for up to Config.Drain).
func (s *Server) Run(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ctx, ln)
}

// Serve is Run on a listener that is already open.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      s.writeTimeout(), // small responses; longer ones are paced (pace.go)
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	// The limit listener takes one of MaxConns, then accepts through the
	// cap per client, which refuses a connection over it and accepts the
	// next: a refused connection never holds one of MaxConns.
	if s.clients != nil {
		ln = &clientListener{ln, s.clients}
	}
	ln = netutil.LimitListener(ln, s.maxConns())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("serving", "addr", "http://"+ln.Addr().String(), "stories", len(s.site.Stories().List()))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	drain := s.cfg.Drain
	if drain <= 0 {
		drain = 30 * time.Second
	}
	s.log.Info("shutting down: finishing requests in flight", "drain", drain)
	shutdownCtx, cancel := context.WithTimeout(context.Background(), drain)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
