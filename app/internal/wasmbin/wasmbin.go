// Package wasmbin reads and writes the parts of the WebAssembly binary
// format the build's tools need: LEB128 numbers, bytes, names, limits
// and the kinds of a module's imports. wasmbuild rewrites the reader's
// data section with it; wasmsize reads the code and name sections.
package wasmbin

import "errors"

// Name reads a name: its length, then its bytes.
func (r *Reader) Name() string { return string(r.Bytes(r.Uint())) }

// ImportKinds reads an import section and returns each import's kind,
// in order: 0 a function, 1 a table, 2 a memory, 3 a global, 4 a tag.
func ImportKinds(body []byte) ([]byte, error) {
	r := NewReader(body)
	n := r.Uint()
	var kinds []byte
	for k := 0; k < n && r.err == nil; k++ {
		r.Name() // module
		r.Name() // name
		kind := r.Byte()
		switch kind {
		case 0: // a function: its type
			r.Uint()
		case 1: // a table: its element type, its limits
			r.Byte()
			r.Limits()
		case 2: // a memory: its limits
			r.Limits()
		case 3: // a global: its type, mutable or not
			r.Byte()
			r.Byte()
		case 4: // a tag: its attribute, its type
			r.Byte()
			r.Uint()
		default:
			return nil, errors.New("an import of unknown kind")
		}
		kinds = append(kinds, kind)
	}
	return kinds, r.err
}

// Reader reads a module's LEB128 numbers, bytes and names; its first
// error stops it, and every read after that returns zero.
type Reader struct {
	b   []byte
	i   int
	err error
}

// NewReader reads b.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

// Err is the first error, if any.
func (r *Reader) Err() error { return r.err }

// Offset is where the next read starts, from the start of b.
func (r *Reader) Offset() int { return r.i }

// Done reports whether all of b is read, or reading stopped.
func (r *Reader) Done() bool { return r.err != nil || r.i >= len(r.b) }

// ErrShort is the error of a read past the end.
var ErrShort = errors.New("the module ends early")

// Byte reads a byte.
func (r *Reader) Byte() byte {
	if r.err != nil || r.i >= len(r.b) {
		r.err = ErrShort
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

// Bytes reads n bytes.
func (r *Reader) Bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b)-r.i {
		r.err = ErrShort
		return nil
	}
	b := r.b[r.i : r.i+n]
	r.i += n
	return b
}

// Uint reads an unsigned LEB128 number of up to 32 bits.
func (r *Reader) Uint() int {
	var v uint64
	for shift := 0; shift < 35; shift += 7 {
		c := r.Byte()
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

// Int32 reads a signed LEB128 number of up to 32 bits.
func (r *Reader) Int32() int32 {
	var v int64
	for shift := 0; shift < 35; shift += 7 {
		c := r.Byte()
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

// Limits reads past a table's or memory's limits.
func (r *Reader) Limits() {
	hasMax := r.Byte()&1 != 0
	r.Uint() // the minimum
	if hasMax {
		r.Uint()
	}
}

func (r *Reader) tooLong() {
	if r.err == nil {
		r.err = errors.New("a number does not fit 32 bits")
	}
}

// AppendUint appends v as an unsigned LEB128 number.
func AppendUint(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

// AppendInt32 appends v as a signed LEB128 number.
func AppendInt32(b []byte, v int32) []byte {
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
