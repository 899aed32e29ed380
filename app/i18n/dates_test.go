//go:build !wasm

package i18n

import "testing"

// Dates as each language writes them: CLDR's patterns, month names,
// digits, eras and zone formats (package cldr checks those against ICU for
// every locale); this checks what this package builds around them.
func TestFormatMoment(t *testing.T) {
	tests := []struct {
		moment string
		want   map[Locale]string
	}{
		{`{"date":"2019"}`, map[Locale]string{"en": "2019", "ja": "2019年", "fa": "۲۰۱۹"}},
		{`{"date":"2019-12"}`, map[Locale]string{"en": "December 2019", "uk": "грудень 2019\u202fр.", "es": "diciembre de 2019"}},
		{`{"date":"2019-12-09","zone":"Europe/Paris"}`, map[Locale]string{"en": "Dec 9, 2019", "en-GB": "9 Dec 2019", "uk": "9 груд. 2019\u202fр.", "de": "9. Dez. 2019", "ar": "9 ديسمبر 2019"}},
		{`{"date":"-500"}`, map[Locale]string{"en": "500 BCE", "uk": "500 до н. е."}},
		{`{"date":"0033"}`, map[Locale]string{"en": "33 CE", "zh-Hant": "公元33年"}},
		{`{"date":"1000"}`, map[Locale]string{"en": "1000"}},
		{`{"date":"-66000000"}`, map[Locale]string{"en": "66 million years ago", "uk": "66 млн років тому", "de": "vor 66 Millionen Jahren"}},
		{`{"date":"-13800000000","approximate":true}`, map[Locale]string{"en": "about 13.8 billion years ago", "uk": "приблизно 13,8 млрд років тому"}},
		{`{"date":"2025-03-01","approximate":true}`, map[Locale]string{"en": "about Mar 1, 2025"}},
		{`{"date":"2025-02-28","partOfDay":"evening","zone":"America/New_York"}`, map[Locale]string{"en": "Feb 28, 2025, evening", "uk": "28 лют. 2025\u202fр., увечері", "ar": "28 فبراير 2025، مساءً", "ja": "2025年2月28日 夜"}},
		{`{"date":"2025-02-28T13","zone":"America/New_York"}`, map[Locale]string{"en": "Feb 28, 2025, between 1:00\u202fPM and 2:00\u202fPM EST", "en-GB": "28 Feb 2025, between 13:00 and 14:00 EST", "uk": "28 лют. 2025\u202fр., з 13:00 до 14:00 за вашингтонським часом", "de": "28. Feb. 2025, zwischen 13:00 und 14:00 GMT-5"}},
		{`{"date":"2025-02-28T13:40","approximate":true,"zone":"America/New_York"}`, map[Locale]string{"en": "Feb 28, 2025, about 1:40\u202fPM EST"}},
		{`{"date":"2025-02-28T22:57","zone":"Europe/Kyiv"}`, map[Locale]string{"en": "Feb 28, 2025, 10:57\u202fPM EET", "uk": "28 лют. 2025\u202fр., 22:57 за київським часом", "fa": "۲۸ فوریه ۲۰۲۵،\u200f ۲۲:۵۷ به وقت کی\u200cیف"}},
		{`{"date":"2025-02-28T13:40","zone":"Asia/Kolkata"}`, map[Locale]string{"en": "Feb 28, 2025, 1:40\u202fPM IST", "uk": "28 лют. 2025\u202fр., 13:40 GMT+5:30"}},
		{`{"date":"2025-02-28","text":"The night of 28 February"}`, map[Locale]string{"en": "The night of 28 February", "uk": "The night of 28 February"}},
	}
	for _, tt := range tests {
		m := moments(t, tt.moment)[0]
		for tag, want := range tt.want {
			p, _ := Lookup(tag)
			if got := p.FormatMoment(m); got != want {
				t.Errorf("%s %s = %q; want %q", tag, tt.moment, got, want)
			}
		}
	}
}

