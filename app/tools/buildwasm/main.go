// Command buildwasm builds the widget's WebAssembly and wasm_exec.js into
// a folder (web/static for the binary), each with .br and .gz forms at
// the highest settings: done once at build time, so the server sends the
// smallest download without compressing it on every start.
package main

import (
	"flag"
	"fmt"
	"os"

	"explainer/app/internal/wasmbuild"
)

func main() {
	out := flag.String("out", "web/static", "folder to write into")
	flag.Parse()
	files, err := wasmbuild.Build(".", *out, 11)
	if err != nil {
		fmt.Fprintln(os.Stderr, "buildwasm:", err)
		os.Exit(1)
	}
	for _, f := range files {
		fmt.Printf("%s: %d bytes, gzip %d, brotli %d\n", f.Path, f.Raw, f.Gzip, f.Brotli)
	}
}
