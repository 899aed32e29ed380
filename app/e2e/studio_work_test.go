package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/cli"
)

// openStudioOn writes a story file into a new folder and opens the
// studio on it, as explainer edit FILE does; it returns the tab and the
// file's path.
func openStudioOn(t *testing.T, name string, data []byte) (*tab, string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	base := serveStudio(t, dir, file)
	p := newTab(t)
	p.run(chromedp.Navigate(base + "/studio/"))
	return p, file
}

func fullStory(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../widget/testdata/full-story.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// typeAt types text into a control at a place in its value (an offset,
// or -1 for its end), key by key.
func (p *tab) typeAt(id string, at int, text string) {
	p.t.Helper()
	p.focusID(id)
	p.run(chromedp.Evaluate(`(() => { const e = `+byID(id)+`; const at = `+strconv.Itoa(at)+` < 0 ? e.value.length : `+strconv.Itoa(at)+`; e.setSelectionRange(at, at); })()`, nil))
	p.run(chromedp.KeyEvent(text))
}

// saveByKeys saves with Control+S, as an editor does, and waits for the
// studio to say it is saved, or fails with what it says.
func (p *tab) saveByKeys() {
	p.t.Helper()
	p.run(chromedp.KeyEvent("s", chromedp.KeyModifiers(input.ModifierCtrl)))
	p.waitForOr(`document.querySelector(".studio-state").textContent === "saved"`, `document.getElementById("studio-status").textContent`)
}

// TestStudioUndoShowsTheDraft: after Undo and Redo, the control typed in
// shows the draft, wherever the keyboard is: in the field (Control+Z), in
// another one, on the Undo button (a click), in a text area or in the raw
// JSON. Typing then goes on from what is shown: nothing undone comes
// back in the file saved. Undo stays available while there is something
// to undo, and "Undone." goes with the next edit.
func TestStudioUndoShowsTheDraft(t *testing.T) {
	tests := []struct {
		name, id string
		// leave is where the keyboard goes before Undo: "" stays in the
		// control and presses Control+Z; "click" clicks Undo; else the id
		// of a control to go to, then click Undo.
		leave string
		json  bool // the control is the raw JSON box
	}{
		{name: "headline, click", id: "f$.events[0].headline", leave: "click"},
		{name: "place, after leaving it", id: "f$.events[0].place", leave: "f$.title"},
		{name: "text area, Control+Z", id: "f$.events[0].body"},
		{name: "raw JSON, click", id: "raw", leave: "click", json: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, file := openStudioOn(t, "full.json", fullStory(t))
			if tt.json {
				p.waitFor(byID("mode") + " !== null")
				p.clickID("mode")
				p.waitFor(`document.activeElement === document.getElementById("raw")`)
			}
			p.waitFor(byID(tt.id) + " !== null")
			before := p.evalString(byID(tt.id) + ".value")
			at := -1
			if tt.json {
				// At the end of the first event's headline.
				at = strings.Index(before, `"Talks begin`) + len(`"Talks begin`)
			}
			p.typeAt(tt.id, at, " XYZ")
			p.waitFor(byID(tt.id) + ".value.includes(' XYZ')")
			p.waitFor(`document.querySelector(".studio-state").textContent.startsWith("unsaved")`)
			p.waitPreview(`d.body.textContent.includes("XYZ")`)
			p.waitFor(`!` + byID("undo") + `.disabled`)
			undo := func() {
				switch tt.leave {
				case "":
					p.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)))
				case "click":
					p.clickID("undo")
				default:
					p.focusID(tt.leave)
					p.clickID("undo")
				}
			}
			undo()
			p.waitForOr(byID(tt.id)+".value === "+js(before), byID(tt.id)+".value")
			p.waitFor(`document.getElementById("studio-status").textContent === "Undone."`)
			p.waitPreview(`!d.body.textContent.includes("XYZ")`)
			// Redo shows it again, in the control too; undo once more.
			p.clickID("redo")
			p.waitForOr(byID(tt.id)+".value.includes(' XYZ')", byID(tt.id)+".value")
			undo()
			p.waitForOr(byID(tt.id)+".value === "+js(before), byID(tt.id)+".value")

			// Typing goes on from what is shown.
			p.typeAt(tt.id, at, "!")
			p.waitFor(`!` + byID("undo") + `.disabled`)
			p.waitForOr(`document.getElementById("studio-status").textContent !== "Undone."`, `document.getElementById("studio-status").textContent`)
			if got := p.evalString(byID(tt.id) + ".value"); strings.Contains(got, "XYZ") {
				t.Fatalf("after undo and typing, the control holds %q", got)
			}
			p.saveByKeys()
			on, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(on, []byte("XYZ")) || !bytes.Contains(on, []byte("!")) {
				t.Errorf("the file saved:\n%s", on)
			}
			for _, e := range p.errorsSeen() {
				if !strings.Contains(e, "images.example.com") {
					t.Errorf("error: %s", e)
				}
			}
		})
	}
}

