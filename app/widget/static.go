//go:build studio || !wasm

package widget

import (
	"net/url"

	"explainer/app/story"
)

// prerendering is set while StaticHTML renders: in the studio's
// WebAssembly, attr then escapes as the server does (attr_studio.go).
// The reader's WebAssembly has neither this nor StaticHTML.
var prerendering bool

// StaticHTML renders a story at the state and options of u as the server
// prerenders it, on either side. The studio's preview uses it in the
// browser; its text is escaped as the server's page is, so that story
// text cannot write markup there either. (One thing differs in the
// browser: the media's play button, which needs the WebAssembly, is
// there; the preview takes it out.)
func StaticHTML(s *story.Story, u *url.URL) string {
	prerendering = true
	defer func() { prerendering = false }()
	return Prerender(New(s, u))
}

// StaticOptions are the options of u for a story, as the page around a
// StaticHTML render needs them (its language, theme and embed class).
func StaticOptions(s *story.Story, u *url.URL) Options {
	_, o := ParseURL(s, u.Query())
	return o
}
