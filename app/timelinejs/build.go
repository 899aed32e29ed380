package timelinejs

import (
	"fmt"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"path/filepath"
	"strings"

	"explainer/app/story"
)

// build makes the story from what was read.
func (c *converter) build(tl *timeline) *story.Story {
	s := &story.Story{Language: c.language(tl)}
	if t := tl.title; t != nil {
		c.field = "$.title"
		s.Dek = c.htmlText(t.text)
		s.Title = c.headline(t.headline, &s.Dek, "a title")
		if t.media != nil {
			c.field = "$.media"
			s.Media = c.media(t.media, s.Title)
		}
		c.field = "$.background"
		s.Background = c.background(t.background)
		c.field = "$"
		if t.start != nil {
			c.warn(t.start.at, "the title slide's date is not kept: a story's title has none")
		}
	}
	if s.Title == "" {
		c.field = "$.title"
		base := strings.TrimSuffix(filepath.Base(c.name), filepath.Ext(c.name))
		if base == "" || base == "-" || base == "." {
			base = "Timeline"
		}
		s.Title = base
		at := c.top
		if tl.title != nil {
			at = tl.title.at
		}
		c.warn(at, "the timeline has no title (a title slide with a headline): the title is %q; edit it", s.Title)
	}
	s.ID = c.opt.ID
	c.field = "$.id"
	if s.ID == "" {
		s.ID = story.Slug(s.Title)
		if s.ID == "" {
			s.ID = "timeline"
			c.warn(c.top, "the title has no Latin letters or digits to make an id of: the id is %q; pass -id", s.ID)
		}
	}

	c.field = "$.events"
	if len(tl.events) == 0 {
		c.errorAt(c.top, "the timeline has no events")
		return s
	}
	if len(tl.events) > story.MaxEvents {
		c.errorAt(c.top, "%d events: a story has at most %d; split the timeline", len(tl.events), story.MaxEvents)
		return s
	}
	if len(tl.eras) > story.MaxPhases {
		c.errorAt(c.top, "%d eras: a story has at most %d phases", len(tl.eras), story.MaxPhases)
		return s
	}
	eventIDs := ids{}
	groupIDs := ids{}
	groupOf := map[string]story.Ref{}
	var pending []eventQuote
	for i, sl := range tl.events {
		what := fmt.Sprintf("event %d", i+1)
		if sl.start == nil {
			c.errorAt(sl.at, "%s has no start date: TimelineJS events need one", what)
			continue
		}
		start, ok := c.readDate(sl.start, "the start date")
		if !ok {
			continue
		}
		c.field = fmt.Sprintf("$.events[%d]", len(s.Events))
		e := story.Event{Start: c.moment(start)}
		if sl.end != nil {
			if end, ok := c.readDate(sl.end, "the end date"); ok {
				if end.before(start) {
					c.warn(sl.end.at, "the end date (%s) is before the start date (%s): the end is dropped", c.moment(end).Date, e.Start.Date)
				} else {
					m := c.moment(end)
					e.End = &m
				}
			}
		}
		if sl.display.s != "" {
			text := c.plainText(sl.display, "a display date")
			e.Start.Text = text
			if e.End != nil {
				e.End.Text = text // one text for the span (see i18n.FormatSpan)
			}
		}
		text, quotes := c.textQuotes(sl.text)
		e.Body = c.htmlText(text)
		e.Headline = c.headline(sl.headline, &e.Body, "a headline")
		mq, isQuote := tquote{}, false
		if sl.media != nil {
			mq, isQuote = mediaQuote(sl.media)
		}
		if mark := placeholderMark(e.Headline, e.Body); mark != "" {
			speaker := mq.speaker
			if len(quotes) > 0 {
				speaker = quotes[0].speaker
			}
			if !c.keepPlaceholder(sl, what, mark, len(quotes) > 0 || isQuote, speaker, &e) {
				continue
			}
		} else if e.Headline == "" {
			e.Headline = headlineFrom(e.Body)
			if e.Headline == "" {
				e.Headline = "Untitled"
			}
			c.warn(sl.at, "%s has no headline: it is %q; edit it", what, e.Headline)
		}
		idFrom, idAt := e.Headline, sl.at
		if sl.uniqueID.s != "" {
			idFrom, idAt = sl.uniqueID.s, sl.uniqueID.at
		}
		e.ID = eventIDs.make(c, idFrom, "event", idAt, sl.uniqueID.s != "")
		if g := sl.group; g.s != "" {
			e.Group = c.group(s, g, groupOf, groupIDs)
		}
		if isQuote {
			quotes = append(quotes, c.quoteMedia(sl.media, mq, &e, s.Language)...)
		}
		// Made once the event is in the story, which they point at.
		for _, q := range quotes {
			pending = append(pending, eventQuote{len(s.Events), q})
		}
		if sl.media != nil && !isQuote {
			event := c.field
			c.field += ".media"
			e.Media = c.media(sl.media, e.Headline)
			c.field = event
		}
		event := c.field
		c.field += ".background"
		e.Background = c.background(sl.background)
		c.field = event
		s.Events = append(s.Events, e)
	}
	if len(s.Events) == 0 {
		// Every slide was dropped: placeholders with nothing to show.
		c.field = "$.events"
		c.errorAt(c.top, "no slide has anything to show, only placeholders: the timeline has no events")
		return s
	}
	var ppl people
	for _, p := range pending {
		c.addQuote(s, &ppl, p.q, p.event)
	}
	c.field = ""

	phaseIDs := ids{}
	for i, sl := range tl.eras {
		what := fmt.Sprintf("era %d", i+1)
		c.field = "" // until it is kept: a dropped era is nowhere in the story
		if sl.start == nil || sl.end == nil {
			c.warn(sl.at, "%s needs a start and an end date, as TimelineJS does to show it: dropped", what)
			continue
		}
		start, ok1 := c.readDate(sl.start, "the start date")
		end, ok2 := c.readDate(sl.end, "the end date")
		if !ok1 || !ok2 {
			continue
		}
		if end.before(start) {
			c.warn(sl.end.at, "%s ends before it starts: dropped", what)
			continue
		}
		c.field = fmt.Sprintf("$.phases[%d]", len(s.Phases))
		label := c.plainText(sl.headline, "an era's label")
		if label == "" {
			label = fmt.Sprintf("Era %d", i+1)
			c.warn(sl.at, "%s has no headline: its label is %q; edit it", what, label)
		}
		if sl.text.s != "" {
			c.warn(sl.text.at, "an era's text is not kept: eras become phases, which have a label only")
		}
		if sl.media != nil {
			c.warn(sl.media.at, "an era's media is not kept: eras become phases, which have a label only")
		}
		s.Phases = append(s.Phases, story.Phase{
			ID:    phaseIDs.make(c, label, "phase", sl.at, false),
			Label: label,
			Start: c.moment(start),
			End:   c.moment(end),
		})
	}
	return s
}

