package share

import (
	"image"
	"image/color"
	"math"
	"sort"
	"strings"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// work is one render's shaping state. Faces cache and the shaper and
// wrapper reuse buffers, none of them safe for concurrent use: a render
// takes one from the Renderer's pool and gives it back.
type work struct {
	regular, bold *fontmap
	shaper        shaping.HarfbuzzShaper
	seg           shaping.Segmenter
	wrap          shaping.LineWrapper
}

// style is how a text box is set: weight, the size range in pixels and
// the most lines it may take.
type style struct {
	bold     bool
	max, min int
	lines    int
	col      color.RGBA
	// whole: never cut with an ellipsis (a quote's words, its source);
	// fit returns nil when it does not fit at the smallest size.
	whole bool
}

// para is a paragraph to set: its text, the card's direction and language.
type para struct {
	text string
	rtl  bool
	lang language.Language
}

// block is a paragraph shaped, wrapped and sized for its box.
type block struct {
	lines     []shaping.Line
	widths    []fixed.Int26_6
	size      int
	asc, desc float32 // the tallest ink above and below a baseline
	lh        float32 // baseline to baseline
	truncated bool
}

// height is the block's ink height, first line's top to last line's bottom.
func (b *block) height() float32 {
	if len(b.lines) == 0 {
		return 0
	}
	return b.asc + float32(len(b.lines)-1)*b.lh + b.desc
}

func (p para) direction() di.Direction {
	if p.rtl {
		return di.DirectionRTL
	}
	return di.DirectionLTR
}

// shape splits the text into runs of one direction, script and face
// (bidi and font fallback) and shapes each run.
func (w *work) shape(p para, runes []rune, size int, bold bool) []shaping.Output {
	fm := w.regular
	if bold {
		fm = w.bold
	}
	in := shaping.Input{
		Text: runes, RunStart: 0, RunEnd: len(runes),
		Direction: p.direction(),
		Size:      fixed.I(size),
		Language:  p.lang,
	}
	inputs := w.seg.Split(in, fm)
	outs := make([]shaping.Output, len(inputs))
	for i, in := range inputs {
		outs[i] = w.shaper.Shape(in)
	}
	return outs
}

// wrapAt shapes and wraps the paragraph at one size. maxLines > 0
// truncates with an ellipsis after that many lines.
func (w *work) wrapAt(p para, runes []rune, size int, bold bool, width float32, maxLines int) *block {
	outs := w.shape(p, runes, size, bold)
	cfg := shaping.WrapConfig{Direction: p.direction(), BreakPolicy: shaping.WhenNecessary}
	if maxLines > 0 {
		cfg.TruncateAfterLines = maxLines
		ell := []rune("…")
		cfg = cfg.WithTruncator(&w.shaper, shaping.Input{
			Text: ell, RunEnd: len(ell), Direction: p.direction(), Size: fixed.I(size),
			Face: w.faceFor(bold, '…'), Script: language.Common, Language: p.lang,
		})
	}
	// A little narrower than the box: room for ink past the advances.
	lines, truncated := w.wrap.WrapParagraphF(cfg, fixed.Int26_6((width-0.08*float32(size))*64), runes, shaping.NewSliceIterator(outs))
	b := &block{size: size, truncated: truncated > 0}
	var asc, desc fixed.Int26_6
	for _, l := range lines {
		// The wrapper's lines live in its buffers until the next wrap: copy.
		cp := make(shaping.Line, len(l))
		copy(cp, l)
		sort.SliceStable(cp, func(i, j int) bool { return cp[i].VisualIndex < cp[j].VisualIndex })
		var wdt fixed.Int26_6
		for i := range cp {
			cp[i].Glyphs = append([]shaping.Glyph(nil), cp[i].Glyphs...)
			wdt += cp[i].Advance
			asc = max(asc, cp[i].GlyphBounds.Ascent)
			desc = max(desc, -cp[i].GlyphBounds.Descent)
		}
		b.lines = append(b.lines, cp)
		b.widths = append(b.widths, wdt)
	}
	b.asc, b.desc = fx(asc), fx(desc)
	// Leading of 1.25 em, more where a script's ink is taller (Arabic
	// marks, Devanagari's headline and matras) so lines never touch.
	b.lh = max(1.25*float32(size), b.asc+b.desc+0.1*float32(size))
	return b
}

func (w *work) faceFor(bold bool, r rune) *font.Face {
	fm := w.regular
	if bold {
		fm = w.bold
	}
	if f := fm.find(r); f != nil {
		return f
	}
	return fm.faces[0]
}

// fit sets the paragraph at the largest size in [st.min, st.max] at which
// it takes at most st.lines lines and height pixels; if it fits at no
// size, it is set at st.min and cut with an ellipsis, or, for a whole
// style, fit returns nil.
func (w *work) fit(p para, st style, width, height float32) *block {
	runes := []rune(strings.Join(strings.Fields(p.text), " "))
	if len(runes) == 0 {
		return &block{size: st.max}
	}
	fits := func(b *block) bool { return len(b.lines) <= st.lines && b.height() <= height }
	// Binary search on whole pixels: a smaller size never needs more lines.
	lo, hi := st.min, st.max
	var best *block
	for lo <= hi {
		mid := (lo + hi) / 2
		b := w.wrapAt(p, runes, mid, st.bold, width, 0)
		if fits(b) {
			best, lo = b, mid+1
		} else {
			hi = mid - 1
		}
	}
	if best != nil || st.whole {
		return best
	}
	for n := st.lines; n >= 1; n-- {
		b := w.wrapAt(p, runes, st.min, st.bold, width, n)
		if b.height() <= height || n == 1 {
			return b
		}
	}
	return nil // unreachable: the loop returns at n == 1
}

// placed is one glyph where it is drawn: its face, id, size and pen
// position (pixels, y down, at the baseline).
type placed struct {
	face *font.Face
	gid  font.GID
	size fixed.Int26_6
	x, y float32
	// ink is the glyph's bounding box in pixels; b* its bearings.
	ink                image.Rectangle
	bx0, bx1, by0, by1 float32
	text               int // index of the first rune of its cluster
}

// place lays the block out in the box at (x, y) of width w: each line at
// its baseline, right-aligned for a right-to-left paragraph. Runs are
// already in visual order, and so are the glyphs of each run (HarfBuzz
// gives right-to-left runs reversed), so the pen only moves right. A
// line whose ink overhangs its advance (a final Arabic letter's tail, an
// italic f) is nudged back inside the box.
func (b *block) place(x, y, w float32, rtl bool) []placed {
	var out []placed
	for i, l := range b.lines {
		base := y + b.asc + float32(i)*b.lh
		pen := x
		if rtl {
			pen = x + w - fx(b.widths[i])
		}
		first := len(out)
		for _, run := range l {
			for _, g := range run.Glyphs {
				out = append(out, placed{face: run.Face, gid: g.GlyphID, size: run.Size,
					x: pen + fx(g.XOffset), y: base - fx(g.YOffset), text: g.TextIndex(),
					bx0: fx(g.XBearing), bx1: fx(g.XBearing + g.Width), by0: fx(g.YBearing), by1: fx(g.YBearing + g.Height)})
				pen += fx(g.Advance)
			}
		}
		line := out[first:]
		lo, hi := float32(math.MaxFloat32), float32(-math.MaxFloat32)
		for _, g := range line {
			if g.bx1 > g.bx0 {
				lo, hi = min(lo, g.x+g.bx0), max(hi, g.x+g.bx1)
			}
		}
		var dx float32
		if hi > x+w {
			dx = x + w - hi
		}
		if lo+dx < x {
			dx = x - lo
		}
		for j := range line {
			g := &line[j]
			g.x += dx
			g.ink = image.Rect(
				int(math.Floor(float64(g.x+g.bx0))), int(math.Floor(float64(g.y-g.by0))),
				int(math.Ceil(float64(g.x+g.bx1))), int(math.Ceil(float64(g.y-g.by1))))
		}
	}
	return out
}

// drawGlyphs fills the glyphs' outlines in one colour. One rasteriser
// covers the glyphs' ink box, not the whole image, so its cost follows
// the text's area.
func drawGlyphs(dst *image.RGBA, gs []placed, col color.RGBA) {
	var box image.Rectangle
	for _, g := range gs {
		box = box.Union(g.ink)
	}
	box = box.Inset(-2).Intersect(dst.Bounds())
	if box.Empty() {
		return
	}
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	for _, g := range gs {
		outline, ok := g.face.GlyphData(g.gid).(font.GlyphOutline)
		if !ok {
			continue
		}
		s := fx(g.size) / float32(g.face.Upem())
		px := func(p font.SegmentPoint) (float32, float32) { return g.x - ox + p.X*s, g.y - oy - p.Y*s }
		for _, seg := range outline.Segments {
			switch seg.Op {
			case ot.SegmentOpMoveTo:
				z.ClosePath()
				z.MoveTo(px(seg.Args[0]))
			case ot.SegmentOpLineTo:
				z.LineTo(px(seg.Args[0]))
			case ot.SegmentOpQuadTo:
				ax, ay := px(seg.Args[0])
				bx, by := px(seg.Args[1])
				z.QuadTo(ax, ay, bx, by)
			case ot.SegmentOpCubeTo:
				ax, ay := px(seg.Args[0])
				bx, by := px(seg.Args[1])
				cx, cy := px(seg.Args[2])
				z.CubeTo(ax, ay, bx, by, cx, cy)
			}
		}
		z.ClosePath()
	}
	z.Draw(dst, box, image.NewUniform(col), image.Point{})
}

func fx(v fixed.Int26_6) float32 { return float32(v) / 64 }
