package story

// Valid reports whether l is a language tag a story may declare, the
// form the validator accepts: a reader's ?lang= is held to the same.
func (l Lang) Valid() bool { return isLang(string(l)) }
