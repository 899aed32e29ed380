package publish_test

import (
	"bytes"
	"context"
	"encoding/json"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gocloud.dev/blob"

	"explainer/app/internal/testenv"
	"explainer/app/publish"
	"explainer/app/site"
	"explainer/app/story/storytest"
)

// checkFolder fails unless the folder, served by a static server that
// knows nothing of publishing, is the site as an export writes it: every
// file with its own bytes, the assets' .br and .gz copies beside them,
// each sent as itself (the type its name says, no Content-Encoding), no
// .attrs file anywhere, and every page with all it loads.
func checkFolder(t *testing.T, dir string, st *site.Site) {
	t.Helper()
	files, err := st.Files()
	if err != nil {
		t.Fatal(err)
	}
	contents := folderContents(t, dir)
	for _, f := range files {
		key := strings.TrimPrefix(f.Path, "/")
		got, ok := contents[key]
		if !ok {
			t.Errorf("%s is not in the folder", key)
			continue
		}
		if got.Encoding != "" || !bytes.Equal(got.Body, f.Body) {
			t.Errorf("%s is served with Content-Encoding %q, %d bytes; want none, as it is (%d bytes)", key, got.Encoding, len(got.Body), len(f.Body))
		}
		want, _, _ := mime.ParseMediaType(f.Type)
		if have, _, _ := mime.ParseMediaType(got.Type); f.Encoding == "" && have != want && f.Path != "/story.schema.json" {
			t.Errorf("%s is served as %q; want %q", key, got.Type, want)
		}
	}
	if len(contents) != len(files)+1 { // and the manifest
		t.Errorf("the folder holds %d files; want the site's %d and the manifest", len(contents), len(files))
	}
	if s := sidecars(t, dir); len(s) > 0 {
		t.Errorf("the folder holds .attrs files, which no static server reads: %q", s)
	}
	checkWhole(t, contents)
}

