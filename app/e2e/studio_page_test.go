//go:build !wasm

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/server"
	"explainer/app/studio"
)

// The studio on the way from a file to a page: the embed code's address,
// copying it, an import's pictures, and the form's manners (where the
// keyboard goes, when problems speak).

// serveStudioAt is serveStudio for a site with a public address
// (-base-url), "" for none; it returns the studio's page.
func serveStudioAt(t *testing.T, dir, path, baseURL string) string {
	t.Helper()
	st, err := studio.New(studio.Config{Path: path})
	if err != nil {
		t.Fatal(err)
	}
	root := ""
	if baseURL != "" {
		root = strings.TrimPrefix(strings.TrimPrefix(baseURL, "https://"), "http://")
		root = root[strings.IndexByte(root, '/'):]
	}
	return serveConfig(t, server.Config{StoriesDir: dir, Studio: st, BaseURL: baseURL}) + root + "/studio/"
}

// awaitString evaluates a promise of a string.
func (p *tab) awaitString(expr string) string {
	p.t.Helper()
	var s string
	p.run(chromedp.Evaluate(expr, &s, func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) }))
	return s
}

// dropFile drags a file from the desktop onto the studio and drops it.
func (p *tab) dropFile(file string) {
	p.t.Helper()
	var at []float64
	p.eval(`(() => { const r = document.getElementById("studio").getBoundingClientRect(); return [r.x + r.width / 2, r.y + Math.min(r.height, innerHeight) / 2]; })()`, &at)
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
}

