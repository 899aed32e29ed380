package widget

import (
	"slices"

	"explainer/app/i18n"
	"explainer/app/shell"
	"explainer/app/story"
)

// State is what a reader has chosen: the selected event, the person whose
// quotes are shown and, in the embed card, which view fills it. It lives in
// the URL (?event=ID&person=ID&group=ID&view=quotes), so a link can open the widget
// at any state and the server can prerender it.
type State struct {
	Event  story.Ref // always a valid event id once resolved
	Person story.Ref // "" shows everyone
	Group  story.Ref // the category whose events are highlighted; "" for none
	View   View      // the embed card's view; always ViewEvent elsewhere
}

// View is what fills the embed card below the timeline.
type View string

// The views of the embed card.
const (
	ViewEvent  View = ""       // the selected event with its quotes
	ViewQuotes View = "quotes" // every quote, with the person filter
)

// Show says which parts of the widget a publisher embeds (?show=).
type Show string

// What ?show= can ask for.
const (
	ShowBoth     Show = ""         // the timeline and the quotes
	ShowTimeline Show = "timeline" // the timeline and its events, no quotes
	ShowQuotes   Show = "quotes"   // the quote cards alone
)

// Options are the reader's presentation choices, also carried in the URL
// and kept by every link the widget writes.
type Options struct {
	Lang    i18n.Locale // ?lang=uk; "" speaks the story's language (Language)
	Theme   string      // ?theme=light|dark; "" follows the system
	Accent  string      // ?accent=0b5cad (hex, no #); "" keeps the default
	Embed   bool        // ?embed=1: the compact card for article pages
	Show    Show        // ?show=timeline|quotes; "" shows both
	NoTitle bool        // ?title=0: the host article has its own headline
	// NoWasm (?wasm=0) keeps the WebAssembly from loading: the page as the
	// server rendered it, every control a link, for readers and tests that
	// want it so. Links keep it, so it holds from page to page.
	NoWasm bool
	// ChildID is the id a pym.js parent gives the card (?childId=), kept
	// by every link so that heights still reach pym after a reader's
	// click reloads the card without the WebAssembly. Only one, valid id
	// is taken (shell.ValidChildID).
	ChildID string
}

// The values the options take, in the order an editor is offered them:
// Resolve keeps these and no others, and the embed page lists them.
var (
	Themes = []string{"", "light", "dark"} // "" follows the system
	Shows  = []Show{ShowBoth, ShowTimeline, ShowQuotes}
	Views  = []View{ViewEvent, ViewQuotes}
)

// Resolve makes a state and options valid for a story, dropping anything
// that does not name something in it or is not a valid value, and
// filling the defaults: the first event, the story's language. New
// resolves what it is given, so any State and Options render; ParseURL
// gives values already resolved.
func Resolve(s *story.Story, st State, o Options) (State, Options) {
	if s.Event(st.Event) == nil {
		st.Event = ""
		if len(s.Events) > 0 {
			st.Event = story.Ref(s.Events[0].ID)
		}
	}
	if s.Person(st.Person) == nil {
		st.Person = ""
	}
	if s.Group(st.Group) == nil {
		st.Group = ""
	}
	// The language the widget speaks is the story's unless the reader
	// asks for another; the page's words follow it (i18n.Lookup).
	if !story.Lang(o.Lang).Valid() || o.Lang == i18n.Locale(s.Language) {
		o.Lang = ""
	}
	if !slices.Contains(Themes, o.Theme) {
		o.Theme = ""
	}
	// Six hex digits: the form of a story's colours, without the #.
	o.Accent = story.Color("#" + o.Accent).Hex()
	if !slices.Contains(Shows, o.Show) {
		o.Show = ShowBoth
	}
	if !shell.ValidChildID(o.ChildID) {
		o.ChildID = ""
	}
	// Only the embed card showing both parts has a choice of views.
	if st.View != ViewQuotes || !o.Embed || o.Show != ShowBoth || len(s.Quotes) == 0 {
		st.View = ViewEvent
	}
	return st, o
}

// moveSelection says where a key press takes the selection in a list of n
// events, following the WAI-ARIA tabs pattern; ok is false for keys that
// do not move it. The arrow that points in the reading direction goes to
// the next event: on a track that runs right to left (rtl), the earliest
// event is at the right and ArrowLeft moves on in time. Down is always
// next and Up previous, as in the vertical list on phones.
func moveSelection(cur, n int, key string, rtl bool) (next int, ok bool) {
	if n == 0 {
		return 0, false
	}
	forward, back := "ArrowRight", "ArrowLeft"
	if rtl {
		forward, back = back, forward
	}
	switch key {
	case forward, "ArrowDown":
		return min(cur+1, n-1), true
	case back, "ArrowUp":
		return max(cur-1, 0), true
	case "Home":
		return 0, true
	case "End":
		return n - 1, true
	}
	return cur, false
}

// Language is the language the widget speaks for a story: the reader's
// ?lang=, else the story's own. The words for it (an i18n.Pack) come from
// the server, which has every catalogue, and the page carries them.
func (o Options) Language(s *story.Story) i18n.Locale {
	if o.Lang != "" {
		return o.Lang
	}
	return i18n.Locale(s.Language)
}
