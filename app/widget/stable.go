//go:build studio || !wasm

package widget

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Prerender is the HTML of a component tree as the server sends it, the
// same bytes every time: go-app writes an element's attributes in map
// order, which changes from run to run, so the same story would render
// differently after each restart, on each replica, and at each publish
// (new ETags for nothing, and every page uploaded again). The attributes
// are put in name order.
//
// The markup is not indented (app.HTMLStringCompact): its nodes are the
// tree's, so the WebAssembly adopts the page with no whitespace nodes to
// find and drop first (20 ms of a desktop's takeover), and a text reads
// as the tree has it, with no indentation turned into a space.
func Prerender(ui app.UI) string {
	return sortAttributes(app.HTMLStringCompact(ui))
}

// sortAttributes puts the attributes of every start tag in name order.
// It reads go-app's output: <tag name="Go-quoted value" flag>; a tag
// written in any other way (raw HTML) is left as it is.
func sortAttributes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 || i+1 >= len(s) {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		tag, rest, ok := startTag(s)
		if !ok {
			b.WriteByte('<')
			s = s[1:]
			continue
		}
		b.WriteString(tag)
		s = rest
	}
}

// startTag reads the start tag at the head of s and returns it with its
// attributes sorted, and what follows it.
func startTag(s string) (tag, rest string, ok bool) {
	n := 1
	for n < len(s) && (isLetter(s[n]) || s[n] >= '0' && s[n] <= '9' || s[n] == '-') {
		n++
	}
	if n == 1 || !isLetter(s[1]) {
		return "", "", false
	}
	name := s[:n]
	var attrs []string
	for {
		if n >= len(s) {
			return "", "", false
		}
		if s[n] == '>' {
			break
		}
		if s[n] != ' ' {
			return "", "", false
		}
		start := n + 1
		n = start
		for n < len(s) && s[n] != '=' && s[n] != ' ' && s[n] != '>' && s[n] != '"' {
			n++
		}
		if n == start || n >= len(s) {
			return "", "", false
		}
		if s[n] == '=' {
			n++
			if n >= len(s) || s[n] != '"' {
				return "", "", false
			}
			// A Go-quoted string: a backslash escapes the next byte.
			for n++; n < len(s) && s[n] != '"'; n++ {
				if s[n] == '\\' {
					n++
				}
			}
			if n >= len(s) {
				return "", "", false
			}
			n++
		}
		attrs = append(attrs, s[start:n])
	}
	if len(attrs) < 2 {
		return s[:n+1], s[n+1:], true
	}
	slices.SortFunc(attrs, func(a, b string) int { return strings.Compare(attrName(a), attrName(b)) })
	return name + " " + strings.Join(attrs, " ") + ">", s[n+1:], true
}

func attrName(a string) string {
	if i := strings.IndexByte(a, '='); i >= 0 {
		return a[:i]
	}
	return a
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
