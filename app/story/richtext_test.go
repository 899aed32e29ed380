package story

import (
	"fmt"
	"strings"
	"testing"
)

func TestRichText(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // runs as text|em|strong|link, one per run, paragraphs split by " ¶ "
	}{
		{name: "plain", in: "Just words.", want: "Just words."},
		{name: "paragraphs", in: "One.\n\nTwo.", want: "One. ¶ Two."},
		{name: "link", in: "See [the report](https://example.com/r), then more.", want: "See |[the report→https://example.com/r]|, then more."},
		{name: "emphasis", in: "a *b* c **d** e", want: "a |*b*| c |**d**| e"},
		{name: "emphasis in a link", in: "*[x](https://e.com)*", want: "*[x→https://e.com]*"},
		{name: "unclosed star is text", in: "5 * 3 and *open", want: "5 * 3 and *open"},
		{name: "spaced stars are text", in: "a * b * c", want: "a * b * c"},
		{name: "escapes", in: `\*not\* \[x\](y) \\`, want: `*not* [x](y) \`},
		{name: "not a link: space in address", in: "[a](https://e.com/a b)", want: "[a](https://e.com/a b)"},
		{name: "not a link: empty words", in: "[](https://e.com)", want: "[](https://e.com)"},
		{name: "HTML is text", in: "<b>bold</b> & <script>", want: "<b>bold</b> & <script>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paras []string
			for _, p := range RichText(tt.in).Paragraphs() {
				var runs []string
				for _, r := range p {
					s := r.Text
					if r.Link != "" {
						s = "[" + s + "→" + string(r.Link) + "]"
					}
					if r.Em {
						s = "*" + s + "*"
					}
					if r.Strong {
						s = "**" + s + "**"
					}
					runs = append(runs, s)
				}
				paras = append(paras, strings.Join(runs, "|"))
			}
			if got := strings.Join(paras, " ¶ "); got != tt.want {
				t.Errorf("%q parses as %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRichTextLinksAreChecked: a link in a body must be http(s), and the
// error names the field.
func TestRichTextLinksAreChecked(t *testing.T) {
	for _, link := range []string{"javascript:alert", "ftp://example.com/f", "/relative", "https://"} {
		_, err := Parse("f.json", []byte(fmt.Sprintf(`{"id":"s","title":"T","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"},"body":"See [this](%s)."}]}`, link)))
		if err == nil || !strings.Contains(err.Error(), "$.events[0].body: the link “"+link+"”") {
			t.Errorf("a body linking %s: %v", link, err)
		}
	}
	if _, err := Parse("f.json", []byte(`{"id":"s","title":"T","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"},"body":"See [this](https://example.com/a?b=c#d)."}]}`)); err != nil {
		t.Errorf("an https link: %v", err)
	}
}

// FuzzRichText: any text parses, without a panic, into runs whose words
// are all from the text and whose links hold no space or parenthesis.
func FuzzRichText(f *testing.F) {
	for _, s := range []string{"a *b* **c** [d](https://e.com) \\*", "[[x](y)](z)", "***", "*[", "\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		total := 0
		for _, p := range RichText(s).Paragraphs() {
			for _, r := range p {
				total += len(r.Text) + len(r.Link)
				if strings.ContainsAny(string(r.Link), " \t\n()") {
					t.Fatalf("link %q from %q", r.Link, s)
				}
			}
		}
		if total > len(s) {
			t.Fatalf("%d bytes of runs from %d of text %q", total, len(s), s)
		}
	})
}
