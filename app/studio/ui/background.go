package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// backgroundFields are a picture or a colour behind a headline or the
// title (story.Background), as a TimelineJS slide's background.
func (c *Studio) backgroundFields(path, legend string, b *story.Background) app.UI {
	if b == nil {
		b = &story.Background{}
	}
	return c.optional(path, legend, b.Image != "" || b.Color != "", func() []app.UI {
		return []app.UI{
			c.textField(path+".image", "Picture", "https address of a picture to stand behind the text, which is shown on a dark band over it.", string(b.Image)),
			c.textField(path+".alt", "Text alternative", "What the picture shows, if readers need to know; leave it empty for a picture that is decoration.", b.Alt),
			c.textField(path+".color", "Colour", "As #rrggbb, e.g. #0b3d2e: the text on it is near-black or white, whichever reads better.", string(b.Color)),
		}
	})
}
