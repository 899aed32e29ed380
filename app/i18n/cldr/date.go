package cldr

import (
	"strings"
	"time"
)

// Date writes t's wall-clock fields (in t's location) by a CLDR date
// pattern, such as Patterns["yMMMd"]: G era; y year (yy: two digits);
// M and L month (1: number, 2: two digits, 3: abbreviated, 4: wide; L
// the stand-alone names); d day; H, h (1-12), K (0-11), k (1-24) hour;
// m minute; a am or pm; B the flexible day period; '…' a literal (” a quote). Any other
// character is itself. Numbers are written in the locale's digits.
func (d Data) Date(t time.Time, pattern string) string {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		c := pattern[i]
		if c == '\'' {
			i = d.quoted(&b, pattern, i)
			continue
		}
		if !isLetter(c) {
			b.WriteByte(c)
			i++
			continue
		}
		n := 1
		for i+n < len(pattern) && pattern[i+n] == c {
			n++
		}
		i += n
		d.field(&b, t, c, n)
	}
	return b.String()
}

// quoted writes the literal that starts with the quote at i, and returns
// the index after it.
func (d Data) quoted(b *strings.Builder, pattern string, i int) int {
	if i+1 < len(pattern) && pattern[i+1] == '\'' {
		b.WriteByte('\'')
		return i + 2
	}
	for i++; i < len(pattern); i++ {
		if pattern[i] != '\'' {
			b.WriteByte(pattern[i])
			continue
		}
		if i+1 < len(pattern) && pattern[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		return i + 1
	}
	return i
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// field writes one pattern field: letter c repeated n times.
func (d Data) field(b *strings.Builder, t time.Time, c byte, n int) {
	year := t.Year()
	switch c {
	case 'G':
		if year <= 0 {
			b.WriteString(d.Eras[0])
		} else {
			b.WriteString(d.Eras[1])
		}
	case 'y':
		if year <= 0 {
			year = 1 - year // the year of the era before year 1
		}
		if n == 2 {
			b.WriteString(d.pad(year%100, 2))
		} else {
			b.WriteString(d.pad(year, n))
		}
	case 'M', 'L':
		m := int(t.Month()) - 1
		switch {
		case n <= 2:
			b.WriteString(d.pad(m+1, n))
		case n == 3:
			b.WriteString(pick(d.Months.Abbr, d.Months.StandAbbr, c == 'L', m))
		default:
			b.WriteString(pick(d.Months.Wide, d.Months.StandWide, c == 'L', m))
		}
	case 'd':
		b.WriteString(d.pad(t.Day(), n))
	case 'H':
		b.WriteString(d.pad(t.Hour(), n))
	case 'k':
		b.WriteString(d.pad((t.Hour()+23)%24+1, n))
	case 'h':
		b.WriteString(d.pad((t.Hour()+11)%12+1, n))
	case 'K':
		b.WriteString(d.pad(t.Hour()%12, n))
	case 'm':
		b.WriteString(d.pad(t.Minute(), n))
	case 's':
		b.WriteString(d.pad(t.Second(), n))
	case 'B':
		b.WriteString(d.flex(t.Hour()*60 + t.Minute()))
	case 'a', 'b':
		b.WriteString(d.DayPeriods[t.Hour()/12])
	default:
		// A field this package does not write (a weekday, a zone) is
		// left out rather than shown as letters.
	}
}

// pick is month m of the format names, or of the stand-alone names when
// asked and the locale has its own.
func pick(format, standAlone []string, alone bool, m int) string {
	names := format
	if alone && len(standAlone) == 12 {
		names = standAlone
	}
	if m < 0 || m >= len(names) {
		return ""
	}
	return names[m]
}

// flex is the flexible day period of a minute of the day, else am or pm.
func (d Data) flex(minute int) string {
	name := d.DayPeriods[minute/720]
	for _, p := range d.Flex {
		if p.From <= minute {
			name = p.Name
		}
	}
	return name
}
