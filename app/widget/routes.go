package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/internal/urls"
	"explainer/app/story"
)

// Routes registers the story pages with go-app, in the browser: the
// WebAssembly builds the root component for the page it runs in, showing
// s, the story the page embeds (ReadPage), at the state its address asks
// for. The server renders pages itself (see app/site) with New.
func Routes(s *story.Story, words *i18n.Pack) {
	// The page's root path is the one boot.js gives go-app.
	newExplainer := func() app.Composer {
		return &Explainer{story: s, words: words, atAddress: true, links: true, root: app.Getenv("GOAPP_ROOT_PREFIX")}
	}
	app.Route("/", newExplainer)
	app.RouteFunc(storyPath, newExplainer)
}

// storyPath reports whether a path is a story's page, /s/ID/ or /s/ID,
// ID being lower-case letters, digits and hyphens: the paths the pattern
// ^/s/[a-z0-9-]+/?$ matches (routes_test.go checks the two agree). It is
// matched by hand, with the patched go-app's RouteFunc, so that the
// reader's WebAssembly does not link the regexp package.
func storyPath(p string) bool {
	id, ok := strings.CutPrefix(p, urls.StoryFile("", ""))
	id = strings.TrimSuffix(id, "/")
	if !ok || id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
