package widget

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"explainer/app/i18n"
	"explainer/app/story"
)

// New takes the reader's state and options, not an address: the server
// reads them from the request and the browser from its location (url.go),
// and the studio's preview hands its own over without writing a query.
var _ func(*story.Story, State, Options, *i18n.Pack) *Explainer = New

// TestResolve: any State and Options render, made valid for the story as
// a mistyped link is.
func TestResolve(t *testing.T) {
	s := defaultStory(t)
	first := story.Ref(s.Events[0].ID)
	tests := []struct {
		name      string
		st        State
		o         Options
		wantState State
		wantOpts  Options
	}{
		{name: "zero", wantState: State{Event: first}, wantOpts: Options{}},
		{name: "known", st: State{Event: "london-summit", Person: "starmer"}, o: Options{Lang: "uk", Theme: "dark", Embed: true}, wantState: State{Event: "london-summit", Person: "starmer"}, wantOpts: Options{Lang: "uk", Theme: "dark", Embed: true}},
		{name: "unknown ids", st: State{Event: "nope", Person: "x", Group: "y"}, wantState: State{Event: first}, wantOpts: Options{}},
		{name: "bad values", o: Options{Lang: "x y", Theme: "neon", Accent: "red", Show: "all", ChildID: "1bad"}, wantState: State{Event: first}, wantOpts: Options{}},
		{name: "accent", o: Options{Accent: "C0FFEE"}, wantState: State{Event: first}, wantOpts: Options{Accent: "c0ffee"}},
		{name: "quotes view outside the card", st: State{View: ViewQuotes}, wantState: State{Event: first}, wantOpts: Options{}},
		{name: "quotes view in the card", st: State{View: ViewQuotes}, o: Options{Embed: true}, wantState: State{Event: first, View: ViewQuotes}, wantOpts: Options{Embed: true}},
		{name: "the story's own language", o: Options{Lang: "en"}, wantState: State{Event: first}, wantOpts: Options{}},
		{name: "unknown view", st: State{View: "grid"}, o: Options{Embed: true}, wantState: State{Event: first}, wantOpts: Options{Embed: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newWidget(s, tt.st, tt.o)
			if c.state != tt.wantState || c.opts != tt.wantOpts {
				t.Errorf("New(%+v, %+v) has %+v, %+v; want %+v, %+v", tt.st, tt.o, c.state, c.opts, tt.wantState, tt.wantOpts)
			}
		})
	}
}

// TestMoveSelection: the arrow pointing in the reading direction moves on
// in time; Down and Up, Home and End do the same either way.
func TestMoveSelection(t *testing.T) {
	tests := []struct {
		cur, n int
		key    string
		rtl    bool
		want   int
		ok     bool
	}{
		{n: 5, key: "ArrowRight", want: 1, ok: true},
		{cur: 4, n: 5, key: "ArrowRight", want: 4, ok: true},
		{cur: 2, n: 5, key: "ArrowDown", want: 3, ok: true},
		{cur: 2, n: 5, key: "ArrowLeft", want: 1, ok: true},
		{n: 5, key: "ArrowUp", ok: true},
		{cur: 3, n: 5, key: "Home", ok: true},
		{cur: 1, n: 5, key: "End", want: 4, ok: true},
		{cur: 1, n: 5, key: "Enter", want: 1},
		{key: "End"},
		// Right to left: the earliest event is at the right.
		{n: 5, key: "ArrowLeft", rtl: true, want: 1, ok: true},
		{cur: 4, n: 5, key: "ArrowLeft", rtl: true, want: 4, ok: true},
		{cur: 2, n: 5, key: "ArrowRight", rtl: true, want: 1, ok: true},
		{n: 5, key: "ArrowRight", rtl: true, ok: true},
		{cur: 2, n: 5, key: "ArrowDown", rtl: true, want: 3, ok: true},
		{cur: 2, n: 5, key: "ArrowUp", rtl: true, want: 1, ok: true},
		{cur: 3, n: 5, key: "Home", rtl: true, ok: true},
		{cur: 1, n: 5, key: "End", rtl: true, want: 4, ok: true},
		{cur: 1, n: 5, key: " ", rtl: true, want: 1},
		{key: "ArrowLeft", rtl: true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s-rtl=%v-from-%d", tt.key, tt.rtl, tt.cur), func(t *testing.T) {
			if got, ok := moveSelection(tt.cur, tt.n, tt.key, tt.rtl); got != tt.want || ok != tt.ok {
				t.Errorf("moveSelection(%d, %d, %q, %v) = %d, %v; want %d, %v", tt.cur, tt.n, tt.key, tt.rtl, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// Resolve keeps an accent of six hex digits, the form of the pattern it
// was once checked by, lower-cased, and drops anything else.
func TestResolveAccentForm(t *testing.T) {
	s := defaultStory(t)
	re := regexp.MustCompile(`^[0-9a-fA-F]{6}$`)
	for _, accent := range []string{
		"c0ffee", "C0FFEE", "000000", "aBcDeF", "", "c0ffe", "c0ffee0", "#c0ffe", "#c0ffee", "c0ffeg",
		" c0ffee", "c0ffee\n", "c0ffee;x", "ｃ0ffee",
	} {
		want := ""
		if re.MatchString(accent) {
			want = strings.ToLower(accent)
		}
		if _, o := Resolve(s, State{}, Options{Accent: accent}); o.Accent != want {
			t.Errorf("Resolve kept accent %q as %q; want %q", accent, o.Accent, want)
		}
	}
}
