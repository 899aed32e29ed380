package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// The embed card (?embed=1) is the widget as it sits inside an article: a
// box whose height depends only on its width (see the stylesheet), so the
// article never shifts under the reader, whatever they select. Below the
// timeline, one panel holds either the selected event with its own quotes
// or every quote with the person filter; it scrolls inside the card.

// CardHeight is the embed card's height in CSS pixels at a viewport width:
// the --card-height of explainer.css, for snippets and oEmbed, which must
// size the iframe before the card can say. The browser tests measure the
// card against it.
func CardHeight(width int) int {
	h := cardHeights[0].Height
	for _, step := range cardHeights {
		if width >= step.MinWidth {
			h = step.Height
		}
	}
	return h
}

// cardHeights are the card's heights in CSS pixels from each viewport
// width on, narrowest first. The stylesheet sets the same as --card-height
// under the same media queries, and embed.js starts a frame at the first;
// TestStylesheetAgrees and TestEmbedScriptAgrees hold them to this.
var cardHeights = []struct{ MinWidth, Height int }{
	{MinWidth: 0, Height: 736},    // phones
	{MinWidth: 640, Height: 768},  // tablets
	{MinWidth: 1024, Height: 720}, // wide screens
}

// panelID is the id of the card's scrolling panel.
const panelID = "explainer-panel"

// card returns the parts of the embed card below the header.
func (v *view) card() []app.UI {
	show := v.c.opts.Show
	var parts []app.UI
	if show != ShowQuotes {
		parts = append(parts, v.timeline())
	}
	if show == ShowBoth && len(v.s.Quotes) > 0 {
		parts = append(parts, v.viewSwitch())
	}
	var content []app.UI
	label := v.t("view.panelEvent")
	class := "card-panel card-panel--" + viewName(v.state.View, show)
	if !v.detailShown() {
		label = v.t("view.panelQuotes")
		content = append(content, v.quotes())
	} else {
		content = append(content, v.detail())
		var quotes app.UI
		if show == ShowBoth {
			quotes = v.eventQuotes()
		}
		if quotes != nil {
			content = append(content, quotes)
		} else {
			class += " card-panel--alone" // the detail takes the whole width
		}
	}
	// The panel scrolls, so it takes the keyboard focus too: readers who
	// cannot use a pointer scroll it with the arrow keys.
	return append(parts, app.Div().
		ID(panelID).
		Class(class).
		Role("region").
		Aria("label", attr(label)).
		TabIndex(0).
		Body(append(content, v.frame(footerPart))...))
}

// viewName names what the panel shows, for the stylesheet.
func viewName(view View, show Show) string {
	if show == ShowQuotes || view == ViewQuotes {
		return "quotes"
	}
	return "event"
}

// viewSwitch is the pair of links between the selected event and every
// quote; the current one carries aria-current.
func (v *view) viewSwitch() app.UI {
	link := func(view View, label string) app.UI {
		a := app.A().Class("view-link").
			Href(v.href(State{Event: v.state.Event, Person: v.state.Person, Group: v.state.Group, View: view})).
			Text(label)
		if v.state.View == view {
			a = a.Aria("current", attr("true"))
		}
		return app.Li().Body(a)
	}
	return app.Nav().Class("view-switch").Aria("label", attr(v.t("view.label"))).Body(
		app.Ul().Class("view-list").Body(
			link(ViewEvent, v.t("view.event")),
			link(ViewQuotes, v.t("view.quotes", len(v.s.Quotes))),
		),
	)
}

// eventQuotes lists the quotes of the selected event, with whole exchanges
// when one of its quotes is part of one.
func (v *view) eventQuotes() app.UI {
	sel := story.Ref(v.selectedEvent().ID)
	var groups []story.Exchange
	for _, x := range v.quoteGroupsFor("") {
		for _, q := range x.Quotes {
			if q.Event == sel {
				groups = append(groups, x)
				break
			}
		}
	}
	if len(groups) == 0 {
		return nil // a nil app.UI: card() checks for it
	}
	return app.Section().Class("quotes card-quotes").Aria("labelledby", "card-quotes-title").Body(
		app.H3().ID("card-quotes-title").Class("quotes-title").Text(v.t("quotes.ofEvent")),
		v.quoteList(groups),
	)
}
