package story

import (
	"fmt"
	"strconv"
	"sync"
	"time"
)

// Precision is how exactly a moment is known.
type Precision int

// Precisions, from the coarsest.
const (
	Year Precision = iota + 1
	Month
	Day
	Hour
	Minute
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	case Hour:
		return "hour"
	case Minute:
		return "minute"
	}
	return "unknown"
}

// Moment is a point in time known to a stated precision: "2025", "2025-02",
// "2025-02-28", "2025-02-28T13" or "2025-02-28T13:40". The form of the date
// is its precision, so a story can never claim more than its sources say.
type Moment struct {
	Date        Date      `json:"date" story:"required" doc:"ISO 8601 date at the precision the sources support: 2025, 2025-02, 2025-02-28, 2025-02-28T13 or 2025-02-28T13:40."`
	Zone        Zone      `json:"zone,omitempty" doc:"IANA time zone where it happened, e.g. America/New_York; required with a time of day."`
	Approximate bool      `json:"approximate,omitempty" doc:"True when the sources give the time as about."`
	PartOfDay   PartOfDay `json:"partOfDay,omitempty" doc:"For a day-precision date: the part of the day, when that is all the sources say."`
	Text        string    `json:"text,omitempty" doc:"Shown instead of the formatted date, e.g. Night of 28 Feb to 1 Mar 2025."`

	t    time.Time // start of the period, in its zone
	prec Precision
}

// Time returns the start of the period the moment names, in its zone (UTC
// when the story gives none). A part of the day counts from its typical
// hour (evening: 19:00).
func (m Moment) Time() time.Time { return m.t }

// Precision returns how exactly the moment is known.
func (m Moment) Precision() Precision { return m.prec }

// resolve works out the instant once the fields are decoded and returns
// problems, each placed at one of its fields.
func (m *Moment) resolve() []fieldProblem {
	y, mo, d, h, mi, prec, ok := splitDate(string(m.Date))
	if !ok {
		return nil // Date.check has reported it
	}
	var problems []fieldProblem
	loc := time.UTC
	if m.Zone != "" {
		l, err := loadZone(string(m.Zone))
		if err != nil {
			return nil // Zone.check has reported it
		}
		loc = l
	} else if prec >= Hour || m.PartOfDay != "" {
		problems = append(problems, fieldProblem{&m.Date, "a time of day needs a zone, e.g. \"zone\": \"America/New_York\"", ""})
	}
	if m.PartOfDay != "" {
		if prec != Day {
			problems = append(problems, fieldProblem{&m.PartOfDay, "a part of the day goes with a date of day precision (2025-02-28)", ""})
		}
		h = partsOfDay[m.PartOfDay]
	}
	m.prec = prec
	m.t = time.Date(y, time.Month(mo), d, h, mi, 0, 0, loc)
	return problems
}

// loadZone returns a zone registered with RegisterZone, or loads it with
// time.LoadLocation (which unzips the embedded database on every call, so
// the result is kept).
func loadZone(name string) (*time.Location, error) {
	if l, ok := zoneCache.Load(name); ok {
		return l.(*time.Location), nil
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	zoneCache.Store(name, l)
	return l, nil
}

var zoneCache sync.Map

// datePattern is a date in one of the accepted forms: a year of the
// common era with four digits and as much of the month, day, hour and
// minute as the sources give; or a year before it, written negative
// (-500 is 500 BCE; there is no year 0), at year precision, as far back as
// the age of the universe (-13800000000).
const datePattern = `^(?:(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2}))?)?)?)?|-([1-9]\d{0,10}))$`

// splitDate reads a date in one of the accepted forms. A year before the
// common era comes back as its astronomical number (500 BCE is -499), so
// that time.Date orders it.
func splitDate(s string) (y, mo, d, h, mi int, prec Precision, ok bool) {
	g, match := dateGroups(s) // g[i] is the pattern's group i+1
	if !match {
		return
	}
	if g[5] != "" {
		bce, err := strconv.Atoi(g[5])
		if err != nil || bce > maxYearsBCE {
			return
		}
		return 1 - bce, 1, 1, 0, 0, Year, true
	}
	num := func(i, def int) int {
		if g[i] == "" {
			return def
		}
		n, _ := strconv.Atoi(g[i])
		return n
	}
	y, mo, d, h, mi = num(0, 0), num(1, 1), num(2, 1), num(3, 0), num(4, 0)
	prec = Year
	for _, part := range g[1:5] {
		if part != "" {
			prec++
		}
	}
	// time.Date normalises 30 February to 2 March; a real date survives.
	t := time.Date(y, time.Month(mo), d, h, mi, 0, 0, time.UTC)
	ok = t.Year() == y && int(t.Month()) == mo && t.Day() == d && t.Hour() == h && t.Minute() == mi
	return
}

// maxYearsBCE is the earliest year a story may name: a little before the
// Big Bang's 13.8 billion years, well within what time.Time can hold.
const maxYearsBCE = 20_000_000_000

// YearsBCE is how many years before the common era a moment's year is
// (500 for 500 BCE), 0 for a year of the common era.
func (m Moment) YearsBCE() int {
	if y := m.t.Year(); y <= 0 {
		return 1 - y
	}
	return 0
}

// Date is the text of a moment's date.
type Date string

func (d Date) check() string {
	if _, _, _, _, _, _, ok := splitDate(string(d)); !ok {
		if _, match := dateGroups(string(d)); match {
			return fmt.Sprintf("%q is not a real date or time", string(d))
		}
		return "write the date as 2025, 2025-02, 2025-02-28, 2025-02-28T13 or 2025-02-28T13:40, only as precise as the sources, or a year before the common era as -500 (500 BCE) or -13800000000"
	}
	return ""
}

func (Date) jsonSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": datePattern}
}

// Zone is an IANA time zone name such as Europe/Kyiv.
type Zone string

func (z Zone) check() string {
	if z == "" || z == "Local" {
		return "a zone is an IANA name such as America/New_York or Europe/Kyiv"
	}
	if _, err := loadZone(string(z)); err != nil {
		return fmt.Sprintf("unknown time zone %q: use an IANA name such as America/New_York or Europe/Kyiv", string(z))
	}
	return ""
}

func (Zone) jsonSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": `^[A-Za-z_]+(?:/[A-Za-z0-9_+\-]+)*$`}
}

// PartOfDay is a named part of a day, for when the sources say "evening"
// rather than a time.
type PartOfDay string

// partsOfDay maps each part of the day to a typical hour within it. The
// hour only orders and places the event on the axis; readers see "evening",
// never the hour.
var partsOfDay = map[PartOfDay]int{
	"morning":         9,
	"late-morning":    11,
	"early-afternoon": 13,
	"afternoon":       15,
	"late-afternoon":  17,
	"evening":         19,
	"late-evening":    22,
	"night":           23,
}

// PartsOfDay lists the accepted parts of the day in the order they come.
var PartsOfDay = []PartOfDay{"morning", "late-morning", "early-afternoon", "afternoon", "late-afternoon", "evening", "late-evening", "night"}

func (p PartOfDay) check() string {
	if _, ok := partsOfDay[p]; !ok {
		return "a part of the day is one of morning, late-morning, early-afternoon, afternoon, late-afternoon, evening, late-evening or night"
	}
	return ""
}

func (PartOfDay) jsonSchema() map[string]any { return enumSchema(PartsOfDay) }
