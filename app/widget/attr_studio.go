//go:build studio

package widget

import (
	"strconv"
	"strings"
)

// attr, in the studio's WebAssembly, is the browser's (values go through
// setAttribute, unescaped) except in a StaticHTML render, which writes
// HTML text: there it escapes as the server's attr does, to the byte
// (TestEscapeAttr runs on both). The two are apart so that the reader's
// WebAssembly keeps attr.go as it was, and does not pay for the studio.
func attr(s string) string {
	if !prerendering {
		return s
	}
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
