package testenv

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"testing/fstest"

	"explainer/app/internal/compress"
)

// ReleaseQuality is the brotli quality of a release build (make wasm).
const ReleaseQuality = 11

var release struct {
	once sync.Once
	fsys fs.FS
	err  error
}

// ReleaseStaticFS is StaticFS with the reader's WebAssembly compressed as
// a release compresses it, for what measures the bytes readers download:
// budgets and benchmarks. Quality 11 on megabytes takes most of a minute,
// so the result is kept in the user's cache folder, by the hash of the
// WebAssembly it compresses.
func ReleaseStaticFS(tb testing.TB) fs.FS {
	tb.Helper()
	release.once.Do(func() { release.fsys, release.err = releaseStatic() })
	if release.err != nil {
		tb.Fatal(release.err)
	}
	return release.fsys
}

func releaseStatic() (fs.FS, error) {
	base, err := Static()
	if err != nil {
		return nil, err
	}
	out := maps.Clone(base.(fstest.MapFS))
	raw, err := compress.Unbrotli(out["app.wasm.br"].Data)
	if err != nil {
		return nil, fmt.Errorf("app.wasm.br: %w", err)
	}
	br, err := cachedBrotli(raw)
	if err != nil {
		return nil, err
	}
	out["app.wasm.br"] = &fstest.MapFile{Data: br, Mode: 0o644}
	return out, nil
}

func cachedBrotli(raw []byte) ([]byte, error) {
	sum := sha256.Sum256(raw)
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	name := filepath.Join(dir, "explainer", fmt.Sprintf("wasm-%s.q%d.br", hex.EncodeToString(sum[:12]), ReleaseQuality))
	if br, err := os.ReadFile(name); err == nil {
		return br, nil
	}
	br, err := compress.Brotli(raw, ReleaseQuality)
	if err != nil {
		return nil, err
	}
	// The cache is only a shortcut: a failure to keep it costs time, not
	// the result.
	if os.MkdirAll(filepath.Dir(name), 0o755) == nil {
		tmp := name + ".tmp"
		if os.WriteFile(tmp, br, 0o644) == nil {
			os.Rename(tmp, name)
		}
	}
	return br, nil
}
