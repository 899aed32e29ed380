package studio

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/studio/api"
)

// TestTextOverTheCap: a check, an import or a save of a text larger than
// a story file may be is refused with 413 and the reason, as explainer
// validate and import refuse the file; one at the cap is read.
func TestTextOverTheCap(t *testing.T) {
	dir := folderWith(t, map[string]string{"live.json": storyV1})
	c := start(t, Config{Path: dir})
	over := strings.Repeat("x", story.MaxFileSize+1)
	// Every byte one that JSON writes as six (\u0001): the body itself is
	// past maxBody, and refused as it is read.
	overBody := strings.Repeat("\x01", maxBody/6+1)
	if n := len(mustJSON(t, overBody)); n <= maxBody {
		t.Fatalf("the body over is %d bytes, within maxBody (%d)", n, maxBody)
	}
	at := strings.Repeat("x", story.MaxFileSize)
	// At the cap, as JSON writes it at its longest: not refused for its size.
	atEscaped := strings.Repeat("\x01", story.MaxFileSize)
	for _, tc := range []struct {
		name, method, path string
		body               any
		want               int
	}{
		{"check over", "POST", "/studio/api/check", api.File{Name: "a.json", Text: over}, http.StatusRequestEntityTooLarge},
		{"check body over", "POST", "/studio/api/check", api.File{Name: "a.json", Text: overBody}, http.StatusRequestEntityTooLarge},
		{"check at the cap", "POST", "/studio/api/check", api.File{Name: "a.json", Text: at}, http.StatusOK},
		{"check at the cap, escaped", "POST", "/studio/api/check", api.File{Name: "a.json", Text: atEscaped}, http.StatusOK},
		{"import over", "POST", "/studio/api/import", api.Import{Name: "big.csv", Text: over}, http.StatusRequestEntityTooLarge},
		{"import body over", "POST", "/studio/api/import", api.Import{Name: "big.csv", Text: overBody}, http.StatusRequestEntityTooLarge},
		{"import at the cap", "POST", "/studio/api/import", api.Import{Name: "big.csv", Text: at}, http.StatusUnprocessableEntity},
		{"save over", "PUT", "/studio/api/files/live.json", api.File{Version: version([]byte(storyV1)), Text: over}, http.StatusRequestEntityTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var e api.Failure
			code := c.do(tc.method, tc.path, tc.body, &e)
			if code != tc.want {
				t.Fatalf("%d %q; want %d", code, e.Message, tc.want)
			}
			if code == http.StatusRequestEntityTooLarge && !strings.Contains(e.Message, "8 MiB a story file may be") {
				t.Errorf("the reason: %q", e.Message)
			}
		})
	}
}

// TestBusy: with every slot for checks, imports and saves taken and as
// many waiting as may, the next is answered 503 with Retry-After at once;
// once they end, it is served again. The requests that hold the slots are
// real ones whose bodies are still being sent.
func TestBusy(t *testing.T) {
	dir := folderWith(t, map[string]string{"live.json": storyV1})
	s, err := New(Config{Path: dir, Work: 1, Check: site.Check})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler(nil))
	defer srv.Close()
	c := &client{t: t, base: srv.URL, csrf: s.csrf}
	probe := func() (int, string) {
		req, _ := http.NewRequest("POST", c.base+"/studio/api/check", strings.NewReader(`{"name":"a.json","text":"{}"}`))
		req.Header.Set(api.CSRFHeader, c.csrf)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		io.Copy(io.Discard, res.Body)
		return res.StatusCode, res.Header.Get("Retry-After")
	}
	var senders []*io.PipeWriter
	var answers []chan int
	hold := func(path string) {
		pr, pw := io.Pipe()
		req, _ := http.NewRequest("POST", c.base+path, pr)
		req.Header.Set(api.CSRFHeader, c.csrf)
		done := make(chan int, 1)
		go func() {
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				done <- 0
				return
			}
			res.Body.Close()
			done <- res.StatusCode
		}()
		pw.Write([]byte(`{"name": "held.csv", "text": "`))
		senders, answers = append(senders, pw), append(answers, done)
	}
	// One running and waitingPerSlot waiting, checks and imports alike.
	for i := range 1 + waitingPerSlot {
		hold([]string{"/studio/api/import", "/studio/api/check"}[i%2])
	}
	for s.work.Taken() < 1+waitingPerSlot {
		runtime.Gosched() // until the server has them all
	}
	if code, retry := probe(); code != http.StatusServiceUnavailable || retry == "" {
		t.Errorf("with the slots full: %d, Retry-After %q", code, retry)
	}
	// The file list parses every story: it waits its turn too.
	var files map[string]any
	if code := c.do("GET", "/studio/api/files", nil, &files); code != http.StatusServiceUnavailable {
		t.Errorf("the file list with the slots full: %d", code)
	}
	// Which of them runs is the server's choice: end them all.
	for _, pw := range senders {
		go func() {
			pw.Write([]byte(`Year,Headline\n2020,x"}`))
			pw.Close()
		}()
	}
	for i, done := range answers {
		if code := <-done; code != http.StatusOK && code != http.StatusUnprocessableEntity {
			t.Errorf("held request %d: %d", i, code)
		}
	}
	if code, _ := probe(); code != http.StatusOK {
		t.Errorf("after the others ended: %d", code)
	}
	var sess map[string]any
	if code := c.do("GET", "/studio/api/session", nil, &sess); code != http.StatusOK {
		t.Errorf("reading is never busy: %d", code)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