// group returns the id of the group an event's group text names, adding
// the group to the story on first sight; "" (with a warning) for a group
// that cannot be one.
func (c *converter) group(s *story.Story, g field, groupOf map[string]story.Ref, groupIDs ids) story.Ref {
	label := c.plainText(g, "a group")
	if label == "" {
		c.warn(g.at, "the group %q has no text once its markup is gone: the event is in no group", g.s)
		return ""
	}
	if ref, seen := groupOf[label]; seen {
		return ref
	}
	if len(s.Groups) == story.MaxGroups {
		c.warn(g.at, "more than %d groups: the event is in no group", story.MaxGroups)
		return ""
	}
	id := groupIDs.make(c, label, "group", g.at, false)
	groupOf[label] = story.Ref(id)
	s.Groups = append(s.Groups, story.Group{ID: id, Label: label})
	return story.Ref(id)
}

// headlineFrom is a headline made from the start of a body, for events
// that have none: its first sentence, or its first words.
func headlineFrom(body story.RichText) string {
	plain := body.Plain()
	if len(plain) == 0 {
		return ""
	}
	words := strings.Fields(plain[0])
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if strings.HasSuffix(w, ".") && i >= 2 || i == 11 {
			if i == 11 && i < len(words)-1 {
				b.WriteString(" …")
			}
			break
		}
	}
	return strings.TrimSuffix(b.String(), ".")
}

// ids makes ids unique within one list.
type ids map[story.ID]bool

func (seen ids) make(c *converter, from, kind string, at pos, given bool) story.ID {
	base := string(story.Slug(from))
	if base == "" {
		base = kind
	}
	id := story.ID(base)
	for n := 2; seen[id]; n++ {
		id = story.ID(fmt.Sprintf("%s-%d", base, n))
	}
	if given && string(id) != from {
		c.warn(at, "the id %q is %q: ids are lower-case words joined by hyphens, and unique", from, id)
	}
	seen[id] = true
	return id
}

