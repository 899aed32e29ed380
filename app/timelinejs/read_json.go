package timelinejs

import (
	"fmt"
	"strings"

	"explainer/app/internal/jsonpos"
	"explainer/app/story"
)

// timeline is what a TimelineJS file holds, read from JSON or CSV into one
// shape, each value with where it came from.
type timeline struct {
	title  *slide
	events []*slide
	eras   []*slide
	// language is TimelineJS's language option, where the file carries
	// one beside the timeline (the JSON format has no place for it: it is
	// an option of the embed).
	language field
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

// jsonLimits bound what a TimelineJS file may hold. Nesting: a timeline
// is five levels deep at most. A list: no list of a timeline that
// converts is longer than its events. The values of the whole file: some
// sixty for each event a story may have, beyond what any slide holds.
// Reading stops at the first value past any of them, so that a file of
// millions of empty events is refused before it takes memory in
// proportion.
var jsonLimits = jsonpos.Limits{
	Noun:    "timeline",
	Depth:   32,
	List:    story.MaxEvents,
	Values:  64 * story.MaxEvents,
	TooMany: fmt.Sprintf("more than %d JSON values, far more than a timeline of %d events holds: split the timeline", 64*story.MaxEvents, story.MaxEvents),
	TooLong: func(path string) string {
		switch path {
		case "$.events", "$.timeline.date":
			return fmt.Sprintf("more than %d events: a story has at most %d; split the timeline", story.MaxEvents, story.MaxEvents)
		}
		return fmt.Sprintf("a list of more than %d values, longer than any list of a timeline", story.MaxEvents)
	},
}

// jsonReader reads a JSON tree, placing each value.
type jsonReader struct {
	c     *converter
	lines *lines
}

func (r *jsonReader) pos(n *jsonpos.Node, path string) pos {
	return pos{where: path, off: n.Off, lines: r.lines}
}

func (c *converter) readJSON(data []byte) *timeline {
	r := &jsonReader{c: c, lines: newLines(data)}
	root, se := jsonpos.Parse(data, jsonLimits)
	if se != nil {
		c.errorAt(pos{off: se.Off, lines: r.lines, where: se.Path}, "%s", se.Msg)
		return nil
	}
	if root.Kind != jsonpos.Object {
		c.errorAt(r.pos(root, "$"), "a timeline is a JSON object { ... }")
		return nil
	}
	if tl2 := root.Get("timeline"); tl2 != nil {
		tl := r.timeline2(tl2, "$.timeline")
		if tl != nil {
			tl.language = r.languageOption(root)
		}
		return tl
	}
	tl := &timeline{language: r.languageOption(root)}
	for _, kv := range root.Fields {
		k, v, path := kv.Key, kv.Val, "$."+kv.Key
		switch k {
		case "title":
			tl.title = r.slide(v, path)
		case "events":
			tl.events = r.slides(v, path, r.slide)
		case "eras":
			tl.eras = r.slides(v, path, r.slide)
		case "scale":
			// human or cosmological: dates carry their own scale here.
		case "language", "lang":
			// read by languageOption
		case "options":
			r.options(v, path)
		default:
			c.warn(r.pos(v, path), "%q is not part of a TimelineJS timeline: not kept", k)
		}
	}
	if root.Get("events") == nil {
		c.errorAt(r.pos(root, "$"), `a TimelineJS timeline has "events": [ ... ]`)
	}
	return tl
}

// languageOption is TimelineJS's language option where a file carries it
// beside the timeline: "language" (or "lang", which TimelineJS takes for
// it) at the top, or in "options", the embed's options kept with the
// data.
func (r *jsonReader) languageOption(root *jsonpos.Node) field {
	opts := root.Get("options")
	for _, n := range []*jsonpos.Node{root, opts} {
		if n == nil || n.Kind != jsonpos.Object {
			continue
		}
		path := "$"
		if n == opts {
			path = "$.options"
		}
		for _, key := range []string{"language", "lang"} {
			if v := n.Get(key); v != nil {
				if f := r.text(v, path+"."+key); f.s != "" {
					return f
				}
			}
		}
	}
	return field{}
}

// options are TimelineJS's embed options kept with the data: only the
// language is kept; the others (a font, a zoom, where to start) are how
// TimelineJS shows a timeline, which the widget does its own way.
func (r *jsonReader) options(n *jsonpos.Node, path string) {
	if !r.object(n, path) {
		return
	}
	var others []string
	for _, kv := range n.Fields {
		if kv.Key != "language" && kv.Key != "lang" {
			others = append(others, kv.Key)
		}
	}
	if len(others) > 0 {
		r.c.warn(r.pos(n, path), "TimelineJS's options other than its language are how TimelineJS shows a timeline: not kept (%s)", strings.Join(others, ", "))
	}
}

func (r *jsonReader) list(n *jsonpos.Node, path string) []*jsonpos.Node {
	if n.Kind != jsonpos.Array {
		r.c.errorAt(r.pos(n, path), "should be a list [ ... ]")
		return nil
	}
	return n.Elems
}

// slides reads a list of slides at path, each with read; what is not a
// slide is left out (read has said why).
func (r *jsonReader) slides(n *jsonpos.Node, path string, read func(*jsonpos.Node, string) *slide) []*slide {
	var out []*slide
	for j, e := range r.list(n, path) {
		if s := read(e, fmt.Sprintf("%s[%d]", path, j)); s != nil {
			out = append(out, s)
		}
	}
	return out
}

// text reads a value that should be text; TimelineJS takes numbers too.
func (r *jsonReader) text(n *jsonpos.Node, path string) field {
	switch n.Kind {
	case jsonpos.String, jsonpos.Number:
		return r.c.clean(field{strings.TrimSpace(n.Str), r.pos(n, path)})
	case jsonpos.Null:
		return field{}
	case jsonpos.Bool:
		r.c.warn(r.pos(n, path), "%s is not text: ignored", n.Str)
		return field{}
	}
	r.c.warn(r.pos(n, path), "should be text, not a list or an object: ignored")
	return field{}
}

// texts reads the text values of an object into the fields its keys name;
// a key named with a nil field is known and not kept, any other key is
// reported as not part of what the object is.
func (r *jsonReader) texts(n *jsonpos.Node, path, what string, fields map[string]*field) {
	if !r.object(n, path) {
		return
	}
	for _, kv := range n.Fields {
		k, v, p := kv.Key, kv.Val, path+"."+kv.Key
		f, known := fields[k]
		switch {
		case !known:
			r.c.warn(r.pos(v, p), "%q is not part of %s: not kept", k, what)
		case f != nil:
			*f = r.text(v, p)
		}
	}
}

func (r *jsonReader) object(n *jsonpos.Node, path string) bool {
	if n.Kind == jsonpos.Null {
		return false
	}
	if n.Kind != jsonpos.Object {
		r.c.warn(r.pos(n, path), "should be an object { ... }: ignored")
		return false
	}
	return true
}

// fieldsOf reads an object into a slide: the keys that texts names are
// text into the fields it gives, as texts reads them; any other key goes
// to read with its value and its path.
func (r *jsonReader) fieldsOf(n *jsonpos.Node, path string, texts func(*slide) map[string]*field, read func(s *slide, k string, v *jsonpos.Node, p string)) *slide {
	if !r.object(n, path) {
		return nil
	}
	s := &slide{at: r.pos(n, path)}
	fields := texts(s)
	for _, kv := range n.Fields {
		k, v, p := kv.Key, kv.Val, path+"."+kv.Key
		if f, ok := fields[k]; ok {
			*f = r.text(v, p)
			continue
		}
		read(s, k, v, p)
	}
	return s
}

func (r *jsonReader) slide(n *jsonpos.Node, path string) *slide {
	texts := func(s *slide) map[string]*field {
		return map[string]*field{"display_date": &s.display, "group": &s.group, "unique_id": &s.uniqueID}
	}
	return r.fieldsOf(n, path, texts, func(s *slide, k string, v *jsonpos.Node, p string) {
		switch k {
		case "start_date":
			s.start = r.date(v, p)
		case "end_date":
			s.end = r.date(v, p)
		case "text":
			r.texts(v, p, "a slide's text", map[string]*field{"headline": &s.headline, "text": &s.text})
		case "media":
			s.media = r.media(v, p)
		case "background":
			s.background.at = r.pos(v, p)
			r.texts(v, p, "a slide's background", map[string]*field{"url": &s.background.url, "color": &s.background.color, "alt": &s.background.alt})
		case "autolink", "type":
			// autolink turns addresses into links, which the conversion
			// of the text does anyway; type is implied by the list.
		default:
			r.c.warn(r.pos(v, p), "%q is not part of a TimelineJS slide: not kept", k)
		}
	})
}

func (r *jsonReader) date(n *jsonpos.Node, path string) *tdate {
	if n.Kind == jsonpos.String || n.Kind == jsonpos.Number {
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

func (r *jsonReader) media(n *jsonpos.Node, path string) *tmedia {
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
func (r *jsonReader) timeline2(n *jsonpos.Node, path string) *timeline {
	if !r.object(n, path) {
		r.c.errorAt(r.pos(n, path), "should be an object { ... }")
		return nil
	}
	tl := &timeline{}
	slide2 := func(n *jsonpos.Node, path string) *slide {
		texts := func(s *slide) map[string]*field {
			return map[string]*field{"headline": &s.headline, "text": &s.text, "tag": &s.group}
		}
		return r.fieldsOf(n, path, texts, func(s *slide, k string, v *jsonpos.Node, p string) {
			switch k {
			case "startDate":
				s.start = &tdate{at: r.pos(v, p), text: r.text(v, p)}
			case "endDate":
				s.end = &tdate{at: r.pos(v, p), text: r.text(v, p)}
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
		})
	}
	tl.title = slide2(n, path)
	tl.title.start = nil // the title slide's startDate only placed it
	tl.title.end = nil
	if d := n.Get("date"); d != nil {
		tl.events = r.slides(d, path+".date", slide2)
	} else {
		r.c.errorAt(r.pos(n, path), `a TimelineJS 2 timeline has "date": [ ... ]`)
	}
	if d := n.Get("era"); d != nil {
		tl.eras = r.slides(d, path+".era", slide2)
	}
	return tl
}
