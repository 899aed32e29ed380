package testenv

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"sync"
	"testing"

	"github.com/andybalholm/brotli"
)

// WriteFile writes a file a test needs, failing the test if it cannot.
func WriteFile(tb testing.TB, path, data string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// Decode undoes a Content-Encoding ("" for none, gzip or br) of the body
// of name, failing the test on any other encoding or a body that does not
// decode.
func Decode(tb testing.TB, name, encoding string, body []byte) []byte {
	tb.Helper()
	var r io.Reader
	switch encoding {
	case "":
		return body
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			tb.Fatalf("%s: %v", name, err)
		}
		r = zr
	case "br":
		r = brotli.NewReader(bytes.NewReader(body))
	default:
		tb.Fatalf("%s: Content-Encoding %q", name, encoding)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		tb.Fatalf("%s: decoding %s: %v", name, encoding, err)
	}
	return out
}

// LockedBuffer collects what goroutines write (a server's log, a
// command's output) while the test reads it.
type LockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *LockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *LockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
