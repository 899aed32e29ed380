package site

import (
	"bytes"
	"fmt"
	"html/template"

	"explainer/app/repo"
	"explainer/app/widget"
)

// printData fills print.html.
type printData struct {
	Lang, Dir, Title, Root, Icon, CSS string
	Story                             string // the story's page, the canonical address
	Widget                            template.HTML
}

// PrintPage renders a story's printable version (widget.Printable) in
// the language the options ask for: a plain document, with the
// stylesheet and no script, so that it prints whole whatever the reader's
// browser runs.
func (s *Site) PrintPage(e *repo.Entry, o widget.Options, origin string) ([]byte, error) {
	words := s.Words(e.Story, o)
	var b bytes.Buffer
	err := templates["print.html"].Execute(&b, printData{
		Lang:   string(words.Lang),
		Dir:    words.Dir(),
		Title:  e.Story.Title,
		Root:   s.root,
		Icon:   s.assets.URL("favicon.svg"),
		CSS:    s.assets.URL("explainer.css"),
		Story:  s.StoryURL(origin, e.Story.ID),
		Widget: template.HTML(widget.Prerender(widget.Printable(e.Story, words))),
	})
	if err != nil {
		return nil, fmt.Errorf("rendering the printable %s: %w", e.Story.ID, err)
	}
	return b.Bytes(), nil
}
