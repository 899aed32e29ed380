package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/internal/sitetest"
	siteapp "explainer/app/site"
	"explainer/app/story/storytest"
	"explainer/app/studio"
)

// The studio on the way from a file to a page: the embed code's address,
// copying it, an import's pictures, and the form's manners (where the
// keyboard goes, when problems speak).

// serveStudioAt is serveStudio for a site with a public address
// (-base-url), "" for none; it returns the studio's page.
func serveStudioAt(t *testing.T, dir, path, baseURL string) string {
	t.Helper()
	st, err := studio.New(studio.Config{Path: path, Check: siteapp.Check})
	if err != nil {
		t.Fatal(err)
	}
	root := ""
	if baseURL != "" {
		root = strings.TrimPrefix(strings.TrimPrefix(baseURL, "https://"), "http://")
		root = root[strings.IndexByte(root, '/'):]
	}
	return serveSite(t, sitetest.Parts{Stories: dir, BaseURL: baseURL}, st) + root + "/studio/"
}

// awaitString evaluates a promise of a string.
func (p *tab) awaitString(expr string) string {
	p.t.Helper()
	var s string
	p.run(chromedp.Evaluate(expr, &s, func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) }))
	return s
}

// dropFile drags a file from the desktop onto the studio and drops it.
func (p *tab) dropFile(file string) { p.dropFileOn("studio", file) }

// dropFileOn drops a file on the element with the id (the middle of its
// part in view): the preview's frame is a document of its own, which a
// drop on the studio's middle may land in once a story is open.
func (p *tab) dropFileOn(id, file string) {
	p.t.Helper()
	var at []float64
	p.eval(`(() => { const r = `+byID(id)+`.getBoundingClientRect(); return [r.x + r.width / 2, r.y + Math.min(r.height, innerHeight) / 2]; })()`, &at)
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: []string{file}, DragOperationsMask: 1}
	p.run(
		input.DispatchDragEvent(input.DragEnter, at[0], at[1], data),
		input.DispatchDragEvent(input.DragOver, at[0], at[1], data),
		input.DispatchDragEvent(input.Drop, at[0], at[1], data),
	)
}

// saveEdited opens a story, changes its title by keyboard, saves it
// with Ctrl+S and waits for the embed code.
func saveEdited(p *tab, page string) {
	p.t.Helper()
	p.run(chromedp.Navigate(page))
	p.waitFor(byID("f$.title") + " !== null")
	p.focusID("f$.title")
	p.run(chromedp.KeyEvent(kb.End + " (checked)"))
	p.waitFor(`document.querySelector(".studio-state").textContent.startsWith("unsaved")`)
	p.run(chromedp.KeyEvent("s", chromedp.KeyModifiers(input.ModifierCtrl)))
	p.waitForOr(`document.getElementById("snippet-html") !== null`, `document.getElementById("studio-status").textContent`)
}