// media converts TimelineJS media into the story's.
func (c *converter) media(m *tmedia, headline string) *story.Media {
	raw := m.url.s
	if q, ok := mediaQuote(m); ok {
		// Only the title slide's media comes here as a quotation: an
		// event's becomes a quote card (quoteMedia).
		c.warn(m.url.at, "the quotation “%s” is dropped: a quote card belongs to an event, and this is the title slide; add it to the event it goes with", firstWords(q.words, 12))
		return nil
	}
	if strings.HasPrefix(raw, "<") {
		src, ok := embedAddress(raw)
		if !ok {
			c.warn(m.url.at, "embed code with no address in it: the media is dropped")
			return nil
		}
		c.warn(m.url.at, "embed code reduced to its address, %s: nothing from it runs in the page", src)
		raw = src
	}
	if raw == "" {
		c.warn(m.at, "the media has no address: dropped, with its caption and credit")
		return nil
	}
	src, why := c.absolute(raw)
	switch {
	case why == whyRelative:
		c.warn(m.url.at, "relative media URL %q has no base: dropped; pass -base", raw)
		return nil
	case src == "":
		c.warn(m.url.at, "the media URL %q %s: dropped", raw, why)
		return nil
	}
	out := &story.Media{Src: story.URL(src)}
	e := story.Recognise(src)
	out.Kind = e.Kind
	switch {
	case e.Kind == story.MediaImage && e.Image != "" && !strings.HasPrefix(src, "https://"):
		c.warn(m.url.at, "the image %s is not on https, which pages load images over: kept as a link", src)
		out.Kind = story.MediaLink
	case e.File != "" && !strings.HasPrefix(src, "https://"):
		c.warn(m.url.at, "the file %s is not on https, which pages play video and audio over: kept as a link", src)
		out.Kind = story.MediaLink
	case e.Kind == story.MediaImage && e.Image != "":
		if host, service := story.ImageURL(e.Image).Service(); service != "" {
			c.warn(m.url.at, "the picture %s is on %s, a host of %s, which would learn of every reader as the page loads: kept as a link; store the picture with the story's pictures", src, host, service)
			out.Kind = story.MediaLink
		}
	}
	out.Title = c.plainText(m.title, "a media title")
	out.Caption = c.htmlText(m.caption)
	out.Credit = c.htmlText(m.credit)
	out.Alt = c.plainText(m.alt, "alt text")
	if out.Kind == story.MediaImage && e.Image != "" && out.Alt == "" {
		switch {
		case out.Caption != "":
			out.Alt = out.Caption.PlainText()
		case out.Title != "":
			out.Alt = out.Title
		default:
			out.Alt = headline
		}
		if out.Alt == "" {
			out.Alt = "Image"
		}
		c.warn(m.url.at, "the image has no alt text: it is %q for now; write what the image shows", out.Alt)
	}
	if m.thumbnail.s != "" {
		if t, _ := c.absolute(m.thumbnail.s); strings.HasPrefix(t, "https://") {
			out.Thumbnail = story.ImageURL(t)
			if host, service := out.ThumbnailService(); service != "" {
				out.Thumbnail = ""
				c.warn(m.thumbnail.at, "the thumbnail %s is on %s, a host of %s, which would learn of every reader before any asked for the media: dropped; store the still with the story's pictures", t, host, service)
			}
		} else {
			c.warn(m.thumbnail.at, "the thumbnail %q is not an https address: dropped", m.thumbnail.s)
		}
	}
	if m.link.s != "" {
		if l, why := c.absolute(m.link.s); l != "" {
			sep := ""
			if out.Caption != "" {
				sep = " "
			}
			out.Caption += story.RichText(sep + "[" + hostOf(l) + "](" + l + ")")
			c.warn(m.link.at, "the media's click-through link is in its caption: the media itself opens its own address")
		} else {
			c.warn(m.link.at, "the media's link %q %s: dropped", m.link.s, why)
		}
	}
	return out
}

// embedAddress finds the address in embed code: the src of an iframe
// (or video, audio, image), else the first link of a blockquote, as X,
// Instagram and TikTok embed.
func embedAddress(code string) (string, bool) {
	nodes, err := html.ParseFragment(strings.NewReader(code), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return "", false
	}
	var src, href string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Iframe, atom.Video, atom.Audio, atom.Source, atom.Img, atom.Embed:
				if v := strings.TrimSpace(attr(n, "src")); v != "" && src == "" {
					src = v
				}
			case atom.A:
				if v := strings.TrimSpace(attr(n, "href")); v != "" && href == "" {
					href = v
				}
			case atom.Blockquote:
				if v := strings.TrimSpace(attr(n, "cite")); v != "" && href == "" {
					href = v
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	if src != "" {
		return src, true
	}
	return href, href != ""
}
