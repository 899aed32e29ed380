package publish_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gocloud.dev/blob"

	"explainer/app/internal/testenv"
	"explainer/app/publish"
	"explainer/app/story/storytest"
)

// v2 is the second version of a site that every interruption test
// publishes over the first: a new build (a changed stylesheet), one story
// edited and one added, so that every group (assets, data, pages, index)
// has an object to write.
const v2CSS = "body { color: #222 }\n"

func makeV2(t testing.TB, dir string) {
	t.Helper()
	edited := bytes.Replace(storytest.GenerateStory("second-story", 20), []byte("Headline of event 1,"), []byte("Amended headline of event 1,"), 1)
	if err := os.WriteFile(filepath.Join(dir, "second-story.json"), edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "new-story.json"), storytest.GenerateStory("new-story", 8), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkAsItWasOrWillBe fails unless every page the bucket holds loads
// all it links to, and every object is either its first or its second
// version.
func checkAsItWasOrWillBe(t testing.TB, contents map[string]stored, v1, v2 []publish.Object) {
	t.Helper()
	checkWhole(t, contents)
	versions := map[string][][]byte{}
	for _, objs := range [][]publish.Object{v1, v2} {
		for _, o := range objs {
			versions[o.Key] = append(versions[o.Key], testenv.Decode(t, o.Key, o.Encoding, o.Body))
		}
	}
	for key, got := range contents {
		if key == publish.ManifestKey {
			continue
		}
		ok := false
		for _, v := range versions[key] {
			ok = ok || bytes.Equal(got.Body, v)
		}
		if !ok {
			t.Errorf("%s in the bucket is neither its old version nor its new one", key)
		}
	}
}

// checkIsV2 fails unless the bucket holds the second version whole.
func checkIsV2(t testing.TB, contents map[string]stored, v2 []publish.Object) {
	t.Helper()
	checkWhole(t, contents)
	for _, o := range v2 {
		if got, ok := contents[o.Key]; !ok || !bytes.Equal(got.Body, testenv.Decode(t, o.Key, o.Encoding, o.Body)) {
			t.Errorf("after the rerun, %s is not its new version", o.Key)
		}
	}
}

// uploadsOver is how many objects a publish of v2 over v1 uploads (as a
// dry run says): the number of writes to interrupt.
func uploadsOver(t testing.TB, srv *testenv.S3, v1, v2 []publish.Object) int {
	t.Helper()
	srv.Bucket(t, "count")
	b := openBucket(t, srv.URL("count"))
	if _, err := publish.Publish(context.Background(), b, v1, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	sum, err := publish.Publish(context.Background(), b, v2, publish.Options{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Uploaded < 6 {
		t.Fatalf("the second version uploads %d objects; the test wants one in each group at least", sum.Uploaded)
	}
	return sum.Uploaded
}

// The network goes at a write of a publish (the first, an asset, a
// story's data, the index, the last; tried once, so that the test does
// not wait out the backoff of retries): the publish fails, the site is as it was or as it will be,
// and a rerun finishes it, uploading only what is not there yet.
func TestPublishNetworkGone(t *testing.T) {
	srv := testenv.StartS3(t)
	ctx := context.Background()
	dir := writeStories(t, "second-story")
	v1 := objects(t, openSite(t, dir, staticFiles(t, nil)))
	makeV2(t, dir)
	v2 := objects(t, openSite(t, dir, staticFiles(t, map[string]string{"explainer.css": v2CSS})))
	fast := publish.Options{Attempts: 1}
	n := uploadsOver(t, srv, v1, v2)

	// The writes of the second publish: the pending manifest, then the
	// n uploads, then the final manifest.
	for _, cut := range []int{1, 2, 4, n + 1, n + 2} {
		name := "site-" + strconv.Itoa(cut)
		srv.Bucket(t, name)
		direct := openBucket(t, srv.URL(name))
		if _, err := publish.Publish(ctx, direct, v1, fast); err != nil {
			t.Fatal(err)
		}
		px := newProxy(t, srv.Endpoint)
		px.cutFrom = cut
		_, err := publish.Publish(ctx, openBucket(t, srv.URL(name, "endpoint", px.URL)), v2, fast)
		if err == nil {
			t.Fatalf("cut at write %d: the publish did not fail", cut)
		}
		checkAsItWasOrWillBe(t, bucketContents(t, srv, name), v1, v2)

		sum, err := publish.Publish(ctx, direct, v2, fast)
		if err != nil {
			t.Fatalf("cut at write %d, rerun: %v", cut, err)
		}
		if done := cut - 2; done > 0 && sum.Uploaded > n-done {
			t.Errorf("cut at write %d, rerun: %s; the %d objects written before the cut were written again", cut, sum, done)
		}
		checkIsV2(t, bucketContents(t, srv, name), v2)
	}
}

// A connection that drops now and then costs a retry, not the publish.
func TestPublishRetries(t *testing.T) {
	srv := testenv.StartS3(t)
	srv.Bucket(t, "site")
	px := newProxy(t, srv.Endpoint)
	px.dropEvery = 3
	dir := writeStories(t, "second-story")
	objs := objects(t, openSite(t, dir, staticFiles(t, nil)))
	sum, err := publish.Publish(context.Background(), openBucket(t, srv.URL("site", "endpoint", px.URL)), objs, publish.Options{RetryWait: time.Millisecond})
	if err != nil {
		t.Fatalf("with one request in three dropped: %v", err)
	}
	if sum.Uploaded != len(objs) {
		t.Errorf("%s; want all %d uploaded", sum, len(objs))
	}
	checkIsV2(t, bucketContents(t, srv, "site"), objs)
}

// A publish killed (SIGKILL, no chance to clean up) while a write is in
// flight leaves the site whole; the rerun finishes it.
func TestPublishKilled(t *testing.T) {
	srv := testenv.StartS3(t)
	ctx := context.Background()
	dir := writeStories(t, "second-story")
	v1 := objects(t, openSite(t, dir, staticFiles(t, nil)))
	srv.Bucket(t, "site")
	direct := openBucket(t, srv.URL("site"))
	if _, err := publish.Publish(ctx, direct, v1, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	makeV2(t, dir)
	v2 := objects(t, openSite(t, dir, staticFiles(t, map[string]string{"explainer.css": v2CSS})))
	n := uploadsOver(t, srv, v1, v2)

	px := newProxy(t, srv.Endpoint)
	px.holdAt = 4 // the pending manifest, the stylesheet, a story's data, then this
	child := exec.Command(os.Args[0])
	child.Env = append(os.Environ(), childEnv+"="+srv.URL("site", "endpoint", px.URL), childDirEnv+"="+dir)
	var out bytes.Buffer
	child.Stdout, child.Stderr = &out, &out
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-px.held:
	case <-time.After(2 * time.Minute):
		child.Process.Kill()
		t.Fatalf("the publish never reached its fourth write: %s", out.String())
	}
	child.Process.Kill()
	child.Wait()
	px.mu.Lock()
	px.cut = true // the write in flight dies with the process
	px.mu.Unlock()
	close(px.release)
	<-px.heldDone // and is dropped before the bucket is read

	checkAsItWasOrWillBe(t, bucketContents(t, srv, "site"), v1, v2)
	sum, err := publish.Publish(ctx, direct, v2, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Uploaded >= n {
		t.Errorf("rerun: %s; what the killed publish wrote was written again", sum)
	}
	checkIsV2(t, bucketContents(t, srv, "site"), v2)
}

// A wrong endpoint or wrong credentials fail at once with an error that
// says what to check, having written nothing.
func TestPublishCannotReach(t *testing.T) {
	srv := testenv.StartS3(t)
	srv.Bucket(t, "site")
	objs := objects(t, openSite(t, writeStories(t), staticFiles(t, nil)))
	tests := []struct {
		name, url string
		env       map[string]string
		want      string
	}{
		{"no server there", srv.URL("site", "endpoint", "http://"+deadAddress(t)), nil, "reading the bucket"},
		{"wrong secret", srv.URL("site"), map[string]string{"AWS_SECRET_ACCESS_KEY": "wrong"}, "credentials"},
		{"unknown key", srv.URL("site"), map[string]string{"AWS_ACCESS_KEY_ID": "nobody"}, "credentials"},
		{"no such bucket", srv.URL("nobucket"), nil, "no such bucket"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			b := openBucket(t, tt.url)
			_, err := publish.Publish(context.Background(), b, objs, publish.Options{Attempts: 1})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v; want an error saying %q", err, tt.want)
			}
			if keys := keysOf(bucketContents(t, srv, "site")); len(keys) != 0 {
				t.Errorf("a failed publish left %q", keys)
			}
		})
	}
}

// Bucket URLs that cannot be opened, or that would put a secret on the
// command line, are refused before anything is sent anywhere, and the
// error does not repeat the secret (errors are logged, logs are kept).
func TestOpenRefuses(t *testing.T) {
	testenv.NoCloudMetadata(t)
	tests := []struct{ url, want string }{
		{"", "want a bucket URL"},
		{"site", "want a bucket URL"},
		{"ftp://host/dir", "unknown scheme"},
		{"s3://key:pa55word@bucket", "credentials"},
		{"s3://bucket?aws_secret_access_key=pa55word", "secret"},
		{"s3:?aws_secret_access_key=pa55word", "secret"},
		{"azblob://container?sas_token=pa55word", "secret"},
		{"s3://bucket?prefix=graphics", "must end in a slash"},
		{"s3://bucket?endpoint=http://minio:pa55word@127.0.0.1:9000&use_path_style=true", "endpoint= carries credentials"},
		{"s3://bucket?endpoint=https://pa55word@s3.example.com", "endpoint= carries credentials"},
		{"s3://bucket?endpoint=minio:pa55word@127.0.0.1:9000", "endpoint= carries credentials"},
		{"azblob://container?domain=user:pa55word@blob.example.com", "domain= carries credentials"},
		{"file://user:pa55word@/srv/site", "credentials"},
		{"file:///srv/site?metadata=", "no .attrs files"},
	}
	for _, tt := range tests {
		for _, open := range []func(context.Context, string) (*blob.Bucket, error){publish.Open, publish.OpenDryRun} {
			_, err := open(context.Background(), tt.url)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%q) = %v; want an error saying %q", tt.url, err, tt.want)
				continue
			}
			if strings.Contains(err.Error(), "pa55word") {
				t.Errorf("Open(%q): the error repeats the secret: %v", tt.url, err)
			}
		}
	}
	// An address with no credentials in it is taken.
	b, err := publish.Open(context.Background(), "s3://bucket?endpoint=http://127.0.0.1:9000&region=us-east-1&prefix=team@news/")
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
}
