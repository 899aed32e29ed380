package publish_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"explainer/app/internal/testenv"
	"explainer/app/publish"
	"explainer/app/site"
	"explainer/app/story/storytest"
)

// One site's life on a real S3 server: a first publish, a republish with
// nothing changed, an edit, a new build of the assets, a story taken
// down, and the retired assets' end, each writing only what it must and
// never touching what no publish wrote.
func TestPublishLifecycle(t *testing.T) {
	ctx := context.Background()
	srv := testenv.StartS3(t)
	srv.Bucket(t, "site")
	px := newProxy(t, srv.Endpoint)
	b := openBucket(t, srv.URL("site", "endpoint", px.URL))
	// Someone else's object, beside the site: never to be touched.
	put(t, srv, "site", "press/readme.txt", "not ours")

	dir := writeStories(t, "second-story", "third-story")
	static := staticFiles(t, nil)
	clock := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	opts := publish.Options{Now: func() time.Time { return clock }}
	publishNow := func(t *testing.T, st *site.Site) publish.Summary {
		t.Helper()
		sum, err := publish.Publish(ctx, b, objects(t, st), opts)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}

	objs := objects(t, openSite(t, dir, static))
	t.Run("first publish", func(t *testing.T) {
		sum := publishNow(t, openSite(t, dir, static))
		if sum.Uploaded != len(objs) || sum.Unchanged != 0 || sum.Deleted != 0 {
			t.Errorf("first publish: %s; want all %d objects uploaded", sum, len(objs))
		}
		contents := bucketContents(t, srv, "site")
		checkWhole(t, contents)
		for _, o := range objs {
			got, ok := contents[o.Key]
			if !ok {
				t.Errorf("%s is not in the bucket", o.Key)
				continue
			}
			if got.Type != o.Type || got.Cache != o.Cache || got.Encoding != o.Encoding {
				t.Errorf("%s is stored with type %q, cache %q, encoding %q; want %q, %q, %q", o.Key, got.Type, got.Cache, got.Encoding, o.Type, o.Cache, o.Encoding)
			}
		}
		// The manifest is written twice: pending before the uploads,
		// final after them.
		if puts, deletes, _ := px.writes(); puts != len(objs)+2 || deletes != 0 {
			t.Errorf("first publish: %d PUTs and %d DELETEs; want %d and 0", puts, deletes, len(objs)+2)
		}
	})

	t.Run("nothing changed", func(t *testing.T) {
		sum := publishNow(t, openSite(t, dir, static))
		if sum.Uploaded != 0 || sum.Unchanged != len(objs) || len(sum.Changes) != 0 {
			t.Errorf("republish: %s; want nothing uploaded", sum)
		}
		if puts, deletes, _ := px.writes(); puts+deletes != 0 {
			t.Errorf("republish with nothing changed wrote %d objects and deleted %d", puts, deletes)
		}
	})

	t.Run("one story edited", func(t *testing.T) {
		edited := bytes.Replace(storytest.GenerateStory("second-story", 20), []byte("Headline of event 3,"), []byte("Corrected headline of event 3,"), 1)
		if err := os.WriteFile(filepath.Join(dir, "second-story.json"), edited, 0o644); err != nil {
			t.Fatal(err)
		}
		sum := publishNow(t, openSite(t, dir, static))
		_, _, keys := px.writes()
		// The story's page, data, sheet and printable version, and its
		// quotes' share pages (each is the story's page at its quote); no
		// share image: what they show did not change.
		quotePages, _ := shareOf(t, "second-story", 20)
		want := append([]string{publish.ManifestKey, "s/second-story.csv", "s/second-story.json", "s/second-story/index.html", "s/second-story/print/index.html", publish.ManifestKey}, quotePages...)
		slices.Sort(keys)
		slices.Sort(want)
		if !slices.Equal(keys, want) {
			t.Errorf("an edit of one story wrote %q; want %q", keys, want)
		}
		if sum.Uploaded != 4+len(quotePages) {
			t.Errorf("edit: %s", sum)
		}
		contents := bucketContents(t, srv, "site")
		if !bytes.Contains(contents["s/second-story.json"].Body, []byte("Corrected headline of event 3,")) {
			t.Error("the story data in the bucket does not carry the correction")
		}
		checkWhole(t, contents)
	})

	// A new build changes the stylesheet: pages now link to a new name.
	// The old one stays for a day, for readers of the pages before.
	newStatic := staticFiles(t, map[string]string{"explainer.css": "body { color: #111 }\n"})
	oldCSS := openSite(t, dir, static).Assets().URL("explainer.css")[1:]
	t.Run("new build", func(t *testing.T) {
		sum := publishNow(t, openSite(t, dir, newStatic))
		newCSS := openSite(t, dir, newStatic).Assets().URL("explainer.css")[1:]
		contents := bucketContents(t, srv, "site")
		if _, ok := contents[newCSS]; !ok {
			t.Errorf("the new stylesheet %s is not in the bucket", newCSS)
		}
		if _, ok := contents[oldCSS]; !ok {
			t.Errorf("the old stylesheet %s was deleted at once; readers of older pages still load it", oldCSS)
		}
		if sum.Retired != 1 || sum.Deleted != 0 {
			t.Errorf("new build: %s; want the old stylesheet retired, nothing deleted", sum)
		}
		checkWhole(t, contents)
		px.writes()
	})

	t.Run("story taken down", func(t *testing.T) {
		if err := os.Remove(filepath.Join(dir, "third-story.json")); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(25 * time.Hour) // and the old stylesheet's day is over
		sum := publishNow(t, openSite(t, dir, newStatic))
		_, deletes, _ := px.writes()
		contents := bucketContents(t, srv, "site")
		for _, gone := range []string{"s/third-story.json", "s/third-story.csv", "s/third-story/index.html", "s/third-story/print/index.html", oldCSS} {
			if _, ok := contents[gone]; ok {
				t.Errorf("%s is still in the bucket", gone)
			}
		}
		pages, images := shareOf(t, "third-story", 20)
		if n := 5 + len(pages) + len(images); deletes != n || sum.Deleted != n {
			t.Errorf("take-down: %d DELETEs, %s; want %d", deletes, sum, n)
		}
		if got := string(contents["press/readme.txt"].Body); got != "not ours" {
			t.Errorf("an object no publish wrote was touched: %q", got)
		}
		if bytes.Contains(contents["index.html"].Body, []byte("third-story")) {
			t.Error("the index still links to the story taken down")
		}
		checkWhole(t, contents)
	})

	t.Run("dry run", func(t *testing.T) {
		if err := os.WriteFile(filepath.Join(dir, "fourth-story.json"), storytest.GenerateStory("fourth-story", 5), 0o644); err != nil {
			t.Fatal(err)
		}
		dry := opts
		dry.DryRun = true
		sum, err := publish.Publish(ctx, b, objects(t, openSite(t, dir, newStatic)), dry)
		if err != nil {
			t.Fatal(err)
		}
		var said []string
		for _, c := range sum.Changes {
			said = append(said, string(c.Action)+" "+c.Key)
		}
		want := []string{"changed index.html", "new s/fourth-story.csv", "new s/fourth-story.json", "new s/fourth-story/index.html", "new s/fourth-story/print/index.html"}
		pages, images := shareOf(t, "fourth-story", 5)
		for _, k := range append(pages, images...) {
			want = append(want, "new "+k)
		}
		slices.Sort(said)
		slices.Sort(want)
		if !slices.Equal(said, want) {
			t.Errorf("the dry run lists %q; want %q", said, want)
		}
		if puts, deletes, _ := px.writes(); puts+deletes != 0 {
			t.Errorf("the dry run wrote %d objects and deleted %d", puts, deletes)
		}
	})
	_ = ctx
}

