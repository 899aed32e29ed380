package server

import (
	"io"
	"strconv"
	"testing"
	"time"
)

// TestMinimumSendRate: on a real connection, a reader of the
// uncompressed WebAssembly who stops reading is cut off, a window after
// the socket buffers are full, while one who reads at four times the
// minimum, in small pieces with pauses between them, gets it all, though
// that takes many windows. (The body, 8 MB, is over what loopback's
// socket buffers hold, about 4 MB; compressed forms take the same path.)
func TestMinimumSendRate(t *testing.T) {
	const step, window = 2 << 20, 2 * time.Second // 1 MiB/s at least
	// A cap given explicitly counts loopback peers: a reader's count
	// falling to 0 is the sign that the server has cut it off.
	s := newServer(t, Config{SendMin: step, SendWindow: window, ConnsPerClient: 64})
	addr := serveLoopback(t, s)
	wasm := s.site.Assets().ByName("app.wasm")
	for _, tt := range []struct {
		name  string
		from  string
		rate  int // bytes a second the reader takes; 0 takes nothing
		whole bool
	}{
		{name: "reads nothing", from: "127.0.0.2", rate: 0, whole: false},
		{name: "reads at four times the minimum", from: "127.0.0.3", rate: 4 * step / int(window/time.Second), whole: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := dialFrom(t, tt.from, addr, "GET", wasm.URL, "Accept-Encoding: identity")
			res := c.response(time.Minute, "GET")
			if res == nil || res.StatusCode != 200 {
				t.Fatalf("no 200 for the WebAssembly: %v", res)
			}
			size, _ := strconv.Atoi(res.Header.Get("Content-Length"))
			if want := len(assetBody(t, wasm, "")); size != want {
				t.Fatalf("Content-Length %d; want %d", size, want)
			}
			if tt.rate == 0 {
				// The server gives up on the connection ...
				waitFor(t, "the server to close the connection", func() bool { return s.clients.count(tt.from) == 0 })
			}
			// ... and what was in the buffers is all that comes.
			got, err := readAt(res.Body, tt.rate)
			if whole := got == size; whole != tt.whole {
				t.Errorf("got %d of %d bytes (%v); want the whole body: %v", got, size, err, tt.whole)
			}
		})
	}
}

// readAt reads r to its end at rate bytes a second, 16 KiB at a time,
// catching up after any pause the machine makes it take; rate 0 reads as
// fast as it can.
func readAt(r io.Reader, rate int) (int, error) {
	buf := make([]byte, 16<<10)
	start := time.Now()
	n := 0
	for {
		if rate > 0 {
			if allowed := int(time.Since(start).Seconds() * float64(rate)); n >= allowed {
				time.Sleep(5 * time.Millisecond)
				continue
			}
		}
		m, err := r.Read(buf)
		n += m
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}
