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
	compress.Body
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
// test builds). A file
// "x.br" or "x.gz" beside "x" is taken as its precompressed form; an
// "x.br" with no "x" (the WebAssembly, which the build keeps in brotli
// alone) is the asset "x", decoded or re-encoded only for a client that
// takes no brotli (compress.BrotliOnly). Its URL and ETag hash the
// brotli bytes, which a build makes the same from the same program.
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
		var body compress.Body
		base, coding := strings.CutSuffix(name, ".br")
		if !coding {
			base, coding = strings.CutSuffix(name, ".gz")
		}
		_, hasBase := files[base]
		switch {
		case coding && hasBase:
			continue // a compressed copy, attached below
		case coding && strings.HasSuffix(name, ".br") && path.Ext(base) != "":
			name, body = base, compress.NewBrotliOnly(data)
		default:
			if body, err = encodeAsset(name, data, files); err != nil {
				return nil, err
			}
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(name)
		as := &Asset{
			Body: body,
			Name: name,
			URL:  urls.Asset("", strings.TrimSuffix(name, ext)+"."+hash+ext),
			Type: contentType(ext),
			ETag: `"` + hash + `"`,
		}
		a.byName[name] = as
		a.byURL[as.URL] = as
	}
	return a, nil
}

// encodeAsset is a file with the compressed copies found beside it, and
// those it lacks made now when it is small enough.
func encodeAsset(name string, data []byte, files map[string][]byte) (compress.Encoded, error) {
	e := compress.Encoded{Raw: data, Gzip: files[name+".gz"], Brotli: files[name+".br"]}
	if compressible(contentType(path.Ext(name))) && len(data) <= compressInMemoryLimit {
		var err error
		if e.Gzip == nil {
			if e.Gzip, err = compress.Gzip(data); err != nil {
				return e, fmt.Errorf("%s: %w", name, err)
			}
		}
		if e.Brotli == nil {
			if e.Brotli, err = compress.Brotli(data, 9); err != nil {
				return e, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	return e.Smallest(), nil
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
