//go:build !wasm

package widget

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
)

// Printable is the whole story on one page, for print desks and readers
// who print: every event with its quotes under it, in the story's order,
// and the sources as numbered notes at the end. It has no controls and
// needs no script; the server renders it (the reader's WebAssembly has
// none of it). Quotes keep the cards' rules: a direct quote in quotation
// marks, reported speech labelled and never in them, the source named.
func Printable(s *story.Story, words *i18n.Pack) app.UI {
	p := &printer{s: s, words: words, notes: map[story.Ref]int{}}
	v := &view{s: s, words: words}
	lang := v.storyLang()
	p.lang = lang
	var events []app.UI
	for i := range s.Events {
		events = append(events, p.event(&s.Events[i]))
	}
	root := app.Div().ID("explainer-print").Class("explainer explainer-print").Lang(string(words.Lang))
	if words.Dir() == "rtl" {
		root = root.Dir("rtl")
	}
	return root.Body(
		app.Header().Class("print-head").Body(
			withLang(app.H1().Class("print-title"), lang).Text(s.Title),
			app.If(s.Dek != "", func() app.UI {
				return withLang(app.Div().Class("print-dek"), lang).Body(richParagraphs(s.Dek)...)
			}),
		),
		app.Ol().Class("print-events").Body(events...),
		p.footnotes(),
		app.If(len(s.Credits) > 0, func() app.UI {
			parts := make([]string, len(s.Credits))
			for i, c := range s.Credits {
				parts[i] = c.Role + ": " + isolate(c.Name)
			}
			return app.P().Class("footer-credits").Body(
				app.Strong().Text(words.T("footer.credits")+": "),
				withLang(app.Span(), lang).Text(strings.Join(parts, "; ")),
			)
		}),
	)
}

// printer numbers the sources in the order the page first cites them.
type printer struct {
	s     *story.Story
	words *i18n.Pack
	lang  string
	notes map[story.Ref]int
	order []*story.Source
}

// cite is the mark of a source's note, numbering it on its first use.
func (p *printer) cite(ref story.Ref) app.UI {
	src := p.s.Source(ref)
	if src == nil {
		return nil
	}
	n, ok := p.notes[ref]
	if !ok {
		p.order = append(p.order, src)
		n = len(p.order)
		p.notes[ref] = n
	}
	return app.Sup().Class("print-cite").Body(app.A().Href("#note-" + itoa(n)).Text("[" + itoa(n) + "]"))
}

func (p *printer) event(e *story.Event) app.UI {
	t := p.words.T
	var facts []app.UI
	if e.Place != "" {
		facts = append(facts, app.Dt().Text(t("detail.place")), withLang(app.Dd(), p.lang).Text(e.Place))
	}
	if g := p.s.Group(e.Group); g != nil {
		facts = append(facts, app.Dt().Text(t("detail.group")), withLang(app.Dd(), p.lang).Text(g.Label))
	}
	if len(e.People) > 0 {
		names := make([]string, len(e.People))
		for i, id := range e.People {
			names[i] = isolate(p.s.Person(id).Name)
		}
		facts = append(facts, app.Dt().Text(t("detail.people")), withLang(app.Dd(), p.lang).Text(strings.Join(names, ", ")))
	}
	var cites []app.UI
	for i, ref := range e.Sources {
		if i > 0 {
			cites = append(cites, app.Text(" ")) // [1] [2], as words are spaced
		}
		cites = append(cites, p.cite(ref))
	}
	var quotes []app.UI
	for _, q := range p.s.QuotesOf(story.Ref(e.ID)) {
		quotes = append(quotes, app.Li().Body(p.quote(q, e)))
	}
	when := p.words.FormatSpan(e.Start, e.End)
	return app.Li().ID("print-"+string(e.ID)).Class("print-event").Body(
		app.Article().Class("print-event-main").Body(
			withLang(app.H2().Class("detail-headline"), p.lang).Text(e.Headline),
			app.P().Class("detail-when").Body(timeOf(e.Start).Text(when)),
			app.If(len(facts) > 0, func() app.UI { return app.Dl().Class("detail-facts").Body(facts...) }),
			withLang(app.Div().Class("detail-body"), p.lang).Body(richParagraphs(e.Body)...),
			app.If(len(cites) > 0, func() app.UI {
				return app.P().Class("print-sources").Body(app.Text(t("detail.sources")+": "), app.Span().Body(cites...))
			}),
		),
		app.If(len(quotes) > 0, func() app.UI { return app.Ol().Class("print-quotes").Body(quotes...) }),
	)
}

