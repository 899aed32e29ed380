package wasmbuild

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/internal/wasmbin"
)

// seg is an active data segment of memory 0 for the test modules.
type seg struct {
	offset int32
	data   string
}

// module is what a test module holds besides its type section and a
// custom section: its data segments (a passive one for each offset -1),
// a data count section, an import section's body, and bytes after the
// last segment.
type module struct {
	segs    []seg
	count   bool
	imports []byte
	extra   []byte
}

func (m module) bytes() []byte {
	mod := []byte("\x00asm\x01\x00\x00\x00")
	section := func(id byte, body []byte) {
		mod = append(mod, id)
		mod = wasmbin.AppendUint(mod, uint64(len(body)))
		mod = append(mod, body...)
	}
	section(1, []byte{1, 0x60, 0, 0}) // one type: func() ()
	if m.imports != nil {
		section(sectionImport, m.imports)
	}
	if m.count {
		section(sectionDataCount, wasmbin.AppendUint(nil, uint64(len(m.segs))))
	}
	data := wasmbin.AppendUint(nil, uint64(len(m.segs)))
	for _, s := range m.segs {
		if s.offset == -1 {
			data = append(data, 1)
		} else {
			data = append(data, 0, opI32Const)
			data = wasmbin.AppendInt32(data, s.offset)
			data = append(data, opEnd)
		}
		data = wasmbin.AppendUint(data, uint64(len(s.data)))
		data = append(data, s.data...)
	}
	section(sectionData, append(data, m.extra...))
	section(0, append([]byte{4}, "name\x01\x02\x03"...)) // a custom section after
	return mod
}

// testModule is a module with the segments, and a data count section
// when count is set.
func testModule(segs []seg, count bool) []byte { return module{segs: segs, count: count}.bytes() }

// imports is an import section's body: a function "env.f" of type 0,
// then the given import ("env.m" of a kind, with its description).
func imports(kind byte, desc ...byte) []byte {
	b := []byte{2, 3, 'e', 'n', 'v', 1, 'f', 0, 0, 3, 'e', 'n', 'v', 1, 'm', kind}
	return append(b, desc...)
}

// layout is what a module's active data segments write into its memory,
// in order, from the lowest address any writes, and how many segments
// there are; and everything else in the module, so that a test can see
// it kept. Memory starts as zeros, so the image is cut after its last
// byte that is not.
func layout(t *testing.T, mod []byte) (image []byte, segments int, rest []byte) {
	image, segments, rest, _ = layoutExtent(t, mod)
	return image, segments, rest
}

// layoutExtent is layout, and the address after the last byte any
// segment writes, zero or not: joining must not move it.
func layoutExtent(t *testing.T, mod []byte) (image []byte, segments int, rest []byte, extent int64) {
	t.Helper()
	r := wasmbin.NewReader(mod[8:])
	rest = append(rest, mod[:8]...)
	for !r.Done() {
		id := r.Byte()
		body := r.Bytes(r.Uint())
		if id != sectionData {
			rest = append(append(rest, id), body...)
			if id == sectionDataCount {
				rest = rest[:len(rest)-len(body)] // it counts segments: compared apart
			}
			continue
		}
		d := wasmbin.NewReader(body)
		base := int64(-1)
		segments = d.Uint()
		for range segments {
			passive := d.Uint() == 1
			var offset int64
			if !passive {
				d.Byte()
				offset = int64(uint32(d.Int32()))
				d.Byte()
			}
			data := d.Bytes(d.Uint())
			if passive {
				rest = append(rest, data...)
				continue
			}
			extent = max(extent, offset+int64(len(data)))
			if base == -1 {
				base = offset
			}
			if offset < base { // a segment below all before it
				image = append(make([]byte, base-offset), image...)
				base = offset
			}
			if end := offset - base + int64(len(data)); end > int64(len(image)) {
				image = append(image, make([]byte, end-int64(len(image)))...)
			}
			copy(image[offset-base:], data)
		}
		if d.Err() != nil {
			t.Fatalf("data section: %v", d.Err())
		}
	}
	if r.Err() != nil {
		t.Fatalf("module: %v", r.Err())
	}
	return bytes.TrimRight(image, "\x00"), segments, rest, extent
}

