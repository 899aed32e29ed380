package story

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// ErrInvalid is wrapped by every error that Parse returns for a story that
// is not valid, whatever the reason: test for it with errors.Is.
var ErrInvalid = errors.New("invalid story")

// ErrTooLarge is wrapped by the error for a file over MaxFileSize.
var ErrTooLarge = errors.New("story file too large")

// Error is one problem in a story file, placed like a compiler error so that
// editors and terminals can jump to it.
type Error struct {
	File string // the name given to Parse
	Line int    // 1-based
	Col  int    // 1-based, in characters
	Path string // JSON path, e.g. $.events[3].headline
	Msg  string // what is wrong
	Hint string // what would be valid, when that helps
}

// Error formats the problem as FILE:LINE:COL: PATH: message (hint); one
// that is about the whole file (Line 0) as FILE: message.
func (e *Error) Error() string {
	var b strings.Builder
	if e.Line == 0 {
		fmt.Fprintf(&b, "%s: ", e.File)
	} else {
		fmt.Fprintf(&b, "%s:%d:%d: ", e.File, e.Line, e.Col)
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString(" (")
		b.WriteString(e.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap makes every Error match ErrInvalid.
func (e *Error) Unwrap() error { return ErrInvalid }

// ErrorList is every problem found in one file, in file order.
type ErrorList []*Error

// Error returns one problem a line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap makes the list match ErrInvalid (and each of its errors).
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// lineIndex turns byte offsets into lines and columns.
type lineIndex struct {
	data   []byte
	starts []int // byte offset at which each line starts
}

// newLineIndex finds where lines start. A line ends at LF, CRLF or a lone
// CR (old Mac files); a byte-order mark does not count as a column.
func newLineIndex(data []byte) lineIndex {
	starts := []int{0}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		starts[0] = 3
	}
	for i, c := range data {
		if c == '\n' || (c == '\r' && (i+1 == len(data) || data[i+1] != '\n')) {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{data: data, starts: starts}
}

// position returns the 1-based line and character column of off.
func (li lineIndex) position(off int) (line, col int) {
	off = max(li.starts[0], min(off, len(li.data)))
	i, found := slices.BinarySearch(li.starts, off)
	if !found {
		i-- // off is inside the line that starts before it
	}
	return i + 1, utf8.RuneCount(li.data[li.starts[i]:off]) + 1
}

// toErrors places problems in the file and sorts them in file order.
func toErrors(file string, li lineIndex, problems []problem) ErrorList {
	slices.SortStableFunc(problems, func(a, b problem) int { return cmp.Compare(a.off, b.off) })
	list := make(ErrorList, len(problems))
	for i, p := range problems {
		line, col := li.position(p.off)
		list[i] = &Error{File: file, Line: line, Col: col, Path: p.path, Msg: p.msg, Hint: p.hint}
	}
	return list
}
