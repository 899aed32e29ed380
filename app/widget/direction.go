package widget

import "strings"

// rtl reports whether the script of a BCP 47 language tag runs right to
// left: Arabic, Persian, Urdu, Hebrew and the other languages written in
// the Arabic, Hebrew, Thaana or Syriac script by default, or any tag that
// names one of those scripts. A Latin script subtag (ku-Latn, az-Latn)
// makes it left to right whatever the language.
//
// It stands in until the language pack of the page says its direction.
// (Lists in strings, not switches: this is in the reader's WebAssembly,
// where a string switch compiles to kilobytes.)
func rtl(lang string) bool {
	base, rest, _ := strings.Cut(strings.ToLower(lang), "-")
	// A script subtag is four letters and follows the language (and any
	// extended language subtags); it decides alone when present.
	for rest != "" {
		var p string
		p, rest, _ = strings.Cut(rest, "-")
		if len(p) == 1 {
			break // extensions and private use follow: no script there
		}
		if len(p) == 4 && p[0] >= 'a' && p[0] <= 'z' {
			return strings.Contains(rtlScripts, " "+p+" ")
		}
	}
	return base != "" && strings.Contains(rtlLanguages, " "+base+" ")
}

// The scripts written right to left, and the languages whose default
// script is one of them (CLDR's likely subtags).
const (
	rtlScripts   = " arab hebr thaa syrc nkoo adlm rohg mand samr "
	rtlLanguages = " ar fa ur he iw ps sd ug yi ji dv ckb ks arz prs syr azb lrc mzn glk pnb skr "
)

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
