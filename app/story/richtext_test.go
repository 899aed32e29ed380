package story

import (
	"fmt"
	"slices"
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
// are all from the text and whose links hold no space or parenthesis, and
// as the rules read (refParseInlines, whose time grows with the square of
// a paragraph: it is asked only of texts up to 256 bytes). The seeds include
// long runs of delimiters that never close.
func FuzzRichText(f *testing.F) {
	for _, s := range []string{"a *b* **c** [d](https://e.com) \\*", "[[x](y)](z)", "***", "*[", "\\"} {
		f.Add(s)
	}
	for _, run := range []string{" *", " **", "*", "**a", "[", "[a](", "[a]", "\\*", "* [", "*a "} {
		f.Add(strings.Repeat(run, 1000))
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) <= 256 {
			for _, p := range Paragraphs(s) {
				if got, want := parseInlines(p), refParseInlines(p); !slices.Equal(got, want) {
					t.Fatalf("%q parses as\n%+v\nwant\n%+v", p, got, want)
				}
			}
		}
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

// TestRichTextAsRuleReads: the parser answers as the rules read, scanning
// ahead from every star (refParseInlines), for every short text over the
// characters that matter: stars, brackets, parentheses, backslashes,
// spaces, newlines and a letter. Short texts of these few characters hold
// every way delimiters meet; FuzzRichText tries longer ones.
func TestRichTextAsRuleReads(t *testing.T) {
	const alphabet = "*[]()\\ \na"
	var texts []string
	var grow func(prefix string, n int)
	grow = func(prefix string, n int) {
		texts = append(texts, prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			grow(prefix+string(c), n-1)
		}
	}
	grow("", 6) // 9^6 ≈ 531,441 texts up to six characters
	texts = append(texts,
		"a *b* **c** [d](https://e.com) \\*", "[[x](y)](z)", "***a***", "a***b**c*",
		"**a*b*c**", "*a**b**c*", "\\**a**", "[a](b)[c](d e)[f](g)", "[a]([b](c))",
	)
	// Long runs of delimiters, closed at the end or never.
	for _, run := range []string{" *", " **", "*", "**a", "[", "[a](", "[a]", "\\*", "* [", "*a ", "a*"} {
		long := strings.Repeat(run, 200)
		texts = append(texts, long, long+"x*", long+"x**", "*"+long, "[w"+long+"](https://e.com)")
	}
	for _, s := range texts {
		if got, want := parseInlines(s), refParseInlines(s); !slices.Equal(got, want) {
			t.Fatalf("%q parses as\n%+v\nwant\n%+v", s, got, want)
		}
	}
}
