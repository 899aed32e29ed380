package site

import (
	"bytes"
	"encoding/csv"
	"html"
	"strconv"
	"strings"

	"explainer/app/story"
)

// CSVType is the Content-Type of a story's sheet.
const CSVType = "text/csv; charset=utf-8"

// timelineColumns are the header of TimelineJS's Google Sheet template,
// as app/timelinejs reads them back: a sheet made here opens in
// TimelineJS, and imports into a story again.
var timelineColumns = []string{
	"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
	"Media Thumbnail", "Type", "Group", "Background",
}

// StoryCSV writes a story as a TimelineJS sheet: a title row (the title
// and dek, the story's media), then a row an event, then a row a phase
// (an era). Text cells hold HTML, as TimelineJS's do; quotes and people
// have no column in the template and are left to the JSON.
func StoryCSV(s *story.Story) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	// A spreadsheet opened by a reader treats a cell starting with = + - @
	// (or a tab or carriage return) as a formula: story text is untrusted,
	// so such a cell gets a leading apostrophe (OWASP's advice), which a
	// spreadsheet shows as text.
	write := func(row map[string]string) error {
		rec := make([]string, len(timelineColumns))
		for i, col := range timelineColumns {
			rec[i] = defuse(row[col])
		}
		return w.Write(rec)
	}
	if err := w.Write(timelineColumns); err != nil {
		return nil, err
	}
	title := map[string]string{"Type": "title", "Headline": s.Title, "Text": richHTML(s.Dek)}
	addMedia(title, s.Media)
	addBackground(title, s.Background)
	if err := write(title); err != nil {
		return nil, err
	}
	for i := range s.Events {
		e := &s.Events[i]
		row := map[string]string{"Headline": e.Headline, "Text": richHTML(e.Body), "Display Date": e.Start.Text}
		addDate(row, "", e.Start)
		if e.End != nil {
			addDate(row, "End ", *e.End)
		}
		if g := s.Group(e.Group); g != nil {
			row["Group"] = g.Label
		}
		addMedia(row, e.Media)
		addBackground(row, e.Background)
		if err := write(row); err != nil {
			return nil, err
		}
	}
	for _, p := range s.Phases {
		row := map[string]string{"Type": "era", "Headline": p.Label}
		addDate(row, "", p.Start)
		addDate(row, "End ", p.End)
		if err := write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// defuse keeps a cell from being read as a formula by a spreadsheet. A
// year before the common era (-500) is a number, which no spreadsheet
// runs, and which TimelineJS must read as one: it is left as it is.
func defuse(cell string) string {
	if _, err := strconv.Atoi(cell); err == nil {
		return cell
	}
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// addDate fills a moment's cells (prefix "" or "End "): its date split as
// the template splits it, to the precision the story gives, no finer. A
// year before the common era is negative, as the story writes it.
func addDate(row map[string]string, prefix string, m story.Moment) {
	d := string(m.Date)
	if strings.HasPrefix(d, "-") {
		row[prefix+"Year"] = d
		return
	}
	date, clock, _ := strings.Cut(d, "T")
	parts := strings.Split(date, "-")
	for i, col := range []string{"Year", "Month", "Day"} {
		if i < len(parts) {
			n, _ := strconv.Atoi(parts[i]) // story.Moment has checked the form
			row[prefix+col] = strconv.Itoa(n)
		}
	}
	if clock != "" {
		if !strings.Contains(clock, ":") {
			clock += ":00"
		}
		row[prefix+"Time"] = clock
	}
}

func addMedia(row map[string]string, m *story.Media) {
	if m == nil {
		return
	}
	row["Media"] = string(m.Src)
	row["Media Credit"] = richHTML(m.Credit)
	row["Media Caption"] = richHTML(m.Caption)
	row["Media Thumbnail"] = string(m.Thumbnail)
}

func addBackground(row map[string]string, b *story.Background) {
	switch {
	case b == nil:
	case b.Image != "":
		row["Background"] = string(b.Image)
	default:
		row["Background"] = string(b.Color)
	}
}

// richHTML writes rich text as the HTML a TimelineJS cell holds: a <p> a
// paragraph, links and emphasis as elements, every text escaped.
func richHTML(t story.RichText) string {
	var b strings.Builder
	paras := t.Paragraphs()
	for _, p := range paras {
		if len(paras) > 1 {
			b.WriteString("<p>")
		}
		for _, in := range p {
			open, close := "", ""
			if in.Strong {
				open, close = "<strong>", "</strong>"
			}
			if in.Em {
				open, close = open+"<em>", "</em>"+close
			}
			if in.Link != "" {
				open, close = `<a href="`+html.EscapeString(string(in.Link))+`">`+open, close+"</a>"
			}
			b.WriteString(open + html.EscapeString(in.Text) + close)
		}
		if len(paras) > 1 {
			b.WriteString("</p>")
		}
	}
	return b.String()
}