// TestStudioJSONViewKeepsEdits: the JSON view edits the same draft as the
// form. An edit there is unsaved work the header says is there, the
// preview shows, Control+S saves (to the file on disk) and the form
// shows; JSON that does not read is kept (across a reload too), refused
// by Save and by Back to the form with its line, and never dropped.
func TestStudioJSONViewKeepsEdits(t *testing.T) {
	p, file := openStudioOn(t, "full.json", fullStory(t))
	p.waitFor(byID("f$.title") + " !== null")
	title := p.evalString(byID("f$.title") + ".value")
	p.clickID("mode")
	p.waitFor(`document.activeElement === document.getElementById("raw")`)
	raw := p.evalString(`document.getElementById("raw").value`)

	// A valid edit, saved by Control+S without Apply.
	p.typeAt("raw", strings.Index(raw, js(title))+1, "JSON ")
	p.waitFor(`document.querySelector(".studio-state").textContent.startsWith("unsaved")`)
	p.waitPreview(`d.body.textContent.includes(` + js("JSON "+title) + `)`)
	p.saveByKeys()
	// The embed code comes, and takes the keyboard: wait for it.
	p.waitFor(`document.activeElement === document.getElementById("embed-code")`)
	on, _ := os.ReadFile(file)
	if !bytes.Contains(on, []byte(js("JSON "+title))) {
		t.Fatalf("Control+S in the JSON view wrote:\n%.300s", on)
	}

	// Back to the form: it shows the JSON's edit.
	raw = p.evalString(`document.getElementById("raw").value`)
	p.typeAt("raw", strings.Index(raw, `"Talks begin`)+1, "New ")
	p.waitFor(`document.querySelector(".studio-state").textContent.startsWith("unsaved")`)
	p.clickID("mode")
	p.waitForOr(byID("f$.events[0].headline")+` !== null && `+byID("f$.events[0].headline")+`.value === "New Talks begin"`, `document.getElementById("studio-status").textContent`)
	if got := p.evalString(byID("f$.title") + ".value"); got != "JSON "+title {
		t.Errorf("the form's title after the JSON view: %q", got)
	}

	// JSON that does not read: a comma too many.
	p.clickID("mode")
	p.waitFor(`document.activeElement === document.getElementById("raw")`)
	text := p.evalString(`document.getElementById("raw").value`)
	end := strings.Index(text, `"New Talks begin"`) + len(`"New Talks begin"`)
	p.typeAt("raw", end, ",")
	p.waitFor(`document.getElementById("raw-error") !== null`)
	broken := p.evalString(`document.getElementById("raw").value`)
	p.clickID("mode")
	p.waitForOr(`document.getElementById("studio-status").textContent.startsWith("Still in the JSON")`, `document.getElementById("studio-status").textContent`)
	if got := p.evalString(`document.getElementById("raw").value`); got != broken {
		t.Fatalf("Back to the form changed the JSON to:\n%.300s", got)
	}
	p.waitFor(`document.activeElement === document.getElementById("raw")`)

	// Undo is held back while the JSON does not read (the draft's steps
	// end where it last did: an older draft would replace the box); the
	// box's own Control+Z takes back the last key.
	p.clickID("undo")
	p.waitForOr(`document.getElementById("studio-status").textContent.startsWith("Undo is held back")`, `document.getElementById("studio-status").textContent`)
	if got := p.evalString(`document.getElementById("raw").value`); got != broken {
		t.Fatalf("Undo with JSON that does not read changed it to:\n%.300s", got)
	}
	p.waitFor(`document.activeElement === document.getElementById("raw")`)
	p.run(chromedp.KeyEvent("z", chromedp.KeyModifiers(input.ModifierCtrl)))
	p.waitForOr(`document.getElementById("raw").value === `+js(text), `document.getElementById("raw").value.slice(0, 300)`)
	p.waitFor(`document.getElementById("raw-error") === null`)
	p.typeAt("raw", end, ",")
	p.waitFor(`document.getElementById("raw-error") !== null && document.getElementById("raw").value === ` + js(broken))

	p.run(chromedp.KeyEvent("s", chromedp.KeyModifiers(input.ModifierCtrl)))
	p.waitForOr(`document.getElementById("studio-status").textContent.startsWith("Not saved")`, `document.getElementById("studio-status").textContent`)
	status := p.evalString(`document.getElementById("studio-status").textContent`)
	if !strings.Contains(status, "full.json:") || !strings.Contains(p.evalString(`document.getElementById("raw-error").textContent`), "full.json:") {
		t.Errorf("the refusal does not say the line: %s", status)
	}
	if again, _ := os.ReadFile(file); !bytes.Equal(again, on) {
		t.Errorf("a refused save wrote the file:\n%.300s", again)
	}
	if p.evalString(`document.querySelector(".studio-state").textContent`) == "saved" {
		t.Error("the header says saved")
	}

	// A reload brings the broken text back, in the JSON view.
	p.run(chromedp.Reload())
	p.waitForOr(`document.getElementById("raw") !== null && document.getElementById("raw").value === `+js(broken), `(document.getElementById("raw") || {value: "no raw view"}).value.slice(0, 200) + " / " + document.getElementById("studio-status").textContent`)
	p.waitFor(`document.getElementById("raw-error") !== null`)
	for _, e := range p.errorsSeen() {
		if !strings.Contains(e, "images.example.com") {
			t.Errorf("error: %s", e)
		}
	}
}