func everyFeatureFolder(t *testing.T) (dir, file string) {
	t.Helper()
	data, err := os.ReadFile("../widget/testdata/full-story.json")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	file = filepath.Join(dir, "every-feature.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// TestStudioEmbedAddress: with the site's public address (-base-url),
// the embed code the studio gives after a save points there and says so;
// without it, the code points at the studio's own loopback address and
// the studio says it is for local preview only.
func TestStudioEmbedAddress(t *testing.T) {
	for _, c := range []struct {
		name, baseURL, address, says string
	}{
		{"public", "https://news.example.com/graphics", "https://news.example.com/graphics/s/every-feature/", "works on any page that can reach https://news.example.com/graphics"},
		{"local", "", "http://127.0.0.1:", "for local preview only"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir, file := everyFeatureFolder(t)
			p := newTab(t)
			saveEdited(p, serveStudioAt(t, dir, file, c.baseURL))
			if snippet := p.evalString(`document.getElementById("snippet-html").value`); !strings.Contains(snippet, c.address) {
				t.Errorf("the embed code does not point at %s: %s", c.address, snippet)
			}
			if note := p.evalString(`document.getElementById("embed-where").textContent`); !strings.Contains(strings.ToLower(note), c.says) {
				t.Errorf("the embed panel says %q, not %q", note, c.says)
			}
		})
	}
}

// TestStudioCopiesEmbedCode: each snippet has a Copy button that puts it
// on the clipboard and says so to a screen reader.
func TestStudioCopiesEmbedCode(t *testing.T) {
	dir, file := everyFeatureFolder(t)
	page := serveStudioAt(t, dir, file, "")
	p := newTab(t)
	origin := page[:strings.Index(page, "/studio/")]
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		p.run(browser.SetPermission(&browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true}, browser.PermissionSettingGranted).WithOrigin(origin))
	}
	saveEdited(p, page)
	for _, key := range []string{"html", "wordpress"} {
		p.clickID("copy-" + key)
		p.waitForOr(byID("copied-"+key)+`.textContent === "Copied"`, byID("copied-"+key)+`.outerHTML`)
		if role := p.evalString(byID("copied-"+key) + `.getAttribute("role")`); role != "status" {
			t.Errorf("the copy's announcement has role %q", role)
		}
		want := p.evalString(byID("snippet-"+key) + ".value")
		if got := p.awaitString(`navigator.clipboard.readText()`); got != want {
			t.Errorf("the clipboard holds %q, not the %s snippet %q", got, key, want)
		}
	}
	if d := p.evalString(byID("copy-html") + `.getAttribute("aria-describedby")`); d != "snippet-html" {
		t.Errorf("the copy button is described by %q", d)
	}
	p.run(chromedp.Evaluate(`document.getElementById("embed-code").scrollIntoView({block: "start"})`, nil))
	p.viewShot("studio-embed-code")
	checkAxe(t, p, axeSource(t))
}

// harbourSheet is a TimelineJS sheet whose pictures are addressed
// relative to where the sheet was published.
var harbourSheet = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background\n" +
	",,,,,,,,,Harbour pictures,A title slide.,,,,,,title,,\n" +
	"2024,3,1,,,,,,,The first ship,Text one.,images/ship-1.jpg,Desk,A ship,,A ship at the quay,,,\n" +
	"2024,4,2,,,,,,,The second ship,Text two.,images/ship-2.jpg,Desk,Another ship,,,,,\n" +
	"2024,5,3,,,,,,,The third ship,Text three.,images/" + strings.Repeat("averylongname", 14) + "ship3.jpg,Desk,A third ship,,A ship far away,,,\n"

// harbourStudio opens a studio on an empty folder, with harbourSheet
// written to a file to drop on it.
func harbourStudio(t *testing.T) (p *tab, sheet string) {
	t.Helper()
	dir := t.TempDir()
	sheet = filepath.Join(t.TempDir(), "harbour.csv")
	if err := os.WriteFile(sheet, []byte(harbourSheet), 0o644); err != nil {
		t.Fatal(err)
	}
	p = newTab(t)
	p.run(chromedp.Navigate(serveStudioAt(t, dir, dir, "")))
	return p, sheet
}

