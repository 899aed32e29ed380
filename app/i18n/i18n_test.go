package i18n

import (
	"strings"
	"testing"
	"time"

	"explainer/app/story"
)

// TestCataloguesComplete holds every language to the English catalogue,
// and checks that each translation takes the same arguments.
func TestCataloguesComplete(t *testing.T) {
	for _, lang := range Locales {
		for _, key := range Keys() {
			if !Has(lang, key) {
				t.Errorf("%s has no text for %q", lang, key)
				continue
			}
			if got, want := strings.Count(catalog[lang][key], "%"), strings.Count(catalog[English][key], "%"); got != want {
				t.Errorf("%s %q has %d verbs; English has %d", lang, key, got, want)
			}
		}
		for key := range catalog[lang] {
			if !Has(English, key) {
				t.Errorf("%s has %q, which English lacks", lang, key)
			}
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		in   string
		want Locale
		ok   bool
	}{
		{"en", English, true}, {"uk", Ukrainian, true}, {"uk-UA", Ukrainian, true}, {"EN-gb", English, true},
		{"fr", English, false}, {"", English, false},
	}
	for _, tt := range tests {
		if got, ok := Match(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("Match(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTFallsBack(t *testing.T) {
	if got := T("fr", "nav.next"); got != "Next" {
		t.Errorf("T(fr, nav.next) = %q; want the English text", got)
	}
	if got := T(English, "no.such.key"); got != "no.such.key" {
		t.Errorf("T(missing) = %q; want the key itself", got)
	}
	if got := T(English, "timeline.position", 3, 9); got != "Event 3 of 9" {
		t.Errorf("T(timeline.position) = %q", got)
	}
}

// moments parses a tiny story to get Moments resolved the way Parse does.
func moments(t *testing.T, starts ...string) []story.Moment {
	t.Helper()
	var events []string
	for i, s := range starts {
		events = append(events, `{"id":"e`+string(rune('a'+i))+`","headline":"H","start":`+s+`}`)
	}
	s, err := story.Parse("t.json", []byte(`{"id":"s","title":"T","language":"en","events":[`+strings.Join(events, ",")+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	out := make([]story.Moment, len(s.Events))
	for i, id := range []string{"ea", "eb", "ec", "ed", "ee", "ef", "eg", "eh"}[:len(starts)] {
		out[i] = s.Event(story.Ref(id)).Start
	}
	return out
}

func TestFormatMoment(t *testing.T) {
	tests := []struct {
		moment string
		en, uk string
	}{
		{`{"date":"2019"}`, "2019", "2019"},
		{`{"date":"2019-12"}`, "December 2019", "грудень 2019"},
		{`{"date":"2019-12-09","zone":"Europe/Paris"}`, "9 Dec 2019", "9 грудня 2019"},
		{`{"date":"2025-03-01","approximate":true}`, "about 1 Mar 2025", "близько 1 березня 2025"},
		{`{"date":"2025-02-28","partOfDay":"evening","zone":"America/New_York"}`, "28 Feb 2025, evening", "28 лютого 2025, увечері"},
		{`{"date":"2025-02-28T13","zone":"America/New_York"}`, "28 Feb 2025, between 13:00 and 14:00 EST", "28 лютого 2025, між 13:00 і 14:00 EST"},
		{`{"date":"2025-02-28T13:40","approximate":true,"zone":"America/New_York"}`, "28 Feb 2025, about 13:40 EST", "28 лютого 2025, близько 13:40 EST"},
		{`{"date":"2025-02-28T22:57","zone":"Europe/Kyiv"}`, "28 Feb 2025, 22:57 EET", "28 лютого 2025, 22:57 EET"},
		{`{"date":"2025-07-01T09:00","zone":"Europe/London"}`, "1 Jul 2025, 09:00 BST", "1 липня 2025, 09:00 BST"},
		{`{"date":"2025-02-28","text":"The night of 28 February"}`, "The night of 28 February", "The night of 28 February"},
	}
	for _, tt := range tests {
		m := moments(t, tt.moment)[0]
		if got := FormatMoment(English, m); got != tt.en {
			t.Errorf("FormatMoment(en, %s) = %q; want %q", tt.moment, got, tt.en)
		}
		if got := FormatMoment(Ukrainian, m); got != tt.uk {
			t.Errorf("FormatMoment(uk, %s) = %q; want %q", tt.moment, got, tt.uk)
		}
	}
}

func TestFormatSpan(t *testing.T) {
	tests := []struct {
		start, end string
		want       string
	}{
		{`{"date":"2025-02-28T22:57","approximate":true,"zone":"Europe/Kyiv"}`, `{"date":"2025-03-01T00:23","approximate":true,"zone":"Europe/Kyiv"}`,
			"28 Feb 2025, about 22:57 – 1 Mar 2025, about 00:23 EET"},
		{`{"date":"2025-02-28","partOfDay":"late-morning","zone":"America/New_York"}`, `{"date":"2025-02-28T13:40","approximate":true,"zone":"America/New_York"}`,
			"28 Feb 2025, late morning – about 13:40 EST"},
		{`{"date":"2025-02-28T10:00","zone":"America/New_York"}`, `{"date":"2025-02-28T17:00","zone":"Europe/Kyiv"}`,
			"28 Feb 2025, 10:00 EST – 17:00 EET"},
		{`{"date":"2025-03-01"}`, `{"date":"2025-03-02"}`, "1 Mar 2025 – 2 Mar 2025"},
		{`{"date":"2025-03-01"}`, `{"date":"2025-03-01"}`, "1 Mar 2025"},
	}
	for _, tt := range tests {
		m := moments(t, tt.start, tt.end)
		if got := FormatSpan(English, m[0], &m[1]); got != tt.want {
			t.Errorf("FormatSpan(%s, %s) = %q; want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

func TestMachineTime(t *testing.T) {
	tests := []struct{ moment, want string }{
		{`{"date":"2019"}`, "2019"},
		{`{"date":"2019-12"}`, "2019-12"},
		{`{"date":"2025-02-28","partOfDay":"evening","zone":"America/New_York"}`, "2025-02-28"},
		{`{"date":"2025-02-28T13:40","zone":"America/New_York"}`, "2025-02-28T13:40-05:00"},
	}
	for _, tt := range tests {
		if got := MachineTime(moments(t, tt.moment)[0]); got != tt.want {
			t.Errorf("MachineTime(%s) = %q; want %q", tt.moment, got, tt.want)
		}
	}
}

func TestFormatGap(t *testing.T) {
	day := 24 * time.Hour
	tests := []struct {
		d      time.Duration
		en, uk string
	}{
		{5*365*day + 80*day, "5 years", "5 р."},
		{400 * day, "1 year", "1 рік"},
		{95 * day, "3 months", "3 міс."},
		{12 * day, "12 days", "12 дн."},
		{3 * time.Hour, "1 day", "1 день"},
	}
	for _, tt := range tests {
		if got := FormatGap(English, tt.d); got != tt.en {
			t.Errorf("FormatGap(en, %v) = %q; want %q", tt.d, got, tt.en)
		}
		if got := FormatGap(Ukrainian, tt.d); got != tt.uk {
			t.Errorf("FormatGap(uk, %v) = %q; want %q", tt.d, got, tt.uk)
		}
	}
}
