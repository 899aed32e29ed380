//go:build studio

package widget

import (
	"strconv"
	"strings"
)

// attr, in the studio's WebAssembly, escapes as the server's attr does,
// to the byte (TestEscapeAttr runs on both): the studio renders the widget
// only as HTML text (StaticHTML, for its preview), never as live elements
// whose values would go through setAttribute, so every render there is a
// prerender. The two are apart so that the reader's WebAssembly keeps
// attr.go as it was, and does not pay for the studio.
func attr(s string) string {
	return escapeAttr(s)
}

func escapeAttr(s string) string {
	if s == "true" {
		return "&#116;rue"
	}
	var b strings.Builder
	for _, r := range s {
		if ref, ok := attrRefs[r]; ok {
			b.WriteString(ref)
		} else if r == '\uFFFD' || !strconv.IsPrint(r) {
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// attrRefs are the references the server's escapeAttr writes.
var attrRefs = map[rune]string{'&': "&amp;", '"': "&quot;", '\'': "&#39;", '<': "&lt;", '>': "&gt;", '\\': "&#92;"}