// TestStudioImportAsksWherePicturesLive drops a sheet with relative
// picture addresses on the studio: it asks where the pictures live, and
// the import made again with the answer keeps every picture.
func TestStudioImportAsksWherePicturesLive(t *testing.T) {
	p, sheet := harbourStudio(t)
	p.waitFor(`document.getElementById("import") !== null`)
	p.dropFile(sheet)
	p.waitForOr(byID("f$.title")+` !== null && `+byID("f$.title")+`.value === "Harbour pictures"`, `document.getElementById("studio-status").textContent`)
	p.waitForOr(byID("import-base")+` !== null`, `document.querySelector(".notices") ? document.querySelector(".notices").textContent : "no notices"`)
	// A long address in the notes wraps within them.
	p.run(chromedp.Evaluate(`document.querySelector(".notices details").open = true`, nil))
	if wide := p.evalString(`String([...document.querySelectorAll(".notices li")].filter(li => li.scrollWidth > li.clientWidth + 1 || li.getBoundingClientRect().right > document.querySelector(".studio-left").getBoundingClientRect().right + 1).length)`); wide != "0" {
		t.Errorf("%s notes spill out of the form's column", wide)
	}
	checkAxe(t, p, axeSource(t))
	p.run(chromedp.Evaluate(`document.getElementById("ask-base").scrollIntoView({block: "start"})`, nil))
	p.viewShot("studio-import-ask")
	p.focusID("import-base")
	p.run(chromedp.KeyEvent("https://news.example.com/pictures/"))
	p.clickID("import-again")
	p.waitForOr(`document.getElementById("import-base") === null && `+byID("f$.events[0].media.src")+` !== null`, `document.getElementById("studio-status").textContent`)
	for i, want := range []string{"https://news.example.com/pictures/images/ship-1.jpg", "https://news.example.com/pictures/images/ship-2.jpg", "https://news.example.com/pictures/images/" + strings.Repeat("averylongname", 14) + "ship3.jpg"} {
		path := "f$.events[" + strconv.Itoa(i) + "].media.src"
		if got := p.evalString(byID(path) + ".value"); got != want {
			t.Errorf("%s is %q, not %q", path, got, want)
		}
	}
	if notes := p.evalString(`document.querySelector(".notices").textContent`); strings.Contains(notes, "-base") {
		t.Errorf("the notes still speak of a command-line flag: %s", notes)
	}
	// The note on a picture without a text alternative takes the
	// keyboard to the text alternative, not to the picture's address.
	p.run(chromedp.Evaluate(`document.querySelector(".notices details").open = true`, nil))
	link := `[...document.querySelectorAll(".notices details a[data-field]")].find(a => a.textContent.includes("no alt text"))`
	p.waitForOr(link+` !== undefined`, `document.querySelector(".notices details").textContent`)
	p.run(chromedp.Evaluate(link+`.focus()`, nil))
	p.run(chromedp.KeyEvent(kb.Enter))
	p.waitForOr(`document.activeElement === `+byID("f$.events[1].media.alt"), `document.activeElement.id`)
}

// TestStudioImportWithPicturesBase: where the pictures live, given
// before the file is dropped, is applied at once, and nothing is asked.
func TestStudioImportWithPicturesBase(t *testing.T) {
	p, sheet := harbourStudio(t)
	p.focusID("import-where")
	p.run(chromedp.KeyEvent("https://news.example.com/pictures"))
	p.dropFile(sheet)
	p.waitForOr(byID("f$.events[0].media.src")+` !== null`, `document.getElementById("studio-status").textContent`)
	if got := p.evalString(byID("f$.events[0].media.src") + ".value"); got != "https://news.example.com/pictures/images/ship-1.jpg" {
		t.Errorf("the first picture is at %q", got)
	}
	if p.evalString(`String(document.getElementById("ask-base") !== null)`) != "false" {
		t.Error("the studio asks where the pictures live after being told")
	}
}

// TestStudioImportListsEveryError: a sheet that cannot be imported has
// each of its problems listed, with its row, as explainer import does.
func TestStudioImportListsEveryError(t *testing.T) {
	dir := t.TempDir()
	sheet := filepath.Join(t.TempDir(), "broken.csv")
	text := "Year,Month,Day,Headline,Text\n2024,13,1,A bad month,x\nlater,,,A bad year,y\n2024,2,31,A bad day,z\n"
	if err := os.WriteFile(sheet, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newTab(t)
	p.run(chromedp.Navigate(serveStudioAt(t, dir, dir, "")))
	p.waitFor(`document.getElementById("import") !== null`)
	p.dropFile(sheet)
	p.waitForOr(`document.querySelectorAll("#import-problems li").length >= 3`, `document.getElementById("studio-status").textContent`)
	list := p.evalString(`document.getElementById("import-problems").textContent`)
	for _, want := range []string{"13", "later", "31"} {
		if !strings.Contains(list, want) {
			t.Errorf("the import's problems lack %q: %s", want, list)
		}
	}
}

// TestStudioRemoveKeepsPlace: removing an item takes the keyboard to
// the next item, or the one before it for the last, in sight, where the
// editor was, not to the Add button at the end of the list.
func TestStudioRemoveKeepsPlace(t *testing.T) {
	for _, c := range []struct {
		name, remove, focus string
	}{
		{"middle", "$.events[2]", "i$.events[2]"},
		{"last", "$.events[5]", "i$.events[4]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "generated.json")
			if err := os.WriteFile(file, storytest.Generate(6), 0o644); err != nil {
				t.Fatal(err)
			}
			p := newTab(t)
			p.run(chromedp.Navigate(serveStudioAt(t, dir, file, "")))
			p.waitFor(byID("rm"+c.remove) + " !== null")
			p.run(chromedp.Evaluate(byID("rm"+c.remove)+`.scrollIntoView({block: "center"})`, nil))
			var before float64
			p.eval(`scrollY`, &before)
			p.press("rm" + c.remove)
			p.waitFor(`document.getElementById("studio-status").textContent.startsWith("Removed") && document.activeElement !== ` + byID("rm"+c.remove) + ` && document.activeElement !== document.body`)
			var top, bottom, after, height float64
			p.eval(`document.activeElement.getBoundingClientRect().top`, &top)
			p.eval(`document.activeElement.getBoundingClientRect().bottom`, &bottom)
			p.eval(`scrollY`, &after)
			p.eval(`innerHeight`, &height)
			t.Logf("removing %s: the page scrolled %.0f px; the keyboard is on %s, %.0f px from the top", c.remove, after-before, p.evalString(`document.activeElement.id`), top)
			if got := p.evalString(`document.activeElement.id`); got != c.focus {
				t.Errorf("the keyboard is on %q, not %q", got, c.focus)
			}
			if d := after - before; d > height || d < -2*height {
				t.Errorf("the page scrolled %.0f px when the item was removed", d)
			}
			if bottom < 0 || top > height {
				t.Errorf("the keyboard is out of sight, %.0f to %.0f px from the top of a %.0f px window", top, bottom, height)
			}
		})
	}
}

