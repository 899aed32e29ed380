package live

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"explainer/app/story"
	"explainer/app/timelinejs"
)

// Result is a live story put together: its file and what its source
// held when read.
type Result struct {
	Story *story.Story // parsed and validated, as story.Parse returns it
	// Source is what the source's conversion could not keep as it was,
	// placed at the source's row and column.
	Source []timelinejs.Problem
	// Left is what of the story file no longer meets the source (a
	// quote whose event's row is gone), and is not shown.
	Left []Left
	// Warnings are both, a line each, for logs and /healthz.
	Warnings []string
}

// Left is a part of the story file not shown with what the source holds
// now, placed at its JSON path in the file ("" for a part of the
// source's own).
type Left struct {
	Field string
	Msg   string
}

func (l Left) String() string {
	if l.Field == "" {
		return l.Msg
	}
	return l.Field + ": " + l.Msg
}

// Merge converts a source's content (Body of a Read) as `explainer
// import` would, with the file's live options, and puts it together with
// the story file that names it:
//
//   - the source gives the events, the groups, and the eras as phases;
//     its title slide gives the title, summary, media and background,
//     unless the file gives its own; the language is the file's, else
//     live.language, else the source's text tells;
//   - the file gives everything else (people, sources, quotes, phases,
//     credits, updates, dates of publication); an event, person, phase,
//     group or quote of the file replaces the source's of the same id;
//   - live.events adds people, sources, place and tags to the source's
//     events;
//   - a quote of the file whose event the source no longer has is left
//     out, with a warning, and so is an addition to such an event: the
//     story stays up while the desk relinks it (or the row comes back).
//
// corrections are those earlier refreshes added (Correction), which join
// the file's updates.
//
// A source that does not convert is an error placed at its row and
// column (timelinejs.Errors); nothing is put together then.
func Merge(name string, file *story.Story, body []byte, corrections []story.Update) (*Result, error) {
	l := file.Live
	if l == nil {
		return nil, fmt.Errorf("%s: no live source", name)
	}
	opt := timelinejs.Options{ID: file.ID, Lang: l.Language, Zone: l.Zone}
	if opt.Lang == "" {
		opt.Lang = file.Language
	}
	base := string(l.Base)
	if base == "" {
		base = string(l.URL)
	}
	opt.Base, _ = url.Parse(base)
	conv, err := timelinejs.Convert(string(l.URL), body, opt)
	if err != nil {
		return nil, err
	}
	out := &Result{Source: conv.Warnings}
	for _, w := range conv.Warnings {
		out.Warnings = append(out.Warnings, w.String())
	}
	merged, left := combine(file, conv.Story)
	out.Left = left
	for _, l := range left {
		out.Warnings = append(out.Warnings, l.String())
	}
	merged.Updates = append(slices.Clone(merged.Updates), corrections...)
	data, err := story.Marshal(merged)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	full, err := story.Parse(name, data)
	if err != nil {
		return nil, placed(name, err, merged, file)
	}
	out.Story = full
	return out, nil
}

// placed says what is wrong with the story put together in the terms of
// what the editor has: no line or column (the merged story is no file
// anyone can open), and each list item by its id and where it comes
// from, the story file or the source.
func placed(name string, err error, merged, file *story.Story) error {
	var list story.ErrorList
	if !errors.As(err, &list) {
		return fmt.Errorf("%s: with what its source holds: %w", name, err)
	}
	var out []string
	for _, e := range list {
		msg := e.Msg
		if e.Hint != "" {
			msg += " (" + e.Hint + ")"
		}
		out = append(out, fmt.Sprintf("%s: with what its source holds, %s: %s", name, describe(e.Path, merged, file), msg))
	}
	return &MergeError{Msg: strings.Join(out, "\n"), Err: err}
}

// MergeError is a story that does not check once put together with its
// source, said in the editor's terms (placed).
type MergeError struct {
	Msg string
	Err error // the checks' own errors, placed in the merged story
}

func (e *MergeError) Error() string { return e.Msg }

func (e *MergeError) Unwrap() error { return e.Err }

// describe names the thing at a JSON path of the merged story:
// $.events[3].group is `the source's event "aid-paused", .group`.
func describe(path string, merged, file *story.Story) string {
	rest, ok := strings.CutPrefix(path, "$.")
	if !ok {
		return path
	}
	list, rest, ok := strings.Cut(rest, "[")
	if !ok {
		return path
	}
	num, field, ok := strings.Cut(rest, "]")
	i, err := strconv.Atoi(num)
	if !ok || err != nil {
		return path
	}
	var id story.ID
	var what string
	mine := false
	switch list {
	case "events":
		what = "event"
		id, mine, ok = itemAt(merged.Events, file.Events, i, func(e *story.Event) story.ID { return e.ID })
	case "quotes":
		what = "quote"
		id, mine, ok = itemAt(merged.Quotes, file.Quotes, i, func(q *story.Quote) story.ID { return q.ID })
	case "people":
		what = "person"
		id, mine, ok = itemAt(merged.People, file.People, i, func(p *story.Person) story.ID { return p.ID })
	case "phases":
		what = "phase"
		id, mine, ok = itemAt(merged.Phases, file.Phases, i, func(p *story.Phase) story.ID { return p.ID })
	case "groups":
		what = "group"
		id, mine, ok = itemAt(merged.Groups, file.Groups, i, func(g *story.Group) story.ID { return g.ID })
	default:
		return path
	}
	if !ok {
		return path
	}
	from := "the source's"
	if mine {
		from = "the story file's"
	}
	out := fmt.Sprintf("%s %s %q", from, what, id)
	if field != "" {
		out += ", " + strings.TrimPrefix(field, ".")
	}
	return out
}

