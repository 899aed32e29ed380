package server

import (
	"bufio"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// serveLoopback runs a server on a loopback port until the test ends and
// returns its address.
func serveLoopback(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return ln.Addr().String()
}

// deadlineRecorder is a response writer that notes the write deadlines a
// handler sets through http.ResponseController.
type deadlineRecorder struct {
	*httptest.ResponseRecorder
	deadlines []time.Time
}

func (d *deadlineRecorder) SetWriteDeadline(t time.Time) error {
	d.deadlines = append(d.deadlines, t)
	return nil
}

// TestPacingFollowsBytesSent: a response's write deadline moves forward
// once for every SendMin bytes sent, in the encoding negotiated, brotli
// or not, each time to SendWindow ahead; a small response keeps the
// server's WriteTimeout.
func TestPacingFollowsBytesSent(t *testing.T) {
	const step, window = 64 << 10, 7 * time.Second
	s := newServer(t, Config{SendMin: step, SendWindow: window})
	wasm := s.site.Assets().ByName("app.wasm")
	if !wasm.Offers("br") {
		t.Fatal("the test WebAssembly has no brotli form")
	}
	small := s.site.Assets().ByName("favicon.svg")
	for _, tt := range []struct {
		name, url, accept string
		size              int
	}{
		{name: "brotli", url: wasm.URL, accept: "br", size: len(assetBody(t, wasm, "br"))},
		{name: "identity", url: wasm.URL, accept: "", size: len(assetBody(t, wasm, ""))},
		{name: "small", url: small.URL, accept: "", size: len(assetBody(t, small, ""))},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", tt.url, nil)
			r.Header.Set("Accept-Encoding", tt.accept)
			w := &deadlineRecorder{ResponseRecorder: httptest.NewRecorder()}
			before := time.Now()
			s.Handler().ServeHTTP(w, r)
			if w.Body.Len() != tt.size {
				t.Fatalf("sent %d bytes; want %d", w.Body.Len(), tt.size)
			}
			want := 0
			if tt.size > step {
				want = (tt.size + step - 1) / step
			}
			if len(w.deadlines) != want {
				t.Fatalf("%d deadlines set for %d bytes; want one per %d bytes, %d", len(w.deadlines), tt.size, step, want)
			}
			for i, d := range w.deadlines {
				if d.Before(before.Add(window)) || (i > 0 && d.Before(w.deadlines[i-1])) {
					t.Fatalf("deadline %d is %v after the request; want %v or more, and none earlier than the one before", i, d.Sub(before), window)
				}
			}
		})
	}
}

// TestConnectionLimit: past MaxConns, a new connection waits to be
// accepted until one closes, instead of taking a file descriptor.
func TestConnectionLimit(t *testing.T) {
	addr := serveLoopback(t, newServer(t, Config{MaxConns: 2}))
	ask := func() (net.Conn, *bufio.Reader) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		if _, err := c.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
			t.Fatal(err)
		}
		return c, bufio.NewReader(c)
	}
	answered := func(c net.Conn, r *bufio.Reader, within time.Duration) bool {
		c.SetReadDeadline(time.Now().Add(within))
		res, err := http.ReadResponse(r, nil)
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == 200
	}
	first, r1 := ask()
	second, r2 := ask()
	if !answered(first, r1, time.Minute) || !answered(second, r2, time.Minute) {
		t.Fatal("the first two connections were not served")
	}
	third, r3 := ask() // both others are kept open (keep-alive)
	if answered(third, r3, 300*time.Millisecond) {
		t.Fatal("a third connection was served past MaxConns 2")
	}
	first.Close()
	if !answered(third, r3, time.Minute) {
		t.Error("the third connection was not served once another closed")
	}
}