// TestStudioEventsHaveNoOrderToMove: the timeline puts events in time
// order, so events have no Move buttons; people keep theirs. Adding one
// says so in English.
func TestStudioEventsHaveNoOrderToMove(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "generated.json")
	if err := os.WriteFile(file, storytest.Generate(3), 0o644); err != nil {
		t.Fatal(err)
	}
	p := newTab(t)
	p.run(chromedp.Navigate(serveStudioAt(t, dir, file, "")))
	p.waitFor(byID("rm$.events[1]") + " !== null")
	if n := p.evalString(`String(document.querySelectorAll("[id^='mup$.events'], [id^='mdown$.events']").length)`); n != "0" {
		t.Errorf("%s Move buttons on events", n)
	}
	if p.evalString(`String(`+byID("mdown$.people[0]")+` !== null)`) != "true" {
		t.Error("people lost their Move buttons")
	}
	if intro := p.evalString(`document.querySelector("#s\\$\\.events .hint").textContent`); !strings.Contains(intro, "time order") {
		t.Errorf("the events' introduction does not say they are in time order: %q", intro)
	}
	p.press("add$.events")
	p.waitForOr(`document.getElementById("studio-status").textContent === "Added an event."`, `document.getElementById("studio-status").textContent`)
}

// TestStudioProblemsWait: a new quote's empty fields are not problems
// yet: they show once the editor leaves a field, or tries to save, and
// then in words (the quote's number and the field's label), not as JSON
// paths.
func TestStudioProblemsWait(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "generated.json")
	if err := os.WriteFile(file, storytest.Generate(3), 0o644); err != nil {
		t.Fatal(err)
	}
	page := serveStudioAt(t, dir, dir, "")
	p := newTab(t)
	// A new story: nothing typed, nothing to fix yet.
	p.run(chromedp.Navigate(page))
	p.press("new")
	p.waitFor(`document.activeElement === ` + byID("f$.title"))
	if got := p.evalString(`String(document.querySelectorAll("#story-form .field-problem").length) + " " + document.getElementById("summary").textContent`); !strings.HasPrefix(got, "0 ") || strings.Contains(got, "problem") {
		t.Errorf("a new story before any typing: %s", got)
	}

	p.run(chromedp.Navigate(page + "?file=" + filepath.Base(file)))
	p.waitFor(`document.querySelector("#summary.summary-ok") !== null`)
	n := p.evalString(`String(document.querySelectorAll("[id^='i$.quotes[']").length)`)
	q := "$.quotes[" + n + "]"
	p.press("add$.quotes")
	p.waitFor(byID("f"+q+".speaker") + " !== null")
	p.run(chromedp.Evaluate(byID("i"+q)+`.scrollIntoView({block: "start"})`, nil))
	p.viewShot("studio-problems")
	if got := p.evalString(`String(` + byID("i"+q) + `.querySelectorAll(".field-problem").length)`); got != "0" {
		t.Errorf("a new quote shows %s problems before any typing", got)
	}
	if p.evalString(`String(document.querySelector("#summary.summary-ok") !== null)`) != "true" {
		t.Errorf("the summary before any typing: %s", p.evalString(`document.getElementById("summary").textContent`))
	}
	// Leaving the speaker empty: its problem shows.
	p.focusID("f" + q + ".speaker")
	p.run(chromedp.KeyEvent(kb.Tab))
	p.waitForOr(byID("f"+q+".speaker")+`.getAttribute("aria-invalid") === "true"`, byID("i"+q)+`.textContent`)
	// A save shows them all, in words.
	p.run(chromedp.KeyEvent("s", chromedp.KeyModifiers(input.ModifierCtrl)))
	p.waitFor(`document.querySelectorAll("#summary li").length >= 3`)
	p.run(chromedp.Evaluate(`document.getElementById("summary").scrollIntoView({block: "start"})`, nil))
	p.viewShot("studio-problems-saved")
	summary := p.evalString(`document.getElementById("summary").textContent`)
	if strings.Contains(summary, "$.") {
		t.Errorf("the summary speaks in JSON paths: %s", summary)
	}
	if !strings.Contains(summary, "Quote "+strconv.Itoa(atoi(n)+1)) || !strings.Contains(summary, "Speaker") {
		t.Errorf("the summary does not name the quote and its field: %s", summary)
	}
	// The speaker who is not in the list yet: added from the quote,
	// named, and the quote's speaker follows the name.
	p.clickID("addp" + q)
	p.waitFor(`document.activeElement.id.startsWith("f$.people[") && document.activeElement.id.endsWith("].name")`)
	p.run(chromedp.KeyEvent("Dana Speaker"))
	p.waitForOr(byID("f"+q+".speaker")+`.value === "dana-speaker"`, byID("f"+q+".speaker")+`.value`)
}

