package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/story/storytest"
)

// TestStudioLanguageByName: the story's language is chosen by its name
// in itself, from the list the studio's server gives (every CLDR
// language, marked where the widget's words are not in it), and stored
// as its tag; the preview follows, in the language's words and
// direction: Spanish picked from the list by a part of its name, then
// Arabic typed whole. axe finds nothing on the field.
func TestStudioLanguageByName(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "lang.json"), []byte(storytest.Small("lang", "Lang")), 0o644); err != nil {
		t.Fatal(err)
	}
	page := serveStudioAt(t, dir, dir, "")
	p := newTab(t)
	axe := axeSource(t)
	p.run(chromedp.Navigate(page + "?file=lang.json"))
	field := byID("f$.language")
	p.waitFor(`document.querySelectorAll("#languages option").length > 400`)
	p.waitPreview(`d.documentElement.lang === "en" && d.body.innerHTML.includes("Timeline of events")`)

	// The control: labelled, offering the list, its text's direction its own.
	for expr, want := range map[string]string{
		field + `.getAttribute("list")`:                                 "languages",
		field + `.getAttribute("dir")`:                                  "auto",
		field + `.labels[0].textContent`:                                "Language",
		`document.querySelector("#languages option[value='es']").label`: "español — es",
		`document.querySelector("#languages option[value='ar']").label`: "العربية — ar",
		`document.querySelector("#languages option[value='cy']").label`: "Cymraeg — cy (widget in English)",
		`document.querySelector("#languages option[value='ja']").label`: "日本語 — ja",
		`String(document.querySelectorAll("#languages option").length)`: "429",
	} {
		if got := p.evalString(expr); got != want {
			t.Errorf("%s: %q, want %q", expr, got, want)
		}
	}
	hint := `document.getElementById("h$.language").textContent`
	if got := p.evalString(hint); !strings.Contains(got, "\u2068English\u2069: the widget's own words are in this language.") {
		t.Errorf("the hint of English: %q", got)
	}
	checkAxe(t, p, axe)

	// Spanish, from the list: a part of its name typed, then its option
	// picked as Chromium picks one (headless, it draws no list to click):
	// the option's value put in the field, with an input event.
	p.focusID("f$.language")
	p.run(chromedp.Evaluate(field+".select()", nil))
	p.run(chromedp.KeyEvent("españ"))
	p.waitFor(field + `.value === "españ"`)
	p.run(chromedp.Evaluate(`(() => { const f = `+field+`; const o = [...f.list.options].find(o => o.label.startsWith(f.value)); f.value = o.value; f.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertReplacementText"})); })()`, nil))
	p.waitForOr(field+`.value === "es"`, field+".value")
	p.waitPreview(`d.documentElement.lang === "es" && d.documentElement.dir === "ltr" && d.body.innerHTML.includes("Cronología") && !d.body.innerHTML.includes("Timeline of events")`)
	p.waitForOr(`document.getElementById("h$.language").textContent.includes("\u2068español\u2069: the widget's own words")`, hint)

	// Arabic, its name typed whole: the field, once left, holds its tag,
	// and the preview reads right to left.
	p.run(chromedp.Evaluate(field+".select()", nil))
	p.run(chromedp.KeyEvent("العربية"))
	p.run(chromedp.KeyEvent(kb.Tab))
	p.waitForOr(field+`.value === "ar"`, field+".value")
	p.waitPreview(`d.documentElement.lang === "ar" && d.documentElement.dir === "rtl" && d.body.innerHTML.includes("التسلسل الزمني للأحداث")`)
	p.viewShot("studio-language-ar")

	// Any tag may still be typed, and is kept as it is: Egypt's Arabic
	// (its digits Arabic-Indic), then with Latin digits asked for.
	for _, tc := range []struct{ tag, lang, has, hasNot string }{
		{"ar-EG", "ar-EG", "٢٠٢٥", "2025"},
		{"ar-EG-u-nu-latn", "ar-EG", "2025", "٢٠٢٥"},
	} {
		p.focusID("f$.language")
		p.run(chromedp.Evaluate(field+".select()", nil))
		p.run(chromedp.KeyEvent(tc.tag))
		p.run(chromedp.KeyEvent(kb.Tab))
		p.waitPreview(`d.documentElement.lang === ` + js(tc.lang) + ` && d.documentElement.dir === "rtl" && d.body.textContent.includes(` + js(tc.has) + `) && !d.body.textContent.includes(` + js(tc.hasNot) + `)`)
		if got := p.evalString(field + ".value"); got != tc.tag {
			t.Errorf("the tag typed, %s, became %q", tc.tag, got)
		}
	}
}
