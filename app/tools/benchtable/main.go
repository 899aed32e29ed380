// Command benchtable reads `go test -bench` output on standard input and
// prints one table of every benchmark's figures, grouped by package: one
// row per benchmark and figure, so that benchmarks with different units
// read alike. The raw output stays usable by benchstat.
//
//	go test -run '^$' -bench . ./... | go run ./app/tools/benchtable
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
)

func main() {
	if err := table(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
}

// table copies failures through, so that a broken benchmark is not
// hidden behind a table of the others.
func table(in io.Reader, out io.Writer) error {
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "benchmark\tfigure\tvalue\t")
	pkg := ""
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	failed := false
	for sc.Scan() {
		line := sc.Text()
		f := strings.Fields(line)
		switch {
		case len(f) == 2 && f[0] == "pkg:":
			pkg = f[1]
		case strings.HasPrefix(line, "--- FAIL") || strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "panic:"):
			failed = true
			fmt.Fprintln(os.Stderr, line)
		case len(f) >= 4 && strings.HasPrefix(f[0], "Benchmark") && len(f)%2 == 0:
			name := strings.TrimPrefix(f[0], "Benchmark")
			if i := strings.LastIndexByte(name, '-'); i > 0 { // the GOMAXPROCS suffix
				name = name[:i]
			}
			for i := 2; i+1 < len(f); i += 2 {
				if f[i] == "0" && f[i+1] == "ns/op" {
					continue // a benchmark whose op is not what its figures measure
				}
				fmt.Fprintf(w, "%s %s\t%s\t%s\t\n", short(pkg), name, f[i+1], f[i])
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	w.Flush()
	if failed {
		return fmt.Errorf("some benchmarks failed (above)")
	}
	return nil
}

// short drops the module's name from a package path.
func short(pkg string) string { return strings.TrimPrefix(pkg, "explainer/app/") }
