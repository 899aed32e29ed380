package site

import (
	"regexp"
	"strings"
	"testing"

	"explainer/app/i18n"
	"explainer/app/widget"
)

// TestComment: nothing in a comment's text can end it or open markup.
func TestComment(t *testing.T) {
	if got := comment("a --> <script>"); got != "<!-- a - -› ‹script› -->" {
		t.Errorf("comment() = %q", got)
	}
}

// TestLivePagesOnly: boot.js answers a link itself by fetching the page
// in the linked state, which only a server renders; a static host serves
// one prerender of a page whatever its query, so its copy must leave the
// links to the browser. data-live on boot.js's tag says which.
func TestLivePagesOnly(t *testing.T) {
	s := builtInSite(t)
	e := s.Stories().List()[0]
	live, err := s.renderStory(e, widget.State{}, widget.Options{}, "", true, nil)
	if err != nil {
		t.Fatal(err)
	}
	files, err := s.StoryFiles(e)
	if err != nil {
		t.Fatal(err)
	}
	bootTag := regexp.MustCompile(`<script [^>]*src="[^"]*/boot\.[^>]*>`)
	for _, c := range []struct {
		name string
		page []byte
		want bool
	}{{"the server's page", live, true}, {"a static host's " + files[0].Path, files[0].Body, false}} {
		tag := bootTag.Find(c.page)
		if tag == nil {
			t.Fatalf("%s has no boot.js", c.name)
		}
		if got := strings.Contains(string(tag), ` data-live="1"`); got != c.want {
			t.Errorf("%s: data-live is %v; want %v: %s", c.name, got, c.want, tag)
		}
	}
}

// A reader's ?lang= keeps only what changes the page, in one spelling, so
// that spellings of one language share its page and cache entry.
func TestKnownLanguageNormalises(t *testing.T) {
	s := builtInSite(t)
	tests := map[i18n.Locale]i18n.Locale{
		"uk":              "uk",
		"EN-gb":           "en-GB",
		"es-x-anything":   "es",
		"es-MX-x-a1":      "es-MX",
		"zh-hant-tw":      "zh-Hant-TW",
		"ar-EG-u-nu-latn": "ar-EG-u-nu-latn",
		"ar-u-ca-islamic": "ar",
		"sk":              "",
		"":                "",
	}
	for in, want := range tests {
		if got := s.KnownLanguage(widget.Options{Lang: in}).Lang; got != want {
			t.Errorf("KnownLanguage(%q) = %q; want %q", in, got, want)
		}
	}
}
