package publish

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"explainer/app/internal/compress"
	"explainer/app/site"
)

// Encoding says how objects are stored. An object store does not
// negotiate: each object has one body, sent to every reader with the
// Content-Encoding it was stored with. So the choice is made once, here.
type Encoding string

const (
	// Brotli stores the assets (the WebAssembly, scripts, styles) as
	// brotli and everything else as gzip. Browsers decode brotli only
	// from a secure context (https, or localhost): Chromium neither asks
	// for it nor accepts it from a plain-http host. Readers' browsers
	// alone fetch the assets; pages and story data are also read by
	// crawlers and servers, which all take gzip but not always brotli.
	Brotli Encoding = "br"
	// Gzip stores every compressible object as gzip, which every HTTP
	// client decodes, on http as on https; Google Cloud Storage also
	// serves it decompressed to a client that does not ask for gzip.
	Gzip Encoding = "gzip"
	// Identity stores every object as it is, for a CDN that compresses
	// on its own (CloudFront's "compress objects automatically" does, up
	// to 10 MB).
	Identity Encoding = "none"
	// Files stores the site as an export writes it: every file as it is,
	// under its own name, and beside each asset the .br and .gz copies
	// the build made. It is the one form for a folder (file://): the
	// static server in front of one knows nothing of the headers an
	// object store keeps, so a compressed body under a page's name would
	// reach readers as garbage; a server that can (nginx's gzip_static,
	// Caddy's precompressed) serves the copies.
	Files Encoding = "files"
)

// ChooseEncoding is the encoding for a flag's value and the bucket URL
// (to): a folder (file://) always gets Files; elsewhere "auto" is brotli
// when the site's address is https, where every reader's browser takes
// it, and gzip otherwise.
func ChooseEncoding(flag, baseURL, to string) (Encoding, error) {
	if IsFolder(to) {
		if flag == "auto" || flag == "" {
			return Files, nil
		}
		return "", errors.New("a folder (file://) gets its files as they are, with .br and .gz copies of the assets beside them, for any static server to serve: choose no encoding for it")
	}
	switch flag {
	case "auto", "":
		if strings.HasPrefix(strings.ToLower(baseURL), "https://") {
			return Brotli, nil
		}
		return Gzip, nil
	case string(Brotli), string(Gzip), string(Identity):
		return Encoding(flag), nil
	}
	return "", errors.New("want auto, br, gzip or none")
}

// Kind sorts objects into the order they are written in: a page is
// written only once what it loads is there.
type Kind int

const (
	Asset   Kind = iota // content-hashed, immutable: /assets/…
	Data                // story data and the schema, which pages fetch
	Page                // a story's page
	Listing             // the index and the 404 page, which link to pages
)

var kindNames = [...]string{"assets", "data", "pages", "index"}

func (k Kind) String() string { return kindNames[k] }

// Object is one object to store: its key under the bucket (or prefix),
// its body as stored, and the headers it is served with.
type Object struct {
	Key                   string
	Body                  []byte
	Type, Cache, Encoding string
	Kind                  Kind
	// Digest names the body and every header, so that a change of either
	// is an upload; MD5 is the body's, as stores report it in listings.
	Digest string
	MD5    []byte
}

// Objects turns the site's files (site.Files: the same headers the
// server sends) into what is stored: for an object store, each file
// once, in the encoding chosen, since a store cannot pick among the .br
// and .gz copies an export writes beside each asset; for a folder
// (Files), every file as it is, copies included, none with a
// Content-Encoding.
func Objects(files []site.File, enc Encoding) ([]Object, error) {
	byPath := make(map[string]site.File, len(files))
	for _, f := range files {
		byPath[f.Path] = f
	}
	var out []Object
	if enc == Files {
		for _, f := range files {
			o := Object{Key: strings.TrimPrefix(f.Path, "/"), Body: f.Body, Type: f.Type, Cache: f.Cache, Kind: kindOf(f)}
			o.Digest, o.MD5 = digest(o)
			out = append(out, o)
		}
		return out, nil
	}
	for _, f := range files {
		if f.Encoding != "" {
			continue // a compressed copy, chosen below
		}
		o := Object{Key: strings.TrimPrefix(f.Path, "/"), Body: f.Body, Type: f.Type, Cache: f.Cache, Kind: kindOf(f)}
		switch {
		case enc == Identity:
		case o.Kind == Asset:
			// Only the copies the build made: one that does not pay is
			// not there (an SVG icon of a few hundred bytes).
			for _, e := range preference(enc) {
				if c, ok := byPath[f.Path+ext[e]]; ok {
					o.Body, o.Encoding = c.Body, e
					break
				}
			}
		default:
			gz, err := compress.Gzip(f.Body)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", f.Path, err)
			}
			if len(gz) < len(f.Body) {
				o.Body, o.Encoding = gz, "gzip"
			}
		}
		o.Digest, o.MD5 = digest(o)
		out = append(out, o)
	}
	return out, nil
}

var ext = map[string]string{"br": ".br", "gzip": ".gz"}

// preference is the order in which an asset's copies are taken.
func preference(enc Encoding) []string {
	if enc == Brotli {
		return []string{"br", "gzip"}
	}
	return []string{"gzip"}
}

func kindOf(f site.File) Kind {
	switch {
	case f.Cache == site.CacheImmutable:
		return Asset
	case !strings.HasSuffix(f.Path, ".html"):
		return Data
	case f.Path == "/index.html" || f.Path == "/404.html":
		return Listing
	}
	return Page
}

func digest(o Object) (string, []byte) {
	h := sha256.New()
	for _, s := range []string{o.Key, o.Type, o.Cache, o.Encoding} {
		fmt.Fprintf(h, "%d:%s\n", len(s), s)
	}
	h.Write(o.Body)
	sum := md5.Sum(o.Body)
	return hex.EncodeToString(h.Sum(nil)), sum[:]
}
