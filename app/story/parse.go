package story

import (
	"fmt"
	"reflect"
	"slices"

	"explainer/app/internal/jsonpos"
)

// A story file is read into a tree that remembers where each value is
// (jsonpos, shared with the TimelineJS importer), then decoded here with
// every problem placed at its line and column.
type (
	node = jsonpos.Node
	kind = jsonpos.Kind
)

const (
	kindNull   = jsonpos.Null
	kindBool   = jsonpos.Bool
	kindNumber = jsonpos.Number
	kindString = jsonpos.String
	kindArray  = jsonpos.Array
	kindObject = jsonpos.Object
)

// MaxFileSize is the largest story file Parse accepts. A story of a
// thousand events with long texts takes about a megabyte; anything far
// larger is a mistake or an attack, and would be too heavy for readers.
const MaxFileSize = 8 << 20

// maxDepth bounds nesting. A story is at most five levels deep; deep
// nesting only serves to exhaust the parser's stack.
const maxDepth = 32

// Parse reads a story file strictly and returns the story with its events
// in time order (ties keep file order). name is used in error messages.
//
// On failure it reports every problem it can find as an ErrorList, each
// placed at its line, column and JSON path. All errors wrap ErrInvalid.
func Parse(name string, data []byte) (*Story, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: %w: %d bytes, the limit is %d: %w", name, ErrTooLarge, len(data), MaxFileSize, ErrInvalid)
	}
	lines := newLineIndex(data)
	root, se := jsonpos.Parse(data, jsonpos.Limits{Noun: "story", Depth: maxDepth})
	if se != nil {
		return nil, toErrors(name, lines, []problem{{loc: loc{off: se.Off}, msg: se.Msg}})
	}
	if root.Kind != kindObject {
		return nil, toErrors(name, lines, []problem{{loc: loc{root.Off, "$"}, msg: "a story is a JSON object { ... }, not " + article(root.Kind)}})
	}
	d := &decoder{locs: map[any]loc{}, lines: lines}
	s := &Story{}
	d.decode(root, reflect.ValueOf(s).Elem(), "$")
	validate(s, d)
	if len(d.problems) > 0 {
		errs := toErrors(name, lines, d.problems)
		if d.more > 0 {
			errs = append(errs, &Error{File: name, Msg: fmt.Sprintf("and %d more problems (the first %d are shown: fix them and check again)", d.more, maxProblems)})
		}
		return nil, errs
	}
	slices.SortStableFunc(s.Events, func(a, b Event) int { return a.Start.t.Compare(b.Start.t) })
	s.index = buildIndex(s)
	return s, nil
}
