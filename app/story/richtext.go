package story

import (
	"strings"
)

// RichText is story text with a little markup, a subset of Markdown small
// enough to read as plain text in the file and to parse without a
// Markdown library in the WebAssembly readers download:
//
//   - a blank line starts a new paragraph;
//   - [words](https://example.com/page) is a link, http(s) only;
//   - *words* is emphasis and **words** strong emphasis;
//   - a backslash makes the next *, [, ], (, ) or \ plain text.
//
// Nothing else is markup: angle brackets, underscores and HTML are text,
// shown as written. Sourcing belongs in links, so that a claim can be
// checked where it is made.
type RichText string

// Inline is a run of text in one style, or a link.
type Inline struct {
	Text   string
	Em     bool
	Strong bool
	Link   URL // "" when the run is not a link
}

// Paragraphs parses rich text into paragraphs of inline runs.
func (t RichText) Paragraphs() [][]Inline {
	var out [][]Inline
	for _, p := range Paragraphs(string(t)) {
		out = append(out, parseInlines(p))
	}
	return out
}

// Plain is the text without its markup, as a plain-text reader reads it:
// links keep their words and lose their addresses.
func (t RichText) Plain() []string {
	var out []string
	for _, p := range t.Paragraphs() {
		var b strings.Builder
		for _, in := range p {
			b.WriteString(in.Text)
		}
		out = append(out, b.String())
	}
	return out
}

// PlainText is the text without its markup on one line, paragraphs run
// together, for places that hold plain text only (a page's description).
func (t RichText) PlainText() string { return strings.Join(t.Plain(), " ") }

func (t RichText) check() string {
	for _, p := range t.Paragraphs() {
		for _, in := range p {
			if in.Link != "" {
				if msg := in.Link.check(); msg != "" {
					return "the link " + quoteText(string(in.Link)) + ": " + msg
				}
			}
		}
	}
	return ""
}

func quoteText(s string) string {
	if len(s) > 60 {
		s = s[:57] + "…"
	}
	return "“" + s + "”"
}

// parseInlines reads one paragraph. It never fails: markup that does not
// close is text, as a reader of the file would take it. It takes time in
// proportion to the paragraph: whether a star has a partner later on is
// looked up in tables made in one backward pass (closers), and a bracket's
// partners are found by scans that never go over the same bytes twice
// (finder), so a run of thousands of unclosed * or [ costs no more than
// as many letters.
func parseInlines(p string) []Inline {
	var out []Inline
	var text strings.Builder
	em, strong := false, false
	flush := func() {
		if text.Len() > 0 {
			out = append(out, Inline{Text: text.String(), Em: em, Strong: strong})
			text.Reset()
		}
	}
	var cl closers
	if strings.IndexByte(p, '*') >= 0 {
		cl = newClosers(p)
	}
	lf := linkFinder{p: p}
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p) && strings.IndexByte(`*[]()\`, p[i+1]) >= 0:
			text.WriteByte(p[i+1])
			i += 2
		case c == '[':
			if words, link, n, ok := lf.linkAt(i); ok {
				flush()
				out = append(out, Inline{Text: words, Em: em, Strong: strong, Link: URL(link)})
				i += n
				continue
			}
			text.WriteByte(c)
			i++
		case c == '*' && strings.HasPrefix(p[i:], "**") && (strong || cl.strongAfter(i+2)):
			if strong || opens(p, i, 2) {
				flush()
				strong = !strong
				i += 2
				continue
			}
			text.WriteString("**")
			i += 2
		case c == '*' && (em || cl.emAfter(i+1)):
			if em || opens(p, i, 1) {
				flush()
				em = !em
				i++
				continue
			}
			text.WriteByte(c)
			i++
		default:
			text.WriteByte(c)
			i++
		}
	}
	flush()
	return out
}

// opens reports whether the n-character delimiter at i can open: it is
// followed by a non-space.
func opens(p string, i, n int) bool {
	return i+n < len(p) && p[i+n] != ' ' && p[i+n] != '\n'
}

// closers says whether a closing delimiter follows a position: a ** or a
// lone * right after a non-space (not a backslash either). Scanning ahead
// from every star, as the rule reads, takes time in the square of a run
// of unclosed stars; the answers for every position come instead from one
// pass backwards over the paragraph.
type closers struct {
	// strong[q]: a closing ** starts at q or later.
	strong []bool
	// em[q]: reading from q on, a closing lone * comes before the end.
	// Reading pairs stars up: a ** after a non-space is stepped over
	// whole, so in a run of stars it is the odd one out that closes.
	em []bool
}

func newClosers(p string) closers {
	n := len(p)
	c := closers{strong: make([]bool, n+2), em: make([]bool, n+2)}
	for q := n - 1; q >= 1; q-- {
		after := p[q-1] != ' ' && p[q-1] != '\n' && p[q-1] != '\\'
		double := q+1 < n && p[q+1] == '*'
		c.strong[q] = c.strong[q+1] || (p[q] == '*' && double && after)
		switch {
		case p[q] != '*' || !after:
			c.em[q] = c.em[q+1]
		case double:
			c.em[q] = c.em[q+2]
		default:
			c.em[q] = true
		}
	}
	return c
}

// strongAfter reports whether a closing ** follows the text that starts
// at s (one that starts at s itself does not count: it would close
// nothing). With no star in the paragraph there is no table, and no
// closer.
func (c closers) strongAfter(s int) bool { return s+1 < len(c.strong) && c.strong[s+1] }

// emAfter is strongAfter for a lone *.
func (c closers) emAfter(s int) bool { return s+1 < len(c.em) && c.em[s+1] }

// linkFinder reads [words](address) links in one paragraph. A link's
// partners (the next ], the next ) and what may not come before them)
// are found by scans that remember where they stopped, since every later
// question starts no earlier: an unclosed [ repeated thousands of times
// costs one scan, not one per bracket.
type linkFinder struct {
	p                          string
	bracket, words, paren, url scan
}

// linkAt reads a link at i: the words may not be empty nor hold brackets,
// the address no space or parenthesis.
func (f *linkFinder) linkAt(i int) (words, link string, n int, ok bool) {
	p := f.p
	end := f.bracket.next(p, i+1, "]")
	if end == len(p) || end == i+1 || f.words.next(p, i+1, "[\n") < end || end+1 >= len(p) || p[end+1] != '(' {
		return "", "", 0, false
	}
	from := end + 2
	close := f.paren.next(p, from, ")")
	if close == len(p) || close == from || f.url.next(p, from, " \t\n(") < close {
		return "", "", 0, false
	}
	return p[i+1 : end], p[from:close], close + 1 - i, true
}

// scan finds the first byte of a set at or after a position, remembering
// its last answer for the next question.
type scan struct {
	from, at int // the first byte of the set at or after from is at
	done     bool
}

// next returns the index of the first byte of set at or after from in p,
// or len(p) when there is none.
func (s *scan) next(p string, from int, set string) int {
	if !s.done || from < s.from || from > s.at {
		s.from, s.at, s.done = from, len(p), true
		if k := strings.IndexAny(p[from:], set); k >= 0 {
			s.at = from + k
		}
	}
	return s.at
}
