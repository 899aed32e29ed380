// Command webapp is the reader's WebAssembly (app.wasm, built by
// app/internal/wasmbuild): it takes over the page the server prerendered.
// It is a program of its own so that nothing of the server (app/cli and
// below) is compiled for the browser, and the server's main knows nothing
// of go-app. Built for anything but the browser, it says so and stops.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/widget"
)

func main() {
	if app.IsServer {
		fmt.Fprintln(os.Stderr, "the reader's widget runs in the browser: explainer serve serves it")
		os.Exit(2)
	}
	// The runtime's start and the package inits were one task; reading
	// the page is the next two, and the takeover the ones after.
	widget.YieldToBrowser()
	tuneGC()
	s, words, ok := widget.ReadPage()
	if !ok {
		return // leave the prerendered page in place
	}
	widget.Routes(s, words)
	widget.YieldToBrowser()
	// The page's first element is the widget as the server rendered it
	// for this address: take it over in place, so nothing is painted twice.
	app.AdoptPrerendered = true
	// ... in slices of 40 ms, so that a long story's takeover is several
	// tasks, not one (boot.js holds a click on a link meanwhile).
	app.AdoptYield = widget.YieldToBrowser
	app.AdoptSlice = 40 * time.Millisecond
	// A selection is drawn in the task of the click or key that made it,
	// not a frame timer later.
	app.RenderInTask = true
	app.RunWhenOnBrowser() // this never returns
}
