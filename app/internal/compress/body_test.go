package compress

import (
	"bytes"
	"compress/gzip"
	"io"
	"strings"
	"testing"
)

// TestBrotliOnly: a body kept in brotli offers both codings and gives
// back, in each, bytes that decode to the original; the brotli is the
// stored slice itself, and a stream that does not decode is an error
// for the forms made from it, not a panic.
func TestBrotliOnly(t *testing.T) {
	plain := []byte(strings.Repeat("the WebAssembly of the reader; ", 2000))
	stored, err := Brotli(plain, 5)
	if err != nil {
		t.Fatal(err)
	}
	gunzip := func(b []byte) ([]byte, error) {
		r, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		return io.ReadAll(r)
	}
	b := NewBrotliOnly(stored)
	for _, tt := range []struct {
		coding string
		decode func([]byte) ([]byte, error)
	}{
		{"br", Unbrotli},
		{"gzip", gunzip},
		{"", func(b []byte) ([]byte, error) { return b, nil }},
	} {
		if tt.coding != "" && !b.Offers(tt.coding) {
			t.Errorf("does not offer %q", tt.coding)
		}
		got, err := b.Bytes(tt.coding)
		if err != nil {
			t.Fatalf("%q: %v", tt.coding, err)
		}
		again, _ := b.Bytes(tt.coding)
		if &got[0] != &again[0] {
			t.Errorf("%q: made twice", tt.coding)
		}
		dec, err := tt.decode(got)
		if err != nil || !bytes.Equal(dec, plain) {
			t.Errorf("%q: decodes to %d bytes (%v); want %d", tt.coding, len(dec), err, len(plain))
		}
	}
	if got, _ := b.Bytes("br"); &got[0] != &stored[0] {
		t.Error("brotli is not sent as stored")
	}
	broken := NewBrotliOnly([]byte("not brotli"))
	for _, coding := range []string{"", "gzip"} {
		if _, err := broken.Bytes(coding); err == nil {
			t.Errorf("%q of a broken stream: no error", coding)
		}
	}
}
