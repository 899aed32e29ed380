//go:build studio || !wasm

package widget

// StaticHTML renders a widget as the server prerenders it, on either
// side. The studio's preview uses it in the browser, with a widget from
// New; its text is escaped as the server's page is (attr_studio.go), so
// that story text cannot write markup there either. (One thing differs
// in the browser: the media's play button, which needs the WebAssembly,
// is there; the preview takes it out.) The reader's WebAssembly has
// none of this.
func StaticHTML(c *Explainer) string {
	return Prerender(c)
}
