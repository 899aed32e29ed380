// Command wasmsize says what the reader's WebAssembly is made of: its
// code by Go package, raw and brotli-compressed, and its data, so that
// every change shows its cost to readers. It builds the WebAssembly as
// the release does, but keeps the name section (the release strips it
// with -s, which changes no code), and lists the packages it links with
// go list.
//
//	go run ./app/tools/wasmsize [-top 30] [-brotli 11] [-pkg ./app/widget/webapp] [FILE.wasm]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"explainer/app/internal/compress"
	"explainer/app/internal/wasmsize"
)

func main() {
	top := flag.Int("top", 30, "how many packages to list; the rest are summed")
	quality := flag.Int("brotli", 11, "brotli quality of the compressed sizes (11, as released)")
	pkg := flag.String("pkg", "./app/widget/webapp", "the main package to build")
	tags := flag.String("tags", "", "build tags (studio for the studio's WebAssembly)")
	flag.Parse()
	if err := run(*pkg, *tags, flag.Arg(0), *top, *quality); err != nil {
		fmt.Fprintln(os.Stderr, "wasmsize:", err)
		os.Exit(1)
	}
}

func run(pkg, tags, file string, top, quality int) error {
	env := append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if file == "" {
		dir, err := os.MkdirTemp("", "wasmsize-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		file = filepath.Join(dir, "app.wasm")
		build := exec.Command("go", "build", "-trimpath", "-tags", tags, "-o", file, pkg)
		build.Env, build.Stderr = env, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("go build: %v", err)
		}
	}
	list := exec.Command("go", "list", "-deps", "-tags", tags, pkg)
	list.Env, list.Stderr = env, os.Stderr
	out, err := list.Output()
	if err != nil {
		return fmt.Errorf("go list: %v", err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	rep, err := wasmsize.Analyse(data, wasmsize.NewNames(strings.Fields(string(out))), func(b []byte) int {
		c, err := compress.Brotli(b, quality)
		if err != nil {
			panic(err) // compressing bytes in memory does not fail
		}
		return len(c)
	})
	if err != nil {
		return fmt.Errorf("%s: %v", file, err)
	}
	printReport(rep, top)
	return nil
}

// printReport writes the table, largest compressed first.
func printReport(rep wasmsize.Report, top int) {
	sort.Slice(rep.Packages, func(i, j int) bool { return rep.Packages[i].Brotli > rep.Packages[j].Brotli })
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "package\tfuncs\tcode B\tbrotli B\t")
	rest := wasmsize.Package{Name: fmt.Sprintf("(%d more packages)", max(0, len(rep.Packages)-top))}
	for i, p := range rep.Packages {
		if i >= top {
			rest.Funcs += p.Funcs
			rest.Code += p.Code
			rest.Brotli += p.Brotli
			continue
		}
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t\n", p.Name, p.Funcs, p.Code, p.Brotli)
	}
	if rest.Funcs > 0 {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t\n", rest.Name, rest.Funcs, rest.Code, rest.Brotli)
	}
	fmt.Fprintf(w, "%s\t\t%d\t%d\t\n", "(data: strings, tables, type information)", rep.Data, rep.DataBrotli)
	fmt.Fprintf(w, "%s\t\t%d\t%d\t\n", "whole file, with names", rep.Total, rep.TotalBrotli)
	w.Flush()
	fmt.Println("Each package's code is compressed on its own, so the parts add up to more than the whole.")
}
