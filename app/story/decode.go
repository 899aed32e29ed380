package story

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"
)

// loc is where a value is in the file: its byte offset and JSON path.
type loc struct {
	off  int
	path string
}

// problem is one thing wrong with a story file, before it is given a line
// and column.
type problem struct {
	loc
	msg  string
	hint string
}

// fieldProblem is a problem a type finds in its own fields after decoding,
// placed at the field it points to.
type fieldProblem struct {
	field any // pointer to the field
	msg   string
	hint  string
}

// resolver is a struct that derives state from its decoded fields and
// checks the combination of them.
type resolver interface {
	resolve() []fieldProblem
}

// decoder turns a parsed tree into the story types, collecting every
// problem instead of stopping at the first.
type decoder struct {
	problems []problem
	// more counts the problems past maxProblems, reported as a number.
	more int
	// locs is where each decoded value came from, keyed by a typed
	// pointer to it (&s.Events[2].Start), so that the validator places its
	// problems by the value it finds wrong, not by a path it spells again.
	locs  map[any]loc
	lines lineIndex
}

// maxProblems is how many problems a file reports in full; past it, as a
// compiler does, only their number. Keeping to it keeps the time to check
// a file in proportion to its size, whatever is wrong with it.
const maxProblems = 100

func (d *decoder) add(at loc, msg, hint string) {
	if d.full() {
		d.more++
		return
	}
	d.problems = append(d.problems, problem{loc: at, msg: msg, hint: hint})
}

// full reports whether no more problems are kept in full: work that only
// makes a message better (suggestions) is skipped then.
func (d *decoder) full() bool { return len(d.problems) >= maxProblems }

// locate returns where the value ptr points to was decoded from. Every
// value the validator looks at was decoded, so a miss is a bug in this
// package; it is reported as such rather than placed at 1:1.
func (d *decoder) locate(ptr any) loc {
	if l, ok := d.locs[ptr]; ok {
		return l
	}
	return loc{off: 0, path: fmt.Sprintf("$ (internal error: no location for a %T)", ptr)}
}

// report adds a problem with the value ptr points to.
func (d *decoder) report(ptr any, msg, hint string) { d.add(d.locate(ptr), msg, hint) }

func (d *decoder) decode(n *node, v reflect.Value, path string) {
	here := loc{n.Off, path}
	if v.CanAddr() {
		d.locs[v.Addr().Interface()] = here
	}
	if v.Kind() == reflect.Pointer {
		if n.Kind == kindNull {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		d.decode(n, v.Elem(), path)
		return
	}
	want := jsonKind(v.Type())
	if n.Kind != want {
		if d.full() {
			d.more++ // no message to build
			return
		}
		d.add(here, fmt.Sprintf("expected %s, found %s", article(want), article(n.Kind)), "")
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), len(n.Elems), len(n.Elems))
		for i, e := range n.Elems {
			d.decode(e, s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		v.Set(s)
	case reflect.String:
		v.SetString(n.Str)
		if i := strings.IndexFunc(n.Str, isControl); i >= 0 {
			d.add(here, fmt.Sprintf("control character %U in text: remove it", []rune(n.Str[i:])[0]), "")
		} else if i := strings.IndexFunc(n.Str, isSpoofing); i >= 0 {
			d.add(here, fmt.Sprintf("invisible formatting character %U in text: remove it (it can make text read otherwise than it is, in titles and link previews)", []rune(n.Str[i:])[0]), "")
		}
		if c, ok := v.Interface().(checker); ok {
			if msg := c.check(); msg != "" {
				d.add(here, msg, "")
			}
		}
	case reflect.Bool:
		v.SetBool(n.Bool)
	}
}

func (d *decoder) decodeStruct(n *node, v reflect.Value, path string) {
	info := structInfoOf(v.Type())
	seen := make(map[string]int, len(n.Fields))
	misspelt := map[string]bool{} // required fields a misspelling explains
	live := hasLive(n)
	for _, f := range n.Fields {
		fpath := path + "." + f.Key
		key := loc{f.KeyOff, fpath}
		if first, dup := seen[f.Key]; dup {
			line, col := d.lines.position(first)
			d.add(key, fmt.Sprintf("duplicate field %q: only one value can be kept, and the other would be lost", f.Key),
				fmt.Sprintf("the first %q is at line %d, column %d", f.Key, line, col))
			continue
		}
		seen[f.Key] = f.KeyOff
		fi, ok := info.byName[f.Key]
		if !ok {
			hint := ""
			if d.full() {
				// a suggestion nobody will see is not worth its cost
			} else if s := suggest(f.Key, info.names); s != "" {
				hint = fmt.Sprintf("did you mean %q?", s)
				misspelt[s] = true
			} else {
				hint = "known fields: " + strings.Join(info.names, ", ")
			}
			d.add(key, fmt.Sprintf("unknown field %q", f.Key), hint)
			continue
		}
		fv := v.Field(fi.index)
		if f.Val.Kind == kindNull && fv.Kind() != reflect.Pointer {
			d.add(loc{f.Val.Off, fpath}, fmt.Sprintf("null is not allowed here: give %s or leave the field out", article(jsonKind(fv.Type()))), "")
			continue
		}
		d.decode(f.Val, fv, fpath)
		if fi.required && f.Val.Kind == kindString && strings.TrimSpace(f.Val.Str) == "" {
			d.add(loc{f.Val.Off, fpath}, fmt.Sprintf("%q must not be empty", f.Key), "")
		}
		if fi.nonEmpty && f.Val.Kind == kindArray && len(f.Val.Elems) == 0 && !(fi.sheet && live) {
			d.add(loc{f.Val.Off, fpath}, fmt.Sprintf("%q needs at least one item", f.Key), "")
		}
	}
	for _, fi := range info.fields {
		if _, ok := seen[fi.name]; fi.required && !ok && !misspelt[fi.name] && !(fi.sheet && live) {
			d.add(loc{n.Off, path}, fmt.Sprintf("missing required field %q", fi.name), "")
		}
	}
	if r, ok := v.Addr().Interface().(resolver); ok {
		for _, p := range r.resolve() {
			d.report(p.field, p.msg, p.hint)
		}
	}
}

// hasLive reports whether an object names a live source (a "live" that
// is not null), which may give the fields tagged sheet.
func hasLive(n *node) bool {
	for _, f := range n.Fields {
		if f.Key == "live" && f.Val.Kind != kindNull {
			return true
		}
	}
	return false
}

// isControl reports the characters no story text may hold: C0 and C1
// controls other than tab and line breaks. A NUL in a page is never meant.
func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r < 0xa0)
}

