package story

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"explainer/app/internal/golden"
)

const schemaPath = "../../web/story.schema.json"

// TestSchemaFileIsCurrent fails when the committed schema, which editors
// load, no longer matches the Go types. Refresh it with -update.
func TestSchemaFileIsCurrent(t *testing.T) {
	golden.CheckFile(t, schemaPath, Schema())
}

// TestSchemaMatchesTypes checks the generated schema against the struct
// types directly: every field is a property, and required fields match.
func TestSchemaMatchesTypes(t *testing.T) {
	var schema struct {
		Schema string `json:"$schema"`
		Defs   map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
			Required   []string                   `json:"required"`
		} `json:"$defs"`
		Properties map[string]json.RawMessage `json:"properties"`
		Required   []string                   `json:"required"`
		Else       struct {
			Required []string `json:"required"`
		} `json:"else"`
	}
	if err := json.Unmarshal(Schema(), &schema); err != nil {
		t.Fatal(err)
	}
	if schema.Schema != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %q", schema.Schema)
	}
	types := []any{Story{}, Person{}, Image{}, Phase{}, Event{}, Quote{}, Source{}, Moment{}, Credit{}, Update{}, Live{}, LiveEvent{}}
	for _, v := range types {
		rt := reflect.TypeOf(v)
		// The fields a live source may give are required in "else", the
		// case of a story without one.
		props, required := schema.Properties, append(slices.Clone(schema.Required), schema.Else.Required...)
		if rt.Name() != "Story" {
			def, ok := schema.Defs[rt.Name()]
			if !ok {
				t.Errorf("schema has no $defs/%s", rt.Name())
				continue
			}
			props, required = def.Properties, def.Required
		}
		var wantProps, wantRequired []string
		for _, f := range structInfoOf(rt).fields {
			wantProps = append(wantProps, f.name)
			if f.required {
				wantRequired = append(wantRequired, f.name)
			}
		}
		var gotProps []string
		for k := range props {
			gotProps = append(gotProps, k)
		}
		slices.Sort(gotProps)
		slices.Sort(wantProps)
		if !reflect.DeepEqual(gotProps, wantProps) {
			t.Errorf("%s: schema properties %v; want %v", rt.Name(), gotProps, wantProps)
		}
		slices.Sort(required)
		slices.Sort(wantRequired)
		if !reflect.DeepEqual(required, wantRequired) {
			t.Errorf("%s: schema required %v; want %v", rt.Name(), required, wantRequired)
		}
	}
}
