package timelinejs

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"explainer/app/story"
)

// run is a piece of a paragraph in one style, or a link.
type run struct {
	text       string
	em, strong bool
	link       string
}

// htmlText turns TimelineJS's HTML into the story's rich text: links and
// emphasis kept, paragraphs and line breaks as paragraphs, list items as
// paragraphs with a bullet, scripts, styles, frames and images dropped
// (with a warning), every other tag reduced to its text. Bare addresses
// become links, as TimelineJS's autolink makes them.
func (c *converter) htmlText(f field) story.RichText {
	if f.s == "" {
		return ""
	}
	w := &richWriter{c: c, at: f.at}
	if !strings.ContainsAny(f.s, "<&") {
		// Most headlines and many texts have no markup: no parse needed.
		w.text(f.s, false, false)
		w.breakPara()
		if len(w.paras) == 0 {
			return ""
		}
		return story.RichText(c.writeRuns(w.paras[0], f.at))
	}
	nodes, err := html.ParseFragment(strings.NewReader(f.s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		c.warn(f.at, "the HTML could not be read: kept as text")
		w.text(f.s, false, false)
	} else {
		for _, n := range nodes {
			w.walk(n, false, false)
		}
	}
	w.breakPara()
	var paras []string
	for _, p := range w.paras {
		paras = append(paras, c.writeRuns(p, f.at))
	}
	return story.RichText(strings.Join(paras, "\n\n"))
}

// plainText is the text of HTML without any markup, for the story's
// plain fields (labels, credits); a link in it is reported, as its
// address cannot be kept there.
func (c *converter) plainText(f field, what string) string {
	text, links := c.plainAndLinks(f)
	for _, l := range links {
		c.warn(f.at, "the link to %s is not kept: %s is plain text", l.Link, what)
	}
	return text
}

// plainAndLinks is the text of HTML without markup, and the links in it.
func (c *converter) plainAndLinks(f field) (string, []story.Inline) {
	if f.s == "" {
		return "", nil
	}
	rt := c.htmlText(f)
	var links []story.Inline
	for _, p := range rt.Paragraphs() {
		for _, in := range p {
			if in.Link != "" && in.Text != string(in.Link) {
				links = append(links, in)
			}
		}
	}
	return strings.Join(rt.Plain(), " "), links
}

// headline is a plain headline; links in it move to the end of body, the
// text they belong with, so that none is lost.
func (c *converter) headline(f field, body *story.RichText, what string) string {
	text, links := c.plainAndLinks(f)
	if len(links) == 0 {
		return text
	}
	var parts []string
	for _, l := range links {
		parts = append(parts, "["+strings.NewReplacer("[", "(", "]", ")").Replace(l.Text)+"]("+string(l.Link)+")")
	}
	if *body != "" {
		*body += "\n\n"
	}
	*body += story.RichText(strings.Join(parts, " "))
	c.warn(f.at, "%s is plain text: its link to %s is at the end of the text", what, links[0].Link)
	return text
}

type richWriter struct {
	c       *converter
	at      pos
	paras   [][]run
	cur     []run
	dropped map[string]bool
}

// Elements whose content is not text a reader read: dropped whole.
var droppedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Title: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Math: true, atom.Video: true, atom.Audio: true, atom.Canvas: true, atom.Form: true,
	atom.Input: true, atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Img: true,
	atom.Link: true, atom.Meta: true,
}

// Elements that stand apart from the text around them.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Tr: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Ul: true,
	atom.Ol: true, atom.Table: true, atom.Pre: true, atom.Hr: true, atom.Figure: true,
	atom.Figcaption: true, atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Aside: true,
	atom.Address: true, atom.Main: true, atom.Nav: true,
}

func (w *richWriter) walk(n *html.Node, em, strong bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, em, strong)
		return
	case html.ElementNode:
	default:
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			w.walk(ch, em, strong)
		}
		return
	}
	switch {
	case droppedElements[n.DataAtom] || n.DataAtom == 0 && n.Data == "iframe":
		what := "<" + n.Data + ">"
		if n.DataAtom == atom.Img {
			what = "an image (" + attr(n, "src") + ")"
		}
		if !w.dropped[what] {
			if w.dropped == nil {
				w.dropped = map[string]bool{}
			}
			w.dropped[what] = true
			w.c.warn(w.at, "dropped %s from the text: text carries no markup but links and emphasis", what)
		}
		return
	case n.DataAtom == atom.Br:
		w.breakPara()
		return
	case n.DataAtom == atom.A:
		w.link(n, em, strong)
		return
	}
	block := blockElements[n.DataAtom]
	if block {
		w.breakPara()
		if n.DataAtom == atom.Li {
			w.cur = append(w.cur, run{text: "• "})
		}
	}
	switch n.DataAtom {
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		em = true
	case atom.Strong, atom.B:
		strong = true
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		w.walk(ch, em, strong)
	}
	if block {
		w.breakPara()
	}
}

var spaceRE = regexp.MustCompile(`\s+`)

// bareURL is an address in running text, as TimelineJS's autolink finds.
var bareURL = regexp.MustCompile(`https?://[^\s<>"']+`)

func (w *richWriter) text(s string, em, strong bool) {
	s = spaceRE.ReplaceAllString(s, " ")
	for s != "" {
		loc := bareURL.FindStringIndex(s)
		if loc == nil {
			w.cur = append(w.cur, run{text: s, em: em, strong: strong})
			return
		}
		u := strings.TrimRight(s[loc[0]:loc[1]], ".,;:!?)")
		if loc[0] > 0 {
			w.cur = append(w.cur, run{text: s[:loc[0]], em: em, strong: strong})
		}
		if target, _ := w.c.absolute(u); target != "" {
			w.cur = append(w.cur, run{text: u, link: target})
		} else {
			w.cur = append(w.cur, run{text: u, em: em, strong: strong})
		}
		s = s[loc[0]+len(u):]
	}
}