// A folder (file://) gets the site as files a static server serves as
// they are, and the same incremental publishing as a bucket: nothing
// written when nothing changed, an edit writes its story, a take-down
// removes it.
func TestPublishToAFolder(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	b := openBucket(t, "file://"+root)
	dir := writeStories(t, "second-story")
	static := staticFiles(t, nil)
	st := openSite(t, dir, static)
	objs := folderObjects(t, st)
	sum, err := publish.Publish(ctx, b, objs, publish.Options{})
	if err != nil || sum.Uploaded != len(objs) {
		t.Fatalf("first publish: %s, %v; want %d files", sum, err, len(objs))
	}
	checkFolder(t, root, st)
	if sum, err := publish.Publish(ctx, b, folderObjects(t, openSite(t, dir, static)), publish.Options{}); err != nil || sum.Uploaded != 0 || len(sum.Changes) != 0 {
		t.Errorf("republish: %s, %v; want nothing written", sum, err)
	}
	edited := bytes.Replace(storytest.GenerateStory("second-story", 20), []byte("Headline of event 5,"), []byte("Edited headline of event 5,"), 1)
	if err := os.WriteFile(filepath.Join(dir, "second-story.json"), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	st = openSite(t, dir, static)
	pages, images := shareOf(t, "second-story", 20)
	if sum, err := publish.Publish(ctx, b, folderObjects(t, st), publish.Options{}); err != nil || sum.Uploaded != 4+len(pages) {
		t.Errorf("after an edit: %s, %v; want the story's page, data, sheet, printable version and quote pages written", sum, err)
	}
	checkFolder(t, root, st)
	if err := os.Remove(filepath.Join(dir, "second-story.json")); err != nil {
		t.Fatal(err)
	}
	st = openSite(t, dir, static)
	if sum, err := publish.Publish(ctx, b, folderObjects(t, st), publish.Options{}); err != nil || sum.Deleted != 4+len(pages)+len(images) {
		t.Errorf("after a take-down: %s, %v; want its page, data, sheet, printable version and share files deleted", sum, err)
	}
	checkFolder(t, root, st)
}

// A folder an older explainer published to holds each page and the story
// data gzip-compressed under its own name, the encoding only in .attrs
// files beside them (gocloud.dev's way), which a static server sends as
// compressed bytes labelled text/html. The next publish rewrites every
// such file as it is, adds the assets' copies and removes the .attrs
// files; the one after writes nothing.
func TestPublishRewritesAnOlderFolder(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	dir := writeStories(t, "second-story")
	static := staticFiles(t, nil)
	st := openSite(t, dir, static)

	// As the older explainer wrote it: through a fileblob bucket with
	// its sidecars, every object compressed, and the manifest.
	old, err := blob.OpenBucket(ctx, "file://"+root)
	if err != nil {
		t.Fatal(err)
	}
	gz, err := publish.Build(st, publish.Gzip)
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		Digest string `json:"sha256"`
		MD5    []byte `json:"md5"`
		Size   int    `json:"size"`
		Kind   int    `json:"kind"`
	}
	manifest := map[string]entry{}
	for _, o := range gz {
		if err := old.WriteAll(ctx, o.Key, o.Body, &blob.WriterOptions{ContentType: o.Type, CacheControl: o.Cache, ContentEncoding: o.Encoding, ContentMD5: o.MD5}); err != nil {
			t.Fatal(err)
		}
		manifest[o.Key] = entry{o.Digest, o.MD5, len(o.Body), int(o.Kind)}
	}
	data, err := json.Marshal(map[string]any{"version": 1, "objects": manifest})
	if err != nil {
		t.Fatal(err)
	}
	if err := old.WriteAll(ctx, publish.ManifestKey, data, &blob.WriterOptions{ContentType: "application/json", CacheControl: "no-store"}); err != nil {
		t.Fatal(err)
	}
	old.Close()
	if page := folderContents(t, root)["s/second-story/index.html"]; !bytes.HasPrefix(page.Body, []byte{0x1f, 0x8b}) || len(sidecars(t, root)) == 0 {
		t.Fatalf("the older form is not what this test starts from: %q, %d .attrs files", page.Body[:min(len(page.Body), 8)], len(sidecars(t, root)))
	}

	b := openBucket(t, "file://"+root)
	objs := folderObjects(t, st)
	sum, err := publish.Publish(ctx, b, objs, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Uploaded < len(gz) || sum.Deleted != 0 {
		t.Errorf("over the older form: %s; want at least the %d compressed files rewritten, nothing deleted", sum, len(gz))
	}
	checkFolder(t, root, st)
	if sum, err := publish.Publish(ctx, b, folderObjects(t, openSite(t, dir, static)), publish.Options{}); err != nil || sum.Uploaded != 0 || len(sum.Changes) != 0 {
		t.Errorf("republish: %s, %v; want nothing written", sum, err)
	}
}

// A publish to a folder cut off half-way leaves every page with what it
// loads, and the next one writes only what is not there yet: a folder
// keeps no MD5 of its own, so the files the first one wrote are read to
// tell them from the ones before.
func TestFolderPublishInterrupted(t *testing.T) {
	root := t.TempDir()
	b := openBucket(t, "file://"+root)
	dir := writeStories(t, "second-story", "third-story")
	if _, err := publish.Publish(context.Background(), b, folderObjects(t, openSite(t, dir, staticFiles(t, nil))), publish.Options{}); err != nil {
		t.Fatal(err)
	}
	// A new build: new assets, and every page changed.
	st := openSite(t, dir, staticFiles(t, map[string]string{"explainer.css": v2CSS}))
	objs := folderObjects(t, st)
	// The old build's assets go at once (no -keep), so that the folder
	// is the new site alone at the end.
	dry, err := publish.Publish(context.Background(), b, objs, publish.Options{DryRun: true, Keep: -1})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cut, err := publish.Publish(ctx, b, objs, publish.Options{Keep: -1, Concurrency: 1, Progress: func(p publish.Progress) {
		if p.Done == dry.Uploaded/2 {
			cancel()
		}
	}})
	if err == nil || cut.Uploaded == 0 || cut.Uploaded >= dry.Uploaded {
		t.Fatalf("the cut-off publish: %s, %v; want it stopped half-way through %d", cut, err, dry.Uploaded)
	}
	checkWhole(t, folderContents(t, root))
	sum, err := publish.Publish(context.Background(), b, objs, publish.Options{Keep: -1})
	if err != nil || sum.Uploaded != dry.Uploaded-cut.Uploaded {
		t.Errorf("the rerun: %s, %v; want the %d files the cut-off publish did not write", sum, err, dry.Uploaded-cut.Uploaded)
	}
	checkFolder(t, root, st)
}

// In a folder (file://), taking a story down removes the folders that
// only its files were in, and nothing else: not a folder that holds
// something the publish did not write, not one it did not touch, not the
// site's own folder, with or without prefix=.
func TestTakeDownRemovesEmptiedFolders(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
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
			if _, err := publish.Publish(ctx, b, folderObjects(t, openSite(t, dir, static)), publish.Options{}); err != nil {
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
			want := 8 // two stories' pages, data, sheets and printable versions
			for _, id := range []string{"second-story", "third-story"} {
				pages, images := shareOf(t, id, 20)
				want += len(pages) + len(images)
			}
			sum, err := publish.Publish(ctx, b, folderObjects(t, openSite(t, dir, static)), publish.Options{})
			if err != nil || sum.Deleted != want {
				t.Fatalf("take-down: %s, %v; want %d deleted", sum, err, want)
			}
			if _, err := os.Stat(filepath.Join(site, "s/second-story")); !os.IsNotExist(err) {
				t.Errorf("s/second-story is still there (%v)", err)
			}
			for _, kept := range []string{"s/third-story/notes.txt", "drafts", "s/" + ids.Story(), "s"} {
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
	objs := folderObjects(t, openSite(t, writeStories(t), staticFiles(t, nil)))
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
