//go:build !wasm

package widget

import "explainer/app/i18n"

func wordsFor(lang i18n.Locale) *i18n.Pack {
	p, _ := i18n.Lookup(lang)
	return p
}
