// Package shell names what the page around the widget shares with the
// WebAssembly and with web/static/boot.js: element ids, the hooks boot.js
// puts on window, the state attribute on <html> and the go-app settings
// boot.js answers for. The server's template and the widget use these
// constants; boot.js spells the same names, and a test (shell_test.go)
// fails when it or the pinned go-app disagrees with them.
package shell

import (
	"strings"
)

const (
	// RootID is the widget's root element, the first child of <body>.
	RootID = "explainer"
	// DataID is the <script type="application/json"> that carries the
	// story, so the WebAssembly has it before its first render.
	DataID = "explainer-data"
	// ZonesID carries the TZif data of the story's time zones: the
	// WebAssembly has no zone database of its own.
	ZonesID = "explainer-zones"
	// WordsID carries what the widget says in the page's language (an
	// i18n.Pack): the WebAssembly holds no catalogue of its own.
	WordsID = "explainer-words"
	// OfflineID is the notice boot.js shows when the WebAssembly fails.
	OfflineID = "explainer-offline"

	// FailHook is the function boot.js puts on window; the WebAssembly
	// calls it when it cannot take over the page.
	FailHook = "explainerFail"
	// FocusHook is the window property where boot.js keeps the id of the
	// focused element, which the WebAssembly focuses again after takeover.
	FocusHook = "explainerFocus"

	// StateAttr on <html> says how far the WebAssembly got: loading,
	// ready or failed.
	StateAttr = "data-explainer"
	// ReadyEvent is dispatched on window, and posted to an embedding page,
	// once the WebAssembly runs the widget.
	ReadyEvent = "explainer:ready"
	// SelectEvent is posted to an embedding page when the reader selects
	// an event.
	SelectEvent = "explainer:select"
	// ViewEvent is posted to an embedding page when the reader changes the
	// card's view or the person filter.
	ViewEvent = "explainer:view"
	// HeightMessage is the message a card posts to its host with its
	// content's height; embed.js sizes the frame from it.
	HeightMessage = "explainer:height"
	// MeasureMessage is what embed.js posts to a frame it adopts: the card
	// answers with its height, which embed.js may have missed if it loaded
	// after the frame.
	MeasureMessage = "explainer:measure"
	// GotoEvent is dispatched on window by boot.js when the host page asks
	// for an event (a #explainer-ID deep link); the WebAssembly selects it.
	GotoEvent = "explainer:goto"
)

// The query keys the scripts read or write as well as the widget: the
// selected event (boot.js on a host's deep link, embed.js from the host
// page's #explainer-ID), the embed card, pym.js's id for the frame and
// the switch that keeps the WebAssembly from loading.
const (
	EventParam   = "event"
	EmbedParam   = "embed"
	ChildIDParam = "childId"
	NoWasmParam  = "wasm"
)

// EmbedClass marks the root element of the embed card's page: the
// server's page has it from the start; on a static host, which serves
// one prerender of a page whatever its query, boot.js adds it for
// ?embed=1.
const EmbedClass = "is-embed"

// ChildIDPattern is the form of the id a pym.js parent gives its frame
// (?childId=): the id of an element in the host page. boot.js copies it
// into every message it posts to the parent, so anything else — above all
// pym's own delimiter, which would let a link forge a "navigateTo" — is
// refused, by ValidChildID here and the same test in boot.js.
const ChildIDPattern = "^[A-Za-z][A-Za-z0-9_.:-]{0,99}$"

// pymDelimiter separates the parts of a pym.js message.
const pymDelimiter = "xPYMx"

// ValidChildID reports whether a pym.js child id may be used.
func ValidChildID(id string) bool {
	return childIDForm(id) && !strings.Contains(id, pymDelimiter)
}

// childIDForm reports whether id matches ChildIDPattern,
// ^[A-Za-z][A-Za-z0-9_.:-]{0,99}$, matched by hand so that the reader's
// WebAssembly, which links this package, links no regexp (shell_test.go
// checks the two agree).
func childIDForm(id string) bool {
	if id == "" || len(id) > 100 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		letter := 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || strings.IndexByte("_.:-", c) >= 0)) {
			return false
		}
	}
	return true
}

// GoAppEnv lists the settings go-app v10 reads through the page's
// goappGetenv function, which boot.js provides in place of go-app's own
// loader.
var GoAppEnv = []string{"GOAPP_VERSION", "GOAPP_ROOT_PREFIX", "GOAPP_STATIC_RESOURCES_URL", "GOAPP_INTERNAL_URLS"}
