package widget

import (
	"strings"
	"testing"
)

// TestAccentContrast checks publishers' accents, readable and not, in both
// themes: what comes out meets AA against every background it meets, and
// a colour that already does is left alone.
func TestAccentContrast(t *testing.T) {
	tests := []struct {
		name, in            string
		wantLight, wantDark string // "" when it must change
		wantNote            bool
	}{
		{name: "default light accent", in: "0b5cad", wantLight: "0b5cad", wantNote: true},
		{name: "default dark accent", in: "7db5ff", wantDark: "7db5ff", wantNote: true},
		{name: "pale on white", in: "c0ffee", wantNote: true},
		{name: "yellow", in: "ffd400", wantNote: true},
		{name: "black", in: "000000", wantLight: "000000", wantNote: true},
		{name: "white", in: "ffffff", wantDark: "ffffff", wantNote: true},
		{name: "mid grey", in: "808080", wantNote: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := accentFor(tt.in)
			for _, bg := range lightBackgrounds {
				if c := contrast(hexRGB(a.Light), bg); c < minContrast {
					t.Errorf("light accent #%s: %.2f:1 on #%s", a.Light, c, bg.hex())
				}
			}
			for _, bg := range darkBackgrounds {
				if c := contrast(hexRGB(a.Dark), bg); c < minContrast {
					t.Errorf("dark accent #%s: %.2f:1 on #%s", a.Dark, c, bg.hex())
				}
			}
			if tt.wantLight != "" && a.Light != tt.wantLight {
				t.Errorf("light accent #%s; want #%s unchanged", a.Light, tt.wantLight)
			}
			if tt.wantDark != "" && a.Dark != tt.wantDark {
				t.Errorf("dark accent #%s; want #%s unchanged", a.Dark, tt.wantDark)
			}
			if (a.Note != "") != tt.wantNote || (a.Note != "" && !strings.Contains(a.Note, "#"+tt.in)) {
				t.Errorf("note %q", a.Note)
			}
		})
	}
}

// TestContrastRatio pins the formula to WCAG's own extremes and a known
// pair.
func TestContrastRatio(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       float64
	}{
		{name: "black on white", a: "000000", b: "ffffff", want: 21},
		{name: "same colour", a: "777777", b: "777777", want: 1},
		{name: "default accent on white", a: "0b5cad", b: "ffffff", want: 6.67},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := contrast(hexRGB(tt.a), hexRGB(tt.b)); got < tt.want-0.005 || got > tt.want+0.005 {
				t.Errorf("contrast(#%s, #%s) = %.2f; want %.2f", tt.a, tt.b, got, tt.want)
			}
		})
	}
}
