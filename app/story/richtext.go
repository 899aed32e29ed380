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
// close is text, as a reader of the file would take it.
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
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\\' && i+1 < len(p) && strings.IndexByte(`*[]()\`, p[i+1]) >= 0:
			text.WriteByte(p[i+1])
			i += 2
		case c == '[':
			if words, link, n, ok := linkAt(p[i:]); ok {
				flush()
				out = append(out, Inline{Text: words, Em: em, Strong: strong, Link: URL(link)})
				i += n
				continue
			}
			text.WriteByte(c)
			i++
		case c == '*' && strings.HasPrefix(p[i:], "**") && (strong || closes(p[i+2:], "**")):
			if strong || opens(p, i, 2) {
				flush()
				strong = !strong
				i += 2
				continue
			}
			text.WriteString("**")
			i += 2
		case c == '*' && (em || closes(p[i+1:], "*")):
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

// closes reports whether rest holds a closing delim: one preceded by a
// non-space (and, for a single *, not part of a **).
func closes(rest, delim string) bool {
	for j := 1; j < len(rest); j++ {
		if strings.HasPrefix(rest[j:], delim) && rest[j-1] != ' ' && rest[j-1] != '\n' && rest[j-1] != '\\' {
			if delim == "*" && strings.HasPrefix(rest[j:], "**") {
				j++
				continue
			}
			return true
		}
	}
	return false
}

// linkAt reads [words](address) at the start of s: the words may not be
// empty nor hold brackets, the address no space or parenthesis.
func linkAt(s string) (words, link string, n int, ok bool) {
	end := strings.IndexByte(s, ']')
	if end <= 1 || strings.ContainsAny(s[1:end], "[\n") || !strings.HasPrefix(s[end:], "](") {
		return "", "", 0, false
	}
	rest := s[end+2:]
	close := strings.IndexByte(rest, ')')
	if close <= 0 || strings.ContainsAny(rest[:close], " \t\n(") {
		return "", "", 0, false
	}
	return s[1:end], rest[:close], end + 2 + close + 1, true
}
