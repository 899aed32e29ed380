package story

import (
	"fmt"
	"sort"
)

// validate checks what no single field can: ids are unique, references
// point at something, spans end after they start, replies form no loop.
// It runs after decoding, so it sees every field that decoded.
func validate(s *Story, d *decoder) {
	at := func(path string) int { return d.offsets[path] }
	report := func(path, msg, hint string) { d.add(at(path), path, msg, hint) }

	people := uniqueIDs(d, "$.people", len(s.People), func(i int) ID { return s.People[i].ID })
	uniqueIDs(d, "$.phases", len(s.Phases), func(i int) ID { return s.Phases[i].ID })
	events := uniqueIDs(d, "$.events", len(s.Events), func(i int) ID { return s.Events[i].ID })
	quotes := uniqueIDs(d, "$.quotes", len(s.Quotes), func(i int) ID { return s.Quotes[i].ID })
	sources := uniqueIDs(d, "$.sources", len(s.Sources), func(i int) ID { return s.Sources[i].ID })

	ref := func(path string, r Ref, ids map[ID]bool, what, list string) {
		if r == "" || ID(r).check() != "" {
			return // absent, or already reported as malformed
		}
		if !ids[ID(r)] {
			hint := ""
			if s := suggest(string(r), keys(ids)); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			report(path, fmt.Sprintf("no %s with id %q in %s", what, r, list), hint)
		}
	}
	span := func(path string, start Moment, end *Moment) {
		if end != nil && !start.t.IsZero() && !end.t.IsZero() && end.t.Before(start.t) {
			report(path+".end", fmt.Sprintf("ends (%s) before it starts (%s)", end.Date, start.Date), "")
		}
	}

	for i, p := range s.Phases {
		span(fmt.Sprintf("$.phases[%d]", i), p.Start, &p.End)
	}
	for i, e := range s.Events {
		path := fmt.Sprintf("$.events[%d]", i)
		span(path, e.Start, e.End)
		for j, p := range e.People {
			ref(fmt.Sprintf("%s.people[%d]", path, j), p, people, "person", "people")
		}
		for j, src := range e.Sources {
			ref(fmt.Sprintf("%s.sources[%d]", path, j), src, sources, "source", "sources")
		}
	}
	for i, q := range s.Quotes {
		path := fmt.Sprintf("$.quotes[%d]", i)
		ref(path+".speaker", q.Speaker, people, "person", "people")
		ref(path+".event", q.Event, events, "event", "events")
		ref(path+".replyTo", q.ReplyTo, quotes, "quote", "quotes")
		ref(path+".source", q.Source, sources, "source", "sources")
		if q.ReplyTo != "" && ID(q.ReplyTo) == q.ID {
			report(path+".replyTo", "a quote cannot reply to itself", "")
		}
	}
	replyLoops(s, report)
}

// uniqueIDs reports repeated ids in one list and returns the set of ids.
func uniqueIDs(d *decoder, list string, n int, id func(int) ID) map[ID]bool {
	ids := make(map[ID]bool, n)
	first := make(map[ID]int, n)
	for i := range n {
		v := id(i)
		if v == "" {
			continue
		}
		path := fmt.Sprintf("%s[%d].id", list, i)
		if j, dup := first[v]; dup {
			line, col := d.lines.position(d.offsets[fmt.Sprintf("%s[%d].id", list, j)])
			d.add(d.offsets[path], path, fmt.Sprintf("duplicate id %q", v), fmt.Sprintf("already used at line %d, column %d", line, col))
			continue
		}
		first[v] = i
		ids[v] = true
	}
	return ids
}

// replyLoops reports chains of replies that come back to where they began,
// which no conversation can do and which would never end on screen.
func replyLoops(s *Story, report func(path, msg, hint string)) {
	byID := make(map[ID]int, len(s.Quotes))
	for i, q := range s.Quotes {
		if _, dup := byID[q.ID]; !dup {
			byID[q.ID] = i
		}
	}
	for i, q := range s.Quotes {
		seen := map[ID]bool{q.ID: true}
		for next := q.ReplyTo; next != ""; {
			j, ok := byID[ID(next)]
			if !ok {
				break
			}
			if seen[ID(next)] {
				if ID(next) == q.ID && ID(q.ReplyTo) != q.ID {
					report(fmt.Sprintf("$.quotes[%d].replyTo", i), fmt.Sprintf("replies go round in a loop back to %q", q.ID), "")
				}
				break
			}
			seen[ID(next)] = true
			next = s.Quotes[j].ReplyTo
		}
	}
}

func keys(m map[ID]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, string(k))
	}
	sort.Strings(out) // suggestions must not depend on map order
	return out
}
