package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []string // rows, in order
		fails    bool
	}{
		{"figures by package", "pkg: explainer/app/story\nBenchmarkParse-2   \t 100\t 12345 ns/op\t 80 B/op\nPASS\n",
			[]string{"story Parse  ns/op  12345", "story Parse  B/op   80"}, false},
		{"custom figures, no ns/op", "pkg: explainer/app/e2e\nBenchmarkLoad/phone-2 1 0 ns/op 2630 ms-ready\n",
			[]string{"e2e Load/phone  ms-ready  2630"}, false},
		{"a failure is reported", "pkg: x\n--- FAIL: BenchmarkX\nFAIL\n", nil, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			err := table(strings.NewReader(c.in), &out)
			if (err != nil) != c.fails {
				t.Fatalf("error %v, want failure %v", err, c.fails)
			}
			lines := strings.Split(strings.TrimSpace(out.String()), "\n")[1:]
			if len(lines) != len(c.want) {
				t.Fatalf("rows %q, want %q", lines, c.want)
			}
			for i, w := range c.want {
				if strings.Join(strings.Fields(lines[i]), " ") != strings.Join(strings.Fields(w), " ") {
					t.Errorf("row %d = %q, want %q", i, lines[i], w)
				}
			}
		})
	}
}
