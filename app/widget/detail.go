package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// detail is the tab panel of the selected event: what happened, when and
// where, who was involved, and where it is reported.
func (v *view) detail() app.UI {
	e := v.selectedEvent()
	lang := v.storyLang()
	var facts []app.UI
	if e.Place != "" {
		facts = append(facts,
			app.Dt().Text(v.t("detail.place")),
			withLang(app.Dd(), lang).Text(e.Place))
	}
	if g := v.s.Group(e.Group); g != nil {
		facts = append(facts,
			app.Dt().Text(v.t("detail.group")),
			withLang(app.Dd(), lang).Text(g.Label))
	}
	if len(e.People) > 0 {
		// One text, not a span a person: the prerendered HTML puts white
		// space between elements, which would stand before each comma.
		names := make([]string, len(e.People))
		for i, id := range e.People {
			names[i] = isolate(v.s.Person(id).Name)
		}
		facts = append(facts,
			app.Dt().Text(v.t("detail.people")),
			withLang(app.Dd().Class("detail-people"), lang).Text(strings.Join(names, ", ")))
	}
	var phase app.UI
	if p := v.c.layout.Phase[v.selected]; p >= 0 {
		phase = withLang(app.P().Class("detail-phase"), lang).Text(v.s.Phases[p].Label)
	}
	return app.Section().
		ID(detailID).
		Class("detail").
		Role("tabpanel").
		Aria("labelledby", tabID(story.Ref(e.ID))).
		TabIndex(0).
		On("touchstart", v.c.onTouchStart).
		On("touchend", v.c.onTouchEnd).
		Body(
			// The head is one block, so that a background stands behind
			// all of what heads the event and nothing else.
			withBackground(app.Div(), "detail-head", e.Background,
				phase,
				withLang(app.H2().Class("detail-headline"), lang).Text(e.Headline),
				app.P().Class("detail-when").Body(
					timeOf(e.Start).Text(v.words.FormatSpan(e.Start, e.End)),
				),
			),
			app.If(len(facts) > 0, func() app.UI { return app.Dl().Class("detail-facts").Body(facts...) }),
			withLang(app.Div().Class("detail-body"), lang).Body(richParagraphs(e.Body)...),
			app.If(e.Media != nil, func() app.UI { return v.media(e.Media, story.Ref(e.ID)) }),
			app.If(len(e.Sources) > 0, func() app.UI {
				return app.Div().Class("detail-sources").Body(
					app.H3().Text(v.t("detail.sources")),
					app.Ul().Body(app.Range(e.Sources).Slice(func(i int) app.UI {
						return app.Li().Body(sourceRef(v.s.Source(e.Sources[i]), lang))
					})),
				)
			}),
			v.stepper("detail-nav"),
		)
}

// sourceRef names a source, linked when it has a URL; lang is the lang
// attribute for story text (see view.storyLang). Outlets and titles are
// often in another script than the story's (a German firm's note in an
// Arabic story): isolated, the name takes its own direction and keeps
// apart from the widget's words around it. (Isolates, not dir=auto: a
// setter go-app's elements do not use yet costs the WebAssembly bytes.)
func sourceRef(src *story.Source, lang string) app.UI {
	label := src.Outlet
	if src.Title != "" {
		label += ": " + src.Title
	}
	if src.URL == "" {
		return withLang(app.Span().Class("source-ref"), lang).Text(isolate(label))
	}
	return withLang(app.A().Class("source-ref"), lang).
		Href(attr(string(src.URL))).
		Target("_blank").
		Rel("noopener noreferrer external").
		Text(isolate(label))
}
