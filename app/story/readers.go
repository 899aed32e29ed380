package story

import "slices"

// ForReaders returns the story as readers get it, in the page, in its
// JSON and in the WebAssembly's copy: without the fields marked
// story:"editorial", which are the desk's provenance (the source
// sentence of a quote), checked by the validator and kept in the file,
// but not republished. The story itself is left as it is.
func (s *Story) ForReaders() *Story {
	r := *s
	r.Live = nil
	r.Quotes = slices.Clone(s.Quotes)
	for i := range r.Quotes {
		r.Quotes[i].SourceText = ""
	}
	return &r
}
