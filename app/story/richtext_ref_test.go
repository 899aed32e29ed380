package story

// The rich-text rules as first written: every star scans the rest of its
// paragraph for a partner, which reads plainly and takes time in the
// square of the paragraph. It is kept here as the statement of what the
// linear parser must answer, input for input.

import "strings"

// refParseInlines reads one paragraph, scanning ahead from every star.
// close is text, as a reader of the file would take it.
func refParseInlines(p string) []Inline {
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
			if words, link, n, ok := refLinkAt(p[i:]); ok {
				flush()
				out = append(out, Inline{Text: words, Em: em, Strong: strong, Link: URL(link)})
				i += n
				continue
			}
			text.WriteByte(c)
			i++
		case c == '*' && strings.HasPrefix(p[i:], "**") && (strong || refCloses(p[i+2:], "**")):
			if strong || refOpens(p, i, 2) {
				flush()
				strong = !strong
				i += 2
				continue
			}
			text.WriteString("**")
			i += 2
		case c == '*' && (em || refCloses(p[i+1:], "*")):
			if em || refOpens(p, i, 1) {
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
func refOpens(p string, i, n int) bool {
	return i+n < len(p) && p[i+n] != ' ' && p[i+n] != '\n'
}

// closes reports whether rest holds a closing delim: one preceded by a
// non-space (and, for a single *, not part of a **).
func refCloses(rest, delim string) bool {
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
func refLinkAt(s string) (words, link string, n int, ok bool) {
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
