package share

import (
	"errors"
	"image"
	"strings"

	"github.com/go-text/typesetting/language"
)

// canvas is one card being drawn: the image, the theme made legible,
// the direction and the frame inside the margins.
type canvas struct {
	img    *image.RGBA
	t      Theme
	rtl    bool
	lang   language.Language
	w      *work
	m      float32 // margin
	left   float32 // content box
	right  float32
	scale  float32 // 1 at 1200 px wide
	glyphs []placed
	texts  []string // every paragraph set, as set: tests check the words
}

func newCanvas(w *work, s Size, t Theme, dir, lang string) (*canvas, error) {
	if err := checkSize(s); err != nil {
		return nil, err
	}
	var rtl bool
	switch strings.ToLower(dir) {
	case "", "ltr":
	case "rtl":
		rtl = true
	default:
		return nil, errors.New(`share: Dir must be "ltr" or "rtl"`)
	}
	t = settle(t)
	img := image.NewRGBA(image.Rect(0, 0, s.W, s.H))
	fill(img, img.Bounds(), t.Background)
	scale := float32(min(s.W, s.H*1200/630)) / 1200
	if s.H*4 > s.W*3 {
		// A square card is shown as small as a landscape one is wide:
		// its type is a size larger.
		scale *= 1.2
	}
	m := 72 * scale
	c := &canvas{img: img, t: t, rtl: rtl, lang: language.NewLanguage(lang), w: w, m: m,
		left: m, right: float32(s.W) - m, scale: scale}
	// The accent as a band along the top edge: the publisher's colour
	// without putting text on it.
	fill(img, image.Rect(0, 0, s.W, int(12*scale+0.5)), t.Accent)
	return c, nil
}

// px scales a length given for a 1200-pixel-wide card.
func (c *canvas) px(v float32) int { return int(v*c.scale + 0.5) }

func (c *canvas) width() float32 { return c.right - c.left }

// set fits text into the content box's width, at most h tall, and
// returns the block; draw paints it.
func (c *canvas) set(text string, st style, h float32) *block {
	return c.fitIn(text, st, c.width(), h)
}

// fitIn fits text into a box w wide and at most h tall, st's sizes given
// for a 1200-pixel-wide card.
func (c *canvas) fitIn(text string, st style, w, h float32) *block {
	st.max, st.min = c.px(float32(st.max)), c.px(float32(st.min))
	c.texts = append(c.texts, text)
	return c.w.fit(para{text: text, rtl: c.rtl, lang: c.lang}, st, w, h)
}

// draw paints a block at y in the content box, aligned to the card's
// leading edge, and returns the y below its ink.
func (c *canvas) draw(b *block, y float32, st style) float32 {
	return c.drawIn(b, y, c.left, c.width(), st)
}

func (c *canvas) drawIn(b *block, y, x, w float32, st style) float32 {
	gs := b.place(x, y, w, c.rtl)
	drawGlyphs(c.img, gs, st.col)
	c.glyphs = append(c.glyphs, gs...)
	return y + b.height()
}
