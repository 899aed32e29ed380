package widget

import (
	"strings"

	"explainer/app/i18n"
	"explainer/app/story"
)

// view is everything one render needs, worked out once per render.
type view struct {
	c        *Explainer
	s        *story.Story
	words    *i18n.Pack
	state    State
	selected int // index of the selected event
	// highlighted marks the events that involve the filtered person and
	// are in the filtered group, when either filter is on; mark is what
	// screen readers hear on each of them.
	highlighted map[int]bool
	mark        string
}

func (c *Explainer) view() *view {
	v := &view{
		c:        c,
		s:        c.story,
		words:    c.words,
		state:    c.state,
		selected: max(0, c.story.EventIndex(c.state.Event)),
	}
	if p, g := c.state.Person, c.state.Group; p != "" || g != "" {
		v.mark = v.highlight()
		v.highlighted = map[int]bool{}
		for i := range v.s.Events {
			if (p == "" || v.s.Involves(p, i)) && (g == "" || v.s.Events[i].Group == g) {
				v.highlighted[i] = true
			}
		}
	}
	return v
}

// t is a message in the reader's language.
func (v *view) t(key i18n.Key, args ...any) string { return v.words.T(key, args...) }

// storyLang is the lang attribute for story text when it differs from the
// language of the widget's own text, so that screen readers switch voice;
// "" when they are the same.
func (v *view) storyLang() string {
	if i18n.Locale(v.s.Language).Base() == v.words.Lang.Base() {
		return ""
	}
	return string(v.s.Language)
}

// href is a link to st that keeps the reader's options.
func (v *view) href(st State) string { return attr(v.c.href(st)) }

// eventHref links to an event, keeping the filters.
func (v *view) eventHref(id story.ID) string {
	return v.href(State{Event: story.Ref(id), Person: v.state.Person, Group: v.state.Group})
}

// highlight is what a highlighted event is marked with for screen
// readers: that the filtered person takes part, in which group; worked
// out once a render (view.mark), not once an event.
func (v *view) highlight() string {
	var parts []string
	if p := v.s.Person(v.state.Person); p != nil {
		parts = append(parts, v.t("timeline.involves", p.Name))
	}
	if g := v.s.Group(v.state.Group); g != nil {
		parts = append(parts, v.t("timeline.inGroup", g.Label))
	}
	return strings.Join(parts, ", ")
}

func (v *view) selectedEvent() *story.Event { return &v.s.Events[v.selected] }

func tabID(id story.Ref) string { return "tab-" + string(id) }

// detailID is the id of the selected event's panel, the timeline's tab
// panel.
const detailID = "explainer-detail"

// detailShown reports whether the selected event's detail is on the page:
// not when only quotes are shown, nor in the embed card's quotes view.
func (v *view) detailShown() bool {
	return viewName(v.state.View, v.c.opts.Show) == "event"
}
