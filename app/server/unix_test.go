//go:build unix

package server

// Tests that need Unix's system calls: FIFOs in the stories folder, and a
// small receive window for a slow reader.

import (
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/story/storytest"
)

// TestHostileStoriesFolder puts what careless editors and attackers put
// in a stories folder next to a good story: the server starts, serves the
// good story, stays inside the folder, and says why each other file is not
// served, without quoting anything from outside.
func TestHostileStoriesFolder(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "good.json"), storytest.Small("good", "Good story"))
	testenv.WriteFile(t, filepath.Join(outside, "elsewhere.json"), storytest.Small("elsewhere", "From elsewhere"))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(syscall.Mkfifo(filepath.Join(dir, "fifo.json"), 0o644))
	must(os.Symlink("/dev/zero", filepath.Join(dir, "zero.json")))
	must(os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.json")))
	must(os.Symlink(filepath.Join(outside, "elsewhere.json"), filepath.Join(dir, "elsewhere.json")))
	must(os.Symlink("missing.json.bak", filepath.Join(dir, "dangling.json")))
	must(os.Mkdir(filepath.Join(dir, "folder.json"), 0o755))
	sparse, err := os.Create(filepath.Join(dir, "sparse.json"))
	must(err)
	must(sparse.Truncate(1 << 30))
	sparse.Close()

	// New runs in a goroutine of its own, so that a folder that blocks it
	// fails the test instead of hanging it; t.Fatal stays on this one.
	type started struct {
		s   *Server
		err error
	}
	done := make(chan started, 1)
	static := testenv.StaticFS(t)
	go func() {
		st, err := sitetest.Open(sitetest.Parts{Stories: dir, Static: static, Logger: quietLogger(t)})
		if err != nil {
			done <- started{nil, err}
			return
		}
		s, err := New(st, nil, Config{Logger: quietLogger(t), HealthToken: healthToken})
		done <- started{s, err}
	}()
	var s *Server
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		s = r.s
	case <-time.After(20 * time.Second):
		t.Fatal("the server did not start: something in the folder blocked it")
	}
	h := s.Handler()
	if r := get(t, h, "GET", "/s/good/", nil); r.StatusCode != 200 {
		t.Errorf("the good story: %d", r.StatusCode)
	}
	if r := get(t, h, "GET", "/s/elsewhere/", nil); r.StatusCode != 404 {
		t.Errorf("a story linked from outside the folder is served: %d", r.StatusCode)
	}
	health := body(t, healthGet(t, h))
	for _, want := range []string{
		"not served: fifo.json: fifo.json: a named pipe, not a story file",
		"zero.json: zero.json: a link out of the stories folder",
		"passwd.json: passwd.json: a link out of the stories folder",
		"elsewhere.json: elsewhere.json: a link out of the stories folder",
		"dangling.json: dangling.json: a link to nothing",
		"folder.json: folder.json: a folder, not a story file",
		"sparse.json: sparse.json: 1073741824 bytes, over the",
	} {
		if !strings.Contains(health, want) {
			t.Errorf("healthz does not say %q:\n%s", want, health)
		}
	}
	if strings.Contains(health, "root:") {
		t.Errorf("healthz quotes a file from outside the folder:\n%s", health)
	}
}

// TestSlowReaderGetsTheWasm: a reader on a slow line downloads the
// uncompressed WebAssembly well past the write timeout that bounds pages.
func TestSlowReaderGetsTheWasm(t *testing.T) {
	s := newServer(t, Config{WriteTimeout: 300 * time.Millisecond})
	addr := serveLoopback(t, s)
	// A small receive window, so that the download cannot sit in socket
	// buffers: the server must keep writing while the reader dawdles.
	dialer := &net.Dialer{Control: func(network, address string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 16<<10) })
	}}
	client := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext, DisableCompression: true}}
	res, err := client.Get("http://" + addr + s.site.Assets().URL("app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	want := len(assetBody(t, s.site.Assets().ByName("app.wasm"), ""))
	got, buf := 0, make([]byte, 64<<10)
	start := time.Now()
	for {
		n, err := io.ReadFull(res.Body, buf)
		got += n
		if err != nil {
			break
		}
		if time.Since(start) < 1500*time.Millisecond {
			time.Sleep(20 * time.Millisecond) // far slower than the write timeout allows
		}
	}
	if got != want {
		t.Errorf("the slow reader got %d of %d bytes", got, want)
	}
}
