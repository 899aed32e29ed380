package widget

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
)

// timeline draws the events as a WAI-ARIA tablist whose tabs are real
// links: with the WebAssembly they select in place (arrow keys, Home, End),
// without it they load the page for that event.
//
// On wide screens the list is a horizontal track, each event placed by
// time (see layout); on phones it is a vertical list. Both come from the
// same markup: positions are CSS custom properties that only the wide
// layout uses.
func (v *view) timeline() app.UI {
	l := &v.c.layout
	return app.Section().Class("timeline").ID("timeline").Aria("labelledby", "timeline-title").Body(
		app.H2().ID("timeline-title").Class("visually-hidden").Text(v.t("timeline.label")),
		app.P().ID("timeline-help").Class("visually-hidden").Text(v.t("timeline.instruction")),
		// The embed card has no room for the chips; an editor picks the
		// group on the embed page instead.
		app.If(!v.c.opts.Embed, v.groupFilter),
		app.Div().Class("timeline-scroller").Body(
			app.Div().Class("timeline-track").Style("--track-width", rem(l.Width)).Body(
				app.Div().Class("timeline-bands").Aria("hidden", attr("true")).Body(
					app.Range(l.Bands).Slice(func(i int) app.UI {
						b := l.Bands[i]
						return app.Div().Class("timeline-band").
							Style("--x", rem(b.X0)).
							Style("--w", rem(b.X1-b.X0)).
							Text(v.s.Phases[b.Phase].Label)
					}),
				),
				app.Ol().
					Class("timeline-list").
					Role("tablist").
					Aria("label", attr(v.t("timeline.label"))).
					Aria("describedby", "timeline-help").
					Aria("orientation", "horizontal").
					OnKeyDown(v.c.onTimelineKey).
					Body(app.Range(v.s.Events).Slice(v.timelineItem)),
			),
		),
		// The embed card's detail has its own stepper right below.
		app.If(!v.c.opts.Embed, func() app.UI { return v.stepper("timeline-nav") }),
	)
}

// timelineItem returns the component for event i with its inputs.
func (v *view) timelineItem(i int) app.UI {
	e := &v.s.Events[i]
	l := &v.c.layout
	item := &timelineItem{
		IEvent:     e,
		IX:         l.X[i],
		ISelected:  i == v.selected,
		IHref:      v.eventHref(e.ID),
		IControls:  v.detailShown(),
		IWords:     v.words,
		IStoryLang: v.storyLang(),
		IBgImage:   backgroundImage(e.Background),
	}
	if e.Background != nil {
		item.IBgColor = e.Background.Color.Hex()
	}
	if g, ok := l.breakBefore(i); ok {
		item.IBreak = v.t("timeline.break", v.words.FormatGap(g.Span))
		item.IBreakX = g.X - l.X[i]
	}
	if p := l.Phase[i]; p >= 0 && (i == 0 || l.Phase[i-1] != p) {
		item.IPhase = v.s.Phases[p].Label
	}
	if v.highlighted[i] {
		item.IMark = v.mark
	}
	return item
}

// stepper is the previous/next pair of links, with the position between.
func (v *view) stepper(class string) app.UI {
	n := len(v.s.Events)
	step := func(to int, rel string, label, full i18n.Key) app.UI {
		text := v.t(label)
		if to < 0 || to >= n {
			return app.Span().Class("stepper-link stepper-"+rel+" is-disabled").Aria("disabled", attr("true")).Text(text)
		}
		e := &v.s.Events[to]
		return app.A().Class("stepper-link stepper-"+rel).Rel(rel).
			Href(v.eventHref(e.ID)).
			Aria("label", attr(v.t(full, e.Headline))).
			Text(text)
	}
	return app.Nav().Class("stepper "+class).Aria("label", attr(v.t("nav.label"))).Body(
		step(v.selected-1, "prev", "nav.previous", "nav.previousEvent"),
		app.Span().Class("stepper-position").Text(v.t("timeline.position", v.selected+1, n)),
		step(v.selected+1, "next", "nav.next", "nav.nextEvent"),
	)
}

// onTimelineKey moves the selection with the keys of the tabs pattern.
// Enter follows the focused link as any link does; Space does the same,
// as it would on a button.
func (c *Explainer) onTimelineKey(ctx app.Context, e app.Event) {
	if e.Get("altKey").Bool() || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
		return
	}
	switch key := e.Get("key").String(); key {
	case "ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End":
		e.PreventDefault()
		c.onKey(ctx, key)
	case " ":
		e.PreventDefault()
		id := e.Get("target").Get("id").String()
		if len(id) > len("tab-") {
			c.selectEvent(ctx, story.Ref(id[len("tab-"):]), true)
		}
	}
}

func rem(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) + "rem" }

func itoa(n int) string { return strconv.Itoa(n) }
