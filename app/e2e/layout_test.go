package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/cli"
	"explainer/app/widget"
)

// servePictures answers the fixture stories' pictures
// (https://images.example.com/NAME.png) with pictures made here: a
// bright one, almost white, is the hardest case for white text on a
// scrim; the others are mid-tones.
func servePictures(t *testing.T, p *tab) {
	t.Helper()
	intercept(p, &fetch.RequestPattern{URLPattern: "https://images.example.com/*"}, func(ctx context.Context, ev *fetch.EventRequestPaused) error {
		var buf bytes.Buffer
		png.Encode(&buf, picture(ev.Request.URL))
		return fetch.FulfillRequest(ev.RequestID, 200).
			WithResponseHeaders([]*fetch.HeaderEntry{{Name: "Content-Type", Value: "image/png"}}).
			WithBody(base64.StdEncoding.EncodeToString(buf.Bytes())).Do(ctx)
	})
}

// picture is a 640×400 picture: bands of light for bright.png and
// cover.png, of greys and blues otherwise.
func picture(url string) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 640, 400))
	bright := strings.Contains(url, "bright") || strings.Contains(url, "cover")
	for y := range 400 {
		for x := range 640 {
			v := uint8(90 + (x/40+y/40)%2*60 + y/8)
			c := color.RGBA{v / 2, v - 20, v + 40, 255}
			if bright {
				w := uint8(235 + (x/32+y/32)%2*20)
				c = color.RGBA{w, w, w - uint8(y/40), 255}
			}
			img.Set(x, y, c)
		}
	}
	return img
}

// fixture reads a story of testdata.
func fixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// rect is an element's box on the page, in CSS pixels.
type rect struct {
	Left, Right, Top, Bottom, Width, Height float64
}

func (p *tab) rect(selector string) rect {
	p.t.Helper()
	var r rect
	p.eval(fmt.Sprintf(`(() => { const e = document.querySelector(%s); if (!e) return {}; const r = e.getBoundingClientRect();
		return {Left: r.left, Right: r.right, Top: r.top, Bottom: r.bottom, Width: r.width, Height: r.height}; })()`, js(selector)), &r)
	if r.Width == 0 {
		p.t.Fatalf("%s: not on the page, or no width", selector)
	}
	return r
}

