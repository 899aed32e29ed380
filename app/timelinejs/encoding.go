package timelinejs

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// The encodings a timeline file comes in besides UTF-8.
const (
	utf16LE     = "UTF-16 LE"
	utf16BE     = "UTF-16 BE"
	windows1252 = "Windows-1252"
)

var utf8BOM = []byte("\xef\xbb\xbf")

// decodeText returns data as UTF-8, and the encoding it was read from
// ("" for UTF-8). A byte-order mark says which (and is dropped); UTF-16 without one shows
// in its first character, whose other byte is 0 (a file starts with a
// character of ASCII: {, [ or a column name). Text that is none of these
// and not valid UTF-8 is taken as Windows-1252, what Excel saves a sheet
// as "CSV" in on Windows in western Europe and the Americas, rather than
// have every accented letter become U+FFFD; bad is then the offset of
// the first byte that is not UTF-8.
func decodeText(data []byte) (out []byte, enc string, bad int) {
	var u16 encoding.Encoding
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		// The mark says UTF-8: a byte that is not is a mistake in the
		// file, not another encoding.
		return data[len(utf8BOM):], "", 0
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		u16, enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), utf16LE
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		u16, enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), utf16BE
	case len(data) >= 2 && data[0] != 0 && data[1] == 0:
		u16, enc = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), utf16LE
	case len(data) >= 2 && data[0] == 0 && data[1] != 0:
		u16, enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), utf16BE
	}
	if u16 != nil {
		// Invalid UTF-16 (a lone surrogate, an odd last byte) becomes
		// U+FFFD, as invalid UTF-8 does in encoding/json.
		out, err := u16.NewDecoder().Bytes(data)
		if err != nil {
			return data, "", 0
		}
		return bytes.TrimPrefix(out, utf8BOM), enc, 0
	}
	bad = invalidUTF8(data)
	if bad < 0 {
		return data, "", 0
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil { // not possible: every byte is a character of Windows-1252
		return data, "", 0
	}
	return out, windows1252, bad
}

// invalidUTF8 is the offset of the first byte of data that is not UTF-8,
// or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