// Clean returns text without the characters no story text may hold
// (controls, bidirectional overrides, line separators), and how many it
// removed, for tools that make stories from other formats.
func Clean(text string) (string, int) {
	n := 0
	out := strings.Map(func(r rune) rune {
		if isControl(r) || isSpoofing(r) {
			n++
			return -1
		}
		return r
	}, text)
	return out, n
}

// isSpoofing reports the invisible characters that change how the text
// around them reads beyond their own span: the bidirectional embeddings
// and overrides (U+202A–U+202E), which reverse what follows in a <title>
// or a link preview, and the line and paragraph separators (U+2028,
// U+2029), which break a line where no line break shows in the file.
// Right-to-left text does not need them: the marks (U+200E, U+200F) and
// the isolates (U+2066–U+2069), which stay inside their own span, are
// allowed.
func isSpoofing(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || r == 0x2028 || r == 0x2029
}

// jsonKind is the JSON type that decodes into t.
func jsonKind(t reflect.Type) kind {
	switch t.Kind() {
	case reflect.Pointer:
		return jsonKind(t.Elem())
	case reflect.Struct:
		return kindObject
	case reflect.Slice:
		return kindArray
	case reflect.Bool:
		return kindBool
	case reflect.String:
		return kindString
	}
	panic("story: no JSON kind for " + t.String())
}

func article(k kind) string {
	if k == kindArray || k == kindObject {
		return "an " + k.String()
	}
	if k == kindNull {
		return "null"
	}
	return "a " + k.String()
}

// structInfo is what the decoder and the schema need to know about a
// struct type, read once from its tags.
type structInfo struct {
	fields []fieldInfo
	byName map[string]fieldInfo
	names  []string
}

type fieldInfo struct {
	name     string
	index    int
	required bool
	nonEmpty bool // a list that needs at least one item
	// sheet: a story with a live source may leave the field out (or
	// empty), since the source gives it (Live).
	sheet bool
	doc   string
}

var structInfos sync.Map // reflect.Type → *structInfo

func structInfoOf(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{byName: map[string]fieldInfo{}}
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		fi := fieldInfo{name: name, index: i, doc: sf.Tag.Get("doc")}
		for _, opt := range strings.Split(sf.Tag.Get("story"), ",") {
			fi.required = fi.required || opt == "required"
			fi.nonEmpty = fi.nonEmpty || opt == "nonempty"
			fi.sheet = fi.sheet || opt == "sheet"
		}
		si.fields = append(si.fields, fi)
		si.byName[name] = fi
		si.names = append(si.names, name)
	}
	structInfos.Store(t, si)
	return si
}

// suggest returns the known name closest to a misspelt one, or "".
func suggest[S ~string](got string, names []S) string {
	best, bestDist := "", 3
	lower := strings.ToLower(got)
	runes := utf8.RuneCountInString(lower)
	for _, name := range names {
		n := string(name)
		if strings.EqualFold(n, got) {
			return n
		}
		// Names whose lengths differ by the distance or more are that far
		// apart already: a long key is not compared letter by letter with
		// every field's name.
		ln := strings.ToLower(n)
		if diff := runes - utf8.RuneCountInString(ln); diff >= bestDist || -diff >= bestDist {
			continue
		}
		if d := editDistance(lower, ln); d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
