package story

import (
	"encoding/json"
	"reflect"
	"strings"
)

// Schema returns the JSON Schema (draft 2020-12) of the story format,
// generated from the same types and tags that Parse decodes with, so the
// two cannot disagree.
func Schema() []byte {
	defs := map[string]any{}
	root := schemaOf(reflect.TypeFor[Story](), defs)
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["title"] = "explainer story"
	root["description"] = "A story for the explainer widget: events on a timeline, the people in them, their quotes and the sources."
	delete(defs, "Story")
	root["$defs"] = defs
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err) // only maps of plain values: cannot fail
	}
	return append(out, '\n')
}

var schemaerType = reflect.TypeFor[schemaer]()

// schemaOf returns the schema of t; structs other than the root go into
// defs and are referred to by name.
func schemaOf(t reflect.Type, defs map[string]any) map[string]any {
	if t.Implements(schemaerType) {
		return reflect.Zero(t).Interface().(schemaer).jsonSchema()
	}
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem(), defs)
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), defs)}
	case reflect.String:
		return map[string]any{"type": "string"}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Struct:
		if _, done := defs[t.Name()]; !done {
			defs[t.Name()] = nil // placeholder against recursion
			defs[t.Name()] = structSchema(t, defs)
		}
		if t == reflect.TypeFor[Story]() {
			return defs[t.Name()].(map[string]any)
		}
		return map[string]any{"$ref": "#/$defs/" + t.Name()}
	}
	panic("story: no schema for " + t.String())
}

func structSchema(t reflect.Type, defs map[string]any) map[string]any {
	props := map[string]any{}
	var required, sheet []string
	sheetProps := map[string]any{}
	for _, f := range structInfoOf(t).fields {
		s := schemaOf(t.Field(f.index).Type, defs)
		if f.doc != "" {
			s = withDescription(s, f.doc)
		}
		props[f.name] = s
		switch {
		case f.required && f.sheet:
			sheet = append(sheet, f.name)
		case f.required:
			required = append(required, f.name)
		}
		if f.nonEmpty && f.sheet {
			sheetProps[f.name] = map[string]any{"type": "array", "minItems": 1}
		} else if f.nonEmpty {
			s["minItems"] = 1
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	if len(sheet) > 0 {
		// Required unless the object names a live source, which gives
		// them (Live). Each schema names the properties it requires, as
		// strict validators (Ajv) ask.
		for _, name := range sheet {
			if _, ok := sheetProps[name]; !ok {
				sheetProps[name] = true
			}
		}
		s["if"] = map[string]any{"properties": map[string]any{"live": true}, "required": []string{"live"}}
		s["else"] = map[string]any{"properties": sheetProps, "required": sheet}
	}
	if x, ok := reflect.Zero(t).Interface().(schemaExtender); ok {
		x.extendSchema(props)
	}
	return s
}

// schemaExtender is a struct with a rule across a field's type that its
// schema states too, so that editors see it as they type.
type schemaExtender interface {
	extendSchema(props map[string]any)
}

// withDescription adds a description without touching a shared schema.
func withDescription(s map[string]any, doc string) map[string]any {
	out := make(map[string]any, len(s)+1)
	for k, v := range s {
		out[k] = v
	}
	out["description"] = strings.TrimSpace(doc)
	return out
}
