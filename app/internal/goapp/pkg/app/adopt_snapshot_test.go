package app

import (
	"fmt"
	"strings"
	"testing"
)

// describe writes records as one line each: depth, name, attributes and
// data, following first and next, so a test reads the tree they make.
func describe(recs []domRecord) string {
	var b strings.Builder
	var walk func(i, depth int)
	walk = func(i, depth int) {
		for ; i >= 0; i = recs[i].next {
			r := recs[i]
			fmt.Fprintf(&b, "%s%s", strings.Repeat(".", depth), r.name)
			for _, a := range r.attrs {
				fmt.Fprintf(&b, " %s=%q", a.name, a.value)
			}
			if r.data != "" {
				fmt.Fprintf(&b, " %q", r.data)
			}
			b.WriteString("\n")
			walk(r.first, depth+1)
		}
	}
	walk(0, 0)
	return b.String()
}

func TestParseOuterHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"element", `<div></div>`, "div\n"},
		{"attributes in order, unescaped", `<a href="/x?a=1&amp;b=2" title="&quot;q&quot; &lt;b&gt;&nbsp;" data-x="">t</a>`,
			"a href=\"/x?a=1&b=2\" title=\"\\\"q\\\" <b>\\u00a0\" data-x=\"\"\n.#text \"t\"\n"},
		{"text unescaped", `<p>a &amp; b &lt;c&gt;&nbsp;d</p>`, "p\n.#text \"a & b <c>\\u00a0d\"\n"},
		{"nesting and siblings", `<ul><li>1</li><li><b>2</b> two</li></ul>`,
			"ul\n.li\n..#text \"1\"\n.li\n..b\n...#text \"2\"\n..#text \" two\"\n"},
		{"void elements", `<p>a<br>b<img src="x.png" alt=""></p>`,
			"p\n.#text \"a\"\n.br\n.#text \"b\"\n.img src=\"x.png\" alt=\"\"\n"},
		{"comment", `<div><!-- c --><i></i></div>`, "div\n.#comment \" c \"\n.i\n"},
		{"raw text kept as it is", `<div><style>a > b { x: "&amp;" }</style><script></script></div>`,
			"div\n.style\n..#text \"a > b { x: \\\"&amp;\\\" }\"\n.script\n"},
		{"svg", `<svg viewBox="0 0 1 1"><path d="M0 0"></path></svg>`, "svg viewBox=\"0 0 1 1\"\n.path d=\"M0 0\"\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, ok := parseOuterHTML(tt.in)
			if !ok {
				t.Fatalf("refused %s", tt.in)
			}
			if got := describe(recs); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// Markup the parse cannot account for node by node is refused: the mount
// then reads the DOM as it is.
func TestParseOuterHTMLRefuses(t *testing.T) {
	for _, in := range []string{
		``,
		`text`,
		`<div>`,
		`<div></span>`,
		`<div></div><div></div>`,
		`<div><template><p></p></template></div>`,
		`<div a=b></div>`,
		`<div a="b></div>`,
		`<style>x`,
		`<!-- x`,
		`<div><!--c-->d--></div>`,
		`<svg><style><!--x--></style></svg>`,
		`<math><script>a &amp;&amp; b</script></math>`,
	} {
		if recs, ok := parseOuterHTML(in); ok {
			t.Errorf("%q: parsed, as\n%s", in, describe(recs))
		}
	}
}
