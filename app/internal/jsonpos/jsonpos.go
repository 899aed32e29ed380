// Package jsonpos reads JSON into a tree that remembers where each value
// starts, for messages that name a line and column. Story files and the
// TimelineJS timelines the importer reads are both written by hand, so
// both read through this one reader; it imports only the standard
// library, and builds for WebAssembly, where stories are read too.
package jsonpos

// encoding/json cannot tell where a value came from, silently keeps the last
// of two duplicate keys and stops at the first problem. This file parses
// JSON into a small tree that remembers the byte offset of every key and
// value; the caller then reports every problem with its line and column.
//
// Why not encoding/json's Decoder.Token with InputOffset for the
// tokenising half: InputOffset gives the offset after a token, not where a
// value starts, so every key and value would need a second scan back over
// white space; Token allocates an interface per token; and its syntax
// errors ("invalid character '}' looking for beginning of object key
// string") are for programmers, where an editor needs "trailing comma
// before }: remove the last comma". The hand-written scanner below is
// small, linear in the input, bounded in depth, list length and values,
// and fuzzed (story's FuzzParse, timelinejs's FuzzConvert).

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is the JSON type of a node.
type Kind int

// The JSON types.
const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
)

func (k Kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// Node is one JSON value and where it starts in the file.
type Node struct {
	Kind   Kind
	Off    int
	Str    string // a string's value, or the literal text of a number, true, false or null
	Bool   bool
	Elems  []*Node
	Fields []Field
}

// Field is one member of an object, in file order.
type Field struct {
	Key    string
	KeyOff int
	Val    *Node
}

// Get returns the value of the first field named key of an object, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != Object {
		return nil
	}
	for _, f := range n.Fields {
		if f.Key == key {
			return f.Val
		}
	}
	return nil
}

// Limits bound what a file may hold, and name what it holds in messages.
type Limits struct {
	// Noun is what the file holds ("story"), for messages.
	Noun string
	// Depth bounds nesting: deep nesting only serves to exhaust the stack.
	Depth int
	// List and Values, when not 0, bound the elements of one list and the
	// values of the whole file: reading stops at the first past either,
	// so that a file of millions of empty values is refused before it
	// takes memory in proportion (each value read is a node of some
	// ninety bytes).
	List, Values int
	// TooLong says why a list (at the JSON path given) is refused; TooMany
	// why the file is. Both have plain defaults.
	TooLong func(path string) string
	TooMany string
}

// SyntaxError is a malformed file, or one past its limits; reading cannot
// go on after one. Path is the JSON path of a value past a limit, else "".
type SyntaxError struct {
	Off  int
	Path string
	Msg  string
}

func (e *SyntaxError) Error() string { return e.Msg }

// Parse parses data as a single JSON value. Objects may hold duplicate
// keys here; the caller reports them.
func Parse(data []byte, lim Limits) (*Node, *SyntaxError) {
	p := &parser{data: data, lim: lim}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return nil, &SyntaxError{Off: off, Msg: "invalid UTF-8: save the file as UTF-8"}
	}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.pos = 3 // a byte-order mark is harmless; editors on Windows add it
	}
	p.space()
	if p.pos == len(data) {
		return nil, &SyntaxError{Off: p.pos, Msg: "the file is empty: a " + lim.Noun + " is a JSON object"}
	}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(data) {
		return nil, p.errorf("unexpected %s after the end of the %s object", p.describe(), lim.Noun)
	}
	return n, nil
}

type parser struct {
	data   []byte
	pos    int
	depth  int
	values int
	lim    Limits
	// path is where the value being read is: written out as text
	// ($.events[3].media) only for a message, since a path built for every
	// value would copy a long key once for each value under it.
	path []step
}

// step is one level of a path: an object's key, or a list's index.
type step struct {
	key   string
	index int // -1 for a key
}

func (p *parser) pathString() string {
	var b strings.Builder
	b.WriteString("$")
	for _, s := range p.path {
		if s.index < 0 {
			b.WriteString("." + s.key)
		} else {
			fmt.Fprintf(&b, "[%d]", s.index)
		}
	}
	return b.String()
}

