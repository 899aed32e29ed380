package share

import (
	"errors"
	"image"
	"strings"
)

// QuoteCard is what a quote's share image shows, already in the story's
// language.
type QuoteCard struct {
	Speaker, Role string
	Words         string // verbatim for a direct quote
	Date          string // formatted
	Source        string // the label and the source, e.g. "Source: Reuters"
	Direct        bool
	// The labels, in the story's language: "Direct quote", "Reported speech".
	DirectLabel, ReportedLabel string
	// The language's opening and closing quotation marks, e.g. “ ” or « ».
	Quote    [2]string
	Portrait image.Image
	Dir      string
	Lang     string
	Site     string
}

// Quote draws a quote's card as PNG. A direct quote's words are drawn
// verbatim between the language's quotation marks; reported speech is
// drawn without them, under its label. The source is always named.
func (r *Renderer) Quote(qc QuoteCard, s Size, t Theme) ([]byte, error) {
	c, err := r.quote(qc, s, t)
	if err != nil {
		return nil, err
	}
	return encode(c.img)
}

// quoted is the text drawn for the words: between the marks only for a
// direct quote.
func (qc QuoteCard) quoted() string {
	if qc.Direct {
		return qc.Quote[0] + strings.TrimSpace(qc.Words) + qc.Quote[1]
	}
	return strings.TrimSpace(qc.Words)
}

func (qc QuoteCard) label() string {
	if qc.Direct {
		return qc.DirectLabel
	}
	return qc.ReportedLabel
}

func (qc QuoteCard) check() error {
	switch {
	case strings.TrimSpace(qc.Words) == "":
		return errors.New("share: the quote card needs the words")
	case strings.TrimSpace(qc.Speaker) == "":
		return errors.New("share: the quote card needs the speaker")
	case strings.TrimSpace(qc.Source) == "":
		return errors.New("share: the quote card needs its source: a quote is never shown without one")
	case qc.Direct && (qc.Quote[0] == "" || qc.Quote[1] == ""):
		return errors.New("share: a direct quote needs the language's quotation marks")
	case strings.TrimSpace(qc.label()) == "":
		return errors.New("share: the quote card needs its label (direct quote or reported speech)")
	}
	return nil
}

func (r *Renderer) quote(qc QuoteCard, s Size, t Theme) (*canvas, error) {
	if err := qc.check(); err != nil {
		return nil, err
	}
	if err := r.missingError(qc.Speaker, qc.Role, qc.quoted(), qc.Date, qc.Source, qc.label(), qc.Site); err != nil {
		return nil, err
	}
	w := r.work()
	defer r.done(w)
	c, err := newCanvas(w, s, t, qc.Dir, qc.Lang)
	if err != nil {
		return nil, err
	}
	square := s.H*4 > s.W*3 // taller than 4:3: room for more lines
	H := float32(s.H)

	// Top line: the label, always, so reported speech reads as reported
	// before a word of it.
	top := c.m
	labelSt := style{bold: true, max: 24, min: 16, lines: 1, col: c.t.Text}
	lb := c.set(qc.label(), labelSt, float32(c.px(40)))
	c.draw(lb, top, labelSt)
	if qc.Site != "" {
		siteSt := style{max: 22, min: 16, lines: 1, col: c.t.Muted}
		half := c.width() / 2
		sb := c.set(qc.Site, siteSt, float32(c.px(40)))
		x := c.left + half
		if c.rtl {
			// The trailing half: left on an RTL card, drawn from its left.
			x = c.left
		}
		// Aligned to the trailing edge: flip the paragraph's alignment.
		c.rtl = !c.rtl
		// On the label's baseline.
		c.drawIn(sb, top+lb.asc-sb.asc, x, half, siteSt)
		c.rtl = !c.rtl
	}

	// Bottom: the date and the source.
	footSt := style{max: 22, min: 16, lines: 2, col: c.t.Muted, whole: true}
	foot := qc.Source
	if qc.Date != "" {
		foot = qc.Date + " · " + qc.Source
	}
	fb := c.set(foot, footSt, float32(c.px(64)))
	if fb == nil {
		return nil, errors.New("share: the quote's date and source are too long for the card")
	}
	footY := H - c.m - fb.height()
	c.draw(fb, footY, footSt)

	// Above it: portrait, speaker and role.
	prad := float32(c.px(44))
	speakerSt := style{bold: true, max: 30, min: 20, lines: 1, col: c.t.Text}
	roleSt := style{max: 24, min: 18, lines: 1, col: c.t.Muted}
	textX, textW := c.left, c.width()
	if qc.Portrait != nil {
		off := 2*prad + float32(c.px(24))
		textW -= off
		if !c.rtl {
			textX += off
		}
	}
	spb := c.fitIn(qc.Speaker, speakerSt, textW, float32(c.px(44)))
	var rb *block
	pgap := float32(c.px(10))
	who := spb.height()
	if qc.Role != "" {
		rb = c.fitIn(qc.Role, roleSt, textW, float32(c.px(36)))
		who += pgap + rb.height()
	}
	whoH := who
	if qc.Portrait != nil {
		whoH = max(whoH, 2*prad)
	}
	whoY := footY - float32(c.px(36)) - whoH
	if qc.Portrait != nil {
		cx := c.left + prad
		if c.rtl {
			cx = c.right - prad
		}
		portrait(c.img, qc.Portrait, cx, whoY+whoH/2, prad)
	}
	ty := whoY + (whoH-who)/2
	ty = c.drawIn(spb, ty, textX, textW, speakerSt)
	if rb != nil {
		c.drawIn(rb, ty+pgap, textX, textW, roleSt)
	}

	// Middle: the words, as large as fits, beside an accent bar.
	y := top + float32(c.px(76))
	h := whoY - float32(c.px(40)) - y
	bar := float32(c.px(8))
	pad := float32(c.px(28))
	// The words are never cut: a direct quote cut short is no longer
	// verbatim, and a paraphrase cut short may say something else.
	wordsSt := style{bold: qc.Direct, max: 52, min: 20, lines: 12, col: c.t.Text, whole: true}
	if !qc.Direct {
		// Reported speech is set lighter: a paraphrase, not the speaker's voice.
		wordsSt.max = 44
	}
	if square {
		wordsSt.max, wordsSt.lines = wordsSt.max*3/2, 20
	}
	x, ww := c.left+bar+pad, c.width()-bar-pad
	if c.rtl {
		x = c.left
	}
	wb := c.fitIn(qc.quoted(), wordsSt, ww, h)
	if wb == nil {
		return nil, errors.New("share: the quote's words are too long for the card at the smallest size; they are never cut")
	}
	// Centre the words in the space left.
	wy := y + max(0, (h-wb.height())/2)
	c.drawIn(wb, wy, x, ww, wordsSt)
	bx := int(c.left)
	if c.rtl {
		bx = int(c.right - bar)
	}
	fill(c.img, image.Rect(bx, int(wy), bx+int(bar), int(wy+wb.height()+0.5)), c.t.Accent)
	return c, nil
}