// TestWideEventWithoutQuotes: on a desktop, the page of a story without
// quotes gives the event the width of the page: the panel spans the
// columns, the text keeps a reading measure, the media sits beside the
// text. On a phone everything stays in one column. axe-core finds
// nothing in either.
func TestWideEventWithoutQuotes(t *testing.T) {
	base := serveStories(t, map[string]string{"no-quotes.json": fixture(t, "no-quotes.json")})
	axe := axeSource(t)
	p := newTab(t)
	servePictures(t, p)
	p.emulate(1280, "light")
	p.open(base + "/s/no-quotes/?event=thaw")
	p.waitFor(`document.querySelector("#explainer-detail .detail-media img").complete`)
	p.screenshot("layout-no-quotes-1280")

	columns := p.rect(".explainer-columns")
	detail := p.rect("#explainer-detail")
	body := p.rect("#explainer-detail .detail-body")
	media := p.rect("#explainer-detail .detail-media")
	var ch float64
	p.eval(`(() => { const b = document.querySelector("#explainer-detail .detail-body"); const s = document.createElement("span");
		s.style.cssText = "position:absolute;visibility:hidden;width:1ch"; b.appendChild(s); const w = s.getBoundingClientRect().width; s.remove(); return w; })()`, &ch)
	t.Logf("columns %.0f px, panel %.0f px (%.0f%%), text %.0f px (%.0f ch), media %.0f px from %.0f px",
		columns.Width, detail.Width, 100*detail.Width/columns.Width, body.Width, body.Width/ch, media.Width, media.Left)
	if detail.Width < 0.95*columns.Width {
		t.Errorf("the event's panel is %.0f px of the %.0f px the page has: without quotes it should take the width", detail.Width, columns.Width)
	}
	if n := body.Width / ch; n > 75 || n < 45 {
		t.Errorf("the text is %.0f characters wide; a reading measure is 45 to 75", n)
	}
	if media.Left < body.Right || media.Top > body.Bottom {
		t.Errorf("the media (left %.0f, top %.0f) is not beside the text (right %.0f, bottom %.0f)", media.Left, media.Top, body.Right, body.Bottom)
	}
	checkAxe(t, p, axe)

	// An event without media keeps the measure; nothing stands beside.
	p.run(chromedp.Focus("[role=tab][aria-selected=true]", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
	p.waitFor(`document.querySelector("#tab-flood").getAttribute("aria-selected") === "true"`)
	if w := p.rect("#explainer-detail .detail-body").Width; w/ch > 75 {
		t.Errorf("without media, the text is %.0f characters wide", w/ch)
	}

	// On a phone: one column, the media under the text.
	p.emulate(390, "light")
	p.open(base + "/s/no-quotes/?event=thaw")
	body, media = p.rect("#explainer-detail .detail-body"), p.rect("#explainer-detail .detail-media")
	if media.Top < body.Bottom {
		t.Errorf("on a phone the media (top %.0f) is not under the text (bottom %.0f)", media.Top, body.Bottom)
	}
	checkAxe(t, p, axe)
	if errs := p.errorsSeen(); len(errs) > 0 {
		t.Errorf("errors: %v", errs)
	}
}

// contrastJS computes, in the page, the WCAG contrast of an element's
// text with what is behind it: the first ancestor's background colour
// that is not transparent (on a card with a picture, the scrim over it),
// composited, when it is see-through, over white: the worst case for
// white text on a picture.
const contrastJS = `(sel) => {
	const el = document.querySelector(sel);
	const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const v = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return {r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1}; };
	const lum = c => { const f = x => { x /= 255; return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
	const fg = parse(getComputedStyle(el).color);
	let bg = null;
	const card = el.closest(".timeline-tab.has-image");
	if (card) bg = parse(getComputedStyle(card.querySelector(".timeline-bg"), "::after").backgroundColor); // the card's scrim
	for (let n = el; n && !bg; n = n.parentElement) {
		const c = parse(getComputedStyle(n).backgroundColor);
		if (c && c.a > 0) bg = c;
	}
	if (bg.a < 1) bg = {r: bg.r * bg.a + 255 * (1 - bg.a), g: bg.g * bg.a + 255 * (1 - bg.a), b: bg.b * bg.a + 255 * (1 - bg.a), a: 1};
	const a = lum(fg), b = lum(bg);
	return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}`

// TestBackgrounds opens a story whose events and title have backgrounds,
// after the WebAssembly takes over, in both themes: the text on every
// background reads at 4.5:1 or more as the browser computes it (on a
// picture, over the scrim as if the picture were white); every card on
// the timeline is as tall as one without a background, and the embed
// card as tall as CardHeight says; going to an event without a background
// leaves none behind; under forced colours the pictures go. axe-core
// finds nothing.
func TestBackgrounds(t *testing.T) {
	base := serveStories(t, map[string]string{"backgrounds.json": fixture(t, "backgrounds.json")})
	axe := axeSource(t)
	events := []struct {
		id, text string // text: the headline's selector to check
	}{
		{"dark-colour", ".detail-headline"},
		{"light-colour", ".detail-headline"},
		{"mid-tone", ".detail-headline"},
		{"bright-picture", ".detail-headline"},
	}
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			p := newTab(t)
			servePictures(t, p)
			p.emulate(1280, scheme)
			p.open(base + "/s/backgrounds/?event=dark-colour")
			plain := p.rect("#tab-plain").Height
			for i, e := range events {
				if i > 0 {
					p.run(chromedp.Focus("[role=tab][aria-selected=true]", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
					p.waitFor(fmt.Sprintf(`document.querySelector("#tab-%s").getAttribute("aria-selected") === "true"`, e.id))
				}
				p.waitFor(`document.querySelector("#explainer-detail .detail-head.has-background") !== null`)
				var ratio float64
				p.eval(fmt.Sprintf(`(%s)(%s)`, contrastJS, js("#explainer-detail "+e.text)), &ratio)
				t.Logf("%s: %.2f:1", e.id, ratio)
				if ratio < 4.5 {
					t.Errorf("%s: the headline reads at %.2f:1 on its background", e.id, ratio)
				}
				for _, sel := range []string{"#explainer-detail .detail-when", "#tab-" + e.id + " .timeline-headline", "#tab-" + e.id + " .timeline-date"} {
					p.eval(fmt.Sprintf(`(%s)(%s)`, contrastJS, js(sel)), &ratio)
					if ratio < 4.5 {
						t.Errorf("%s: %s reads at %.2f:1 on its background", e.id, sel, ratio)
					}
				}
				if h := p.rect("#tab-" + e.id).Height; h != plain {
					t.Errorf("%s: the card is %.1f px tall; one without a background is %.1f px", e.id, h, plain)
				}
				if i == 3 {
					p.waitFor(`document.querySelector("#explainer-detail .bg-image").complete`)
					p.screenshot("background-" + scheme)
					checkAxe(t, p, axe)
				}
			}
			var title float64
			p.eval(fmt.Sprintf(`(%s)(%s)`, contrastJS, js(".explainer-title")), &title)
			if title < 4.5 {
				t.Errorf("the title reads at %.2f:1 on the story's background", title)
			}
			// The last event has no background: none is left behind.
			p.run(chromedp.Focus("[role=tab][aria-selected=true]", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
			p.waitFor(`document.querySelector("#tab-plain").getAttribute("aria-selected") === "true"`)
			if got := p.evalString(`(() => { const h = document.querySelector("#explainer-detail .detail-head"); return h.className + "|" + (h.getAttribute("style") || "") + "|" + h.querySelectorAll("img").length; })()`); got != "detail-head||0" {
				t.Errorf("the head of an event without a background: %q", got)
			}
			// Forced colours: no picture, the system's colours.
			p.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "forced-colors", Value: "active"}}))
			if got := p.evalString(`getComputedStyle(document.querySelector("#tab-bright-picture .timeline-bg")).display`); got != "none" {
				t.Errorf("under forced colours a card's picture shows (display %s)", got)
			}
			if errs := p.errorsSeen(); len(errs) > 0 {
				t.Errorf("errors: %v", errs)
			}
		})
	}

	// The embed card keeps its height at every event, with and without a
	// background, and each card on the track is as tall as the others.
	t.Run("card", func(t *testing.T) {
		p := newTab(t)
		servePictures(t, p)
		p.emulateSize(1280, cardViewportHeight, "light")
		p.open(base + "/s/backgrounds/?embed=1&event=dark-colour")
		want := int64(widget.CardHeight(1280))
		plain := p.rect("#tab-plain").Height
		for i, id := range []string{"dark-colour", "light-colour", "mid-tone", "bright-picture", "plain"} {
			if i > 0 {
				p.run(chromedp.Focus("[role=tab][aria-selected=true]", chromedp.ByQuery), chromedp.KeyEvent(kb.ArrowRight))
				p.waitFor(fmt.Sprintf(`document.querySelector("#tab-%s").getAttribute("aria-selected") === "true"`, id))
			}
			var h int64
			p.eval(`document.documentElement.scrollHeight`, &h)
			if h != want {
				t.Errorf("%s: the card is %d px tall; CardHeight says %d", id, h, want)
			}
			if c := p.rect("#tab-" + id).Height; c != plain {
				t.Errorf("%s: the event's card on the track is %.1f px tall; one without a background %.1f px", id, c, plain)
			}
		}
		checkAxe(t, p, axe)
	})
}