func (p *parser) errorf(format string, args ...any) *SyntaxError {
	return &SyntaxError{Off: p.pos, Msg: fmt.Sprintf(format, args...)}
}

// describe names what is at the current position, for error messages.
func (p *parser) describe() string {
	if p.pos >= len(p.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	return strconv.QuoteRune(r)
}

func (p *parser) space() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *parser) value() (*Node, *SyntaxError) {
	if p.pos >= len(p.data) {
		return nil, p.errorf("unexpected end of file: a value is missing")
	}
	if p.values++; p.lim.Values > 0 && p.values > p.lim.Values {
		msg := p.lim.TooMany
		if msg == "" {
			msg = fmt.Sprintf("more than %d JSON values: far more than a %s holds", p.lim.Values, p.lim.Noun)
		}
		return nil, &SyntaxError{Off: p.pos, Path: p.pathString(), Msg: msg}
	}
	switch c := p.data[p.pos]; {
	case c == '{' || c == '[':
		if err := p.enter(); err != nil {
			return nil, err
		}
		defer func() { p.depth-- }()
		if c == '{' {
			return p.object()
		}
		return p.array()
	case c == '"':
		off := p.pos
		s, err := p.string()
		if err != nil {
			return nil, err
		}
		return &Node{Kind: String, Off: off, Str: s}, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", &Node{Kind: Bool, Bool: true})
	case c == 'f':
		return p.literal("false", &Node{Kind: Bool})
	case c == 'n':
		return p.literal("null", &Node{Kind: Null})
	case c == '\'':
		return nil, p.errorf("strings take double quotes (\"), not single quotes")
	default:
		return nil, p.errorf("unexpected %s: expected a value", p.describe())
	}
}

func (p *parser) literal(word string, n *Node) (*Node, *SyntaxError) {
	if !strings.HasPrefix(string(p.data[p.pos:min(len(p.data), p.pos+len(word))]), word) {
		return nil, p.errorf("unexpected %s: expected a value (strings need double quotes)", p.describe())
	}
	n.Off, n.Str = p.pos, word
	p.pos += len(word)
	return n, nil
}

func (p *parser) enter() *SyntaxError {
	p.depth++
	if p.depth > p.lim.Depth {
		return p.errorf("nesting deeper than %d levels: a %s is never this deep", p.lim.Depth, p.lim.Noun)
	}
	return nil
}

func (p *parser) object() (*Node, *SyntaxError) {
	n, done := p.open(Object, '}')
	for !done {
		p.space()
		if p.pos >= len(p.data) {
			return nil, p.errorf("unexpected end of file: an object is not closed with }")
		}
		if p.data[p.pos] != '"' {
			if p.data[p.pos] == '}' {
				return nil, p.errorf("trailing comma before }: remove the last comma")
			}
			return nil, p.errorf("unexpected %s: expected a field name in double quotes", p.describe())
		}
		keyOff := p.pos
		key, err := p.string()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.errorf("unexpected %s: expected : after the field name %q", p.describe(), key)
		}
		p.pos++
		p.space()
		val, err := p.member(step{key: key, index: -1})
		if err != nil {
			return nil, err
		}
		n.Fields = append(n.Fields, Field{Key: key, KeyOff: keyOff, Val: val})
		if done, err = p.after('}', "an object"); err != nil {
			return nil, err
		}
	}
	return n, nil
}

func (p *parser) array() (*Node, *SyntaxError) {
	n, done := p.open(Array, ']')
	for !done {
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			return nil, p.errorf("trailing comma before ]: remove the last comma")
		}
		i := len(n.Elems)
		if i == p.lim.List && p.lim.List > 0 {
			return nil, p.tooLong(i)
		}
		val, err := p.member(step{index: i})
		if err != nil {
			return nil, err
		}
		n.Elems = append(n.Elems, val)
		if done, err = p.after(']', "a list"); err != nil {
			return nil, err
		}
	}
	return n, nil
}

// open reads the { or [ at p.pos, and reports an empty object or list as
// done.
func (p *parser) open(kind Kind, close byte) (n *Node, done bool) {
	n = &Node{Kind: kind, Off: p.pos}
	p.pos++
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == close {
		p.pos++
		return n, true
	}
	return n, false
}

