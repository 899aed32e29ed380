// Package compress makes the gzip and brotli forms of bodies the server
// sends: once at build time for the WebAssembly, once per version for
// pages and story data, never per request.
package compress

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io/fs"
	"os"

	"github.com/andybalholm/brotli"
)

// Output is a file written, with its length raw and compressed.
type Output struct {
	Path              string
	Raw, Gzip, Brotli int
}

// File writes NAME.gz (best compression) and NAME.br beside a file.
func File(name string, brotliQuality int) (Output, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return Output{}, err
	}
	gz, br, err := both(data, brotliQuality)
	if err != nil {
		return Output{}, err
	}
	if err := os.WriteFile(name+".gz", gz, 0o644); err != nil {
		return Output{}, err
	}
	if err := os.WriteFile(name+".br", br, 0o644); err != nil {
		return Output{}, err
	}
	return Output{name, len(data), len(gz), len(br)}, nil
}

// BrotliFile replaces a file by NAME.br alone, and removes a NAME.gz left
// beside it by an earlier build: what stays in the folder is what a
// binary embeds. Output.Gzip is 0, since no gzip form is written.
func BrotliFile(name string, brotliQuality int) (Output, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return Output{}, err
	}
	br, err := Brotli(data, brotliQuality)
	if err != nil {
		return Output{}, err
	}
	if err := os.WriteFile(name+".br", br, 0o644); err != nil {
		return Output{}, err
	}
	for _, stale := range []string{name, name + ".gz"} {
		if err := os.Remove(stale); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Output{}, err
		}
	}
	return Output{Path: name, Raw: len(data), Brotli: len(br)}, nil
}

// Gzip compresses data at the best level.
func Gzip(data []byte) ([]byte, error) {
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Brotli compresses data at a quality from 0 to 11.
func Brotli(data []byte, quality int) ([]byte, error) {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, quality)
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Encoded is a body in each encoding it is kept in; Gzip and Brotli are
// nil when compressing does not pay.
type Encoded struct {
	Raw, Gzip, Brotli []byte
}

// Size is the bytes all its forms take in memory.
func (e Encoded) Size() int { return len(e.Raw) + len(e.Gzip) + len(e.Brotli) }

// Encode makes the compressed forms of a body made at run time (pages,
// story data): once per version, never per request.
func Encode(data []byte, brotliQuality int) (Encoded, error) {
	gz, br, err := both(data, brotliQuality)
	if err != nil {
		return Encoded{}, err
	}
	return Encoded{Raw: data, Gzip: gz, Brotli: br}.Smallest(), nil
}

// both compresses data with gzip and brotli.
func both(data []byte, brotliQuality int) (gz, br []byte, err error) {
	if gz, err = Gzip(data); err != nil {
		return nil, nil, err
	}
	if br, err = Brotli(data, brotliQuality); err != nil {
		return nil, nil, err
	}
	return gz, br, nil
}

// Smallest drops the compressed forms that are no smaller than the raw.
func (e Encoded) Smallest() Encoded {
	if len(e.Gzip) >= len(e.Raw) {
		e.Gzip = nil
	}
	if len(e.Brotli) >= len(e.Raw) {
		e.Brotli = nil
	}
	return e
}
