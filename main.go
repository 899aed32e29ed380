// Command explainer serves interactive news explainers and, compiled to
// WebAssembly, runs them in the reader's browser.
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/cli"
	"explainer/app/widget"
)

func main() {
	widget.Routes()
	if !widget.ReadPage() {
		return // in the browser: leave the prerendered page in place
	}
	app.RunWhenOnBrowser() // in the browser, this never returns
	os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr))
}
