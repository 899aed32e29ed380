//go:build wasm

package cli

import "io"

// Main does nothing in the browser, where go-app's RunWhenOnBrowser never
// returns; it exists so that main.go builds for both targets.
func Main(args []string, stdout, stderr io.Writer) int { return 0 }
