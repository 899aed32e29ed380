package cldr

import "strings"

// Duration writes n of a unit ("year", "month", "day") by the locale's
// long unit pattern for n's plural category: "5 years", "1 año", "سنتان".
func (d Data) Duration(unit string, n int) string {
	patterns := d.Units[unit]
	p, ok := patterns[d.PluralInt(n)]
	if !ok {
		p = patterns["other"]
	}
	return fill(p, d.Number(n), "")
}

// List joins items by the locale's list patterns: "A, B, and C".
func (d Data) List(items []string) string {
	n := len(items)
	switch n {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return d.join(d.Lists.Two, items[0], items[1])
	}
	s := d.join(d.Lists.End, items[n-2], items[n-1])
	for i := n - 3; i > 0; i-- {
		s = d.join(d.Lists.Middle, items[i], s)
	}
	return d.join(d.Lists.Start, items[0], s)
}

// join fills a list pattern. Like ICU, it writes Spanish "y" as "e"
// before an i sound ("hi" but not "hia", "hie"...: "Ana e Inés", "agua y
// hielo"), and Hebrew "ו" as "ו-" before a word not in Hebrew letters:
// rules of the languages that CLDR's patterns cannot say.
func (d *Data) join(pattern, a, b string) string {
	lang, _, _ := strings.Cut(d.Tag, "-")
	switch {
	case lang == "es" && iSound(b):
		pattern = strings.Replace(pattern, " y {1}", " e {1}", 1)
	case lang == "he" && !(b >= "א" && b < "\u05eb"):
		pattern = strings.Replace(pattern, "ו{1}", "ו-{1}", 1)
	}
	return fill(pattern, a, b)
}

// iSound: the word starts with "i", "í", or "hi" not followed by a
// vowel, in either case.
func iSound(s string) bool {
	if len(s) > 1 && (s[0] == 'h' || s[0] == 'H') {
		s = s[1:]
		if len(s) > 1 && strings.IndexByte("aeiouAEIOU\xc3", s[1]) >= 0 {
			return false // hia, hie, hio, hiu, hiá...: a diphthong, "y" stays
		}
	}
	return strings.HasPrefix(s, "i") || strings.HasPrefix(s, "I") || strings.HasPrefix(s, "í") || strings.HasPrefix(s, "Í")
}

// fill puts a and b for {0} and {1} in a pattern, in whatever order the
// pattern has them (a may itself hold "{1}": it is not read again).
func fill(pattern, a, b string) string {
	if x, y, ok := strings.Cut(pattern, "{0}"); ok {
		return fill(x, "", b) + a + fill(y, "", b)
	}
	return strings.Replace(pattern, "{1}", b, 1)
}

// Interval writes a span from a to b: "1990 – 1995".
func (d Data) Interval(a, b string) string {
	return fill(d.IntervalFallback, a, b)
}

// GMTOffset names an offset from UTC in seconds by CLDR's short
// localized GMT format: "GMT-5", "GMT+5:30", "GMT+0" — the hour without
// a leading zero, the minutes only when not zero. Zero is written like
// any offset: CLDR 47 stopped using gmtZeroFormat ("GMT"), and ICU
// followed (CLDR-18280, ICU-23157).
func (d Data) GMTOffset(seconds int) string {
	p, minus, _ := strings.Cut(d.GMT.Hour, ";")
	if seconds < 0 {
		p, seconds = minus, -seconds
	}
	h, m := seconds/3600, seconds/60%60
	mm := strings.Index(p, "mm")
	if m == 0 && mm >= 0 {
		// Whole hours: the pattern up to the hour, as ICU cuts it.
		p = p[:strings.LastIndexByte(p[:mm], 'H')+1]
	} else if mm >= 0 {
		p = p[:mm] + d.pad(m, 2) + p[mm+2:]
	}
	p = strings.Replace(strings.Replace(p, "HH", "H", 1), "H", d.pad(h, 1), 1)
	return fill(d.GMT.Format, p, "")
}
