package timelinejs

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"explainer/app/story"
)

// columns are the template's column names, lower case, as a sheet may
// spell them; only the names matter, not their order. "start date",
// "end date" and "tag" are those of older sheets. "id" is the one column
// of our own: it fixes an event's id, which is otherwise made from its
// headline, so that a live story's quotes stay tied to a row whose
// headline is edited (TimelineJS JSON calls it unique_id).
var columns = []string{
	"year", "month", "day", "time", "end year", "end month", "end day", "end time",
	"display date", "headline", "text", "media", "media credit", "media caption",
	"media thumbnail", "alt text", "type", "group", "background",
	"start date", "end date", "tag", "id",
}

// readCSV reads a sheet a row at a time, and stops at the first row past
// what a story may hold: a sheet of a million rows is refused having
// kept two thousand.
func (c *converter) readCSV(data []byte) *timeline {
	ls := newLines(data)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1 // sheets trim empty trailing cells unevenly
	cr.LazyQuotes = true    // a stray quote in a cell is text
	// Each row's cells are read into the same list; the text of the
	// cells kept is the row's own (encoding/csv makes a string per row).
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		c.csvError(err, ls)
		return nil
	}
	header = slices.Clone(header)
	col := map[string]int{}
	for i, h := range header {
		name := strings.Join(strings.Fields(strings.ToLower(h)), " ")
		line, column := cr.FieldPos(i)
		at := c.cellPos(ls, line, column, 1, h)
		switch {
		case name == "":
		case !contains(columns, name):
			c.warn(at, "%q is not a column of the TimelineJS template: its cells are not kept", strings.TrimSpace(h))
		default:
			if _, dup := col[name]; dup {
				c.warn(at, "a second %q column: its cells are not kept", strings.TrimSpace(h))
				continue
			}
			col[name] = i
		}
	}
	if _, ok := col["headline"]; !ok {
		c.errorAt(pos{line: 1, col: 1, where: "row 1"}, "the sheet has no Headline column: the first row must be the template's header (Year, Month, Day, …, Headline, Text, …)")
	}
	if _, ok := col["year"]; !ok {
		if _, ok := col["start date"]; !ok {
			c.errorAt(pos{line: 1, col: 1, where: "row 1"}, "the sheet has no Year (or Start Date) column: events need a date")
		}
	}
	if len(c.errs) > 0 {
		return nil
	}
	tl := &timeline{}
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			c.csvError(err, ls)
			return nil
		}
		cell := func(name string) field {
			i, ok := col[name]
			if !ok || i >= len(rec) {
				return field{}
			}
			v := strings.TrimSpace(rec[i])
			if v == "" {
				return field{}
			}
			line, column := cr.FieldPos(i)
			return c.clean(field{v, c.cellPos(ls, line, column, row, header[i])})
		}
		empty := true
		for _, v := range rec {
			if strings.TrimSpace(v) != "" {
				empty = false
			}
		}
		if empty {
			continue // sheets export their blank rows too
		}
		line, column := cr.FieldPos(0)
		s := &slide{at: c.cellPos(ls, line, column, row, "")}
		s.start = csvDate(cell("year"), cell("month"), cell("day"), cell("time"), cell("start date"), s.at)
		s.end = csvDate(cell("end year"), cell("end month"), cell("end day"), cell("end time"), cell("end date"), s.at)
		s.display = cell("display date")
		s.headline = cell("headline")
		s.uniqueID = cell("id")
		s.text = cell("text")
		if url := cell("media"); url.s != "" {
			s.media = &tmedia{at: url.at, url: url, credit: cell("media credit"), caption: cell("media caption"),
				thumbnail: cell("media thumbnail"), alt: cell("alt text")}
		} else {
			for _, name := range []string{"media credit", "media caption", "media thumbnail", "alt text"} {
				if f := cell(name); f.s != "" {
					c.warn(f.at, "%s without Media: not kept", header[col[name]])
				}
			}
		}
		s.group = cell("group")
		if s.group.s == "" {
			s.group = cell("tag")
		}
		if bg := cell("background"); bg.s != "" {
			// One cell for either: TimelineJS reads a colour where it
			// starts with #, a picture's address otherwise.
			s.background.at = bg.at
			if strings.HasPrefix(bg.s, "#") {
				s.background.color = bg
			} else {
				s.background.url = bg
			}
		}
		typ := cell("type")
		if n := len(tl.events); n == story.MaxEvents && !isType(typ, "title", "era") {
			c.errorAt(s.at, "more than %d events: a story has at most %d; split the timeline", n, story.MaxEvents)
			return nil
		}
		if n := len(tl.eras); n == story.MaxPhases && isType(typ, "era") {
			c.errorAt(s.at, "more than %d eras: a story has at most %d phases", n, story.MaxPhases)
			return nil
		}
		switch t := typ; strings.ToLower(t.s) {
		case "":
			tl.events = append(tl.events, s)
		case "title":
			if tl.title != nil {
				c.warn(t.at, "a second title row: read as an event")
				tl.events = append(tl.events, s)
				continue
			}
			tl.title = s
		case "era":
			tl.eras = append(tl.eras, s)
		default:
			c.warn(t.at, "the type %q is not title or era: read as an event", t.s)
			tl.events = append(tl.events, s)
		}
	}
	return tl
}

// isType reports whether a row's Type cell is one of types.
func isType(t field, types ...string) bool {
	return slices.Contains(types, strings.ToLower(t.s))
}

// csvDate gathers a date from its cells; nil when the row has none.
func csvDate(year, month, day, tm, whole field, row pos) *tdate {
	if year.s == "" && month.s == "" && day.s == "" && tm.s == "" && whole.s == "" {
		return nil
	}
	d := &tdate{at: row, year: year, month: month, day: day, text: whole}
	if year.s != "" {
		d.at = year.at
	} else if whole.s != "" {
		d.at = whole.at
	}
	if tm.s != "" {
		h, m, ok := parseClock(tm.s)
		if !ok {
			d.hour = field{"not a time: " + tm.s, tm.at} // reported when the date is read
		} else {
			d.hour, d.minute = field{h, tm.at}, field{m, tm.at}
		}
	}
	return d
}

// cellPos places a cell: its line and column in the file, and its row
// and column name in the sheet.
func (c *converter) cellPos(ls *lines, line, column, row int, name string) pos {
	off := 0
	if start := ls.lineStart(line); start >= 0 {
		off = start + column - 1
	}
	where := fmt.Sprintf("row %d", row)
	if name = strings.TrimSpace(name); name != "" {
		where += ", " + name
	}
	return pos{where: where, off: off, lines: ls}
}

func (c *converter) csvError(err error, ls *lines) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		c.errorAt(c.cellPos(ls, pe.Line, pe.Column, pe.StartLine, ""), "not a readable CSV file: %v", pe.Err)
		return
	}
	c.errorAt(pos{}, "not a readable CSV file: %v", err)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