// A first publish into a bucket that already holds a file at one of the
// site's keys refuses, naming it, and writes nothing; -force replaces it.
func TestPublishRefusesForeignObjects(t *testing.T) {
	srv := testenv.StartS3(t)
	srv.Bucket(t, "site")
	put(t, srv, "site", "index.html", "<p>the old site</p>")
	b := openBucket(t, srv.URL("site"))
	objs := objects(t, openSite(t, writeStories(t, "second-story"), staticFiles(t, nil)))
	_, err := publish.Publish(context.Background(), b, objs, publish.Options{})
	if err == nil || !strings.Contains(err.Error(), "index.html") || !errors.Is(err, publish.ErrForeign) {
		t.Fatalf("publishing over a foreign index.html: %v; want a refusal naming it, and ErrForeign", err)
	}
	if keys := keysOf(bucketContents(t, srv, "site")); !slices.Equal(keys, []string{"index.html"}) {
		t.Errorf("a refused publish left %q in the bucket", keys)
	}
	if _, err := publish.Publish(context.Background(), b, objs, publish.Options{Force: true}); err != nil {
		t.Fatal(err)
	}
	if got := bucketContents(t, srv, "site")["index.html"].Body; bytes.Contains(got, []byte("the old site")) {
		t.Error("-force did not replace the foreign index.html")
	}
}

// put writes an object straight to the store, as someone else would.
func put(t testing.TB, srv *testenv.S3, bucket, key, body string) {
	t.Helper()
	_, err := srv.Client.PutObject(context.Background(), &s3.PutObjectInput{
		Bucket: aws.String(bucket), Key: aws.String(key), Body: strings.NewReader(body), ContentType: aws.String("text/plain"),
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A manifest that is not one (hand-edited, another tool's) stops the
// publish before anything is written: it cannot tell what is whose.
func TestPublishRefusesABrokenManifest(t *testing.T) {
	srv := testenv.StartS3(t)
	srv.Bucket(t, "site")
	put(t, srv, "site", publish.ManifestKey, "{not json")
	objs := objects(t, openSite(t, writeStories(t), staticFiles(t, nil)))
	_, err := publish.Publish(context.Background(), openBucket(t, srv.URL("site")), objs, publish.Options{})
	if err == nil || !strings.Contains(err.Error(), "not a publish manifest") {
		t.Fatalf("over a broken manifest: %v", err)
	}
	if keys := keysOf(bucketContents(t, srv, "site")); !slices.Equal(keys, []string{publish.ManifestKey}) {
		t.Errorf("a refused publish left %q", keys)
	}
}
