package cldr

import "time"

// Date writes t's wall-clock fields (in t's location) by a CLDR date
// pattern, such as Patterns["yMMMd"]: G era; y year (yy: two digits);
// M and L month (1: number, 2: two digits, 3: abbreviated, 4: wide; L
// the stand-alone names); d day; H, h (1-12), K (0-11), k (1-24) hour;
// m minute; s second; a am or pm; B the flexible day period; '…' a
// literal (” a quote). Any other letter (a weekday, a zone) is left
// out; any other character is itself. Numbers are in the locale's
// digits.
func (d Data) Date(t time.Time, pattern string) string {
	year, month, day := t.Date()
	hour, minute, second := t.Clock()
	era := 1
	if year <= 0 {
		era, year = 0, 1-year // the year of the era before year 1
	}
	var b []byte
	for i := 0; i < len(pattern); {
		c := pattern[i]
		if c == '\'' {
			i = quoted(&b, pattern, i)
			continue
		}
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			b = append(b, c)
			i++
			continue
		}
		n := 1
		for i+n < len(pattern) && pattern[i+n] == c {
			n++
		}
		i += n
		num, width, text := -1, n, ""
		switch c {
		case 'G':
			text = d.Eras[era]
		case 'y':
			num = year
			if n == 2 {
				num %= 100
			}
		case 'M', 'L':
			num = int(month)
			if n > 2 {
				text = d.month(c == 'L', n == 3, num-1)
			}
		case 'd':
			num = day
		case 'H':
			num = hour
		case 'k':
			num = (hour+23)%24 + 1
		case 'h':
			num = (hour+11)%12 + 1
		case 'K':
			num = hour % 12
		case 'm':
			num = minute
		case 's':
			num = second
		case 'a', 'b':
			text = d.DayPeriods[hour/12]
		case 'B':
			text = d.flex(hour*60 + minute)
		}
		if text == "" && num >= 0 {
			text = d.pad(num, width)
		}
		b = append(b, text...)
	}
	return string(b)
}

// quoted appends the literal that starts with the quote at i, and
// returns the index after it.
func quoted(b *[]byte, pattern string, i int) int {
	if i+1 < len(pattern) && pattern[i+1] == '\'' {
		*b = append(*b, '\'')
		return i + 2
	}
	for i++; i < len(pattern); i++ {
		if pattern[i] != '\'' {
			*b = append(*b, pattern[i])
			continue
		}
		if i+1 < len(pattern) && pattern[i+1] == '\'' {
			*b = append(*b, '\'')
			i++
			continue
		}
		return i + 1
	}
	return i
}

// month is the name of month m (0-11): format or stand-alone (where the
// locale has its own), abbreviated or wide.
func (d *Data) month(alone, abbr bool, m int) string {
	names := d.Months.Wide
	if alone && len(d.Months.StandWide) == 12 {
		names = d.Months.StandWide
	}
	if abbr {
		names = d.Months.Abbr
		if alone && len(d.Months.StandAbbr) == 12 {
			names = d.Months.StandAbbr
		}
	}
	if m < 0 || m >= len(names) {
		return ""
	}
	return names[m]
}

// flex is the flexible day period of a minute of the day, else am or pm.
func (d *Data) flex(minute int) string {
	name := d.DayPeriods[minute/720]
	for _, p := range d.Flex {
		if p.From <= minute {
			name = p.Name
		}
	}
	return name
}
