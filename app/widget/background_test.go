package widget

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"explainer/app/internal/golden"
	"explainer/app/internal/htmltest"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

// TestOnColor: the text on any background colour reads at 4.5:1 or more,
// near-black or white where either does, black on the mid-tones where
// neither does. Every grey and a sweep of hues is tried.
func TestOnColor(t *testing.T) {
	tests := []struct{ bg, want string }{
		{"000000", "ffffff"},
		{"ffffff", "16181d"},
		{"0b3d2e", "ffffff"},
		{"fff3b0", "16181d"},
		{"7c7c7c", "000000"}, // 4.2:1 with white, 4.3:1 with near-black, 5.0:1 with black
		{"0b5cad", "ffffff"},
		{"ffd400", "16181d"},
	}
	for _, tt := range tests {
		got, ratio := onColor(tt.bg)
		if ratio < minContrast {
			t.Errorf("onColor(%s) = %s at %.2f:1", tt.bg, got, ratio)
		}
		if got != tt.want {
			t.Errorf("onColor(%s) = %s; want %s", tt.bg, got, tt.want)
		}
	}
	for v := 0; v < 256*256*256; v += 0x010305 {
		bg := fmt.Sprintf("%06x", v)
		text, ratio := onColor(bg)
		if r := contrast(hexRGB(text), hexRGB(bg)); r < minContrast || r != ratio {
			t.Fatalf("onColor(%s) = %s at %.2f:1 (says %.2f)", bg, text, r, ratio)
		}
	}
}

// TestBackgroundsRender renders a story whose events and title have
// backgrounds: a colour carries its text colour, which contrasts with it
// by 4.5:1; a picture lies under a scrim that holds the text; a picture on
// a service's host (a story built in code is not checked) is left out.
func TestBackgroundsRender(t *testing.T) {
	s := storytest.Load(t, "testdata/backgrounds.json")
	tests := []struct {
		name, url string
		golden    string
	}{
		{name: "page", url: "/?event=on-a-picture", golden: "backgrounds.html"},
		{name: "card", url: "/?embed=1&event=on-a-light-colour", golden: "backgrounds-embed.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := prerender(t, s, tt.url)
			golden.Check(t, tt.golden, []byte(htmltest.Normalize(t, out)))
			doc := parse(t, out)
			// Every element with a background colour carries a text
			// colour that reads on it.
			n := 0
			// On a picture, the text is white on the scrim instead.
			for _, el := range htmltest.FindAll(doc, func(n *html.Node) bool {
				return strings.Contains(htmltest.Value(n, "style"), "background-color") && !htmltest.HasClass(n, "has-image")
			}) {
				bg, fg := styleColor(htmltest.Value(el, "style"), "background-color"), styleColor(htmltest.Value(el, "style"), "color")
				if bg == "" || fg == "" {
					t.Errorf("<%s class=%q style=%q>: no colour pair", el.Data, htmltest.Value(el, "class"), htmltest.Value(el, "style"))
					continue
				}
				if r := contrast(hexRGB(bg), hexRGB(fg)); r < minContrast {
					t.Errorf("#%s on #%s: %.2f:1", fg, bg, r)
				}
				n++
			}
			// On the timeline, three cards on colours; in the panel, the
			// head of the event when it has one.
			if n < 3 {
				t.Errorf("%d elements with a background colour and text on it; want 3 or more", n)
			}
			for _, el := range htmltest.FindAll(doc, htmltest.ByClass("has-image")) {
				if styleColor(htmltest.Value(el, "style"), "color") != "" {
					t.Errorf("<%s class=%q>: a text colour on a picture, which the scrim's white must not lose to", el.Data, htmltest.Value(el, "class"))
				}
			}
			for _, c := range []string{"timeline-tab has-background has-image"} {
				if htmltest.Find(doc, func(n *html.Node) bool { return htmltest.Value(n, "class") == c }) == nil {
					t.Errorf("no element of class %q", c)
				}
			}
			// Every card keeps the markup of a card: the picture is
			// hidden from screen readers and lies inside the tab.
			for _, img := range htmltest.FindAll(doc, htmltest.ByClass("timeline-bg")) {
				if htmltest.Value(img, "aria-hidden") != "true" {
					t.Error("a card's picture is not hidden from screen readers")
				}
			}
		})
	}

	// The detail of the event on a picture: the picture, its alt, the text
	// on the scrim.
	doc := parse(t, prerender(t, s, "/?event=on-a-picture"))
	head := htmltest.Find(htmltest.Find(doc, htmltest.ByID(detailID)), htmltest.ByClass("detail-head"))
	if head == nil || !strings.Contains(htmltest.Value(head, "class"), "has-image") {
		t.Fatalf("the detail's head: %v", head)
	}
	img := htmltest.Find(head, htmltest.ByClass("bg-image"))
	if img == nil || htmltest.Value(img, "src") != "https://images.example.com/square.jpg" || htmltest.Value(img, "alt") != "The square at night" {
		t.Errorf("the head's picture: %v", img)
	}
	if scrim := htmltest.Find(head, htmltest.ByClass("bg-scrim")); scrim == nil || htmltest.Find(scrim, htmltest.ByClass("detail-headline")) == nil {
		t.Error("the headline is not on the scrim")
	}

	// A picture on a service's host, in a story built in code, is left
	// out; its colour stays.
	s.Events[0].Background = &story.Background{Image: "https://i.ytimg.com/vi/abc/0.jpg", Color: "#0b3d2e"}
	out := prerender(t, s, "/?event=on-a-dark-colour")
	if strings.Contains(out, "ytimg") {
		t.Error("a picture on YouTube's host is in the page")
	}
	if !strings.Contains(out, "background-color:#0b3d2e") && !strings.Contains(out, "background-color: #0b3d2e") {
		t.Error("the colour of a background whose picture was left out is gone")
	}
}

// styleColor returns the hex (no #) of a property in an inline style.
func styleColor(style, prop string) string {
	for _, decl := range strings.Split(style, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok && strings.TrimSpace(k) == prop {
			return strings.TrimPrefix(strings.TrimSpace(v), "#")
		}
	}
	return ""
}
