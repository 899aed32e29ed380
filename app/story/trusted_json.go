package story

import (
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// decodeTrusted reads a story's JSON into s field by field, without
// reflection: Decode's first step, in the reader's WebAssembly. There
// encoding/json studied every type of the model on each start (its
// field tables, built at the first value of each type, sorted and
// hashed) and then set each field through reflect: about 60 ms of a
// phone's start for the built-in story, and more than the whole takeover
// of a long story's on the desktop.
//
// It reads JSON as Marshal writes the model (the server embeds the
// story so): names as the json tags give them, matched exactly (where
// encoding/json would also take another case), and a name the model has
// not is skipped. null gives a field its zero value, as encoding/json
// does for a field named once. Anything else is an error. Every field of
// the model has its case here: TestDecodeTrustedReadsEveryField fills
// each one and fails on a field that is not read.
func decodeTrusted(data []byte, s *Story) error {
	r := jsonReader{b: data}
	r.space()
	readStory(&r, s)
	if r.err == nil {
		if r.space(); r.i < len(r.b) {
			r.fail("after the story")
		}
	}
	return r.err
}

func readStory(r *jsonReader, s *Story) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "$schema":
			s.Schema = r.str()
		case "id":
			s.ID = ID(r.str())
		case "title":
			s.Title = r.str()
		case "dek":
			s.Dek = RichText(r.str())
		case "language":
			s.Language = Lang(r.str())
		case "media":
			pointer(r, &s.Media, readMedia)
		case "background":
			pointer(r, &s.Background, readBackground)
		case "published":
			pointer(r, &s.Published, readMoment)
		case "updated":
			pointer(r, &s.Updated, readMoment)
		case "credits":
			list(r, &s.Credits, readCredit)
		case "updates":
			list(r, &s.Updates, readUpdate)
		case "people":
			list(r, &s.People, readPerson)
		case "phases":
			list(r, &s.Phases, readPhase)
		case "groups":
			list(r, &s.Groups, readGroup)
		case "events":
			list(r, &s.Events, readEvent)
		case "quotes":
			list(r, &s.Quotes, readQuote)
		case "sources":
			list(r, &s.Sources, readSource)
		case "live":
			pointer(r, &s.Live, readLive)
		default:
			return false
		}
		return true
	})
}

func readCredit(r *jsonReader, c *Credit) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "role":
			c.Role = r.str()
		case "name":
			c.Name = r.str()
		default:
			return false
		}
		return true
	})
}

func readUpdate(r *jsonReader, u *Update) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "time":
			readMoment(r, &u.Time)
		case "note":
			u.Note = r.str()
		case "correction":
			u.Correction = r.boolean()
		default:
			return false
		}
		return true
	})
}

func readPerson(r *jsonReader, p *Person) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "id":
			p.ID = ID(r.str())
		case "name":
			p.Name = r.str()
		case "role":
			p.Role = r.str()
		case "image":
			pointer(r, &p.Image, readImage)
		default:
			return false
		}
		return true
	})
}

func readImage(r *jsonReader, m *Image) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "src":
			m.Src = ImageURL(r.str())
		case "alt":
			m.Alt = r.str()
		case "credit":
			m.Credit = r.str()
		case "caption":
			m.Caption = RichText(r.str())
		default:
			return false
		}
		return true
	})
}

func readPhase(r *jsonReader, p *Phase) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "id":
			p.ID = ID(r.str())
		case "label":
			p.Label = r.str()
		case "start":
			readMoment(r, &p.Start)
		case "end":
			readMoment(r, &p.End)
		default:
			return false
		}
		return true
	})
}

func readGroup(r *jsonReader, g *Group) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "id":
			g.ID = ID(r.str())
		case "label":
			g.Label = r.str()
		default:
			return false
		}
		return true
	})
}

func readEvent(r *jsonReader, e *Event) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "id":
			e.ID = ID(r.str())
		case "headline":
			e.Headline = r.str()
		case "body":
			e.Body = RichText(r.str())
		case "start":
			readMoment(r, &e.Start)
		case "end":
			pointer(r, &e.End, readMoment)
		case "place":
			e.Place = r.str()
		case "people":
			list(r, &e.People, readRef)
		case "tags":
			list(r, &e.Tags, readText)
		case "group":
			e.Group = Ref(r.str())
		case "media":
			pointer(r, &e.Media, readMedia)
		case "background":
			pointer(r, &e.Background, readBackground)
		case "sources":
			list(r, &e.Sources, readRef)
		default:
			return false
		}
		return true
	})
}

func readQuote(r *jsonReader, q *Quote) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "id":
			q.ID = ID(r.str())
		case "speaker":
			q.Speaker = Ref(r.str())
		case "text":
			q.Text = r.str()
		case "kind":
			q.Kind = QuoteKind(r.str())
		case "context":
			q.Context = r.str()
		case "event":
			q.Event = Ref(r.str())
		case "replyTo":
			q.ReplyTo = Ref(r.str())
		case "source":
			q.Source = Ref(r.str())
		case "when":
			pointer(r, &q.When, readMoment)
		case "sourceText":
			q.SourceText = r.str()
		default:
			return false
		}
		return true
	})
}

func readSource(r *jsonReader, s *Source) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "id":
			s.ID = ID(r.str())
		case "outlet":
			s.Outlet = r.str()
		case "title":
			s.Title = r.str()
		case "url":
			s.URL = URL(r.str())
		case "published":
			pointer(r, &s.Published, readMoment)
		case "note":
			s.Note = r.str()
		default:
			return false
		}
		return true
	})
}

