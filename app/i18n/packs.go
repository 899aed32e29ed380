//go:build !wasm

package i18n

import (
	"embed"
	"encoding/json"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"explainer/app/i18n/cldr"
)

//go:embed messages/*.json
var builtIn embed.FS

// catalogues are the built-in catalogues by language tag, read and checked
// once; a broken one is a build's mistake, which the tests catch.
var catalogues = sync.OnceValues(func() (map[Locale]*Catalogue, error) {
	read := func(name string) ([]byte, error) { return builtIn.ReadFile(path.Join("messages", name)) }
	enData, err := read("en.json")
	if err != nil {
		return nil, err
	}
	en, err := parseEnglish(enData)
	if err != nil {
		return nil, err
	}
	out := map[Locale]*Catalogue{English: en}
	entries, _ := builtIn.ReadDir("messages")
	for _, e := range entries {
		if e.Name() == "en.json" {
			continue
		}
		data, err := read(e.Name())
		if err != nil {
			return nil, err
		}
		c, err := ParseCatalogue("messages/"+e.Name(), data, en.Messages, pluralCategories, true)
		if err != nil {
			return nil, err
		}
		out[c.Language] = c
	}
	return out, nil
})

// parseEnglish reads the English catalogue, which defines every key: each
// of its messages is known by being there.
func parseEnglish(data []byte) (*Catalogue, error) {
	var loose struct {
		Messages map[Key]Message `json:"messages"`
	}
	if err := json.Unmarshal(data, &loose); err != nil {
		return nil, err
	}
	return ParseCatalogue("messages/en.json", data, loose.Messages, pluralCategories, true)
}

// pluralCategories are the CLDR plural categories of a language.
func pluralCategories(l Locale) []string {
	d, ok := cldr.Lookup(string(l))
	if !ok {
		return []string{"one", "other"}
	}
	return d.PluralCategories()
}

// Lookup is the pack for a language tag: the words of the closest
// catalogue, completed from English, with CLDR's data for the tag itself
// (es-MX gets the Spanish words and Mexico's dates). ok is false when no
// catalogue speaks the tag's language: the pack is then English.
func Lookup(tag Locale) (p *Pack, ok bool) {
	all, err := catalogues()
	if err != nil {
		panic("i18n: the built-in catalogues: " + err.Error()) // tested: never
	}
	words, ok := match(tag, all)
	lang := English
	data, _ := cldr.Lookup(string(English))
	if ok {
		lang = plainTag(tag)
		if d, found := cldr.Lookup(string(tag)); found {
			data = d
		}
	}
	merged := make(map[Key]Message, len(all[English].Messages))
	for k, m := range all[English].Messages {
		merged[k] = m
	}
	for k, m := range words.Messages {
		merged[k] = m
	}
	return &Pack{Lang: lang, Words: merged, CLDR: data}, ok
}

// match is the catalogue for a tag: zh-TW and zh-HK read Traditional
// Chinese, zh and zh-CN Simplified; otherwise the same language.
func match(tag Locale, all map[Locale]*Catalogue) (*Catalogue, bool) {
	t, err := language.Parse(string(tag))
	if err != nil {
		return all[English], false
	}
	base, _ := t.Base()
	if base.String() == "zh" {
		script, _ := t.Script()
		if script.String() == "Hant" {
			return all["zh-Hant"], true
		}
		return all["zh-Hans"], true
	}
	if base.String() == "no" || base.String() == "nn" {
		return all["nb"], true // Norwegian readers read Bokmål
	}
	c, ok := all[Locale(base.String())]
	if !ok {
		return all[English], false
	}
	return c, true
}

// plainTag is a tag without its extensions, for lang attributes:
// "ar-u-nu-latn" is "ar".
func plainTag(tag Locale) Locale {
	s := string(tag)
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if i > 0 && len(p) == 1 {
			return Locale(strings.Join(parts[:i], "-"))
		}
	}
	return tag
}

// Language is a language the widget speaks, named in itself.
type Language struct {
	Tag  Locale
	Name string
}

// Languages are the languages with a catalogue, English first, then by tag.
func Languages() []Language {
	all, err := catalogues()
	if err != nil {
		panic("i18n: the built-in catalogues: " + err.Error())
	}
	tags := make([]Locale, 0, len(all))
	for t := range all {
		if t != English {
			tags = append(tags, t)
		}
	}
	slices.Sort(tags)
	out := []Language{{English, "English"}}
	for _, t := range tags {
		d, _ := cldr.Lookup(string(t))
		out = append(out, Language{t, d.Name})
	}
	return out
}

// Supported reports whether the widget has a catalogue in a tag's language.
func Supported(tag Locale) bool {
	all, err := catalogues()
	if err != nil {
		return false
	}
	_, ok := match(tag, all)
	return ok
}

// Keys are every message key, from the English catalogue.
func Keys() []Key {
	all, err := catalogues()
	if err != nil {
		return nil
	}
	keys := make([]Key, 0, len(all[English].Messages))
	for k := range all[English].Messages {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
