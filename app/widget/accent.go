package widget

import (
	"fmt"
	"math"
	"strconv"
)

// A publisher's accent colour (?accent=) colours links, the selected event
// and the current filter chip, with text in it and on it. One colour cannot
// be readable on both a white and a near-black page, so the widget derives
// one per theme: the light theme's is darkened, and the dark theme's
// lightened, just enough for WCAG 2.2 AA text contrast (4.5:1) against
// every background the accent meets. The page's HTML says what changed.

// minContrast is WCAG 2.2 AA for normal text; it covers the 3:1 that
// borders and focus indicators need.
const minContrast = 4.5

// The backgrounds the accent meets, and the text drawn on it, per theme;
// they are the stylesheet's --bg, --surface, --accent-soft and --on-accent.
var (
	lightBackgrounds = []rgb{hexRGB("ffffff"), hexRGB("f4f5f7"), hexRGB("e3eefa")}
	darkBackgrounds  = []rgb{hexRGB("15171b"), hexRGB("1f2228"), hexRGB("1d2a3b"), hexRGB("0c1420")}
)

// accent is the accent of each theme, and a note for the page when either
// differs from what the publisher asked for.
type accent struct {
	Light, Dark string // hex, without #
	Note        string
}

// accentFor adjusts a 6-digit hex colour for both themes.
func accentFor(hex string) accent {
	c := hexRGB(hex)
	light := adjust(c, lightBackgrounds, rgb{0, 0, 0})
	dark := adjust(c, darkBackgrounds, rgb{1, 1, 1})
	a := accent{Light: light.hex(), Dark: dark.hex()}
	if a.Light != hex || a.Dark != hex {
		a.Note = fmt.Sprintf("accent #%s adjusted for WCAG AA contrast (%.1f:1 at least): #%s in the light theme, #%s in the dark theme", hex, minContrast, a.Light, a.Dark)
	}
	return a
}

// AccentNote says how the widget changed a publisher's accent for
// contrast, for a comment in the page; "" when it is used as given or
// there is none.
func AccentNote(o Options) string {
	if o.Accent == "" {
		return ""
	}
	return accentFor(o.Accent).Note
}

// adjust mixes c towards target (black or white) by the least amount that
// gives minContrast against every background.
func adjust(c rgb, backgrounds []rgb, target rgb) rgb {
	ok := func(x rgb) bool {
		for _, bg := range backgrounds {
			if contrast(x, bg) < minContrast {
				return false
			}
		}
		return true
	}
	if ok(c) {
		return c
	}
	lo, hi := 0.0, 1.0 // the mix at lo fails, at hi (pure target) passes
	for range 20 {
		mid := (lo + hi) / 2
		if ok(c.mix(target, mid)) {
			hi = mid
		} else {
			lo = mid
		}
	}
	// Rounding to 8 bits can lose a hair of contrast: step on until the
	// colour that is written out passes.
	for t := hi; t <= 1; t += 0.005 {
		if x := hexRGB(c.mix(target, t).hex()); ok(x) {
			return x
		}
	}
	return target
}

// rgb is a colour with channels from 0 to 1.
type rgb struct{ r, g, b float64 }

func hexRGB(hex string) rgb {
	v, _ := strconv.ParseUint(hex, 16, 32)
	return rgb{float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255}
}

func (c rgb) hex() string {
	ch := func(x float64) int { return int(math.Round(math.Max(0, math.Min(1, x)) * 255)) }
	return fmt.Sprintf("%02x%02x%02x", ch(c.r), ch(c.g), ch(c.b))
}

func (c rgb) mix(to rgb, t float64) rgb {
	return rgb{c.r + (to.r-c.r)*t, c.g + (to.g-c.g)*t, c.b + (to.b-c.b)*t}
}

// luminance is WCAG's relative luminance.
func (c rgb) luminance() float64 {
	lin := func(x float64) float64 {
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.r) + 0.7152*lin(c.g) + 0.0722*lin(c.b)
}

// contrast is WCAG's contrast ratio of two colours, from 1 to 21.
func contrast(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
