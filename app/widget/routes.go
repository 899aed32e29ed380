package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Routes registers the story pages with go-app, on both sides: the
// WebAssembly uses them to build the root component for the page it runs
// in. The server renders pages itself (see app/server) and only needs the
// component.
func Routes() {
	newExplainer := func() app.Composer { return &Explainer{} }
	app.Route("/", newExplainer)
	app.RouteWithRegexp(`^/s/[a-z0-9-]+/?$`, newExplainer)
}
