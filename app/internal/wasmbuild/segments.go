package wasmbuild

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// mergeGap is the longest run of zero bytes mergeDataSegments writes out
// to join two data segments. Longer runs (the linker leaves megabytes
// between some sections) stay gaps, so the file does not grow by them.
const mergeGap = 4096

// WebAssembly's section ids and opcodes that mergeDataSegments reads.
const (
	sectionImport    = 2
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
	r := reader{b: mod, i: 8}
	for r.i < len(mod) {
		id := r.byte()
		n := r.uint()
		body := r.bytes(n)
		if r.err != nil {
			return nil, fmt.Errorf("section %d at byte %d: %w", id, r.i, r.err)
		}
		switch id {
		case sectionDataCount:
			return mod, nil
		case sectionImport:
			imported, err := importsMemory(body)
			if err != nil {
				return nil, fmt.Errorf("import section: %w", err)
			}
			if imported {
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
		out = appendUint(out, uint64(len(s.body)))
		out = append(out, s.body...)
	}
	return out, nil
}

// importsMemory reports whether an import section imports a memory.
func importsMemory(body []byte) (bool, error) {
	r := reader{b: body}
	n := r.uint()
	for k := 0; k < n && r.err == nil; k++ {
		r.bytes(r.uint()) // module
		r.bytes(r.uint()) // name
		switch kind := r.byte(); kind {
		case 0: // a function: its type
			r.uint()
		case 1: // a table: its element type, its limits
			r.byte()
			r.limits()
		case 2:
			return true, r.err
		case 3: // a global: its type, mutable or not
			r.byte()
			r.byte()
		case 4: // a tag: its attribute, its type
			r.byte()
			r.uint()
		default:
			return false, fmt.Errorf("an import of kind %d", kind)
		}
	}
	return false, r.err
}

// mergeSegments rewrites the body of a data section, joining segments
// no more than maxGap bytes apart. ok is false when a segment is of a
// form it leaves alone (see mergeDataSegments), or none is joined.
func mergeSegments(body []byte, maxGap int) (out []byte, ok bool, err error) {
	type segment struct {
		offset int64
		data   []byte
	}
	r := reader{b: body}
	n := r.uint()
	var segs []segment
	for k := 0; k < n && r.err == nil; k++ {
		if flags := r.uint(); flags != 0 {
			return nil, false, r.err // passive, or another memory's
		}
		if r.byte() != opI32Const {
			return nil, false, r.err
		}
		offset := int64(uint32(r.int32()))
		if r.byte() != opEnd {
			return nil, false, r.err
		}
		data := r.bytes(r.uint())
		segs = append(segs, segment{offset, data})
	}
	if r.err != nil {
		return nil, false, fmt.Errorf("segment at byte %d: %w", r.i, r.err)
	}
	if r.i != len(body) {
		return nil, false, fmt.Errorf("%d bytes after the last segment", len(body)-r.i)
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
	out = appendUint(nil, uint64(len(joined)))
	for _, s := range joined {
		out = append(out, 0, opI32Const)
		out = appendInt32(out, int32(uint32(s.offset)))
		out = append(out, opEnd)
		out = appendUint(out, uint64(len(s.data)))
		out = append(out, s.data...)
	}
	return out, true, nil
}

// reader reads a module's LEB128 numbers and bytes; its first error
// stops it, and every read after that returns zero.
type reader struct {
	b   []byte
	i   int
	err error
}

var errShort = errors.New("the module ends early")

func (r *reader) byte() byte {
	if r.err != nil || r.i >= len(r.b) {
		r.err = errShort
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b)-r.i {
		r.err = errShort
		return nil
	}
	b := r.b[r.i : r.i+n]
	r.i += n
	return b
}

// uint reads an unsigned LEB128 number of up to 32 bits.
func (r *reader) uint() int {
	var v uint64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c&0x80 == 0 {
			if v > 1<<32-1 {
				break
			}
			return int(v)
		}
	}
	r.tooLong()
	return 0
}

// int32 reads a signed LEB128 number of up to 32 bits.
func (r *reader) int32() int32 {
	var v int64
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= int64(c&0x7f) << shift
		if c&0x80 == 0 {
			if c&0x40 != 0 {
				v |= -1 << (shift + 7)
			}
			if v < -1<<31 || v > 1<<31-1 {
				break
			}
			return int32(v)
		}
	}
	r.tooLong()
	return 0
}

// limits reads past a table's or memory's limits.
func (r *reader) limits() {
	hasMax := r.byte()&1 != 0
	r.uint() // the minimum
	if hasMax {
		r.uint()
	}
}

func (r *reader) tooLong() {
	if r.err == nil {
		r.err = errors.New("a number does not fit 32 bits")
	}
}

func appendUint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendInt32(b []byte, v int32) []byte {
	x := int64(v)
	for {
		c := byte(x & 0x7f)
		x >>= 7
		if (x == 0 && c&0x40 == 0) || (x == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
