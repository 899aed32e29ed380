package server

import (
	"errors"
	"net/http"
	"strconv"
)

// Large responses may hold only a share of the connections, so that
// pages, story data and /healthz are answered while many readers, slow
// or hostile, download the WebAssembly. A connection is accepted before
// its request is known, so the share cannot be kept at the listener:
// it is kept here, per response, once the size of the body to send is
// known. A large response that finds every large slot taken is answered
// 503 at once, with Retry-After, and its connection closed, rather than
// queued: a queue would hold connections too, which is what the share is
// there to spare. The reader loses only the WebAssembly; the prerendered
// story stays readable.

// largeBody is the size from which a body, in the encoding sent, needs a
// large slot: the WebAssembly in any encoding (1.6 MB in brotli), a page
// sent uncompressed to a client that takes no compression only when it
// is very long; compressed pages are far smaller.
const largeBody = 1 << 20

// largeRetryAfter is the Retry-After of a 503 for want of a large slot,
// in seconds.
const largeRetryAfter = 10

func (s *Server) largeConns() int {
	if s.cfg.LargeConns > 0 {
		return s.cfg.LargeConns
	}
	return max(1, s.maxConns()/2)
}

// errLargeBusy ends the writing of a body that was answered 503 instead.
var errLargeBusy = errors.New("every slot for large responses is taken")

// largeGate takes a large slot when the status is written: only then is
// it known whether a body follows (not for a 304, a HEAD, a 416).
type largeGate struct {
	http.ResponseWriter
	slots   chan struct{}
	wrote   bool // the status
	held    bool
	refused bool
}

// gateLarge wraps w for a body of n bytes to r; release gives the slot
// back once the response is written.
func (s *Server) gateLarge(w http.ResponseWriter, r *http.Request, n int) (_ http.ResponseWriter, release func()) {
	if n < largeBody || r.Method == http.MethodHead {
		return w, func() {}
	}
	g := &largeGate{ResponseWriter: w, slots: s.largeSlots}
	return g, func() {
		if g.held {
			<-g.slots
		}
	}
}

func (g *largeGate) WriteHeader(status int) {
	if g.wrote {
		return // as net/http does, less its complaint in the log
	}
	g.wrote = true
	if status != http.StatusOK && status != http.StatusPartialContent {
		g.ResponseWriter.WriteHeader(status)
		return
	}
	select {
	case g.slots <- struct{}{}:
		g.held = true
		g.ResponseWriter.WriteHeader(status)
		return
	default:
	}
	g.refused = true
	h := g.Header()
	for _, k := range []string{"Content-Length", "Content-Range", "Content-Encoding", "ETag", "Last-Modified", "Accept-Ranges"} {
		h.Del(k)
	}
	msg := []byte("busy: too many large downloads at once; try again shortly\n")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(msg)))
	h.Set("Cache-Control", "no-store")
	h.Set("Retry-After", strconv.Itoa(largeRetryAfter))
	h.Set("Connection", "close") // its connection goes back too
	g.ResponseWriter.WriteHeader(http.StatusServiceUnavailable)
	g.ResponseWriter.Write(msg)
}

func (g *largeGate) Write(b []byte) (int, error) {
	if !g.wrote {
		g.WriteHeader(http.StatusOK)
	}
	if g.refused {
		return 0, errLargeBusy
	}
	return g.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (g *largeGate) Unwrap() http.ResponseWriter { return g.ResponseWriter }
