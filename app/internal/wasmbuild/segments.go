package wasmbuild

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"explainer/app/internal/wasmbin"
)

// mergeGap is the longest run of zero bytes mergeDataSegments writes out
// to join two data segments. Longer runs (the linker leaves megabytes
// between some sections) stay gaps, so the file does not grow by them.
const mergeGap = 4096

// WebAssembly's section ids and opcodes that mergeDataSegments reads.
const (
	sectionImport    = 2
	importMemory     = 2 // an import's kind
	sectionData      = 11
	sectionDataCount = 12
	opI32Const       = 0x41
	opEnd            = 0x0b
)

// mergeDataSegments joins a module's data segments that lie close
// together in memory into one, with the zero bytes between them written
// out, and returns the module with its data section rewritten. What the
// memory holds when the module starts is unchanged, and so is every
// other section's content.
//
// Go's linker starts a new segment wherever 8 or more zero bytes run,
// which keeps the file small uncompressed: the reader's program has
// about 70,000 segments. Each has a header of up to 8 bytes, and their
// offsets are numbers a compressor cannot predict, while a run of zeros
// costs it almost nothing. Joined, the program is 0.7 MB larger as it
// is, and 80 KB (7%) smaller as brotli sends it: the phone reader's
// download, the largest part of the wait before the widget answers.
//
// A module comes back as it is when joining could change what it does
// (Go's linker makes none of these): when a segment is not an active
// one of memory 0 at a constant offset, or overlaps another; when it
// has a data count section, which code that names segments by index
// (memory.init, data.drop) needs, and joining renumbers them; or when
// it imports its memory, whose bytes between the segments are not
// known to be zeros. So does one with nothing to join.
func mergeDataSegments(mod []byte, maxGap int) ([]byte, error) {
	if len(mod) < 8 || string(mod[:8]) != "\x00asm\x01\x00\x00\x00" {
		return nil, errors.New("not a WebAssembly module of version 1")
	}
	type section struct {
		id   byte
		body []byte
	}
	var sections []section
	data := -1 // the data section's index in sections
	r := wasmbin.NewReader(mod[8:])
	for !r.Done() {
		id := r.Byte()
		body := r.Bytes(r.Uint())
		if r.Err() != nil {
			return nil, fmt.Errorf("section %d at byte %d: %w", id, 8+r.Offset(), r.Err())
		}
		switch id {
		case sectionDataCount:
			return mod, nil
		case sectionImport:
			kinds, err := wasmbin.ImportKinds(body)
			if err != nil {
				return nil, fmt.Errorf("import section: %w", err)
			}
			if slices.Contains(kinds, importMemory) {
				return mod, nil
			}
		case sectionData:
			if data >= 0 {
				return nil, errors.New("two data sections")
			}
			data = len(sections)
		}
		sections = append(sections, section{id, body})
	}
	if data < 0 {
		return mod, nil
	}
	joined, ok, err := mergeSegments(sections[data].body, maxGap)
	if err != nil {
		return nil, fmt.Errorf("data section: %w", err)
	}
	if !ok {
		return mod, nil
	}
	sections[data].body = joined
	out := append([]byte(nil), mod[:8]...)
	for _, s := range sections {
		out = append(out, s.id)
		out = wasmbin.AppendUint(out, uint64(len(s.body)))
		out = append(out, s.body...)
	}
	return out, nil
}

// mergeSegments rewrites the body of a data section, joining segments
// no more than maxGap bytes apart. ok is false when a segment is of a
// form it leaves alone (see mergeDataSegments), or none is joined.
func mergeSegments(body []byte, maxGap int) (out []byte, ok bool, err error) {
	type segment struct {
		offset int64
		data   []byte
	}
	r := wasmbin.NewReader(body)
	n := r.Uint()
	var segs []segment
	for k := 0; k < n && r.Err() == nil; k++ {
		if flags := r.Uint(); flags != 0 {
			return nil, false, r.Err() // passive, or another memory's
		}
		if r.Byte() != opI32Const {
			return nil, false, r.Err()
		}
		offset := int64(uint32(r.Int32()))
		if r.Byte() != opEnd {
			return nil, false, r.Err()
		}
		data := r.Bytes(r.Uint())
		segs = append(segs, segment{offset, data})
	}
	if r.Err() != nil {
		return nil, false, fmt.Errorf("segment at byte %d: %w", r.Offset(), r.Err())
	}
	if r.Offset() != len(body) {
		return nil, false, fmt.Errorf("%d bytes after the last segment", len(body)-r.Offset())
	}
	// The linker writes its sections' segments in its own order, not the
	// memory's. Segments that do not overlap write the same memory in
	// any order; ones that do are left alone, since there the order says
	// which byte stays.
	slices.SortStableFunc(segs, func(a, b segment) int { return cmp.Compare(a.offset, b.offset) })
	var joined []segment
	for _, s := range segs {
		if len(joined) > 0 {
			last := &joined[len(joined)-1]
			end := last.offset + int64(len(last.data))
			if s.offset < end {
				return nil, false, nil
			}
			if s.offset-end <= int64(maxGap) {
				last.data = append(last.data, make([]byte, s.offset-end)...)
				last.data = append(last.data, s.data...)
				continue
			}
		}
		joined = append(joined, segment{s.offset, append([]byte(nil), s.data...)})
	}
	if len(joined) == len(segs) {
		return nil, false, nil // nothing to join
	}
	out = wasmbin.AppendUint(nil, uint64(len(joined)))
	for _, s := range joined {
		out = append(out, 0, opI32Const)
		out = wasmbin.AppendInt32(out, int32(uint32(s.offset)))
		out = append(out, opEnd)
		out = wasmbin.AppendUint(out, uint64(len(s.data)))
		out = append(out, s.data...)
	}
	return out, true, nil
}
