package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"explainer/app/story"
)

// Month names: short forms for dates in English; in Ukrainian the genitive
// goes with a day ("28 лютого") and the nominative stands alone ("лютий").
var (
	monthsEN     = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	monthsLongEN = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthsUKGen  = [12]string{"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"}
	monthsUKNom  = [12]string{"січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"}
)

// FormatMoment writes a moment as readers should see it: no more precise
// than the story says, with "about" where it is approximate, and with the
// time zone where it happened whenever a time of day is given.
//
//	2019                              (year)
//	Dec 2019                          (month)
//	28 Feb 2025                       (day)
//	28 Feb 2025, evening              (day and part of the day)
//	28 Feb 2025, between 13:00 and 14:00 EST   (hour)
//	28 Feb 2025, about 13:40 EST      (minute, approximate)
func FormatMoment(lang Locale, m story.Moment) string {
	if m.Text != "" {
		return m.Text
	}
	date, clock, zoned := momentParts(lang, m)
	out := date
	if clock != "" {
		out += ", " + clock
	}
	if zoned {
		out += " " + zoneLabel(lang, m.Time())
	}
	return out
}

// FormatSpan writes an event's start and optional end as one range; the
// date is not repeated when both fall on the same day, nor the zone when
// both share it.
func FormatSpan(lang Locale, start story.Moment, end *story.Moment) string {
	if end == nil {
		return FormatMoment(lang, start)
	}
	if start.Text != "" && start.Text == end.Text {
		return start.Text // one text for the whole span (a TimelineJS display date)
	}
	if start.Text != "" || end.Text != "" {
		return FormatMoment(lang, start) + " – " + FormatMoment(lang, *end)
	}
	sd, sc, szoned := momentParts(lang, start)
	ed, ec, ezoned := momentParts(lang, *end)
	sz, ez := zoneLabel(lang, start.Time()), zoneLabel(lang, end.Time())
	left := sd
	if sc != "" {
		left += ", " + sc
	}
	if szoned && (!ezoned || sz != ez) {
		left += " " + sz
	}
	var right string
	switch {
	case sd == ed && ec == sc:
		return left // same day, nothing finer to add
	case sd == ed:
		right = ec
	default:
		right = ed
		if ec != "" {
			right += ", " + ec
		}
	}
	if ezoned {
		right += " " + ez
	}
	return left + " – " + right
}

// momentParts returns the date and the time of day (or part of the day)
// of a moment, each at its precision; clock is "" when there is none, and
// zoned says whether the clock needs its zone beside it.
func momentParts(lang Locale, m story.Moment) (date, clock string, zoned bool) {
	t := m.Time()
	switch m.Precision() {
	case story.Year:
		date = yearText(lang, m)
	case story.Month:
		if lang == Ukrainian {
			date = fmt.Sprintf("%s %d р.", monthsUKNom[t.Month()-1], t.Year())
		} else {
			date = fmt.Sprintf("%s %d", monthsLongEN[t.Month()-1], t.Year())
		}
	default:
		date = dayMonthYear(lang, t)
	}
	switch m.Precision() {
	case story.Hour:
		zoned = true
		from := t.Format("15:04")
		to := t.Add(time.Hour).Format("15:04")
		if m.Approximate {
			clock = T(lang, "date.about", from)
		} else {
			clock = T(lang, "date.hourRange", from, to)
		}
	case story.Minute:
		zoned = true
		clock = t.Format("15:04")
		if m.Approximate {
			clock = T(lang, "date.about", clock)
		}
	default:
		if m.PartOfDay != "" {
			// A part of the day is already vague: no zone, no "about".
			return date, T(lang, Key("part."+string(m.PartOfDay))), false
		}
		if m.Approximate {
			date = T(lang, "date.about", date)
		}
	}
	return date, clock, zoned
}

// yearText writes a year: 2025; 33 CE; 500 BCE; 65 million years ago. Years
// before the common era are counted back from it up to a million, and
// from now in millions and billions beyond, where a few thousand years
// make no difference.
func yearText(lang Locale, m story.Moment) string {
	bce := m.YearsBCE()
	switch {
	case bce == 0 && m.Time().Year() < 1000:
		// "33" alone could be an age or a count: early years say which era.
		return T(lang, "date.ce", strconv.Itoa(m.Time().Year()))
	case bce == 0 && lang == Ukrainian:
		return strconv.Itoa(m.Time().Year()) + " р." // the year marker Ukrainian dates carry
	case bce == 0:
		return strconv.Itoa(m.Time().Year())
	case bce < 1_000_000:
		return T(lang, "date.bce", grouped(lang, bce))
	case bce < 1_000_000_000:
		return T(lang, "date.millionYearsAgo", decimal(lang, float64(bce)/1e6))
	}
	return T(lang, "date.billionYearsAgo", decimal(lang, float64(bce)/1e9))
}

