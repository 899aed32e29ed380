package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// filter is a chip per person who speaks in the story, each a link that
// toggles the filter: it shows only that person's quotes and highlights
// the events they are part of. The current chip carries aria-current.
func (v *view) filter() app.UI {
	var people []*story.Person
	seen := map[story.Ref]bool{}
	for _, q := range v.s.Quotes {
		if !seen[q.Speaker] {
			seen[q.Speaker] = true
		}
	}
	for i := range v.s.People {
		if seen[story.Ref(v.s.People[i].ID)] {
			people = append(people, &v.s.People[i])
		}
	}
	chip := func(id story.Ref, label string, avatar app.UI) app.UI {
		a := app.A().Class("filter-chip").
			Href(v.href(State{Event: v.state.Event, Person: id, View: v.state.View})).
			Body(avatar, withLang(app.Span(), v.storyLang()).Text(label))
		if v.state.Person == id {
			a = a.Aria("current", attr("true"))
		}
		return app.Li().Body(a)
	}
	return app.Nav().Class("filter").Aria("label", attr(v.t("filter.label"))).Body(
		app.Ul().Class("filter-list").Body(
			chip("", v.t("filter.all"), nil),
			app.Range(people).Slice(func(i int) app.UI {
				p := people[i]
				return chip(story.Ref(p.ID), p.Name, avatar(p))
			}),
		),
	)
}