// TestStudioPreviewShowsPlayButton: a video in the preview shows the
// play button the reader's page shows ("▶ Play the video from
// YouTube"), not an empty box; it cannot be pressed in the preview.
func TestStudioPreviewShowsPlayButton(t *testing.T) {
	dir, file := everyFeatureFolder(t)
	p := newTab(t)
	p.run(chromedp.Navigate(serveStudioAt(t, dir, file, "")))
	p.waitFor(byID("f$.title") + " !== null")
	p.waitPreview(`d.querySelector(".media-placeholder") !== null`)
	var got string
	p.preview(`(() => { const b = d.querySelector(".media-placeholder .media-load"); return b ? b.textContent + (b.disabled ? " (disabled)" : "") : "none: " + d.querySelector(".media-placeholder").outerHTML; })()`, &got)
	if !strings.HasPrefix(got, "Play the video") || !strings.HasSuffix(got, "(disabled)") {
		t.Errorf("the preview's video placeholder: %s", got)
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestStudioImportKeepsUnsavedWork: a file dropped on the studio while
// the story open has unsaved changes is not imported over them; the
// studio says why, and the edit is still there, in the box and in the
// story saved next.
func TestStudioImportKeepsUnsavedWork(t *testing.T) {
	sheet := filepath.Join(t.TempDir(), "sheet.csv")
	if err := os.WriteFile(sheet, []byte("Year,Month,Day,Headline,Text\n2024,1,2,An imported event,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, file := openStudioOn(t, "full.json", fullStory(t))
	p.waitFor(byID("f$.title") + " !== null")
	p.typeAt("f$.title", -1, " (edited)")
	p.waitFor(`document.querySelector(".studio-state").textContent.startsWith("unsaved")`)
	edited := p.evalString(byID("f$.title") + ".value")
	p.dropFileOn("f$.title", sheet)
	p.waitForOr(`document.getElementById("studio-status").textContent.startsWith("Not imported")`, `document.getElementById("studio-status").textContent`)
	if got := p.evalString(byID("f$.title") + ".value"); got != edited {
		t.Fatalf("after the drop, the title is %q; want %q", got, edited)
	}
	p.saveByKeys()
	if on, _ := os.ReadFile(file); !strings.Contains(string(on), js(edited)) {
		t.Errorf("the file saved after the drop:\n%.300s", on)
	}
}
