// Package wasmsize reads a Go WebAssembly binary and says how much of it
// each Go package's code takes, raw and compressed. The WebAssembly's
// name section (present unless it was linked with -s) names every
// function; Go names them package.function, so the code section can be
// summed by package.
package wasmsize

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"explainer/app/internal/wasmbin"
)

// Package is what one Go package adds to the binary's code.
type Package struct {
	Name   string
	Funcs  int
	Code   int // bytes of function bodies
	Brotli int // those bodies compressed together
}

// Report is a binary's make-up.
type Report struct {
	Packages    []Package
	Data        int // bytes of the data section: strings, tables, type information
	DataBrotli  int
	Total       int // the whole file
	TotalBrotli int
}

// Section ids of the WebAssembly binary format.
const (
	sectionCustom = 0
	sectionImport = 2
	sectionCode   = 10
	sectionData   = 11
)

// Analyse reads a binary; compressed gives the size of some bytes once
// compressed (the caller picks the encoder, as readers receive it).
func Analyse(wasm []byte, names *Names, compressed func([]byte) int) (Report, error) {
	if len(wasm) < 8 || !bytes.Equal(wasm[:4], []byte("\x00asm")) {
		return Report{}, errors.New("not a WebAssembly binary")
	}
	var (
		imported int      // functions imported: they come first in the index space
		bodies   [][]byte // defined functions, in index order
		funcName = map[int]string{}
		data     []byte
	)
	r := wasmbin.NewReader(wasm[8:])
	for !r.Done() {
		id := r.Byte()
		content := r.Bytes(r.Uint())
		if r.Err() != nil {
			return Report{}, r.Err()
		}
		s := wasmbin.NewReader(content)
		switch id {
		case sectionImport:
			kinds, err := wasmbin.ImportKinds(content)
			if err != nil {
				return Report{}, fmt.Errorf("section %d: %w", id, err)
			}
			imported = bytes.Count(kinds, []byte{0}) // functions
		case sectionCode:
			for n := s.Uint(); n > 0 && s.Err() == nil; n-- {
				bodies = append(bodies, s.Bytes(s.Uint()))
			}
		case sectionData:
			data = content
		case sectionCustom:
			if s.Name() == "name" {
				if err := functionNames(s, funcName); err != nil {
					return Report{}, fmt.Errorf("name section: %w", err)
				}
			}
		}
		if s.Err() != nil {
			return Report{}, fmt.Errorf("section %d: %w", id, s.Err())
		}
	}
	if len(funcName) == 0 {
		return Report{}, errors.New("the binary has no function names: build it without -ldflags=-s")
	}
	byPkg := map[string]*Package{}
	code := map[string]*bytes.Buffer{}
	var order []string
	for i, body := range bodies {
		pkg := names.PackageOf(funcName[imported+i])
		p := byPkg[pkg]
		if p == nil {
			p = &Package{Name: pkg}
			byPkg[pkg] = p
			code[pkg] = &bytes.Buffer{}
			order = append(order, pkg)
		}
		p.Funcs++
		p.Code += len(body)
		code[pkg].Write(body)
	}
	rep := Report{Data: len(data), Total: len(wasm)}
	for _, pkg := range order {
		p := byPkg[pkg]
		p.Brotli = compressed(code[pkg].Bytes())
		rep.Packages = append(rep.Packages, *p)
	}
	rep.DataBrotli = compressed(data)
	rep.TotalBrotli = compressed(wasm)
	return rep, nil
}

// Names maps the names the Go linker gives functions in the name section
// back to their packages. The linker writes every character other than
// letters, digits, _ and . as _ ("explainer/app/story.(*Story).Find"
// becomes "explainer_app_story.__Story_.Find"), so a package is known by
// its import path written the same way.
type Names struct {
	mangled []string // longest first
	real    map[string]string
}

var unsafeChars = regexp.MustCompile(`[^\w.]`)

// NewNames knows the given import paths (go list -deps).
func NewNames(importPaths []string) *Names {
	n := &Names{real: map[string]string{}}
	for _, p := range importPaths {
		m := unsafeChars.ReplaceAllString(p, "_")
		n.real[m] = p
		n.mangled = append(n.mangled, m)
	}
	sort.Slice(n.mangled, func(i, j int) bool { return len(n.mangled[i]) > len(n.mangled[j]) })
	return n
}

// PackageOf is the import path of the package a function's symbol is in.
// The linker's generated functions (type:.eq.* and the like, go:*) are
// grouped under their prefix; a name of no known package under what
// precedes its first dot.
func (n *Names) PackageOf(symbol string) string {
	if symbol == "" {
		return "(unnamed)"
	}
	for _, m := range n.mangled {
		if strings.HasPrefix(symbol, m) && len(symbol) > len(m) && symbol[len(m)] == '.' {
			return n.real[m]
		}
	}
	switch {
	case strings.HasPrefix(symbol, "type_."): // type:.eq.T, type:.hash.T
		return "(type equality and hashing)"
	case strings.HasPrefix(symbol, "go_"): // go:buildid and the like
		return "(linker)"
	}
	if dot := strings.IndexByte(symbol, '.'); dot > 0 {
		return symbol[:dot]
	}
	return symbol
}

// functionNames reads the name section's function names (subsection 1).
func functionNames(r *wasmbin.Reader, names map[int]string) error {
	for !r.Done() {
		id := r.Byte()
		sub := wasmbin.NewReader(r.Bytes(r.Uint()))
		if id == 1 {
			for n := sub.Uint(); n > 0 && sub.Err() == nil; n-- {
				idx := sub.Uint()
				names[idx] = sub.Name()
			}
		}
		if sub.Err() != nil {
			return sub.Err()
		}
	}
	return r.Err()
}
