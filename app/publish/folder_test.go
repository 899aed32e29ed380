//go:build !wasm

package publish_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"explainer/app/internal/testenv"
	"explainer/app/publish"
)

// In a folder (file://), taking a story down removes the folders that
// only its files were in, and nothing else: not a folder that holds
// something the publish did not write, not one it did not touch, not the
// site's own folder, with or without prefix=.
func TestTakeDownRemovesEmptiedFolders(t *testing.T) {
	for _, prefix := range []string{"", "graphics/"} {
		t.Run("prefix="+prefix, func(t *testing.T) {
			ctx := context.Background()
			root := t.TempDir()
			url := "file://" + root
			site := root
			if prefix != "" {
				url += "?prefix=" + prefix
				site = filepath.Join(root, prefix)
			}
			b := openBucket(t, url)
			dir := writeStories(t, "second-story", "third-story")
			static := staticFiles(t, nil)
			if _, err := publish.Publish(ctx, b, objects(t, openSite(t, dir, static)), publish.Options{}); err != nil {
				t.Fatal(err)
			}
			for _, d := range []string{"s/second-story", "s/third-story"} {
				if _, err := os.Stat(filepath.Join(site, d, "index.html")); err != nil {
					t.Fatal(err)
				}
			}
			// Someone's notes beside the third story, and a folder of
			// their own that no publish wrote.
			if err := os.WriteFile(filepath.Join(site, "s/third-story/notes.txt"), []byte("notes"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(filepath.Join(site, "drafts"), 0o755); err != nil {
				t.Fatal(err)
			}
			for _, id := range []string{"second-story", "third-story"} {
				if err := os.Remove(filepath.Join(dir, id+".json")); err != nil {
					t.Fatal(err)
				}
			}
			sum, err := publish.Publish(ctx, b, objects(t, openSite(t, dir, static)), publish.Options{})
			if err != nil || sum.Deleted != 4 {
				t.Fatalf("take-down: %s, %v; want 4 deleted", sum, err)
			}
			if _, err := os.Stat(filepath.Join(site, "s/second-story")); !os.IsNotExist(err) {
				t.Errorf("s/second-story is still there (%v)", err)
			}
			for _, kept := range []string{"s/third-story/notes.txt", "drafts", "s/oval-office-2025", "s"} {
				if _, err := os.Stat(filepath.Join(site, kept)); err != nil {
					t.Errorf("%s: %v", kept, err)
				}
			}
		})
	}
}

// A dry run writes nothing, not even the folder a file:// URL with
// create_dir would make: a folder not there yet is an empty bucket, to
// which everything would be new.
func TestDryRunCreatesNothing(t *testing.T) {
	testenv.NoCloudMetadata(t)
	ctx := context.Background()
	missing := filepath.Join(t.TempDir(), "site")
	b, err := publish.OpenDryRun(ctx, "file://"+missing+"?create_dir=true")
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	objs := objects(t, openSite(t, writeStories(t), staticFiles(t, nil)))
	sum, err := publish.Publish(ctx, b, objs, publish.Options{DryRun: true})
	if err != nil || sum.Uploaded != len(objs) {
		t.Errorf("dry run: %s, %v; want all %d objects new", sum, err, len(objs))
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("the dry run made %s (%v)", missing, err)
	}
	// A folder that is there is read as it is, and left as it is.
	there := t.TempDir()
	b2, err := publish.OpenDryRun(ctx, "file://"+there+"?create_dir=true&prefix=graphics/")
	if err != nil {
		t.Fatal(err)
	}
	defer b2.Close()
	if sum, err := publish.Publish(ctx, b2, objs, publish.Options{DryRun: true}); err != nil || sum.Uploaded != len(objs) {
		t.Errorf("dry run: %s, %v", sum, err)
	}
	if entries, _ := os.ReadDir(there); len(entries) != 0 {
		t.Errorf("the dry run wrote in %s: %v", there, entries)
	}
}
