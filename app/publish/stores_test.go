package publish_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"explainer/app/internal/testenv"
	"explainer/app/publish"
	"explainer/app/story/storytest"
)

// Every object store a URL may name gets the same objects with the same
// headers, and the same incremental publishing, as S3 (tested at length
// above): here Azure Blob Storage (Microsoft's emulator, Azurite) and
// Google Cloud Storage (fake-gcs-server). Headers are read back through
// the store's driver. A folder (file://) gets files instead: folder_test.go.
func TestPublishToEachStore(t *testing.T) {
	tests := []struct {
		name string
		url  func(t *testing.T) string
	}{
		{"azure blob", func(t *testing.T) string { return testenv.StartAzurite(t).Container(t, "site") }},
		{"google cloud storage", func(t *testing.T) string { return testenv.StartGCS(t).Bucket(t, "site") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			b := openBucket(t, tt.url(t))
			dir := writeStories(t, "second-story")
			static := staticFiles(t, nil)
			objs := objects(t, openSite(t, dir, static))
			sum, err := publish.Publish(ctx, b, objs, publish.Options{})
			if err != nil || sum.Uploaded != len(objs) {
				t.Fatalf("first publish: %s, %v", sum, err)
			}
			for _, o := range objs {
				a, err := b.Attributes(ctx, o.Key)
				if err != nil {
					t.Fatalf("%s: %v", o.Key, err)
				}
				if a.ContentType != o.Type || a.CacheControl != o.Cache || a.ContentEncoding != o.Encoding || !bytes.Equal(a.MD5, o.MD5) {
					t.Errorf("%s is stored with type %q, cache %q, encoding %q; want %q, %q, %q and its MD5", o.Key, a.ContentType, a.CacheControl, a.ContentEncoding, o.Type, o.Cache, o.Encoding)
				}
			}
			if sum, err := publish.Publish(ctx, b, objs, publish.Options{}); err != nil || sum.Uploaded != 0 || len(sum.Changes) != 0 {
				t.Errorf("republish: %s, %v; want nothing written", sum, err)
			}
			edited := bytes.Replace(storytest.GenerateStory("second-story", 20), []byte("Headline of event 5,"), []byte("Edited headline of event 5,"), 1)
			if err := os.WriteFile(filepath.Join(dir, "second-story.json"), edited, 0o644); err != nil {
				t.Fatal(err)
			}
			pages, images := shareOf(t, "second-story", 20)
			if sum, err := publish.Publish(ctx, b, objects(t, openSite(t, dir, static)), publish.Options{}); err != nil || sum.Uploaded != 4+len(pages) {
				t.Errorf("after an edit: %s, %v; want the story's page, data, sheet, printable version and quote pages uploaded", sum, err)
			}
			if err := os.Remove(filepath.Join(dir, "second-story.json")); err != nil {
				t.Fatal(err)
			}
			if sum, err := publish.Publish(ctx, b, objects(t, openSite(t, dir, static)), publish.Options{}); err != nil || sum.Deleted != 4+len(pages)+len(images) {
				t.Errorf("after a take-down: %s, %v; want its page, data, sheet, printable version and share files deleted", sum, err)
			}
			for _, gone := range []string{"s/second-story.json", "s/second-story.csv", "s/second-story/index.html", "s/second-story/print/index.html"} {
				if ok, _ := b.Exists(ctx, gone); ok {
					t.Errorf("%s is still there", gone)
				}
			}
		})
	}
}
