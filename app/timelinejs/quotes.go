package timelinejs

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"explainer/app/story"
)

// TimelineJS shows a <blockquote> in a slide's media as a quotation (its
// "Quote" media type), and one in a slide's text as an indented passage;
// either way the reader saw someone's words set apart. A story has a
// place made for that, the quote card, so such a blockquote becomes a
// direct quote of its event, said by the person its <cite> (or a closing
// "— Name" line) names.
//
// Platforms' embed code is blockquotes too (X, Instagram, TikTok,
// Imgur, Threads): those stay embeds, reduced to their address, as
// TimelineJS shows them as the post and not as a quotation.

// tquote is a quotation found in a slide.
type tquote struct {
	words   string // plain text, without the quotation marks around it
	speaker string // "" when the blockquote names nobody
	role    string // what follows the name in the cite: "Neil Armstrong, astronaut"
	// context is what follows the name when it holds a date or number
	// ("Neil Armstrong, July 20, 1969"): when it was said, not a role.
	context string
	// source is the address the blockquote's cite attribute gives, for
	// the note: a story's source needs an outlet the address alone does
	// not say.
	source string
	// credit is the credit under a quotation in the media that is not
	// its speaker, for the note.
	credit field
	// where it was: "media" or "text", for the notes
	from string
	at   pos
}

// embedMarkers are what platforms' embed code carries in a blockquote's
// class for their script to find it.
var embedMarkers = []string{"twitter", "tweet", "instagram", "tiktok", "imgur", "reddit", "bluesky", "text-post-media", "fb-", "embed", "mastodon"}

// isQuoteBlock reports whether n is a blockquote an editor wrote as a
// quotation, not a platform's embed code.
func isQuoteBlock(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Blockquote {
		return false
	}
	for _, a := range n.Attr {
		if strings.HasPrefix(a.Key, "data-") {
			return false // data-instgrm-permalink and the like
		}
		if a.Key == "class" {
			class := strings.ToLower(a.Val)
			for _, m := range embedMarkers {
				if strings.Contains(class, m) {
					return false
				}
			}
		}
	}
	return true
}

// hasEmbed reports whether the code holds what only embed code does: a
// script or a frame (TimelineJS takes code with a frame as a frame).
func hasEmbed(nodes []*html.Node) bool {
	found := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Iframe) {
			found = true
		}
		for ch := n.FirstChild; ch != nil && !found; ch = ch.NextSibling {
			walk(ch)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return found
}

func parseFragment(code string) ([]*html.Node, error) {
	return html.ParseFragment(strings.NewReader(code), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
}

// mediaQuote reads a slide's media as a quotation: ok is false when it is
// not one (an address, or a platform's embed code).
func mediaQuote(m *tmedia) (tquote, bool) {
	if !strings.Contains(strings.ToLower(m.url.s), "<blockquote") {
		return tquote{}, false
	}
	nodes, err := parseFragment(m.url.s)
	if err != nil || hasEmbed(nodes) {
		return tquote{}, false
	}
	var block *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if block == nil && n.Type == html.ElementNode && n.DataAtom == atom.Blockquote {
			block = n
			return
		}
		for ch := n.FirstChild; ch != nil && block == nil; ch = ch.NextSibling {
			find(ch)
		}
	}
	for _, n := range nodes {
		find(n)
	}
	if block == nil || !isQuoteBlock(block) {
		return tquote{}, false
	}
	q := readQuote(block)
	q.from, q.at = "media", m.url.at
	return q, true
}

