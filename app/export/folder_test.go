package export

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/publish"
	"explainer/app/story/storytest"
)

// TestExportIsAPublishToAFolder: an export and a publish to a folder
// (file://) are one writer with one manifest: after an export, a publish
// of the same site finds nothing to write, and an export after the
// publish is an export over an earlier one.
func TestExportIsAPublishToAFolder(t *testing.T) {
	stories := t.TempDir()
	testenv.WriteFile(t, filepath.Join(stories, "a.json"), storytest.Small("a", "Story A"))
	s := newExporter(t, sitetest.Parts{Stories: stories})
	out := t.TempDir()
	n, err := s.Export(out, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, publish.ManifestKey)); err != nil {
		t.Errorf("no publish manifest in the export: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, legacyManifest)); !os.IsNotExist(err) {
		t.Errorf("the export wrote a manifest of its own, %s: %v", legacyManifest, err)
	}
	ctx := context.Background()
	b, err := publish.Open(ctx, "file://"+filepath.ToSlash(out))
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	objs, err := publish.Build(s.site, publish.Files)
	if err != nil {
		t.Fatal(err)
	}
	if len(objs) != n {
		t.Errorf("the export wrote %d files; a publish to a folder has %d", n, len(objs))
	}
	sum, err := publish.Publish(ctx, b, objs, publish.Options{})
	if err != nil || sum.Uploaded != 0 || len(sum.Changes) != 0 {
		t.Errorf("publish over the export: %s, %v; want nothing written", sum, err)
	}
	if _, err := s.Export(out, false); err != nil {
		t.Errorf("export over a publish: %v", err)
	}
}

// TestExportTakesOverAnOlderExport: a folder an older explainer exported
// to, with its own list of files (.explainer-export), is an earlier
// export: the next export goes in without -force, removes what the list
// names and the site no longer has, and the list itself.
func TestExportTakesOverAnOlderExport(t *testing.T) {
	stories := t.TempDir()
	testenv.WriteFile(t, filepath.Join(stories, "a.json"), storytest.Small("a", "Story A"))
	s := newExporter(t, sitetest.Parts{Stories: stories})
	out := t.TempDir()
	if err := os.Mkdir(filepath.Join(out, "s"), 0o755); err != nil {
		t.Fatal(err)
	}
	testenv.WriteFile(t, filepath.Join(out, "s", "gone.json"), "{}")
	testenv.WriteFile(t, filepath.Join(out, "404.html"), "old")
	testenv.WriteFile(t, filepath.Join(out, "notes.txt"), "someone's own")
	testenv.WriteFile(t, filepath.Join(out, legacyManifest), "404.html\ns/gone.json\n")
	if _, err := s.Export(out, false); err != nil {
		t.Fatalf("export over an older export: %v", err)
	}
	for _, name := range []string{"s/gone.json", legacyManifest} {
		if _, err := os.Stat(filepath.Join(out, name)); !os.IsNotExist(err) {
			t.Errorf("%s stays: %v", name, err)
		}
	}
	for _, name := range []string{"404.html", "notes.txt", "s/a.json", publish.ManifestKey} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
