package story

import (
	"regexp"
	"strings"
	"testing"
)

// The hand-written matchers accept exactly what the patterns the JSON
// Schema publishes do: each pattern is compiled here, in the test, and
// both are asked about the edge cases of its form.
var matchers = []struct {
	name    string
	pattern string
	match   func(string) bool
	cases   map[string]bool
}{
	{"slug", slugPattern, isSlug, map[string]bool{
		"a": true, "kharkiv-strike": true, "a1-b2-c3": true, "0": true, "2025": true,
		"": false, "-": false, "-a": false, "a-": false, "a--b": false, "A": false,
		"a_b": false, "a b": false, "a.b": false, "é": false, "a\n": false, "\na": false,
	}},
	{"lang", langPattern, isLang, map[string]bool{
		"en": true, "uk": true, "haw": true, "en-GB": true, "zh-Hant-TW": true, "sl-rozaj-biske": true,
		"en-12345678": true, "de-CH-1901": true,
		// The forms newsrooms use: a script, a UN M.49 region, an
		// extension (Latin digits), a private use; either case after the
		// language.
		"es": true, "pt-BR": true, "zh-Hans": true, "sr-Latn": true, "es-419": true, "ar-u-nu-latn": true,
		"ar-EG-u-nu-latn": true, "fa-IR-u-nu-arab-ca-persian": true, "ja-u-ca-japanese-x-old": true,
		"en-x-newsroom": true, "en-GB-x-a": true, "sr-latn-rs": true, "en-gb": true, "de-1996": true,
		"en-a-bbb-u-nu-latn": true, "hy-Latn-IT-arevela": true, "en-US-u-nu-latn-t-ja": true,
		"": false, "e": false, "engl": false, "EN": false, "en-": false, "en--GB": false,
		"en-G": false, "en-123456789": false, "en_GB": false, "-en": false, "en-GB-": false, "en\n": false,
		// Junk: subtags out of their order or of no kind, a singleton with
		// nothing after it, a private use at the start.
		"en-GB-GB": false, "en-GB-Latn": false, "en-abc": false, "zh-yue": false, "en-12": false, "en-1234-GB": false,
		"ar-u": false, "ar-u-nu-latn-u": false, "ar-u-n": false, "ar-x": false, "x-klingon": false, "en-u-x": false,
		"en-u-123456789": false, "en-x-123456789": false, "en-Latn-Cyrl": false, "en-é": false, "en- GB": false,
		"en-a-b-c": false, "pt-BR-1901-GB": false,
	}},
	{"color", colorPattern, isColor, map[string]bool{
		"#1a2b3c": true, "#ABCDEF": true, "#000000": true, "#aBc123": true,
		"": false, "#": false, "1a2b3c": false, "#1a2b3": false, "#1a2b3c4": false, "#1a2b3g": false,
		"##1a2b3": false, " #1a2b3c": false, "#1a2b3c\n": false, "#１a2b3c": false,
	}},
	{"date", datePattern, func(s string) bool { _, ok := dateGroups(s); return ok }, map[string]bool{
		"2025": true, "2025-02": true, "2025-02-28": true, "2025-02-28T13": true, "2025-02-28T13:40": true,
		"0000": true, "9999-99-99T99:99": true, "-1": true, "-500": true, "-13800000000": true, "-99999999999": true,
		"": false, "-": false, "-0": false, "-05": false, "-999999999999": false, "--1": false, "+2025": false,
		"202": false, "20251": false, "2025-": false, "2025-2": false, "2025-02-": false, "2025T13": false,
		"2025-02T13": false, "2025-02-28T": false, "2025-02-28T1": false, "2025-02-28T13:": false,
		"2025-02-28T13:4": false, "2025-02-28T13:40:00": false, "2025-02-28 13:40": false, "2025/02": false,
		"-2025-02": false, "２０２５": false, "2025\n": false,
	}},
}

func TestMatchersAgreeWithPatterns(t *testing.T) {
	for _, m := range matchers {
		re := regexp.MustCompile(m.pattern)
		for s, want := range m.cases {
			if got := m.match(s); got != want {
				t.Errorf("%s(%q) = %v; want %v", m.name, s, got, want)
			}
			if got := re.MatchString(s); got != want {
				t.Errorf("the case is wrong: %s pattern on %q = %v; want %v", m.name, s, got, want)
			}
		}
	}
}

// dateGroups captures what the pattern's groups do, which splitDate reads.
func TestDateGroups(t *testing.T) {
	re := regexp.MustCompile(datePattern)
	for s := range matchers[3].cases {
		g, ok := dateGroups(s)
		m := re.FindStringSubmatch(s)
		if ok != (m != nil) {
			t.Fatalf("dateGroups(%q) ok = %v; the pattern matches: %v", s, ok, m != nil)
		}
		if ok && [6]string(m[1:]) != g {
			t.Errorf("dateGroups(%q) = %q; the pattern captures %q", s, g, m[1:])
		}
	}
}

func FuzzMatchers(f *testing.F) {
	for _, m := range matchers {
		for s := range m.cases {
			f.Add(s)
		}
	}
	f.Add(strings.Repeat("a-", 50))
	res := make([]*regexp.Regexp, len(matchers))
	for i, m := range matchers {
		res[i] = regexp.MustCompile(m.pattern)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i, m := range matchers {
			if got, want := m.match(s), res[i].MatchString(s); got != want {
				t.Errorf("%s(%q) = %v; the pattern says %v", m.name, s, got, want)
			}
		}
		g, ok := dateGroups(s)
		if m := res[3].FindStringSubmatch(s); ok && [6]string(m[1:]) != g {
			t.Errorf("dateGroups(%q) = %q; the pattern captures %q", s, g, m[1:])
		}
	})
}
