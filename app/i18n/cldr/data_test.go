package cldr

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLocalesAreWhole: every locale of locales.json has what the
// formatters read: ten digits of one length (local slices them by
// bytes), twelve names of each month list, each pattern, a rule for
// other and a unit pattern for other, lists and offsets with their
// placeholders.
func TestLocalesAreWhole(t *testing.T) {
	locales := readLocales(t)
	for tag, d := range locales {
		if d.Tag != tag || d.Name == "" || (d.Dir != "ltr" && d.Dir != "rtl") {
			t.Errorf("%s: tag %q, name %q, dir %q", tag, d.Tag, d.Name, d.Dir)
		}
		if d.Digits != "" {
			size := len(d.Digits) / 10
			if utf8.RuneCountInString(d.Digits) != 10 || len(d.Digits)%10 != 0 {
				t.Errorf("%s: digits %q are not ten runes of one length", tag, d.Digits)
			}
			for i := range 10 {
				if r, n := utf8.DecodeRuneInString(d.Digits[i*size:]); n != size || r == utf8.RuneError {
					t.Errorf("%s: digit %d of %q", tag, i, d.Digits)
				}
			}
			if len(d.Latn) != 3 {
				t.Errorf("%s: no separators for Latin digits", tag)
			}
		}
		if d.DecimalSep == "" || d.GroupSep == "" || d.Minus == "" || d.MinGroup < 1 {
			t.Errorf("%s: separators %q %q %q, minimum grouping %d", tag, d.DecimalSep, d.GroupSep, d.Minus, d.MinGroup)
		}
		for name, list := range map[string][]string{"abbr": d.Months.Abbr, "wide": d.Months.Wide} {
			if len(list) != 12 || strings.Contains(strings.Join(list, "\x00")+"\x00", "\x00\x00") {
				t.Errorf("%s: months %s: %q", tag, name, list)
			}
		}
		for name, list := range map[string][]string{"sAbbr": d.Months.StandAbbr, "sWide": d.Months.StandWide} {
			if list != nil && len(list) != 12 {
				t.Errorf("%s: months %s: %d names", tag, name, len(list))
			}
		}
		for _, p := range []string{"yMMMd", "yMMMM", "y", "Gy", "time"} {
			if d.Patterns[p] == "" {
				t.Errorf("%s: no pattern %s", tag, p)
			}
		}
		if strings.Contains(d.Patterns["time"], "B") && len(d.Flex) == 0 {
			t.Errorf("%s: the time pattern writes day periods, the locale has none", tag)
		}
		if rule, ok := d.PluralRules["other"]; !ok || rule != "" {
			t.Errorf("%s: rule for other: %q, %v", tag, rule, ok)
		}
		for _, unit := range []string{"year", "month", "day"} {
			if d.Units[unit]["other"] == "" {
				t.Errorf("%s: no %s pattern for other", tag, unit)
			}
		}
		for _, p := range []string{d.Lists.Two, d.Lists.Start, d.Lists.Middle, d.Lists.End, d.IntervalFallback, d.DateTime} {
			if !strings.Contains(p, "{0}") || !strings.Contains(p, "{1}") {
				t.Errorf("%s: pattern %q lacks {0} or {1}", tag, p)
			}
		}
		if !strings.Contains(d.GMT.Format, "{0}") || !strings.Contains(d.GMT.Hour, "H") || !strings.Contains(d.GMT.Hour, ";") {
			t.Errorf("%s: GMT formats %q %q", tag, d.GMT.Format, d.GMT.Hour)
		}
		if d.Eras[0] == "" || d.Eras[1] == "" || d.DayPeriods[0] == "" || d.DayPeriods[1] == "" {
			t.Errorf("%s: eras %q, day periods %q", tag, d.Eras, d.DayPeriods)
		}
	}
}
