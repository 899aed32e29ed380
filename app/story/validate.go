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
	limits(s, d)
	people := uniqueIDs(d, s.People, func(p *Person) *ID { return &p.ID })
	uniqueIDs(d, s.Phases, func(p *Phase) *ID { return &p.ID })
	groups := uniqueIDs(d, s.Groups, func(g *Group) *ID { return &g.ID })
	events := uniqueIDs(d, s.Events, func(e *Event) *ID { return &e.ID })
	quotes := uniqueIDs(d, s.Quotes, func(q *Quote) *ID { return &q.ID })
	sources := uniqueIDs(d, s.Sources, func(s *Source) *ID { return &s.ID })

	ref := func(r *Ref, ids map[ID]bool, what, list string) {
		if *r == "" || ID(*r).check() != "" {
			return // absent, or already reported as malformed
		}
		if !ids[ID(*r)] {
			hint := ""
			if d.full() {
				// a suggestion nobody will see is not worth its cost
			} else if s := suggest(string(*r), slices.Sorted(maps.Keys(ids))); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
			}
			d.report(r, fmt.Sprintf("no %s with id %q in %s", what, *r, list), hint)
		}
	}
	if s.Live != nil {
		// The source's events and groups are not known until it is
		// read: what refers to them is checked once the two are put
		// together (live.Merge), and a reference to an event the
		// source no longer has is dropped then, with a warning.
		events, groups = nil, nil
		liveEvents(s.Live, people, sources, ref, d)
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
		if groups != nil {
			ref(&e.Group, groups, "group", "groups")
		}
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
		if events != nil {
			ref(&q.Event, events, "event", "events")
		}
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

// liveEvents checks what a story adds to its source's events: each
// event once, and people and sources that the story has.
func liveEvents(l *Live, people, sources map[ID]bool, ref func(*Ref, map[ID]bool, string, string), d *decoder) {
	first := map[Ref]*Ref{}
	for i := range l.Events {
		e := &l.Events[i]
		if prev, dup := first[e.Event]; dup && e.Event != "" {
			line, col := d.lines.position(d.locate(prev).off)
			d.report(&e.Event, fmt.Sprintf("a second entry for the event %q", e.Event), fmt.Sprintf("the first is at line %d, column %d: put them together", line, col))
		}
		first[e.Event] = &e.Event
		for j := range e.People {
			ref(&e.People[j], people, "person", "people")
		}
		for j := range e.Sources {
			ref(&e.Sources[j], sources, "source", "sources")
		}
	}
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

// The most a story may hold: beyond these, it is too heavy for readers'
// phones and for the server to render on demand. Split a larger story.
const (
	MaxEvents  = 2000
	MaxQuotes  = 5000
	MaxPeople  = 1000
	MaxSources = 2000
	MaxPhases  = 200
	MaxGroups  = 200
	MaxUpdates = 500
)

// limits reports lists longer than a story may have.
func limits(s *Story, d *decoder) {
	check := func(ptr any, n, max int, what string) {
		if n > max {
			d.report(ptr, fmt.Sprintf("%d %s: a story has at most %d", n, what, max), "split it into stories that link to each other")
		}
	}
	check(&s.Events, len(s.Events), MaxEvents, "events")
	check(&s.Quotes, len(s.Quotes), MaxQuotes, "quotes")
	check(&s.People, len(s.People), MaxPeople, "people")
	check(&s.Sources, len(s.Sources), MaxSources, "sources")
	check(&s.Phases, len(s.Phases), MaxPhases, "phases")
	check(&s.Groups, len(s.Groups), MaxGroups, "groups")
	check(&s.Updates, len(s.Updates), MaxUpdates, "updates")
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
// which no conversation can do and which would never end on screen. Each
// quote is walked once (a chain's state is remembered), so a long chain
// costs no more than its length.
func replyLoops(s *Story, d *decoder) {
	byID := make(map[ID]int, len(s.Quotes))
	for i, q := range s.Quotes {
		if _, dup := byID[q.ID]; !dup {
			byID[q.ID] = i
		}
	}
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]int, len(s.Quotes))
	for start := range s.Quotes {
		var path []int
		loopAt := -1
		for i := start; ; {
			if state[i] == done {
				break
			}
			if state[i] == onPath {
				loopAt = i // the replies came back to a quote of this walk
				break
			}
			state[i] = onPath
			path = append(path, i)
			to := s.Quotes[i].ReplyTo
			j, ok := byID[ID(to)]
			if to == "" || !ok || j == i {
				break // the end of the chain, or a reply to itself (reported elsewhere)
			}
			i = j
		}
		if loopAt >= 0 {
			for _, q := range path[slices.Index(path, loopAt):] {
				d.report(&s.Quotes[q].ReplyTo, fmt.Sprintf("replies go round in a loop back to %q", s.Quotes[q].ID), "")
			}
		}
		for _, q := range path {
			state[q] = done
		}
	}
}