// quote is a quote's card as print shows it: the speaker and role, the
// kind in words, the words, when, and the source's note.
func (p *printer) quote(q *story.Quote, e *story.Event) app.UI {
	t := p.words.T
	speaker := p.s.Person(q.Speaker)
	var words app.UI
	kind := t("quotes.direct")
	if q.Kind == story.Direct {
		words = withLang(app.Blockquote().Class("quote-card-text"), p.lang).Body(app.P().Text("“" + q.Text + "”"))
	} else {
		kind = t("quotes.reported")
		words = withLang(app.P().Class("quote-card-text"), p.lang).Text(q.Text)
	}
	m := e.Start
	if q.When != nil {
		m = *q.When
	}
	var reply app.UI
	if to := p.s.Quote(q.ReplyTo); to != nil {
		reply = app.P().Class("quote-card-reply").Text(t("quotes.inReplyTo", isolate(p.s.Person(to.Speaker).Name)))
	}
	var source app.UI
	if src := p.s.Source(q.Source); src != nil {
		source = app.Span().Class("quote-card-source").Body(
			app.Text(t("quotes.source")+" "),
			sourceRef(src, p.lang),
			p.cite(q.Source),
		)
	}
	return app.Article().ID("quote-"+string(q.ID)).Class("quote-card quote-card--"+string(q.Kind)).Body(
		app.Header().Class("quote-card-speaker").Body(
			app.Span().Class("quote-card-who").Body(
				withLang(app.Span().Class("quote-card-name"), p.lang).Text(isolate(speaker.Name)),
				app.If(speaker.Role != "", func() app.UI {
					return withLang(app.Span().Class("quote-card-role"), p.lang).Text(isolate(speaker.Role))
				}),
			),
		),
		app.P().Class("quote-card-kind").Text(kind),
		words,
		reply,
		app.If(q.Context != "", func() app.UI {
			return withLang(app.P().Class("quote-card-context"), p.lang).Text(q.Context)
		}),
		app.Footer().Class("quote-card-meta").Body(
			timeOf(m).Text(p.words.FormatMoment(m)),
			source,
		),
	)
}

// footnotes lists the sources cited, numbered as cited, then any the
// page did not cite, so that every source of the story is in print.
func (p *printer) footnotes() app.UI {
	for i := range p.s.Sources {
		src := &p.s.Sources[i]
		if _, ok := p.notes[story.Ref(src.ID)]; !ok {
			p.order = append(p.order, src)
			p.notes[story.Ref(src.ID)] = len(p.order)
		}
	}
	if len(p.order) == 0 {
		return nil
	}
	return app.Section().Class("print-notes").Body(
		app.H2().Text(p.words.T("footer.sources")),
		app.Ol().Body(app.Range(p.order).Slice(func(i int) app.UI {
			src := p.order[i]
			return app.Li().ID("note-"+itoa(i+1)).Body(
				sourceRef(src, p.lang),
				app.If(src.Published != nil, func() app.UI {
					return app.Span().Class("footer-source-date").Body(app.Text(", "), timeOf(*src.Published).Text(p.words.FormatMoment(*src.Published)))
				}),
				app.If(src.Note != "", func() app.UI {
					return withLang(app.P().Class("footer-source-note"), p.lang).Text(src.Note)
				}),
			)
		})),
	)
}
