package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/cli"
	"explainer/app/internal/sitetest"
	siteapp "explainer/app/site"
	"explainer/app/story/storytest"
	"explainer/app/studio"
)

// serveStudio starts the server with the studio on path (a file or the
// folder dir), as explainer edit does, and returns its address.
func serveStudio(t *testing.T, dir, path string) string {
	t.Helper()
	st, err := studio.New(studio.Config{Path: path, Check: siteapp.Check})
	if err != nil {
		t.Fatal(err)
	}
	return serveSite(t, sitetest.Parts{Stories: dir}, st)
}

// js writes a Go string as a JavaScript string literal.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// byID is the element with an id, which in the studio holds a JSON path
// ($, dots and brackets), so never a CSS selector.
func byID(id string) string { return "document.getElementById(" + js(id) + ")" }

// waitForOr is waitFor, which on failure says what explain evaluates to.
func (p *tab) waitForOr(cond, explain string) {
	p.t.Helper()
	var ok bool
	err := chromedp.Run(p.ctx, chromedp.Poll(cond, &ok, chromedp.WithPollingTimeout(waitTimeout)))
	if err != nil {
		p.t.Fatalf("waiting for %s: %v; %s", cond, err, p.evalString(explain))
	}
}

// focusID moves the keyboard to an element.
func (p *tab) focusID(id string) {
	p.t.Helper()
	p.waitFor(byID(id) + " !== null")
	p.run(chromedp.Evaluate(byID(id)+".focus()", nil))
	p.waitFor("document.activeElement === " + byID(id))
}

// typeIn types text into the studio's control for a JSON path, key by
// key, as an editor does, and waits for the studio to have it.
func (p *tab) typeIn(path, text string) {
	p.t.Helper()
	p.focusID("f" + path)
	p.run(chromedp.KeyEvent(text))
	p.waitFor(byID("f"+path) + ".value === " + js(text))
}

// choose picks an option of a select with the mouse's events.
func (p *tab) choose(path, value string) {
	p.t.Helper()
	p.waitFor(byID("f"+path) + " !== null")
	p.run(chromedp.Evaluate(`(() => { const s = `+byID("f"+path)+`; s.value = `+js(value)+`; s.dispatchEvent(new Event("change", {bubbles: true})); })()`, nil))
}

// press presses a button by keyboard: focus, then Enter.
func (p *tab) press(id string) {
	p.t.Helper()
	p.focusID(id)
	p.run(chromedp.KeyEvent(kb.Enter))
}

// clickID clicks an element with the mouse.
func (p *tab) clickID(id string) {
	p.t.Helper()
	p.waitFor(byID(id) + " !== null")
	var box []float64
	p.eval(`(() => { const e = `+byID(id)+`; e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()`, &box)
	p.run(chromedp.MouseClickXY(box[0], box[1]))
}

// preview evaluates an expression on the preview frame's document, d.
func (p *tab) preview(expr string, res any) {
	p.t.Helper()
	p.eval(`(() => { const d = document.getElementById("preview").contentDocument; return `+expr+`; })()`, res)
}

func (p *tab) waitPreview(cond string) {
	p.t.Helper()
	p.waitForOr(`(() => { const d = document.getElementById("preview").contentDocument; return !!d && !!d.documentElement && d.documentElement.dataset.preview === "ready" && (`+cond+`); })()`, `(() => { const d = document.getElementById("preview").contentDocument; return "preview: " + (d && d.querySelector(".detail-headline") ? d.querySelector(".detail-headline").textContent : "none") + " / field: " + document.getElementById("f$.events[0].headline").value + " / summary: " + document.getElementById("summary").textContent; })()`)
}

