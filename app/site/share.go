package site

import (
	"errors"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"explainer/app/i18n"
	"explainer/app/repo"
	"explainer/app/share"
	"explainer/app/story"
	"explainer/app/widget"
)

// A story's share images: what unfurls when its link is posted on a
// social network or in a chat. The story's card (title, summary, the time
// it covers and a miniature of its timeline) and each quote's card, in
// the story's language and script, drawn on the server (package share).

// ShareKind names one share image of a story.
type ShareKind struct {
	Quote  story.Ref // "" for the story's own card
	Square bool      // 1080×1080 for chat apps; else 1200×630
}

// Size is the image's size in pixels.
func (k ShareKind) Size() share.Size {
	if k.Square {
		return share.Square
	}
	return share.Landscape
}

// errNoQuote is a share image asked for a quote the story has not.
var errNoQuote = errors.New("no such quote")

// ShareImage draws one of a story's share images as PNG. Drawing takes
// about a tenth of a second, so callers keep the result for the story's
// version (the server's page cache, the export's files).
func (s *Site) ShareImage(e *repo.Entry, k ShareKind) ([]byte, error) {
	r, err := s.share()
	if err != nil {
		return nil, err
	}
	st := e.Story
	words := s.Words(st, widget.Options{})
	theme := share.DefaultTheme(shareAccent)
	if k.Quote == "" {
		return r.Story(s.storyCard(st, words), k.Size(), theme)
	}
	q := st.Quote(k.Quote)
	if q == nil {
		return nil, errNoQuote
	}
	return r.Quote(s.quoteCard(st, q, words), k.Size(), theme)
}

// shareAccent is the cards' accent: the widget's own blue.
var shareAccent = color.RGBA{0x0b, 0x5c, 0xad, 0xff}

func (s *Site) storyCard(st *story.Story, words *i18n.Pack) share.StoryCard {
	c := share.StoryCard{
		Title:    st.Title,
		Dek:      st.Dek.PlainText(),
		Dir:      words.Dir(),
		Lang:     string(st.Language),
		Selected: -1,
		Site:     s.host(),
	}
	if n := len(st.Events); n > 0 {
		first, last := st.Events[0].Start, st.Events[n-1].Start
		first.Text, last.Text = "", "" // the dates, not a display text
		c.Span = words.FormatSpan(first, &last)
		for i := range st.Events {
			if n == 1 {
				c.Marks = append(c.Marks, 0.5)
				continue
			}
			c.Marks = append(c.Marks, float64(i)/float64(n-1))
		}
	}
	return c
}

func (s *Site) quoteCard(st *story.Story, q *story.Quote, words *i18n.Pack) share.QuoteCard {
	c := share.QuoteCard{
		Words:         q.Text,
		Direct:        q.Kind == story.Direct,
		DirectLabel:   words.T("quotes.direct"),
		ReportedLabel: words.T("quotes.reported"),
		Quote:         words.CLDR.Quotes,
		Dir:           words.Dir(),
		Lang:          string(st.Language),
		Site:          s.host(),
	}
	if c.Quote[0] == "" {
		c.Quote = [2]string{"“", "”"}
	}
	if p := st.Person(q.Speaker); p != nil {
		c.Speaker, c.Role = p.Name, p.Role
	}
	when := q.When
	if when == nil {
		if e := st.Event(q.Event); e != nil {
			when = &e.Start
		}
	}
	if when != nil {
		c.Date = words.FormatMoment(*when)
	}
	// The source is always named: the quote's own, else its event's
	// first, else the story that reports it.
	src := st.Source(q.Source)
	if e := st.Event(q.Event); src == nil && e != nil && len(e.Sources) > 0 {
		src = st.Source(e.Sources[0])
	}
	from := st.Title
	if src != nil {
		from = src.Outlet
	}
	c.Source = strings.TrimSpace(words.T("quotes.source") + " " + from)
	return c
}

// host is the site's host for the cards' top line, "" without a base URL.
func (s *Site) host() string {
	if s.baseURL == nil {
		return ""
	}
	return s.baseURL.Host
}

// ShareText is what a quote's share page says of it, for its title and
// the unfurl's text: the speaker and, for a direct quote, their words in
// the language's quotation marks; reported speech is labelled, never
// quoted.
func ShareText(st *story.Story, q *story.Quote, words *i18n.Pack) string {
	who := ""
	if p := st.Person(q.Speaker); p != nil {
		who = p.Name
	}
	if q.Kind == story.Direct {
		marks := words.CLDR.Quotes
		if marks[0] == "" {
			marks = [2]string{"“", "”"}
		}
		return fmt.Sprintf("%s: %s%s%s", who, marks[0], q.Text, marks[1])
	}
	return fmt.Sprintf("%s (%s): %s", who, words.T("quotes.reported"), q.Text)
}

// Drawable reports whether a share image can be drawn: every character
// it would show has a font. (Words too long to fit are found only in the
// drawing.) Pages name as og:image only an image that can be.
func (s *Site) Drawable(e *repo.Entry, k ShareKind) bool {
	r, err := s.share()
	if err != nil {
		return false
	}
	return len(r.Missing(strings.Join(s.cardTexts(e.Story, k), "\n"))) == 0
}

// cardTexts are the texts a share image draws.
func (s *Site) cardTexts(st *story.Story, k ShareKind) []string {
	words := s.Words(st, widget.Options{})
	if k.Quote == "" {
		c := s.storyCard(st, words)
		return []string{c.Title, c.Dek, c.Span, c.Site}
	}
	q := st.Quote(k.Quote)
	if q == nil {
		return nil
	}
	c := s.quoteCard(st, q, words)
	return []string{c.Speaker, c.Role, c.Words, c.Date, c.Source, c.DirectLabel, c.ReportedLabel, c.Quote[0], c.Quote[1], c.Site}
}

// shareKinds are every share image of a story: its card and each
// quote's, in both sizes.
func shareKinds(st *story.Story) []ShareKind {
	kinds := []ShareKind{{}, {Square: true}}
	for i := range st.Quotes {
		q := story.Ref(st.Quotes[i].ID)
		kinds = append(kinds, ShareKind{Quote: q}, ShareKind{Quote: q, Square: true})
	}
	return kinds
}

// CheckShareCards is what a check of a story says of its share images,
// with the built-in fonts and fonts (a publisher's): the characters no
// font draws, read from what the cards draw (the story's text, and the
// widget's words and dates around it in the story's language); and,
// when none is missing, the cards that still cannot be drawn, drawn to
// find out (a quote whose words do not fit without being cut; "" stands
// for the story's own card).
func CheckShareCards(st *story.Story, fonts [][]byte) (missing []rune, undrawn []string, err error) {
	r, err := share.New(share.Options{Fonts: fonts})
	if err != nil {
		return nil, nil, err
	}
	s := &Site{share: func() (*share.Renderer, error) { return r, nil }}
	kinds := shareKinds(st)
	var texts []string
	for _, k := range kinds {
		texts = append(texts, s.cardTexts(st, k)...)
	}
	if missing = r.Missing(strings.Join(texts, "\n")); len(missing) > 0 {
		return missing, nil, nil
	}
	e := &repo.Entry{Story: st}
	for _, k := range kinds {
		if _, err := s.ShareImage(e, k); err != nil && !slices.Contains(undrawn, string(k.Quote)) {
			undrawn = append(undrawn, string(k.Quote))
		}
	}
	return nil, undrawn, nil
}
