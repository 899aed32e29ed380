package timelinejs

import (
	"strings"
	"unicode"

	"explainer/app/story"
)

// TimelineJS needs something in a slide's headline or text to show it,
// so its users type "." (or "-", "…") in a slide that is all media, or
// all quotation. Imported as it is, that is an event whose headline is
// "." with nothing to say it. What an editor wants of such a slide is
// what it carried:
//
//   - with media or a quotation, it is kept (the media or the quote card
//     is the point of it), with a headline made from the media's title
//     or caption, and a note naming it so that the editor writes one: a
//     story's event always shows its headline;
//   - with nothing else, it showed nothing but a mark on the time axis:
//     it is dropped, with a note naming it and its date, rather than
//     added to the story as an empty event an editor must find and
//     remove.

// placeholderMark is the placeholder an event's headline and text hold
// together ("." or "-"), or "" when they hold a word, or nothing at all.
func placeholderMark(headline string, body story.RichText) string {
	text := body.PlainText()
	if headline == "" && text == "" {
		return ""
	}
	if (headline == "" || isPlaceholder(headline)) && (text == "" || isPlaceholder(text)) {
		if headline != "" {
			return headline
		}
		return text
	}
	return ""
}

// keepPlaceholder decides for a slide whose headline and text are only a
// placeholder: false (with a note) when it is dropped; true when it is
// kept, e then having a headline of its own and no placeholder text.
//
// speaker is who said the slide's quotation, if it has one: "" for none,
// or for one that names nobody.
func (c *converter) keepPlaceholder(sl *slide, what, mark string, quoted bool, speaker string, e *story.Event) bool {
	if sl.media == nil && !quoted {
		event := c.field
		c.field = "" // dropped: nowhere in the story
		c.warn(sl.at, "%s (%s) has only %q for its headline and text, and no media: a placeholder that shows nothing, dropped", what, e.Start.Date, mark)
		c.field = event
		return false
	}
	e.Body = ""
	e.Headline = ""
	switch {
	case quoted && speaker != "":
		// The slide is someone's words: whose they are is what it is
		// about, and says nothing the slide did not.
		e.Headline = speaker
	case sl.media != nil && !quoted:
		// Without warnings: the media's own conversion reports its
		// title and caption.
		quiet := &converter{name: c.name, opt: c.opt}
		for _, f := range []field{sl.media.title, sl.media.caption} {
			if e.Headline = headlineFrom(quiet.htmlText(f)); e.Headline != "" {
				break
			}
		}
	}
	if e.Headline == "" {
		e.Headline = "Untitled"
	}
	of := "media"
	if quoted {
		of = "a quotation"
	}
	event := c.field
	c.field += ".headline"
	c.warn(sl.at, "%s has only %q for its headline and text, a placeholder for a slide of %s alone: its headline is %q for now; write one, as every event shows its headline", what, mark, of, e.Headline)
	c.field = event
	return true
}

// isPlaceholder reports whether text is what TimelineJS users put in a
// cell to have a slide at all ("." or "-"): something, but no word.
func isPlaceholder(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" {
		return false
	}
	for _, r := range text {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