func TestFormatSpan(t *testing.T) {
	tests := []struct {
		tag        Locale
		start, end string
		want       string
	}{
		{"en-GB", `{"date":"2025-02-28T22:57","approximate":true,"zone":"Europe/Kyiv"}`, `{"date":"2025-03-01T00:23","approximate":true,"zone":"Europe/Kyiv"}`, "28 Feb 2025, about 22:57\u2009–\u20091 Mar 2025, about 00:23 EET"},
		{"en", `{"date":"2025-02-28","partOfDay":"late-morning","zone":"America/New_York"}`, `{"date":"2025-02-28T13:40","approximate":true,"zone":"America/New_York"}`, "Feb 28, 2025, late morning\u2009–\u2009about 1:40\u202fPM EST"},
		{"en-GB", `{"date":"2025-02-28T10:00","zone":"America/New_York"}`, `{"date":"2025-02-28T17:00","zone":"Europe/Kyiv"}`, "28 Feb 2025, 10:00 EST\u2009–\u200917:00 EET"},
		{"en", `{"date":"2025-03-01"}`, `{"date":"2025-03-02"}`, "Mar 1, 2025\u2009–\u2009Mar 2, 2025"},
		{"en", `{"date":"2025-03-01"}`, `{"date":"2025-03-01"}`, "Mar 1, 2025"},
		{"ja", `{"date":"2025-03-01"}`, `{"date":"2025-03-02"}`, "2025年3月1日～2025年3月2日"},
	}
	for _, tt := range tests {
		m := moments(t, tt.start, tt.end)
		p, _ := Lookup(tt.tag)
		if got := p.FormatSpan(m[0], &m[1]); got != tt.want {
			t.Errorf("%s FormatSpan(%s, %s) = %q; want %q", tt.tag, tt.start, tt.end, got, tt.want)
		}
	}
}

func TestMachineTime(t *testing.T) {
	tests := []struct{ moment, want string }{
		{moment: `{"date":"2019"}`, want: "2019"},
		{moment: `{"date":"2019-12"}`, want: "2019-12"},
		{moment: `{"date":"2025-02-28","partOfDay":"evening","zone":"America/New_York"}`, want: "2025-02-28"},
		{moment: `{"date":"2025-02-28T13:40","zone":"America/New_York"}`, want: "2025-02-28T13:40-05:00"},
		{moment: `{"date":"-500"}`, want: ""},
	}
	for _, tt := range tests {
		if got := MachineTime(moments(t, tt.moment)[0]); got != tt.want {
			t.Errorf("MachineTime(%s) = %q; want %q", tt.moment, got, tt.want)
		}
	}
}

func TestFormatGap(t *testing.T) {
	tests := []struct {
		days float64
		want map[Locale]string
	}{
		{5*365 + 80, map[Locale]string{"en": "5 years", "uk": "5 років", "ar": "5 سنوات"}},
		{400, map[Locale]string{"en": "1 year", "uk": "1 рік"}},
		{2 * 365.25, map[Locale]string{"en": "2 years", "uk": "2 роки", "ar": "سنتان"}},
		{21 * 365.25, map[Locale]string{"en": "21 years", "uk": "21 рік"}},
		{95, map[Locale]string{"en": "3 months", "uk": "3 місяці"}},
		{22, map[Locale]string{"en": "22 days", "uk": "22 дні", "fa": "۲۲ روز"}},
		{0.125, map[Locale]string{"en": "1 day"}},
		{66e6 * 365.25, map[Locale]string{"en": "66 million years", "uk": "66 млн років"}},
		{13.8e9 * 365.25, map[Locale]string{"en": "13.8 billion years", "uk": "13,8 млрд років"}},
	}
	for _, tt := range tests {
		for tag, want := range tt.want {
			p, _ := Lookup(tag)
			if got := p.FormatGap(tt.days); got != want {
				t.Errorf("%s FormatGap(%v) = %q; want %q", tag, tt.days, got, want)
			}
		}
	}
}
