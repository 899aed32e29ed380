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
// ends its lines, and its empty lines. Strings are copied as they are (a
// "/*" in one is text), and a comment becomes a space, as CSS reads it.
func compactCSS(css []byte) []byte {
	var out bytes.Buffer
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
			j = min(j, len(css)-1)
			out.Write(css[i : j+1])
			i = j
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := bytes.Index(css[i+2:], []byte("*/"))
			if end < 0 {
				i = len(css)
				break
			}
			i += 2 + end + 1
			out.WriteByte(' ')
		default:
			out.WriteByte(c)
		}
	}
	var lines [][]byte
	for line := range bytes.Lines(out.Bytes()) {
		if line = bytes.TrimSpace(line); len(line) > 0 {
			lines = append(lines, line)
		}
	}
	return append(bytes.Join(lines, []byte("\n")), '\n')
}
