// Command webapp is the studio's WebAssembly, built apart from the
// reader's (with -tags studio, by app/internal/wasmbuild): readers never
// download the editor, and the editor gets the reader's widget to preview
// with. Built for anything but the browser, it says so and stops.
package main

import (
	"fmt"
	"os"
	_ "time/tzdata" // editors may type any zone; readers' pages bring theirs

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/studio/ui"
)

func main() {
	app.Route("/studio/", func() app.Composer { return &ui.Studio{} })
	app.RunWhenOnBrowser() // in the browser, this never returns
	fmt.Fprintln(os.Stderr, "the studio runs in the browser: explainer edit FILE|DIR opens it")
	os.Exit(2)
}
