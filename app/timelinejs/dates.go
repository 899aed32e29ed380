package timelinejs

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"explainer/app/story"
)

// when is a date read from the input, as numbers, with how much of it
// the input gave; it orders dates and writes the story's Moment.
type when struct {
	year                     int64 // astronomical: 0 is 1 BCE, -1 is 2 BCE
	month, day, hour, minute int   // 0 when not given
	hasTime, hasMinute       bool
	text                     string // the date's display text
}

// maxYearsAgo is the age of the universe, the farthest a story goes.
const maxYearsAgo = 13_800_000_000

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// readDate reads a TimelineJS date; ok is false (with an error reported)
// when it is not a date.
func (c *converter) readDate(d *tdate, what string) (w when, ok bool) {
	year, month, day, hour, minute := d.year, d.month, d.day, d.hour, d.minute
	if d.text.s != "" {
		parts, good := splitDateText(d.text.s)
		if !good {
			c.errorAt(d.text.at, "%q is not a date: write it as a year (1969, -500), 1969-07-20, 7/20/1969 or July 20, 1969", d.text.s)
			return w, false
		}
		at := d.text.at
		year, month, day = field{parts[0], at}, field{parts[1], at}, field{parts[2], at}
		if parts[3] != "" {
			hour, minute = field{parts[3], at}, field{parts[4], at}
		}
	}
	if strings.HasPrefix(hour.s, "not a time: ") {
		c.errorAt(hour.at, "%q is not a time of day: write it as 14:30 or 2:30 PM", strings.TrimPrefix(hour.s, "not a time: "))
		return w, false
	}
	if year.s == "" {
		c.errorAt(d.at, "%s has no year", what)
		return w, false
	}
	y, err := strconv.ParseInt(strings.NewReplacer(",", "", "_", "", " ", "", "\u00a0", "").Replace(strings.TrimSuffix(year.s, ".0")), 10, 64)
	if err != nil {
		c.errorAt(year.at, "the year %q is not a number", year.s)
		return w, false
	}
	num := func(f field, name string, lo, hi int) (int, bool) {
		if f.s == "" {
			return 0, true
		}
		n, err := strconv.Atoi(strings.TrimSuffix(f.s, ".0"))
		if err != nil {
			if m, ok := months[strings.ToLower(strings.TrimSuffix(f.s, "."))]; ok && name == "month" {
				return m, true
			}
			c.errorAt(f.at, "the %s %q is not a number", name, f.s)
			return 0, false
		}
		if n < lo || n > hi {
			c.errorAt(f.at, "the %s %d is not between %d and %d", name, n, lo, hi)
			return 0, false
		}
		return n, true
	}
	mo, ok1 := num(month, "month", 1, 12)
	da, ok2 := num(day, "day", 1, 31)
	h, ok3 := num(hour, "hour", 0, 23)
	mi, ok4 := num(minute, "minute", 0, 59)
	if !(ok1 && ok2 && ok3 && ok4) {
		return w, false
	}
	w = when{month: mo, day: da, hour: h, minute: mi, hasTime: hour.s != "", hasMinute: minute.s != "", text: d.display.s}
	switch {
	case y > 9999:
		c.errorAt(year.at, "the year %d is after 9999, which a story cannot show", y)
		return w, false
	case y < -maxYearsAgo:
		c.errorAt(year.at, "the year %d is before the Big Bang (13.8 billion years ago)", y)
		return w, false
	case y == 0:
		c.warn(year.at, "there is no year 0: read as 1 BCE")
		y = -1
	}
	if y < 0 {
		if mo != 0 || da != 0 || w.hasTime {
			c.warn(year.at, "dates before the common era are kept to the year: month, day and time dropped")
		}
		w.year = y + 1 // TimelineJS's -500 is 500 BCE, astronomical -499
		w.month, w.day, w.hour, w.minute, w.hasTime = 0, 0, 0, 0, false
		return w, true
	}
	w.year = y
	if da != 0 && mo == 0 {
		c.warn(day.at, "a day without a month: the day is dropped")
		w.day = 0
	}
	if da != 0 && mo != 0 {
		if t := time.Date(int(y), time.Month(mo), da, 0, 0, 0, 0, time.UTC); t.Day() != da {
			c.errorAt(day.at, "%d-%02d-%02d is not a day of the calendar", y, mo, da)
			return w, false
		}
	}
	if w.hasTime {
		switch {
		case w.day == 0:
			c.warn(hour.at, "a time of day without a day: the time is dropped")
			w.hasTime = false
		case c.opt.Zone == "":
			c.warn(hour.at, "the time %02d:%02d is dropped: TimelineJS gives no time zone; pass -zone (e.g. -zone America/New_York) to keep it", h, mi)
			w.hasTime = false
		}
	}
	if !w.hasTime {
		w.hour, w.minute = 0, 0
	}
	return w, true
}

