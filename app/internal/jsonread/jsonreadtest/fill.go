// Package jsonreadtest helps test a reader written with jsonread: Fill
// sets every field of a model, so that a test can marshal it and see
// each one read back.
package jsonreadtest

import (
	"fmt"
	"reflect"
)

// Fill sets every exported field of the value v points to, wherever the
// type nests them: each string to a value naming its path (with a quote,
// a backslash and text beyond ASCII, which JSON escapes or carries as
// is), each bool to true, each number to one that names its depth, each
// list, pair and map to two elements and each pointer to a filled value.
// It panics on a kind jsonread has no reader for.
func Fill(v any) { fill(reflect.ValueOf(v).Elem(), "$", 1) }

func fill(v reflect.Value, path string, n int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("v:" + path + ` "quoted" \ é 🙂`)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int:
		v.SetInt(int64(-7 * n))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), path, n+1)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		fallthrough
	case reflect.Array:
		for i := range v.Len() {
			fill(v.Index(i), fmt.Sprintf("%s[%d]", path, i), n+1+i)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for i := range 2 {
			k := reflect.New(v.Type().Key()).Elem()
			k.SetString(fmt.Sprintf("key%d", i))
			e := reflect.New(v.Type().Elem()).Elem()
			fill(e, fmt.Sprintf("%s[%d]", path, i), n+1+i)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				fill(v.Field(i), path+"."+f.Name, n+1)
			}
		}
	default:
		panic("jsonreadtest.Fill: a " + v.Kind().String() + " at " + path + ", which jsonread reads no value into")
	}
}
