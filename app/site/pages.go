package site

import (
	"bytes"
	"fmt"
	"strconv"

	"explainer/app/i18n"
	"explainer/app/repo"
)

// plainData fills plain.html: the index of stories and the error pages.
type plainData struct {
	Lang, Title, Body, Root, Icon, CSS string
	NoIndex                            bool
	Stories                            []indexItem
	Home, HomeLabel                    string
	Prev, Next                         string // pages of the index
}

type indexItem struct {
	URL, Title, Dek, Events string
}

func (s *Site) renderPlain(d plainData) ([]byte, error) {
	d.Root, d.Icon, d.CSS = s.root, s.assets.URL("favicon.svg"), s.assets.URL("explainer.css")
	if d.Lang == "" {
		d.Lang = string(i18n.English)
	}
	var b bytes.Buffer
	if err := templates["plain.html"].Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// IndexPageSize is how many stories a page of the index lists.
const IndexPageSize = 100

// IndexPage lists page n (from 1) of the stories being served, size to a
// page.
func (s *Site) IndexPage(entries []*repo.Entry, n, size int) ([]byte, error) {
	size = max(1, size)
	pages := max(1, (len(entries)+size-1)/size)
	from := min(len(entries), (n-1)*size)
	to := min(len(entries), n*size)
	var items []indexItem
	en, _ := i18n.Lookup(i18n.English)
	for _, e := range entries[from:to] {
		items = append(items, indexItem{
			URL:    s.StoryPath(e.Story.ID),
			Title:  e.Story.Title,
			Dek:    e.Story.Dek.PlainText(),
			Events: en.T("index.events", len(e.Story.Events)),
		})
	}
	d := plainData{Title: en.T("index.title"), Stories: items}
	if n > 1 {
		d.Prev = s.root + "/?page=" + strconv.Itoa(n-1)
	}
	if n < pages {
		d.Next = s.root + "/?page=" + strconv.Itoa(n+1)
	}
	if pages > 1 {
		d.Body = fmt.Sprintf("Page %d of %d", n, pages)
	}
	return s.renderPlain(d)
}

// ErrorPage is the body of an error page in a language: the 404 for
// errNotFound, a 500 otherwise.
func (s *Site) ErrorPage(lang i18n.Locale, notFound bool) ([]byte, error) {
	title, msg := i18n.Key("notfound.title"), i18n.Key("notfound.body")
	if !notFound {
		title, msg = "error.title", "error.body"
	}
	words, ok := i18n.Lookup(lang)
	if !ok {
		words, _ = i18n.Lookup(i18n.English)
	}
	return s.renderPlain(plainData{
		Lang:      string(words.Lang),
		Title:     words.T(title),
		Body:      words.T(msg),
		NoIndex:   true,
		Home:      s.root + "/",
		HomeLabel: words.T("index.title"),
	})
}
