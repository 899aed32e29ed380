package cldr

import "explainer/app/internal/jsonread"

// ReadData reads one locale's Data as Marshal writes it (a page carries
// it in its words), without reflection (jsonread): the reader's
// WebAssembly reads it at every start. Every field has its case here:
// TestReadDataReadsEveryField fails on one that is not read.
func ReadData(r *jsonread.Reader, d *Data) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "tag":
			d.Tag = r.Str()
		case "name":
			d.Name = r.Str()
		case "dir":
			d.Dir = r.Str()
		case "digits":
			d.Digits = r.Str()
		case "latn":
			jsonread.List(r, &d.Latn, jsonread.String)
		case "dec":
			d.DecimalSep = r.Str()
		case "grp":
			d.GroupSep = r.Str()
		case "minus":
			d.Minus = r.Str()
		case "minGrp":
			d.MinGroup = r.Int()
		case "grp2":
			d.Group2 = r.Int()
		case "plural":
			jsonread.Map(r, &d.PluralRules, jsonread.String)
		case "months":
			readMonths(r, &d.Months)
		case "pat":
			jsonread.Map(r, &d.Patterns, jsonread.String)
		case "ampm":
			readPair(r, &d.DayPeriods)
		case "flex":
			jsonread.List(r, &d.Flex, readPeriod)
		case "eras":
			readPair(r, &d.Eras)
		case "dt":
			d.DateTime = r.Str()
		case "iv":
			d.IntervalFallback = r.Str()
		case "units":
			jsonread.Map(r, &d.Units, readForms)
		case "gmt":
			readGMT(r, &d.GMT)
		case "list":
			readList(r, &d.Lists)
		case "quotes":
			readPair(r, &d.Quotes)
		default:
			return false
		}
		return true
	})
}

func readMonths(r *jsonread.Reader, m *Months) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "abbr":
			jsonread.List(r, &m.Abbr, jsonread.String)
		case "wide":
			jsonread.List(r, &m.Wide, jsonread.String)
		case "sAbbr":
			jsonread.List(r, &m.StandAbbr, jsonread.String)
		case "sWide":
			jsonread.List(r, &m.StandWide, jsonread.String)
		default:
			return false
		}
		return true
	})
}

func readPeriod(r *jsonread.Reader, p *Period) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "from":
			p.From = r.Int()
		case "name":
			p.Name = r.Str()
		default:
			return false
		}
		return true
	})
}

func readGMT(r *jsonread.Reader, g *GMT) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "fmt":
			g.Format = r.Str()
		case "hour":
			g.Hour = r.Str()
		default:
			return false
		}
		return true
	})
}

func readList(r *jsonread.Reader, l *List) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "2":
			l.Two = r.Str()
		case "start":
			l.Start = r.Str()
		case "middle":
			l.Middle = r.Str()
		case "end":
			l.End = r.Str()
		default:
			return false
		}
		return true
	})
}

// readForms reads a unit's patterns by plural category.
func readForms(r *jsonread.Reader, m *map[string]string) {
	jsonread.Map(r, m, jsonread.String)
}

// readPair reads an array into a pair, as encoding/json reads a Go
// array: what the JSON lacks is zero, what it has beyond is skipped.
func readPair(r *jsonread.Reader, p *[2]string) {
	n := 0
	if !r.Array(func() {
		if n < len(p) {
			p[n] = r.Str()
		} else {
			r.Skip()
		}
		n++
	}) {
		return
	}
	for ; n < len(p); n++ {
		p[n] = ""
	}
}
