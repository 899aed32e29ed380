package widget

import (
	"testing"

	"explainer/app/internal/pkgvars"
)

// The widget keeps no state at package level: the story, the reader's
// state and whether a render is the studio's all come in through New or
// Routes and live in the component, so two widgets (the studio's
// previews, the server's concurrent renders, tests) cannot see each
// other's. The variables below are read-only tables.
func TestNoPackageState(t *testing.T) {
	for _, v := range pkgvars.Unlisted(t, ".",
		"attrRefs", "cardHeights", "darkBackgrounds", "lightBackgrounds",
		"Shows", "textBlack", "textDark", "textLight", "Themes", "Views", "wideQuery") {
		t.Errorf("package-level variable %s: pass it in or keep it in a component (or, a read-only table, list it here)", v)
	}
}
