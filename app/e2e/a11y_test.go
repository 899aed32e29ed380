package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"explainer/app/internal/testenv"
	"explainer/app/story/storytest"
)

// axeSource is axe-core, installed by `make npm-tools` into .cache (never
// committed); AXE_PATH points elsewhere.
func axeSource(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AXE_PATH")
	if path == "" {
		path = filepath.Join(testenv.NodeModules(t, "axe-core"), "axe-core", "axe.min.js")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("axe-core: %v", err)
	}
	return string(src)
}

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target  []string `json:"target"`
		Summary string   `json:"failureSummary"`
	} `json:"nodes"`
}

// axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules find nothing,
// in both themes (from the system, and forced by ?theme=), on a phone and
// a desktop.
func TestAccessibility(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	src := axeSource(t)
	tests := []struct {
		width  int64
		scheme string
		query  string
		path   string // "" is the story page at an event and a person
	}{
		{320, "light", "", ""},
		{320, "dark", "", ""},
		{1280, "light", "", ""},
		{1280, "dark", "", ""},
		{1280, "light", "&theme=dark", ""},
		{320, "dark", "&theme=light&lang=uk", ""},
		{320, "dark", "&embed=1", ""},
		{1280, "light", "&embed=1&view=quotes&accent=c0ffee", ""},
		{1280, "dark", "&embed=1&accent=c0ffee&title=0", ""},
		{390, "light", "&embed=1&show=quotes&accent=ffd400", ""},
		{768, "dark", "&embed=1&show=timeline&accent=000000", ""},
		{390, "light", "?event=" + ids.Event(-1), "/s/" + ids.Story() + "/embed"},
		{1280, "dark", "", "/s/" + ids.Story() + "/embed"},
	}
	for _, tt := range tests {
		{
			width, theme := tt.width, tt.scheme
			t.Run(fmt.Sprintf("%d-%s%s%s", width, theme, tt.path, tt.query), func(t *testing.T) {
				p := newTab(t)
				p.emulate(width, theme)
				if tt.path != "" {
					p.run(chromedp.Navigate(site.URL + tt.path + tt.query))
				} else {
					p.open(site.URL + "/?event=" + ids.Event(5) + "&person=" + ids.Person(1) + tt.query)
				}
				checkAxe(t, p, src)
			})
		}
	}
}

// checkAxe runs axe-core (its source in src) on the tab's page and
// reports every WCAG 2.2 A and AA violation.
func checkAxe(t *testing.T, p *tab, src string) {
	t.Helper()
	p.run(chromedp.Evaluate(src, nil))
	var out string
	p.run(chromedp.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`,
		&out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	var violations []axeViolation
	if err := json.Unmarshal([]byte(out), &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		for _, n := range v.Nodes {
			t.Errorf("%s (%s) at %v: %s", v.ID, v.Help, n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
		}
	}
}

// A keyboard alone reaches every control, in a sensible order,
// with a visible focus indicator on each.
func TestKeyboardOnly(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	p := newTab(t)
	p.open(site.URL + "/?event=" + ids.Event(3))
	var stops []string
	seen := map[string]bool{}
	for i := 0; i < 80; i++ {
		p.run(chromedp.KeyEvent(kb.Tab))
		var focus struct {
			Key     string  `json:"key"`
			Outline string  `json:"outline"`
			Width   float64 `json:"width"`
		}
		p.eval(`(() => {
			const el = document.activeElement;
			const cs = getComputedStyle(el);
			return {key: el.id || el.className || el.tagName, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth)};
		})()`, &focus)
		if focus.Key == "BODY" || seen[focus.Key] && focus.Key == stops[0] {
			break // round the page
		}
		if focus.Outline == "none" || focus.Width < 2 {
			t.Errorf("focus on %s is not visible (outline %s %.0fpx)", focus.Key, focus.Outline, focus.Width)
		}
		stops = append(stops, focus.Key)
		seen[focus.Key] = true
	}
	want := []string{"tab-" + ids.Event(3), "stepper-link stepper-prev", "explainer-detail", "filter-chip", "quote-card-show", "SUMMARY"}
	joined := strings.Join(stops, " | ")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("the keyboard never reaches %q; stops: %s", w, joined)
		}
	}
	// The tablist is one stop: only the selected tab is in the tab order.
	if n := strings.Count(joined, "tab-"); n != 1 {
		t.Errorf("%d tabs in the tab order; want 1: %s", n, joined)
	}
}
