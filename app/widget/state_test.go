package widget

import (
	"net/url"
	"testing"

	"explainer/app/i18n"
)

func TestParseURLAndQuery(t *testing.T) {
	s := defaultStory(t)
	tests := []struct {
		query     string
		wantState State
		wantOpts  Options
		wantQuery string
	}{
		{"", State{Event: "paris-ceasefire-2019"}, Options{Lang: i18n.English}, "?"},
		{"event=london-summit&person=starmer", State{Event: "london-summit", Person: "starmer"}, Options{Lang: i18n.English}, "?event=london-summit&person=starmer"},
		{"event=LONDON-summit&person=x", State{Event: "paris-ceasefire-2019"}, Options{Lang: i18n.English}, "?"},
		{"lang=uk-UA&theme=dark&accent=%23C0FFEE&embed=1", State{Event: "paris-ceasefire-2019"}, Options{Lang: i18n.Ukrainian, Theme: "dark", Accent: "c0ffee", Embed: true}, "?accent=c0ffee&embed=1&lang=uk&theme=dark"},
		{"theme=neon&accent=red&embed=yes&lang=xx", State{Event: "paris-ceasefire-2019"}, Options{Lang: i18n.English}, "?"},
		{"accent=c0ffee;background:url(x)", State{Event: "paris-ceasefire-2019"}, Options{Lang: i18n.English}, "?"},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		st, o := ParseURL(s, q)
		if st != tt.wantState || o != tt.wantOpts {
			t.Errorf("ParseURL(%q) = %+v, %+v; want %+v, %+v", tt.query, st, o, tt.wantState, tt.wantOpts)
		}
		if got := Query(st, o, i18n.English, "paris-ceasefire-2019"); got != tt.wantQuery {
			t.Errorf("Query(ParseURL(%q)) = %q; want %q", tt.query, got, tt.wantQuery)
		}
	}
}

func TestMoveSelection(t *testing.T) {
	tests := []struct {
		cur, n int
		key    string
		want   int
		ok     bool
	}{
		{0, 5, "ArrowRight", 1, true},
		{4, 5, "ArrowRight", 4, true},
		{2, 5, "ArrowDown", 3, true},
		{2, 5, "ArrowLeft", 1, true},
		{0, 5, "ArrowUp", 0, true},
		{3, 5, "Home", 0, true},
		{1, 5, "End", 4, true},
		{1, 5, "Enter", 1, false},
		{0, 0, "End", 0, false},
	}
	for _, tt := range tests {
		if got, ok := moveSelection(tt.cur, tt.n, tt.key); got != tt.want || ok != tt.ok {
			t.Errorf("moveSelection(%d, %d, %q) = %d, %v; want %d, %v", tt.cur, tt.n, tt.key, got, ok, tt.want, tt.ok)
		}
	}
}
