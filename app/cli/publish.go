package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"time"

	"explainer/app/publish"
	"explainer/app/site"
)

func publishSite(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("publish", stderr)
	to := fs.String("to", "", "bucket URL: s3://BUCKET?region=R (any S3-compatible store: &endpoint=URL&use_path_style=true), gs://BUCKET, azblob://CONTAINER, file:///DIR; &prefix=DIR/ puts the site under a folder (required)")
	dir := fs.String("stories", "", "folder of story files (default: the built-in story)")
	base := fs.String("base-url", "", "public URL the site will live at, e.g. https://example.com/graphics")
	encoding := fs.String("encoding", "auto", "how objects are stored: br (assets as brotli, which browsers take only over https), gzip (every client), none (for a CDN that compresses), or auto (br when -base-url is https, else gzip); a folder (file://) always gets plain files, with .br and .gz copies of the assets beside them")
	dry := fs.Bool("dry-run", false, "list what would change, and write nothing")
	force := fs.Bool("force", false, "replace objects at the site's keys that no publish wrote")
	keep := fs.Duration("keep", 24*time.Hour, "how long an asset no page links to any more stays, for readers of older pages (0: delete at once)")
	workers := fs.Int("concurrency", 16, "objects written at once")
	watch := fs.Bool("watch", false, "with -stories: publish again each time a story changes, until stopped")
	liveCache := liveCacheFlag(fs)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *to == "" || fs.NArg() > 0 || (*watch && *dir == "") || (*watch && *dry) || *workers < 1 {
		fs.Usage()
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	start := time.Now()
	// The stories' messages are the server's: "story published" when a
	// story is read, as a server then serves it. A publish has only read
	// it; a dry run never publishes it.
	storyLog := slog.New(renamed{next: log.Handler(), names: map[string]string{"story published": "story to publish"}})
	if *dry {
		storyLog = slog.New(renamed{next: log.Handler(), names: map[string]string{"story published": "would publish story"}})
	}
	enc, err := publish.ChooseEncoding(*encoding, *base, *to)
	if err != nil {
		log.Error("cannot publish", "err", fmt.Errorf("-encoding %q: %w", *encoding, err))
		return exitUsage
	}
	st, stories, err := buildSite(siteFlags{stories: *dir, baseURL: *base, liveCache: *liveCache}, storyLog)
	if err != nil {
		log.Error("cannot publish", "err", err)
		return exitFailure
	}
	open := publish.Open
	if *dry {
		open = publish.OpenDryRun // creates nothing, not even a folder
	}
	bucket, err := open(ctx, *to)
	if err != nil {
		log.Error("cannot publish", "err", err)
		return exitFailure
	}
	defer bucket.Close()
	meter := publish.NewMeter(stderr, isTerminal(stderr))
	keepFor := *keep
	if keepFor == 0 {
		keepFor = -1 // Options.Keep's zero is the default
	}
	opts := publish.Options{DryRun: *dry, Force: *force, Keep: keepFor, Concurrency: *workers, Progress: meter.Update}
	var rendering time.Duration // opening the site and rendering it, before the store's part (sum.Took)
	report := func(sum publish.Summary, err error) {
		meter.Done()
		if *dry {
			for _, c := range sum.Changes {
				fmt.Fprintf(stdout, "%-7s %-6s %10s  %s\n", c.Action, c.Kind, publish.Bytes(c.Size), c.Key)
			}
		}
		switch {
		case err != nil && sum.Uploaded+sum.Deleted > 0:
			log.Error("publish failed half-way: rerun to finish it; meanwhile every page is as it was or as it will be", "err", err, "uploaded", sum.Uploaded, "deleted", sum.Deleted)
			return
		case errors.Is(err, publish.ErrForeign):
			log.Error("publish failed: the site was not changed", "err", err, "hint", "-force replaces them")
			return
		case err != nil:
			log.Error("publish failed: the site was not changed", "err", err)
			return
		}
		attrs := []any{"to", *to, "encoding", string(enc)}
		if rendering > 0 {
			attrs = append(attrs, "rendering", rendering.Round(time.Millisecond))
		}
		log.Info(sum.String(), attrs...)
		if !*dry {
			printEmbedCodes(stdout, log, st, sum.Changes)
		}
	}
	if *watch {
		log.Info("publishing at every change", "stories", *dir, "to", *to)
		stories.follow(ctx)
		publish.Watch(ctx, st, bucket, enc, opts, report)
		return exitOK
	}
	objs, err := publish.Build(st, enc)
	if err != nil {
		log.Error("cannot publish", "err", err)
		return exitFailure
	}
	rendering = time.Since(start)
	sum, err := publish.Publish(ctx, bucket, objs, opts)
	report(sum, err)
	if err != nil {
		return exitFailure
	}
	return exitOK
}

// maxEmbedCodes is the most embed codes one publish prints.
const maxEmbedCodes = 10

// printEmbedCodes writes the embed code of each story whose page a
// publish wrote, made with the site's public address (-base-url): what
// an editor pastes into an article, which works once the site is there.
// Without -base-url, the pages do not know where they will be, and no
// code can say it.
func printEmbedCodes(w io.Writer, log *slog.Logger, st *site.Site, changes []publish.Change) {
	written := map[string]bool{}
	for _, c := range changes {
		if c.Kind == publish.Page || c.Kind == publish.Listing {
			written[c.Key] = c.Action == publish.New || c.Action == publish.Changed
		}
	}
	origin := st.BaseOrigin()
	printed, more := 0, 0
	defer func() {
		if more > 0 {
			log.Info("embed codes not printed: only the first of a large publish are", "printed", printed, "more", more)
		}
	}()
	for _, e := range st.Stories().List() {
		key := strings.TrimPrefix(st.StoryPath(e.Story.ID)[len(st.Root()):], "/") + "index.html"
		if !written[key] {
			continue
		}
		if origin == "" {
			log.Warn("no -base-url: the pages do not know their public address, so there is no embed code to give; publish again with -base-url")
			return
		}
		// A first publish of a large site writes every page: a screenful
		// of codes is useful, a thousand is noise.
		if printed == maxEmbedCodes {
			more++
			continue
		}
		printed++
		for _, sn := range st.EmbedPage(e, url.Values{}, origin).Snippets {
			if sn.Name == "html" {
				fmt.Fprintf(w, "Embed code for %q, at %s:\n%s\n\n", e.Story.Title, st.StoryURL(origin, e.Story.ID), sn.Text)
			}
		}
	}
}

// renamed is a log handler that words some messages differently.
type renamed struct {
	next  slog.Handler
	names map[string]string
}

func (h renamed) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

func (h renamed) Handle(ctx context.Context, r slog.Record) error {
	if name, ok := h.names[r.Message]; ok {
		r.Message = name
	}
	return h.next.Handle(ctx, r)
}

func (h renamed) WithAttrs(attrs []slog.Attr) slog.Handler {
	return renamed{h.next.WithAttrs(attrs), h.names}
}

func (h renamed) WithGroup(name string) slog.Handler {
	return renamed{h.next.WithGroup(name), h.names}
}

// isTerminal reports whether w is a terminal, where progress is drawn in
// place rather than logged line by line.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