// textQuotes takes out of a slide's text the quotations that name their
// speaker, which become quote cards, and returns the text without them.
// A blockquote that names nobody stays in the text, where TimelineJS
// showed it, as a paragraph: a quote card must say who spoke.
func (c *converter) textQuotes(f field) (field, []tquote) {
	if !strings.Contains(strings.ToLower(f.s), "<blockquote") {
		return f, nil
	}
	nodes, err := parseFragment(f.s)
	if err != nil {
		return f, nil
	}
	var found []tquote
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; {
			next := ch.NextSibling
			if isQuoteBlock(ch) && !hasEmbed([]*html.Node{ch}) {
				q := readQuote(ch)
				q.from, q.at = "text", f.at
				switch {
				case q.words == "":
				case q.speaker == "":
					c.warn(f.at, "the quotation “%s” names nobody (a <cite> or a closing “— Name” line would): it stays a paragraph of the text; name who said it and make it a quote card", firstWords(q.words, 8))
				default:
					found = append(found, q)
					n.RemoveChild(ch)
				}
			} else {
				walk(ch)
			}
			ch = next
		}
	}
	// A fragment's nodes have no parent: walk them under one.
	root := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	walk(root)
	if len(found) == 0 {
		return f, nil
	}
	var b bytes.Buffer
	for n := root.FirstChild; n != nil; n = n.NextSibling {
		if err := html.Render(&b, n); err != nil {
			return f, nil
		}
	}
	f.s = b.String()
	return f, found
}

// dashes open the line that names a quotation's speaker: "— Name".
const dashes = "—–―-~"

// trailingSpeaker is a quotation and its speaker on one line:
// “We choose to go to the Moon.” — John F. Kennedy.
var trailingSpeaker = regexp.MustCompile(`^(.*[.!?…"”»’'])\s*[—–―]\s*([^.!?—–―]{1,80})$`)

// readQuote reads a blockquote: its words and who said them.
func readQuote(block *html.Node) tquote {
	var q tquote
	var lines []string
	var cur strings.Builder
	breakLine := func() {
		if s := oneSpace(cur.String()); s != "" {
			lines = append(lines, s)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			cur.WriteString(n.Data)
			return
		case n.Type != html.ElementNode:
		case n.DataAtom == atom.Cite:
			if q.speaker == "" {
				q.speaker = textOf(n)
			}
			return
		case droppedElements[n.DataAtom]:
			return
		case n.DataAtom == atom.Br:
			breakLine()
			return
		}
		block := n.Type == html.ElementNode && blockElements[n.DataAtom]
		if block {
			breakLine()
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
		if block {
			breakLine()
		}
	}
	q.source = strings.TrimSpace(attr(block, "cite"))
	for ch := block.FirstChild; ch != nil; ch = ch.NextSibling {
		walk(ch)
	}
	breakLine()
	if q.speaker == "" && len(lines) > 0 {
		last := lines[len(lines)-1]
		if r, _ := utf8.DecodeRuneInString(last); strings.ContainsRune(dashes, r) && len(lines) > 1 {
			q.speaker = last
			lines = lines[:len(lines)-1]
		} else if m := trailingSpeaker.FindStringSubmatch(last); m != nil {
			q.speaker = m[2]
			lines[len(lines)-1] = m[1]
		}
	}
	q.speaker = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(q.speaker), dashes+" "))
	q.speaker = strings.TrimRight(q.speaker, ". ")
	q.speaker, q.role = splitRole(q.speaker)
	if strings.ContainsFunc(q.role, unicode.IsDigit) {
		q.context, q.role = q.role, ""
	}
	q.words = unquote(strings.Join(lines, " "))
	return q
}

// textOf is the text of n on one line, a line break read as a comma.
func textOf(n *html.Node) string { return oneSpace(nodeText(n, ", ")) }

// nodeText is the text under n as it stands, without what the importer
// drops (scripts, styles), br written as br.
func nodeText(n *html.Node, br string) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && droppedElements[n.DataAtom] {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			b.WriteString(br)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return b.String()
}

// splitRole parts "Neil Armstrong, commander of Apollo 11" into a name and
// a role; a suffix of the name (Jr., III) is no role.
func splitRole(cite string) (name, role string) {
	parts := strings.Split(cite, ",")
	name = strings.TrimSpace(parts[0])
	i := 1
	for ; i < len(parts); i++ {
		p := strings.TrimSpace(parts[i])
		switch strings.TrimRight(strings.ToLower(p), ".") {
		case "jr", "sr", "ii", "iii", "iv", "phd", "md":
			name += ", " + p
			continue
		}
		break
	}
	return name, strings.TrimSpace(strings.Join(parts[i:], ","))
}

