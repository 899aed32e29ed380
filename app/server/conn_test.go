//go:build !wasm

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

// deadlineRecorder is a response writer that notes the write deadline a
// handler sets through http.ResponseController.
type deadlineRecorder struct {
	*httptest.ResponseRecorder
	deadline time.Time
}

func (d *deadlineRecorder) SetWriteDeadline(t time.Time) error {
	d.deadline = t
	return nil
}

// TestWriteDeadlineFollowsBytesSent: the WebAssembly's longer deadline is
// worked out from the bytes sent, brotli or not, not its raw size.
func TestWriteDeadlineFollowsBytesSent(t *testing.T) {
	s := newServer(t, Config{})
	wasm := s.assets.ByName("app.wasm")
	if wasm.Brotli == nil {
		t.Fatal("the test WebAssembly has no brotli form")
	}
	for _, tt := range []struct {
		name, accept string
		size         int
	}{
		{name: "brotli", accept: "br", size: len(wasm.Brotli)},
		{name: "identity", accept: "", size: len(wasm.Raw)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", wasm.URL, nil)
			r.Header.Set("Accept-Encoding", tt.accept)
			w := &deadlineRecorder{ResponseRecorder: httptest.NewRecorder()}
			before := time.Now()
			s.Handler().ServeHTTP(w, r)
			if w.Body.Len() != tt.size {
				t.Fatalf("sent %d bytes; want %d", w.Body.Len(), tt.size)
			}
			got := w.deadline.Sub(before)
			want := s.writeTimeout() + time.Duration(tt.size/slowLine)*time.Second
			if got < want || got > want+time.Minute {
				t.Errorf("deadline in %v; want %v for %d bytes", got, want, tt.size)
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
