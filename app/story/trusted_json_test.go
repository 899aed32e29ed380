package story

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"explainer/app/internal/jsonread/jsonreadtest"
)

// Every field of the model, filled and written as Marshal writes it,
// comes back from decodeTrusted: a field added to the model without a
// case in the decoder fails here.
func TestDecodeTrustedReadsEveryField(t *testing.T) {
	var want Story
	jsonreadtest.Fill(&want)
	data, err := json.Marshal(&want)
	if err != nil {
		t.Fatal(err)
	}
	var got Story
	if err := decodeTrusted(data, &got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		a, _ := json.MarshalIndent(got, "", " ")
		t.Errorf("decodeTrusted lost fields; it read:\n%s", a)
	}
}

// decodeTrusted reads what encoding/json reads, to the same story.
func TestDecodeTrustedAsEncodingJSON(t *testing.T) {
	for name, data := range map[string]string{
		"escapes":                    `{"id":"a\"b\\c\/d\b\f\n\r\t","title":"\u00e9\u4e2d\u0000"}`,
		"a surrogate pair":           `{"title":"\ud83d\ude42 smile"}`,
		"a lone high half":           `{"title":"x\ud83dy"}`,
		"a lone low half":            `{"title":"x\ude42y"}`,
		"a half, then a letter":      `{"title":"\ud83d\u0041"}`,
		"two high halves":            `{"title":"\ud83d\ud83d\ude42"}`,
		"not UTF-8":                  "{\"title\":\"a\xffb\xc3\"}",
		"UTF-8 as it is":             `{"title":"Зеленський, 習近平, שלום"}`,
		"HTML as Marshal escapes it": `{"dek":"\u003cb\u003e \u0026 \u2028"}`,
		"names the model has not":    `{"x":{"a":[1,-2.5e3,true,null,{"b":"c"}]},"id":"a","y":[],"z":{},"n":null,"t":true,"f":false,"num":0}`,
		"nulls":                      `{"id":null,"media":null,"credits":null,"events":[{"id":"e","end":null,"people":null}],"updates":[{"correction":null}]}`,
		"empty lists":                `{"events":[],"people":[],"quotes":[{"id":"q"}]}`,
		"space everywhere":           " \n{ \"id\" : \"a\" ,\t\"events\" : [ { \"id\" : \"e\" , \"start\" : { \"date\" : \"2025\" } } ] , \"live\" : { \"corrections\" : true } }\r\n",
		"nested moments":             `{"events":[{"start":{"date":"2025-02-28T13:40","zone":"America/New_York","approximate":true,"partOfDay":"evening","text":"t"}}],"quotes":[{"when":{"date":"2025"}}]}`,
		"an empty object":            `{}`,
		"null":                       `null`,
	} {
		t.Run(name, func(t *testing.T) {
			var want, got Story
			if err := json.Unmarshal([]byte(data), &want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if err := decodeTrusted([]byte(data), &got); err != nil {
				t.Fatalf("decodeTrusted: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				a, _ := json.Marshal(got)
				b, _ := json.Marshal(want)
				t.Errorf("decodeTrusted read\n%s\nencoding/json\n%s", a, b)
			}
		})
	}
}

// What is not JSON, or not JSON of the model's shape, is an error, as it
// is for encoding/json; never a panic or a partial story taken as whole.
func TestDecodeTrustedRefuses(t *testing.T) {
	for name, data := range map[string]string{
		"nothing":               ``,
		"cut short":             `{"id":"a"`,
		"cut in a string":       `{"id":"a`,
		"cut in an escape":      `{"id":"\u00`,
		"a list":                `[1]`,
		"a number for a string": `{"id":1}`,
		"a string for a bool":   `{"events":[{"start":{"approximate":"yes"}}]}`,
		"an object for a list":  `{"events":{}}`,
		"a list for an object":  `{"media":[]}`,
		"a string for a list":   `{"people":"all"}`,
		"after the story":       `{"id":"a"} {}`,
		"a bad escape":          `{"id":"\x"}`,
		"bad hex":               `{"id":"\u00zz"}`,
		"a control character":   "{\"id\":\"a\nb\"}",
		"no colon":              `{"id" "a"}`,
		"no comma":              `{"id":"a" "title":"b"}`,
		"a trailing comma":      `{"id":"a",}`,
		"a bare word":           `{"x":tru}`,
		"a bad number":          `{"x":-}`,
		"a leading zero":        `{"x":01}`,
		"a plus":                `{"x":+1}`,
		"no digits after a dot": `{"x":1.}`,
		"no exponent":           `{"x":1e}`,
		"a name not a string":   `{id:"a"}`,
	} {
		t.Run(name, func(t *testing.T) {
			var s Story
			if json.Unmarshal([]byte(data), &s) == nil {
				t.Fatalf("encoding/json takes %q: not a case of refusal", data)
			}
			err := decodeTrusted([]byte(data), &Story{})
			if err == nil {
				t.Fatalf("decodeTrusted took %q", data)
			}
			if !strings.HasPrefix(err.Error(), "story JSON: ") {
				t.Errorf("error %q does not say what it read", err)
			}
		})
	}
}

// No input makes decodeTrusted panic; what it takes is valid JSON; it
// reads what encoding/json reads, where the two read the same names
// (see modelNames); and the story it reads, written by encoding/json,
// reads the same with either.
func FuzzDecodeTrusted(f *testing.F) {
	f.Add([]byte(`{"id":"a","events":[{"id":"e","start":{"date":"2025"},"people":["p"]}],"x":[1.5e-3,{"y":null}]}`))
	f.Add([]byte(`{"title":"\ud83d\ude42 \u00e9\n","media":{"src":"https://a"},"live":{"corrections":true}}`))
	f.Add([]byte(`null`))
	names := modelNames(reflect.TypeFor[Story](), map[string]bool{})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Story
		if decodeTrusted(data, &s) != nil {
			return
		}
		if !json.Valid(data) {
			t.Fatalf("decodeTrusted took what is not JSON: %q", data)
		}
		var direct Story
		if json.Unmarshal(data, &direct) == nil && sameNames(data, names) && !reflect.DeepEqual(s, direct) {
			t.Fatalf("encoding/json and decodeTrusted read %q otherwise", data)
		}
		out, err := json.Marshal(&s)
		if err != nil {
			t.Fatal(err)
		}
		var again Story
		if err := decodeTrusted(out, &again); err != nil {
			t.Fatalf("decodeTrusted does not take encoding/json's %q: %v", out, err)
		}
		var want Story
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(again, want) {
			t.Fatalf("encoding/json and decodeTrusted read %q otherwise", out)
		}
	})
}

// modelNames adds the JSON names of t's fields, and of the types it
// nests, to names.
func modelNames(t reflect.Type, names map[string]bool) map[string]bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		return modelNames(t.Elem(), names)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
				names[name] = true
				modelNames(f.Type, names)
			}
		}
	}
	return names
}

// sameNames reports whether the two decoders read data's object names
// alike: no object names a member twice (encoding/json merges into, or
// keeps, what the first gave), and none is a model name in another case
// (encoding/json takes it, decodeTrusted skips it).
func sameNames(data []byte, names map[string]bool) bool {
	type frame struct {
		object, atName bool
		seen           map[string]bool
	}
	stack := []frame{{}}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return true // the end
		}
		top := &stack[len(stack)-1]
		if name, ok := tok.(string); ok && top.object && top.atName {
			if top.seen[name] {
				return false
			}
			top.seen[name] = true
			for n := range names {
				if n != name && strings.EqualFold(n, name) {
					return false
				}
			}
			top.atName = false
			continue
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, frame{object: true, atName: true, seen: map[string]bool{}})
			continue
		case json.Delim('['):
			stack = append(stack, frame{})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		}
		if top := &stack[len(stack)-1]; top.object { // a value ended: a name comes next
			top.atName = true
		}
	}
}
