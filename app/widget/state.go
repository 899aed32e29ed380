package widget

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

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
	Lang    i18n.Locale // ?lang=uk; else the story's language
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
// ParseURL accepts these and no others, and the embed page lists them.
var (
	Themes = []string{"", "light", "dark"} // "" follows the system
	Shows  = []Show{ShowBoth, ShowTimeline, ShowQuotes}
	Views  = []View{ViewEvent, ViewQuotes}
)

var accentRE = regexp.MustCompile(`^[0-9a-fA-F]{6}$`)

// ParseURL reads the state and options from a query string, dropping
// anything that does not name something in the story or is not a valid
// value: a mistyped link still opens the story.
func ParseURL(s *story.Story, q url.Values) (State, Options) {
	var st State
	if id := story.Ref(q.Get(shell.EventParam)); s.Event(id) != nil {
		st.Event = id
	} else if len(s.Events) > 0 {
		st.Event = story.Ref(s.Events[0].ID)
	}
	if id := story.Ref(q.Get("person")); s.Person(id) != nil {
		st.Person = id
	}
	if id := story.Ref(q.Get("group")); s.Group(id) != nil {
		st.Group = id
	}
	var o Options
	o.Lang = i18n.ForStory(s.Language)
	if l, ok := i18n.Match(q.Get("lang")); ok {
		o.Lang = l
	}
	if t := q.Get("theme"); slices.Contains(Themes, t) {
		o.Theme = t
	}
	if a := strings.TrimPrefix(q.Get("accent"), "#"); accentRE.MatchString(a) {
		o.Accent = strings.ToLower(a)
	}
	o.Embed = q.Get(shell.EmbedParam) == "1"
	if sh := Show(q.Get("show")); slices.Contains(Shows, sh) {
		o.Show = sh
	}
	o.NoTitle = q.Get("title") == "0"
	o.NoWasm = q.Get(shell.NoWasmParam) == "0"
	if ids := q[shell.ChildIDParam]; len(ids) == 1 && shell.ValidChildID(ids[0]) {
		o.ChildID = ids[0]
	}
	// Only the embed card showing both parts has a choice of views.
	if o.Embed && o.Show == ShowBoth && View(q.Get("view")) == ViewQuotes && len(s.Quotes) > 0 {
		st.View = ViewQuotes
	}
	return st, o
}

// CanonicalQuery is the normal form of a query string for a story:
// equivalent addresses (unknown values, defaults spelt out, any order)
// give the same string, so the server renders and caches them once.
func CanonicalQuery(s *story.Story, q url.Values) string {
	st, o := ParseURL(s, q)
	return Query(st, o, i18n.ForStory(s.Language), "")
}

// Query writes state and options back as a query string, leaving out what
// is at its default so that URLs stay short. defaultLang is the story's.
// Keys come in alphabetical order, as url.Values.Encode would write them;
// it is built by hand because every render writes one per event.
func Query(st State, o Options, defaultLang i18n.Locale, defaultEvent story.Ref) string {
	var b strings.Builder
	b.WriteByte('?')
	add := func(k, v string) {
		if b.Len() > 1 {
			b.WriteByte('&')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(v))
	}
	if o.Accent != "" {
		add("accent", o.Accent)
	}
	if o.ChildID != "" {
		add(shell.ChildIDParam, o.ChildID)
	}
	if o.Embed {
		add(shell.EmbedParam, "1")
	}
	if st.Event != "" && st.Event != defaultEvent {
		add(shell.EventParam, string(st.Event))
	}
	if st.Group != "" {
		add("group", string(st.Group))
	}
	if o.Lang != "" && o.Lang != defaultLang {
		add("lang", string(o.Lang))
	}
	if st.Person != "" {
		add("person", string(st.Person))
	}
	if o.Show != ShowBoth {
		add("show", string(o.Show))
	}
	if o.Theme != "" {
		add("theme", o.Theme)
	}
	if o.NoTitle {
		add("title", "0")
	}
	if st.View != ViewEvent {
		add("view", string(st.View))
	}
	if o.NoWasm {
		add(shell.NoWasmParam, "0")
	}
	return b.String()
}

// moveSelection says where a key press takes the selection in a list of n
// events, following the WAI-ARIA tabs pattern; ok is false for keys that
// do not move it.
func moveSelection(cur, n int, key string) (next int, ok bool) {
	if n == 0 {
		return 0, false
	}
	switch key {
	case "ArrowRight", "ArrowDown":
		return min(cur+1, n-1), true
	case "ArrowLeft", "ArrowUp":
		return max(cur-1, 0), true
	case "Home":
		return 0, true
	case "End":
		return n - 1, true
	}
	return cur, false
}
