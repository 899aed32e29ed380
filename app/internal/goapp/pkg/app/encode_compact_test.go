package app

import "testing"

func TestHTMLStringCompact(t *testing.T) {
	tests := []struct {
		name string
		ui   UI
		want string
	}{
		{"texts and elements", Div().Class("a").Body(Text("one "), B().Text("two"), Text(" three")), `<div class="a">one <b>two</b> three</div>`},
		{"nested elements", Ul().Body(Li().Body(A().Href("/x").Text("x")), Li().Text("y")), `<ul><li><a href="/x">x</a></li><li>y</li></ul>`},
		{"a single text", P().Text("  kept  "), `<p>  kept  </p>`},
		{"raw markup", Div().Body(Raw("<svg></svg>"), Span()), `<div><svg></svg><span></span></div>`},
		{"a self-closing element", Div().Body(Img().Src("/i.png"), Br()), `<div><img src="/i.png"><br></div>`},
		{"a pre's leading line break kept", Pre().Text("\nx"), "<pre>\n\nx</pre>"},
		{"a textarea's too", Textarea().Body(Text("\ny"), Text("z")), "<textarea>\n\nyz</textarea>"},
		{"a pre without one", Pre().Text("x\n"), "<pre>x\n</pre>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HTMLStringCompact(tt.ui); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	// HTMLString still indents.
	if got, want := HTMLString(Div().Body(Span(), Span())), "<div>\n  <span></span>\n  <span></span>\n</div>"; got != want {
		t.Errorf("HTMLString: got %q, want %q", got, want)
	}
}
