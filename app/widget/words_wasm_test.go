//go:build wasm

package widget

import (
	"encoding/json"
	"os"

	"explainer/app/i18n"
	"explainer/app/i18n/cldr"
)

// wordsFor makes, as WebAssembly (whose build holds no catalogue), the
// pack i18n.Lookup makes on the server, from the same files: the English
// catalogue with the language's over it, and the language's CLDR data.
func wordsFor(lang i18n.Locale) *i18n.Pack {
	read := func(path string, v any) bool {
		data, err := os.ReadFile(path)
		return err == nil && json.Unmarshal(data, v) == nil
	}
	type catalogue struct {
		Messages map[i18n.Key]i18n.Message `json:"messages"`
	}
	var en, own catalogue
	var locales map[string]cldr.Data
	if !read("../i18n/messages/en.json", &en) || !read("../i18n/cldr/locales.json", &locales) {
		panic("the catalogue files are not where the widget's tests look")
	}
	p := &i18n.Pack{Lang: i18n.English, Words: en.Messages, CLDR: locales["en"]}
	if read("../i18n/messages/"+lang.Base()+".json", &own) {
		for k, m := range own.Messages {
			p.Words[k] = m
		}
		p.Lang, p.CLDR = lang, locales[lang.Base()]
	}
	return p
}
