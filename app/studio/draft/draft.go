// Package draft is the studio's model of a story being edited: the story
// as the editor has it at each moment (problems and all), changed field by
// field through the JSON paths that validation messages already name,
// with ids made from headlines, references that follow a renamed id, and
// undo and redo. It has no user interface and no server in it, so the
// studio's WebAssembly and headless tests use the same code.
package draft

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"explainer/app/story"
)

// Draft is a story being edited.
type Draft struct {
	s    story.Story
	undo []step
	redo []step
	// typing is the path of the last Set: more typing in the same field
	// is one step to undo, not one per key.
	typing string
}

// step is the story as it was before a change.
type step struct{ data []byte }

// maxSteps bounds the undo history.
const maxSteps = 200

// New starts a draft from a story file's text, which may have problems
// (it is read as plain JSON; Check says what is wrong). Empty text starts
// a new story.
func New(data []byte) (*Draft, error) {
	d := &Draft{}
	if len(strings.TrimSpace(string(data))) == 0 {
		d.s = story.Story{Language: "en"}
		return d, nil
	}
	if err := json.Unmarshal(data, &d.s); err != nil {
		return nil, fmt.Errorf("the file cannot be edited in the form: %w", err)
	}
	return d, nil
}

// Story is the draft's story, to read; change it through the methods.
func (d *Draft) Story() *story.Story { return &d.s }

// JSON is the draft as a story file, in the format people diff.
func (d *Draft) JSON() []byte {
	if d.s.Events == nil {
		// Required: an empty list says what is missing better than null.
		d.s.Events = []story.Event{}
	}
	b, err := story.Marshal(&d.s)
	if err != nil {
		panic(err) // a story of strings and lists always encodes
	}
	return b
}

// Check parses the draft as the server and explainer validate would: the
// story readers would get, or the problems, each at its JSON path.
func (d *Draft) Check(name string) (*story.Story, story.ErrorList) {
	return Parse(name, d.JSON())
}

// Parse checks a story file's text as explainer validate does: the story,
// or its problems as a list, each at its place.
func Parse(name string, text []byte) (*story.Story, story.ErrorList) {
	s, err := story.Parse(name, text)
	if err != nil {
		var list story.ErrorList
		if errors.As(err, &list) {
			return nil, list
		}
		return nil, story.ErrorList{{File: name, Msg: err.Error()}}
	}
	return s, nil
}

// save records the story before a change, for undo; typing names the
// field being typed in, whose further typing joins this step.
func (d *Draft) save(typing string) {
	if typing != "" && typing == d.typing {
		return
	}
	d.undo = append(d.undo, step{d.JSON()})
	if len(d.undo) > maxSteps {
		d.undo = d.undo[1:]
	}
	d.redo = nil
	d.typing = typing
}

// Undo goes back one step; false when there is none.
func (d *Draft) Undo() bool { return d.swap(&d.undo, &d.redo) }

// Redo goes forward again; false when there is nothing undone.
func (d *Draft) Redo() bool { return d.swap(&d.redo, &d.undo) }

func (d *Draft) swap(from, to *[]step) bool {
	if len(*from) == 0 {
		return false
	}
	last := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	*to = append(*to, step{d.JSON()})
	var s story.Story
	if err := json.Unmarshal(last.data, &s); err != nil {
		panic(err) // written by JSON above
	}
	d.s = s
	d.typing = ""
	return true
}

// CanUndo and CanRedo say whether the buttons do anything.
func (d *Draft) CanUndo() bool { return len(d.undo) > 0 }
func (d *Draft) CanRedo() bool { return len(d.redo) > 0 }

