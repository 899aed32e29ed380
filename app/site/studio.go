package site

import "bytes"

// studioPageData fills the studio's page: its own stylesheet and
// WebAssembly, and the reader's stylesheet for the preview.
type studioPageData struct {
	Lang, Title, Root, Icon, CSS string
	Script, Exec, Wasm, Preview  string
	Version                      string
}

// StudioPage renders the page the studio's WebAssembly takes over. Until
// it runs, the page says what the studio is and what it needs.
func (s *Site) StudioPage() ([]byte, error) {
	var b bytes.Buffer
	err := templates["studio.html"].Execute(&b, studioPageData{
		Lang:    "en",
		Title:   "explainer studio",
		Root:    s.root,
		Icon:    s.assets.URL("favicon.svg"),
		CSS:     s.assets.URL("studio.css"),
		Script:  s.assets.URL("studio.js"),
		Exec:    s.assets.URL("wasm_exec.js"),
		Wasm:    s.assets.URL("studio.wasm"),
		Preview: s.assets.URL("explainer.css"),
		Version: s.version,
	})
	return b.Bytes(), err
}
