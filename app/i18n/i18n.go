// Package i18n is what the widget says to readers around a story, in the
// reader's language: its own words (the catalogues in messages/, one file
// per language) and dates, numbers, plurals and durations written by CLDR's
// rules for that language (package cldr).
//
// Story text is written in one language by its editors; this package only
// covers what the widget itself says around it. Everything one language
// needs is one Pack: the server makes it for a page (Lookup, not in the
// WebAssembly) and the page carries it as JSON beside the story, so a
// reader downloads only their language and the WebAssembly holds no
// catalogue.
package i18n

import (
	"strconv"
	"strings"

	"explainer/app/i18n/cldr"
)

// Locale is a BCP 47 language tag: "en", "es-MX", "zh-Hant", "ar".
type Locale string

// English is the language every catalogue is held to, and the widget's
// language for a story in a language it has no catalogue for.
const English Locale = "en"

// Base is the tag's language subtag: "es" for "es-MX".
func (l Locale) Base() string {
	base, _, _ := strings.Cut(string(l), "-")
	return strings.ToLower(base)
}

// Key names one message.
type Key string

// Pack is everything the widget needs to speak one language.
type Pack struct {
	// Lang is the tag the widget's text is in, for lang attributes:
	// the story's or the reader's tag when a catalogue of its language
	// exists ("es-MX" with the Spanish words and Mexican dates), else
	// "en".
	Lang Locale `json:"lang"`
	// Words are the catalogue's messages by key, complete: what a
	// language lacks, English gives.
	Words map[Key]Message `json:"words"`
	// CLDR writes dates, numbers, plurals and lists.
	CLDR cldr.Data `json:"cldr"`
}

// Dir is the direction the language is written in, "ltr" or "rtl".
func (p *Pack) Dir() string {
	if p.CLDR.Dir == "rtl" {
		return "rtl"
	}
	return "ltr"
}

// Message is a catalogue's text for one key: one text, or (Forms) one
// text per CLDR plural category of the number it counts.
type Message struct {
	Text  string
	Forms map[string]string
}

// T returns the message for key with {0}, {1}… filled from args: a
// string as it is, an int in the language's digits (and, for a plural
// message, choosing its form). A missing key shows itself, so a gap is
// visible rather than blank.
func (p *Pack) T(key Key, args ...any) string {
	m, ok := p.Words[key]
	if !ok {
		return string(key)
	}
	text := m.Text
	if m.Forms != nil {
		text = m.form(p.category(args))
	}
	return p.fill(text, args)
}

// category is the plural category of a message's first numeric argument.
func (p *Pack) category(args []any) string {
	for _, a := range args {
		switch v := a.(type) {
		case int:
			return p.CLDR.PluralInt(v)
		case decimal:
			return p.CLDR.PluralOf(v.latin)
		}
	}
	return "other"
}

func (m Message) form(cat string) string {
	if s, ok := m.Forms[cat]; ok {
		return s
	}
	return m.Forms["other"]
}

// fill replaces {0}…{9} with the arguments, written for the language.
func (p *Pack) fill(text string, args []any) string {
	if len(args) == 0 || !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 || i+2 >= len(text) || text[i+2] != '}' || text[i+1] < '0' || text[i+1] > '9' {
			if i < 0 {
				b.WriteString(text)
				return b.String()
			}
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		b.WriteString(text[:i])
		if n := int(text[i+1] - '0'); n < len(args) {
			b.WriteString(p.arg(args[n]))
		}
		text = text[i+3:]
	}
}

func (p *Pack) arg(a any) string {
	switch v := a.(type) {
	case string:
		return v
	case int:
		return p.CLDR.Number(v)
	case decimal:
		return v.text
	}
	return ""
}

// decimal is a number with a fraction as a message argument: its text in
// the language's digits, and as Latin digits for its plural category.
type decimal struct{ text, latin string }

// Decimal writes x with at most one decimal, as the language does (13.8,
// 13,8, ١٣٫٨), for a plural message.
func (p *Pack) decimal(x float64) decimal {
	latin := strconv.FormatFloat(float64(int64(x*10+0.5))/10, 'f', -1, 64)
	return decimal{text: p.CLDR.Decimal(x, 1), latin: latin}
}

// Number writes n in the language's digits and grouping.
func (p *Pack) Number(n int) string { return p.CLDR.Number(n) }

// List joins names as the language lists them: "A, B, and C".
func (p *Pack) List(items []string) string { return p.CLDR.List(items) }
