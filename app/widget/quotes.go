package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
)

// quotes lists the quote cards in the order of their events, with reply
// chains kept together as one exchange, and the person filter above them.
func (v *view) quotes() app.UI {
	if len(v.s.Quotes) == 0 {
		return nil
	}
	groups := v.quoteGroups()
	var empty app.UI
	if len(groups) == 0 && v.state.Person != "" {
		empty = app.P().Class("quotes-empty").Text(v.t("quotes.none", v.s.Person(v.state.Person).Name))
	}
	return app.Section().Class("quotes").ID("quotes").Aria("labelledby", "quotes-title").Body(
		app.H2().ID("quotes-title").Class("quotes-title").Text(v.t("quotes.label")),
		v.filter(),
		empty,
		app.Ol().Class("quotes-list").Body(app.Range(groups).Slice(func(i int) app.UI {
			g := groups[i]
			if len(g) == 1 {
				return app.Li().Class("quotes-item").Body(v.quoteCard(g[0]))
			}
			return app.Li().Class("quotes-item").Body(v.exchange(g))
		})),
	)
}

// quoteGroups returns the quotes to show, each group a single quote or a
// whole exchange (a quote followed by its replies, depth first), ordered by
// the event of their first quote. With a person filter, a group shows when
// that person speaks in it.
func (v *view) quoteGroups() [][]*story.Quote {
	s := v.s
	replies := map[story.Ref][]*story.Quote{}
	var roots []*story.Quote
	for i := range s.Quotes {
		q := &s.Quotes[i]
		if q.ReplyTo != "" && s.Quote(q.ReplyTo) != nil {
			replies[q.ReplyTo] = append(replies[q.ReplyTo], q)
		} else {
			roots = append(roots, q)
		}
	}
	var groups [][]*story.Quote
	for _, r := range roots {
		var g []*story.Quote
		var walk func(q *story.Quote)
		walk = func(q *story.Quote) {
			g = append(g, q)
			for _, reply := range replies[story.Ref(q.ID)] {
				walk(reply)
			}
		}
		walk(r)
		if v.state.Person == "" || speaks(g, v.state.Person) {
			groups = append(groups, g)
		}
	}
	// Stable: quotes of one event keep their file order.
	sortStable(groups, func(a, b []*story.Quote) bool {
		return s.EventIndex(a[0].Event) < s.EventIndex(b[0].Event)
	})
	return groups
}

func speaks(g []*story.Quote, p story.Ref) bool {
	for _, q := range g {
		if q.Speaker == p {
			return true
		}
	}
	return false
}

// exchange shows a reply chain as one conversation.
func (v *view) exchange(g []*story.Quote) app.UI {
	var names []string
	seen := map[story.Ref]bool{}
	for _, q := range g {
		if !seen[q.Speaker] {
			seen[q.Speaker] = true
			names = append(names, v.s.Person(q.Speaker).Name)
		}
	}
	label := v.t("quotes.exchange", strings.Join(names, " ↔ "))
	return app.Section().Class("quote-exchange").Aria("label", attr(label)).Body(
		app.P().Class("quote-exchange-label").Aria("hidden", attr("true")).Text(label),
		app.Ol().Class("quote-exchange-list").Body(app.Range(g).Slice(func(i int) app.UI {
			return app.Li().Body(v.quoteCard(g[i]))
		})),
	)
}

// quoteCard shows one quote. A direct quote is the speaker's words in
// quotation marks; reported speech is labelled as such and never gets
// quotation marks, so a paraphrase cannot pass for a quotation. The label
// is text, not colour alone.
func (v *view) quoteCard(q *story.Quote) app.UI {
	p := v.s.Person(q.Speaker)
	e := v.s.Event(q.Event)
	linked := story.Ref(v.selectedEvent().ID) == q.Event
	class := "quote-card quote-card--" + string(q.Kind)
	if linked {
		class += " is-linked"
	}
	lang := v.storyLang()
	var words app.UI
	if q.Kind == story.Direct {
		words = withLang(app.Blockquote().Class("quote-card-text"), lang).Body(
			app.P().Text("“" + q.Text + "”"),
		)
	} else {
		words = withLang(app.P().Class("quote-card-text"), lang).Text(q.Text)
	}
	kindLabel := v.t("quotes.direct")
	if q.Kind == story.Reported {
		kindLabel = v.t("quotes.reported")
	}
	var reply app.UI
	if to := v.s.Quote(q.ReplyTo); to != nil {
		reply = app.P().Class("quote-card-reply").Text(v.t("quotes.inReplyTo", v.s.Person(to.Speaker).Name))
	}
	var source app.UI
	if src := v.s.Source(q.Source); src != nil {
		source = app.Span().Class("quote-card-source").Body(
			app.Text(v.t("quotes.source")+" "),
			v.sourceRef(src),
		)
	}
	return app.Article().ID("quote-"+string(q.ID)).Class(class).Body(
		app.Header().Class("quote-card-speaker").Body(
			v.avatar(p),
			app.Span().Class("quote-card-who").Body(
				withLang(app.Span().Class("quote-card-name"), lang).Text(p.Name),
				app.If(p.Role != "", func() app.UI {
					return withLang(app.Span().Class("quote-card-role"), lang).Text(p.Role)
				}),
			),
		),
		app.P().Class("quote-card-kind").Text(kindLabel),
		words,
		reply,
		app.If(q.Context != "", func() app.UI {
			return withLang(app.P().Class("quote-card-context"), lang).Text(q.Context)
		}),
		app.If(linked, func() app.UI {
			return app.P().Class("quote-card-flag").Text(v.t("quotes.fromSelected"))
		}),
		app.Footer().Class("quote-card-meta").Body(
			app.Time().DateTime(attr(i18n.MachineTime(e.Start))).Text(i18n.FormatMoment(v.lang, e.Start)),
			source,
			app.A().Class("quote-card-show").
				Href(v.href(State{Event: q.Event, Person: v.state.Person})+"#timeline").
				Text(v.t("quotes.showInTimeline")),
		),
	)
}

// avatar is a person's portrait, or their initials where there is none.
// It is decoration: the name is always written beside it.
func (v *view) avatar(p *story.Person) app.UI {
	if p.Image != nil {
		return app.Img().Class("avatar").Src(attr(string(p.Image.Src))).Alt("").Loading("lazy")
	}
	return app.Span().Class("avatar").Aria("hidden", attr("true")).Text(story.Initials(p.Name))
}

// sortStable is an insertion sort: the lists are short, and it keeps
// equal elements in order without importing sort into the WebAssembly.
func sortStable[T any](xs []T, less func(a, b T) bool) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && less(xs[j], xs[j-1]); j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}
