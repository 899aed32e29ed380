package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
)

// frame is the header or the footer as a component of its own. They show
// the story, in the reader's language and options, and nothing of the
// selection or the filters: as components, a selection leaves them as
// they are, since go-app renders a component again only when its exported
// fields change (a pointer to the same story is equal at once), instead
// of building and comparing every source, credit and update on each click.
type frame struct {
	app.Compo

	IPart    framePart
	IStory   *story.Story
	IOpts    Options
	IWords   *i18n.Pack
	IPlaying bool // the cover's media player is loaded (header)
	// ILinks has the footer link the story's files on the site at IRoot
	// (Explainer.LinkFiles).
	ILinks bool
	IRoot  string

	c *Explainer // for the cover's play button; go-app leaves it as mounted
}

type framePart int

const (
	headerPart framePart = iota
	footerPart
)

func (f *frame) Render() app.UI {
	v := &view{c: f.c, s: f.IStory, words: f.IWords}
	if f.IPart == headerPart {
		return v.header()
	}
	return v.footer(f.ILinks, f.IRoot)
}

// frame returns the component for a part with this render's inputs.
func (v *view) frame(part framePart) app.UI {
	return &frame{
		IPart:    part,
		IStory:   v.s,
		IOpts:    v.c.opts,
		IWords:   v.words,
		IPlaying: part == headerPart && v.c.playing == coverMedia,
		ILinks:   part == footerPart && v.c.links,
		IRoot:    v.c.root,
		c:        v.c,
	}
}