// Set sets the text (or true/false) field at path, such as $.title or
// $.events[2].start.date, making the objects on the way (an event's end,
// its media) as needed. Setting "" clears an optional object's field; an
// object left with nothing set is removed (an end with no date is no end).
func (d *Draft) Set(path, value string) error {
	v, err := d.walk(path, true)
	if err != nil {
		return err
	}
	switch v.Kind() {
	case reflect.String:
		d.save(path)
		v.SetString(value)
	case reflect.Bool:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fmt.Errorf("%s is true or false", path)
		}
		d.save("")
		v.SetBool(b)
	default:
		return fmt.Errorf("%s is not a text field", path)
	}
	d.prune()
	return nil
}

// SetList sets a list of texts or ids, such as an event's people.
func (d *Draft) SetList(path string, values []string) error {
	v, err := d.walk(path, true)
	if err != nil {
		return err
	}
	if v.Kind() != reflect.Slice || v.Type().Elem().Kind() != reflect.String {
		return fmt.Errorf("%s is not a list of texts", path)
	}
	d.save("")
	list := reflect.MakeSlice(v.Type(), 0, len(values))
	for _, s := range values {
		if s = strings.TrimSpace(s); s != "" {
			list = reflect.Append(list, reflect.ValueOf(s).Convert(v.Type().Elem()))
		}
	}
	if list.Len() == 0 {
		list = reflect.Zero(v.Type())
	}
	v.Set(list)
	return nil
}

// Add appends a new item to a list ($.events, $.people, …) with a fresh
// id made from text (a headline, a name) and returns its path.
func (d *Draft) Add(list, text string) (string, error) {
	v, err := d.walk(list, true)
	if err != nil {
		return "", err
	}
	if v.Kind() != reflect.Slice || v.Type().Elem().Kind() != reflect.Struct {
		return "", fmt.Errorf("%s is not a list of items", list)
	}
	d.save("")
	item := reflect.New(v.Type().Elem()).Elem()
	if f := item.FieldByName("ID"); f.IsValid() {
		f.SetString(string(d.NewID(list, text)))
	}
	v.Set(reflect.Append(v, item))
	return fmt.Sprintf("%s[%d]", list, v.Len()-1), nil
}

// Len is the number of items in a list ($.events), 0 for one not there.
func (d *Draft) Len(list string) int {
	v, err := d.walk(list, false)
	if err != nil || v.Kind() != reflect.Slice {
		return 0
	}
	return v.Len()
}

// NewID makes an id from text that no item of the list has yet.
func (d *Draft) NewID(list, text string) story.ID {
	base := string(story.Slug(text))
	if base == "" {
		base = strings.TrimSuffix(strings.TrimPrefix(list, "$."), "s")
		if base == "people" {
			base = "person"
		}
	}
	taken := map[string]bool{}
	if v, err := d.walk(list, false); err == nil && v.Kind() == reflect.Slice {
		for i := range v.Len() {
			if f := v.Index(i).FieldByName("ID"); f.IsValid() {
				taken[f.String()] = true
			}
		}
	}
	id := base
	for n := 2; taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return story.ID(id)
}

// Remove takes an item out of its list. What referred to it stays, and
// Check reports it, so that nothing else disappears behind the editor's
// back.
func (d *Draft) Remove(path string) error {
	list, i, err := d.item(path)
	if err != nil {
		return err
	}
	d.save("")
	list.Set(reflect.AppendSlice(list.Slice(0, i), list.Slice(i+1, list.Len())))
	if list.Len() == 0 {
		list.Set(reflect.Zero(list.Type()))
	}
	return nil
}

// Move puts an item at another place in its list, as the editor drags it
// or presses a key.
func (d *Draft) Move(path string, to int) error {
	list, i, err := d.item(path)
	if err != nil {
		return err
	}
	if to < 0 || to >= list.Len() {
		return fmt.Errorf("%s cannot move to %d of %d", path, to, list.Len())
	}
	if to == i {
		return nil
	}
	d.save("")
	item := reflect.New(list.Type().Elem()).Elem()
	item.Set(list.Index(i))
	if to < i {
		reflect.Copy(list.Slice(to+1, i+1), list.Slice(to, i))
	} else {
		reflect.Copy(list.Slice(i, to), list.Slice(i+1, to+1))
	}
	list.Index(to).Set(item)
	return nil
}

