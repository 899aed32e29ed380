package i18n

import (
	"strings"
	"time"

	"explainer/app/story"
)

// FormatMoment writes a moment as readers should see it: no more precise
// than the story says, with "about" where it is approximate, and with the
// time zone where it happened whenever a time of day is given. The date
// and time patterns, month names, digits and eras are CLDR's for the
// language; in English:
//
//	2019                              (year)
//	December 2019                     (month)
//	Feb 28, 2025                      (day)
//	Feb 28, 2025, evening             (day and part of the day)
//	Feb 28, 2025, between 1:00 PM and 2:00 PM EST   (hour)
//	Feb 28, 2025, about 1:40 PM EST   (minute, approximate)
func (p *Pack) FormatMoment(m story.Moment) string {
	if m.Text != "" {
		return m.Text
	}
	date, clock, zoned := p.momentParts(m)
	if zoned {
		clock += " " + p.zoneLabel(m.Time())
	}
	return p.dateTime(date, clock)
}

// dateTime joins a date and a time of day (or part of the day) by the
// language's pattern: "Feb 28, 2025, 1:40 PM"; the date alone without one.
func (p *Pack) dateTime(date, clock string) string {
	if clock == "" {
		return date
	}
	glue := p.CLDR.DateTime
	if glue == "" {
		glue = "{1}, {0}"
	}
	return p.fill(glue, []any{clock, date})
}

// FormatSpan writes an event's start and optional end as one range; the
// date is not repeated when both fall on the same day, nor the zone when
// both share it.
func (p *Pack) FormatSpan(start story.Moment, end *story.Moment) string {
	if end == nil {
		return p.FormatMoment(start)
	}
	if start.Text != "" && start.Text == end.Text {
		return start.Text // one text for the whole span (a TimelineJS display date)
	}
	if start.Text != "" || end.Text != "" {
		return p.interval(p.FormatMoment(start), p.FormatMoment(*end))
	}
	sd, sc, szoned := p.momentParts(start)
	ed, ec, ezoned := p.momentParts(*end)
	sz, ez := p.zoneLabel(start.Time()), p.zoneLabel(end.Time())
	if szoned && (!ezoned || sz != ez) {
		sc += " " + sz
	}
	left := p.dateTime(sd, sc)
	var right string
	switch {
	case sd == ed && ec == sc:
		return left // same day, nothing finer to add
	case sd == ed:
		right = ec
		if ezoned {
			right += " " + ez
		}
	default:
		if ezoned {
			ec += " " + ez
		}
		right = p.dateTime(ed, ec)
	}
	return p.interval(left, right)
}

func (p *Pack) interval(a, b string) string {
	if p.CLDR.IntervalFallback == "" {
		return a + " – " + b
	}
	return p.CLDR.Interval(a, b)
}

// momentParts returns the date and the time of day (or part of the day)
// of a moment, each at its precision; clock is "" when there is none, and
// zoned says whether the clock needs its zone beside it.
func (p *Pack) momentParts(m story.Moment) (date, clock string, zoned bool) {
	t := m.Time()
	switch m.Precision() {
	case story.Year:
		date = p.yearText(m)
	case story.Month:
		date = p.CLDR.Date(t, p.pattern("yMMMM", "MMMM y"))
	default:
		date = p.CLDR.Date(t, p.pattern("yMMMd", "d MMM y"))
	}
	clockOf := func(t time.Time) string { return p.CLDR.Date(t, p.pattern("time", "HH:mm")) }
	switch m.Precision() {
	case story.Hour:
		zoned = true
		from, to := clockOf(t), clockOf(t.Add(time.Hour))
		if m.Approximate {
			clock = p.T("date.about", from)
		} else {
			clock = p.T("date.hourRange", from, to)
		}
	case story.Minute:
		zoned = true
		clock = clockOf(t)
		if m.Approximate {
			clock = p.T("date.about", clock)
		}
	default:
		if m.PartOfDay != "" {
			// A part of the day is already vague: no zone, no "about".
			return date, p.T(Key("part." + string(m.PartOfDay))), false
		}
		if m.Approximate {
			date = p.T("date.about", date)
		}
	}
	return date, clock, zoned
}

// pattern is the language's CLDR pattern by name, or a fallback for a
// pack without one.
func (p *Pack) pattern(name, fallback string) string {
	if s := p.CLDR.Patterns[name]; s != "" {
		return s
	}
	return fallback
}

// yearText writes a year: 2025; 33 CE; 500 BCE; 65 million years ago. Years
// before the common era are counted back from it up to a million, and
// from now in millions and billions beyond, where a few thousand years
// make no difference.
func (p *Pack) yearText(m story.Moment) string {
	bce := m.YearsBCE()
	switch {
	case bce == 0 && m.Time().Year() < 1000:
		// "33" alone could be an age or a count: early years say which era.
		return p.CLDR.Date(m.Time(), p.pattern("Gy", "y G"))
	case bce == 0:
		return p.CLDR.Date(m.Time(), p.pattern("y", "y"))
	case bce < 1_000_000:
		return p.CLDR.Date(time.Date(1-bce, 1, 1, 0, 0, 0, 0, time.UTC), p.pattern("Gy", "y G"))
	case bce < 1_000_000_000:
		return p.T("date.millionYearsAgo", p.decimal(float64(bce)/1e6))
	}
	return p.T("date.billionYearsAgo", p.decimal(float64(bce)/1e9))
}

// zoneLabel names the zone of a time of day. A catalogue may name a zone
// the way its newsrooms do ("за київським часом", "hora peninsular");
// English writes the zone's abbreviation (EST, EET), where the database
// has letters for it; everything else is the offset in CLDR's localized
// form (GMT-5, UTC+5:30, غرينتش+٣).
func (p *Pack) zoneLabel(t time.Time) string {
	if m, ok := p.Words[Key("zone."+t.Location().String())]; ok {
		return m.Text
	}
	name, off := t.Zone()
	if p.Lang.Base() == "en" && name != "" && !strings.ContainsAny(name, "+-") {
		return name
	}
	return p.CLDR.GMTOffset(off)
}

// MachineTime is the value of a <time datetime> attribute for a moment, at
// its precision, so that software reading the page is not told more than
// readers are.
func MachineTime(m story.Moment) string {
	t := m.Time()
	if m.YearsBCE() > 0 {
		return "" // HTML has no form for a year before the common era
	}
	switch m.Precision() {
	case story.Year:
		return t.Format("2006")
	case story.Month:
		return t.Format("2006-01")
	case story.Day:
		return t.Format("2006-01-02")
	case story.Hour, story.Minute:
		return t.Format("2006-01-02T15:04-07:00")
	}
	return ""
}

// FormatGap writes the length of a compressed stretch of the timeline,
// given in days, in the largest unit that fits: "5 years", "3 months",
// "12 days" (CLDR's unit patterns); stretches of deep time in millions
// and billions of years.
func (p *Pack) FormatGap(span float64) string {
	days := int(span)
	switch {
	case span >= 365.25e9:
		return p.T("duration.billionYears", p.decimal(span/365.25e9))
	case span >= 365.25e6:
		return p.T("duration.millionYears", p.decimal(span/365.25e6))
	case days >= 365:
		return p.CLDR.Duration("year", int(span/365.25))
	case days >= 60:
		return p.CLDR.Duration("month", days/30)
	default:
		return p.CLDR.Duration("day", max(days, 1))
	}
}
