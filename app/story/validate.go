package story

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// validate checks what no single field can: ids are unique, references
// point at something, spans end after they start, replies form no loop.
// It runs after decoding, so it sees every field that decoded, and places
// each problem at the value it is about (decoder.report).
func validate(s *Story, d *decoder) {
	people := uniqueIDs(d, s.People, func(p *Person) *ID { return &p.ID })
	uniqueIDs(d, s.Phases, func(p *Phase) *ID { return &p.ID })
	events := uniqueIDs(d, s.Events, func(e *Event) *ID { return &e.ID })
	quotes := uniqueIDs(d, s.Quotes, func(q *Quote) *ID { return &q.ID })
	sources := uniqueIDs(d, s.Sources, func(s *Source) *ID { return &s.ID })

	ref := func(r *Ref, ids map[ID]bool, what, list string) {
		if *r == "" || ID(*r).check() != "" {
			return // absent, or already reported as malformed
		}
		if !ids[ID(*r)] {
			hint := ""
			if s := suggest(string(*r), slices.Sorted(maps.Keys(ids))); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			d.report(r, fmt.Sprintf("no %s with id %q in %s", what, *r, list), hint)
		}
	}
	span := func(start *Moment, end *Moment) {
		if end != nil && !start.t.IsZero() && !end.t.IsZero() && end.t.Before(start.t) {
			d.report(end, fmt.Sprintf("ends (%s) before it starts (%s)", end.Date, start.Date), "")
		}
	}

	for i := range s.Phases {
		p := &s.Phases[i]
		span(&p.Start, &p.End)
	}
	for i := range s.Events {
		e := &s.Events[i]
		span(&e.Start, e.End)
		for j := range e.People {
			ref(&e.People[j], people, "person", "people")
		}
		for j := range e.Sources {
			ref(&e.Sources[j], sources, "source", "sources")
		}
	}
	for i := range s.Quotes {
		q := &s.Quotes[i]
		ref(&q.Speaker, people, "person", "people")
		ref(&q.Event, events, "event", "events")
		ref(&q.ReplyTo, quotes, "quote", "quotes")
		ref(&q.Source, sources, "source", "sources")
		if q.ReplyTo != "" && ID(q.ReplyTo) == q.ID {
			d.report(&q.ReplyTo, "a quote cannot reply to itself", "")
		}
		if q.Kind == Direct && q.SourceText != "" && !quotedIn(q.Text, q.SourceText) {
			d.report(&q.SourceText, "the source sentence does not carry the quote word for word in quotation marks",
				fmt.Sprintf("it should contain “%s”, or the quote is reported speech", q.Text))
		}
	}
	replyLoops(s, d)
}

// quotedIn reports whether text stands in sentence inside quotation
// marks, curly or straight, exactly as written.
func quotedIn(text, sentence string) bool {
	for _, marks := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}, {"«", "»"}} {
		if strings.Contains(sentence, marks[0]+text+marks[1]) {
			return true
		}
	}
	return false
}

// uniqueIDs reports repeated ids in one list and returns the set of ids.
func uniqueIDs[T any](d *decoder, items []T, id func(*T) *ID) map[ID]bool {
	ids := make(map[ID]bool, len(items))
	first := make(map[ID]*ID, len(items))
	for i := range items {
		p := id(&items[i])
		if *p == "" {
			continue
		}
		if prev, dup := first[*p]; dup {
			line, col := d.lines.position(d.locate(prev).off)
			d.report(p, fmt.Sprintf("duplicate id %q", *p), fmt.Sprintf("already used at line %d, column %d", line, col))
			continue
		}
		first[*p] = p
		ids[*p] = true
	}
	return ids
}

// replyLoops reports chains of replies that come back to where they began,
// which no conversation can do and which would never end on screen.
func replyLoops(s *Story, d *decoder) {
	byID := make(map[ID]int, len(s.Quotes))
	for i, q := range s.Quotes {
		if _, dup := byID[q.ID]; !dup {
			byID[q.ID] = i
		}
	}
	for i := range s.Quotes {
		q := &s.Quotes[i]
		seen := map[ID]bool{q.ID: true}
		for next := q.ReplyTo; next != ""; {
			j, ok := byID[ID(next)]
			if !ok {
				break
			}
			if seen[ID(next)] {
				if ID(next) == q.ID && ID(q.ReplyTo) != q.ID {
					d.report(&q.ReplyTo, fmt.Sprintf("replies go round in a loop back to %q", q.ID), "")
				}
				break
			}
			seen[ID(next)] = true
			next = s.Quotes[j].ReplyTo
		}
	}
}
