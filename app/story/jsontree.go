package story

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// encoding/json cannot tell where a value came from, silently keeps the last
// of two duplicate keys and stops at the first problem. Story files are
// written by hand, so this file parses JSON into a small tree that remembers
// the byte offset of every key and value; the decoder then reports every
// problem with its line and column.
//
// Why not encoding/json's Decoder.Token with InputOffset for the
// tokenising half: InputOffset gives the offset after a token, not where a
// value starts, so every key and value would need a second scan back over
// white space; Token allocates an interface per token; and its syntax
// errors ("invalid character '}' looking for beginning of object key
// string") are for programmers, where an editor needs "trailing comma
// before }: remove the last comma". The hand-written scanner below is
// small, linear in the input, bounded in depth, and fuzzed (FuzzParse).

// kind is the JSON type of a node.
type kind int

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

func (k kind) String() string {
	return [...]string{"null", "boolean", "number", "string", "array", "object"}[k]
}

// node is one JSON value and where it starts in the file.
type node struct {
	kind   kind
	off    int
	str    string // string value, or the literal text of a number
	bool   bool
	elems  []*node
	fields []field
}

// field is one member of an object, in file order.
type field struct {
	key    string
	keyOff int
	val    *node
}

// syntaxError is a malformed file; parsing cannot go on after one.
type syntaxError struct {
	off int
	msg string
}

func (e *syntaxError) Error() string { return e.msg }

// parseTree parses data as a single JSON value. Objects may hold duplicate
// keys here; the decoder reports them.
func parseTree(data []byte, maxDepth int) (*node, error) {
	p := &parser{data: data, maxDepth: maxDepth}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		return nil, &syntaxError{off, "invalid UTF-8: save the file as UTF-8"}
	}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.pos = 3 // a byte-order mark is harmless; editors on Windows add it
	}
	p.space()
	if p.pos == len(data) {
		return nil, &syntaxError{p.pos, "the file is empty: a story is a JSON object"}
	}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.pos < len(data) {
		return nil, p.errorf("unexpected %s after the end of the story object", p.describe())
	}
	return n, nil
}

type parser struct {
	data     []byte
	pos      int
	depth    int
	maxDepth int
}

func (p *parser) errorf(format string, args ...any) error {
	return &syntaxError{p.pos, fmt.Sprintf(format, args...)}
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

func (p *parser) value() (*node, error) {
	if p.pos >= len(p.data) {
		return nil, p.errorf("unexpected end of file: a value is missing")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		off := p.pos
		s, err := p.string()
		if err != nil {
			return nil, err
		}
		return &node{kind: kindString, off: off, str: s}, nil
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", &node{kind: kindBool, bool: true})
	case c == 'f':
		return p.literal("false", &node{kind: kindBool})
	case c == 'n':
		return p.literal("null", &node{kind: kindNull})
	case c == '\'':
		return nil, p.errorf("strings take double quotes (\"), not single quotes")
	default:
		return nil, p.errorf("unexpected %s: expected a value", p.describe())
	}
}

func (p *parser) literal(word string, n *node) (*node, error) {
	if !strings.HasPrefix(string(p.data[p.pos:min(len(p.data), p.pos+len(word))]), word) {
		return nil, p.errorf("unexpected %s: expected a value (strings need double quotes)", p.describe())
	}
	n.off = p.pos
	p.pos += len(word)
	return n, nil
}

func (p *parser) enter() error {
	p.depth++
	if p.depth > p.maxDepth {
		return p.errorf("nesting deeper than %d levels: a story is never this deep", p.maxDepth)
	}
	return nil
}

func (p *parser) object() (*node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &node{kind: kindObject, off: p.pos}
	p.pos++ // {
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return n, nil
	}
	for {
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
		val, err := p.value()
		if err != nil {
			return nil, err
		}
		n.fields = append(n.fields, field{key: key, keyOff: keyOff, val: val})
		p.space()
		if p.pos >= len(p.data) {
			return nil, p.errorf("unexpected end of file: an object is not closed with }")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return n, nil
		default:
			return nil, p.errorf("unexpected %s: expected , or } (is a comma missing?)", p.describe())
		}
	}
}

func (p *parser) array() (*node, error) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	defer func() { p.depth-- }()
	n := &node{kind: kindArray, off: p.pos}
	p.pos++ // [
	p.space()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return n, nil
	}
	for {
		p.space()
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			return nil, p.errorf("trailing comma before ]: remove the last comma")
		}
		val, err := p.value()
		if err != nil {
			return nil, err
		}
		n.elems = append(n.elems, val)
		p.space()
		if p.pos >= len(p.data) {
			return nil, p.errorf("unexpected end of file: a list is not closed with ]")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return n, nil
		default:
			return nil, p.errorf("unexpected %s: expected , or ] (is a comma missing?)", p.describe())
		}
	}
}

func (p *parser) number() (*node, error) {
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
	return &node{kind: kindNumber, off: start, str: string(p.data[start:p.pos])}, nil
}

// string reads a quoted string at p.pos and returns its decoded value.
func (p *parser) string() (string, error) {
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

func (p *parser) escape(b *strings.Builder) error {
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

func (p *parser) hex4(at int) (rune, error) {
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
