//go:build studio || !wasm

package widget

// prerendering is set while StaticHTML renders: in the studio's
// WebAssembly, attr then escapes as the server does (attr_studio.go).
// The reader's WebAssembly has neither this nor StaticHTML.
var prerendering bool

// StaticHTML renders a widget as the server prerenders it, on either
// side. The studio's preview uses it in the browser, with a widget from
// New; its text is escaped as the server's page is, so that story text
// cannot write markup there either. (One thing differs in the browser:
// the media's play button, which needs the WebAssembly, is there; the
// preview takes it out.)
func StaticHTML(c *Explainer) string {
	prerendering = true
	defer func() { prerendering = false }()
	return Prerender(c)
}