// Rename gives the item at path a new id, and every reference to the old
// id in the story follows it.
func (d *Draft) Rename(path string, id story.ID) error {
	list, i, err := d.item(path)
	if err != nil {
		return err
	}
	f := list.Index(i).FieldByName("ID")
	if !f.IsValid() {
		return fmt.Errorf("%s has no id", path)
	}
	old := f.String()
	if old == string(id) {
		return nil
	}
	d.save("")
	d.rename(list, i, id)
	return nil
}

// rename sets an item's id, and the references to it follow.
func (d *Draft) rename(list reflect.Value, i int, id story.ID) {
	f := list.Index(i).FieldByName("ID")
	old := f.String()
	f.SetString(string(id))
	renameRefs(reflect.ValueOf(&d.s).Elem(), refFields[list.Type().Elem()], old, string(id))
}

// refFields says, for each kind of item, which reference fields point at
// it: a renamed person is followed by events' people and quotes' speaker.
var refFields = map[reflect.Type][]string{
	reflect.TypeFor[story.Person](): {"events.people", "quotes.speaker"},
	reflect.TypeFor[story.Event]():  {"quotes.event"},
	reflect.TypeFor[story.Quote]():  {"quotes.replyTo"},
	reflect.TypeFor[story.Source](): {"events.sources", "quotes.source"},
	reflect.TypeFor[story.Group]():  {"events.group"},
}

func renameRefs(s reflect.Value, fields []string, old, id string) {
	for _, f := range fields {
		list, field, _ := strings.Cut(f, ".")
		items := s.FieldByIndex(fieldIndex(s.Type(), list))
		for i := range items.Len() {
			v := items.Index(i).FieldByIndex(fieldIndex(items.Type().Elem(), field))
			switch v.Kind() {
			case reflect.String:
				if v.String() == old {
					v.SetString(id)
				}
			case reflect.Slice:
				for j := range v.Len() {
					if v.Index(j).String() == old {
						v.Index(j).SetString(id)
					}
				}
			}
		}
	}
}

// fieldIndex finds a struct field by its JSON name.
func fieldIndex(t reflect.Type, name string) []int {
	for i := range t.NumField() {
		f := t.Field(i)
		if tag, _, _ := strings.Cut(f.Tag.Get("json"), ","); tag == name {
			return f.Index
		}
	}
	panic("no field " + name + " in " + t.Name())
}

// item finds the list an item is in, and its index.
func (d *Draft) item(path string) (reflect.Value, int, error) {
	open := strings.LastIndexByte(path, '[')
	if open < 0 || !strings.HasSuffix(path, "]") {
		return reflect.Value{}, 0, fmt.Errorf("%s is not an item of a list", path)
	}
	i, err := strconv.Atoi(path[open+1 : len(path)-1])
	if err != nil {
		return reflect.Value{}, 0, fmt.Errorf("%s is not an item of a list", path)
	}
	list, err := d.walk(path[:open], false)
	if err != nil {
		return reflect.Value{}, 0, err
	}
	if list.Kind() != reflect.Slice || i < 0 || i >= list.Len() {
		return reflect.Value{}, 0, fmt.Errorf("there is no %s", path)
	}
	return list, i, nil
}

