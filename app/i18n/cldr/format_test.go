package cldr

import (
	"math"
	"testing"
	"time"
)

// TestFormats: the fields and cases ICU's table does not reach: eras and
// years before year 1, quoted literals, two-digit years, Latin digits,
// rounding, the sign of zero, lists of one, offsets of zero.
func TestFormats(t *testing.T) {
	locales := readLocales(t)
	loc := func(tag string) Data {
		d, ok := locales[tag]
		if !ok {
			t.Fatalf("no locale %s", tag)
		}
		return d
	}
	date := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name, got, want string
	}{
		{"en Gy CE", loc("en").Date(date(2025, 2, 28, 0, 0), loc("en").Patterns["Gy"]), "2025 CE"},
		{"en Gy BCE", loc("en").Date(date(-43, 3, 15, 0, 0), loc("en").Patterns["Gy"]), "44 BCE"},
		{"en year 0 is 1 BCE", loc("en").Date(date(0, 1, 1, 0, 0), "y G"), "1 BCE"},
		{"uk Gy BCE", loc("uk").Date(date(-43, 3, 15, 0, 0), loc("uk").Patterns["Gy"]), "44 до н. е."},
		{"yy", loc("en").Date(date(2005, 1, 1, 0, 0), "yy"), "05"},
		{"yyyy", loc("en").Date(date(33, 1, 1, 0, 0), "yyyy"), "0033"},
		{"quoted", loc("en").Date(date(2025, 2, 28, 0, 0), "d 'of' MMMM, 'o''clock' ''"), "28 of February, o'clock '"},
		{"unclosed quote", loc("en").Date(date(2025, 2, 28, 0, 0), "d 'de"), "28 de"},
		{"MM dd HH mm", loc("en").Date(date(2025, 2, 8, 7, 5), "MM/dd HH:mm"), "02/08 07:05"},
		{"h at noon and midnight", loc("en").Date(date(2025, 2, 8, 0, 5), "h a") + ", " + loc("en").Date(date(2025, 2, 8, 12, 5), "h a"), "12 AM, 12 PM"},
		{"K k", loc("en").Date(date(2025, 2, 8, 0, 5), "K k"), "0 24"},
		{"stand-alone month", loc("ru").Date(date(2025, 2, 8, 0, 0), "LLLL"), "февраль"},
		{"format month", loc("ru").Date(date(2025, 2, 8, 0, 0), "d MMMM"), "8 февраля"},
		{"unknown field left out", loc("en").Date(date(2025, 2, 8, 0, 0), "EEEE d"), " 8"},
		{"fa digits", loc("fa").Date(date(2025, 2, 8, 0, 0), "y/M/d"), "۲۰۲۵/۲/۸"},
		{"fa Latin digits", loc("fa").WithLatinDigits().Number(1234567), "1,234,567"},
		{"ar-EG digits", loc("ar-EG").Number(12500), "١٢٬٥٠٠"},
		{"ar-EG Latin digits", loc("ar-EG").WithLatinDigits().Number(12500), "12,500"},
		{"en Latin digits unchanged", loc("en").WithLatinDigits().Number(12500), "12,500"},
		{"es 4 digits", loc("es").Number(2500), "2500"},
		{"es 5 digits", loc("es").Number(12500), "12.500"},
		{"hi lakh", loc("hi").Number(123456789), "12,34,56,789"},
		{"min int", loc("en").Number(math.MinInt64), "-9,223,372,036,854,775,808"},
		{"decimal 0.25", loc("en").Decimal(0.25, 1), "0.3"},
		{"decimal 0.95", loc("en").Decimal(0.95, 1), "1"},
		{"decimal 9.96", loc("en").Decimal(9.96, 1), "10"},
		{"decimal 99999.99", loc("en").Decimal(99999.99, 1), "100,000"},
		{"decimal -0.01", loc("en").Decimal(-0.01, 1), "0"},
		{"decimal -13.8", loc("de").Decimal(-13.8, 1), "-13,8"},
		{"decimal 0 digits", loc("en").Decimal(13.5, 0), "14"},
		{"decimal huge", loc("en").Decimal(1e21, 1), "1,000,000,000,000,000,000,000"},
		{"uk duration", loc("uk").Duration("year", 5), "5 років"},
		{"ar duration two", loc("ar").Duration("year", 2), "سنتان"},
		{"duration of an unknown unit", loc("en").Duration("week", 2), ""},
		{"list item with a placeholder", loc("en").List([]string{"{1}", "B"}), "{1} and B"},
		{"es y before I", loc("es").List([]string{"Ana", "Inés"}), "Ana e Inés"},
		{"es y before hia", loc("es").List([]string{"Ana", "hiato"}), "Ana y hiato"},
		{"list none", loc("en").List(nil), ""},
		{"list one", loc("en").List([]string{"Ana"}), "Ana"},
		{"es y before hi", loc("es").List([]string{"Ana", "Hilda"}), "Ana e Hilda"},
		{"es y before hie", loc("es").List([]string{"Ana", "Hielo"}), "Ana y Hielo"},
		{"he ו before Hebrew", loc("he").List([]string{"דן", "רות"}), "דן ורות"},
		{"interval", loc("en").Interval("1990", "1995"), "1990\u2009–\u20091995"},
		{"GMT 0", loc("en").GMTOffset(0), "GMT+0"},
		{"GMT -9:30", loc("en").GMTOffset(-34200), "GMT-9:30"},
		{"GMT +14", loc("en").GMTOffset(14 * 3600), "GMT+14"},
		{"fr UTC", loc("fr").GMTOffset(-5 * 3600), "UTC−5"},
	} {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}
