//go:build !wasm

package story

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"explainer/app/internal/testenv"
)

// TestSchemaWithAjv checks the committed schema with a real JSON Schema
// validator, as an editor would use it: valid stories pass, and the
// mistakes a schema can see (everything but references and duplicate ids)
// are caught.
func TestSchemaWithAjv(t *testing.T) {
	node := testenv.Node(t)
	modules := testenv.NodeModules(t, "ajv")
	tests := []struct {
		file  string
		valid bool
		want  string // part of one of Ajv's messages
	}{
		{file: defaultStoryPath, valid: true},
		{file: "../widget/testdata/full-story.json", valid: true},
		{file: "testdata/live-story.json", valid: true},
		{file: "testdata/errors/live-every.json", want: "/live must have required property 'url'"},
		{file: "testdata/errors/unknown-field.json", want: "must NOT have additional properties"},
		{file: "testdata/errors/missing-required.json", want: "must have required property 'title'"},
		{file: "testdata/errors/wrong-types.json", want: "/title must be string"},
		{file: "testdata/errors/unsafe-urls.json", want: "/sources/0/url must match pattern"},
		{file: "testdata/errors/times.json", want: "/events/3/start/date must match pattern"},
		{file: "testdata/errors/empty-events.json", want: "/events must NOT have fewer than 1 items"},
		{file: "testdata/errors/media.json", want: "/events/2/media/thumbnail must NOT be valid"},
	}
	args := []string{"testdata/ajv-validate.js", schemaPath}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			args = append(args, tt.file)
		})
	}
	cmd := exec.Command(node, args...)
	cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("ajv: %v\n%s", err, out)
	}
	var results map[string][]string
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("ajv output: %v\n%s", err, out)
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			errs := results[tt.file]
			if tt.valid && len(errs) > 0 {
				t.Errorf("%s: the schema rejects a valid story: %q", tt.file, errs)
			}
			if !tt.valid && !strings.Contains(strings.Join(errs, "\n"), tt.want) {
				t.Errorf("%s: want an error containing %q; got %q", tt.file, tt.want, errs)
			}
		})
	}
}
