// Package timelinejs converts TimelineJS timelines into explainer stories:
// the JSON that TimelineJS 3 reads (and the older TimelineJS 2 form), and
// the CSV a Google Sheet made from Knight Lab's template exports.
//
// Nothing a reader of the timeline saw is dropped without a word: what
// cannot be kept (a background picture on http, a media link that goes nowhere) is
// a Warning that names the place in the input and says what was done.
// What cannot be read at all (a date that is not a date, a sheet without
// a Headline column) is an error, and no story comes out.
package timelinejs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"explainer/app/story"
)

// Options steer a conversion.
type Options struct {
	// ID is the story's id; without it, one is made from the title.
	ID story.ID
	// Lang is the language of the text. It wins over TimelineJS's
	// language option, where the file carries one; without either, the
	// language is guessed from the text's script and words (with a
	// warning that says so), else en.
	Lang story.Lang
	// Zone is the IANA zone the timeline's times of day are in. TimelineJS
	// has none, so without it a time of day is dropped (with a warning)
	// rather than given a zone it may not have.
	Zone story.Zone
	// Base is the address relative media URLs are resolved against; they
	// are dropped (with a warning) without it.
	Base *url.URL
}

// Problem is a warning or an error, placed in the input.
type Problem struct {
	File  string
	Line  int    // 1-based; 0 when it is about the whole file
	Col   int    // 1-based, in characters
	Where string // JSON path ($.events[2].media.url) or CSV cell (row 5, Media)
	Msg   string
	// Field is the JSON path in the story of what the problem is about
	// ($.events[3].media), for editors that show it there; "" when it is
	// about nothing the story holds (a slide dropped whole).
	Field string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", p.Line, p.Col)
	}
	if p.Where != "" {
		b.WriteString(": " + p.Where)
	}
	b.WriteString(": " + p.Msg)
	return b.String()
}

// Errors are the problems that stopped a conversion.
type Errors []Problem

func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, p := range e {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// ErrInvalid is what every conversion error wraps.
var ErrInvalid = errors.New("not a TimelineJS timeline that can be converted")

func (e Errors) Unwrap() error { return ErrInvalid }

// Result is a converted story: the story file, and the warnings about
// what could not be kept as it was.
type Result struct {
	Story    *story.Story
	JSON     []byte // the story file, as explainer validate reads it
	Warnings []Problem
}

// Format is the kind of input, as Detect finds it.
type Format int

// The formats of input.
const (
	Unknown Format = iota
	JSON           // TimelineJS 3 (or 2) JSON
	CSV            // a sheet exported as CSV
)

// Detect says what data is by its content: JSON if it is an object or a
// list, a sheet if its first line names two or more of the template's
// columns (so that one without a Headline column is still read as a
// sheet, and told what it lacks).
func Detect(data []byte) Format {
	data, _, _ = decodeText(data)
	return detect(data)
}

// detect is Detect for text already in UTF-8.
func detect(data []byte) Format {
	t := bytes.TrimLeft(data, " \t\r\n")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return JSON
	}
	first, _, _ := bytes.Cut(t, []byte("\n"))
	named := 0
	for _, cell := range strings.Split(string(first), ",") {
		name := strings.Join(strings.Fields(strings.ToLower(strings.Trim(strings.TrimSpace(cell), `"`))), " ")
		if contains(columns, name) {
			named++
		}
	}
	if named >= 2 {
		return CSV
	}
	return Unknown
}

