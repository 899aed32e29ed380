//go:build !wasm

package cldr

import "testing"

// TestLookup: a tag finds the locale BCP 47 matching picks, with Latin
// digits when the tag asks for them.
func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		tag, want string
		latin     bool
	}{
		{"en", "en", true},
		{"en-GB", "en-GB", true},
		{"en-US", "en", true},
		{"zh-TW", "zh-Hant", true},
		{"zh-CN", "zh", true}, // CLDR's zh is simplified Chinese
		{"zh-Hans-CN", "zh-Hans", true},
		{"iw", "he", true},
		{"sr-Latn-RS", "sr-Latn", true},
		{"zh", "zh", true},
		{"pt-BR", "pt", true},
		{"pt-PT", "pt-PT", true},
		{"sr-Latn", "sr-Latn", true},
		{"sr", "sr", true},
		{"es-MX", "es-MX", true},
		{"ar", "ar", true},
		{"ar-EG", "ar-EG", false},
		{"ar-EG-u-nu-latn", "ar-EG", true},
		{"ar-u-nu-latn", "ar", true},
		{"bn", "bn", false},
		{"bn-u-nu-latn", "bn", true},
		{"bn-u-nu-beng", "bn", false},
		{"fa", "fa", false},
		{"fa-u-nu-latn", "fa", true},
		{"nb", "nb", true},
		{"no", "no", true},
		{"uk", "uk", true},
	} {
		d, ok := Lookup(tc.tag)
		if !ok || d.Tag != tc.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.tag, d.Tag, ok, tc.want)
			continue
		}
		if latin := d.Digits == ""; latin != tc.latin {
			t.Errorf("Lookup(%q): Latin digits %v, want %v", tc.tag, latin, tc.latin)
		}
	}
	for _, tag := range []string{"", "not a tag!", "tlh", "ku"} {
		if d, ok := Lookup(tag); ok {
			t.Errorf("Lookup(%q) = %q, want none", tag, d.Tag)
		}
	}
	if n := len(Tags()); n < 300 {
		t.Errorf("%d locales, want the modern ones (over 300)", n)
	}
}
