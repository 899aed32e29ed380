//go:build wasm

package i18n

import "testing"

// everyPack is empty in the WebAssembly, which has no catalogue: the
// server's test reads every pack.
func everyPack(*testing.T) map[string][]byte { return nil }
