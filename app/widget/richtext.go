package widget

import (
	"html"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// richParagraphs renders rich text as paragraphs: each run's words as
// escaped text (never markup), emphasis as <em> and <strong>, links as <a>
// to their checked http(s) address, opening as the story's other outside
// links do.
//
// A paragraph is written as one piece of HTML, built here with every
// value escaped, rather than as a tree of go-app elements: go-app's
// prerendering puts each child element on a line of its own, and the
// white space between a link and the comma after it would show in the
// page ("a link , and").
func richParagraphs(t story.RichText) []app.UI {
	paras := t.Paragraphs()
	out := make([]app.UI, len(paras))
	for i, p := range paras {
		out[i] = app.Raw("<p>" + inlineHTML(p) + "</p>")
	}
	return out
}

// inlineHTML writes runs as HTML, escaping every text and address.
func inlineHTML(runs []story.Inline) string {
	var b strings.Builder
	for _, r := range runs {
		if r.Link != "" {
			// A new tab, as for sources: in an embedded card the link
			// would otherwise open inside the frame.
			b.WriteString(`<a class="text-link" href="` + html.EscapeString(string(r.Link)) + `" target="_blank" rel="noopener noreferrer external">`)
		}
		if r.Strong {
			b.WriteString("<strong>")
		}
		if r.Em {
			b.WriteString("<em>")
		}
		b.WriteString(html.EscapeString(r.Text))
		if r.Em {
			b.WriteString("</em>")
		}
		if r.Strong {
			b.WriteString("</strong>")
		}
		if r.Link != "" {
			b.WriteString("</a>")
		}
	}
	return b.String()
}
