package story

import (
	"reflect"
	"strings"
	"testing"
)

// TestForReadersDropsEveryEditorialField fills every field of a story
// marked story:"editorial" and checks that ForReaders empties each, and
// leaves the story it was given alone: a new desk-only field cannot be
// served by being forgotten here.
func TestForReadersDropsEveryEditorialField(t *testing.T) {
	s := &Story{Title: "T", Quotes: []Quote{{ID: "q", Text: "words"}}, Events: []Event{{ID: "e"}}, People: []Person{{ID: "p"}}, Sources: []Source{{ID: "s"}}}
	var paths []string
	fill(reflect.ValueOf(s).Elem(), "$", &paths)
	if len(paths) == 0 {
		t.Fatal("no editorial field found to test")
	}
	r := s.ForReaders()
	var left []string
	walkEditorial(reflect.ValueOf(r).Elem(), "$", func(path string, v reflect.Value) {
		if !v.IsZero() {
			left = append(left, path)
		}
	})
	if len(left) > 0 {
		t.Errorf("ForReaders keeps editorial fields: %s", strings.Join(left, ", "))
	}
	walkEditorial(reflect.ValueOf(s).Elem(), "$", func(path string, v reflect.Value) {
		if v.IsZero() {
			t.Errorf("ForReaders emptied %s in the story it was given", path)
		}
	})
	if r.Quotes[0].Text != "words" || r.Title != "T" {
		t.Error("ForReaders lost what readers get")
	}
}

// fill sets every editorial string field to a value, recording its path.
func fill(v reflect.Value, path string, paths *[]string) {
	walkEditorial(v, path, func(p string, f reflect.Value) {
		switch {
		case f.Kind() == reflect.String:
			f.SetString("desk only")
		case f.Kind() == reflect.Pointer && f.Type().Elem().Kind() == reflect.Struct:
			f.Set(reflect.New(f.Type().Elem()))
		default:
			panic("editorial field of kind " + f.Kind().String() + ": teach this test to fill it")
		}
		*paths = append(*paths, p)
	})
}

// walkEditorial calls f on each editorial field under v.
func walkEditorial(v reflect.Value, path string, f func(string, reflect.Value)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			walkEditorial(v.Elem(), path, f)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkEditorial(v.Index(i), path+"[]", f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			sf := v.Type().Field(i)
			if !sf.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if strings.Contains(sf.Tag.Get("story"), "editorial") {
				f(path+"."+name, v.Field(i))
				continue
			}
			walkEditorial(v.Field(i), path+"."+name, f)
		}
	}
}
