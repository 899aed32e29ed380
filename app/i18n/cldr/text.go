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
	return strings.ReplaceAll(p, "{0}", d.Number(n))
}

// List joins items by the locale's list patterns: "A, B, and C".
func (d Data) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return d.join(d.Lists.Two, items[0], items[1])
	}
	n := len(items)
	s := d.join(d.Lists.End, items[n-2], items[n-1])
	for i := n - 3; i > 0; i-- {
		s = d.join(d.Lists.Middle, items[i], s)
	}
	return d.join(d.Lists.Start, items[0], s)
}

// join fills a list pattern. Like ICU, it writes Spanish "y" as "e"
// before an i sound, and Hebrew "ו" as "ו-" before a word not in Hebrew
// letters: rules of the languages that CLDR's patterns cannot say.
func (d Data) join(pattern, a, b string) string {
	lang, _, _ := strings.Cut(d.Tag, "-")
	switch {
	case lang == "es" && strings.Contains(pattern, " y {1}") && iSound(b):
		pattern = strings.Replace(pattern, " y {1}", " e {1}", 1)
	case lang == "he" && strings.Contains(pattern, "ו{1}") && !hebrew(b):
		pattern = strings.Replace(pattern, "ו{1}", "ו-{1}", 1)
	}
	return strings.NewReplacer("{0}", a, "{1}", b).Replace(pattern)
}

// iSound: the word starts with "i" or "hi", but not "hia", "hie", "hio",
// "hiu" ("hielo" takes "y"), as ICU reads it.
func iSound(s string) bool {
	s = strings.ToLower(s)
	if strings.HasPrefix(s, "i") || strings.HasPrefix(s, "í") {
		return true
	}
	if rest, ok := strings.CutPrefix(s, "hi"); ok {
		return rest == "" || !strings.ContainsAny(rest[:1], "aeiou")
	}
	rest, ok := strings.CutPrefix(s, "hí")
	return ok && (rest == "" || !strings.ContainsAny(rest[:1], "aeiou"))
}

// hebrew: the text starts with a letter of the Hebrew alphabet.
func hebrew(s string) bool {
	for _, r := range s {
		return r >= 0x05D0 && r <= 0x05EA
	}
	return false
}

// Interval writes a span from a to b: "1990 – 1995".
func (d Data) Interval(a, b string) string {
	return strings.NewReplacer("{0}", a, "{1}", b).Replace(d.IntervalFallback)
}

// GMTOffset names an offset from UTC in seconds by CLDR's short
// localized GMT format: "GMT-5", "GMT+5:30", "GMT+0" — the hour without
// a leading zero, the minutes only when not zero. Zero is written like
// any offset: CLDR 47 stopped using gmtZeroFormat ("GMT"), and ICU
// followed (CLDR-18280, ICU-23157).
func (d Data) GMTOffset(seconds int) string {
	plus, minus, _ := strings.Cut(d.GMT.Hour, ";")
	p := plus
	if seconds < 0 {
		p, seconds = minus, -seconds
	}
	h, m := seconds/3600, seconds/60%60
	if m == 0 {
		// Whole hours: the pattern up to the hour, as ICU cuts it.
		if mm := strings.Index(p, "mm"); mm >= 0 {
			if hh := strings.LastIndexByte(p[:mm], 'H'); hh >= 0 {
				p = p[:hh+1]
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(p); {
		c := p[i]
		n := 1
		for i+n < len(p) && p[i+n] == c && (c == 'H' || c == 'm') {
			n++
		}
		switch c {
		case 'H':
			b.WriteString(d.pad(h, 1))
		case 'm':
			b.WriteString(d.pad(m, 2))
		default:
			b.WriteByte(c)
		}
		i += n
	}
	return strings.Replace(d.GMT.Format, "{0}", b.String(), 1)
}
