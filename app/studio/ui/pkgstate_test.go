package ui

import (
	"testing"

	"explainer/app/internal/pkgvars"
)

// The studio's components keep their state on the Studio (the preview's
// frame included), not at package level, where a second Studio or a test
// would share it. The variables below are read-only tables.
func TestNoPackageState(t *testing.T) {
	for _, v := range pkgvars.Unlisted(t, ".", "fieldWords", "lists") {
		t.Errorf("package-level variable %s: keep it on the Studio (or, a read-only table, list it here)", v)
	}
}