// typoStory has a comma too many at the end of its list of events: line
// 8, column 3 is the ] after it.
const typoStory = `{
  "id": "typo",
  "title": "A typo",
  "language": "en",
  "events": [
    {"id": "a", "headline": "First", "start": {"date": "2024-01-01"}},
    {"id": "b", "headline": "Second", "start": {"date": "2024-01-02"}},
  ]
}
`

// TestStudioOpensJSONTypo: a file whose JSON has a typo opens in the raw
// editor, with the caret at the mistake and the message explainer
// validate gives beside it; fixed there, it reads, the preview shows it
// and the form opens.
func TestStudioOpensJSONTypo(t *testing.T) {
	p, file := openStudioOn(t, "typo.json", []byte(typoStory))
	var out, errs bytes.Buffer
	if code := cli.Main([]string{"validate", file}, &out, &errs); code == 0 {
		t.Fatal("explainer validate passes the typo")
	}
	said := strings.TrimSpace(out.String() + errs.String())
	if !strings.Contains(said, "8:3: trailing comma before ]") {
		t.Fatalf("explainer validate says: %s", said)
	}
	p.waitForOr(`document.getElementById("raw-error") !== null`, `document.getElementById("studio-status").textContent`)
	shown := p.evalString(`document.getElementById("raw-error").textContent`)
	if !strings.Contains(shown, "typo.json:8:3: trailing comma before ]: remove the last comma") {
		t.Errorf("the studio says %q; explainer validate: %s", shown, said)
	}
	if got := p.evalString(`document.getElementById("raw").value`); got != typoStory {
		t.Errorf("the raw editor holds:\n%s", got)
	}
	p.waitFor(`document.activeElement === document.getElementById("raw")`)
	var caret int
	p.eval(`document.getElementById("raw").selectionStart`, &caret)
	if want := strings.Index(typoStory, "  ]") + 2; caret != want {
		t.Errorf("the caret is at %d; line 8, column 3 is %d", caret, want)
	}
	p.viewShot("studio-json-typo")
	checkAxe(t, p, axeSource(t))

	// The form does not open yet, and says why.
	p.clickID("mode")
	p.waitForOr(`document.getElementById("studio-status").textContent.startsWith("Still in the JSON") && document.getElementById("studio-status").textContent.includes("8:3")`, `document.getElementById("studio-status").textContent`)

	// Remove the comma, by the keyboard.
	comma := strings.Index(typoStory, "},\n  ]") + 2
	p.typeAt("raw", comma, kb.Backspace)
	p.waitFor(`document.getElementById("raw-error") === null`)
	p.waitPreview(`d.body.textContent.includes("Second")`)
	p.clickID("mode")
	p.waitForOr(byID("f$.title")+` !== null && `+byID("f$.title")+`.value === "A typo"`, `document.getElementById("studio-status").textContent`)
	if got := p.evalString(byID("f$.events[1].headline") + ".value"); got != "Second" {
		t.Errorf("the form's second headline: %q", got)
	}
	for _, e := range p.errorsSeen() {
		t.Errorf("error: %s", e)
	}
}

// TestStudioSaysItRight: what the studio says after adding an item has
// the article its noun takes.
func TestStudioSaysItRight(t *testing.T) {
	p, _ := openStudioOn(t, "full.json", fullStory(t))
	for _, tt := range []struct{ button, said string }{
		{"add$.events", "Added an event."},
		{"add$.people", "Added a person."},
		{"add$.updates", "Added an update."},
	} {
		p.clickID(tt.button)
		p.waitForOr(`document.getElementById("studio-status").textContent === `+js(tt.said), `document.getElementById("studio-status").textContent`)
	}
}

// TestStudioLoadShowsTheFile: after a conflict settled by loading the
// file as it is on disk, the control typed in shows the file, even when
// the file holds what it showed before the typing.
func TestStudioLoadShowsTheFile(t *testing.T) {
	data := fullStory(t)
	p, file := openStudioOn(t, "full.json", data)
	p.waitFor(byID("f$.title") + " !== null")
	title := p.evalString(byID("f$.title") + ".value")
	p.typeAt("f$.title", -1, " XYZ")
	p.waitFor(`document.querySelector(".studio-state").textContent.startsWith("unsaved")`)
	// Someone saves the file again, its title as it was.
	if err := os.WriteFile(file, append(bytes.TrimSpace(data), '\n', '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	p.run(chromedp.KeyEvent("s", chromedp.KeyModifiers(input.ModifierCtrl)))
	p.waitFor(`document.activeElement === document.getElementById("conflict")`)
	p.clickID("reload")
	p.waitForOr(`document.getElementById("studio-status").textContent.startsWith("Loaded")`, `document.getElementById("studio-status").textContent`)
	p.waitForOr(byID("f$.title")+".value === "+js(title), byID("f$.title")+".value")
}
