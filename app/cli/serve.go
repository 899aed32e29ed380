//go:build !wasm

package cli

import (
	"context"
	"io"
	"log/slog"

	"explainer/app/server"
)

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "serve [-addr :8080] [-stories DIR] [-base-url URL] [-frame-ancestors LIST]", stderr)
	addr := fs.String("addr", ":8080", "address to listen on")
	dir := fs.String("stories", "", "folder of story files to serve and watch (default: the built-in story)")
	base := fs.String("base-url", "", "public URL of the site, e.g. https://example.com/graphics")
	ancestors := fs.String("frame-ancestors", "*", "who may embed the pages, as a CSP frame-ancestors list")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	s, err := server.New(server.Config{StoriesDir: *dir, BaseURL: *base, FrameAncestors: *ancestors, Logger: log})
	if err != nil {
		log.Error("cannot start", "err", err)
		return exitFailure
	}
	if err := s.Run(ctx, *addr); err != nil {
		log.Error("server stopped", "err", err)
		return exitFailure
	}
	return exitOK
}
