package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// header shows the title, the summary, when the story was published and
// updated, and the log of updates and corrections one click away.
func (v *view) header() app.UI {
	s := v.s
	var meta []app.UI
	if s.Published != nil {
		meta = append(meta, app.Span().Body(
			app.Text(v.t("header.published")+" "),
			v.timeOf(*s.Published),
		))
	}
	if s.Updated != nil {
		meta = append(meta, app.Span().Body(
			app.Text(v.t("header.updated")+" "),
			v.timeOf(*s.Updated),
		))
	}
	// The background stands behind the title and the summary on the
	// story's page; the embed card's fixed height has no room for it.
	var bg *story.Background
	if !v.c.opts.Embed {
		bg = s.Background
	}
	return app.Header().Class("explainer-header").Body(
		withBackground(app.Div(), "explainer-cover", bg,
			withLang(app.H1().Class("explainer-title"), v.storyLang()).Text(s.Title),
			app.If(s.Dek != "", v.dek),
		),
		// The embed card has a fixed height with no room for it.
		app.If(s.Media != nil && !v.c.opts.Embed, func() app.UI { return v.media(s.Media, coverMedia) }),
		app.If(len(meta) > 0, func() app.UI {
			return app.P().Class("explainer-meta").Body(meta...)
		}),
		app.If(len(s.Updates) > 0, func() app.UI { return v.updates() }),
	)
}

// dek is the summary, one paragraph of rich text written as one piece of
// escaped HTML, as event bodies are (see richParagraphs).
func (v *view) dek() app.UI {
	var parts []string
	for _, p := range v.s.Dek.Paragraphs() {
		parts = append(parts, inlineHTML(p))
	}
	return app.Raw(`<p class="explainer-dek"` + v.langAttr() + `>` + strings.Join(parts, " ") + `</p>`)
}

func (v *view) updates() app.UI {
	return app.Details().Class("explainer-updates").Body(
		app.Summary().Text(v.t("header.updates")+" ("+itoa(len(v.s.Updates))+")"),
		app.Ol().Body(app.Range(v.s.Updates).Slice(func(i int) app.UI {
			u := v.s.Updates[i]
			kind := v.t("header.update")
			if u.Correction {
				kind = v.t("header.correction")
			}
			return app.Li().Class("explainer-update").Body(
				v.timeOf(u.Time),
				app.Strong().Text(kind+":"),
				withLang(app.Span(), v.storyLang()).Text(u.Note),
			)
		})),
	)
}

// timeOf is a <time> element for a moment at its precision.
func (v *view) timeOf(m story.Moment) app.UI {
	return timeOf(m).Text(v.words.FormatMoment(m))
}

// withLang sets lang on an element that holds story text, when it is not
// the widget's language, with dir=auto: the story's text may run the other
// way (an Arabic story read with the widget in English), and the browser
// takes its direction from its first letters.
func withLang[T interface {
	Lang(format string, v ...any) T
	Dir(format string, v ...any) T
}](el T, lang string) T {
	if lang == "" {
		return el
	}
	return el.Lang(lang).Dir("auto")
}
