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
	"slices"
	"strings"
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

// command is one command of the command line. Its synopsis is written
// here only: the overall usage, the command's -h and its complaint about
// a wrong command line all print it, so they cannot drift apart (the
// README's list is held to it by a test).
type command struct {
	name     string
	synopsis string // what follows "explainer NAME"
	summary  string // what it does, one line
	run      func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

// commands is the command line's table, in the order the usage lists it.
// It is a function, not a variable, because the commands' own flag sets
// read it (a variable would refer to itself through them).
func commands() []command {
	return []command{
		{"serve", "[-addr :8080] [-stories DIR] [-edit [-edit-token-file FILE]] [-base-url URL | -trust-proxy] [-frame-ancestors LIST] [-health-details] [-drain 30s]",
			"serve the stories' pages, embeds and data over HTTP", serve},
		{"edit", "[-addr 127.0.0.1:8081] [-edit-token-file FILE] [-base-url URL] FILE|DIR",
			"the studio: a browser editor with a live preview, on a story file or a folder of them", edit},
		{"validate", "[-json] [-offline] FILE...",
			"check story files (- reads standard input)", noContext(validate)},
		{"schema", "",
			"print the JSON Schema of story files", noContext(schema)},
		{"export", "-out DIR [-stories DIR] [-base-url URL] [-force]",
			"write the site to a folder, for any static web server", noContext(exportSite)},
		{"publish", "-to URL [-stories DIR [-watch]] [-base-url URL] [-encoding auto|br|gzip|none] [-dry-run] [-force] [-keep 24h] [-concurrency 16]",
			"write the site to S3, GCS, Azure Blob or a folder, changing only what changed", publishSite},
		{"import", "[-o FILE] [-id ID] [-lang LANG] [-zone ZONE] [-base URL] [-force] FILE|URL",
			"convert a TimelineJS timeline (JSON or a sheet's CSV) to a story file (- reads standard input; a URL is fetched, such as a sheet published as CSV)", noContext(importTimeline)},
		{"version", "",
			"print the version", printVersion},
	}
}

func noContext(run func(args []string, stdout, stderr io.Writer) int) func(context.Context, []string, io.Writer, io.Writer) int {
	return func(_ context.Context, args []string, stdout, stderr io.Writer) int { return run(args, stdout, stderr) }
}

func printVersion(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	fmt.Fprintln(stdout, "explainer", version)
	return exitOK
}

// line is the command as the usage writes it: explainer NAME SYNOPSIS.
func (c command) line() string {
	return strings.TrimSpace("explainer " + c.name + " " + c.synopsis)
}

// usage is the overall usage, printed with no command, an unknown one or help.
func usage() string {
	var b strings.Builder
	b.WriteString("explainer serves interactive news explainers: a timeline and quote cards.\n\nUsage:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %s\n      %s\n", strings.TrimSpace(fmt.Sprintf("explainer %-8s %s", c.name, c.synopsis)), c.summary)
	}
	b.WriteString("\nRun \"explainer COMMAND -h\" for the flags of a command.\n")
	return b.String()
}

// Main runs the command line and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	cmd, rest := args[0], args[1:]
	for _, c := range commands() {
		if c.name == cmd {
			return c.run(ctx, rest, stdout, stderr)
		}
	}
	switch cmd {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage())
		return exitOK
	}
	fmt.Fprintf(stderr, "explainer: unknown command %q\n\n%s", cmd, usage())
	return exitUsage
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

// newFlagSet makes the flag set of the command name, whose Usage prints
// the command's line from the table: call it for a wrong command line too.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	all := commands()
	i := slices.IndexFunc(all, func(c command) bool { return c.name == name })
	if i < 0 {
		panic("cli: no command " + name + " in the table")
	}
	c := all[i]
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: %s\n\n%s.\n", c.line(), c.summary)
		if hasFlags(fs) {
			fmt.Fprint(stderr, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}