// TestStudioMakesAStory makes a story from nothing in the studio, the
// keyboard alone for much of it: two people, three events to a month, a
// day and a minute, a source, a direct quote with its source's sentence
// and a reported one. The preview follows the typing and the event being
// edited; two mistakes (a reference to a person removed, a direct quote
// not word for word in its sentence) show at their fields and in the
// summary, whose link takes the keyboard to the field; they are fixed
// (one by undo); the story is saved; explainer validate passes on the
// file; and explainer serve shows it exactly as the preview did. axe
// finds nothing on the studio.
func TestStudioMakesAStory(t *testing.T) {
	dir := t.TempDir()
	base := serveStudio(t, dir, dir)
	p := newTab(t)
	p.run(chromedp.Navigate(base + "/studio/"))
	axe := axeSource(t)
	p.waitFor(`document.getElementById("new") !== null`)
	checkAxe(t, p, axe)
	p.press("new")
	p.waitFor(byID("f$.title") + " !== null")
	p.waitFor(`document.activeElement === ` + byID("f$.title"))

	// The story: its id follows the title.
	p.typeIn("$.title", "Talks in Geneva")
	p.waitFor(byID("f$.id") + `.value === "talks-in-geneva"`)
	p.typeIn("$.dek", "Two envoys, three days, one *broken* promise.")

	// People: the first with the mouse, the second by keyboard; the
	// keyboard lands in the new item's first field.
	p.clickID("add$.people")
	p.waitFor(`document.activeElement === ` + byID("f$.people[0].name"))
	p.run(chromedp.KeyEvent("Ana Example"))
	p.waitFor(byID("f$.people[0].id") + `.value === "ana-example"`)
	p.typeIn("$.people[0].role", "Envoy of the North")
	p.press("add$.people")
	p.waitFor(`document.activeElement === ` + byID("f$.people[1].name"))
	p.run(chromedp.KeyEvent("Bo Example"))
	p.waitFor(byID("f$.people[1].id") + `.value === "bo-example"`)

	p.press("add$.sources")
	p.waitFor(`document.activeElement === ` + byID("f$.sources[0].outlet"))
	p.run(chromedp.KeyEvent("Wire service"))
	p.typeIn("$.sources[0].title", "Envoys meet in Geneva")
	p.typeIn("$.sources[0].url", "https://example.org/geneva")

	// Three events, each as precise as its sources: a month, a day (the
	// afternoon), a minute in Geneva's zone.
	events := []struct{ headline, date, zone string }{
		{"Talks are announced", "2025-03", ""},
		{"Envoys arrive", "2025-03-04", "Europe/Zurich"},
		{"Talks break down", "2025-03-05T14:30", "Europe/Zurich"},
	}
	for i, e := range events {
		path := "$.events[" + strconv.Itoa(i) + "]"
		p.press("add$.events")
		p.waitFor(`document.activeElement === ` + byID("f"+path+".headline"))
		p.run(chromedp.KeyEvent(e.headline))
		p.typeIn(path+".start.date", e.date)
		if e.zone != "" {
			p.typeIn(path+".start.zone", e.zone)
		}
		// The preview follows: the event being edited is the one shown.
		p.waitPreview(`d.querySelector(".detail-headline") && d.querySelector(".detail-headline").textContent === ` + js(e.headline))
	}
	p.waitFor(byID("f$.events[0].id") + `.value === "talks-are-announced"`)
	p.choose("$.events[1].start.partOfDay", "afternoon")
	p.focusID("f$.events[0].tags")
	p.run(chromedp.KeyEvent("diplomacy,geneva"))
	p.run(chromedp.KeyEvent(kb.Tab)) // set when left, and written back as the file has it
	p.waitForOr(byID("f$.events[0].tags")+`.value === "diplomacy, geneva"`, byID("f$.events[0].tags")+".value")
	p.typeIn("$.events[2].body", "The talks end after [an hour](https://example.org/geneva).")
	// Both envoys take part in the last: checkboxes, by keyboard.
	for i := range 2 {
		p.focusID("f$.events[2].people-" + strconv.Itoa(i))
		p.run(chromedp.KeyEvent(" "))
		p.waitFor(byID("f$.events[2].people-"+strconv.Itoa(i)) + ".checked")
	}
	p.focusID("f$.events[2].sources-0")
	p.run(chromedp.KeyEvent(" "))
	p.waitFor(byID("f$.events[2].sources-0") + ".checked")

	// A direct quote whose sentence does not carry it word for word: the
	// problem shows at the sentence, and the summary links to it.
	p.press("add$.quotes")
	p.choose("$.quotes[0].speaker", "ana-example")
	p.choose("$.quotes[0].kind", "direct")
	p.choose("$.quotes[0].event", "talks-break-down")
	p.choose("$.quotes[0].source", "wire-service")
	p.typeIn("$.quotes[0].text", "We will not talk again")
	p.typeIn("$.quotes[0].sourceText", "Ana said: “We shall not talk again”, and left.")
	p.waitFor(byID("f$.quotes[0].sourceText") + `.getAttribute("aria-invalid") === "true"`)
	msg := p.evalString(`document.getElementById(` + byID("f$.quotes[0].sourceText") + `.getAttribute("aria-describedby").split(" ").pop()).textContent`)
	if !strings.Contains(msg, "word for word") {
		t.Errorf("the sentence's problem reads %q", msg)
	}
	p.viewShot("studio-mistake-desktop")
	checkAxe(t, p, axe)
	link := `[...document.querySelectorAll("#summary a")].find(a => a.dataset.focus === "f$.quotes[0].sourceText")`
	p.waitFor(link + ` !== undefined`)
	p.run(chromedp.Evaluate(link+".focus()", nil))
	p.run(chromedp.KeyEvent(kb.Enter))
	p.waitFor(`document.activeElement === ` + byID("f$.quotes[0].sourceText"))
	// Fixed by keyboard: the sentence retyped as the source has it.
	p.run(chromedp.Evaluate(byID("f$.quotes[0].sourceText")+".select()", nil))
	p.run(chromedp.KeyEvent("Ana said: “We will not talk again”, and left."))
	p.waitFor(byID("f$.quotes[0].sourceText") + `.getAttribute("aria-invalid") === "false"`)

	// A reported quote by Bo; then Bo removed: his quote and his event
	// name someone who is not there, at their fields. Undo brings him back.
	p.press("add$.quotes")
	p.choose("$.quotes[1].speaker", "bo-example")
	p.choose("$.quotes[1].kind", "reported")
	p.choose("$.quotes[1].event", "talks-break-down")
	p.choose("$.quotes[1].replyTo", "quote")
	p.typeIn("$.quotes[1].text", "Bo said the talks could resume in the spring")
	p.waitForOr(`document.querySelector("#summary.summary-ok") !== null`, `document.querySelector("#summary").textContent`)
	p.press("rm$.people[1]")
	p.waitFor(byID("f$.quotes[1].speaker") + `.getAttribute("aria-invalid") === "true"`)
	p.waitFor(`document.querySelectorAll("#summary li").length >= 2`)
	summary := p.evalString(`[...document.querySelectorAll("#summary a")].map(a => a.dataset.focus + " " + a.textContent).join("; ")`)
	if !strings.Contains(summary, "f$.quotes[1].speaker") || !strings.Contains(summary, "f$.events[2].people") {
		t.Errorf("the summary after removing Bo: %s", summary)
	}
	p.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)))
	p.waitFor(`document.querySelector("#summary.summary-ok") !== null`)

	checkAxe(t, p, axe)

	// The preview at the last event, full page, light.
	p.focusID("f$.events[2].headline")
	p.run(chromedp.KeyEvent("!"))
	p.waitPreview(`d.querySelector(".detail-headline").textContent === "Talks break down!"`)
	p.viewShot("studio-desktop")
	p.emulate(390, "light")
	p.viewShot("studio-phone")
	p.emulate(1280, "light")
	p.clickID("pv-phone")
	p.clickID("pv-dark")
	p.waitPreview(`d.documentElement.dataset.theme === "dark"`)
	p.viewShot("studio-preview-phone-dark")
	p.clickID("pv-phone")
	p.waitFor(byID("pv-phone") + `.getAttribute("aria-pressed") === "false"`)
	p.clickID("pv-dark")
	p.waitForOr(`document.getElementById("preview").contentDocument.documentElement.dataset.theme === "light"`, `document.getElementById("preview").contentDocument.documentElement.outerHTML.slice(0, 300) + document.getElementById("pv-dark").outerHTML`)
	var previewHTML string
	p.preview(`d.getElementById("explainer").outerHTML`, &previewHTML)

	// Saved by keyboard; the embed code follows.
	p.run(chromedp.KeyEvent("s", chromedp.KeyModifiers(input.ModifierCtrl)))
	p.waitFor(`document.getElementById("snippet-html") !== null`)
	snippet := p.evalString(`document.getElementById("snippet-html").value`)
	if !strings.Contains(snippet, "/s/talks-in-geneva/") || !strings.Contains(snippet, `title="Talks in Geneva"`) {
		t.Errorf("the embed code: %s", snippet)
	}
	// The share images are offered for download, the story's and each
	// quote's, and the server draws them.
	var shares []string
	p.eval(`[...document.querySelectorAll("#share-images a[download]")].map(a => a.getAttribute("href"))`, &shares)
	if len(shares) < 4 || !strings.HasSuffix(shares[0], "/s/talks-in-geneva/share.png") {
		t.Errorf("the share images offered: %q", shares)
	}
	for _, href := range shares {
		var kind string
		p.run(chromedp.Evaluate(`fetch(`+js(href)+`).then(r => r.status + " " + r.headers.get("Content-Type"))`, &kind,
			func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) }))
		if kind != "200 image/png" {
			t.Errorf("%s: %s", href, kind)
		}
	}
	for _, e := range p.errorsSeen() {
		t.Errorf("error: %s", e)
	}

	file := filepath.Join(dir, "talks-in-geneva.json")
	var out, errs bytes.Buffer
	if code := cli.Main([]string{"validate", file}, &out, &errs); code != 0 {
		t.Fatalf("explainer validate: %d\n%s%s", code, out.String(), errs.String())
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"date": "2025-03"`, `"partOfDay": "afternoon"`, `"zone": "Europe/Zurich"`, `"kind": "reported"`, `"geneva"`, `"sourceText": "Ana said: “We will not talk again”, and left."`} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("the file lacks %s:\n%s", want, data)
		}
	}

	// explainer serve on the folder shows the story as the preview did.
	served := serveStories(t, map[string]string{"talks-in-geneva.json": string(data)})
	res, err := http.Get(served + "/s/talks-in-geneva/?event=talks-break-down&theme=light")
	if err != nil {
		t.Fatal(err)
	}
	page, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("the served page: %d %v", res.StatusCode, err)
	}
	// Parsed by the same browser as the preview and compared as DOM
	// trees (go-app writes attributes in no fixed order).
	var same bool
	// The served page's footer also links the story's data and printable
	// version, which the preview leaves out: the site does not serve the
	// draft.
	p.eval(`(() => { const parse = t => { const d = new DOMParser().parseFromString(t, "text/html"); d.querySelectorAll(".footer-files").forEach(e => e.remove()); const w = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT), blank = []; while (w.nextNode()) if (!w.currentNode.data.trim()) blank.push(w.currentNode); blank.forEach(n => n.remove()); return d; }; return parse(`+js(string(page))+`).getElementById("explainer").isEqualNode(parse(`+js(previewHTML)+`).getElementById("explainer")); })()`, &same)
	servedHTML := p.evalString(`new DOMParser().parseFromString(` + js(string(page)) + `, "text/html").getElementById("explainer").outerHTML`)
	if !same {
		i := 0
		for i < len(servedHTML) && i < len(previewHTML) && servedHTML[i] == previewHTML[i] {
			i++
		}
		t.Errorf("the served page differs from the preview, from byte %d:\nserved:  %.600s\npreview: %.600s", i, servedHTML[max(0, i-200):], previewHTML[max(0, i-200):])
	}
}

// viewShot saves what the viewport shows, as an editor sees the studio
// (a full-page capture would stretch its sticky preview over the form).
func (p *tab) viewShot(name string) {
	p.t.Helper()
	var buf []byte
	p.run(chromedp.CaptureScreenshot(&buf))
	p.saveShot(name, buf)
}

// TestStudioImportsTimeline drops a messy TimelineJS sheet (CSV) on the
// studio: it opens as a new story with what the import changed listed,
// previews, saves, and passes explainer validate.
func TestStudioImportsTimeline(t *testing.T) {
	dir := t.TempDir()
	base := serveStudio(t, dir, dir)
	p := newTab(t)
	p.run(chromedp.Navigate(base + "/studio/"))
	sheet, err := filepath.Abs("../timelinejs/testdata/messy-sheet.csv")
	if err != nil {
		t.Fatal(err)
	}
	p.waitFor(`document.getElementById("import") !== null`)
	p.run(chromedp.SetUploadFiles("#import", []string{sheet}, chromedp.ByQuery))
	p.waitForOr(`document.querySelector("#story-form") !== null`, `document.getElementById("studio-status").textContent`)
	p.waitFor(byID("f$.title") + `.value === "Messy Sheet"`)
	notes := p.evalString(`document.querySelector(".notices details").textContent`)
	if !strings.Contains(notes, "things the import could not keep") || !strings.Contains(notes, "Media Caption") {
		t.Errorf("the import's notes: %s", notes)
	}
	p.waitPreview(`d.querySelectorAll("[role=tab]").length > 2`)
	// A warning about an event's media links to it: the keyboard lands
	// in the media's address.
	p.run(chromedp.Evaluate(`document.querySelector(".notices details").open = true`, nil))
	field := p.evalString(`[...document.querySelectorAll(".notices details a[data-field]")].map(a => a.dataset.field).find(f => f.endsWith(".media")) || ""`)
	if field == "" {
		t.Fatalf("no warning links to an event's media: %s", notes)
	}
	p.run(chromedp.Evaluate(`[...document.querySelectorAll(".notices details a[data-field]")].find(a => a.dataset.field === `+js(field)+`).focus()`, nil))
	p.run(chromedp.KeyEvent(kb.Enter))
	p.waitForOr(`document.activeElement === `+byID("f"+field+".src"), `document.activeElement.id`)
	p.viewShot("studio-imported")
	p.clickID("save")
	p.waitForOr(`document.getElementById("snippet-html") !== null`, `document.getElementById("studio-status").textContent`)
	var out, errs bytes.Buffer
	if code := cli.Main([]string{"validate", filepath.Join(dir, "messy-sheet.json")}, &out, &errs); code != 0 {
		t.Fatalf("explainer validate: %d\n%s%s", code, out.String(), errs.String())
	}
	for _, e := range p.errorsSeen() {
		t.Errorf("error: %s", e)
	}
}

// TestStudioKeepsWork: an edit survives a reload of the tab (the browser
// keeps it until it is saved); a file changed on disk meanwhile is a
// conflict the editor settles, not a silent overwrite; once saved,
// nothing is kept.
func TestStudioKeepsWork(t *testing.T) {
	data, err := os.ReadFile("../widget/testdata/full-story.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "full.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	base := serveStudio(t, dir, file)
	p := newTab(t)
	p.run(chromedp.Navigate(base + "/studio/"))
	p.waitFor(byID("f$.title") + " !== null")
	title := p.evalString(byID("f$.title") + ".value")
	// Its cover is a video: in the preview, a placeholder with a link,
	// and the play button as readers see it, which cannot be pressed
	// there (it needs the widget's WebAssembly).
	p.waitPreview(`d.querySelector(".media-placeholder") !== null && d.querySelector(".media-load").disabled`)
	p.focusID("f$.title")
	p.run(chromedp.KeyEvent(" (edited)"))
	p.waitFor(`document.querySelector(".studio-state").textContent.startsWith("unsaved")`)

	p.run(chromedp.Reload())
	p.waitFor(byID("f$.title") + " !== null")
	if got := p.evalString(byID("f$.title") + ".value"); got != title+" (edited)" {
		t.Fatalf("after a reload the title is %q", got)
	}
	p.waitFor(`document.getElementById("discard") !== null`)

	// Someone else saves the file meanwhile.
	other := bytes.Replace(data, []byte(`"title": "`), []byte(`"title": "Theirs: `), 1)
	if err := os.WriteFile(file, other, 0o644); err != nil {
		t.Fatal(err)
	}
	p.clickID("save")
	p.waitFor(`document.activeElement === document.getElementById("conflict")`)
	if on, _ := os.ReadFile(file); !bytes.Equal(on, other) {
		t.Fatal("the conflicting save wrote the file")
	}
	p.viewShot("studio-conflict")
	p.press("overwrite")
	p.waitForOr(`document.querySelector(".studio-state").textContent === "saved"`, `document.getElementById("studio-status").textContent`)
	// The embed code comes, and takes the keyboard.
	p.waitFor(`document.activeElement === document.getElementById("embed-code")`)
	on, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(on, []byte(js(title+" (edited)"))) {
		t.Errorf("the file after the save:\n%.400s", on)
	}
	var kept int
	p.eval(`localStorage.length`, &kept)
	if kept != 0 {
		t.Errorf("%d drafts still kept after the save", kept)
	}

	// The raw JSON, both ways: broken JSON is refused with its reason;
	// an edit there is the form's.
	p.press("mode")
	p.waitFor(`document.activeElement === document.getElementById("raw")`)
	setRaw := func(text string) {
		p.run(chromedp.Evaluate(`(() => { const r = document.getElementById("raw"); r.value = `+js(text)+`; r.dispatchEvent(new Event("input", {bubbles: true})); })()`, nil))
	}
	raw := p.evalString(`document.getElementById("raw").value`)
	setRaw(`{"title": `)
	p.clickID("apply")
	p.waitFor(`document.querySelector("#raw-problems [role=alert]") !== null`)
	setRaw(strings.Replace(raw, js(title+" (edited)"), js("From the JSON"), 1))
	p.clickID("apply")
	p.waitFor(`document.querySelector("#raw-problems [role=alert]") === null`)
	p.press("mode")
	p.waitForOr(byID("f$.title")+` !== null && `+byID("f$.title")+`.value === "From the JSON"`, `(`+byID("f$.title")+` || {}).value + " / " + document.getElementById("studio-status").textContent + " / " + document.body.innerText.slice(0, 300)`)
	for _, e := range p.errorsSeen() {
		// The story's pictures are at example.com, which does not
		// resolve here; the conflict was the point.
		if !strings.Contains(e, "images.example.com") && !strings.Contains(e, "409 (Conflict)") {
			t.Errorf("error: %s", e)
		}
	}
}

// TestStudioFoldsLongLists: in a list of more than a few items, items
// are folded to their headings; Edit (by keyboard) opens one, with the
// keyboard in its first field and the preview at its event, and Fold
// folds it again. axe finds nothing on the folded form.
func TestStudioFoldsLongLists(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "long.json")
	if err := os.WriteFile(file, storytest.Generate(20), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newTab(t)
	p.run(chromedp.Navigate(serveStudio(t, dir, file) + "/studio/"))
	p.waitFor(byID("x$.events[5]") + " !== null")
	if n := p.evalString(`String(document.querySelectorAll("[id^='f$.events[']").length)`); n != "0" {
		t.Errorf("%s controls of folded events in the page", n)
	}
	checkAxe(t, p, axeSource(t))
	p.press("x$.events[5]")
	p.waitFor(`document.activeElement === ` + byID("f$.events[5].headline"))
	headline := p.evalString(byID("f$.events[5].headline") + ".value")
	p.waitPreview(`d.querySelector(".detail-headline").textContent === ` + js(headline))
	if got := p.evalString(byID("x$.events[5]") + `.getAttribute("aria-expanded")`); got != "true" {
		t.Errorf("aria-expanded %q once open", got)
	}
	p.press("x$.events[5]")
	p.waitFor(byID("f$.events[5].headline") + " === null")
	for _, e := range p.errorsSeen() {
		t.Errorf("error: %s", e)
	}
}
