package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// A background (story.Background) stands behind an event's headline in
// its panel, behind its card on the timeline, and behind the story's
// title on its page. The text on it must stay readable whatever the
// editor chose:
//   - on a colour, the text is near-black or white, whichever contrasts
//     with it by WCAG's 4.5:1 (onColor, worked out here, not in CSS, so the
//     prerendered page reads right before any script runs);
//   - on a picture, the text stands on a dark scrim of its own
//     (.bg-scrim in the stylesheet) that gives white text 7.2:1 over any
//     picture, even a white one, and over the colour while the picture
//     loads or if it never does.
// Under forced colours the pictures are left out and the system's colours
// take over; nothing about a background moves.

// Text colours on a background colour: the stylesheet's near-black
// (--text of the light theme), white, and black for the few mid-tones
// on which neither of the first two reaches minContrast.
var (
	textDark  = hexRGB("16181d")
	textLight = hexRGB("ffffff")
	textBlack = hexRGB("000000")
)

// onColor returns the text colour (hex, without #) for a background
// colour (hex, without #) and its contrast ratio with it: the better of
// near-black and white, or black where neither reaches minContrast. Black
// always does then: a colour too light for white text has a luminance of
// 0.18 or more, which black text reads on at 4.6:1 or more.
func onColor(hex string) (string, float64) {
	bg := hexRGB(hex)
	best, ratio := textDark, contrast(textDark, bg)
	if r := contrast(textLight, bg); r > ratio {
		best, ratio = textLight, r
	}
	if ratio < minContrast {
		best, ratio = textBlack, contrast(textBlack, bg)
	}
	return best.hex(), ratio
}

// backgroundImage is the address of a background's picture, or "" when
// it has none or has one the widget leaves out: a picture on a
// service's hosts would tell the service of every reader (Parse refuses
// it; a story built in code is not parsed).
func backgroundImage(b *story.Background) string {
	if b == nil || b.Image == "" {
		return ""
	}
	if _, service := b.ImageService(); service != "" {
		return ""
	}
	return string(b.Image)
}

// withBackground returns el (a block that holds text) with the
// background behind its text: the colour and the text colour on it as
// inline styles, and, for a picture, the picture and the scrim as its
// first children, before body. class names the block; the stylesheet
// places the parts by it.
func withBackground(el app.HTMLDiv, class string, b *story.Background, body ...app.UI) app.HTMLDiv {
	img := backgroundImage(b)
	hex := ""
	if b != nil {
		hex = b.Color.Hex()
	}
	if img == "" && hex == "" {
		return el.Class(class).Body(body...)
	}
	el = el.Class(class + " has-background")
	if hex != "" {
		el = el.Style("background-color", "#"+hex)
	}
	if img == "" {
		text, _ := onColor(hex)
		return el.Style("color", "#"+text).Body(body...)
	}
	// With a picture, the text is white on the scrim (the stylesheet),
	// the colour only shows while the picture loads.
	// The picture is decoration unless the editor says what it shows.
	pic := app.Img().Class("bg-image").Src(attr(img)).Alt(attr(b.Alt)).Loading("lazy").Attr("referrerpolicy", "no-referrer")
	if b.Alt == "" {
		pic = pic.Role("presentation")
	}
	return el.Class("has-image").Body(
		pic,
		app.Div().Class("bg-scrim").Body(body...),
	)
}
