package timelinejs

import (
	"strings"

	"explainer/app/story"
)

// background converts a slide's background: the picture when the page
// can show it (https, not on a service's hosts), the colour when it is
// #rgb or #rrggbb. What cannot be kept is said, at its place; nil when
// nothing is left.
func (c *converter) background(b tbackground) *story.Background {
	out := &story.Background{}
	if raw := b.url.s; raw != "" {
		src, why := c.absolute(raw)
		switch {
		case why == whyRelative:
			c.warn(b.url.at, "relative background URL %q has no base: dropped; pass -base", raw)
		case src == "":
			c.warn(b.url.at, "the background URL %q %s: dropped", raw, why)
		case !strings.HasPrefix(src, "https://"):
			c.warn(b.url.at, "the background picture %s is not on https, which pages load images over: dropped", src)
		default:
			out.Image = story.ImageURL(src)
			if host, service := out.ImageService(); service != "" {
				out.Image = ""
				c.warn(b.url.at, "the background picture %s is on %s, a host of %s, which would learn of every reader: dropped; store the picture with the story's pictures", src, host, service)
			}
		}
	}
	if raw := b.color.s; raw != "" {
		if hex, ok := hexColor(raw); ok {
			out.Color = story.Color(hex)
		} else {
			c.warn(b.color.at, "the background colour %q is not #rgb or #rrggbb: dropped; give it as #rrggbb", raw)
		}
	}
	if out.Image != "" {
		out.Alt = c.plainText(b.alt, "a background's alt text")
	} else if b.alt.s != "" {
		c.warn(b.alt.at, "a background's alt text without a picture: not kept")
	}
	if out.Image == "" && out.Color == "" {
		return nil
	}
	return out
}

// hexColor reads a colour as #rgb or #rrggbb, as TimelineJS takes them,
// and returns it as #rrggbb in lower case.
func hexColor(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if !strings.HasPrefix(s, "#") || (len(s) != 4 && len(s) != 7) {
		return "", false
	}
	for _, r := range s[1:] {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return "", false
		}
	}
	if len(s) == 4 {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	return s, true
}
