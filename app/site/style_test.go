package site

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"explainer/app/widget"
	"explainer/web"
)

func TestCompactCSS(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"comments and indentation", "/* head */\n.a {\n  color: red; /* why */\n}\n\n\n.b{}\n", ".a {\ncolor: red;\n}\n.b{}\n"},
		{"a comment is no token", ".a/**/ .b, .c /* x */{}", ".a .b, .c {}\n"},
		{"unless names would run together", "a/**/b{margin:1/* */2px}", "a/**/b{margin:1/**/2px}\n"},
		{"strings keep what looks like a comment", ".q::before { content: \"/* not */\"; }\n.r::after{content:'it\\'s /*'}", ".q::before { content: \"/* not */\"; }\n.r::after{content:'it\\'s /*'}\n"},
		{"strings keep an escaped line break and its space", ".a::before{content:\"x\\\n   y\"}", ".a::before{content:\"x\\\n   y\"}\n"},
		{"an unclosed comment ends the sheet", ".a{}\n/* open", ".a{}\n"},
		{"an unclosed string ends at its line", ".a{content:\"x\n  .b{}", ".a{content:\"x\n.b{}\n"},
		{"a line of comment alone goes", ".a{}\n  /* note */  \n.b{}", ".a{}\n.b{}\n"},
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

// siteWithCSS is the built-in story's site with css as the reader's
// stylesheet.
func siteWithCSS(t *testing.T, css []byte) *Site {
	t.Helper()
	static := fstest.MapFS{"explainer.css": {Data: css}}
	for _, name := range []string{"app.wasm", "wasm_exec.js", "boot.js", "favicon.svg"} {
		static[name] = &fstest.MapFile{Data: []byte("/* " + name + " */")}
	}
	return builtInSiteOf(t, static)
}

// A story's page holds the stylesheet, after the WebAssembly's preload;
// the print page links it; a sheet that cannot be held is linked.
func TestPageStyle(t *testing.T) {
	css, err := fs.ReadFile(web.Static, "static/explainer.css")
	if err != nil {
		t.Fatal(err)
	}
	const link = `rel="stylesheet"`
	for _, c := range []struct {
		name   string
		css    []byte
		inline bool
	}{
		{"the reader's stylesheet", css, true},
		{"one that would end the element", []byte(`.a::before{content:"</style>"}`), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := siteWithCSS(t, c.css)
			e := s.Stories().List()[0]
			page, err := s.renderStory(e, widget.State{}, widget.Options{}, "", true, nil)
			if err != nil {
				t.Fatal(err)
			}
			p := string(page)
			styles, links := strings.Count(p, "<style>"), strings.Count(p, link)
			if c.inline {
				if styles != 1 || links != 0 {
					t.Errorf("the story page has %d <style> and %d stylesheet links, want 1 and 0", styles, links)
				}
				if !strings.Contains(p, ".timeline-list") || strings.Contains(p, "/*") {
					t.Error("the story page's style is not the compacted stylesheet")
				}
				if pre, style := strings.Index(p, `rel="preload"`), strings.Index(p, "<style>"); pre < 0 || pre > style {
					t.Errorf("the WebAssembly's preload is at %d, the style at %d: the preload goes first", pre, style)
				}
			} else if styles != 0 || links != 1 {
				t.Errorf("the story page has %d <style> and %d stylesheet links, want 0 and 1", styles, links)
			}
			print, err := s.PrintPage(e, widget.Options{}, "")
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(string(print), link); n != 1 || strings.Contains(string(print), "<style>") {
				t.Errorf("the print page has %d stylesheet links and <style> %v, want 1 and none", n, strings.Contains(string(print), "<style>"))
			}
		})
	}
}
