package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
)

// quoteCard shows one quote. A direct quote is the speaker's words in
// quotation marks; reported speech is labelled as such and never gets
// quotation marks, so a paraphrase cannot pass for a quotation. The label
// is text, not colour alone.
//
// Like timelineItem, it is a component so that a new selection renders
// again only the cards it links or unlinks.
type quoteCard struct {
	app.Compo

	IQuote     *story.Quote
	ISpeaker   *story.Person
	IEvent     *story.Event
	ISource    *story.Source // nil when the quote names none
	IReplyTo   string        // name of the speaker answered, if any
	ILinked    bool          // the quote belongs to the selected event
	IHref      string        // "show in timeline"; "" when there is no timeline
	IWords     *i18n.Pack
	IStoryLang string
}

func (c *quoteCard) Render() app.UI {
	q, p, lang := c.IQuote, c.ISpeaker, c.IStoryLang
	t := func(key i18n.Key, args ...any) string { return c.IWords.T(key, args...) }
	class := "quote-card quote-card--" + string(q.Kind)
	if c.ILinked {
		class += " is-linked"
	}
	var words app.UI
	kindLabel := t("quotes.direct")
	if q.Kind == story.Direct {
		words = withLang(app.Blockquote().Class("quote-card-text"), lang).Body(
			app.P().Text("“" + q.Text + "”"),
		)
	} else {
		words = withLang(app.P().Class("quote-card-text"), lang).Text(q.Text)
		kindLabel = t("quotes.reported")
	}
	var reply app.UI
	if c.IReplyTo != "" {
		reply = app.P().Class("quote-card-reply").Text(t("quotes.inReplyTo", isolate(c.IReplyTo)))
	}
	var source app.UI
	if c.ISource != nil {
		source = app.Span().Class("quote-card-source").Body(
			app.Text(t("quotes.source")+" "),
			sourceRef(c.ISource, lang),
		)
	}
	return app.Article().ID("quote-"+string(q.ID)).Class(class).Body(
		app.Header().Class("quote-card-speaker").Body(
			avatar(p),
			app.Span().Class("quote-card-who").Body(
				// Each isolated: a Latin name in a right-to-left card keeps
				// its full stop or brackets on its own side. (Isolates, not
				// <bdi>: one more go-app element type adds 20 KB to the
				// WebAssembly.)
				withLang(app.Span().Class("quote-card-name"), lang).Text(isolate(p.Name)),
				app.If(p.Role != "", func() app.UI {
					return withLang(app.Span().Class("quote-card-role"), lang).Text(isolate(p.Role))
				}),
			),
		),
		app.P().Class("quote-card-kind").Text(kindLabel),
		words,
		reply,
		app.If(q.Context != "", func() app.UI {
			return withLang(app.P().Class("quote-card-context"), lang).Text(q.Context)
		}),
		app.If(c.ILinked, func() app.UI {
			return app.P().Class("quote-card-flag").Text(t("quotes.fromSelected"))
		}),
		app.Footer().Class("quote-card-meta").Body(
			c.when(),
			source,
			app.If(c.IHref != "", func() app.UI {
				return app.A().Class("quote-card-show").Href(c.IHref).Text(t("quotes.showInTimeline"))
			}),
		),
	)
}

// when is the time the quote was said: its own when it has one (words
// said the morning after a night's events), else its event's.
func (c *quoteCard) when() app.UI {
	m := c.IEvent.Start
	if c.IQuote.When != nil {
		m = *c.IQuote.When
	}
	return timeOf(m).Text(c.IWords.FormatMoment(m))
}
