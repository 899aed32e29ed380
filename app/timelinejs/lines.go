package timelinejs

import (
	"bytes"
	"unicode/utf8"
)

// lines turns byte offsets into lines and columns (in characters). Its
// index of where lines start is built only as far as a question needs:
// a file refused at its 2,001st event is not indexed to its millionth
// line.
type lines struct {
	data    []byte
	starts  []int
	scanned int // data[:scanned] is indexed
}

func newLines(data []byte) *lines {
	return &lines{data: data, starts: []int{0}}
}

// index extends the index until it holds every line start at or before
// off, and at least n lines (or the whole file).
func (l *lines) index(off, n int) {
	for l.scanned < len(l.data) && (l.scanned <= off || len(l.starts) < n) {
		i := bytes.IndexByte(l.data[l.scanned:], '\n')
		if i < 0 {
			l.scanned = len(l.data)
			return
		}
		l.scanned += i + 1
		l.starts = append(l.starts, l.scanned)
	}
}

// lineStart is the offset of a 1-based line, or -1 past the last.
func (l *lines) lineStart(line int) int {
	l.index(-1, line)
	if line < 1 || line > len(l.starts) {
		return -1
	}
	return l.starts[line-1]
}

func (l *lines) at(off int) (line, col int) {
	l.index(off, 0)
	lo, hi := 0, len(l.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if l.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	if off > len(l.data) {
		off = len(l.data)
	}
	return lo + 1, utf8.RuneCount(l.data[l.starts[lo]:off]) + 1
}
