package share

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/vector"
)

// fill paints a rectangle.
func fill(dst *image.RGBA, r image.Rectangle, c color.RGBA) {
	draw.Draw(dst, r, image.NewUniform(c), image.Point{}, draw.Src)
}

// disc paints an anti-aliased circle centred at (cx, cy).
func disc(dst *image.RGBA, cx, cy, rad float32, c color.RGBA) {
	box := image.Rect(int(cx-rad)-1, int(cy-rad)-1, int(cx+rad)+2, int(cy+rad)+2).Intersect(dst.Bounds())
	if box.Empty() {
		return
	}
	z := circle(box, cx, cy, rad)
	z.Draw(dst, box, image.NewUniform(c), image.Point{})
}

// circle is a rasteriser holding a circle's path (four cubic arcs),
// relative to box.
func circle(box image.Rectangle, cx, cy, rad float32) *vector.Rasterizer {
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	cx -= float32(box.Min.X)
	cy -= float32(box.Min.Y)
	const k = 0.5522847 // control-point distance for a quarter circle
	kr := k * rad
	z.MoveTo(cx+rad, cy)
	z.CubeTo(cx+rad, cy+kr, cx+kr, cy+rad, cx, cy+rad)
	z.CubeTo(cx-kr, cy+rad, cx-rad, cy+kr, cx-rad, cy)
	z.CubeTo(cx-rad, cy-kr, cx-kr, cy-rad, cx, cy-rad)
	z.CubeTo(cx+kr, cy-rad, cx+rad, cy-kr, cx+rad, cy)
	z.ClosePath()
	return z
}

// portrait draws img cropped to a centred square and masked by a circle.
func portrait(dst *image.RGBA, img image.Image, cx, cy, rad float32) {
	d := int(2 * rad)
	box := image.Rect(int(cx-rad), int(cy-rad), int(cx-rad)+d, int(cy-rad)+d)
	b := img.Bounds()
	side := min(b.Dx(), b.Dy())
	if side <= 0 {
		return
	}
	// Rectangle literals, not image.Rect, which would reorder the corners.
	at := image.Pt(b.Min.X+(b.Dx()-side)/2, b.Min.Y+(b.Dy()-side)/2)
	src := image.Rectangle{Min: at, Max: at.Add(image.Pt(side, side))}
	scaled := image.NewRGBA(image.Rect(0, 0, d, d))
	xdraw.CatmullRom.Scale(scaled, scaled.Bounds(), img, src, xdraw.Src, nil)
	mask := image.NewAlpha(image.Rect(0, 0, d, d))
	circle(mask.Bounds(), rad, rad, rad).Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	draw.DrawMask(dst, box, scaled, image.Point{}, mask, image.Point{}, draw.Over)
}

// logo draws img scaled to fit the box, keeping its proportions, at the
// box's leading (rtl: left, else right) edge: the end opposite the text.
func logo(dst *image.RGBA, img image.Image, box image.Rectangle, alignLeft bool) {
	b := img.Bounds()
	if b.Empty() {
		return
	}
	s := min(float64(box.Dx())/float64(b.Dx()), float64(box.Dy())/float64(b.Dy()))
	w, h := int(float64(b.Dx())*s), int(float64(b.Dy())*s)
	x := box.Max.X - w
	if alignLeft {
		x = box.Min.X
	}
	at := image.Pt(x, box.Min.Y+(box.Dy()-h)/2)
	r := image.Rectangle{Min: at, Max: at.Add(image.Pt(w, h))}
	xdraw.CatmullRom.Scale(dst, r, img, b, xdraw.Over, nil)
}

// luminance is WCAG 2's relative luminance of an opaque colour.
func luminance(c color.RGBA) float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is WCAG 2's contrast ratio of two colours (1 to 21).
func contrast(a, b color.RGBA) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// readable returns c, or c moved towards black or white (whichever the
// background is further from) until its contrast on bg reaches ratio:
// a publisher's pale grey or light accent stays recognisable but legible.
func readable(c, bg color.RGBA, ratio float64) color.RGBA {
	if contrast(c, bg) >= ratio {
		return opaque(c)
	}
	target := color.RGBA{0, 0, 0, 0xff}
	if contrast(target, bg) < contrast(color.RGBA{0xff, 0xff, 0xff, 0xff}, bg) {
		target = color.RGBA{0xff, 0xff, 0xff, 0xff}
	}
	mix := func(t float64) color.RGBA {
		m := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
		return color.RGBA{m(c.R, target.R), m(c.G, target.G), m(c.B, target.B), 0xff}
	}
	for i := 1; i <= 20; i++ {
		if m := mix(float64(i) / 20); contrast(m, bg) >= ratio {
			return m
		}
	}
	return target
}

func opaque(c color.RGBA) color.RGBA { c.A = 0xff; return c }

// settle makes a theme legible: text and muted text at WCAG AA for normal
// text (4.5:1) and the accent at 3:1, the ratio for graphics.
func settle(t Theme) Theme {
	t.Background = opaque(t.Background)
	t.Text = readable(t.Text, t.Background, 4.5)
	t.Muted = readable(t.Muted, t.Background, 4.5)
	t.Accent = readable(t.Accent, t.Background, 3)
	return t
}
