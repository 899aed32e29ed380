// Package i18n holds every string the widget shows readers, in each
// language it speaks, and formats dates and times for those languages.
//
// Story text is written in one language by its editors; this package only
// covers what the widget itself says around it.
package i18n

import (
	"fmt"
	"strings"

	"explainer/app/story"
)

// Locale is a language the widget's own text is available in.
type Locale string

// The languages with a complete catalogue.
const (
	English   Locale = "en"
	Ukrainian Locale = "uk"
)

// Locales lists the supported languages, the fallback first.
var Locales = []Locale{English, Ukrainian}

// Match returns the supported language for a BCP 47 tag such as "uk-UA",
// and false when there is none.
func Match(tag string) (Locale, bool) {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	for _, l := range Locales {
		if string(l) == base {
			return l, true
		}
	}
	return English, false
}

// ForStory is the locale for a story written in lang: the widget speaks
// the story's language when it has a catalogue for it, English otherwise.
// A reader's ?lang= overrides it.
func ForStory(lang story.Lang) Locale {
	l, _ := Match(string(lang))
	return l
}

// Key names one message.
type Key string

// T returns the message for key in lang, with fmt verbs filled from args.
// A message missing in lang falls back to English; a missing key shows
// itself, so a gap is visible rather than blank.
func T(lang Locale, key Key, args ...any) string {
	msg, ok := catalog[lang][key]
	if !ok {
		msg, ok = catalog[English][key]
	}
	if !ok {
		return string(key)
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// Keys returns every key of the English catalogue, which is complete by
// definition; tests hold the others to it.
func Keys() []Key {
	keys := make([]Key, 0, len(catalog[English]))
	for k := range catalog[English] {
		keys = append(keys, k)
	}
	return keys
}
