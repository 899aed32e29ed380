// Command buildwasm builds the widget's and the studio's WebAssembly and
// wasm_exec.js into a folder (web/static for the binary), compressed at
// the highest settings: done once at build time, so the server sends the
// smallest download without compressing it on every start. Each
// WebAssembly program is left as NAME.br alone, since the binary embeds
// the folder (app/internal/wasmbuild).
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
		if f.Gzip == 0 {
			fmt.Printf("%s: %d bytes, kept as brotli %d\n", f.Path, f.Raw, f.Brotli)
			continue
		}
		fmt.Printf("%s: %d bytes, gzip %d, brotli %d\n", f.Path, f.Raw, f.Gzip, f.Brotli)
	}
}
