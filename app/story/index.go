package story

// index answers lookups by id in constant time; the widget asks them on
// every render.
type index struct {
	people  map[ID]int
	events  map[ID]int
	quotes  map[ID]int
	sources map[ID]int
	// quotesOf lists, for each event, its quotes in file order.
	quotesOf map[ID][]int
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
	return ix
}

// Person returns the person with the given id, or nil.
func (s *Story) Person(id Ref) *Person {
	if i, ok := s.index.people[ID(id)]; ok {
		return &s.People[i]
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
