package story

import (
	"fmt"
	"reflect"
	"slices"
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
	root, err := parseTree(data, maxDepth)
	if err != nil {
		se := err.(*syntaxError)
		return nil, toErrors(name, lines, []problem{{loc: loc{off: se.off}, msg: se.msg}})
	}
	if root.kind != kindObject {
		return nil, toErrors(name, lines, []problem{{loc: loc{root.off, "$"}, msg: "a story is a JSON object { ... }, not " + article(root.kind)}})
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
