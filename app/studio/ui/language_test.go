//go:build !wasm

package ui

import (
	"net/http/httptest"
	"strings"
	"testing"

	"explainer/app/site"
	"explainer/app/studio"
)

// TestLanguageByName: with the list a real studio server gives the
// page's own client, a language typed by its name in itself, or as its
// option reads, becomes its tag; a tag or a part of a name is kept as
// typed; the hint and the option say whether the widget's words are in
// the language.
func TestLanguageByName(t *testing.T) {
	st, err := studio.New(studio.Config{Path: t.TempDir(), Check: site.Check})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(st.Handler(nil))
	defer srv.Close()
	a := &apiClient{base: srv.URL}
	langs, err := a.languages()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		typed, tag string // tag "" when the text is kept as typed
	}{
		{"español", "es"},
		{" ESPAÑOL ", "es"},
		{"español — es", "es"},
		{"español de México", "es-MX"},
		{"العربية", "ar"}, // the language, not the first of its countries
		{"日本語", "ja"},
		{"עברית", "he"},
		{"Cymraeg — cy (widget in English)", "cy"},
		{"españ", ""},
		{"es-MX", ""},
		{"ar-u-nu-latn", ""},
		{"", ""},
	} {
		tag, ok := languageTag(langs, tc.typed)
		if ok != (tc.tag != "") || tag != tc.tag {
			t.Errorf("%q: %q %v, want %q", tc.typed, tag, ok, tc.tag)
		}
	}
	for _, tc := range []struct{ tag, note string }{
		{"es", "\u2068español\u2069: the widget's own words are in this language."},
		{"es-MX-u-nu-latn", "\u2068español de México\u2069: the widget's own words"},
		{"ar-u-nu-latn", "\u2068العربية\u2069: the widget's own words"},
		{"cy", "\u2068Cymraeg\u2069: dates in this language; the widget's own words (its buttons and labels) in English"},
		{"x-unknown", ""},
		{"", ""},
	} {
		if got := languageNote(langs, tc.tag); !strings.HasPrefix(got, tc.note) || (tc.note == "") != (got == "") {
			t.Errorf("note of %q: %q, want %q…", tc.tag, got, tc.note)
		}
	}
	for _, tc := range []struct{ tag, label string }{{"es", "español — es"}, {"cy", "Cymraeg — cy (widget in English)"}} {
		l, _ := languageOf(langs, tc.tag)
		if got := languageLabel(l); got != tc.label {
			t.Errorf("option of %s: %q, want %q", tc.tag, got, tc.label)
		}
	}
}
