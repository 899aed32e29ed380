package publish_test

import (
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"gocloud.dev/blob"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/publish"
	"explainer/app/site"
	"explainer/app/story/storytest"
	"explainer/web"
)

// proxy stands between the publisher and the S3 server: it counts the
// writes that reach the store, and cuts the network or holds a write
// when a test says so. The store behind it is real.
type proxy struct {
	*httptest.Server
	mu        sync.Mutex
	counts    map[string]int // by method
	keys      []string       // objects written, in order
	cutFrom   int            // from this PUT on, connections are dropped (0: never)
	cut       bool           // the network is gone
	dropEvery int            // every so many requests, one is dropped (0: none)
	holdAt    int            // this PUT waits for release (0: none)
	held      chan struct{}  // closed when the held PUT arrives
	release   chan struct{}
	heldDone  chan struct{} // closed when the held PUT's handler has returned
}

func newProxy(t *testing.T, endpoint string) *proxy {
	target, err := url.Parse(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{counts: map[string]int{}, held: make(chan struct{}), release: make(chan struct{}), heldDone: make(chan struct{})}
	rp := httputil.NewSingleHostReverseProxy(target)
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.counts[r.Method]++
		n := p.counts[http.MethodPut]
		if r.Method == http.MethodPut && p.cutFrom > 0 && n >= p.cutFrom {
			p.cut = true
		}
		cut := p.cut || p.dropEvery > 0 && (p.counts["GET"]+p.counts["PUT"]+p.counts["DELETE"]+p.counts["HEAD"])%p.dropEvery == 0
		hold := r.Method == http.MethodPut && n == p.holdAt
		if r.Method == http.MethodPut && !cut {
			p.keys = append(p.keys, strings.SplitN(r.URL.Path, "/", 3)[2]) // /BUCKET/KEY
		}
		p.mu.Unlock()
		if hold {
			defer close(p.heldDone)
			close(p.held)
			<-p.release
			// The network may have gone while the write waited: then it
			// never reaches the store.
			p.mu.Lock()
			cut = cut || p.cut
			p.mu.Unlock()
		}
		if cut {
			// The network is gone: the connection drops with no answer.
			if hj, ok := w.(http.Hijacker); ok {
				if c, _, err := hj.Hijack(); err == nil {
					c.Close()
					return
				}
			}
			panic(http.ErrAbortHandler)
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		p.mu.Lock()
		if p.holdAt > 0 {
			select {
			case <-p.release:
			default:
				close(p.release)
			}
		}
		p.mu.Unlock()
		p.Close()
	})
	return p
}

// writes is how many PUTs and DELETEs reached the store since the last
// call.
func (p *proxy) writes() (puts, deletes int, keys []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	puts, deletes, keys = p.counts[http.MethodPut], p.counts[http.MethodDelete], p.keys
	p.counts, p.keys = map[string]int{}, nil
	return
}