// TestStudioBackground: in the studio, an editor opens an event's
// background, types a colour, and the preview shows the headline on it
// in the text colour that reads on it; the saved file has it and passes
// explainer validate.
func TestStudioBackground(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "no-quotes.json")
	if err := os.WriteFile(file, []byte(fixture(t, "no-quotes.json")), 0o644); err != nil {
		t.Fatal(err)
	}
	base := serveStudio(t, dir, file)
	p := newTab(t)
	servePictures(t, p)
	p.run(chromedp.Navigate(base + "/studio/"))
	p.waitFor(byID("o$.events[0].background") + " !== null")
	p.clickID("o$.events[0].background")
	p.typeIn("$.events[0].background.color", "#0b3d2e")
	p.waitPreview(`d.querySelector("#explainer-detail .detail-head.has-background") !== null`)
	var got []string
	p.preview(`[getComputedStyle(d.querySelector("#explainer-detail .detail-head")).backgroundColor, getComputedStyle(d.querySelector("#explainer-detail .detail-headline")).color]`, &got)
	if len(got) != 2 || got[0] != "rgb(11, 61, 46)" || got[1] != "rgb(255, 255, 255)" {
		t.Errorf("the preview's head: background and text %v; want rgb(11, 61, 46) and white", got)
	}
	p.clickID("save")
	p.waitForOr(`document.querySelector(".studio-state").textContent === "saved"`, `document.getElementById("studio-status").textContent`)
	var out, errs bytes.Buffer
	if code := cli.Main([]string{"validate", file}, &out, &errs); code != 0 {
		t.Fatalf("explainer validate: %d\n%s%s", code, out.String(), errs.String())
	}
	if on, _ := os.ReadFile(file); !strings.Contains(string(on), `"color": "#0b3d2e"`) {
		t.Errorf("the saved file has no background colour:\n%s", on)
	}
	for _, e := range p.errorsSeen() {
		t.Errorf("error: %s", e)
	}
}
