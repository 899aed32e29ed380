package cldr

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
)

// samples is testdata/plural_samples.json, written by app/tools/cldrgen
// from CLDR's plurals.json: for each of its locales and categories, the
// rule and the samples CLDR lists for it.
type samples map[string]map[string]struct {
	Rule    string   `json:"rule"`
	Integer []string `json:"integer"`
	Decimal []string `json:"decimal"`
}

func readSamples(t *testing.T) samples {
	t.Helper()
	b, err := os.ReadFile("testdata/plural_samples.json")
	if err != nil {
		t.Fatal(err)
	}
	var s samples
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("testdata/plural_samples.json: %v", err)
	}
	return s
}

// expand writes out a sample: "2~16" is 2, 3, … 16; "0.0~1.5" is 0.0,
// 0.1, … 1.5 (the digits after the point kept); else the sample itself.
func expand(t *testing.T, sample string) []string {
	lo, hi, ok := strings.Cut(sample, "~")
	if !ok {
		return []string{sample}
	}
	_, frac, _ := strings.Cut(lo, ".")
	scale := len(frac)
	a, err1 := strconv.Atoi(strings.Replace(lo, ".", "", 1))
	b, err2 := strconv.Atoi(strings.Replace(hi, ".", "", 1))
	if err1 != nil || err2 != nil || b < a || b-a > 10000 {
		t.Fatalf("sample %q: not a range", sample)
	}
	var out []string
	for n := a; n <= b; n++ {
		s := strconv.Itoa(n)
		if scale > 0 {
			for len(s) <= scale {
				s = "0" + s
			}
			s = s[:len(s)-scale] + "." + s[len(s)-scale:]
		}
		out = append(out, s)
	}
	return out
}

// TestPluralSamples: for every locale of CLDR's plurals.json, every
// sample CLDR gives for a category is of that category by its rules.
func TestPluralSamples(t *testing.T) {
	all := readSamples(t)
	if len(all) < 200 {
		t.Fatalf("%d locales in the samples, want CLDR's (over 200)", len(all))
	}
	checked := 0
	for locale, cats := range all {
		d := Data{PluralRules: map[string]string{}}
		for cat, s := range cats {
			d.PluralRules[cat] = s.Rule
		}
		for cat, s := range cats {
			for _, sample := range append(s.Integer, s.Decimal...) {
				for _, n := range expand(t, sample) {
					checked++
					if got := d.PluralOf(n); got != cat {
						t.Errorf("%s: %s is %s, CLDR says %s (rule %q)", locale, n, got, cat, s.Rule)
					}
				}
			}
		}
	}
	t.Logf("%d samples of %d locales", checked, len(all))
}

// TestPluralRulesOfEachLocale: the rules locales.json gives each locale
// are the rules plurals.json gives its language (or the locale itself,
// as pt-PT), so the samples hold for what the pages carry.
func TestPluralRulesOfEachLocale(t *testing.T) {
	all := readSamples(t)
	for tag, d := range readLocales(t) {
		key := tag
		for {
			if _, ok := all[key]; ok {
				break
			}
			i := strings.LastIndexByte(key, '-')
			if i < 0 {
				key = ""
				break
			}
			key = key[:i]
		}
		if key == "" {
			if len(d.PluralRules) != 1 || d.PluralRules["other"] != "" {
				t.Errorf("%s: no rules in CLDR, but locales.json has %v", tag, d.PluralRules)
			}
			continue
		}
		for cat, s := range all[key] {
			if got, ok := d.PluralRules[cat]; !ok || got != s.Rule {
				t.Errorf("%s: rule for %s is %q, CLDR's %s has %q", tag, cat, got, key, s.Rule)
			}
		}
		if len(d.PluralRules) != len(all[key]) {
			t.Errorf("%s: %d categories, CLDR's %s has %d", tag, len(d.PluralRules), key, len(all[key]))
		}
	}
}

// TestPluralOf: numbers as the widget writes them, in the languages the
// design names.
func TestPluralOf(t *testing.T) {
	locales := readLocales(t)
	for _, tc := range []struct{ tag, n, want string }{
		{"en", "1", "one"}, {"en", "1.0", "other"}, {"en", "5", "other"},
		{"uk", "1", "one"}, {"uk", "3", "few"}, {"uk", "5", "many"}, {"uk", "21", "one"}, {"uk", "13.8", "other"},
		{"ar", "0", "zero"}, {"ar", "2", "two"}, {"ar", "103", "few"}, {"ar", "111", "many"}, {"ar", "100", "other"},
		{"fr", "0", "one"}, {"fr", "1.5", "one"}, {"fr", "1000000", "many"}, {"fr", "2", "other"},
		{"pl", "22", "few"}, {"pl", "12", "many"}, {"pl", "1.5", "other"},
		{"ja", "1", "other"}, {"pt", "0", "one"}, {"pt-PT", "0", "other"},
		{"en", "-1", "one"}, {"en", "x", "other"}, {"en", "", "other"}, {"en", "1.", "other"},
	} {
		d, ok := locales[tc.tag]
		if !ok {
			t.Fatalf("no locale %s", tc.tag)
		}
		if got := d.PluralOf(tc.n); got != tc.want {
			t.Errorf("%s: PluralOf(%q) = %s, want %s", tc.tag, tc.n, got, tc.want)
		}
	}
	if got := locales["uk"].PluralCategories(); strings.Join(got, " ") != "one few many other" {
		t.Errorf("uk categories %v", got)
	}
}

func readLocales(t *testing.T) map[string]Data {
	t.Helper()
	b, err := os.ReadFile("locales.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]Data
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("locales.json: %v", err)
	}
	return m
}
