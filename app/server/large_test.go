package server

import (
	"testing"
	"time"
)

// TestLargeSlotsLeaveRoomForPages: with every slot for large responses
// held by readers who take nothing, more large downloads are answered
// 503 with Retry-After and their connections closed, while a page,
// /healthz, a small asset, a HEAD and a revalidation of the WebAssembly
// are answered; once a slow reader leaves, its slot serves the next.
func TestLargeSlotsLeaveRoomForPages(t *testing.T) {
	const maxConns, large = 6, 2
	// A window of an hour: the slow readers are not cut off in the test's
	// time, so only the share can make room.
	s := newServer(t, Config{MaxConns: maxConns, LargeConns: large, ConnsPerClient: -1, SendWindow: time.Hour})
	addr := serveLoopback(t, s)
	wasm := s.site.Assets().ByName("app.wasm")
	var holders []*rawClient
	var refused int
	for range maxConns {
		c := dialFrom(t, "127.0.0.2", addr, "GET", wasm.URL, "Accept-Encoding: identity")
		switch res := c.response(time.Minute, "GET"); {
		case res == nil:
			t.Fatal("a slow reader had no answer")
		case res.StatusCode == 200:
			holders = append(holders, c)
		case res.StatusCode == 503 && res.Header.Get("Retry-After") != "" && res.Close:
			refused++
		default:
			t.Fatalf("a slow reader: %s %v", res.Status, res.Header)
		}
	}
	if len(holders) != large || refused != maxConns-large {
		t.Fatalf("%d slow readers were served and %d refused; want %d and %d", len(holders), refused, large, maxConns-large)
	}
	for _, tt := range []struct {
		name, method, path, header string
		want                       int
	}{
		{name: "page", method: "GET", path: "/", header: "Accept-Encoding: br", want: 200},
		{name: "page, uncompressed", method: "GET", path: "/", header: "Accept-Encoding: identity", want: 200},
		{name: "health", method: "GET", path: "/healthz", header: "Accept-Encoding: identity", want: 200},
		{name: "small asset", method: "GET", path: s.site.Assets().ByName("favicon.svg").URL, header: "Accept-Encoding: identity", want: 200},
		{name: "HEAD of the WebAssembly", method: "HEAD", path: wasm.URL, header: "Accept-Encoding: identity", want: 200},
		{name: "WebAssembly unchanged", method: "GET", path: wasm.URL, header: "If-None-Match: " + wasm.ETag, want: 304},
		{name: "WebAssembly", method: "GET", path: wasm.URL, header: "Accept-Encoding: br", want: 503},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := dialFrom(t, "127.0.0.1", addr, tt.method, tt.path, tt.header)
			if res := c.response(30*time.Second, tt.method); res == nil || res.StatusCode != tt.want {
				t.Errorf("%s %s: %v; want %d", tt.method, tt.path, res, tt.want)
			}
		})
	}
	holders[0].Close()
	waitFor(t, "a large slot to be free again", func() bool {
		c := dialFrom(t, "127.0.0.1", addr, "GET", wasm.URL, "Accept-Encoding: br")
		res := c.response(30*time.Second, "GET")
		c.Close()
		return res != nil && res.StatusCode == 200
	})
}
