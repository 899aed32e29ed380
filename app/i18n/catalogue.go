//go:build !wasm

package i18n

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"explainer/app/i18n/cldr"
	"explainer/app/internal/jsonpos"
)

// A catalogue is one language's messages as a file: the built-in ones in
// messages/, and a publisher's own beside the stories, which override or
// add messages without a release. Both are read by ParseCatalogue, which
// reports every problem with its line and column, as story files do.
//
//	{"language": "es", "messages": {"nav.next": "Siguiente",
//	  "index.events": {"one": "{0} acontecimiento", "other": "{0} acontecimientos"}}}

// CatalogueError is one problem in a catalogue file.
type CatalogueError struct {
	File      string
	Line, Col int
	Path      string // the JSON path: messages["nav.next"]
	Msg       string
}

func (e CatalogueError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", e.File, e.Line, e.Col, e.Path, e.Msg)
}

// CatalogueErrors are all the problems found in one file.
type CatalogueErrors []CatalogueError

func (es CatalogueErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Catalogue is a parsed catalogue file.
type Catalogue struct {
	Language Locale
	Messages map[Key]Message
}

// ParseCatalogue reads a catalogue file. english is the complete English
// catalogue, which says which keys exist and which placeholders each
// takes; categories are the CLDR plural categories of the file's
// language, which every plural message must give exactly. complete says
// whether every key must be there (a built-in catalogue) or only known
// ones (a publisher's overrides).
func ParseCatalogue(name string, data []byte, english map[Key]Message, categories func(Locale) []string, complete bool) (*Catalogue, error) {
	root, serr := jsonpos.Parse(data, jsonpos.Limits{Noun: "catalogue", Depth: 4, Values: 10000})
	at := func(off int, path, msg string) CatalogueError {
		line, col := position(data, off)
		return CatalogueError{File: name, Line: line, Col: col, Path: path, Msg: msg}
	}
	if serr != nil {
		line, col := position(data, serr.Off)
		return nil, CatalogueErrors{{File: name, Line: line, Col: col, Path: serr.Path, Msg: serr.Msg}}
	}
	var errs CatalogueErrors
	if root.Kind != jsonpos.Object {
		return nil, CatalogueErrors{at(root.Off, "$", "a catalogue is an object with language and messages")}
	}
	c := &Catalogue{Messages: map[Key]Message{}}
	var msgs *jsonpos.Node
	for _, f := range root.Fields {
		switch f.Key {
		case "language":
			if f.Val.Kind != jsonpos.String || !validTag(f.Val.Str) {
				errs = append(errs, at(f.Val.Off, "language", "a BCP 47 language tag such as es or zh-Hant"))
				continue
			}
			c.Language = Locale(f.Val.Str)
		case "messages":
			msgs = f.Val
		default:
			errs = append(errs, at(f.KeyOff, f.Key, "unknown field: a catalogue has language and messages"))
		}
	}
	if c.Language == "" && len(errs) == 0 {
		errs = append(errs, at(root.Off, "language", "missing: the language the messages are in"))
	}
	if msgs == nil || msgs.Kind != jsonpos.Object {
		off := root.Off
		if msgs != nil {
			off = msgs.Off
		}
		return nil, append(errs, at(off, "messages", "missing: an object of messages by key"))
	}
	cats := categories(c.Language)
	for _, f := range msgs.Fields {
		path := `messages["` + f.Key + `"]`
		key := Key(f.Key)
		en, known := english[key]
		zone := strings.HasPrefix(f.Key, "zone.") && len(f.Key) > len("zone.")
		if !known && !zone {
			errs = append(errs, at(f.KeyOff, path, "unknown key"+suggest(f.Key, english)))
			continue
		}
		if _, dup := c.Messages[key]; dup {
			errs = append(errs, at(f.KeyOff, path, "the same key twice"))
			continue
		}
		want := placeholders(en.Text)
		if en.Forms != nil {
			want = placeholders(en.Forms["other"])
		}
		switch {
		case f.Val.Kind == jsonpos.String && (zone || en.Forms == nil):
			if got := placeholders(f.Val.Str); !zone && got != want {
				errs = append(errs, at(f.Val.Off, path, fmt.Sprintf("takes %s; this text has %s", show(want), show(got))))
			}
			c.Messages[key] = Message{Text: f.Val.Str}
		case f.Val.Kind == jsonpos.Object && en.Forms != nil:
			forms := map[string]string{}
			for _, ff := range f.Val.Fields {
				if ff.Val.Kind != jsonpos.String {
					errs = append(errs, at(ff.Val.Off, path+"."+ff.Key, "a text"))
					continue
				}
				if !slices.Contains(cats, ff.Key) {
					errs = append(errs, at(ff.KeyOff, path+"."+ff.Key, fmt.Sprintf("%s has no plural form %q; its forms are %s", c.Language, ff.Key, strings.Join(cats, ", "))))
					continue
				}
				// A form whose category holds one number only may say
				// it in words (Arabic's حدثان, Hebrew's יום אחד), as
				// ICU's plural messages may; Russian's "one", which
				// holds 21 and 31 too, may not. The other placeholders
				// stay.
				if got := placeholders(ff.Val.Str); got != want && !(singleNumber(c.Language, ff.Key) && got == withoutNumber(want)) {
					errs = append(errs, at(ff.Val.Off, path+"."+ff.Key, fmt.Sprintf("takes %s; this text has %s", show(want), show(got))))
				}
				forms[ff.Key] = ff.Val.Str
			}
			for _, cat := range cats {
				if _, ok := forms[cat]; !ok {
					errs = append(errs, at(f.Val.Off, path, fmt.Sprintf("missing the plural form %q (%s has %s)", cat, c.Language, strings.Join(cats, ", "))))
				}
			}
			c.Messages[key] = Message{Forms: forms}
		case en.Forms != nil:
			errs = append(errs, at(f.Val.Off, path, "a plural message: an object of forms ("+strings.Join(cats, ", ")+")"))
		default:
			errs = append(errs, at(f.Val.Off, path, "a text"))
		}
	}
	if complete {
		var missing []string
		for k := range english {
			if _, ok := c.Messages[k]; !ok {
				missing = append(missing, string(k))
			}
		}
		slices.Sort(missing)
		for _, k := range missing {
			errs = append(errs, at(msgs.Off, `messages["`+k+`"]`, "missing"))
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return c, nil
}

// placeholders lists the {n} a text uses, sorted, as one string.
func placeholders(s string) string {
	var got []string
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '{' && s[i+1] >= '0' && s[i+1] <= '9' && s[i+2] == '}' {
			got = append(got, s[i:i+3])
		}
	}
	slices.Sort(got)
	return strings.Join(got, " ")
}

func show(p string) string {
	if p == "" {
		return "no placeholder"
	}
	return p
}

// suggest names a key that differs by little, for a typing slip.
func suggest(key string, english map[Key]Message) string {
	for k := range english {
		if strings.EqualFold(string(k), key) {
			return "; did you mean " + string(k) + "?"
		}
	}
	prefix, _, _ := strings.Cut(key, ".")
	var same []string
	for k := range english {
		if strings.HasPrefix(string(k), prefix+".") {
			same = append(same, string(k))
		}
	}
	if len(same) == 0 {
		return ""
	}
	slices.Sort(same)
	return "; keys that start so: " + strings.Join(same, ", ")
}

// position is the 1-based line and column (in runes) of a byte offset.
func position(data []byte, off int) (line, col int) {
	line, col = 1, 1
	for _, r := range string(data[:min(max(off, 0), len(data))]) {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// validTag is a loose BCP 47 check: letters and digits in subtags of up
// to 8, the first of 2 or 3 letters.
func validTag(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts[0]) < 2 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts {
		if p == "" || len(p) > 8 {
			return false
		}
		for _, c := range p {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return false
			}
		}
	}
	return true
}

// singleNumber says a plural category of a language holds one whole
// number only (Arabic's two: 2; English's one: 1), so that its form may
// leave the number out. Counts here are whole numbers up to a thousand
// and more; a category that holds none or several below 1000 does not.
func singleNumber(lang Locale, category string) bool {
	d, ok := cldr.Lookup(string(lang))
	if !ok {
		return false
	}
	rule, ok := d.PluralRules[category]
	if !ok || category == "other" {
		return false
	}
	n := 0
	for i := range 1000 {
		if op, _ := cldr.ParseOperands(strconv.Itoa(i)); cldr.Rule(rule).Holds(op) {
			n++
		}
	}
	return n == 1
}

// withoutNumber is a message's placeholders less the counted number, {0}.
func withoutNumber(placeholders string) string {
	return strings.TrimSpace(strings.Replace(placeholders, "{0}", "", 1))
}
