package timelinejs

import (
	"fmt"
	"strings"
)

// timeline is what a TimelineJS file holds, read from JSON or CSV into one
// shape, each value with where it came from.
type timeline struct {
	title  *slide
	events []*slide
	eras   []*slide
}

// slide is an event, the title slide or an era.
type slide struct {
	at         pos
	start, end *tdate
	display    field // the slide's display date, standing for its dates
	headline   field
	text       field // HTML
	media      *tmedia
	group      field
	uniqueID   field
	background tbackground
}

// tbackground is a slide's background: a picture's address, a colour, or
// both (JSON), or one cell holding either (a sheet's Background column).
type tbackground struct {
	at              pos
	url, color, alt field
}

// field is a value with its place; an absent value is the zero field.
type field struct {
	s  string
	at pos
}

// tdate is a date as TimelineJS gives it: parts as text.
type tdate struct {
	at                             pos
	year, month, day, hour, minute field
	display                        field
	// text is a whole date in one cell or string (Start Date, TimelineJS
	// 2's "2011,12,10"), split by parseDateText.
	text field
}

type tmedia struct {
	at                                                pos
	url, caption, credit, thumbnail, alt, title, link field
}

// jsonReader reads a JSON tree, placing each value.
type jsonReader struct {
	c     *converter
	lines *lines
}

func (r *jsonReader) pos(n *node, path string) pos {
	return pos{where: path, off: n.off, lines: r.lines}
}

func (c *converter) readJSON(data []byte) *timeline {
	r := &jsonReader{c: c, lines: newLines(data)}
	root, se := parseJSON(data)
	if se != nil {
		c.errorAt(pos{off: se.off, lines: r.lines, where: se.where}, "%s", se.msg)
		return nil
	}
	if root.kind != 'o' {
		c.errorAt(r.pos(root, "$"), "a timeline is a JSON object { ... }")
		return nil
	}
	if tl2 := root.get("timeline"); tl2 != nil {
		return r.timeline2(tl2, "$.timeline")
	}
	tl := &timeline{}
	for i, k := range root.keys {
		v, path := root.vals[i], "$."+k
		switch k {
		case "title":
			tl.title = r.slide(v, path)
		case "events":
			for j, e := range r.list(v, path) {
				if s := r.slide(e, fmt.Sprintf("%s[%d]", path, j)); s != nil {
					tl.events = append(tl.events, s)
				}
			}
		case "eras":
			for j, e := range r.list(v, path) {
				if s := r.slide(e, fmt.Sprintf("%s[%d]", path, j)); s != nil {
					tl.eras = append(tl.eras, s)
				}
			}
		case "scale":
			// human or cosmological: dates carry their own scale here.
		default:
			c.warn(r.pos(v, path), "%q is not part of a TimelineJS timeline: not kept", k)
		}
	}
	if root.get("events") == nil {
		c.errorAt(r.pos(root, "$"), `a TimelineJS timeline has "events": [ ... ]`)
	}
	return tl
}

func (r *jsonReader) list(n *node, path string) []*node {
	if n.kind != 'a' {
		r.c.errorAt(r.pos(n, path), "should be a list [ ... ]")
		return nil
	}
	return n.elems
}

// text reads a value that should be text; TimelineJS takes numbers too.
func (r *jsonReader) text(n *node, path string) field {
	switch n.kind {
	case 's', 'n':
		return r.c.clean(field{strings.TrimSpace(n.str), r.pos(n, path)})
	case 'z':
		return field{}
	case 'b':
		r.c.warn(r.pos(n, path), "%s is not text: ignored", n.str)
		return field{}
	}
	r.c.warn(r.pos(n, path), "should be text, not a list or an object: ignored")
	return field{}
}

// texts reads the text values of an object into the fields its keys name;
// a key named with a nil field is known and not kept, any other key is
// reported as not part of what the object is.
func (r *jsonReader) texts(n *node, path, what string, fields map[string]*field) {
	if !r.object(n, path) {
		return
	}
	for i, k := range n.keys {
		v, p := n.vals[i], path+"."+k
		f, known := fields[k]
		switch {
		case !known:
			r.c.warn(r.pos(v, p), "%q is not part of %s: not kept", k, what)
		case f != nil:
			*f = r.text(v, p)
		}
	}
}

func (r *jsonReader) object(n *node, path string) bool {
	if n.kind == 'z' {
		return false
	}
	if n.kind != 'o' {
		r.c.warn(r.pos(n, path), "should be an object { ... }: ignored")
		return false
	}
	return true
}

