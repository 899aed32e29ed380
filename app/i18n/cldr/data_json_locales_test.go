//go:build !wasm

package cldr

import (
	"encoding/json"
	"testing"
)

// everyLocale is each locale's data as Marshal writes it, by tag: the
// server embeds them all (the WebAssembly carries none).
func everyLocale(t *testing.T) map[string][]byte {
	t.Helper()
	texts := map[string][]byte{}
	for _, tag := range Tags() {
		d, ok := Lookup(tag)
		if !ok {
			t.Fatalf("no data for %s, which Tags lists", tag)
		}
		data, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		texts[tag] = data
	}
	return texts
}
