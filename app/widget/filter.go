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
			Href(v.href(State{Event: v.state.Event, Person: id, Group: v.state.Group, View: v.state.View})).
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

// groupFilter is a chip per group (category) of events, each a link that
// highlights the group's events on the timeline, as the person filter
// highlights a person's. Only groups that have events get a chip.
func (v *view) groupFilter() app.UI {
	used := map[story.Ref]bool{}
	for i := range v.s.Events {
		used[v.s.Events[i].Group] = true
	}
	var groups []*story.Group
	for i := range v.s.Groups {
		if used[story.Ref(v.s.Groups[i].ID)] {
			groups = append(groups, &v.s.Groups[i])
		}
	}
	if len(groups) == 0 {
		return nil
	}
	chip := func(id story.Ref, label, lang string) app.UI {
		a := app.A().Class("filter-chip").
			Href(v.href(State{Event: v.state.Event, Person: v.state.Person, Group: id, View: v.state.View})).
			Body(withLang(app.Span(), lang).Text(label))
		if v.state.Group == id {
			a = a.Aria("current", attr("true"))
		}
		return app.Li().Body(a)
	}
	return app.Nav().Class("filter group-filter").Aria("label", attr(v.t("group.label"))).Body(
		app.Ul().Class("filter-list").Body(
			chip("", v.t("group.all"), ""),
			app.Range(groups).Slice(func(i int) app.UI {
				return chip(story.Ref(groups[i].ID), groups[i].Label, v.storyLang())
			}),
		),
	)
}