// IsTimeline reports whether data is a TimelineJS JSON file rather than a
// story: an object with events and no id, and either no language or, as
// a file that keeps TimelineJS's language option beside the timeline
// has, events with TimelineJS's fields (start_date, text), which a
// story's events do not have. The server uses it to serve such a file
// dropped among the stories.
func IsTimeline(data []byte) bool {
	if Detect(data) != JSON {
		return false
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(trimBOM(data), &top) != nil {
		return false
	}
	if _, ok := top["timeline"]; ok {
		return true // TimelineJS 2
	}
	_, events := top["events"]
	_, id := top["id"]
	if !events || id {
		return false
	}
	if _, lang := top["language"]; !lang {
		return true
	}
	var list []map[string]json.RawMessage
	if json.Unmarshal(top["events"], &list) != nil || len(list) == 0 {
		return false
	}
	_, start := list[0]["start_date"]
	_, text := list[0]["text"]
	return start || text
}

// IDFromName is the id a file's name gives a story: moon-landing.json is
// moon-landing.
func IDFromName(name string) story.ID {
	base := filepath.Base(name)
	id := string(story.Slug(strings.TrimSuffix(base, filepath.Ext(base))))
	if id == "" {
		id = "timeline"
	}
	return story.ID(id)
}

// Convert reads a TimelineJS timeline, JSON or CSV (told apart by
// content), and returns it as a story that passes validation. name is
// the input's name in messages.
func Convert(name string, data []byte, opt Options) (*Result, error) {
	c := &converter{name: name, opt: opt}
	if opt.Zone != "" {
		if err := CheckZone(opt.Zone); err != nil {
			return nil, Errors{{File: name, Msg: err.Error()}}
		}
	}
	if opt.Lang != "" {
		if msg := opt.Lang.Check(); msg != "" {
			return nil, Errors{{File: name, Msg: fmt.Sprintf("the language %q: %s", opt.Lang, msg)}}
		}
	}
	raw := data
	data, enc, bad := decodeText(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, Errors{{File: name, Msg: "the file is empty"}}
	}
	if enc == windows1252 {
		// Placed in the file as it is: its lines are the decoded text's,
		// and each of its bytes one character.
		c.warn(pos{off: bad, lines: newLines(raw)}, "the file is not UTF-8 (the byte 0x%02X here is not): read as %s, which Excel saves sheets as; if letters look wrong, save it as CSV UTF-8", raw[bad], windows1252)
	}
	var tl *timeline
	switch detect(data) {
	case JSON:
		c.top = pos{line: 1, col: 1, where: "$"}
		tl = c.readJSON(data)
	case CSV:
		c.top = pos{line: 1, col: 1, where: "row 1"}
		tl = c.readCSV(data)
	default:
		return nil, Errors{{File: name, Line: 1, Col: 1, Msg: "neither TimelineJS JSON (an object { ... }) nor a sheet exported as CSV (a header row with Headline and Year or Start Date)"}}
	}
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	s := c.build(tl)
	if len(c.errs) > 0 {
		return nil, c.errs
	}
	out, err := story.Marshal(s)
	if err != nil {
		return nil, err
	}
	if len(out) > story.MaxFileSize {
		return nil, Errors{{File: name, Msg: fmt.Sprintf("the story would be %d bytes, more than the %d a story may be: split the timeline", len(out), story.MaxFileSize)}}
	}
	parsed, err := story.Parse(name, out)
	if err != nil {
		// A story this package builds always passes; if not, it is a
		// bug here, reported with the story's own messages.
		return nil, fmt.Errorf("%s: the converted story does not validate (a bug in the importer): %w", name, err)
	}
	return &Result{Story: parsed, JSON: out, Warnings: c.warns}, nil
}

func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, utf8BOM) }

// CheckZone says why z cannot be a timeline's zone: it must be an IANA
// name, and not "Local", which time.LoadLocation takes but which is the
// zone of the computer that runs the import: a story carries its zone so
// that readers everywhere see the same dates.
func CheckZone(z story.Zone) error {
	if z == "Local" {
		return errors.New(`the zone "Local" is this computer's own, which a story cannot carry: name an IANA zone such as America/New_York, so that readers everywhere see the same dates and times`)
	}
	if _, err := time.LoadLocation(string(z)); err != nil || z == "" {
		return fmt.Errorf("the zone %q is not an IANA time zone such as America/New_York", z)
	}
	return nil
}

// converter collects problems as it goes, so that one run reports all.
type converter struct {
	name string
	opt  Options
	// top is where problems of the whole timeline are placed: the
	// document ($) or the sheet's header row.
	top   pos
	errs  Errors
	warns []Problem
	// field is the story path of what is being built, for Problem.Field.
	field string
}

// maxProblems bounds each list, as the story parser does.
const maxProblems = 200

func (c *converter) errorAt(at pos, format string, args ...any) {
	if len(c.errs) < maxProblems {
		c.errs = append(c.errs, c.problem(at, fmt.Sprintf(format, args...)))
	}
}

func (c *converter) warn(at pos, format string, args ...any) {
	if len(c.warns) < maxProblems {
		c.warns = append(c.warns, c.problem(at, fmt.Sprintf(format, args...)))
	}
}

func (c *converter) problem(at pos, msg string) Problem {
	line, col := at.line, at.col
	if at.lines != nil {
		line, col = at.lines.at(at.off)
	}
	return Problem{File: c.name, Line: line, Col: col, Where: at.where, Msg: msg, Field: c.field}
}

// clean removes from a value what no story may hold: control characters
// and the invisible ones that reverse or break text (story.Clean).
func (c *converter) clean(f field) field {
	s, n := story.Clean(f.s)
	if n > 0 {
		c.warn(f.at, "removed %d control or invisible formatting characters", n)
	}
	f.s = s
	return f
}

// pos is a place in the input: a line and column, or an offset whose line
// and column are worked out only if a problem is reported there (counting
// characters to every value of a long line would take time in the square
// of its length).
type pos struct {
	line, col int
	where     string
	off       int
	lines     *lines
}
