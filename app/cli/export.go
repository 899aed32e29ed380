package cli

import (
	"errors"
	"io"
	"log/slog"

	"explainer/app/export"
)

func exportSite(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("export", stderr)
	out := fs.String("out", "", "folder to write the site to (required)")
	dir := fs.String("stories", "", "folder of story files (default: the built-in story)")
	base := fs.String("base-url", "", "public URL the site will live at, e.g. https://example.com/graphics")
	force := fs.Bool("force", false, "export into a folder that is not empty and holds no earlier export")
	liveCache := liveCacheFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *out == "" {
		fs.Usage()
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	// The site and its files, rendered as the server would, but with no
	// server: nothing here listens or caches.
	st, _, err := buildSite(siteFlags{stories: *dir, baseURL: *base, liveCache: *liveCache}, log)
	if err != nil {
		log.Error("cannot export", "err", err)
		return exitFailure
	}
	files, err := st.Files()
	if err != nil {
		log.Error("export failed", "err", err)
		return exitFailure
	}
	n, err := export.Write(*out, files, *dir, *force)
	if err != nil {
		if errors.Is(err, export.ErrNotEmpty) {
			log.Error("export failed", "err", err, "hint", "-force writes into it all the same")
		} else {
			log.Error("export failed", "err", err)
		}
		return exitFailure
	}
	log.Info("exported", "out", *out, "files", n)
	return exitOK
}
