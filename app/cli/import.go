package cli

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"explainer/app/internal/atomicfile"
	"explainer/app/story"
	"explainer/app/timelinejs"
)

// importTimeline converts a TimelineJS timeline (JSON or a sheet's CSV)
// into a story file.
func importTimeline(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", stderr)
	out := fs.String("o", "", "write the story to `FILE` (default: standard output)")
	id := fs.String("id", "", "the story's `ID` (default: made from the title)")
	lang := fs.String("lang", "", "the `LANG`uage of the timeline's text, a BCP 47 tag such as en or uk (default: uk or ru for text in their letters, else en)")
	zone := fs.String("zone", "", "the IANA time `ZONE` of the timeline's times of day (TimelineJS has none; without it they are dropped)")
	base := fs.String("base", "", "the `URL` that relative media and link addresses are relative to (default for a URL: itself)")
	force := fs.Bool("force", false, "replace FILE given with -o if it exists")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	opt := timelinejs.Options{ID: story.ID(*id), Lang: story.Lang(*lang), Zone: story.Zone(*zone)}
	if *zone != "" {
		if err := timelinejs.CheckZone(opt.Zone); err != nil {
			fmt.Fprintf(stderr, "explainer import: -zone: %v\n", err)
			return exitUsage
		}
	}
	if *base != "" {
		u, err := url.Parse(*base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			fmt.Fprintf(stderr, "explainer import: -base %q is not an http(s) address\n", *base)
			return exitUsage
		}
		opt.Base = u
	}
	name := fs.Arg(0)
	var data []byte
	var err error
	if isURL(name) {
		data, err = download(name)
		if err == nil && opt.Base == nil {
			// A timeline online names its pictures next to it.
			opt.Base, _ = url.Parse(name)
		}
	} else {
		data, err = readStory(name)
	}
	if name == "-" {
		name = "<stdin>"
	}
	if err != nil {
		fmt.Fprintf(stderr, "explainer import: %v\n", err)
		return exitFailure
	}
	if len(data) > story.MaxFileSize {
		fmt.Fprintf(stderr, "explainer import: %s: larger than %d bytes\n", name, story.MaxFileSize)
		return exitFailure
	}
	res, err := timelinejs.Convert(name, data, opt)
	if err != nil {
		var list timelinejs.Errors
		if errors.As(err, &list) {
			for _, p := range list {
				fmt.Fprintln(stderr, p)
			}
			word := "errors"
			if len(list) == 1 {
				word = "error"
			}
			fmt.Fprintf(stderr, "%s: %d %s: no story written\n", name, len(list), word)
		} else {
			fmt.Fprintln(stderr, err)
		}
		return exitFailure
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	if *out == "" {
		if _, err := stdout.Write(res.JSON); err != nil {
			fmt.Fprintf(stderr, "explainer import: %v\n", err)
			return exitFailure
		}
	} else {
		if err := writeNew(*out, res.JSON, *force); err != nil {
			fmt.Fprintf(stderr, "explainer import: %v\n", err)
			return exitFailure
		}
	}
	s := res.Story
	fmt.Fprintf(stderr, "%s: %q (%s), %d events, %d phases, %d groups, %d quotes, %d warnings\n", name, s.Title, s.ID, len(s.Events), len(s.Phases), len(s.Groups), len(s.Quotes), len(res.Warnings))
	return exitOK
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// download fetches a timeline from the web: a TimelineJS JSON file, or a
// Google Sheet published to the web as CSV. It gives up after a while
// and never reads more than a story may be.
func download(address string) ([]byte, error) {
	client := &http.Client{Timeout: 60 * time.Second}
	res, err := client.Get(address)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: the server answered %s", address, res.Status)
	}
	return io.ReadAll(io.LimitReader(res.Body, story.MaxFileSize+1))
}

// writeNew writes a file whole or not at all, so that an interrupted
// import leaves no half story for the server to find.
func writeNew(name string, data []byte, force bool) error {
	if _, err := os.Lstat(name); err == nil && !force {
		return fmt.Errorf("%s exists: pass -force to replace it", name)
	}
	return atomicfile.Write(name, data, 0o644)
}
