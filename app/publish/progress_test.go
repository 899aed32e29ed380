package publish_test

import (
	"bytes"
	"strings"
	"testing"

	"explainer/app/publish"
)

// On a terminal the progress is one line redrawn; in a log, one line per
// group of objects as it completes, and nothing twice.
func TestMeter(t *testing.T) {
	steps := []publish.Progress{
		{Stage: "assets", Done: 1, Total: 4, Bytes: 1000, TotalBytes: 3000},
		{Stage: "assets", Done: 2, Total: 4, Bytes: 2000, TotalBytes: 3000},
		{Stage: "data", Done: 3, Total: 4, Bytes: 2500, TotalBytes: 3000},
		{Stage: "index", Done: 4, Total: 4, Bytes: 3000, TotalBytes: 3000},
	}
	tests := []struct {
		name string
		tty  bool
		want string
	}{
		{"log", false, "assets 2/4 objects, 2.0 kB/3.0 kB\ndata   3/4 objects, 2.5 kB/3.0 kB\nindex  4/4 objects, 3.0 kB/3.0 kB\n"},
		// Redrawn at most ten times a second: how many of the middle
		// steps show depends on the machine's speed, the first and last
		// always do.
		{"terminal", true, "\r\x1b[Kassets 1/4 objects, 1.0 kB/3.0 kB…\r\x1b[Kindex  4/4 objects, 3.0 kB/3.0 kB\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			m := publish.NewMeter(&b, tt.tty)
			for _, p := range steps {
				m.Update(p)
			}
			m.Done()
			got := b.String()
			if first, last, middle := strings.Cut(tt.want, "…"); middle {
				if !strings.HasPrefix(got, first) || !strings.HasSuffix(got, last) || strings.Count(got, "\n") != 1 {
					t.Errorf("got %q\nwant %q, with any of the steps between", got, tt.want)
				}
			} else if got != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
			if strings.Count(b.String(), "\n") == 0 {
				t.Error("the progress never ends its line")
			}
		})
	}
}
