package compress

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"sync"

	"github.com/andybalholm/brotli"
)

// Body is a response body in the content codings it can be sent in. The
// server picks a coding from what the client accepts and what the body
// offers, then asks for the bytes of that coding only.
type Body interface {
	// Offers reports whether the body can be sent in a content coding,
	// "br" or "gzip". Every body can be sent as it is.
	Offers(coding string) bool
	// Bytes is the body in a coding it offers, or as it is for "".
	Bytes(coding string) ([]byte, error)
}

// Offers reports whether e holds the coding's form.
func (e Encoded) Offers(coding string) bool {
	switch coding {
	case "br":
		return e.Brotli != nil
	case "gzip":
		return e.Gzip != nil
	}
	return false
}

// Bytes is e in a coding; it never fails.
func (e Encoded) Bytes(coding string) ([]byte, error) {
	switch coding {
	case "br":
		return e.Brotli, nil
	case "gzip":
		return e.Gzip, nil
	}
	return e.Raw, nil
}

// BrotliOnly is a body the build keeps in brotli alone, as the binary
// embeds the WebAssembly: three forms of each program would triple the
// largest part of the binary for the few clients that take no brotli.
// Brotli clients get the stored bytes as they are; the plain form and a
// gzip re-encoding are each made on the first request that needs it, and
// kept, so the work is done once per process and per body. The server
// holds one BrotliOnly per WebAssembly program, which bounds that memory.
type BrotliOnly struct {
	br  []byte
	raw func() ([]byte, error)
	gz  func() ([]byte, error)
}

// NewBrotliOnly wraps a brotli stream.
func NewBrotliOnly(br []byte) *BrotliOnly {
	return &BrotliOnly{
		br:  br,
		raw: sync.OnceValues(func() ([]byte, error) { return Unbrotli(br) }),
		// Straight from brotli to gzip, so that a server that sends only
		// gzip (plain-HTTP browsers take no brotli) never keeps the plain
		// form too. A reader waits for this: the default level takes a
		// third of the best's time on the WebAssembly, for 0.5% more bytes.
		gz: sync.OnceValues(func() ([]byte, error) {
			var b bytes.Buffer
			w, err := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
			if err != nil {
				return nil, err
			}
			if _, err := io.Copy(w, brotli.NewReader(bytes.NewReader(br))); err != nil {
				return nil, fmt.Errorf("decoding brotli: %w", err)
			}
			if err := w.Close(); err != nil {
				return nil, err
			}
			return b.Bytes(), nil
		}),
	}
}

// Offers is true for both codings: gzip is made from the brotli, decoded.
func (b *BrotliOnly) Offers(coding string) bool { return coding == "br" || coding == "gzip" }

// Bytes is the stored brotli, or the form made from it (once).
func (b *BrotliOnly) Bytes(coding string) ([]byte, error) {
	switch coding {
	case "br":
		return b.br, nil
	case "gzip":
		return b.gz()
	}
	return b.raw()
}

// Unbrotli decodes a brotli stream.
func Unbrotli(br []byte) ([]byte, error) {
	raw, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	if err != nil {
		return nil, fmt.Errorf("decoding brotli: %w", err)
	}
	return raw, nil
}