// walk follows a JSON path ($.events[2].start.date) to the value it
// names; make allocates the objects on the way that are not there yet.
func (d *Draft) walk(path string, make bool) (reflect.Value, error) {
	rest, ok := strings.CutPrefix(path, "$")
	if !ok {
		return reflect.Value{}, fmt.Errorf("%q is not a JSON path", path)
	}
	v := reflect.ValueOf(&d.s).Elem()
	for rest != "" {
		switch {
		case strings.HasPrefix(rest, "."):
			end := strings.IndexAny(rest[1:], ".[")
			if end < 0 {
				end = len(rest) - 1
			}
			name := rest[1 : 1+end]
			rest = rest[1+end:]
			if v.Kind() == reflect.Pointer {
				if v.IsNil() {
					if !make {
						return reflect.Value{}, fmt.Errorf("there is no %s", path)
					}
					v.Set(reflect.New(v.Type().Elem()))
				}
				v = v.Elem()
			}
			if v.Kind() != reflect.Struct {
				return reflect.Value{}, fmt.Errorf("%s: %q is not an object", path, name)
			}
			found := false
			for i := range v.NumField() {
				if tag, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ","); tag == name && v.Type().Field(i).IsExported() {
					v, found = v.Field(i), true
					break
				}
			}
			if !found {
				return reflect.Value{}, fmt.Errorf("%s: there is no field %q", path, name)
			}
		case strings.HasPrefix(rest, "["):
			end := strings.IndexByte(rest, ']')
			i, err := strconv.Atoi(rest[1:max(end, 1)])
			if end < 0 || err != nil || v.Kind() != reflect.Slice || i < 0 || i >= v.Len() {
				return reflect.Value{}, fmt.Errorf("there is no %s", path)
			}
			v = v.Index(i)
			rest = rest[end+1:]
		default:
			return reflect.Value{}, fmt.Errorf("%q is not a JSON path", path)
		}
	}
	if v.Kind() == reflect.Pointer && make {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	return v, nil
}

// prune removes the optional objects the editor has emptied: an end, a
// media, a date with nothing set would otherwise be written as {} and
// reported as missing their required fields.
func (d *Draft) prune() {
	var visit func(v reflect.Value)
	visit = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				return
			}
			if v.Elem().Kind() == reflect.Struct && v.Elem().IsZero() {
				v.Set(reflect.Zero(v.Type()))
				return
			}
			visit(v.Elem())
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					visit(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				visit(v.Index(i))
			}
		}
	}
	visit(reflect.ValueOf(&d.s).Elem())
}

// Lists are the lists of items the form edits, in the order it shows them.
var Lists = []string{"$.people", "$.events", "$.quotes", "$.sources", "$.phases", "$.groups", "$.updates", "$.credits"}

// Replace puts a whole story in the draft's place, as one step to undo:
// the editor's raw JSON, or a dropped-in TimelineJS file, converted.
func (d *Draft) Replace(data []byte) error {
	var s story.Story
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("the JSON cannot be edited in the form: %w", err)
	}
	d.save("")
	d.s = s
	return nil
}

// Edit puts the story of the editor's raw JSON in the draft's place as
// they type it: like typing in a field, a run of edits there is one step
// to undo, not one per key.
func (d *Draft) Edit(data []byte) error {
	var s story.Story
	if err := json.Unmarshal(data, &s); err != nil {
		return fmt.Errorf("the JSON cannot be edited in the form: %w", err)
	}
	d.save(rawPath)
	d.s = s
	return nil
}

// rawPath stands for the raw JSON among the paths typing is grouped by.
const rawPath = "$raw"

// Follow gives the item at path an id made from text (its new headline or
// name), unique in its list, with every reference following: an item the
// editor has just added keeps an id that says what it is. The path "$"
// is the story itself, whose id follows its title. It is part of the
// step of the Set of the text it follows (call it right after), so that
// one undo takes back both.
func (d *Draft) Follow(path, text string) error {
	if path == "$" {
		if d.s.ID = story.Slug(text); d.s.ID == "" {
			d.s.ID = "story"
		}
		return nil
	}
	list, i, err := d.item(path)
	if err != nil {
		return err
	}
	f := list.Index(i).FieldByName("ID")
	if !f.IsValid() {
		return nil // credits and updates have no id
	}
	// The item's own id is not taken from it: keep it out of the count.
	old := f.String()
	f.SetString("")
	id := d.NewID(path[:strings.LastIndexByte(path, '[')], text)
	f.SetString(old)
	if string(id) != old {
		d.rename(list, i, id)
	}
	return nil
}