func TestMergeDataSegments(t *testing.T) {
	for _, c := range []struct {
		name  string
		segs  []seg
		count bool
		want  int // segments after
	}{
		{"a small gap is written out", []seg{{0, "ab"}, {10, "cd"}}, false, 1},
		{"a gap of exactly the limit too", []seg{{0, "ab"}, {18, "cd"}}, false, 1},
		{"a longer gap stays", []seg{{0, "ab"}, {19, "cd"}}, false, 2},
		{"touching segments", []seg{{0, "ab"}, {2, "cd"}, {4, "ef"}}, false, 1},
		{"runs of each", []seg{{8, "a"}, {12, "b"}, {500, "c"}, {503, "d"}, {2000, "e"}}, false, 3},
		{"empty segments", []seg{{0, ""}, {4, "ab"}, {6, ""}, {100, ""}}, false, 2},
		{"offsets past 2 GiB", []seg{{-1 << 31, "ab"}, {-1<<31 + 4, "cd"}}, false, 1},
		{"one segment", []seg{{100, "x"}}, false, 1},
		{"segments out of order", []seg{{500, "c"}, {10, "ab"}, {0, "cd"}, {503, "d"}}, false, 2},
		{"no segments", nil, false, 0},
		// Left as they are:
		{"overlapping segments", []seg{{0, "abcd"}, {2, "XY"}}, false, 2},
		{"a passive segment", []seg{{0, "ab"}, {-1, "p"}, {4, "cd"}}, false, 3},
		{"a data count section", []seg{{0, "ab"}, {10, "cd"}, {20, "ef"}}, true, 3},
	} {
		t.Run(c.name, func(t *testing.T) {
			mod := testModule(c.segs, c.count)
			got, err := mergeDataSegments(mod, 16)
			if err != nil {
				t.Fatal(err)
			}
			wantImage, before, wantRest, wantExtent := layoutExtent(t, mod)
			image, after, rest, extent := layoutExtent(t, got)
			if extent != wantExtent {
				t.Errorf("the segments end at %d; the linker's at %d", extent, wantExtent)
			}
			if after != c.want {
				t.Errorf("%d segments became %d; want %d", before, after, c.want)
			}
			if !bytes.Equal(image, wantImage) {
				t.Errorf("memory starts as %q; want %q", image, wantImage)
			}
			if !bytes.Equal(rest, wantRest) {
				t.Errorf("the other sections changed:\n%x\nwant\n%x", rest, wantRest)
			}
			if after == before && !bytes.Equal(got, mod) {
				t.Error("a module with nothing to join was rewritten")
			}
		})
	}
}

// A module that imports its memory keeps its segments: the bytes between
// them are the host's, not zeros. One that imports other things is joined.
func TestMergeDataSegmentsImports(t *testing.T) {
	segs := []seg{{0, "ab"}, {10, "cd"}}
	for _, c := range []struct {
		name    string
		imports []byte
		want    int
	}{
		{"a memory", imports(2, 0, 1), 2},
		{"a memory with a maximum", imports(2, 1, 1, 2), 2},
		{"a table", imports(1, 0x70, 1, 1, 9), 1},
		{"a global", imports(3, 0x7f, 0), 1},
		{"a tag", imports(4, 0, 0), 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			mod := module{segs: segs, imports: c.imports}.bytes()
			got, err := mergeDataSegments(mod, 16)
			if err != nil {
				t.Fatal(err)
			}
			if _, after, _ := layout(t, got); after != c.want {
				t.Errorf("%d segments after; want %d", after, c.want)
			}
		})
	}
	if _, err := mergeDataSegments(module{segs: segs, imports: imports(9)}.bytes(), 16); err == nil {
		t.Error("an import of an unknown kind was taken")
	}
}

func TestMergeDataSegmentsRefuses(t *testing.T) {
	good := testModule([]seg{{0, "ab"}, {10, "cd"}}, false)
	header := len("\x00asm\x01\x00\x00\x00") + 6 // and the type section
	for _, c := range []struct {
		name, want string
		mod        []byte
	}{
		{"not WebAssembly", "not a WebAssembly module", []byte("\x7fELF\x02\x01\x01\x00")},
		{"a module cut short", "ends early", good[:len(good)-3]},
		{"a data section cut short", "ends early", append(good[:header:header], sectionData, 3, 9, 0, opI32Const)},
		{"bytes after the last segment", "after the last segment", module{segs: []seg{{0, "ab"}}, extra: []byte{0}}.bytes()},
		{"two data sections", "two data sections", append(testModule([]seg{{0, "a"}}, false), sectionData, 1, 0)},
		{"version 2", "version 1", append([]byte("\x00asm\x02\x00\x00\x00"), good[8:]...)},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := mergeDataSegments(c.mod, 16)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v; want one saying %q", err, c.want)
			}
		})
	}
}

// The reader's program, as the linker writes it, has tens of thousands
// of data segments; joined, a few, and its memory starts the same.
// (Every browser test runs the joined program.)
func TestMergeReaderProgram(t *testing.T) {
	root := moduleRoot(t)
	out := filepath.Join(t.TempDir(), "app.wasm")
	build := exec.Command(goBinary(), "build", "-trimpath", "-ldflags", "-s -w", "-o", out, programs[0].pkg)
	build.Dir = root
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the reader: %v\n%s", err, b)
	}
	mod, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	joined, err := mergeDataSegments(mod, mergeGap)
	if err != nil {
		t.Fatal(err)
	}
	wantImage, before, wantRest := layout(t, mod)
	image, after, rest := layout(t, joined)
	t.Logf("data segments: %d as linked, %d joined; %d B as linked, %d B joined", before, after, len(mod), len(joined))
	if before < 1000 || after > 32 {
		t.Errorf("%d segments became %d: want thousands before and a few after", before, after)
	}
	if !bytes.Equal(image, wantImage) {
		t.Error("the joined program's memory starts otherwise than the linker's")
	}
	if !bytes.Equal(rest, wantRest) {
		t.Error("the joined program's other sections differ from the linker's")
	}
}