// member reads a field's value or a list's element, at step s of the path.
func (p *parser) member(s step) (*Node, *SyntaxError) {
	p.path = append(p.path, s)
	val, err := p.value()
	p.path = p.path[:len(p.path)-1]
	return val, err
}

// after reads what follows a member of an object or a list (what): a
// comma, or the close that ends it (done).
func (p *parser) after(close byte, what string) (done bool, err *SyntaxError) {
	p.space()
	if p.pos >= len(p.data) {
		return false, p.errorf("unexpected end of file: %s is not closed with %c", what, close)
	}
	switch p.data[p.pos] {
	case ',':
		p.pos++
		return false, nil
	case close:
		p.pos++
		return true, nil
	}
	return false, p.errorf("unexpected %s: expected , or %c (is a comma missing?)", p.describe(), close)
}

// tooLong refuses the list being read at its element i, past the limit.
func (p *parser) tooLong(i int) *SyntaxError {
	list := p.pathString()
	msg := fmt.Sprintf("a list of more than %d values: far more than a %s holds", p.lim.List, p.lim.Noun)
	if p.lim.TooLong != nil {
		msg = p.lim.TooLong(list)
	}
	return &SyntaxError{Off: p.pos, Path: fmt.Sprintf("%s[%d]", list, i), Msg: msg}
}

func (p *parser) number() (*Node, *SyntaxError) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		n := 0
		for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	intStart := p.pos
	if digits() == 0 {
		return nil, p.errorf("malformed number")
	}
	if p.data[intStart] == '0' && p.pos-intStart > 1 {
		p.pos = intStart
		return nil, p.errorf("numbers cannot start with 0")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return nil, p.errorf("malformed number: digits must follow the decimal point")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return nil, p.errorf("malformed number: digits must follow the exponent")
		}
	}
	return &Node{Kind: Number, Off: start, Str: string(p.data[start:p.pos])}, nil
}

// string reads a quoted string at p.pos and returns its decoded value.
func (p *parser) string() (string, *SyntaxError) {
	p.pos++ // opening quote
	var b strings.Builder
	for {
		if p.pos >= len(p.data) {
			return "", p.errorf("unexpected end of file: a string is not closed with \"")
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return b.String(), nil
		case c == '\\':
			if err := p.escape(&b); err != nil {
				return "", err
			}
		case c < 0x20:
			if c == '\n' {
				return "", p.errorf("line break inside a string: write \\n, or close the string with \"")
			}
			return "", p.errorf("control character %U inside a string: escape it", rune(c))
		default:
			r, size := utf8.DecodeRune(p.data[p.pos:])
			b.WriteRune(r)
			p.pos += size
		}
	}
}

// simpleEscapes maps the letter after a backslash to the byte it stands for.
var simpleEscapes = map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}

func (p *parser) escape(b *strings.Builder) *SyntaxError {
	if p.pos+1 >= len(p.data) {
		return p.errorf("unexpected end of file in an escape sequence")
	}
	c := p.data[p.pos+1]
	if r, ok := simpleEscapes[c]; ok {
		b.WriteByte(r)
		p.pos += 2
		return nil
	}
	if c != 'u' {
		return p.errorf("invalid escape \\%c: use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", c)
	}
	r, err := p.hex4(p.pos + 2)
	if err != nil {
		return err
	}
	p.pos += 6
	if utf16.IsSurrogate(r) {
		// A surrogate pair is two escapes; a lone half is not a character.
		if p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
			if r2, err := p.hex4(p.pos + 2); err == nil {
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					b.WriteRune(dec)
					p.pos += 6
					return nil
				}
			}
		}
		p.pos -= 6
		return p.errorf("\\u%04X is half of a surrogate pair, not a character", r)
	}
	b.WriteRune(r)
	return nil
}

func (p *parser) hex4(at int) (rune, *SyntaxError) {
	if at+4 > len(p.data) {
		p.pos = at
		return 0, p.errorf("\\u needs four hex digits")
	}
	v, err := strconv.ParseUint(string(p.data[at:at+4]), 16, 32)
	if err != nil {
		p.pos = at
		return 0, p.errorf("\\u needs four hex digits")
	}
	return rune(v), nil
}
