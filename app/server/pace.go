package server

import (
	"net/http"
	"time"
)

// A response is given time by the rate at which its reader takes it, not
// by its size. One deadline for the whole body has to allow for the
// slowest phone the site means to serve, so it lets anyone who reads at
// that pace, or a little more slowly and then not at all, hold a
// connection for minutes (8.5 for the uncompressed WebAssembly): enough
// such readers and nobody else is answered. Instead, the deadline moves
// forward each time the reader has taken another SendMin bytes, to
// SendWindow from then: a reader who keeps up at least SendMin bytes per
// SendWindow is served however long the body, one who falls below it is
// cut off within a window of falling behind.

// defaultSendMin and defaultSendWindow ask for 32 KiB every 20 s, 1.6
// KiB/s or 13 kbit/s: a phone on GPRS (2G, 20 to 40 kbit/s in practice)
// takes 32 KiB in 7 to 13 s, which leaves it 7 s and more of a stall per
// window (a cell handover, TCP backing off after a loss). Slower than
// that is not a reader any page could serve; the WebAssembly then fails
// to load and the prerendered story stays, which is all such a phone
// would get in any case.
const (
	defaultSendMin    = 32 << 10
	defaultSendWindow = 20 * time.Second
)

func (s *Server) sendMin() int {
	if s.cfg.SendMin > 0 {
		return s.cfg.SendMin
	}
	return defaultSendMin
}

func (s *Server) sendWindow() time.Duration {
	if s.cfg.SendWindow > 0 {
		return s.cfg.SendWindow
	}
	return defaultSendWindow
}

// pacedWriter writes a body in steps of step bytes and, before each,
// sets the connection's write deadline to window from now. A Write
// returns only once the kernel has taken its bytes, so a step that has
// not gone within the window means the reader took less than step bytes
// in it (beyond what the socket buffers hold): the write fails, and
// net/http closes the connection.
type pacedWriter struct {
	http.ResponseWriter
	rc     *http.ResponseController
	window time.Duration
	step   int
	owed   int // bytes left in this step
}

// pace wraps w for a body of n bytes. Bodies of up to one step are left
// to the server's WriteTimeout, which they cannot outlast by much.
func (s *Server) pace(w http.ResponseWriter, n int) http.ResponseWriter {
	if n <= s.sendMin() {
		return w
	}
	return &pacedWriter{ResponseWriter: w, rc: http.NewResponseController(w), window: s.sendWindow(), step: s.sendMin()}
}

func (p *pacedWriter) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		if p.owed == 0 {
			// An error means the connection cannot take deadlines (a
			// test recorder): the write goes on without one.
			p.rc.SetWriteDeadline(time.Now().Add(p.window))
			p.owed = p.step
		}
		m, err := p.ResponseWriter.Write(b[:min(len(b), p.owed)])
		n += m
		p.owed -= m
		b = b[m:]
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Unwrap lets http.ResponseController reach the connection.
func (p *pacedWriter) Unwrap() http.ResponseWriter { return p.ResponseWriter }