// quoteMarks are the marks that open and close a quotation.
var quoteMarks = [][2]string{{"“", "”"}, {"„", "“"}, {"«", "»"}, {"‘", "’"}, {`"`, `"`}, {"'", "'"}}

// unquote takes away the quotation marks around the words, which the
// story must not hold (the card adds its own), when they are a pair that
// encloses all the words: "“A” and “B”" keeps its marks.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, m := range quoteMarks {
		if !strings.HasPrefix(s, m[0]) {
			continue
		}
		inner, trail := s[len(m[0]):], ""
		// The closing mark may come before the sentence's full stop.
		if t := strings.TrimRight(inner, ".,;"); strings.HasSuffix(t, m[1]) {
			inner, trail = strings.TrimSuffix(t, m[1]), inner[len(t):]
		} else {
			continue
		}
		if !balanced(inner, m) {
			continue
		}
		return strings.TrimSpace(inner + trail)
	}
	return s
}

// balanced reports whether the marks in s open before they close, so that
// the pair around s encloses it whole.
func balanced(s string, m [2]string) bool {
	if m[0] == m[1] {
		return strings.Count(s, m[0])%2 == 0
	}
	depth := 0
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], m[0]):
			depth++
			i += len(m[0])
		case strings.HasPrefix(s[i:], m[1]):
			if depth--; depth < 0 {
				return false
			}
			i += len(m[1])
		default:
			i++
		}
	}
	return depth == 0
}

// firstWords is the start of text for a note: its first n words.
func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}

// eventQuote is a quotation to make a quote card of, and the index of
// its event in the story.
type eventQuote struct {
	event int
	q     tquote
}

// people finds and adds the speakers of quotes, one person per name as
// it is written (in any case, with any spacing).
type people struct {
	byName map[string]story.Ref
	ids    ids
	quotes ids
}

func nameKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// addQuote makes a direct quote of event (s.Events[ei]) from q, with the
// note that says what was made and what is left to the editor.
func (c *converter) addQuote(s *story.Story, ppl *people, q tquote, ei int) {
	e := &s.Events[ei]
	if len(s.Quotes) == story.MaxQuotes {
		c.field = fmt.Sprintf("$.events[%d]", ei)
		c.warn(q.at, "more than %d quotes: the quotation “%s” is dropped", story.MaxQuotes, firstWords(q.words, 8))
		return
	}
	if ppl.byName == nil {
		ppl.byName, ppl.ids, ppl.quotes = map[string]story.Ref{}, ids{}, ids{}
		for _, p := range s.People {
			ppl.byName[nameKey(p.Name)] = story.Ref(p.ID)
			ppl.ids[p.ID] = true
		}
	}
	key := nameKey(q.speaker)
	speaker, known := ppl.byName[key]
	who := ""
	if known {
		for _, p := range s.People {
			if story.Ref(p.ID) == speaker {
				q.speaker = p.Name // as the story spells it
			}
		}
	}
	if !known {
		if len(s.People) == story.MaxPeople {
			c.field = fmt.Sprintf("$.events[%d]", ei)
			c.warn(q.at, "more than %d people: the quotation “%s” is dropped", story.MaxPeople, firstWords(q.words, 8))
			return
		}
		id := ppl.ids.make(c, q.speaker, "person", q.at, false)
		s.People = append(s.People, story.Person{ID: id, Name: q.speaker, Role: q.role})
		speaker = story.Ref(id)
		ppl.byName[key] = speaker
		who = fmt.Sprintf("added %s to the people", q.speaker)
		if q.role != "" {
			who = fmt.Sprintf("added %s, %s, to the people", q.speaker, q.role)
		}
	} else {
		who = fmt.Sprintf("said by %s, of the people", q.speaker)
	}
	id := ppl.quotes.make(c, string(speaker)+" "+firstWords(q.words, 4), "quote", q.at, false)
	c.field = fmt.Sprintf("$.quotes[%d]", len(s.Quotes))
	s.Quotes = append(s.Quotes, story.Quote{ID: id, Speaker: speaker, Text: q.words, Kind: story.Direct, Event: story.Ref(e.ID), Context: q.context})
	if q.credit.s != "" {
		c.warn(q.credit.at, "the credit %q is not kept: a quote card has none; if it names the source of the quotation, add it under sources", q.credit.s)
	}
	where := "where it was said"
	if q.source != "" {
		where = "where it was said (the slide gives " + q.source + ")"
	}
	c.warn(q.at, "the quotation in the %s is a quote card of the event (%s), shown as %s's own words in quotation marks: check “%s” word for word against %s, and add that source and its sentence (sourceText)", q.from, who, q.speaker, firstWords(q.words, 8), where)
}

