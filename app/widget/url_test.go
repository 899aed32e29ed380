package widget

import (
	"net/url"
	"reflect"
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
		{wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{}, wantQuery: "?"},
		{query: "event=london-summit&person=starmer", wantState: State{Event: "london-summit", Person: "starmer"}, wantOpts: Options{}, wantQuery: "?event=london-summit&person=starmer"},
		{query: "event=LONDON-summit&person=x", wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{}, wantQuery: "?"},
		{query: "lang=uk-UA&theme=dark&accent=%23C0FFEE&embed=1", wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{Lang: "uk-UA", Theme: "dark", Accent: "c0ffee", Embed: true}, wantQuery: "?accent=c0ffee&embed=1&lang=uk-UA&theme=dark"},
		{query: "theme=neon&accent=red&embed=yes&lang=x_y", wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{}, wantQuery: "?"},
		{query: "accent=c0ffee;background:url(x)", wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{}, wantQuery: "?"},
		{query: "embed=1&show=quotes&title=0", wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{Embed: true, Show: ShowQuotes, NoTitle: true}, wantQuery: "?embed=1&show=quotes&title=0"},
		{query: "embed=1&show=timeline&view=quotes", wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{Embed: true, Show: ShowTimeline}, wantQuery: "?embed=1&show=timeline"},
		{query: "embed=1&view=quotes&person=rutte", wantState: State{Event: "paris-ceasefire-2019", Person: "rutte", View: ViewQuotes}, wantOpts: Options{Embed: true}, wantQuery: "?embed=1&person=rutte&view=quotes"},
		{query: "view=quotes&show=both&title=1", wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{}, wantQuery: "?"},
		{query: "childId=pym-1&wasm=0", wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{ChildID: "pym-1", NoWasm: true}, wantQuery: "?childId=pym-1&wasm=0"},
		{query: "childId=axPYMxnavigateToxPYMxa&childId=b&wasm=1", wantState: State{Event: "paris-ceasefire-2019"}, wantOpts: Options{}, wantQuery: "?"},
	}
	// Every option is read and written by some row: a new one without a
	// row here fails.
	covered := map[string]bool{}
	for _, tt := range tests {
		v := reflect.ValueOf(tt.wantOpts)
		for i := range v.NumField() {
			if !v.Field(i).IsZero() && v.Type().Field(i).Name != "Lang" || v.Type().Field(i).Name == "Lang" && tt.wantOpts.Lang != i18n.English {
				covered[v.Type().Field(i).Name] = true
			}
		}
	}
	for _, f := range reflect.VisibleFields(reflect.TypeOf(Options{})) {
		if !covered[f.Name] {
			t.Errorf("no row of TestParseURLAndQuery reads and writes Options.%s", f.Name)
		}
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			q, _ := url.ParseQuery(tt.query)
			st, o := ParseURL(s, q)
			if st != tt.wantState || o != tt.wantOpts {
				t.Errorf("ParseURL(%q) = %+v, %+v; want %+v, %+v", tt.query, st, o, tt.wantState, tt.wantOpts)
			}
			// What ParseURL gives is resolved: New renders it as it is.
			if rst, ro := Resolve(s, st, o); rst != st || ro != o {
				t.Errorf("Resolve(ParseURL(%q)) = %+v, %+v; want it unchanged", tt.query, rst, ro)
			}
			if got := Query(st, o, i18n.English, "paris-ceasefire-2019"); got != tt.wantQuery {
				t.Errorf("Query(ParseURL(%q)) = %q; want %q", tt.query, got, tt.wantQuery)
			}
		})
	}
}
