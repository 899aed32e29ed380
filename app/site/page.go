package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/text/language"

	"explainer/app/i18n"
	"explainer/app/internal/compress"
	"explainer/app/internal/urls"
	"explainer/app/repo"
	"explainer/app/shell"
	"explainer/app/story"
	"explainer/app/widget"
	"explainer/web"
)

// MaxPageBytes is the largest page the server renders. A story within the
// story package's limits can still make a larger one (its text is escaped
// in the page, up to six bytes for one): such a story is refused when it
// is loaded and by validate (FitsInPage), so that a story that is served
// always renders.
const MaxPageBytes = 16 << 20

// shellAllowance bounds what the page adds around the widget and the
// story's data: the head, with the title and dek several times over in
// meta tags, escaped, the stylesheet and the scripts' addresses.
func shellAllowance(st *story.Story) int {
	return 16<<10 + maxInlineStyle + 8*6*(len(st.Title)+len(st.Dek))
}

// FitsInPage checks that the story's heaviest pages stay under
// MaxPageBytes: the first event with every quote, the event with the
// longest text, and the embed card's list of all quotes. data is the size
// of what every page embeds (the story's JSON and zone data).
func FitsInPage(name string, st *story.Story, data int) error {
	heaviest, most := "", -1
	for _, ev := range st.Events {
		n := len(ev.Headline) + len(ev.Body)
		for _, q := range st.QuotesOf(story.Ref(ev.ID)) {
			n += len(q.Text) + len(q.Context)
		}
		if n > most {
			heaviest, most = string(ev.ID), n
		}
	}
	for _, p := range []struct {
		st widget.State
		o  widget.Options
	}{{}, {st: widget.State{Event: story.Ref(heaviest)}}, {st: widget.State{View: widget.ViewQuotes}, o: widget.Options{Embed: true}}} {
		w := widget.New(st, p.st, p.o, Words(st, p.o))
		if n := len(app.HTMLString(w)) + data + shellAllowance(st); n > MaxPageBytes {
			return fmt.Errorf("%s: its page would be %.1f MB, over the %d MiB a page may be: shorten the story's text, or split it into several stories", name, float64(n)/1e6, MaxPageBytes>>20)
		}
	}
	return nil
}

// templates are the pages in web/templates, by file name, each parsed
// with base.html, the document they share, whose blocks each fills. base
// goes first, so that a page's block replaces base's default of it.
var templates = func() map[string]*template.Template {
	out := map[string]*template.Template{}
	for _, name := range []string{"shell.html", "plain.html", "embed.html", "demo.html", "studio.html", "print.html"} {
		out[name] = template.Must(template.New(name).Funcs(template.FuncMap{"comment": comment}).ParseFS(web.Templates, "templates/base.html", "templates/"+name))
	}
	return out
}()

// comment writes text as an HTML comment; html/template drops the
// comments written in a template itself. Nothing in text can end it.
func comment(text string) template.HTML {
	text = strings.NewReplacer("--", "- -", "<", "‹", ">", "›").Replace(text)
	return template.HTML("<!-- " + text + " -->")
}

// Page is a rendered body with its compressed forms and its ETag.
type Page struct {
	compress.Encoded
	ETag string
}

// NewPage compresses a rendered body and names its version.
func NewPage(body []byte, brotliQuality int) (*Page, error) {
	enc, err := compress.Encode(body, brotliQuality)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(body)
	return &Page{Encoded: enc, ETag: `"` + hex.EncodeToString(sum[:10]) + `"`}, nil
}

