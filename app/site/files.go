package site

import (
	"fmt"
	"path"

	"explainer/app/i18n"
	"explainer/app/internal/urls"
	"explainer/app/repo"
	"explainer/app/story"
	"explainer/app/widget"
	"explainer/web"
)

// Cache policies, the same for the server's responses and a static host's
// files: assets live under content-hashed names and never change; pages
// and data revalidate, so a correction reaches readers on their next load.
const (
	CacheImmutable  = "public, max-age=31536000, immutable"
	CacheRevalidate = "no-cache"
)

// File is one file of the site as a static host serves it, with the
// headers it is to be sent with.
type File struct {
	Path string // under the site's root, with a leading slash: /s/ID/index.html
	Body []byte
	// Type and Cache are the Content-Type and Cache-Control to send;
	// Encoding is "br" or "gzip" for the precompressed copy of an asset
	// (Path then ends in .br or .gz), "" for a file as it is.
	Type, Cache, Encoding string
}

// Files lists the whole site as static files: the assets (but the
// studio's) with their .br and .gz copies beside them, every story page
// prerendered at its first event, the story data, the index (when there
// are several stories, all on one page: a static host has no ?page=), the
// schema and a 404 page. With a base URL, the pages name it as their
// address; a static host has no oEmbed endpoint, so none is announced.
func (s *Site) Files() ([]File, error) {
	out, err := s.AssetFiles()
	if err != nil {
		return nil, err
	}
	stories := s.stories.List()
	for _, e := range stories {
		files, err := s.StoryFiles(e)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	listing, err := s.ListingFiles(stories)
	if err != nil {
		return nil, err
	}
	return append(out, listing...), nil
}

// AssetFiles are Files' assets, with their compressed copies. An asset
// the build keeps in brotli alone (the WebAssembly) is decoded and
// gzipped here, once: a static host cannot make those forms itself.
func (s *Site) AssetFiles() ([]File, error) {
	var out []File
	for _, as := range s.assets.List() {
		if studioOnly[as.Name] {
			continue
		}
		for _, coding := range []string{"", "gzip", "br"} {
			if coding != "" && !as.Offers(coding) {
				continue
			}
			body, err := as.Bytes(coding)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", as.Name, err)
			}
			out = append(out, File{Path: as.URL + codingExt[coding], Body: body, Type: as.Type, Cache: CacheImmutable, Encoding: coding})
		}
	}
	return out, nil
}

// codingExt is the suffix of an asset's copy in a content coding.
var codingExt = map[string]string{"": "", "gzip": ".gz", "br": ".br"}

// StoryFiles are Files' files of one story: its page, its data (JSON
// and a TimelineJS sheet) and its printable version. They
// change only with the story (and the assets), so a publisher that keeps
// them per version renders an edit's story alone.
func (s *Site) StoryFiles(e *repo.Entry) ([]File, error) {
	path := s.StoryPath(e.Story.ID)
	page, err := s.renderStory(e, widget.State{}, widget.Options{}, s.BaseOrigin(), false, nil)
	if err != nil {
		return nil, err
	}
	printable, err := s.PrintPage(e, widget.Options{}, s.BaseOrigin())
	if err != nil {
		return nil, err
	}
	sheet, err := StoryCSV(e.Story)
	if err != nil {
		return nil, err
	}
	files := []File{
		{Path: path[len(s.root):] + "index.html", Body: page, Type: HTMLType, Cache: CacheRevalidate},
		{Path: urls.StoryJSON("", e.Story.ID), Body: e.JSON, Type: "application/json", Cache: CacheRevalidate},
		{Path: urls.StoryCSV("", e.Story.ID), Body: sheet, Type: CSVType, Cache: CacheRevalidate},
		{Path: urls.Print("", e.Story.ID) + "index.html", Body: printable, Type: HTMLType, Cache: CacheRevalidate},
	}
	return s.shareFiles(e, files)
}

// shareFiles adds a story's share images and its quotes' share pages and
// images, which a static host serves as the server does. The images are
// the same bytes at every drawing, so a republish uploads only those a
// change touched.
func (s *Site) shareFiles(e *repo.Entry, files []File) ([]File, error) {
	id := e.Story.ID
	for i := range e.Story.Quotes {
		q := story.Ref(e.Story.Quotes[i].ID)
		b, err := s.renderStory(e, widget.State{Event: e.Story.Quotes[i].Event}, widget.Options{}, s.BaseOrigin(), false, &e.Story.Quotes[i])
		if err != nil {
			return nil, err
		}
		files = append(files, File{Path: urls.QuoteShare("", id, q) + "index.html", Body: b, Type: HTMLType, Cache: CacheRevalidate})
	}
	for _, k := range shareKinds(e.Story) {
		// An image that cannot be drawn (a character no font has, words
		// too long to fit) is left out, as the server answers it: the
		// rest of the site goes out. explainer validate warns of it.
		png, err := s.ShareImage(e, k)
		if err != nil {
			continue
		}
		path := urls.ShareImage("", id, k.Square)
		if k.Quote != "" {
			path = urls.QuoteImage("", id, k.Quote, k.Square)
		}
		files = append(files, File{Path: path, Body: png, Type: "image/png", Cache: CacheRevalidate})
	}
	return files, nil
}

// Attachment is the Content-Disposition of a download: saved under the
// last part of its path (a story id is a slug, which needs no quoting
// beyond the quotes).
func Attachment(p string) string {
	return `attachment; filename="` + path.Base(p) + `"`
}

// ListingFiles are Files' pages about the stories rather than of one:
// the index (for several stories), the schema and the 404 page.
func (s *Site) ListingFiles(stories []*repo.Entry) ([]File, error) {
	var out []File
	if !s.single {
		index, err := s.IndexPage(stories, 1, len(stories))
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: "/index.html", Body: index, Type: HTMLType, Cache: CacheRevalidate})
	}
	notFound, err := s.ErrorPage(i18n.English, true)
	if err != nil {
		return nil, err
	}
	return append(out,
		File{Path: urls.Schema, Body: web.Schema, Type: "application/schema+json", Cache: CacheRevalidate},
		File{Path: "/404.html", Body: notFound, Type: HTMLType, Cache: CacheRevalidate},
	), nil
}

// studioOnly are the assets of the studio, which needs the server's API
// and so has no place on a static host; its WebAssembly alone is larger
// than the rest of the site.
var studioOnly = map[string]bool{"studio.wasm": true, "studio.js": true, "studio.css": true}

// HTMLType is the Content-Type of every page.
const HTMLType = "text/html; charset=utf-8"