// itemAt is the id of the merged list's item i, and whether the file has
// an item of that id (the file's won, or it is the file's own).
func itemAt[T any](merged, file []T, i int, id func(*T) story.ID) (story.ID, bool, bool) {
	if i < 0 || i >= len(merged) {
		return "", false, false
	}
	x := id(&merged[i])
	return x, slices.ContainsFunc(file, func(f T) bool { return id(&f) == x }), true
}

// combine puts the file and the converted source together (see Merge),
// and says what of the file was left out. Neither story is changed.
func combine(file, src *story.Story) (*story.Story, []Left) {
	s := *file
	s.Live = nil // the desk's: readers never get it, and a merged story has no source of its own
	if s.Title == "" {
		s.Title = src.Title
	}
	if s.Dek == "" {
		s.Dek = src.Dek
	}
	if s.Media == nil {
		s.Media = src.Media
	}
	if s.Background == nil {
		s.Background = src.Background
	}
	if s.Language == "" {
		s.Language = src.Language
	}
	s.Events = overlay(src.Events, file.Events, func(e *story.Event) story.ID { return e.ID })
	s.Groups = overlay(src.Groups, file.Groups, func(g *story.Group) story.ID { return g.ID })
	s.Phases = overlay(src.Phases, file.Phases, func(p *story.Phase) story.ID { return p.ID })
	s.People = overlay(src.People, file.People, func(p *story.Person) story.ID { return p.ID })

	events := make(map[story.ID]int, len(s.Events))
	for i, e := range s.Events {
		events[e.ID] = i
	}
	var left []Left
	for j, add := range file.Live.Events {
		i, ok := events[story.ID(add.Event)]
		if !ok {
			left = append(left, Left{fmt.Sprintf("$.live.events[%d].event", j), fmt.Sprintf("the source has no event %q (its row was removed, or its headline, which makes its id, was edited): what the story adds to it is not shown", add.Event)})
			continue
		}
		e := &s.Events[i]
		e.People = union(e.People, add.People)
		e.Sources = union(e.Sources, add.Sources)
		e.Tags = union(e.Tags, add.Tags)
		if add.Place != "" {
			e.Place = add.Place
		}
	}

	// The file's quotes on events the source no longer has are left
	// out, and so are replies to a quote left out, which would point
	// at nothing.
	quotes := overlay(src.Quotes, file.Quotes, func(q *story.Quote) story.ID { return q.ID })
	mine := make(map[story.ID]int, len(file.Quotes))
	for i, q := range file.Quotes {
		mine[q.ID] = i
	}
	at := func(id story.ID, field string) string {
		if i, ok := mine[id]; ok {
			return fmt.Sprintf("$.quotes[%d].%s", i, field)
		}
		return ""
	}
	kept := make(map[story.ID]bool, len(quotes))
	s.Quotes = make([]story.Quote, 0, len(quotes))
	for _, q := range quotes {
		if _, ok := events[story.ID(q.Event)]; !ok {
			left = append(left, Left{at(q.ID, "event"), fmt.Sprintf("the quote %q is on the event %q, which the source no longer has (its row was removed, or its headline, which makes its id, was edited): not shown until it is linked to another event", q.ID, q.Event)})
			continue
		}
		kept[q.ID] = true
		s.Quotes = append(s.Quotes, q)
	}
	for i := range s.Quotes {
		if r := s.Quotes[i].ReplyTo; r != "" && !kept[story.ID(r)] {
			left = append(left, Left{at(s.Quotes[i].ID, "replyTo"), fmt.Sprintf("the quote %q replies to %q, which is not shown: it is shown on its own", s.Quotes[i].ID, r)})
			s.Quotes[i].ReplyTo = ""
		}
	}
	return &s, left
}

// overlay is the source's items with the file's in place of those of
// the same id, and the file's others after them.
func overlay[T any](src, file []T, id func(*T) story.ID) []T {
	mine := make(map[story.ID]int, len(file))
	for i := range file {
		mine[id(&file[i])] = i
	}
	out := make([]T, 0, len(src)+len(file))
	used := make(map[story.ID]bool, len(file))
	for i := range src {
		if j, ok := mine[id(&src[i])]; ok {
			out = append(out, file[j])
			used[id(&src[i])] = true
			continue
		}
		out = append(out, src[i])
	}
	for i := range file {
		if !used[id(&file[i])] {
			out = append(out, file[i])
		}
	}
	return out
}

// union is a with the items of b it lacks, in order.
func union[T comparable](a, b []T) []T {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
