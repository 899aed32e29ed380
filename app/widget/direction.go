package widget

// isolate marks a piece of story text (a person's name, a title) that the
// widget writes inside a sentence of its own, in one text or an
// attribute, as a unit of its own direction: U+2068 FIRST STRONG ISOLATE
// and U+2069 POP DIRECTORY ISOLATE do in plain text what <bdi> does in
// markup, so a Latin name in an Arabic sentence, or an Arabic name in an
// English one, keeps its place and does not drag the punctuation beside
// it to its side.
func isolate(s string) string {
	if s == "" {
		return s
	}
	return "\u2068" + s + "\u2069"
}