func (r *jsonReader) slide(n *node, path string) *slide {
	if !r.object(n, path) {
		return nil
	}
	s := &slide{at: r.pos(n, path)}
	for i, k := range n.keys {
		v, p := n.vals[i], path+"."+k
		switch k {
		case "start_date":
			s.start = r.date(v, p)
		case "end_date":
			s.end = r.date(v, p)
		case "display_date":
			s.display = r.text(v, p)
		case "text":
			r.texts(v, p, "a slide's text", map[string]*field{"headline": &s.headline, "text": &s.text})
		case "media":
			s.media = r.media(v, p)
		case "group":
			s.group = r.text(v, p)
		case "unique_id":
			s.uniqueID = r.text(v, p)
		case "background":
			s.background.at = r.pos(v, p)
			r.texts(v, p, "a slide's background", map[string]*field{"url": &s.background.url, "color": &s.background.color, "alt": &s.background.alt})
		case "autolink", "type":
			// autolink turns addresses into links, which the conversion
			// of the text does anyway; type is implied by the list.
		default:
			r.c.warn(r.pos(v, p), "%q is not part of a TimelineJS slide: not kept", k)
		}
	}
	return s
}

func (r *jsonReader) date(n *node, path string) *tdate {
	if n.kind == 's' || n.kind == 'n' {
		// Some hand-written files give a date as one string or a number.
		return &tdate{at: r.pos(n, path), text: r.text(n, path)}
	}
	if !r.object(n, path) {
		return nil
	}
	d := &tdate{at: r.pos(n, path)}
	r.texts(n, path, "a TimelineJS date", map[string]*field{
		"year": &d.year, "month": &d.month, "day": &d.day, "hour": &d.hour, "minute": &d.minute,
		"display_date": &d.display,
		// Seconds are finer than any story's date; format is TimelineJS's
		// own date text, where the widget writes dates in the reader's
		// language.
		"second": nil, "millisecond": nil, "format": nil,
	})
	return d
}

func (r *jsonReader) media(n *node, path string) *tmedia {
	if !r.object(n, path) {
		return nil
	}
	m := &tmedia{at: r.pos(n, path)}
	r.texts(n, path, "TimelineJS media", map[string]*field{
		"url": &m.url, "caption": &m.caption, "credit": &m.credit, "alt": &m.alt, "title": &m.title, "link": &m.link,
		"thumbnail": &m.thumbnail, "thumb": &m.thumbnail, // thumb: an older name still in files
		"link_target": nil,
	})
	return m
}

// timeline2 reads TimelineJS 2's form: {"timeline": {"headline", "text",
// "asset", "date": [...], "era": [...]}}, dates as "2011,12,10".
func (r *jsonReader) timeline2(n *node, path string) *timeline {
	if !r.object(n, path) {
		r.c.errorAt(r.pos(n, path), "should be an object { ... }")
		return nil
	}
	tl := &timeline{}
	slide2 := func(n *node, path string) *slide {
		if !r.object(n, path) {
			return nil
		}
		s := &slide{at: r.pos(n, path)}
		for i, k := range n.keys {
			v, p := n.vals[i], path+"."+k
			switch k {
			case "startDate":
				s.start = &tdate{at: r.pos(v, p), text: r.text(v, p)}
			case "endDate":
				s.end = &tdate{at: r.pos(v, p), text: r.text(v, p)}
			case "headline":
				s.headline = r.text(v, p)
			case "text":
				s.text = r.text(v, p)
			case "tag":
				s.group = r.text(v, p)
			case "asset":
				if r.object(v, p) {
					m := &tmedia{at: r.pos(v, p)}
					r.texts(v, p, "a TimelineJS asset", map[string]*field{"media": &m.url, "credit": &m.credit, "caption": &m.caption, "thumbnail": &m.thumbnail})
					s.media = m
				}
			case "date", "era", "type", "classname", "value":
				// read by the caller, or TimelineJS 2's own switches
			default:
				r.c.warn(r.pos(v, p), "%q is not part of a TimelineJS 2 slide: not kept", k)
			}
		}
		return s
	}
	tl.title = slide2(n, path)
	tl.title.start = nil // the title slide's startDate only placed it
	tl.title.end = nil
	if d := n.get("date"); d != nil {
		for j, e := range r.list(d, path+".date") {
			if s := slide2(e, fmt.Sprintf("%s.date[%d]", path, j)); s != nil {
				tl.events = append(tl.events, s)
			}
		}
	} else {
		r.c.errorAt(r.pos(n, path), `a TimelineJS 2 timeline has "date": [ ... ]`)
	}
	if d := n.get("era"); d != nil {
		for j, e := range r.list(d, path+".era") {
			if s := slide2(e, fmt.Sprintf("%s.era[%d]", path, j)); s != nil {
				tl.eras = append(tl.eras, s)
			}
		}
	}
	return tl
}
