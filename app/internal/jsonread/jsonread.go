// Package jsonread reads JSON without reflection, value by value, for
// the reader's WebAssembly: the story, the words and the zones a page
// carries are read with it at every start. encoding/json would study
// each type by reflection first (its field tables, sorted and hashed),
// then set each field through reflect, which in the browser is most of
// the time it takes.
//
// A caller reads an object by its names (Object), with a case for each
// name it knows; the others are skipped, as encoding/json skips them.
// Names are matched exactly, as Marshal writes them (encoding/json
// would also take another case). null gives a value its zero; Pointer,
// List and Map make their value nil, and encoding/json leaves others as
// they were, which is the same for a name given once.
package jsonread

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Pointer reads an object into a new T for *p; null makes it nil.
func Pointer[T any](r *Reader, p **T, read func(*Reader, *T)) {
	if r.Null() {
		*p = nil
		return
	}
	if *p == nil {
		*p = new(T)
	}
	read(r, *p)
}

// String reads a string into *s, for List and Map.
func String(r *Reader, s *string) { *s = r.Str() }

// List reads an array into *p, one element with read each; null makes
// it nil, and [] empty, as encoding/json does.
func List[T any](r *Reader, p *[]T, read func(*Reader, *T)) {
	out := (*p)[:0]
	if out == nil {
		out = []T{}
	}
	if !r.Array(func() {
		var zero T
		out = append(out, zero)
		read(r, &out[len(out)-1]) // in place: a T of its own would escape
	}) {
		*p = nil
		return
	}
	*p = out
}

// Map reads an object into *p, each value with read; null makes it nil.
// A map there already keeps its other keys, as encoding/json's does.
func Map[K ~string, V any](r *Reader, p *map[K]V, read func(*Reader, *V)) {
	if r.Null() {
		*p = nil
		return
	}
	if *p == nil {
		*p = map[K]V{}
	}
	m := *p
	r.Object(func(name []byte) bool {
		var v V
		read(r, &v)
		m[K(name)] = v
		return true
	})
}

// Reader reads JSON text; its first error stops it, and every read
// after that gives zero values.
type Reader struct {
	b     []byte
	i     int
	err   error
	what  string
	depth int // objects and arrays open
}

// maxDepth is how deep objects and arrays may nest, as in encoding/json:
// deeper text is refused rather than read at the cost of a deep stack.
const maxDepth = 10000

// enter opens an object or array, and leave closes it.
func (r *Reader) enter() bool {
	if r.depth++; r.depth > maxDepth {
		r.fail("nesting deeper than 10000")
		return false
	}
	return true
}

func (r *Reader) leave() { r.depth-- }

// New reads data, which errors call what ("story JSON").
func New(data []byte, what string) *Reader {
	return &Reader{b: data, what: what}
}

// Err is the first error, if any.
func (r *Reader) Err() error { return r.err }

// End reads the end of the text, where only space may be left, and
// returns the first error.
func (r *Reader) End() error {
	if r.err == nil {
		if r.space(); r.i < len(r.b) {
			r.fail("text after the value")
		}
	}
	return r.err
}

// Fail stops the reading with an error saying what was unexpected
// here, for a value a caller cannot take.
func (r *Reader) Fail(what string) { r.fail(what) }

// Next is the next byte that is not space, left unread; 0 at the end.
func (r *Reader) Next() byte {
	r.space()
	return r.peek()
}

func (r *Reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%s: unexpected %s at byte %d", r.what, what, r.i)
	}
	r.i = len(r.b)
}

func (r *Reader) space() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// peek is the next byte, or 0 at the end.
func (r *Reader) peek() byte {
	if r.i < len(r.b) {
		return r.b[r.i]
	}
	return 0
}

func (r *Reader) expect(c byte) {
	if r.space(); r.peek() != c {
		r.fail(describe(r.peek()))
		return
	}
	r.i++
}

func describe(c byte) string {
	if c == 0 {
		return "end"
	}
	return strconv.QuoteRune(rune(c))
}

// null reads a null if one is next.
func (r *Reader) Null() bool {
	if r.space(); r.peek() == 'n' {
		r.literal("null")
		return true
	}
	return false
}

func (r *Reader) literal(word string) {
	if len(r.b)-r.i < len(word) || string(r.b[r.i:r.i+len(word)]) != word {
		r.fail(describe(r.peek()))
		return
	}
	r.i += len(word)
}

// object reads an object, calling field for each name with the reader
// at its value: field reads the value and reports true, or reports false
// for a name it does not know, whose value is then skipped. The name is
// the text's own bytes when it has no escape (the model's names have
// none), so that reading one allocates nothing.
func (r *Reader) Object(field func(name []byte) bool) {
	if r.Null() {
		return
	}
	if !r.enter() {
		return
	}
	defer r.leave()
	r.expect('{')
	if r.space(); r.peek() == '}' {
		r.i++
		return
	}
	for r.err == nil {
		r.space()
		name := r.name()
		r.expect(':')
		if r.err != nil {
			return
		}
		if r.space(); !field(name) {
			r.Skip()
		}
		if r.space(); r.peek() == ',' {
			r.i++
			continue
		}
		r.expect('}')
		return
	}
}

// Array reads an array, calling elem with the reader at each element,
// which elem reads. It reports false for null, where there is none.
func (r *Reader) Array(elem func()) bool {
	if r.Null() {
		return false
	}
	if !r.enter() {
		return true
	}
	defer r.leave()
	r.expect('[')
	if r.space(); r.peek() == ']' {
		r.i++
		return true
	}
	for r.err == nil {
		elem()
		if r.space(); r.peek() == ',' {
			r.i++
			continue
		}
		r.expect(']')
		break
	}
	return true
}

