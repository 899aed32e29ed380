package story

import (
	"strings"
	"unicode"
)

// Paragraphs splits plain text at blank lines. Story text is never HTML:
// the widget renders each paragraph as escaped text.
func Paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Initials returns up to two letters that stand for a name, for an avatar
// when there is no portrait: "Volodymyr Zelensky" → "VZ", "JD Vance" → "JV".
func Initials(name string) string {
	var out []rune
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	for i, w := range words {
		if i != 0 && i != len(words)-1 {
			continue // first and last name only
		}
		for _, r := range w {
			if unicode.IsLetter(r) {
				out = append(out, unicode.ToUpper(r))
				break
			}
		}
	}
	return string(out)
}
