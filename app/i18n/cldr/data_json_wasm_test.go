//go:build wasm

package cldr

import "testing"

// everyLocale is empty in the WebAssembly, which embeds no locale: the
// server's test reads them all.
func everyLocale(*testing.T) map[string][]byte { return nil }
