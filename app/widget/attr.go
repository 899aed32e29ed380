//go:build !studio

package widget

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// attr makes a value safe to pass to a go-app attribute setter.
//
// go-app prerenders attribute values with strconv.Quote, which escapes a
// double quote as \" — and HTML does not read backslashes, so a quote in
// story text would end the attribute and let the rest of the text write
// new attributes. On the server every character that strconv.Quote would
// touch, and every character HTML treats specially, is written as an HTML
// character reference instead: strconv.Quote then leaves it alone and the
// browser decodes it back to the original text. In the browser, values go
// through setAttribute, which needs no escaping.
//
// Every attribute value that is not a constant goes through attr, and so
// does every "true": see escapeAttr.
func attr(s string) string {
	if app.IsClient {
		return s
	}
	return escapeAttr(s)
}

func escapeAttr(s string) string {
	if s == "true" {
		// go-app writes a value of "true" as a bare attribute, which ARIA
		// reads as empty, not true: aria-selected would say nothing.
		return "&#116;rue"
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\\':
			b.WriteString("&#92;")
		case r == '\uFFFD' || !strconv.IsPrint(r):
			b.WriteString("&#")
			b.WriteString(strconv.Itoa(int(r)))
			b.WriteByte(';')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
