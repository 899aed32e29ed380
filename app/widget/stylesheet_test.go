package widget

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// remPx is the CSS pixels in a rem: the stylesheet sets no root size.
const remPx = 16

func readStatic(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../web/static/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStylesheetAgrees holds explainer.css to the numbers the Go code lays
// out and sizes with: the width of an event on the track, the width where
// the standalone page turns from a list into an axis, and the embed card's
// heights at each width. Change one side and this fails until the other
// follows.
func TestStylesheetAgrees(t *testing.T) {
	css := readStatic(t, "explainer.css")

	item := regexp.MustCompile(`(?m)^\.timeline-item \{[^}]*?\bwidth: ([0-9.]+)rem;`).FindStringSubmatch(css)
	if item == nil {
		t.Error("explainer.css sets no width on .timeline-item")
	} else if w, _ := strconv.ParseFloat(item[1], 64); w != itemWidth {
		t.Errorf(".timeline-item is %vrem wide in the stylesheet; the layout uses %vrem", w, itemWidth)
	}

	narrow := regexp.MustCompile(`@media \(width < ([0-9.]+)rem\)`).FindAllStringSubmatch(css, -1)
	if len(narrow) == 0 {
		t.Error("explainer.css has no narrow-screen media query")
	}
	for _, m := range narrow {
		if m[1] != strconv.Itoa(wideFrom) {
			t.Errorf("explainer.css switches layout at %srem; the widget (wideFrom) at %drem", m[1], wideFrom)
		}
	}
	if want := fmt.Sprintf("@media (width >= %drem)", wideFrom); !regexp.MustCompile(regexp.QuoteMeta(want)).MatchString(css) {
		t.Errorf("explainer.css lacks %s, where the wide layout starts", want)
	}

	var got []struct{ MinWidth, Height int }
	for _, m := range regexp.MustCompile(`(?s)(?:@media \(width >= ([0-9]+)rem\) \{\s*)?:root\.is-embed \{\s*--card-height: ([0-9]+)rem;`).FindAllStringSubmatch(css, -1) {
		from, _ := strconv.Atoi(m[1]) // 0 for the base rule
		h, _ := strconv.Atoi(m[2])
		got = append(got, struct{ MinWidth, Height int }{from * remPx, h * remPx})
	}
	if fmt.Sprint(got) != fmt.Sprint(cardHeights) {
		t.Errorf("the stylesheet's card heights (px from px) are %v; CardHeight uses %v", got, cardHeights)
	}
}

// TestEmbedScriptAgrees: embed.js starts the frames it makes at the
// card's height on a phone, as CardHeight gives it.
func TestEmbedScriptAgrees(t *testing.T) {
	m := regexp.MustCompile(`f\.height = d\.getAttribute\("data-height"\) \|\| "([0-9]+)"`).FindStringSubmatch(readStatic(t, "embed.js"))
	if m == nil {
		t.Fatal("embed.js gives the frames it makes no default height")
	}
	if m[1] != strconv.Itoa(CardHeight(0)) {
		t.Errorf("embed.js starts frames at %spx; the card is %dpx on a phone", m[1], CardHeight(0))
	}
}

// TestStylesheetLogical: explainer.css and studio.css place and space
// things by the start and end of a line, not its left and right, so that
// a right-to-left story mirrors the whole widget (dir=rtl) with no rules
// of its own. Only what the bidi algorithm cannot mirror — a centring
// transform, the arrow glyphs — has a :dir(rtl) rule, and each of those
// is listed here.
func TestStylesheetLogical(t *testing.T) {
	physical := regexp.MustCompile(`(?m)^[^/*]*?\b((?:margin|padding|border)-(?:left|right)[a-z-]*|left|right|text-align:\s*(?:left|right)|float:\s*(?:left|right)|clear:\s*(?:left|right))\s*:`)
	for _, name := range []string{"explainer.css", "studio.css"} {
		css := readStatic(t, name)
		for i, line := range strings.Split(css, "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "/*") || strings.HasPrefix(strings.TrimSpace(line), "*") {
				continue
			}
			if m := physical.FindStringSubmatch(line); m != nil {
				t.Errorf("%s:%d: %q is a physical side; use the logical one (inline-start/-end, inset-inline, text-align: start)", name, i+1, strings.TrimSpace(line))
			}
			if strings.Contains(line, "text-align: left") || strings.Contains(line, "text-align: right") {
				t.Errorf("%s:%d: text-align: use start or end", name, i+1)
			}
		}
	}
	css := readStatic(t, "explainer.css")
	for _, rule := range []string{".timeline-break:dir(rtl)", ".stepper-prev:dir(rtl)::before", ".stepper-next:dir(rtl)::after"} {
		if !strings.Contains(css, rule+" {") {
			t.Errorf("explainer.css has no %s rule: in right to left it would point or lean the wrong way", rule)
		}
	}
}
