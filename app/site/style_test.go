package site

import (
	"bytes"
	"io/fs"
	"testing"
	"testing/fstest"

	"explainer/web"
)

func TestCompactCSS(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"comments and indentation", "/* head */\n.a {\n  color: red; /* why */\n}\n\n\n.b{}\n", ".a {\ncolor: red;\n}\n.b{}\n"},
		{"a comment between tokens is a space", "a/**/b{}", "a b{}\n"},
		{"strings keep what looks like a comment", ".q::before { content: \"/* not */\"; }\n.r::after{content:'it\\'s /*'}", ".q::before { content: \"/* not */\"; }\n.r::after{content:'it\\'s /*'}\n"},
		{"an unclosed comment ends the sheet", ".a{}\n/* open", ".a{}\n"},
		{"an unclosed string ends at its line", ".a{content:\"x\n.b{}", ".a{content:\"x\n.b{}\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := string(compactCSS([]byte(c.in))); got != c.want {
				t.Errorf("compactCSS(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// The reader's stylesheet goes into the page compacted; a sheet that is
// too large, or would end the <style> element, is linked instead.
func TestInlineStyle(t *testing.T) {
	css, err := fs.ReadFile(web.Static, "static/explainer.css")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		css    []byte
		inline bool
	}{
		{"the reader's stylesheet", css, true},
		{"over the limit", bytes.Repeat([]byte(".a{color:red}\n"), maxInlineStyle/14+1), false},
		{"an end tag in a string", []byte(`.a::before{content:"</STYLE>"}`), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, err := LoadAssets(fstest.MapFS{"explainer.css": {Data: c.css}})
			if err != nil {
				t.Fatal(err)
			}
			got := inlineStyle(a)
			if (got != "") != c.inline {
				t.Fatalf("inlined %d B of %d, want inlined: %v", len(got), len(c.css), c.inline)
			}
			if c.inline && len(got) >= len(c.css) {
				t.Errorf("inlined %d B of %d: not compacted", len(got), len(c.css))
			}
		})
	}
}
