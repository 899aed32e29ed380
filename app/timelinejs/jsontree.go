package timelinejs

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"explainer/app/story"
)

// node is a JSON value with the byte offset it starts at, so that every
// warning can name its line and column.
type node struct {
	off   int
	kind  byte // o(bject), a(rray), s(tring), n(umber), b(ool), z (null)
	str   string
	keys  []string
	vals  []*node
	elems []*node
}

// get returns the value of key in an object, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != 'o' {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

// maxDepth bounds nesting: a timeline is five levels deep at most.
const maxDepth = 32

// maxList bounds a list: no list of a timeline that converts is longer
// than its events. maxValues bounds the values of the whole file, some
// sixty for each event a story may have, beyond what any slide holds.
// Reading stops at the first value past either, so that a file of
// millions of empty events is refused before it takes memory in
// proportion (each value read is a node of a hundred bytes or more).
const (
	maxList   = story.MaxEvents
	maxValues = 64 * story.MaxEvents
)

// syntaxErr is a JSON error at an offset: a syntax error, or a file too
// large to be a timeline. where is the JSON path, when known.
type syntaxErr struct {
	off   int
	msg   string
	where string
}

// parseJSON reads data into a tree. encoding/json does the parsing; the
// offsets come from the decoder, moved past the separators it has not
// consumed yet.
func parseJSON(data []byte) (*node, *syntaxErr) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	start := func() int {
		off := int(dec.InputOffset())
		for off < len(data) && (data[off] == ' ' || data[off] == '\t' || data[off] == '\r' || data[off] == '\n' || data[off] == ',' || data[off] == ':') {
			off++
		}
		return off
	}
	fail := func(err error, off int) *syntaxErr {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			at := int(se.Offset) - 1
			if c, ok := trailingComma(data, at); ok {
				return &syntaxErr{off: c, msg: "not valid JSON: a trailing comma: remove this , (JSON has none before ] or })"}
			}
			return &syntaxErr{off: at, msg: "not valid JSON: " + se.Error()}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return &syntaxErr{off: len(data), msg: "the JSON ends too soon: a { or [ is not closed"}
		}
		return &syntaxErr{off: off, msg: "not valid JSON: " + err.Error()}
	}
	values := 0
	var read func(depth int, path *jsonPath) (*node, *syntaxErr)
	read = func(depth int, path *jsonPath) (*node, *syntaxErr) {
		off := start()
		if depth > maxDepth {
			return nil, &syntaxErr{off: off, msg: "nested too deeply for a timeline"}
		}
		if values++; values > maxValues {
			return nil, &syntaxErr{off, fmt.Sprintf("more than %d JSON values, far more than a timeline of %d events holds: split the timeline", maxValues, story.MaxEvents), path.String()}
		}
		tok, err := dec.Token()
		if err != nil {
			return nil, fail(err, off)
		}
		n := &node{off: off}
		switch t := tok.(type) {
		case json.Delim:
			if t == '{' {
				n.kind = 'o'
				for dec.More() {
					koff := start()
					k, err := dec.Token()
					if err != nil {
						return nil, fail(err, koff)
					}
					v, e := read(depth+1, &jsonPath{parent: path, key: k.(string)})
					if e != nil {
						return nil, e
					}
					n.keys = append(n.keys, k.(string))
					n.vals = append(n.vals, v)
				}
			} else {
				n.kind = 'a'
				for dec.More() {
					i := len(n.elems)
					if i == maxList {
						at := &jsonPath{parent: path, index: i, elem: true}
						return nil, &syntaxErr{start(), tooLong(path.String()), at.String()}
					}
					v, e := read(depth+1, &jsonPath{parent: path, index: i, elem: true})
					if e != nil {
						return nil, e
					}
					n.elems = append(n.elems, v)
				}
			}
			if _, err := dec.Token(); err != nil { // the closing delimiter
				return nil, fail(err, start())
			}
		case string:
			n.kind, n.str = 's', t
		case json.Number:
			n.kind, n.str = 'n', t.String()
		case bool:
			n.kind, n.str = 'b', strconv.FormatBool(t)
		case nil:
			n.kind = 'z'
		}
		return n, nil
	}
	root, e := read(0, nil)
	if e != nil {
		return nil, e
	}
	if off := start(); off < len(data) {
		return nil, &syntaxErr{off: off, msg: "text after the end of the JSON"}
	}
	return root, nil
}

// jsonPath is where a value is, written out ($.events[3].media) only for
// a message: a path built as text for every value would copy a long key
// once for each value under it.
type jsonPath struct {
	parent *jsonPath
	key    string
	index  int
	elem   bool // an element of a list, at index; else the value of key
}

func (p *jsonPath) String() string {
	if p == nil {
		return "$"
	}
	if p.elem {
		return fmt.Sprintf("%s[%d]", p.parent, p.index)
	}
	return p.parent.String() + "." + p.key
}

// tooLong says why a list at path is refused at its (maxList+1)th value.
func tooLong(path string) string {
	switch path {
	case "$.events", "$.timeline.date":
		return fmt.Sprintf("more than %d events: a story has at most %d; split the timeline", maxList, story.MaxEvents)
	}
	return fmt.Sprintf("a list of more than %d values, longer than any list of a timeline", maxList)
}

// trailingComma finds the commonest hand-editing mistake, a comma before
// a closing ] or }, near off: it returns where the comma is.
func trailingComma(data []byte, off int) (int, bool) {
	space := func(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }
	if off >= len(data) {
		off = len(data) - 1
	}
	i := off
	for i >= 0 && (space(data[i]) || data[i] == ']' || data[i] == '}') && i > off-64 {
		i--
	}
	if i < 0 || data[i] != ',' {
		return 0, false
	}
	j := i + 1
	for j < len(data) && space(data[j]) {
		j++
	}
	return i, j < len(data) && (data[j] == ']' || data[j] == '}')
}

// lines turns byte offsets into lines and columns (in characters). Its
// index of where lines start is built only as far as a question needs:
// a file refused at its 2,001st event is not indexed to its millionth
// line.
type lines struct {
	data    []byte
	starts  []int
	scanned int // data[:scanned] is indexed
}

func newLines(data []byte) *lines {
	return &lines{data: data, starts: []int{0}}
}

// index extends the index until it holds every line start at or before
// off, and at least n lines (or the whole file).
func (l *lines) index(off, n int) {
	for l.scanned < len(l.data) && (l.scanned <= off || len(l.starts) < n) {
		i := bytes.IndexByte(l.data[l.scanned:], '\n')
		if i < 0 {
			l.scanned = len(l.data)
			return
		}
		l.scanned += i + 1
		l.starts = append(l.starts, l.scanned)
	}
}

// lineStart is the offset of a 1-based line, or -1 past the last.
func (l *lines) lineStart(line int) int {
	l.index(-1, line)
	if line < 1 || line > len(l.starts) {
		return -1
	}
	return l.starts[line-1]
}

func (l *lines) at(off int) (line, col int) {
	l.index(off, 0)
	lo, hi := 0, len(l.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	if off > len(l.data) {
		off = len(l.data)
	}
	return lo + 1, utf8.RuneCount(l.data[l.starts[lo]:off]) + 1
}
