package story

import (
	"cmp"
	"maps"
	"slices"
)

// index answers lookups by id in constant time; the widget asks them on
// every render.
type index struct {
	people  map[ID]int
	events  map[ID]int
	quotes  map[ID]int
	sources map[ID]int
	// quotesOf lists, for each event, its quotes in file order.
	quotesOf map[ID][]int
	// exchanges are the quotes as readers see them grouped: each a quote
	// with its replies, depth first, ordered by the event of the first
	// (quotes of one event in file order). speakers lists the people who
	// speak in each, in order of first speaking.
	exchanges [][]int
	speakers  [][]Ref
	// involved lists, for each person, the events they take part in or
	// speak at, in time order.
	involved map[ID][]int
}

func buildIndex(s *Story) index {
	ix := index{
		people:   make(map[ID]int, len(s.People)),
		events:   make(map[ID]int, len(s.Events)),
		quotes:   make(map[ID]int, len(s.Quotes)),
		sources:  make(map[ID]int, len(s.Sources)),
		quotesOf: make(map[ID][]int),
	}
	for i, p := range s.People {
		ix.people[p.ID] = i
	}
	for i, e := range s.Events {
		ix.events[e.ID] = i
	}
	for i, q := range s.Quotes {
		ix.quotes[q.ID] = i
		ix.quotesOf[ID(q.Event)] = append(ix.quotesOf[ID(q.Event)], i)
	}
	for i, src := range s.Sources {
		ix.sources[src.ID] = i
	}
	ix.exchanges, ix.speakers = exchanges(s, ix)
	ix.involved = involvement(s, ix)
	return ix
}

// exchanges groups the quotes into reply chains: a quote that answers
// another (replyTo) follows it, depth first.
func exchanges(s *Story, ix index) ([][]int, [][]Ref) {
	replies := map[ID][]int{}
	var roots []int
	for i, q := range s.Quotes {
		if _, ok := ix.quotes[ID(q.ReplyTo)]; q.ReplyTo != "" && ok {
			replies[ID(q.ReplyTo)] = append(replies[ID(q.ReplyTo)], i)
		} else {
			roots = append(roots, i)
		}
	}
	groups := make([][]int, 0, len(roots))
	for _, r := range roots {
		var g []int
		var walk func(i int)
		walk = func(i int) {
			g = append(g, i)
			for _, reply := range replies[s.Quotes[i].ID] {
				walk(reply)
			}
		}
		walk(r)
		groups = append(groups, g)
	}
	slices.SortStableFunc(groups, func(a, b []int) int {
		return cmp.Compare(ix.events[ID(s.Quotes[a[0]].Event)], ix.events[ID(s.Quotes[b[0]].Event)])
	})
	speakers := make([][]Ref, len(groups))
	for i, g := range groups {
		for _, q := range g {
			if sp := s.Quotes[q].Speaker; !slices.Contains(speakers[i], sp) {
				speakers[i] = append(speakers[i], sp)
			}
		}
	}
	return groups, speakers
}

// involvement lists each person's events: those that name them and those
// where they speak.
func involvement(s *Story, ix index) map[ID][]int {
	seen := map[ID]map[int]bool{}
	add := func(p Ref, e int) {
		if seen[ID(p)] == nil {
			seen[ID(p)] = map[int]bool{}
		}
		seen[ID(p)][e] = true
	}
	for i, e := range s.Events {
		for _, p := range e.People {
			add(p, i)
		}
	}
	for _, q := range s.Quotes {
		if e, ok := ix.events[ID(q.Event)]; ok {
			add(q.Speaker, e)
		}
	}
	out := make(map[ID][]int, len(seen))
	for p, events := range seen {
		out[p] = slices.Sorted(maps.Keys(events))
	}
	return out
}

// Person returns the person with the given id, or nil.
func (s *Story) Person(id Ref) *Person {
	if i, ok := s.index.people[ID(id)]; ok {
		return &s.People[i]
	}
	return nil
}

// Group returns the group with the given id, or nil. A story has few
// groups (MaxGroups), so a scan costs less than a map would.
func (s *Story) Group(id Ref) *Group {
	for i := range s.Groups {
		if Ref(s.Groups[i].ID) == id {
			return &s.Groups[i]
		}
	}
	return nil
}

// Event returns the event with the given id, or nil.
func (s *Story) Event(id Ref) *Event {
	if i, ok := s.index.events[ID(id)]; ok {
		return &s.Events[i]
	}
	return nil
}

// EventIndex returns the position of an event in time order, or -1.
func (s *Story) EventIndex(id Ref) int {
	if i, ok := s.index.events[ID(id)]; ok {
		return i
	}
	return -1
}

// Quote returns the quote with the given id, or nil.
func (s *Story) Quote(id Ref) *Quote {
	if i, ok := s.index.quotes[ID(id)]; ok {
		return &s.Quotes[i]
	}
	return nil
}

// Source returns the source with the given id, or nil.
func (s *Story) Source(id Ref) *Source {
	if i, ok := s.index.sources[ID(id)]; ok {
		return &s.Sources[i]
	}
	return nil
}

// QuotesOf returns the quotes that belong to an event, in file order.
func (s *Story) QuotesOf(event Ref) []*Quote {
	idx := s.index.quotesOf[ID(event)]
	out := make([]*Quote, len(idx))
	for i, j := range idx {
		out[i] = &s.Quotes[j]
	}
	return out
}

// Exchange is a group of quotes as readers see them: one quote, or a
// quote with its replies in order, and who speaks in it.
type Exchange struct {
	Quotes   []*Quote
	Speakers []Ref
}

// Speaks reports whether a person speaks in the exchange.
func (x Exchange) Speaks(p Ref) bool { return slices.Contains(x.Speakers, p) }

// Exchanges returns the story's quotes grouped into exchanges, ordered by
// the event of their first quote; worked out once, by Parse.
func (s *Story) Exchanges() []Exchange {
	out := make([]Exchange, len(s.index.exchanges))
	for i, g := range s.index.exchanges {
		qs := make([]*Quote, len(g))
		for j, q := range g {
			qs[j] = &s.Quotes[q]
		}
		out[i] = Exchange{Quotes: qs, Speakers: s.index.speakers[i]}
	}
	return out
}

// Involves reports whether a person takes part in the event at index i
// (time order) or speaks at it.
func (s *Story) Involves(p Ref, i int) bool {
	_, ok := slices.BinarySearch(s.index.involved[ID(p)], i)
	return ok
}