// quiet is a logger for sites under test.
var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// writeStories writes the built-in story and generated ones (20 events
// each) into a new folder.
func writeStories(t testing.TB, ids ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, storytest.BuiltInName), storytest.BuiltInJSON(t), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		if err := os.WriteFile(filepath.Join(dir, id+".json"), storytest.GenerateStory(id, 20), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// staticFiles is web/static as built into the binary, with changes.
func staticFiles(t testing.TB, change map[string]string) fs.FS {
	t.Helper()
	fsys, err := staticWith(change)
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func staticWith(change map[string]string) (fs.FS, error) {
	out := fstest.MapFS{}
	err := fs.WalkDir(web.Static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(web.Static, p)
		out[strings.TrimPrefix(p, "static/")] = &fstest.MapFile{Data: data, Mode: 0o644}
		return err
	})
	for name, text := range change {
		out[name] = &fstest.MapFile{Data: []byte(text), Mode: 0o644}
	}
	return out, err
}

func openSite(t testing.TB, dir string, static fs.FS) *site.Site {
	t.Helper()
	st, err := sitetest.Open(sitetest.Parts{Stories: dir, Static: static, BaseURL: "https://news.example/graphics", Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// objects are the site's objects as a bucket gets them, with brotli.
func objects(t testing.TB, st *site.Site) []publish.Object {
	t.Helper()
	return build(t, st, publish.Brotli)
}

func build(t testing.TB, st *site.Site, enc publish.Encoding) []publish.Object {
	t.Helper()
	objs, err := publish.Build(st, enc)
	if err != nil {
		t.Fatal(err)
	}
	return objs
}

// openBucket opens a bucket with the cloud libraries kept from any
// metadata service (testenv.NoCloudMetadata).
func openBucket(t testing.TB, rawURL string) *blob.Bucket {
	t.Helper()
	testenv.NoCloudMetadata(t)
	b, err := publish.Open(context.Background(), rawURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// stored is an object as the store serves it.
type stored struct {
	Body                  []byte // decoded
	Type, Cache, Encoding string
}

// bucketContents reads every object of a bucket back through the S3 API.
func bucketContents(t testing.TB, srv *testenv.S3, bucket string) map[string]stored {
	t.Helper()
	ctx := context.Background()
	out := map[string]stored{}
	pages := s3.NewListObjectsV2Paginator(srv.Client, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range page.Contents {
			res, err := srv.Client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: o.Key})
			if err != nil {
				t.Fatal(err)
			}
			body, err := io.ReadAll(res.Body)
			res.Body.Close()
			if err != nil {
				t.Fatal(err)
			}
			s := stored{Type: aws.ToString(res.ContentType), Cache: aws.ToString(res.CacheControl), Encoding: aws.ToString(res.ContentEncoding)}
			s.Body = testenv.Decode(t, *o.Key, s.Encoding, body)
			out[*o.Key] = s
		}
	}
	return out
}

// links are what a page loads from its own site: assets and story data.
var links = regexp.MustCompile(`/graphics/((?:assets|s)/[^"?#\s]+\.(?:json|css|js|wasm|svg))(?:["?#\s]|$)`)

// checkWhole fails unless every page in the bucket can load everything
// it links to: what a reader who opens any page at this moment gets.
func checkWhole(t testing.TB, contents map[string]stored) {
	t.Helper()
	for key, o := range contents {
		if !strings.HasSuffix(key, ".html") {
			continue
		}
		for _, m := range links.FindAllSubmatch(o.Body, -1) {
			if _, ok := contents[string(m[1])]; !ok {
				t.Errorf("%s links to %s, which the bucket does not hold", key, m[1])
			}
		}
	}
}

// keysOf lists a bucket's keys.
func keysOf(contents map[string]stored) []string {
	var out []string
	for k := range contents {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// deadAddress returns a loopback address where nothing listens.
func deadAddress(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// folderObjects are the site's objects as a folder (file://) gets them.
func folderObjects(t testing.TB, st *site.Site) []publish.Object {
	t.Helper()
	return build(t, st, publish.Files)
}

// folderContents reads every file of a folder back as a static server
// that knows nothing of publishing serves it (Go's http.FileServer), with
// the headers it sends.
func folderContents(t testing.TB, dir string) map[string]stored {
	t.Helper()
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	out := map[string]stored{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		key, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		key = filepath.ToSlash(key)
		res, err := http.Get(srv.URL + "/" + strings.TrimSuffix(key, "index.html"))
		if err != nil {
			return err
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil {
			return err
		}
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %s", key, res.Status)
		}
		s := stored{Body: body, Type: res.Header.Get("Content-Type"), Cache: res.Header.Get("Cache-Control"), Encoding: res.Header.Get("Content-Encoding")}
		s.Body = testenv.Decode(t, key, s.Encoding, body)
		out[key] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sidecars lists the .attrs files in a folder.
func sidecars(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".attrs") {
			out = append(out, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// shareOf lists what a generated story publishes besides its page and
// data: a share page per quote (the story's page at the quote, so any
// edit of the story changes them), and the story's and each quote's
// share images (which change only with what they show).
func shareOf(t *testing.T, id string, events int) (pages, images []string) {
	t.Helper()
	var s struct {
		Quotes []struct{ ID string } `json:"quotes"`
	}
	if err := json.Unmarshal(storytest.GenerateStory(id, events), &s); err != nil {
		t.Fatal(err)
	}
	images = []string{"s/" + id + "/share.png", "s/" + id + "/share.square.png"}
	for _, q := range s.Quotes {
		pages = append(pages, "s/"+id+"/q/"+q.ID+"/index.html")
		images = append(images, "s/"+id+"/q/"+q.ID+".png", "s/"+id+"/q/"+q.ID+".square.png")
	}
	return pages, images
}
