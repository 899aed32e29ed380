package story

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
)

// Decode reads a story that Parse has accepted already, as the server
// embeds it in a page (the JSON of Story.ForReaders), for the reader's
// WebAssembly: plain JSON into the model (decodeTrusted, without
// reflection), each moment's time worked out,
// events in time order and the index built, as Parse leaves them. It
// checks nothing Parse checks: the server does that before any page is
// made, and the page that carries the story also carries the script that
// reads it, so a story that reaches Decode is as trusted as the code.
// Keeping the validator out of the reader's start-up saves its time (and
// the strict parser's bytes) on every load. A date or zone it cannot
// place is an error, not a zero time, as is a story without events,
// which the widget could not show. Untrusted input — a file, an
// upload, the studio's draft — goes through Parse.
func Decode(data []byte) (*Story, error) {
	s := &Story{}
	if err := decodeTrusted(data, s); err != nil {
		return nil, err
	}
	if len(s.Events) == 0 {
		return nil, errors.New("the story has no events: it is not one a checked story holds")
	}
	if err := resolveMoments(reflect.ValueOf(s).Elem()); err != nil {
		return nil, err
	}
	slices.SortStableFunc(s.Events, func(a, b Event) int { return a.Start.t.Compare(b.Start.t) })
	s.index = buildIndex(s)
	return s, nil
}

var momentType = reflect.TypeFor[Moment]()

// resolveMoments works out the time of every Moment in v, wherever the
// model holds one, so that a field added to the model is covered too.
func resolveMoments(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			return resolveMoments(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			if err := resolveMoments(v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		if v.Type() == momentType {
			m := v.Addr().Interface().(*Moment)
			if problems := m.resolve(); len(problems) > 0 || m.prec == 0 {
				return fmt.Errorf("the moment %q (zone %q) is not one a checked story holds", m.Date, m.Zone)
			}
			return nil
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				if err := resolveMoments(v.Field(i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
