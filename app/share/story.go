package share

import (
	"errors"
	"image"
	"math"
	"strings"
)

// StoryCard is what a story's share image shows, already in the story's
// language and formatted by the caller.
type StoryCard struct {
	Title, Dek string
	Span       string    // the time the story covers, e.g. "3 March – 9 May 2025"
	Dir        string    // "ltr" or "rtl"
	Lang       string    // BCP 47, for the shaper's language rules
	Marks      []float64 // events' positions on the timeline, 0 to 1
	Selected   int       // the mark drawn larger, -1 for none
	Site       string    // the publisher's name or host, on the top line
	Logo       image.Image
}

// Story draws a story's card as PNG.
func (r *Renderer) Story(sc StoryCard, s Size, t Theme) ([]byte, error) {
	c, err := r.story(sc, s, t)
	if err != nil {
		return nil, err
	}
	return encode(c.img)
}

func (r *Renderer) story(sc StoryCard, s Size, t Theme) (*canvas, error) {
	if strings.TrimSpace(sc.Title) == "" {
		return nil, errors.New("share: the story card needs a title")
	}
	if err := r.missingError(sc.Title, sc.Dek, sc.Span, sc.Site); err != nil {
		return nil, err
	}
	w := r.work()
	defer r.done(w)
	c, err := newCanvas(w, s, t, sc.Dir, sc.Lang)
	if err != nil {
		return nil, err
	}
	square := s.H*4 > s.W*3 // taller than 4:3: room for more lines
	H := float32(s.H)

	// Top line: the site's name at the leading edge, the logo at the other.
	top := c.m
	siteSt := style{bold: true, max: 24, min: 16, lines: 1, col: c.t.Muted}
	if sc.Site != "" {
		b := c.set(sc.Site, siteSt, float32(c.px(40)))
		c.draw(b, top, siteSt)
	}
	if sc.Logo != nil {
		lh := c.px(48)
		box := image.Rect(int(c.left), int(top)-c.px(8), int(c.right), int(top)-c.px(8)+lh)
		if sc.Site != "" {
			// Keep clear of the site's name: the logo takes the far third.
			if c.rtl {
				box.Max.X = box.Min.X + box.Dx()/3
			} else {
				box.Min.X = box.Max.X - box.Dx()/3
			}
		}
		logo(c.img, sc.Logo, box, c.rtl)
	}

	// Bottom: the span over the timeline's miniature.
	lineY := H - c.m - float32(c.px(8))
	spanSt := style{bold: true, max: 26, min: 18, lines: 1, col: c.t.Text}
	footTop := lineY - float32(c.px(34)) - float32(c.px(30))
	if sc.Span != "" {
		b := c.set(sc.Span, spanSt, float32(c.px(40)))
		c.draw(b, lineY-float32(c.px(30))-b.height(), spanSt)
	}
	c.timeline(sc.Marks, sc.Selected, lineY)

	// Middle: the title, as large as fits, then the dek.
	y := top + float32(c.px(72))
	avail := footTop - float32(c.px(40)) - y
	titleSt := style{bold: true, max: 64, min: 36, lines: 3, col: c.t.Text}
	dekSt := style{max: 30, min: 22, lines: 3, col: c.t.Muted}
	if square {
		titleSt = style{bold: true, max: 96, min: 40, lines: 6, col: c.t.Text}
		dekSt = style{max: 40, min: 26, lines: 5, col: c.t.Muted}
	}
	// The dek sits clear of the title by more than the title's leading.
	gap := max(float32(c.px(28)), 0.4*float32(c.px(float32(titleSt.max))))
	reserve := float32(0)
	if sc.Dek != "" {
		// Room for the dek at its smallest, in up to three lines: the
		// title shrinks before the dek is cut.
		small := dekSt
		small.max, small.lines = small.min, min(small.lines, 3)
		reserve = gap + c.set(sc.Dek, small, avail/2).height()
	}
	tb := c.set(sc.Title, titleSt, avail-reserve)
	var db *block
	if sc.Dek != "" {
		db = c.set(sc.Dek, dekSt, avail-tb.height()-gap)
	}
	if square {
		// A square card has room to spare: centre the title and dek
		// between the top line and the span.
		h := tb.height()
		if db != nil {
			h += gap + db.height()
		}
		y += max(0, (avail-h)/2)
	}
	y = c.draw(tb, y, titleSt)
	if db != nil {
		c.draw(db, y+gap, dekSt)
	}
	return c, nil
}

// timeline draws the miniature: a rule across the content box and a dot
// per event in the accent, the selected one larger. Right to left on an
// RTL card, as the widget's timeline runs.
func (c *canvas) timeline(marks []float64, selected int, y float32) {
	th := max(2, c.px(3))
	r := float32(c.px(8))
	fill(c.img, image.Rect(int(c.left+r), int(y)-th/2, int(c.right-r), int(y)-th/2+th), c.t.Muted)
	inner := c.width() - 2*r
	for i, p := range marks {
		if math.IsNaN(p) {
			continue
		}
		p = min(max(p, 0), 1)
		x := c.left + r + float32(p)*inner
		if c.rtl {
			x = c.right - r - float32(p)*inner
		}
		if i == selected {
			disc(c.img, x, y, r*1.6, c.t.Background)
			disc(c.img, x, y, r*1.4, c.t.Accent)
			continue
		}
		disc(c.img, x, y, r+float32(c.px(2)), c.t.Background)
		disc(c.img, x, y, r, c.t.Accent)
	}
}
