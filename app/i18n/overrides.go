//go:build !wasm

package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"

	"explainer/app/i18n/cldr"
)

// Overrides are a publisher's own catalogues, by language: messages that
// replace the built-in ones, or a whole language the widget does not ship.
type Overrides map[Locale]map[Key]Message

// ParseOverrides reads a publisher's catalogue files (name to contents).
// A file for a language the widget speaks may hold only the messages it
// changes; a file for another language adds that language and must be
// complete, plural forms and all. Every problem in every file is
// reported, each with its file, line, column and JSON path.
func ParseOverrides(files map[string][]byte) (Overrides, error) {
	all, err := catalogues()
	if err != nil {
		return nil, err
	}
	out := Overrides{}
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data := files[name]
		lang, _ := peekLanguage(data)
		_, builtIn := match(lang, all)
		c, err := ParseCatalogue(name, data, all[English].Messages, pluralCategories, !builtIn)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if _, dup := out[c.Language]; dup {
			errs = append(errs, fmt.Errorf("%s: a second catalogue for %s", name, c.Language))
			continue
		}
		out[c.Language] = c.Messages
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// peekLanguage is a catalogue's language, read loosely, to know whether
// it must be complete before checking it.
func peekLanguage(data []byte) (Locale, bool) {
	c, err := decodeLoose(data)
	if err != nil {
		return "", false
	}
	return c.Language, c.Language != ""
}

// LookupWith is Lookup with a publisher's overrides on top: the words of
// the closest catalogue, built-in or the publisher's, completed from
// English, then the publisher's messages for that language.
func LookupWith(tag Locale, ov Overrides) (*Pack, bool) {
	p, ok := Lookup(tag)
	if len(ov) == 0 {
		return p, ok
	}
	lang, found := matchOverride(tag, ov)
	if !found {
		return p, ok
	}
	if !ok {
		// A language only the publisher gives: its own tag and CLDR data.
		p, _ = Lookup(tag)
		p.Lang = plainTag(tag)
		if d, have := cldrFor(tag); have {
			p.CLDR = d
		}
	}
	words := maps.Clone(p.Words)
	maps.Copy(words, ov[lang])
	p.Words = words
	return p, true
}

// matchOverride is the publisher's catalogue for a tag: the same tag,
// else the one the built-in catalogues' rules choose among the
// publisher's (zh-TW reads zh-Hant, no reads nb), else the first of the
// same language in tag order, so that the choice is the same every time.
func matchOverride(tag Locale, ov Overrides) (Locale, bool) {
	if _, ok := ov[tag]; ok {
		return tag, true
	}
	cats := make(map[Locale]*Catalogue, len(ov))
	for l := range ov {
		cats[l] = &Catalogue{Language: l}
	}
	cats[English] = &Catalogue{Language: English}
	if c, ok := match(tag, cats); ok && c != nil && c.Language != English {
		if _, mine := ov[c.Language]; mine {
			return c.Language, true
		}
	}
	for _, l := range slices.Sorted(maps.Keys(ov)) {
		if l.Base() == tag.Base() {
			return l, true
		}
	}
	return "", false
}

func cldrFor(tag Locale) (cldr.Data, bool) { return cldr.Lookup(string(tag)) }

// decodeLoose reads a catalogue without checking it.
func decodeLoose(data []byte) (*Catalogue, error) {
	var loose struct {
		Language Locale          `json:"language"`
		Messages map[Key]Message `json:"messages"`
	}
	if err := json.Unmarshal(data, &loose); err != nil {
		return nil, err
	}
	return &Catalogue{Language: loose.Language, Messages: loose.Messages}, nil
}
