package studio

import (
	"net/http"
	"slices"
	"testing"

	"explainer/app/i18n"
	"explainer/app/i18n/cldr"
	"explainer/app/studio/api"
)

// TestLanguagesListsEveryLocale: a real studio on loopback answers the
// Language field's list: every CLDR locale once, in tag order, named in
// itself with its direction, and marked where the widget's own words are
// in it (every catalogue's language is, a language without one is not).
func TestLanguagesListsEveryLocale(t *testing.T) {
	c := start(t, Config{Path: folderWith(t, map[string]string{"live.json": storyV1})})
	var got api.Languages
	if code := c.do("GET", api.LanguagesPath, nil, &got); code != http.StatusOK {
		t.Fatalf("%d", code)
	}
	tags := make([]string, len(got.Languages))
	byTag := map[string]api.Language{}
	for i, l := range got.Languages {
		tags[i] = l.Tag
		byTag[l.Tag] = l
		if l.Name == "" || (l.Dir != "ltr" && l.Dir != "rtl") {
			t.Errorf("%s: name %q, dir %q", l.Tag, l.Name, l.Dir)
		}
	}
	if want := cldr.Tags(); !slices.Equal(tags, want) {
		t.Errorf("%d languages, want CLDR's %d locales in tag order", len(tags), len(want))
	}
	for _, tc := range []struct {
		tag, name, dir string
		widget         bool
	}{
		{"en", "English", "ltr", true},
		{"es", "español", "ltr", true},
		{"es-MX", "español de México", "ltr", true}, // Spanish words, Mexico's dates
		{"ar", "العربية", "rtl", true},
		{"he", "עברית", "rtl", true},
		{"fa", "فارسی", "rtl", true},
		{"ur", "اردو", "rtl", true},
		{"ja", "日本語", "ltr", true},
		{"zh-Hant", "繁體中文", "ltr", true},
		{"uk", "українська", "ltr", true},
		{"ps", "پښتو", "rtl", false}, // dates in Pashto, the widget's words in English
		{"cy", "Cymraeg", "ltr", false},
	} {
		l, ok := byTag[tc.tag]
		if !ok {
			t.Errorf("%s is not in the list", tc.tag)
			continue
		}
		if l.Name != tc.name || l.Dir != tc.dir || l.Widget != tc.widget {
			t.Errorf("%s: %+v, want %q %s widget=%v", tc.tag, l, tc.name, tc.dir, tc.widget)
		}
	}
	for _, l := range i18n.Languages() {
		if !byTag[string(l.Tag)].Widget {
			t.Errorf("the widget speaks %s (%s), but the list does not say so", l.Tag, l.Name)
		}
	}
}
