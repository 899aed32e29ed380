package timelinejs

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
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

// syntaxErr is a JSON syntax error at an offset.
type syntaxErr struct {
	off int
	msg string
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
				return &syntaxErr{c, "not valid JSON: a trailing comma: remove this , (JSON has none before ] or })"}
			}
			return &syntaxErr{at, "not valid JSON: " + se.Error()}
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return &syntaxErr{len(data), "the JSON ends too soon: a { or [ is not closed"}
		}
		return &syntaxErr{off, "not valid JSON: " + err.Error()}
	}
	var read func(depth int) (*node, *syntaxErr)
	read = func(depth int) (*node, *syntaxErr) {
		off := start()
		if depth > maxDepth {
			return nil, &syntaxErr{off, "nested too deeply for a timeline"}
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
					v, e := read(depth + 1)
					if e != nil {
						return nil, e
					}
					n.keys = append(n.keys, k.(string))
					n.vals = append(n.vals, v)
				}
			} else {
				n.kind = 'a'
				for dec.More() {
					v, e := read(depth + 1)
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
	root, e := read(0)
	if e != nil {
		return nil, e
	}
	if off := start(); off < len(data) {
		return nil, &syntaxErr{off, "text after the end of the JSON"}
	}
	return root, nil
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

// lines turns byte offsets into lines and columns (in characters).
type lines struct {
	data   []byte
	starts []int
}

func newLines(data []byte) *lines {
	l := &lines{data: data, starts: []int{0}}
	for i, b := range data {
		if b == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	return l
}

func (l *lines) at(off int) (line, col int) {
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