// grouped writes n with thousands grouped as the language does: 12,000 in
// English, 12 000 in Ukrainian (a no-break space).
func grouped(lang Locale, n int) string {
	s := strconv.Itoa(n)
	if n < 10000 {
		return s // four digits stay together: 2500 BCE
	}
	sep := ","
	if lang == Ukrainian {
		sep = "\u00a0"
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// decimal writes x with at most one decimal, as the language writes it:
// 13.8 in English, 13,8 in Ukrainian; 65, not 65.0.
func decimal(lang Locale, x float64) string {
	s := strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
	if lang == Ukrainian {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func dayMonthYear(lang Locale, t time.Time) string {
	if lang == Ukrainian {
		return fmt.Sprintf("%d %s %d р.", t.Day(), monthsUKGen[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthsEN[t.Month()-1], t.Year())
}

// zoneLabel is the zone's abbreviation at that instant (EST, EET, GMT),
// or its UTC offset where the database has no letters for it. Ukrainian
// readers get the time of the zone's city by name, as Ukrainian news
// writes it ("за київським часом", "за вашингтонським часом": the capital
// stands for US Eastern time), and the offset (UTC−5) elsewhere, never
// Latin abbreviations.
func zoneLabel(lang Locale, t time.Time) string {
	name, off := t.Zone()
	if lang == Ukrainian {
		if city, ok := zoneCitiesUK[t.Location().String()]; ok {
			return "за " + city + " часом"
		}
		return utcOffset(off)
	}
	if name != "" && !strings.ContainsAny(name, "+-") {
		return name
	}
	if off == 0 {
		return "UTC"
	}
	return "UTC" + t.Format("-07:00")
}

// zoneCitiesUK names, in the instrumental case that "за … часом" takes,
// the cities whose time Ukrainian news gives by name.
var zoneCitiesUK = map[string]string{
	"Europe/Kyiv":      "київським",
	"America/New_York": "вашингтонським",
	"Europe/London":    "лондонським",
	"Europe/Paris":     "паризьким",
	"Europe/Berlin":    "берлінським",
	"Europe/Warsaw":    "варшавським",
	"Europe/Brussels":  "брюссельським",
	"Europe/Moscow":    "московським",
}

// utcOffset writes an offset east of UTC in seconds as readers read it:
// UTC, UTC+2, UTC−5, UTC+5:30 (with a true minus sign).
func utcOffset(off int) string {
	if off == 0 {
		return "UTC"
	}
	sign := "+"
	if off < 0 {
		sign, off = "−", -off
	}
	h, m := off/3600, off%3600/60
	if m != 0 {
		return fmt.Sprintf("UTC%s%d:%02d", sign, h, m)
	}
	return fmt.Sprintf("UTC%s%d", sign, h)
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
// "12 days"; stretches of deep time in millions and billions of years.
func FormatGap(lang Locale, span float64) string {
	days := int(span)
	switch {
	case span >= 365.25e9:
		return T(lang, "duration.billionYears", decimal(lang, span/365.25e9))
	case span >= 365.25e6:
		return T(lang, "duration.millionYears", decimal(lang, span/365.25e6))
	case days >= 365:
		return count(lang, int(span/365.25), "duration.year")
	case days >= 60:
		return count(lang, days/30, "duration.month")
	default:
		return count(lang, max(days, 1), "duration.day")
	}
}

// count writes n of a unit in the form its language gives that number:
// the message unit.one, unit.few or unit.many.
func count(lang Locale, n int, unit Key) string {
	return T(lang, unit+"."+Key(pluralForm(lang, n)), n)
}

// pluralForm is the plural category of n (CLDR's cardinal rules): English
// has one and other (which the catalogue calls many); Ukrainian has one
// (1, 21, 31…), few (2–4, 22–24…) and many (5–20, 25–30…, and 11–14).
func pluralForm(lang Locale, n int) string {
	if lang == Ukrainian {
		switch d, h := n%10, n%100; {
		case d == 1 && h != 11:
			return "one"
		case d >= 2 && d <= 4 && (h < 12 || h > 14):
			return "few"
		default:
			return "many"
		}
	}
	if n == 1 {
		return "one"
	}
	return "many"
}
