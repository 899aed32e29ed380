//go:build !wasm

package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"net/url"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
	"explainer/app/widget"
)

// page is a rendered HTML document with its compressed forms.
type page struct {
	encoded
	ETag string
}

func newPage(html []byte) *page {
	sum := sha256.Sum256(html)
	return &page{
		encoded: encoded{raw: html, gzip: gzipBytes(html), brotli: brotliBytes(html, 6)},
		ETag:    `"` + hex.EncodeToString(sum[:10]) + `"`,
	}
}

// pageCache keeps rendered pages by story version and reader state, so a
// page is rendered once, not per request. It is bounded: past its size it
// starts afresh, which only costs a few renders.
type pageCache struct {
	mu    sync.Mutex
	max   int
	pages map[string]*page
}

func (c *pageCache) get(key string, render func() *page) *page {
	c.mu.Lock()
	p, ok := c.pages[key]
	c.mu.Unlock()
	if ok {
		return p
	}
	p = render()
	c.mu.Lock()
	if c.pages == nil || len(c.pages) >= c.max {
		c.pages = make(map[string]*page)
	}
	c.pages[key] = p
	c.mu.Unlock()
	return p
}

// shellData fills the document around the widget.
type shellData struct {
	Lang        string
	Theme       string
	Embed       bool
	Title       string
	Description string
	Canonical   string
	Root        string // path prefix of the site, "" at the domain root
	CSS         string
	Icon        string
	Boot        string
	Exec        string
	Wasm        string
	Version     string
	JSONURL     string
	Widget      template.HTML
	Data        template.JS
	Zones       template.JS
	Offline     string
}

// The shell holds no inline script or style, so the CSP can forbid both.
// The widget must stay the first element of <body>: go-app's WebAssembly
// takes over the first element child.
var shellTemplate = template.Must(template.New("shell").Parse(`<!doctype html>
<html lang="{{.Lang}}"{{if .Theme}} data-theme="{{.Theme}}"{{end}}{{if .Embed}} class="is-embed"{{end}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{- if .Description}}
<meta name="description" content="{{.Description}}">{{end}}
<meta name="color-scheme" content="light dark">
{{- if .Canonical}}
<link rel="canonical" href="{{.Canonical}}">
<meta property="og:url" content="{{.Canonical}}">{{end}}
<meta property="og:type" content="article">
<meta property="og:title" content="{{.Title}}">
{{- if .Description}}
<meta property="og:description" content="{{.Description}}">{{end}}
<link rel="icon" href="{{.Root}}{{.Icon}}" type="image/svg+xml">
<link rel="stylesheet" href="{{.Root}}{{.CSS}}">
<link rel="alternate" type="application/json" href="{{.JSONURL}}">
{{- if .Wasm}}
<script defer src="{{.Root}}{{.Boot}}" data-exec="{{.Root}}{{.Exec}}" data-wasm="{{.Root}}{{.Wasm}}" data-root="{{.Root}}" data-version="{{.Version}}"></script>{{end}}
</head>
<body>
{{.Widget}}
<p id="explainer-offline" class="explainer-notice explainer" role="status" hidden>{{.Offline}}</p>
<script type="application/json" id="explainer-data">{{.Data}}</script>
<script type="application/json" id="explainer-zones">{{.Zones}}</script>
</body>
</html>
`))

// renderStory renders the page of a story at the state u asks for.
func (s *Server) renderStory(e *entry, u *url.URL) *page {
	w := widget.New(e.Story, u)
	_, opts := widget.ParseURL(e.Story, u.Query())
	var b bytes.Buffer
	err := shellTemplate.Execute(&b, shellData{
		Lang:        string(opts.Lang),
		Theme:       opts.Theme,
		Embed:       opts.Embed,
		Title:       e.Story.Title,
		Description: e.Story.Dek,
		Canonical:   s.canonical(storyPath(s, e.Story.ID)),
		Root:        s.root,
		CSS:         s.assets.url("explainer.css"),
		Icon:        s.assets.url("favicon.svg"),
		Boot:        s.assets.url("boot.js"),
		Exec:        s.assets.url("wasm_exec.js"),
		Wasm:        s.assets.url("app.wasm"),
		Version:     s.version,
		JSONURL:     s.root + "/s/" + string(e.Story.ID) + ".json",
		Widget:      template.HTML(app.HTMLString(w)),
		Data:        template.JS(e.JSON), // json.Marshal escapes <, > and &
		Zones:       template.JS(e.Zones),
		Offline:     i18n.T(opts.Lang, "notice.offline"),
	})
	if err != nil {
		panic(err) // the template and its data are ours: a bug, caught by recovery
	}
	return newPage(b.Bytes())
}

// storyPath is where a story's page lives: the default story at the root
// when it is the only one.
func storyPath(s *Server, id story.ID) string {
	if s.single {
		return s.root + "/"
	}
	return s.root + "/s/" + string(id) + "/"
}

// canonical is the absolute URL of a path, when a base URL is set.
func (s *Server) canonical(p string) string {
	if s.baseURL == nil {
		return ""
	}
	u := *s.baseURL
	u.Path = p
	return u.String()
}

// pageKey identifies a rendering: the story version and the normalised
// state and options, so that equivalent URLs share one cache entry.
func pageKey(e *entry, q url.Values) string {
	st, opts := widget.ParseURL(e.Story, q)
	lang, _ := i18n.Match(string(e.Story.Language))
	return string(e.Story.ID) + e.ETag + widget.Query(st, opts, lang, "")
}