func (w *richWriter) link(n *html.Node, em, strong bool) {
	text := strings.TrimSpace(spaceRE.ReplaceAllString(nodeText(n, ""), " "))
	href := strings.TrimSpace(attr(n, "href"))
	target, why := w.c.absolute(href)
	if target == "" {
		if href != "" {
			w.c.warn(w.at, "the link %q %s: its words are kept as text", href, why)
		}
		w.text(text, em, strong)
		return
	}
	if text == "" {
		text = hostOf(target)
	}
	w.cur = append(w.cur, run{text: text, link: target, em: em, strong: strong})
}

func (w *richWriter) breakPara() {
	// A paragraph of nothing but white space is none.
	keep := false
	for _, r := range w.cur {
		if strings.TrimSpace(r.text) != "" {
			keep = true
		}
	}
	if keep {
		w.paras = append(w.paras, w.cur)
	}
	w.cur = nil
}

// whyRelative is absolute's reason for a relative address without a base.
const whyRelative = "is relative and has no base: pass -base"

// absolute makes an address from the input absolute and http(s): it
// returns "" and why not when it cannot be.
func (c *converter) absolute(href string) (string, string) {
	if href == "" {
		return "", "is empty"
	}
	if strings.HasPrefix(href, "//") {
		href = "https:" + href // a protocol-relative address: https, as pages are served
	}
	u, err := url.Parse(href)
	if err != nil {
		return "", "is not a valid address"
	}
	if u.Scheme == "" {
		if c.opt.Base == nil {
			return "", whyRelative
		}
		u = c.opt.Base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", "is not an http(s) address"
	}
	if u.Host == "" {
		return "", "has no host"
	}
	s := u.String()
	// What a story's addresses may not hold, percent-encoded.
	s = strings.NewReplacer(" ", "%20", `"`, "%22", "'", "%27", "<", "%3C", ">", "%3E", "`", "%60", `\`, "%5C", "(", "%28", ")", "%29", "[", "%5B", "]", "%5D").Replace(s)
	if story.URL(s).Check() != "" {
		return "", "is not an address a story can link to"
	}
	return s, ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}

// writeRuns writes a paragraph in the rich-text syntax. If the markup
// would not read back as the same text (emphasis that touches emphasis),
// the paragraph is written again without emphasis: the words and links
// matter more than the styling.
func (c *converter) writeRuns(runs []run, at pos) string {
	runs = mergeRuns(runs)
	out := oneSpace(serialize(runs, true))
	if !sameText(out, runs) {
		out = oneSpace(serialize(runs, false))
		c.warn(at, "emphasis that touches other emphasis is not kept")
	}
	return out
}

func mergeRuns(runs []run) []run {
	var out []run
	var text strings.Builder // the last run's text, built once, not copied at each piece
	flush := func() {
		if len(out) > 0 && out[len(out)-1].link == "" {
			out[len(out)-1].text = text.String()
		}
		text.Reset()
	}
	for _, r := range runs {
		if r.strong {
			r.em = false // strong wins: the syntax has no both at once
		}
		if n := len(out); n > 0 && r.link == "" && out[n-1].link == "" && out[n-1].em == r.em && out[n-1].strong == r.strong {
			text.WriteString(r.text)
			continue
		}
		flush()
		out = append(out, r)
		text.WriteString(r.text)
	}
	flush()
	// Trim the paragraph's ends.
	if len(out) > 0 {
		out[0].text = strings.TrimLeft(out[0].text, " ")
		out[len(out)-1].text = strings.TrimRight(out[len(out)-1].text, " ")
	}
	return out
}

var escaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `[`, `\[`, `]`, `\]`)

func serialize(runs []run, styled bool) string {
	var b strings.Builder
	for _, r := range runs {
		if r.link != "" {
			words := strings.NewReplacer("[", "(", "]", ")").Replace(strings.TrimSpace(r.text))
			if words == "" {
				words = hostOf(r.link)
			}
			b.WriteString("[" + words + "](" + r.link + ")")
			continue
		}
		mark := ""
		if styled && r.strong {
			mark = "**"
		} else if styled && r.em {
			mark = "*"
		}
		inner := strings.TrimSpace(r.text)
		if mark == "" || inner == "" {
			b.WriteString(escaper.Replace(r.text))
			continue
		}
		lead := r.text[:len(r.text)-len(strings.TrimLeft(r.text, " "))]
		trail := r.text[len(strings.TrimRight(r.text, " ")):]
		b.WriteString(lead + mark + escaper.Replace(inner) + mark + trail)
	}
	return b.String()
}

// sameText reports whether the written paragraph reads back as the runs.
func sameText(written string, runs []run) bool {
	var want strings.Builder
	for _, r := range runs {
		if r.link != "" {
			want.WriteString(strings.NewReplacer("[", "(", "]", ")").Replace(strings.TrimSpace(r.text)))
			if strings.TrimSpace(r.text) == "" {
				want.WriteString(hostOf(r.link))
			}
			continue
		}
		want.WriteString(r.text)
	}
	got := strings.Join(story.RichText(written).Plain(), "")
	return got == oneSpace(want.String())
}

// oneSpace collapses the runs of spaces that dropped markup leaves
// ("More <img> text"). Addresses hold no spaces, so links are untouched.
func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
