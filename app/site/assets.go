package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"mime"
	"path"
	"slices"
	"strings"

	"explainer/app/internal/compress"
	"explainer/app/internal/urls"
)

// Asset is one static file, held in memory with its compressed forms and
// served under a URL that names its content, so that it can be cached for
// a year and a new build never meets a stale copy.
type Asset struct {
	compress.Encoded
	Name string // file name in web/static, e.g. explainer.css
	URL  string // path under the site root, e.g. /assets/explainer.1a2b3c4d5e.css
	Type string
	ETag string
}

// Assets indexes the static files by name and by hashed URL.
type Assets struct {
	byName map[string]*Asset
	byURL  map[string]*Asset
}

// compressInMemoryLimit is the largest file compressed at start-up when the
// build did not ship a compressed copy; brotli on a multi-megabyte wasm
// would slow every start, so `make wasm` does that once instead.
const compressInMemoryLimit = 1 << 20

// LoadAssets reads every file of fsys (the web/static folder, or what a
// test builds). A file "x.br" or "x.gz" beside "x" is taken as its
// precompressed form.
func LoadAssets(fsys fs.FS) (*Assets, error) {
	a := &Assets{byName: map[string]*Asset{}, byURL: map[string]*Asset{}}
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files[p] = data
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading static files: %w", err)
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".br") || strings.HasSuffix(name, ".gz") {
			if _, ok := files[name[:len(name)-3]]; ok {
				continue // a compressed copy, attached below
			}
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(name)
		as := &Asset{
			Name: name,
			URL:  urls.Asset("", strings.TrimSuffix(name, ext)+"."+hash+ext),
			Type: contentType(ext),
			ETag: `"` + hash + `"`,
		}
		as.Encoded = compress.Encoded{Raw: data, Gzip: files[name+".gz"], Brotli: files[name+".br"]}
		if compressible(as.Type) && len(data) <= compressInMemoryLimit {
			if as.Gzip == nil {
				if as.Gzip, err = compress.Gzip(data); err != nil {
					return nil, fmt.Errorf("%s: %w", name, err)
				}
			}
			if as.Brotli == nil {
				if as.Brotli, err = compress.Brotli(data, 9); err != nil {
					return nil, fmt.Errorf("%s: %w", name, err)
				}
			}
		}
		as.Encoded = as.Encoded.Smallest()
		a.byName[name] = as
		a.byURL[as.URL] = as
	}
	return a, nil
}

// URL returns the hashed URL of a named file, or "" when there is none.
func (a *Assets) URL(name string) string {
	if as, ok := a.byName[name]; ok {
		return as.URL
	}
	return ""
}

// ByName is the file of a name, or nil.
func (a *Assets) ByName(name string) *Asset { return a.byName[name] }

// ByURL is the file at a hashed URL, or nil.
func (a *Assets) ByURL(path string) *Asset { return a.byURL[path] }

// List returns the files in a stable order.
func (a *Assets) List() []*Asset {
	return slices.SortedFunc(maps.Values(a.byName), func(x, y *Asset) int { return strings.Compare(x.Name, y.Name) })
}

func contentType(ext string) string {
	switch ext {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".json":
		return "application/json"
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") ||
		strings.Contains(ctype, "svg") || strings.Contains(ctype, "wasm") || strings.Contains(ctype, "javascript")
}
