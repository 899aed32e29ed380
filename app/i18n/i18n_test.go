package i18n

import (
	"strings"
	"testing"

	"explainer/app/story"
)

// TestCataloguesComplete holds every language to the English catalogue,
// and checks that each translation takes the same arguments.
func TestCataloguesComplete(t *testing.T) {
	for _, lang := range Locales {
		for _, key := range Keys() {
			if !has(lang, key) {
				t.Errorf("%s has no text for %q", lang, key)
				continue
			}
			if got, want := strings.Count(catalog[lang][key], "%"), strings.Count(catalog[English][key], "%"); got != want {
				t.Errorf("%s %q has %d verbs; English has %d", lang, key, got, want)
			}
		}
		for key := range catalog[lang] {
			if !has(English, key) {
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
		{in: "en", want: English, ok: true}, {in: "uk", want: Ukrainian, ok: true}, {in: "uk-UA", want: Ukrainian, ok: true}, {in: "EN-gb", want: English, ok: true},
		{in: "fr", want: English}, {want: English},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got, ok := Match(tt.in); got != tt.want || ok != tt.ok {
				t.Errorf("Match(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
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
		{moment: `{"date":"2019"}`, en: "2019", uk: "2019 р."},
		{moment: `{"date":"2019-12"}`, en: "December 2019", uk: "грудень 2019 р."},
		{moment: `{"date":"2019-12-09","zone":"Europe/Paris"}`, en: "9 Dec 2019", uk: "9 грудня 2019 р."},
		{moment: `{"date":"-500"}`, en: "500 BCE", uk: "500 р. до н. е."},
		{moment: `{"date":"-1"}`, en: "1 BCE", uk: "1 р. до н. е."},
		{moment: `{"date":"0033"}`, en: "33 CE", uk: "33 р. н. е."},
		{moment: `{"date":"0999"}`, en: "999 CE", uk: "999 р. н. е."},
		{moment: `{"date":"1000"}`, en: "1000", uk: "1000 р."},
		{moment: `{"date":"-12000"}`, en: "12,000 BCE", uk: "12\u00a0000 р. до н. е."},
		{moment: `{"date":"-66000000"}`, en: "66 million years ago", uk: "66 млн років тому"},
		{moment: `{"date":"-13800000000"}`, en: "13.8 billion years ago", uk: "13,8 млрд років тому"},
		{moment: `{"date":"-13800000000","approximate":true}`, en: "about 13.8 billion years ago", uk: "близько 13,8 млрд років тому"},
		{moment: `{"date":"2025-03-01","approximate":true}`, en: "about 1 Mar 2025", uk: "близько 1 березня 2025 р."},
		{moment: `{"date":"2025-02-28","partOfDay":"evening","zone":"America/New_York"}`, en: "28 Feb 2025, evening", uk: "28 лютого 2025 р., увечері"},
		{moment: `{"date":"2025-02-28T13","zone":"America/New_York"}`, en: "28 Feb 2025, between 13:00 and 14:00 EST", uk: "28 лютого 2025 р., з 13:00 до 14:00 за вашингтонським часом"},
		{moment: `{"date":"2025-02-28T13:40","approximate":true,"zone":"America/New_York"}`, en: "28 Feb 2025, about 13:40 EST", uk: "28 лютого 2025 р., близько 13:40 за вашингтонським часом"},
		{moment: `{"date":"2025-02-28T22:57","zone":"Europe/Kyiv"}`, en: "28 Feb 2025, 22:57 EET", uk: "28 лютого 2025 р., 22:57 за київським часом"},
		{moment: `{"date":"2025-07-01T09:00","zone":"Europe/London"}`, en: "1 Jul 2025, 09:00 BST", uk: "1 липня 2025 р., 09:00 за лондонським часом"},
		{moment: `{"date":"2025-02-28T13:40","zone":"America/Chicago"}`, en: "28 Feb 2025, 13:40 CST", uk: "28 лютого 2025 р., 13:40 UTC−6"},
		{moment: `{"date":"2025-02-28T13:40","zone":"Asia/Kolkata"}`, en: "28 Feb 2025, 13:40 IST", uk: "28 лютого 2025 р., 13:40 UTC+5:30"},
		{moment: `{"date":"2025-02-28","text":"The night of 28 February"}`, en: "The night of 28 February", uk: "The night of 28 February"},
	}
	for _, tt := range tests {
		t.Run(tt.moment, func(t *testing.T) {
			m := moments(t, tt.moment)[0]
			if got := FormatMoment(English, m); got != tt.en {
				t.Errorf("FormatMoment(en, %s) = %q; want %q", tt.moment, got, tt.en)
			}
			if got := FormatMoment(Ukrainian, m); got != tt.uk {
				t.Errorf("FormatMoment(uk, %s) = %q; want %q", tt.moment, got, tt.uk)
			}
		})
	}
}

func TestFormatSpan(t *testing.T) {
	tests := []struct {
		start, end string
		want       string
	}{
		{start: `{"date":"2025-02-28T22:57","approximate":true,"zone":"Europe/Kyiv"}`, end: `{"date":"2025-03-01T00:23","approximate":true,"zone":"Europe/Kyiv"}`, want: "28 Feb 2025, about 22:57 – 1 Mar 2025, about 00:23 EET"},
		{start: `{"date":"2025-02-28","partOfDay":"late-morning","zone":"America/New_York"}`, end: `{"date":"2025-02-28T13:40","approximate":true,"zone":"America/New_York"}`, want: "28 Feb 2025, late morning – about 13:40 EST"},
		{start: `{"date":"2025-02-28T10:00","zone":"America/New_York"}`, end: `{"date":"2025-02-28T17:00","zone":"Europe/Kyiv"}`, want: "28 Feb 2025, 10:00 EST – 17:00 EET"},
		{start: `{"date":"2025-03-01"}`, end: `{"date":"2025-03-02"}`, want: "1 Mar 2025 – 2 Mar 2025"},
		{start: `{"date":"2025-03-01"}`, end: `{"date":"2025-03-01"}`, want: "1 Mar 2025"},
	}
	for _, tt := range tests {
		t.Run(tt.start, func(t *testing.T) {
			m := moments(t, tt.start, tt.end)
			if got := FormatSpan(English, m[0], &m[1]); got != tt.want {
				t.Errorf("FormatSpan(%s, %s) = %q; want %q", tt.start, tt.end, got, tt.want)
			}
		})
	}
}

func TestMachineTime(t *testing.T) {
	tests := []struct{ moment, want string }{
		{moment: `{"date":"2019"}`, want: "2019"},
		{moment: `{"date":"2019-12"}`, want: "2019-12"},
		{moment: `{"date":"2025-02-28","partOfDay":"evening","zone":"America/New_York"}`, want: "2025-02-28"},
		{moment: `{"date":"2025-02-28T13:40","zone":"America/New_York"}`, want: "2025-02-28T13:40-05:00"},
	}
	for _, tt := range tests {
		t.Run(tt.moment, func(t *testing.T) {
			if got := MachineTime(moments(t, tt.moment)[0]); got != tt.want {
				t.Errorf("MachineTime(%s) = %q; want %q", tt.moment, got, tt.want)
			}
		})
	}
}

func TestFormatGap(t *testing.T) {
	tests := []struct {
		days   float64
		en, uk string
	}{
		{days: 5*365 + 80, en: "5 years", uk: "5 років"},
		{days: 400, en: "1 year", uk: "1 рік"},
		{days: 2 * 365.25, en: "2 years", uk: "2 роки"},
		{days: 21 * 365.25, en: "21 years", uk: "21 рік"},
		{days: 95, en: "3 months", uk: "3 місяці"},
		{days: 12, en: "12 days", uk: "12 днів"},
		{days: 22, en: "22 days", uk: "22 дні"},
		{days: 0.125, en: "1 day", uk: "1 день"},
		{days: 2500 * 365.25, en: "2500 years", uk: "2500 років"},
		{days: 66e6 * 365.25, en: "66 million years", uk: "66 млн років"},
		{days: 13.8e9 * 365.25, en: "13.8 billion years", uk: "13,8 млрд років"},
	}
	for _, tt := range tests {
		t.Run(tt.en, func(t *testing.T) {
			if got := FormatGap(English, tt.days); got != tt.en {
				t.Errorf("FormatGap(en, %v) = %q; want %q", tt.days, got, tt.en)
			}
			if got := FormatGap(Ukrainian, tt.days); got != tt.uk {
				t.Errorf("FormatGap(uk, %v) = %q; want %q", tt.days, got, tt.uk)
			}
		})
	}
}

// has reports whether lang has its own text for key.
func has(lang Locale, key Key) bool {
	_, ok := catalog[lang][key]
	return ok
}
