package widget

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/internal/urls"
)

// footer explains the quotation labels and lists every source and
// credit; with links, it offers the story's data and printable version
// on the site at root.
func (v *view) footer(links bool, root string) app.UI {
	s := v.s
	return app.Footer().Class("explainer-footer").Body(
		// The labels it explains are on quotes: a story without any
		// has nothing for it to explain.
		app.If(len(s.Quotes) > 0, func() app.UI { return app.P().Class("footer-note").Text(v.t("footer.note")) }),
		app.If(len(s.Sources) > 0, func() app.UI {
			return app.Details().Class("footer-sources").Body(
				app.Summary().Text(v.t("footer.sources")+" ("+itoa(len(s.Sources))+")"),
				app.Ol().Body(app.Range(s.Sources).Slice(func(i int) app.UI {
					src := &s.Sources[i]
					return app.Li().ID("source-"+string(src.ID)).Body(
						sourceRef(src, v.storyLang()),
						app.If(src.Published != nil, func() app.UI {
							return app.Span().Class("footer-source-date").Body(app.Text(", "), v.timeOf(*src.Published))
						}),
						app.If(src.Note != "", func() app.UI {
							return withLang(app.P().Class("footer-source-note"), v.storyLang()).Text(src.Note)
						}),
					)
				})),
			)
		}),
		app.If(len(s.Credits) > 0, func() app.UI {
			return app.P().Class("footer-credits").Body(
				app.Strong().Text(v.t("footer.credits")+": "),
				app.Range(s.Credits).Slice(func(i int) app.UI {
					c := s.Credits[i]
					sep := "; "
					if i == len(s.Credits)-1 {
						sep = ""
					}
					return withLang(app.Span(), v.storyLang()).Text(c.Role + ": " + isolate(c.Name) + sep)
				}),
			)
		}),
		app.If(links, func() app.UI { return v.files(root) }),
	)
}

// files links the story as data — the file the page reads, and a sheet
// TimelineJS opens — and its printable version, every event and quote
// on one page (the page itself prints the selected event alone).
func (v *view) files(root string) app.UI {
	id := v.s.ID
	return app.P().Class("footer-files").Body(
		app.Text(v.t("footer.data")+" "),
		app.A().Class("footer-file").Href(pathHref(urls.StoryJSON(root, id))).Text("JSON"),
		app.Text(" · "),
		app.A().Class("footer-file").Href(pathHref(urls.StoryCSV(root, id))).Text("CSV"),
		app.Text(" · "),
		app.A().Class("footer-file footer-print").Href(pathHref(urls.Print(root, id))).Target("_blank").Text(v.t("footer.print")),
	)
}

// pathHref is a link to a path of the site, percent-encoded: a base
// URL's path may hold spaces and quotes.
func pathHref(p string) string { return attr((&url.URL{Path: p}).EscapedPath()) }
