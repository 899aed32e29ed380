//go:build !wasm

package server

import (
	"bytes"
	"html/template"
	"net/http"

	"explainer/app/i18n"
)

// The index of stories and the not-found page are plain documents: no
// widget, no script.
var plainTemplate = template.Must(template.New("plain").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="{{if .NoIndex}}noindex{{else}}index{{end}}">
<title>{{.Title}}</title>
<meta name="color-scheme" content="light dark">
<link rel="icon" href="{{.Root}}{{.Icon}}" type="image/svg+xml">
<link rel="stylesheet" href="{{.Root}}{{.CSS}}">
</head>
<body>
<main class="page">
<h1>{{.Title}}</h1>
{{- if .Body}}
<p>{{.Body}}</p>{{end}}
{{- if .Stories}}
<ul class="page-list">
{{- range .Stories}}
<li><a href="{{.URL}}">{{.Title}}</a><br>{{if .Dek}}{{.Dek}} {{end}}<small>{{.Events}}</small></li>
{{- end}}
</ul>{{end}}
{{- if .Home}}
<p><a href="{{.Home}}">{{.HomeLabel}}</a></p>{{end}}
</main>
</body>
</html>
`))

type plainData struct {
	Lang, Title, Body, Root, Icon, CSS string
	NoIndex                            bool
	Stories                            []indexItem
	Home, HomeLabel                    string
}

type indexItem struct {
	URL, Title, Dek, Events string
}

func (s *Server) renderPlain(d plainData) []byte {
	d.Root, d.Icon, d.CSS = s.root, s.assets.url("favicon.svg"), s.assets.url("explainer.css")
	if d.Lang == "" {
		d.Lang = "en"
	}
	var b bytes.Buffer
	if err := plainTemplate.Execute(&b, d); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// indexPage lists the stories being served.
func (s *Server) indexPage() []byte {
	var items []indexItem
	for _, e := range s.stories.list() {
		items = append(items, indexItem{
			URL:    storyPath(s, e.Story.ID),
			Title:  e.Story.Title,
			Dek:    e.Story.Dek,
			Events: i18n.T(i18n.English, "index.events", len(e.Story.Events)),
		})
	}
	return s.renderPlain(plainData{Title: i18n.T(i18n.English, "index.title"), Stories: items})
}

// notFound answers with a real 404 page.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	lang, _ := i18n.Match(r.URL.Query().Get("lang"))
	s.writeHTML(w, r, http.StatusNotFound, s.notFoundPage(lang))
}

// notFoundPage is the body of a 404 in a language.
func (s *Server) notFoundPage(lang i18n.Lang) []byte {
	return s.renderPlain(plainData{
		Lang:      string(lang),
		Title:     i18n.T(lang, "notfound.title"),
		Body:      i18n.T(lang, "notfound.body"),
		NoIndex:   true,
		Home:      s.root + "/",
		HomeLabel: i18n.T(lang, "index.title"),
	})
}

// writeHTML sends a small uncached HTML response.
func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	s.setDocumentHeaders(h)
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}
