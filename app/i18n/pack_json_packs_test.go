//go:build !wasm

package i18n

import (
	"encoding/json"
	"testing"
)

// everyPack is each language's pack as the server writes it into a page,
// with its own digits and with Latin ones, by tag: the server has the
// catalogues (the WebAssembly carries none).
func everyPack(t *testing.T) map[string][]byte {
	t.Helper()
	texts := map[string][]byte{}
	for _, l := range Languages() {
		for _, tag := range []Locale{l.Tag, l.Tag + "-u-nu-latn"} {
			p, ok := Lookup(tag)
			if !ok {
				t.Fatalf("no pack for %s", tag)
			}
			data, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			texts[string(tag)] = data
		}
	}
	return texts
}
