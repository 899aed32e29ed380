package story

import (
	"encoding/binary"
	"fmt"
	"slices"
	"time"
)

// RegisterZone makes a time zone known by name from TZif data, before any
// story that uses it is parsed. The browser has no zone database; the page
// carries the data of the zones its story uses (Story.Zones).
func RegisterZone(name string, tzif []byte) error {
	loc, err := time.LoadLocationFromTZData(name, tzif)
	if err != nil {
		return fmt.Errorf("zone %s: %w", name, err)
	}
	zoneCache.Store(name, loc)
	return nil
}

// zoneMargin widens the span of a story's zone data beyond its first and
// last moments, so that every wall-clock time near them resolves as it
// would with the full database.
const zoneMargin = 366 * 24 * time.Hour

// Zones returns, for every time zone the story uses, TZif data that
// describes the zone around each moment given in it (a year either side):
// a few hundred bytes each, where the whole database is some 400 KB. Only
// the stretches around the story's own moments are carried, so the cost is
// proportional to the moments, however far apart they lie (years 1 and
// 9999 cost two stretches, not eight thousand years of transitions).
func (s *Story) Zones() (map[string][]byte, error) {
	spans := map[string][][2]time.Time{}
	s.eachMoment(func(m *Moment) {
		if m.Zone == "" || m.t.IsZero() {
			return
		}
		name := string(m.Zone)
		spans[name] = append(spans[name], [2]time.Time{m.t.Add(-zoneMargin), m.t.Add(zoneMargin)})
	})
	out := make(map[string][]byte, len(spans))
	for name, sp := range spans {
		data, err := zoneData(name, mergeSpans(sp))
		if err != nil {
			return nil, err
		}
		out[name] = data
	}
	return out, nil
}

// mergeSpans sorts spans of time and joins those that overlap.
func mergeSpans(sp [][2]time.Time) [][2]time.Time {
	slices.SortFunc(sp, func(a, b [2]time.Time) int { return a[0].Compare(b[0]) })
	out := sp[:1]
	for _, x := range sp[1:] {
		last := &out[len(out)-1]
		if !x[0].After(last[1]) {
			if x[1].After(last[1]) {
				last[1] = x[1]
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// eachMoment calls f with every moment in the story.
func (s *Story) eachMoment(f func(*Moment)) {
	opt := func(m *Moment) {
		if m != nil {
			f(m)
		}
	}
	opt(s.Published)
	opt(s.Updated)
	for i := range s.Updates {
		f(&s.Updates[i].Time)
	}
	for i := range s.Phases {
		f(&s.Phases[i].Start)
		f(&s.Phases[i].End)
	}
	for i := range s.Events {
		f(&s.Events[i].Start)
		opt(s.Events[i].End)
	}
	for i := range s.Sources {
		opt(s.Sources[i].Published)
	}
}

// nextChange returns when the offset or abbreviation in effect at t next
// changes. time.ZoneBounds answers that, except past the last transition
// of a zone stored as rules (Go's own zoneinfo.zip, which the server falls
// back to), where it can stop at the end of the year instead; from there
// the change is found by looking hour by hour, then to the second.
func nextChange(t time.Time) (time.Time, bool) {
	_, end := t.ZoneBounds()
	if end.IsZero() {
		return end, false // no change ever again
	}
	same := func(u time.Time) bool {
		a1, o1 := t.Zone()
		a2, o2 := u.Zone()
		return a1 == a2 && o1 == o2 && t.IsDST() == u.IsDST()
	}
	if end.After(t) && !same(end) {
		return end, true
	}
	// Look ahead for up to two years, which holds any zone's next change.
	lo := t
	for i := 0; i < 2*366*24; i++ {
		hi := lo.Add(time.Hour)
		if !same(hi) {
			for hi.Sub(lo) > time.Second {
				mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
				if same(mid) {
					lo = mid
				} else {
					hi = mid
				}
			}
			return hi, true
		}
		lo = hi
	}
	return time.Time{}, false
}

// zoneData writes TZif (RFC 8536, version 2) data for a zone over spans
// of time, in order: a transition at the start of each span, then one at
// each change of offset or abbreviation up to its end. Outside the spans
// the data says nothing useful.
func zoneData(name string, spans [][2]time.Time) ([]byte, error) {
	loc, err := loadZone(name)
	if err != nil {
		return nil, err
	}
	type kind struct {
		offset int
		dst    bool
		abbr   string
	}
	var kinds []kind
	var when []int64
	var index []byte
	for _, span := range spans {
		for t := span[0].In(loc); ; {
			abbr, offset := t.Zone()
			k := kind{offset, t.IsDST(), abbr}
			i := 0
			for i < len(kinds) && kinds[i] != k {
				i++
			}
			if i == len(kinds) {
				if len(kinds) == 255 {
					return nil, fmt.Errorf("zone %s: too many kinds of time in the story's span", name)
				}
				kinds = append(kinds, k)
			}
			when = append(when, t.Unix())
			index = append(index, byte(i))
			end, ok := nextChange(t)
			if !ok || end.After(span[1]) {
				break
			}
			t = end
		}
	}
	// Abbreviations, each NUL-terminated, shared where they repeat.
	var chars []byte
	at := map[string]int{}
	abbrs := make([]string, 0, len(kinds))
	for _, k := range kinds {
		abbrs = append(abbrs, k.abbr)
	}
	slices.Sort(abbrs)
	for _, a := range abbrs {
		if _, ok := at[a]; !ok {
			at[a] = len(chars)
			chars = append(append(chars, a...), 0)
		}
	}

	var b []byte
	header := func(timecnt, typecnt, charcnt int) {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []int{0, 0, 0, timecnt, typecnt, charcnt} { // isutcnt, isstdcnt, leapcnt, ...
			b = binary.BigEndian.AppendUint32(b, uint32(n))
		}
	}
	// A version 2 file starts with a version 1 part, left empty here:
	// readers of version 2 skip it.
	header(0, 0, 0)
	header(len(when), len(kinds), len(chars))
	for _, w := range when {
		b = binary.BigEndian.AppendUint64(b, uint64(w))
	}
	b = append(b, index...)
	for _, k := range kinds {
		b = binary.BigEndian.AppendUint32(b, uint32(int32(k.offset)))
		dst := byte(0)
		if k.dst {
			dst = 1
		}
		b = append(b, dst, byte(at[k.abbr]))
	}
	b = append(b, chars...)
	b = append(b, '\n', '\n') // no rule for times after the last transition
	return b, nil
}
