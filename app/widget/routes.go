package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// Routes registers the story pages with go-app, in the browser: the
// WebAssembly builds the root component for the page it runs in, showing
// s, the story the page embeds (ReadPage), at the state its address asks
// for. The server renders pages itself (see app/site) with New.
func Routes(s *story.Story) {
	newExplainer := func() app.Composer { return &Explainer{story: s, atAddress: true} }
	app.Route("/", newExplainer)
	app.RouteWithRegexp(`^/s/[a-z0-9-]+/?$`, newExplainer)
}