// moment writes a date as the story's Moment, at the precision given.
func (c *converter) moment(w when) story.Moment {
	var date string
	switch {
	case w.year <= 0:
		date = fmt.Sprintf("-%d", 1-w.year)
	case w.month == 0:
		date = fmt.Sprintf("%04d", w.year)
	case w.day == 0:
		date = fmt.Sprintf("%04d-%02d", w.year, w.month)
	case !w.hasTime:
		date = fmt.Sprintf("%04d-%02d-%02d", w.year, w.month, w.day)
	case !w.hasMinute:
		date = fmt.Sprintf("%04d-%02d-%02dT%02d", w.year, w.month, w.day, w.hour)
	default:
		date = fmt.Sprintf("%04d-%02d-%02dT%02d:%02d", w.year, w.month, w.day, w.hour, w.minute)
	}
	m := story.Moment{Date: story.Date(date), Text: w.text}
	if w.hasTime {
		m.Zone = c.opt.Zone
	}
	return m
}

// before reports whether a is earlier than b, comparing what both give.
func (a when) before(b when) bool {
	ka := [5]int64{a.year, int64(a.month), int64(a.day), int64(a.hour), int64(a.minute)}
	kb := [5]int64{b.year, int64(b.month), int64(b.day), int64(b.hour), int64(b.minute)}
	for i := range ka {
		if ka[i] != kb[i] {
			return ka[i] < kb[i]
		}
	}
	return false
}

var (
	isoDate   = regexp.MustCompile(`^(-?\d{1,11})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$`)
	usDate    = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?)?$`)
	slashISO  = regexp.MustCompile(`^(\d{4})/(\d{1,2})/(\d{1,2})$`)
	wordsDate = regexp.MustCompile(`^(?:([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})|([A-Za-z]+)\.?,?\s+(\d{4}))$`)
	tl2Date   = regexp.MustCompile(`^-?\d+(?:,\d*){1,6}$`)
)

// splitDateText reads a date written out in one cell or string into its
// parts: year, month, day, hour, minute (as text, "" when absent).
func splitDateText(s string) ([5]string, bool) {
	s = strings.TrimSpace(s)
	var p [5]string
	if tl2Date.MatchString(s) {
		parts := strings.Split(s, ",")
		for i := 0; i < 5 && i < len(parts); i++ {
			p[i] = strings.TrimSpace(parts[i])
		}
		return p, true
	}
	if m := isoDate.FindStringSubmatch(s); m != nil {
		copy(p[:], m[1:6])
		return p, true
	}
	if m := usDate.FindStringSubmatch(s); m != nil {
		p[0], p[1], p[2] = m[3], m[1], m[2]
		if m[4] != "" {
			h, _ := strconv.Atoi(m[4])
			if pm := strings.ToLower(m[6]); pm == "pm" && h < 12 {
				h += 12
			} else if pm == "am" && h == 12 {
				h = 0
			}
			p[3], p[4] = strconv.Itoa(h), m[5]
		}
		return p, true
	}
	if m := slashISO.FindStringSubmatch(s); m != nil {
		p[0], p[1], p[2] = m[1], m[2], m[3]
		return p, true
	}
	if m := wordsDate.FindStringSubmatch(s); m != nil {
		name, day, year := m[1], m[2], m[3]
		if m[5] != "" {
			name, day, year = m[5], m[4], m[6]
		} else if m[7] != "" {
			name, day, year = m[7], "", m[8]
		}
		mo, ok := months[strings.ToLower(name)]
		if !ok {
			return p, false
		}
		p[0], p[1], p[2] = year, strconv.Itoa(mo), day
		return p, true
	}
	return p, false
}

var clockRE = regexp.MustCompile(`^(\d{1,2})(?::(\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*([AaPp]\.?[Mm]\.?)?$`)

// parseClock reads a time of day: 14:30, 14:30:05 (seconds are finer than
// a story's dates), 2:30 PM, 2 pm.
func parseClock(s string) (h, m string, ok bool) {
	mm := clockRE.FindStringSubmatch(strings.TrimSpace(s))
	if mm == nil || (mm[2] == "" && mm[4] == "") {
		return "", "", false
	}
	hour, _ := strconv.Atoi(mm[1])
	if hour > 23 {
		return "", "", false
	}
	switch strings.ToLower(strings.ReplaceAll(mm[4], ".", "")) {
	case "pm":
		if hour > 12 || hour == 0 {
			return "", "", false
		}
		if hour < 12 {
			hour += 12
		}
	case "am":
		if hour > 12 || hour == 0 {
			return "", "", false
		}
		if hour == 12 {
			hour = 0
		}
	}
	m = mm[2]
	return strconv.Itoa(hour), m, true
}