// quotationMarks are the marks a story's language sets a quotation in.
func quotationMarks(lang story.Lang) (string, string) {
	switch strings.SplitN(string(lang), "-", 2)[0] {
	case "uk", "ru", "fr", "es", "it":
		return "«", "»"
	case "de", "cs", "pl":
		return "„", "“"
	}
	return "“", "”"
}

// quoteMedia is what becomes of a slide's media that is a quotation: the
// quote to make, with the media's caption as its context; or, when it
// names no speaker, its words at the end of the event's text.
//
// A quote card without a speaker is not made: the story needs one, and
// a made-up speaker ("Unknown", or a name guessed from the headline)
// would put words in someone's mouth on a card readers take as the
// speaker's own. Nor are the words dropped, as they were on the slide:
// they stay in the text, in quotation marks, and the note asks for the
// speaker.
func (c *converter) quoteMedia(m *tmedia, q tquote, e *story.Event, lang story.Lang) []tquote {
	event := c.field
	defer func() { c.field = event }()
	if q.words == "" {
		c.warn(q.at, "a quotation with no words: dropped")
		return nil
	}
	caption := c.plainText(m.caption, "a quote's context")
	credit := c.plainText(m.credit, "a credit")
	if q.speaker == "" && credit != "" {
		// TimelineJS's sheet has no column for a speaker: the credit
		// under a quotation is the likeliest place for one, but it may
		// as well be a photographer's or an outlet's, so it is offered,
		// not taken.
		credit = fmt.Sprintf("; if %s, credited under it, is who said it, make it a quote card", credit)
	} else if credit != "" && nameKey(credit) != nameKey(q.speaker) {
		q.credit = m.credit
	}
	if q.speaker == "" {
		open, closing := quotationMarks(lang)
		para := story.RichText(escaper.Replace(open + q.words + closing))
		if caption != "" {
			para += story.RichText(" " + escaper.Replace(caption))
		}
		if e.Body != "" {
			e.Body += "\n\n"
		}
		e.Body += para
		c.field = event + ".body"
		c.warn(q.at, "the quotation “%s” names nobody (a <cite> or a closing “— Name” line would), and a quote card must: its words are at the end of the text%s", firstWords(q.words, 8), credit)
		return nil
	}
	switch {
	case caption != "" && q.context != "" && strings.ContainsAny(caption[len(caption)-1:], ".!?"):
		r, n := utf8.DecodeRuneInString(q.context)
		q.context = caption + " " + string(unicode.ToUpper(r)) + q.context[n:] + "."
	case caption != "" && q.context != "":
		q.context = caption + ", " + q.context
	case caption != "":
		q.context = caption
	}
	if m.thumbnail.s != "" || m.alt.s != "" || m.link.s != "" || m.title.s != "" {
		c.warn(m.at, "the quotation's thumbnail, title, alt text and link are not kept: a quote card has none")
	}
	return []tquote{q}
}