// Int reads a number that is an integer (null gives 0).
func (r *Reader) Int() int {
	if r.Null() {
		return 0
	}
	start := r.i
	r.number()
	n, err := strconv.Atoi(string(r.b[start:r.i]))
	if err != nil && r.err == nil {
		r.i = start
		r.fail("number for an integer")
	}
	return n
}

// Bool reads true or false (null gives false).
func (r *Reader) Bool() bool {
	r.space()
	switch r.peek() {
	case 't':
		r.literal("true")
		return true
	case 'f':
		r.literal("false")
	case 'n':
		r.literal("null")
	default:
		r.fail(describe(r.peek()))
	}
	return false
}

// name reads an object's name.
func (r *Reader) name() []byte {
	if r.peek() == '"' {
		for i := r.i + 1; i < len(r.b); i++ {
			c := r.b[i]
			if c == '"' {
				name := r.b[r.i+1 : i]
				r.i = i + 1
				return name
			}
			if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
				break
			}
		}
	} else if r.peek() == 'n' { // null is not a name
		r.fail("null for a name")
		return nil
	}
	return []byte(r.Str())
}

// str reads a string (null gives ""), unescaping it as encoding/json
// does: a lone surrogate or a byte that is not UTF-8 becomes U+FFFD.
func (r *Reader) Str() string {
	if r.Null() {
		return ""
	}
	if r.peek() != '"' {
		r.fail(describe(r.peek()))
		return ""
	}
	r.i++
	start := r.i
	// The common case: no escapes and plain UTF-8, taken as it is.
	for r.i < len(r.b) {
		c := r.b[r.i]
		if c == '"' {
			s := string(r.b[start:r.i])
			r.i++
			return s
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		r.i++
	}
	buf := append([]byte(nil), r.b[start:r.i]...)
	for r.i < len(r.b) {
		c := r.b[r.i]
		switch {
		case c == '"':
			r.i++
			return string(buf)
		case c < 0x20:
			r.fail("control character in a string")
			return ""
		case c == '\\':
			buf = r.escape(buf)
		case c >= utf8.RuneSelf:
			ru, size := utf8.DecodeRune(r.b[r.i:])
			r.i += size
			buf = utf8.AppendRune(buf, ru) // RuneError for a bad byte, as encoding/json
		default:
			buf = append(buf, c)
			r.i++
		}
	}
	r.fail("end in a string")
	return ""
}

// escape reads the escape at r.i into buf.
func (r *Reader) escape(buf []byte) []byte {
	if r.i+1 >= len(r.b) {
		r.fail("end in a string")
		return buf
	}
	c := r.b[r.i+1]
	r.i += 2
	switch c {
	case '"', '\\', '/':
		return append(buf, c)
	case 'b':
		return append(buf, '\b')
	case 'f':
		return append(buf, '\f')
	case 'n':
		return append(buf, '\n')
	case 'r':
		return append(buf, '\r')
	case 't':
		return append(buf, '\t')
	case 'u':
		ru := r.hex4()
		if utf16.IsSurrogate(ru) {
			// A pair makes one rune; anything else leaves the first half
			// a replacement character, and what follows is read anew.
			if r.i+1 < len(r.b) && r.b[r.i] == '\\' && r.b[r.i+1] == 'u' {
				save := r.i
				r.i += 2
				if pair := utf16.DecodeRune(ru, r.hex4()); pair != utf8.RuneError {
					return utf8.AppendRune(buf, pair)
				}
				r.i = save
			}
			ru = utf8.RuneError
		}
		return utf8.AppendRune(buf, ru)
	}
	r.i -= 2
	r.fail("escape in a string")
	return buf
}

func (r *Reader) hex4() rune {
	if len(r.b)-r.i < 4 {
		r.fail("end in an escape")
		return 0
	}
	v, err := strconv.ParseUint(string(r.b[r.i:r.i+4]), 16, 32)
	if err != nil {
		r.fail("escape in a string")
		return 0
	}
	r.i += 4
	return rune(v)
}

// skip reads past a value of any kind: a name the model has not.
func (r *Reader) Skip() {
	r.space()
	switch c := r.peek(); {
	case c == '{':
		r.Object(func([]byte) bool { return false })
	case c == '[':
		r.Array(r.Skip)
	case c == '"':
		r.Str()
	case c == 't' || c == 'f':
		r.Bool()
	case c == 'n':
		r.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		r.number()
	default:
		r.fail(describe(c))
	}
}

// number reads past a number as JSON writes them: -? (0 | [1-9][0-9]*)
// (. [0-9]+)? ([eE] [+-]? [0-9]+)?
func (r *Reader) number() {
	if r.peek() == '-' {
		r.i++
	}
	switch c := r.peek(); {
	case c == '0':
		r.i++
	case c >= '1' && c <= '9':
		r.digits()
	default:
		r.fail("number")
		return
	}
	if r.peek() == '.' {
		r.i++
		if !r.digits() {
			r.fail("number")
			return
		}
	}
	if c := r.peek(); c == 'e' || c == 'E' {
		r.i++
		if c := r.peek(); c == '+' || c == '-' {
			r.i++
		}
		if !r.digits() {
			r.fail("number")
		}
	}
}

// digits reads past one or more digits, reporting whether there was one.
func (r *Reader) digits() bool {
	start := r.i
	for c := r.peek(); c >= '0' && c <= '9'; c = r.peek() {
		r.i++
	}
	return r.i > start
}
