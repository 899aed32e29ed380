// Package cli is the explainer command line: serve, edit, validate,
// schema, export, publish, import and version. No WebAssembly program
// imports it or the server it starts (app/internal/wasmbuild's test
// checks), so none of it reaches what readers download.
package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and found problems, or failed
	exitUsage   = 2 // the command line was wrong
)

// version is set at build time: -ldflags "-X explainer/app/cli.version=v1.2.3".
var version = "dev"

const usage = `explainer serves interactive news explainers: a timeline and quote cards.

Usage:
  explainer serve    [-addr :8080] [-stories DIR] [-edit [-edit-token-file FILE]] [-base-url URL | -trust-proxy] [-frame-ancestors LIST] [-health-details] [-drain 30s]
  explainer edit     [-addr 127.0.0.1:8081] [-edit-token-file FILE] [-base-url URL] FILE|DIR (the studio: a browser editor with a live preview)
  explainer validate [-json] FILE... (- for standard input)
  explainer schema
  explainer export   -out DIR [-stories DIR] [-base-url URL] [-force]
  explainer publish  -to URL [-stories DIR [-watch]] [-base-url URL] [-encoding auto|br|gzip|none] [-dry-run] (to S3, GCS, Azure Blob or a folder)
  explainer import   [-o FILE] [-id ID] [-lang LANG] [-zone ZONE] [-base URL] FILE|URL (TimelineJS JSON or a sheet's CSV; - for standard input)
  explainer version

Run "explainer COMMAND -h" for the flags of a command.
`

// Main runs the command line and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		return serve(ctx, rest, stdout, stderr)
	case "edit":
		return edit(ctx, rest, stdout, stderr)
	case "validate":
		return validate(rest, stdout, stderr)
	case "schema":
		return schema(rest, stdout, stderr)
	case "export":
		return exportSite(rest, stdout, stderr)
	case "publish":
		return publishSite(ctx, rest, stdout, stderr)
	case "import":
		return importTimeline(rest, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "explainer", version)
		return exitOK
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "explainer: unknown command %q\n\n%s", cmd, usage)
		return exitUsage
	}
}

// parseFlags parses a command's flags; it returns an exit code and false
// when the command should not go on.
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	switch err := fs.Parse(args); err {
	case nil:
		return 0, true
	case flag.ErrHelp:
		return exitOK, false
	default:
		return exitUsage, false
	}
}

func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: explainer %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}
