package publish_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"explainer/app/internal/testenv"
	"explainer/app/publish"
	"explainer/app/repo"
	"explainer/app/story/storytest"
)

type result struct {
	sum publish.Summary
	err error
}

// With -watch, an edit saved in the stories folder is on the bucket at
// the next publish, and a broken edit publishes nothing: the story's last
// good version stays, even while other edits go out.
func TestWatch(t *testing.T) {
	srv := testenv.StartS3(t)
	srv.Bucket(t, "site")
	b := openBucket(t, srv.URL("site"))
	dir := writeStories(t, "second-story", "third-story")
	st := openSite(t, dir, staticFiles(t, nil))
	ctx, cancel := context.WithCancel(context.Background())
	results := make(chan result, 16)
	stopped := make(chan struct{})
	go st.Stories().Watch(ctx, dir, time.Second) // as the command line runs it
	go func() {
		publish.Watch(ctx, st, b, publish.Brotli, publish.Options{}, func(s publish.Summary, err error) { results <- result{s, err} })
		close(stopped)
	}()
	t.Cleanup(func() { cancel(); <-stopped })

	next := func(what string) publish.Summary {
		t.Helper()
		select {
		case r := <-results:
			if r.err != nil {
				t.Fatalf("%s: %v", what, r.err)
			}
			return r.sum
		case <-time.After(time.Minute):
			t.Fatalf("%s: no publish within a minute", what)
		}
		return publish.Summary{}
	}
	storyData := func(id string) []byte {
		return bucketContents(t, srv, "site")["s/"+id+".json"].Body
	}
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	if sum := next("the first publish"); sum.Uploaded == 0 {
		t.Fatalf("the first publish: %s", sum)
	}

	good := bytes.Replace(storytest.GenerateStory("second-story", 20), []byte("Headline of event 2,"), []byte("Watched headline of event 2,"), 1)
	write("second-story.json", good)
	sum := next("after an edit")
	if !bytes.Contains(storyData("second-story"), []byte("Watched headline")) {
		t.Errorf("after an edit (%s), the bucket has the old story", sum)
	}

	write("second-story.json", []byte(`{"id": "second-story", "title": `))
	deadline := time.Now().Add(time.Minute)
	for !slices.ContainsFunc(st.Stories().Problems(), func(p repo.Problem) bool { return p.File == "second-story.json" }) {
		if time.Now().After(deadline) {
			t.Fatal("the broken edit was never read")
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Another story's edit goes out; the broken one does not.
	write("third-story.json", bytes.Replace(storytest.GenerateStory("third-story", 20), []byte("Headline of event 0,"), []byte("Third story, amended,"), 1))
	sum = next("after an edit beside a broken one")
	for _, c := range sum.Changes {
		if strings.Contains(c.Key, "second-story") {
			t.Errorf("the broken edit published %s", c.Key)
		}
	}
	if !bytes.Contains(storyData("second-story"), []byte("Watched headline")) {
		t.Error("the broken edit took the last good version off the bucket")
	}
	if !bytes.Contains(storyData("third-story"), []byte("Third story, amended,")) {
		t.Error("the edit beside the broken one is not on the bucket")
	}
}