// readMoment is called from four places, and inlined it would be four
// copies in the WebAssembly.
//
//go:noinline
func readMoment(r *jsonReader, m *Moment) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "date":
			m.Date = Date(r.str())
		case "zone":
			m.Zone = Zone(r.str())
		case "approximate":
			m.Approximate = r.boolean()
		case "partOfDay":
			m.PartOfDay = PartOfDay(r.str())
		case "text":
			m.Text = r.str()
		default:
			return false
		}
		return true
	})
}

func readMedia(r *jsonReader, m *Media) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "src":
			m.Src = URL(r.str())
		case "kind":
			m.Kind = MediaKind(r.str())
		case "title":
			m.Title = r.str()
		case "alt":
			m.Alt = r.str()
		case "credit":
			m.Credit = RichText(r.str())
		case "caption":
			m.Caption = RichText(r.str())
		case "thumbnail":
			m.Thumbnail = ImageURL(r.str())
		default:
			return false
		}
		return true
	})
}

func readBackground(r *jsonReader, b *Background) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "image":
			b.Image = ImageURL(r.str())
		case "alt":
			b.Alt = r.str()
		case "color":
			b.Color = Color(r.str())
		default:
			return false
		}
		return true
	})
}

func readLive(r *jsonReader, l *Live) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "url":
			l.URL = URL(r.str())
		case "every":
			l.Every = Interval(r.str())
		case "language":
			l.Language = Lang(r.str())
		case "zone":
			l.Zone = Zone(r.str())
		case "base":
			l.Base = URL(r.str())
		case "corrections":
			l.Corrections = r.boolean()
		case "events":
			list(r, &l.Events, readLiveEvent)
		default:
			return false
		}
		return true
	})
}

func readLiveEvent(r *jsonReader, e *LiveEvent) {
	r.object(func(k []byte) bool {
		switch string(k) {
		case "event":
			e.Event = Ref(r.str())
		case "people":
			list(r, &e.People, readRef)
		case "sources":
			list(r, &e.Sources, readRef)
		case "place":
			e.Place = r.str()
		case "tags":
			list(r, &e.Tags, readText)
		default:
			return false
		}
		return true
	})
}

func readRef(r *jsonReader, v *Ref)     { *v = Ref(r.str()) }
func readText(r *jsonReader, v *string) { *v = r.str() }

// pointer reads an object into a new T for *p; null makes it nil.
func pointer[T any](r *jsonReader, p **T, read func(*jsonReader, *T)) {
	if r.null() {
		*p = nil
		return
	}
	if *p == nil {
		*p = new(T)
	}
	read(r, *p)
}

// list reads an array into *p, one element with read each; null makes
// it nil, and [] empty, as encoding/json does.
func list[T any](r *jsonReader, p *[]T, read func(*jsonReader, *T)) {
	if r.null() {
		*p = nil
		return
	}
	r.expect('[')
	out := (*p)[:0]
	if out == nil {
		out = []T{}
	}
	if r.space(); r.peek() == ']' {
		r.i++
		*p = out
		return
	}
	for r.err == nil {
		var zero T
		out = append(out, zero)
		read(r, &out[len(out)-1]) // in place: a T of its own would escape
		if r.space(); r.peek() == ',' {
			r.i++
			continue
		}
		r.expect(']')
		break
	}
	*p = out
}

// jsonReader reads JSON text; its first error stops it, and every read
// after that gives zero values.
type jsonReader struct {
	b   []byte
	i   int
	err error
}

func (r *jsonReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("story JSON: unexpected %s at byte %d", what, r.i)
	}
	r.i = len(r.b)
}

func (r *jsonReader) space() {
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
func (r *jsonReader) peek() byte {
	if r.i < len(r.b) {
		return r.b[r.i]
	}
	return 0
}

func (r *jsonReader) expect(c byte) {
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
func (r *jsonReader) null() bool {
	if r.space(); r.peek() == 'n' {
		r.literal("null")
		return true
	}
	return false
}

func (r *jsonReader) literal(word string) {
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
func (r *jsonReader) object(field func(name []byte) bool) {
	if r.null() {
		return
	}
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
			r.skip()
		}
		if r.space(); r.peek() == ',' {
			r.i++
			continue
		}
		r.expect('}')
		return
	}
}

func (r *jsonReader) boolean() bool {
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
func (r *jsonReader) name() []byte {
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
	return []byte(r.str())
}

// str reads a string (null gives ""), unescaping it as encoding/json
// does: a lone surrogate or a byte that is not UTF-8 becomes U+FFFD.
func (r *jsonReader) str() string {
	if r.null() {
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
func (r *jsonReader) escape(buf []byte) []byte {
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

func (r *jsonReader) hex4() rune {
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
func (r *jsonReader) skip() {
	r.space()
	switch c := r.peek(); {
	case c == '{':
		r.object(func([]byte) bool { return false })
	case c == '[':
		r.i++
		if r.space(); r.peek() == ']' {
			r.i++
			return
		}
		for r.err == nil {
			r.skip()
			if r.space(); r.peek() == ',' {
				r.i++
				continue
			}
			r.expect(']')
			return
		}
	case c == '"':
		r.str()
	case c == 't' || c == 'f':
		r.boolean()
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
func (r *jsonReader) number() {
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
func (r *jsonReader) digits() bool {
	start := r.i
	for c := r.peek(); c >= '0' && c <= '9'; c = r.peek() {
		r.i++
	}
	return r.i > start
}
