// Package web holds everything the binary serves besides the rendered
// pages: the stylesheet, the boot script, icons, the WebAssembly (built
// into static/ by `make wasm`, each program once, as brotli), the JSON
// Schema of the story format, the page templates and the default story.
// Embedding them makes one binary a full deployment.
package web

import "embed"

// Static holds the assets served under content-hashed URLs.
//
//go:embed static
var Static embed.FS

// Stories holds the default story, served when no -stories folder is set.
//
//go:embed stories/*.json
var Stories embed.FS

// Templates are the HTML shells of the pages the server renders.
//
//go:embed templates/*.html
var Templates embed.FS

// Schema is the JSON Schema of story files, for editors.
//
//go:embed story.schema.json
var Schema []byte