// shellData fills the document around the widget.
type shellData struct {
	Lang        string
	Dir         string // "rtl" for a right-to-left language
	Theme       string
	Embed       bool
	Title       string
	Description string
	StoryID     string
	Meta        *pageMeta // nil when the site's address is unknown (no base URL)
	Root        string    // path prefix of the site, "" at the domain root
	CSS         string
	// Style is CSS's text, which the page holds in place of a link to
	// it when set (inlineStyle says why).
	Style template.CSS
	Icon  string
	Boot  string
	Exec  string
	Wasm  string
	// Preload starts the WebAssembly's download with the page's, in
	// parallel with the stylesheet and boot.js, instead of after them: on
	// a phone's network that saves several round trips. The preload's
	// mode (cors, with crossorigin) matches boot.js's fetch, so the file
	// downloads once. An embedded card leaves it out: its frame may sit
	// far down an article, and boot.js loads the WebAssembly only once the
	// card is in view, so that readers who never get there do not pay for
	// it. So does a page asked for without the WebAssembly (?wasm=0).
	Preload bool
	// Live says this server sends the page, and so renders any state of
	// it: boot.js then answers a click on a control before the
	// WebAssembly runs by fetching the page in that state. A static
	// host's copy has one state per page, whatever the query.
	Live    bool
	Version string
	JSONURL string
	Widget  template.HTML
	Data    template.JS
	Zones   template.JS
	Words   template.JS
	Offline string
	IDs     shellIDs
	// ShareWidth and ShareHeight are the share image's size.
	ShareWidth, ShareHeight int
	// AccentNote tells a publisher how their ?accent= was adjusted for
	// contrast; it goes in an HTML comment.
	AccentNote string
}

// shellIDs are the element ids the WebAssembly and boot.js look for.
type shellIDs struct{ Data, Zones, Words, Offline string }

var ids = shellIDs{Data: shell.DataID, Zones: shell.ZonesID, Words: shell.WordsID, Offline: shell.OfflineID}

// RenderStory renders the page of a story at a state, with options (as
// widget.ParseURL reads them from the page's address); origin
// is the site's public address (see Server.origin), "" when unknown, and
// live says the page is served by this server, not exported for a static
// host, which has no oEmbed endpoint to announce.
func (s *Site) RenderStory(e *repo.Entry, st widget.State, o widget.Options, origin string, live bool) (*Page, error) {
	b, err := s.renderStory(e, st, o, origin, live, nil)
	if err != nil {
		return nil, err
	}
	return NewPage(b, 6)
}

// renderStory is RenderStory's HTML, not yet compressed: a static host's
// file list compresses it (or not) as its host stores it.
func (s *Site) renderStory(e *repo.Entry, st widget.State, o widget.Options, origin string, live bool, quote *story.Quote) ([]byte, error) {
	words := s.Words(e.Story, o)
	w := widget.New(e.Story, st, o, words)
	w.LinkFiles(s.root)
	opts := w.Options()
	wordsJSON, err := json.Marshal(words)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = templates["shell.html"].Execute(&b, shellData{
		Lang:        string(words.Lang),
		Dir:         words.Dir(),
		Theme:       opts.Theme,
		Embed:       opts.Embed,
		Title:       e.Story.Title,
		Description: e.Story.Dek.PlainText(),
		StoryID:     string(e.Story.ID),
		Meta:        s.meta(e, origin, live, quote),
		Root:        s.root,
		CSS:         s.assets.URL("explainer.css"),
		Style:       s.style,
		Icon:        s.assets.URL("favicon.svg"),
		Boot:        s.assets.URL("boot.js"),
		Exec:        s.assets.URL("wasm_exec.js"),
		Wasm:        s.assets.URL("app.wasm"),
		Preload:     !opts.Embed && !opts.NoWasm,
		Live:        live,
		Version:     s.version,
		JSONURL:     urls.StoryJSON(s.root, e.Story.ID),
		Widget:      template.HTML(widget.Prerender(w)),
		Data:        template.JS(e.JSON), // json.Marshal escapes <, > and &
		Zones:       template.JS(e.Zones),
		Words:       template.JS(wordsJSON), // json.Marshal escapes <, > and &
		Offline:     words.T("notice.offline"),
		IDs:         ids,
		ShareWidth:  ShareWidth,
		ShareHeight: ShareHeight,
		AccentNote:  widget.AccentNote(opts),
	})
	if err != nil {
		return nil, fmt.Errorf("rendering %s: %w", e.Story.ID, err)
	}
	if b.Len() > MaxPageBytes {
		return nil, fmt.Errorf("rendering %s: the page is %d bytes, over the %d a page may be", e.Story.ID, b.Len(), MaxPageBytes)
	}
	return b.Bytes(), nil
}

