package publish

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// Meter shows a publish's progress: on a terminal, one line redrawn in
// place (at most ten times a second); elsewhere (CI logs, files), a plain
// line when a group of objects is complete and every few seconds in a
// long one, so that a log neither floods nor falls silent.
type Meter struct {
	w    io.Writer
	tty  bool
	mu   sync.Mutex
	last Progress
	at   time.Time
	open bool // a terminal line is drawn and not yet ended
}

// NewMeter writes progress to w; tty says w is a terminal.
func NewMeter(w io.Writer, tty bool) *Meter { return &Meter{w: w, tty: tty} }

// Update takes the progress of one more object (Options.Progress).
func (m *Meter) Update(p Progress) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	switch {
	case m.tty:
		if now.Sub(m.at) >= 100*time.Millisecond || p.Done == p.Total {
			fmt.Fprintf(m.w, "\r\x1b[K%s", line(p))
			m.at, m.open = now, true
		}
	case m.last.Stage == "":
		m.at = now // the first object: the clock starts
	case m.last.Stage != p.Stage:
		fmt.Fprintln(m.w, line(m.last)) // the group before is complete
		m.at = now
	case now.Sub(m.at) >= 5*time.Second:
		fmt.Fprintln(m.w, line(p))
		m.at = now
	}
	m.last = p
}

// Done ends the progress: the terminal line is finished, and a log gets
// the last group's line.
func (m *Meter) Done() {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case m.tty && m.open:
		fmt.Fprintln(m.w)
	case !m.tty && m.last.Stage != "":
		fmt.Fprintln(m.w, line(m.last))
	}
	m.last, m.open = Progress{}, false
}

func line(p Progress) string {
	return fmt.Sprintf("%-6s %d/%d objects, %s/%s", p.Stage, p.Done, p.Total, Bytes(p.Bytes), Bytes(p.TotalBytes))
}
