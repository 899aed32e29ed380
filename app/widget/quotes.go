package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// quotes lists the quote cards in the order of their events, with reply
// chains kept together as one exchange, and the person filter above them.
func (v *view) quotes() app.UI {
	if len(v.s.Quotes) == 0 {
		return nil
	}
	groups := v.quoteGroupsFor(v.state.Person)
	var empty app.UI
	if len(groups) == 0 && v.state.Person != "" {
		empty = app.P().Class("quotes-empty").Text(v.t("quotes.none", isolate(v.s.Person(v.state.Person).Name)))
	}
	return app.Section().Class("quotes").ID("quotes").Aria("labelledby", "quotes-title").Body(
		app.H2().ID("quotes-title").Class("quotes-title").Text(v.t("quotes.label")),
		v.filter(),
		empty,
		v.quoteList(groups),
	)
}

// quoteList lists groups of quotes: a card, or an exchange of cards.
func (v *view) quoteList(groups []story.Exchange) app.UI {
	return app.Ol().Class("quotes-list").Body(app.Range(groups).Slice(func(i int) app.UI {
		x := groups[i]
		if len(x.Quotes) == 1 {
			return app.Li().Class("quotes-item").Body(v.quoteCard(x.Quotes[0]))
		}
		return app.Li().Class("quotes-item").Body(v.exchange(x))
	}))
}

// quoteGroupsFor returns the quotes to show, each group a single quote or
// a whole exchange (story.Exchanges, worked out once by Parse). With a
// person, a group shows when that person speaks in it; "" shows every
// group.
func (v *view) quoteGroupsFor(person story.Ref) []story.Exchange {
	all := v.s.Exchanges()
	if person == "" {
		return all
	}
	var out []story.Exchange
	for _, x := range all {
		if x.Speaks(person) {
			out = append(out, x)
		}
	}
	return out
}

// exchange shows a reply chain as one conversation.
func (v *view) exchange(x story.Exchange) app.UI {
	g := x.Quotes
	names := make([]string, len(x.Speakers))
	for i, p := range x.Speakers {
		names[i] = isolate(v.s.Person(p).Name)
	}
	label := v.t("quotes.exchange", strings.Join(names, " ↔ "))
	return app.Section().Class("quote-exchange").Aria("label", attr(label)).Body(
		app.P().Class("quote-exchange-label").Aria("hidden", attr("true")).Text(label),
		app.Ol().Class("quote-exchange-list").Body(app.Range(g).Slice(func(i int) app.UI {
			return app.Li().Body(v.quoteCard(g[i]))
		})),
	)
}

// quoteCard returns the card component of a quote with its inputs.
func (v *view) quoteCard(q *story.Quote) app.UI {
	card := &quoteCard{
		IQuote:     q,
		ISpeaker:   v.s.Person(q.Speaker),
		IEvent:     v.s.Event(q.Event),
		ISource:    v.s.Source(q.Source),
		ILinked:    story.Ref(v.selectedEvent().ID) == q.Event,
		IHref:      v.showInTimelineHref(q),
		IWords:     v.words,
		IStoryLang: v.storyLang(),
	}
	if to := v.s.Quote(q.ReplyTo); to != nil {
		card.IReplyTo = v.s.Person(to.Speaker).Name
	}
	return card
}

// showInTimelineHref links a quote to its event on the timeline; "" when
// the widget shows no timeline (?show=quotes).
func (v *view) showInTimelineHref(q *story.Quote) string {
	if v.c.opts.Show == ShowQuotes {
		return ""
	}
	return v.href(State{Event: q.Event, Person: v.state.Person, Group: v.state.Group}) + "#timeline"
}

// avatar is a person's portrait, or their initials where there is none.
// It is decoration: the name is always written beside it.
func avatar(p *story.Person) app.UI {
	if p.Image != nil {
		// role=presentation as well as alt="": go-app's browser side
		// drops an attribute set to "", which would leave no alt at all.
		return app.Img().Class("avatar").Src(attr(string(p.Image.Src))).Alt("").Role("presentation").Loading("lazy")
	}
	return app.Span().Class("avatar").Aria("hidden", attr("true")).Text(story.Initials(p.Name))
}