// StoryPath is where a story's page lives: the default story at the root
// when it is the only one.
func (s *Site) StoryPath(id story.ID) string {
	if s.single {
		return s.root + "/"
	}
	return urls.StoryPage(s.root, id)
}

// StoryURL is the absolute address of a story's page, percent-encoded,
// as headers and meta tags need it (a base URL's path may hold anything).
func (s *Site) StoryURL(origin string, id story.ID) string {
	return origin + (&url.URL{Path: s.StoryPath(id)}).EscapedPath()
}

// PageKey identifies a rendering: the story version and the state and
// options written in their normal form (unknown values gone, defaults
// left out, keys in order), so that equivalent URLs share one cache
// entry. st and o are as widget.ParseURL reads them, once per request.
func PageKey(e *repo.Entry, st widget.State, o widget.Options, origin string) string {
	return origin + " " + string(e.Story.ID) + e.ETag + widget.Query(st, o, i18n.Locale(e.Story.Language), "")
}

// Check is what the site does with a story file before it serves it —
// parse, validate, gather its zones, and make sure its pages fit — so
// that `explainer validate` passes exactly the files that are served.
func Check(name string, data []byte) (*story.Story, error) {
	return repo.Check(name, data, FitsInPage)
}

// Words are what the widget says around a story, in the language it
// speaks for these options: the reader's ?lang=, else the story's; the
// built-in catalogues, without a publisher's (Site.Words).
func Words(s *story.Story, o widget.Options) *i18n.Pack {
	p, _ := i18n.Lookup(o.Language(s))
	return p
}

// Words are what the widget says around a story on this site: as the
// package's Words, with the publisher's catalogues over the built-in ones.
func (s *Site) Words(st *story.Story, o widget.Options) *i18n.Pack {
	p, _ := i18n.LookupWith(o.Language(st), s.words)
	return p
}

// KnownLanguage drops a reader's ?lang= that the widget has no words for,
// so that such addresses share the story's page (and its cache entry)
// instead of each making its own.
//
// A tag it keeps is written in its normal form, of the parts that change
// the page (language, script, region, and Latin digits): en-gb, EN-GB
// and es-x-anything are en-GB and es, one page each.
func (s *Site) KnownLanguage(o widget.Options) widget.Options {
	if o.Lang == "" {
		return o
	}
	if _, ok := i18n.LookupWith(o.Lang, s.words); !ok {
		o.Lang = ""
		return o
	}
	o.Lang = normalTag(o.Lang)
	return o
}

// normalTag is a tag's language, script and region in their canonical
// case, and -u-nu-latn when it asks for Latin digits.
func normalTag(tag i18n.Locale) i18n.Locale {
	t, err := language.Parse(string(tag))
	if err != nil {
		return tag
	}
	base, _ := t.Base()
	parts := []any{base}
	if script, c := t.Script(); c == language.Exact {
		parts = append(parts, script)
	}
	if region, c := t.Region(); c == language.Exact {
		parts = append(parts, region)
	}
	n, err := language.Compose(parts...)
	if err != nil {
		return tag
	}
	out := n.String()
	if t.TypeForKey("nu") == "latn" {
		out += "-u-nu-latn"
	}
	return i18n.Locale(out)
}

// RenderQuoteShare renders a quote's share page: the story's page at the
// quote's event, whose unfurl on social sites is the quote's card (its
// image, its words, its own address), so that a reader who follows it
// reads the quote in its story.
func (s *Site) RenderQuoteShare(e *repo.Entry, quote story.Ref, origin string, live bool) (*Page, error) {
	q := e.Story.Quote(quote)
	if q == nil {
		return nil, errNoQuote
	}
	st, o := widget.Resolve(e.Story, widget.State{Event: q.Event}, widget.Options{})
	b, err := s.renderStory(e, st, o, origin, live, q)
	if err != nil {
		return nil, err
	}
	return NewPage(b, 6)
}
