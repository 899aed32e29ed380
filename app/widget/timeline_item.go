package widget

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
)

// timelineItem is one event on the timeline, a tab of the tablist. It is a
// component of its own so that go-app renders again only the items whose
// inputs change: selecting an event changes two items, not all of them,
// which is what keeps a story of a thousand events responsive.
type timelineItem struct {
	app.Compo

	IEvent     *story.Event
	IBgImage   string  // the background's picture (backgroundImage), or ""
	IBgColor   string  // the background's colour (hex, no #), or ""
	IX         float64 // left edge on the track, in rem
	ISelected  bool
	IMark      string // why the event is highlighted (the filters it matches), for screen readers
	IPhase     string // label of the phase that starts with this event
	IBreak     string // text of the compressed stretch before it, if any
	IBreakX    float64
	IHref      string
	IControls  bool // the detail, the tab panel, is on the page (aria-controls)
	IWords     *i18n.Pack
	IStoryLang string
}

func (t *timelineItem) Render() app.UI {
	e := t.IEvent
	class := "timeline-item"
	tabindex := -1
	if t.ISelected {
		class += " is-selected"
		tabindex = 0
	}
	if t.IMark != "" {
		class += " is-highlighted"
	}
	var before []app.UI
	if t.IBreak != "" {
		before = append(before, app.Span().Class("timeline-break").Aria("hidden", attr("true")).
			Style("--x", rem(t.IBreakX)).
			Text(t.IBreak))
	}
	if t.IPhase != "" {
		before = append(before, app.Span().Class("timeline-phase").Aria("hidden", attr("true")).Text(t.IPhase))
	}
	var mark app.UI
	if t.IMark != "" {
		mark = app.Span().Class("timeline-mark").Body(
			app.Span().Aria("hidden", attr("true")).Text("●"),
			app.Span().Class("visually-hidden").Text(", "+t.IMark),
		)
	}
	tab := app.A().
		ID(tabID(story.Ref(e.ID))).
		Class("timeline-tab").
		Href(t.IHref).
		Role("tab").
		Aria("selected", attr(strconv.FormatBool(t.ISelected))).
		TabIndex(tabindex)
	if t.IControls {
		tab = tab.Aria("controls", detailID)
	}
	// A background fills the card behind its text, which the card's
	// fixed height keeps: the picture lies under the text, not above it.
	var bg app.UI
	if t.IBgColor != "" || t.IBgImage != "" {
		tab = tab.Class("has-background")
	}
	if t.IBgColor != "" {
		tab = tab.Style("background-color", "#"+t.IBgColor)
	}
	if t.IBgColor != "" && t.IBgImage == "" {
		// On a picture the text is white on the scrim (the stylesheet).
		text, _ := onColor(t.IBgColor)
		tab = tab.Style("color", "#"+text)
	}
	if t.IBgImage != "" {
		tab = tab.Class("has-image")
		bg = app.Span().Class("timeline-bg").Aria("hidden", attr("true")).Body(
			app.Img().Src(attr(t.IBgImage)).Alt("").Loading("lazy").Attr("referrerpolicy", "no-referrer"),
		)
	}
	return app.Li().Class(class).Role("presentation").Style("--x", rem(t.IX)).Body(append(before,
		tab.Body(
			bg,
			app.Span().Class("timeline-dot").Aria("hidden", attr("true")),
			timeOf(e.Start).Class("timeline-date").Text(t.IWords.FormatMoment(e.Start)),
			withLang(app.Span().Class("timeline-headline"), t.IStoryLang).Text(e.Headline),
			mark,
		),
	)...)
}
