package site

import (
	"bytes"
	"html/template"
)

// maxInlineStyle is the most stylesheet a page holds; a larger one is
// linked. FitsInPage counts it in every page's allowance.
const maxInlineStyle = 48 << 10

// inlineStyle is the reader's stylesheet as a story page carries it, in a
// <style> element of its head, or "" when it cannot be (no such asset,
// text that would end the element early, or over maxInlineStyle).
//
// Why inline: a linked stylesheet is a second request that the first
// paint waits for, a whole round trip after the page's own. On a phone's
// network (170 ms round trips) that was a third of the time to the first
// paint. The page grows instead by the stylesheet without its comments
// and indentation (5 kB as brotli); a story page is what readers land on,
// usually once, so the cache a linked file would share between pages
// saves them little. The site's other pages (index, print, embed page,
// studio) still link the file, which keeps its comments.
func inlineStyle(a *Assets) template.CSS {
	as := a.ByName("explainer.css")
	if as == nil {
		return ""
	}
	css, err := as.Bytes("")
	if err != nil {
		return ""
	}
	css = compactCSS(css)
	if len(css) > maxInlineStyle || bytes.Contains(bytes.ToLower(css), []byte("</style")) {
		return ""
	}
	return template.CSS(css)
}

// compactCSS drops a stylesheet's comments, the space that starts and
// ends its lines, and its empty lines, in one pass that copies strings as
// they are (a "/*" in one is text, and so is the space after an escaped
// line break). A comment is no token in CSS, so it goes without a trace,
// unless the characters on both sides would then run into one name or
// number (a/**/b), where it stays as "/**/".
func compactCSS(css []byte) []byte {
	out := make([]byte, 0, len(css))
	lineStart := true // nothing but space yet on this line of out
	for i := 0; i < len(css); i++ {
		c := css[i]
		switch {
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(css) && css[j] != c && css[j] != '\n' {
				if css[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(css) || css[j] == '\n' {
				// Unclosed: the string ends with its line, which the
				// next case ends.
				out = append(out, css[i:min(j, len(css))]...)
				i, lineStart = min(j, len(css))-1, false
				break
			}
			out = append(out, css[i:j+1]...)
			i, lineStart = j, false
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := bytes.Index(css[i+2:], []byte("*/"))
			if end < 0 {
				i = len(css)
				break
			}
			i += 2 + end + 1
			if len(out) > 0 && i+1 < len(css) && nameByte(out[len(out)-1]) && nameByte(css[i+1]) {
				out = append(out, "/**/"...)
			}
		case c == '\n':
			out = bytes.TrimRight(out, " \t\r")
			if !lineStart {
				out = append(out, '\n')
				lineStart = true
			}
		case (c == ' ' || c == '\t' || c == '\r') && lineStart:
			// indentation
		default:
			out = append(out, c)
			lineStart = false
		}
	}
	out = bytes.TrimRight(out, " \t\r\n")
	return append(out, '\n')
}

// nameByte reports whether c can be part of a CSS name or number: two
// such bytes side by side are read as one token.
func nameByte(c byte) bool {
	return c >= 0x80 || c == '-' || c == '_' || c == '\\' || c == '%' || c == '.' ||
		'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
