package widget

import (
	"net/url"
	"strings"

	"explainer/app/i18n"
	"explainer/app/shell"
	"explainer/app/story"
)

// The reader's state and options travel in the address: the server reads
// them from the request (ParseURL), the browser from its location, and the
// widget writes them into every link (Query). This file is that codec;
// the widget renders from a State and Options (New), whoever read them.

// ParseURL reads the state and options from a query string, resolved for
// the story (see Resolve): a mistyped link still opens the story.
func ParseURL(s *story.Story, q url.Values) (State, Options) {
	st := State{
		Event:  story.Ref(q.Get(shell.EventParam)),
		Person: story.Ref(q.Get("person")),
		Group:  story.Ref(q.Get("group")),
		View:   View(q.Get("view")),
	}
	o := Options{
		Lang:    i18n.Locale(q.Get("lang")),
		Theme:   q.Get("theme"),
		Accent:  strings.TrimPrefix(q.Get("accent"), "#"),
		Embed:   q.Get(shell.EmbedParam) == "1",
		Show:    Show(q.Get("show")),
		NoTitle: q.Get("title") == "0",
		NoWasm:  q.Get(shell.NoWasmParam) == "0",
	}
	if ids := q[shell.ChildIDParam]; len(ids) == 1 {
		o.ChildID = ids[0]
	}
	return Resolve(s, st, o)
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
