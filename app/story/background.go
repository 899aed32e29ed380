package story

import (
	"strings"
)

// Background is what stands behind an event's headline, or the story's
// title: a picture, a colour, or a picture over a colour (TimelineJS's
// slide background). The widget keeps the text on it readable: on a
// colour, in whichever of near-black and white contrasts with it by at
// least 4.5:1; on a picture, on a dark scrim of its own.
type Background struct {
	Image ImageURL `json:"image,omitempty" doc:"https address of a picture to stand behind the headline, kept with the story's own pictures: one on a service's hosts (ytimg.com, twimg.com...) is refused, as the page would fetch it as it loads."`
	Alt   string   `json:"alt,omitempty" doc:"What the picture shows, when it tells readers something; leave it out for a picture that is decoration, as backgrounds mostly are."`
	Color Color    `json:"color,omitempty" doc:"A colour as #rrggbb: the text on it is near-black or white, whichever reads better (4.5:1 at least)."`
}

func (b *Background) resolve() []fieldProblem {
	var problems []fieldProblem
	if b.Image == "" && b.Color == "" {
		problems = append(problems, fieldProblem{b, `a background needs an "image" or a "color", or both`, "or leave the background out"})
	}
	if b.Alt != "" && b.Image == "" {
		problems = append(problems, fieldProblem{&b.Alt, `"alt" describes a picture, and this background has none`, `give an "image" or leave "alt" out`})
	}
	if b.Image != "" && ImageURL(b.Image).check() == "" {
		if msg := b.Image.onService("picture"); msg != "" {
			problems = append(problems, fieldProblem{&b.Image, msg, "store the picture with the story's own pictures and give that address"})
		}
	}
	return problems
}

// ImageService returns the picture's host and the service it belongs to
// when that is one of the services the widget holds back until a reader
// asks (see Media.ThumbnailService), or "", "" otherwise. Parse refuses
// such a picture and the widget leaves it out.
func (b *Background) ImageService() (host, service string) { return b.Image.Service() }

// extendSchema says in the schema what ImageService refuses.
func (Background) extendSchema(props map[string]any) {
	props["image"].(map[string]any)["not"] = map[string]any{"pattern": serviceURLPattern()}
}

// colorPattern is a colour as the widget takes it: # and six hex digits,
// the one form that every browser, the contrast check and the studio's
// colour picker read alike.
const colorPattern = `^#[0-9a-fA-F]{6}$`

// Color is a colour in the #rrggbb form.
type Color string

func (c Color) check() string {
	if !isColor(string(c)) {
		return "a colour is # and six hexadecimal digits, like #1a2b3c"
	}
	return ""
}

func (Color) jsonSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": colorPattern}
}

// Hex returns the colour's six hex digits in lower case, without #, or ""
// for a colour that is not in the #rrggbb form.
func (c Color) Hex() string {
	if c.check() != "" {
		return ""
	}
	return strings.ToLower(string(c[1:]))
}
