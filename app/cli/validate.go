package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"explainer/app/i18n"
	"explainer/app/live"
	"explainer/app/repo"
	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/timelinejs"
)

// fileResult is the -json output for one file.
type fileResult struct {
	File    string         `json:"file"`
	Valid   bool           `json:"valid"`
	Errors  []errorResult  `json:"errors,omitempty"`
	Summary *summaryResult `json:"summary,omitempty"`
	// Catalogue is set for a catalogue of the widget's words
	// (messages/xx.json beside the stories) in place of Summary.
	Catalogue *catalogueResult `json:"catalogue,omitempty"`
	// Warnings do not make a file invalid: what readers would still
	// miss (a share image no font can draw).
	Warnings []string `json:"warnings,omitempty"`
}

type catalogueResult struct {
	Language string `json:"language"`
	Messages int    `json:"messages"`
}

type errorResult struct {
	// Source is set for a problem in a live story's source (the sheet's
	// address), where Line and Column are the sheet's.
	Source  string `json:"source,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
}

type summaryResult struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Events  int    `json:"events"`
	Quotes  int    `json:"quotes"`
	People  int    `json:"people"`
	Sources int    `json:"sources"`
}

func validate(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("validate", stderr)
	asJSON := fs.Bool("json", false, "print results as JSON, for CI pipelines")
	offline := fs.Bool("offline", false, "check a live story's file alone, without reading its source")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	var results []fileResult
	failed := false
	for _, file := range fs.Args() {
		r := validateFile(file, !*offline)
		failed = failed || !r.Valid
		results = append(results, r)
		if *asJSON {
			continue
		}
		if r.Valid && r.Catalogue != nil {
			fmt.Fprintf(stdout, "%s: ok: the widget's words in %s, %d messages\n", file, r.Catalogue.Language, r.Catalogue.Messages)
			continue
		}
		for _, w := range r.Warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", file, w)
		}
		if r.Valid {
			s := r.Summary
			fmt.Fprintf(stdout, "%s: ok: %q (%s), %d events, %d quotes, %d people, %d sources\n", file, s.Title, s.ID, s.Events, s.Quotes, s.People, s.Sources)
			continue
		}
		for _, e := range r.Errors {
			if e.Source != "" {
				fmt.Fprintln(stderr, timelinejs.Problem{File: e.Source, Line: e.Line, Col: e.Column, Where: e.Path, Msg: e.Message})
				continue
			}
			if e.Line > 0 {
				fmt.Fprintln(stderr, (&story.Error{File: file, Line: e.Line, Col: e.Column, Path: e.Path, Msg: e.Message, Hint: e.Hint}).Error())
			} else {
				fmt.Fprintf(stderr, "%s: %s\n", file, e.Message)
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(results)
	}
	if failed {
		return exitFailure
	}
	return exitOK
}

// stdin is where "validate -" reads the story.
var stdin io.Reader = os.Stdin

// readStory reads a story file, or standard input for "-", never more
// than a story may be: a link to /dev/zero is an error, not a hang.
func readStory(file string) ([]byte, error) {
	var r io.Reader = stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, story.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	return data, nil
}

func validateFile(file string, readSources bool) fileResult {
	r := fileResult{File: file}
	data, err := readStory(file)
	if err != nil {
		r.Errors = []errorResult{{Message: err.Error()}}
		return r
	}
	if isCatalogue(file) {
		return validateCatalogue(r, data)
	}
	if timelinejs.Detect(data) == timelinejs.CSV {
		r.Errors = []errorResult{{Line: 1, Column: 1, Message: "a TimelineJS sheet, not a story: convert it with explainer import " + file}}
		return r
	}
	// What the server does with a file before serving it: parse, zone
	// data, pages that fit. validate passes exactly what would be served.
	s, err := site.Check(file, data)
	if err != nil {
		var list story.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				r.Errors = append(r.Errors, errorResult{Line: e.Line, Column: e.Col, Path: e.Path, Message: e.Msg, Hint: e.Hint})
			}
		} else {
			r.Errors = []errorResult{{Message: err.Error()}}
		}
		return r
	}
	if s.Live != nil && readSources {
		var warnings []string
		if s, warnings = validateLive(&r, s); s == nil {
			return r
		}
		r.Warnings = append(r.Warnings, warnings...)
	}
	r.Valid = true
	r.Summary = &summaryResult{ID: string(s.ID), Title: s.Title, Events: len(s.Events), Quotes: len(s.Quotes), People: len(s.People), Sources: len(s.Sources)}
	r.Warnings = append(r.Warnings, shareWarnings(r.File, s)...)
	return r
}

// validateLive reads a live story's source now, as the server would,
// and checks the story made of the two as the server does before serving
// it; it returns that story and what the source's conversion could not
// keep, or nil with the errors in r (the source's at its row and column).
func validateLive(r *fileResult, file *story.Story) (*story.Story, []string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	url := string(file.Live.URL)
	body, err := live.Fetch(ctx, live.Config{}, url)
	if err != nil {
		r.Errors = []errorResult{{Source: url, Message: "the source could not be read: " + err.Error()}}
		return nil, nil
	}
	res, err := live.Merge(r.File, file, body, nil)
	if err == nil {
		var data []byte
		if data, err = story.Marshal(res.Story); err == nil {
			_, err = site.Check(r.File+" with its source", data)
		}
	}
	if err != nil {
		var sheet timelinejs.Errors
		var list story.ErrorList
		switch {
		case errors.As(err, &sheet):
			for _, p := range sheet {
				r.Errors = append(r.Errors, errorResult{Source: p.File, Line: p.Line, Column: p.Col, Path: p.Where, Message: p.Msg})
			}
		case errors.As(err, &list):
			for _, e := range list {
				r.Errors = append(r.Errors, errorResult{Message: e.Error()})
			}
		default:
			r.Errors = []errorResult{{Message: err.Error()}}
		}
		return nil, nil
	}
	return res.Story, res.Warnings
}

func schema(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("schema", stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	stdout.Write(story.Schema())
	return exitOK
}

// isCatalogue says a file is a catalogue of the widget's words: it is in
// a messages folder, as beside the stories (repo.MessagesDir).
func isCatalogue(file string) bool {
	return file != "-" && filepath.Base(filepath.Dir(file)) == repo.MessagesDir
}

// validateCatalogue checks a catalogue as the server does before it
// speaks it: every key known, placeholders kept, plural forms by CLDR's
// rules, and complete when it adds a language.
func validateCatalogue(r fileResult, data []byte) fileResult {
	ov, err := i18n.ParseOverrides(map[string][]byte{r.File: data})
	if err != nil {
		var list i18n.CatalogueErrors
		if errors.As(err, &list) {
			for _, e := range list {
				r.Errors = append(r.Errors, errorResult{Line: e.Line, Column: e.Col, Path: e.Path, Message: e.Msg})
			}
		} else {
			r.Errors = []errorResult{{Message: err.Error()}}
		}
		return r
	}
	for lang, msgs := range ov {
		r.Valid, r.Catalogue = true, &catalogueResult{Language: string(lang), Messages: len(msgs)}
	}
	return r
}

// shareWarnings says which characters of a valid story no font draws in
// its share images: the built-in fonts, and those in fonts/ beside it.
func shareWarnings(file string, st *story.Story) []string {
	var fonts [][]byte
	dir := filepath.Join(filepath.Dir(file), repo.FontsDir)
	if file != "-" {
		if entries, err := os.ReadDir(dir); err == nil {
			for _, e := range entries {
				switch strings.ToLower(filepath.Ext(e.Name())) {
				case ".ttf", ".otf", ".ttc":
					if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil {
						fonts = append(fonts, b)
					}
				}
			}
		}
	}
	missing, undrawn, err := site.CheckShareCards(st, fonts)
	if err != nil {
		return []string{"the share images: " + err.Error()}
	}
	if len(missing) > 0 {
		var list []string
		for _, r := range missing {
			list = append(list, fmt.Sprintf("%c (U+%04X)", r, r))
		}
		return []string{fmt.Sprintf("its share images cannot be drawn: no font has %s; put a font that has them in %s/ beside the stories", strings.Join(list, ", "), repo.FontsDir)}
	}
	var out []string
	for _, q := range undrawn {
		if q == "" {
			out = append(out, "its share image cannot be drawn: the title or summary is too long for the card")
			continue
		}
		out = append(out, fmt.Sprintf("quote %s has no share image: its words or source are too long for the card, and a quote is never cut", q))
	}
	return out
}
