package server

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"

	"explainer/app/internal/urls"
	"explainer/app/repo"
	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/widget"
)

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+urls.Home+"{$}", s.handle(s.serveHome))
	mux.HandleFunc("GET "+urls.StoryFilePattern, s.handle(s.serveStoryFile))
	mux.HandleFunc("GET "+urls.StoryPagePattern, s.handle(s.serveStoryPage))
	mux.HandleFunc("GET "+urls.AssetPattern, s.handle(s.serveAsset))
	mux.HandleFunc("GET "+urls.Schema, s.handle(s.serveSchema))
	mux.HandleFunc("GET "+urls.Health, s.handle(s.serveHealth))
	mux.HandleFunc("GET "+urls.OEmbed, s.handle(s.serveOEmbed))
	mux.HandleFunc("GET "+urls.EmbedPattern, s.handle(s.serveEmbedPage))
	mux.HandleFunc("GET "+urls.ShareImagePattern, s.handle(s.serveShareImage))
	mux.HandleFunc("GET "+urls.QuoteFilePattern, s.handle(s.serveQuoteFile))
	mux.HandleFunc("GET "+urls.QuoteSharePattern, s.handle(s.serveQuoteShare))
	mux.HandleFunc("GET "+urls.PrintPattern, s.handle(s.servePrint))
	mux.HandleFunc("GET "+urls.Demo, s.handle(s.serveDemo))
	if s.studio != nil {
		h := s.studio.Handler(s.handle(s.serveStudioPage))
		for _, method := range []string{"GET", "PUT", "POST"} {
			mux.Handle(method+" "+urls.Studio, h)
		}
	}
	mux.HandleFunc("GET "+urls.Home, s.handle(notFound)) // other methods get 405 from the mux
	var h http.Handler = mux
	if s.site.Root() != "" {
		h = s.underRoot(mux)
	}
	return s.recoverPanics(secure(h))
}

// underRoot serves the site under the path of its base URL: /graphics
// goes to /graphics/, and anything outside it gets the 404 page.
func (s *Server) underRoot(mux http.Handler) http.Handler {
	outside := s.handle(notFound)
	root := s.site.Root()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == root:
			http.Redirect(w, r, (&url.URL{Path: root + "/"}).EscapedPath(), http.StatusMovedPermanently)
		case strings.HasPrefix(r.URL.Path, root+"/"):
			// http.StripPrefix compares the raw path too, which a quote or
			// a space in the prefix keeps from matching: strip the
			// decoded path and let it stand for itself.
			p := strings.TrimPrefix(r.URL.Path, root)
			// The mux would answer /graphics/s//x with a redirect to its
			// own clean path, /s/x, outside the sub-path: clean it here.
			if c := cleanPath(p); c != p {
				to := (&url.URL{Path: root + c}).EscapedPath()
				if r.URL.RawQuery != "" {
					to += "?" + r.URL.RawQuery
				}
				http.Redirect(w, r, to, http.StatusMovedPermanently)
				return
			}
			r2 := r.Clone(r.Context())
			r2.URL.Path = p
			r2.URL.RawPath = ""
			mux.ServeHTTP(w, r2)
		default:
			outside(w, r)
		}
	})
}

// cleanPath is p without . and .. elements or doubled slashes, keeping a
// final slash, as http.ServeMux would redirect to.
func cleanPath(p string) string {
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c
}

func notFound(http.ResponseWriter, *http.Request) error { return errNotFound }

// serveHome is the built-in story, or the index of a stories folder.
func (s *Server) serveHome(w http.ResponseWriter, r *http.Request) error {
	if !s.site.Single() {
		n, err := strconv.Atoi(r.URL.Query().Get("page"))
		if err != nil || n < 1 {
			n = 1
		}
		entries, version := s.site.Stories().ListVersion()
		pages := max(1, (len(entries)+site.IndexPageSize-1)/site.IndexPageSize)
		if n > pages {
			return errNotFound
		}
		key := fmt.Sprintf("index %d %d", version, n)
		return s.sendPage(w, r, key, func() (*site.Page, error) {
			body, err := s.site.IndexPage(entries, n, site.IndexPageSize)
			if err != nil {
				return nil, err
			}
			return site.NewPage(body, 6)
		})
	}
	return s.serveStory(w, r, s.site.Stories().List()[0])
}

func (s *Server) serveStoryPage(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.site.Stories().Get(story.ID(r.PathValue("id")))
	if !ok {
		return errNotFound
	}
	return s.serveStory(w, r, e)
}

// serveStory sends the prerendered page of a story.
func (s *Server) serveStory(w http.ResponseWriter, r *http.Request, e *repo.Entry) error {
	origin := s.origin(r)
	st, o := widget.ParseURL(e.Story, r.URL.Query()) // once: the key and a render use it
	o = s.site.KnownLanguage(o)
	p, err := s.pages.get(r.Context(), site.PageKey(e, st, o, origin), func() (*site.Page, error) { return s.site.RenderStory(e, st, o, origin, true) })
	if err != nil {
		return err
	}
	// no-cache: browsers revalidate, so a correction shows at once. The
	// Link header lets oEmbed consumers that read headers find the
	// endpoint without parsing the page.
	if origin != "" {
		w.Header().Add("Link", "<"+s.site.OEmbedURL(origin, s.site.StoryURL(origin, e.Story.ID))+`>; rel="alternate"; type="application/json+oembed"`)
	}
	s.send(w, r, response{ctype: site.HTMLType, cache: site.CacheRevalidate, etag: p.ETag, body: p.Encoded, document: true})
	return nil
}

// serveStoryFile answers /s/{id}.json with the story data and
// /s/{id}.csv with its sheet, and redirects /s/{id} to the page at
// /s/{id}/.
func (s *Server) serveStoryFile(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("name")
	id, isJSON := strings.CutSuffix(name, ".json")
	if csvID, isCSV := strings.CutSuffix(name, ".csv"); isCSV {
		return s.serveStoryCSV(w, r, csvID)
	}
	e, ok := s.site.Stories().Get(story.ID(id))
	if !ok {
		return errNotFound
	}
	if !isJSON {
		to := (&url.URL{Path: urls.StoryPage(s.site.Root(), id)}).EscapedPath()
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery // the reader's state goes along
		}
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return nil
	}
	body, err := e.Encoded()
	if err != nil {
		return err
	}
	s.send(w, r, response{ctype: "application/json", cache: site.CacheRevalidate, etag: e.ETag, body: body, public: true})
	return nil
}

// serveStoryCSV sends a story's events as a TimelineJS sheet, to be
// saved rather than shown; made once a version of the story, cached as
// pages are.
func (s *Server) serveStoryCSV(w http.ResponseWriter, r *http.Request, id string) error {
	e, ok := s.site.Stories().Get(story.ID(id))
	if !ok {
		return errNotFound
	}
	p, err := s.pages.get(r.Context(), "csv "+id+e.ETag, func() (*site.Page, error) {
		body, err := site.StoryCSV(e.Story)
		if err != nil {
			return nil, err
		}
		return site.NewPage(body, 6)
	})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", site.Attachment(urls.StoryCSV("", id)))
	s.send(w, r, response{ctype: site.CSVType, cache: site.CacheRevalidate, etag: p.ETag, body: p.Encoded, public: true})
	return nil
}

// servePrint sends a story's printable version, in the ?lang= asked for.
func (s *Server) servePrint(w http.ResponseWriter, r *http.Request) error {
	e, ok := s.site.Stories().Get(story.ID(r.PathValue("id")))
	if !ok {
		return errNotFound
	}
	origin := s.origin(r)
	_, o := widget.ParseURL(e.Story, r.URL.Query())
	o = s.site.KnownLanguage(o)
	lang := o.Language(e.Story)
	return s.sendPage(w, r, "print "+origin+" "+string(e.Story.ID)+e.ETag+" "+string(lang), func() (*site.Page, error) {
		body, err := s.site.PrintPage(e, widget.Options{Lang: lang}, origin)
		if err != nil {
			return nil, err
		}
		return site.NewPage(body, 6)
	})
}

// sendPage sends an HTML page of the site, rendered once per key and kept
// in the page cache; browsers revalidate (no-cache), so a correction
// shows at once.
func (s *Server) sendPage(w http.ResponseWriter, r *http.Request, key string, render func() (*site.Page, error)) error {
	p, err := s.pages.get(r.Context(), key, render)
	if err != nil {
		return err
	}
	s.send(w, r, response{ctype: site.HTMLType, cache: site.CacheRevalidate, etag: p.ETag, body: p.Encoded, document: true})
	return nil
}

func (s *Server) serveSchema(w http.ResponseWriter, r *http.Request) error {
	s.send(w, r, response{ctype: "application/schema+json", cache: site.CacheRevalidate, etag: s.schema.ETag, body: s.schema.Encoded, public: true})
	return nil
}

// serveHealth reports liveness, and which story files are not being
// served as saved (their last good version is).
func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) error {
	var b strings.Builder
	b.WriteString("ok\n")
	// File names and their errors are for the newsroom, not the public:
	// only with -health-details, or to a request with the token.
	if !s.healthDetailsFor(r) {
		s.send(w, r, response{ctype: "text/plain; charset=utf-8", cache: "no-store", body: encoded{Raw: []byte(b.String())}})
		return nil
	}
	for _, p := range s.site.Stories().Problems() {
		// One line per file, whatever its name holds: a newline in a
		// file name cannot forge another line. "stale": its last good
		// version is served; "not served": nothing of it is.
		state := "not served"
		if p.Stale {
			state = "stale"
		}
		first, _, _ := strings.Cut(p.Err.Error(), "\n")
		b.WriteString(state + ": " + oneLine(p.File) + ": " + oneLine(first) + "\n")
	}
	// TimelineJS files served as converted, and live stories, with what
	// the conversion could not keep, so that the newsroom knows what to
	// fix.
	const shown = 20
	warnings := func(list []string, rest string) {
		for i, w := range list {
			if i == shown {
				b.WriteString("warning: and " + strconv.Itoa(len(list)-shown) + " more: " + rest + "\n")
				break
			}
			b.WriteString("warning: " + oneLine(w) + "\n")
		}
	}
	for _, e := range s.site.Stories().List() {
		if e.Converted != nil {
			b.WriteString("converted: " + oneLine(e.File) + ": TimelineJS, " + strconv.Itoa(len(e.Converted)) + " warnings\n")
			warnings(e.Converted, "explainer import "+oneLine(e.File)+" lists them all")
		}
		if l := e.Live(); l != nil {
			from := "read at "
			if l.Cached {
				from = "kept from before the start, read at "
			}
			b.WriteString("live: " + oneLine(e.File) + ": " + oneLine(l.URL) + ", " + from + l.Read.UTC().Format(time.RFC3339) + ", " + strconv.Itoa(len(l.Warnings)) + " warnings\n")
			warnings(l.Warnings, "explainer validate "+oneLine(e.File)+" lists them all")
		}
	}
	// Each live source once, however many stories name it.
	for _, r := range s.site.Stories().Sources() {
		line := "source: " + oneLine(r.URL) + ": " + strconv.Itoa(r.Reads) + " reads, " + strconv.Itoa(r.NotModified) + " not modified"
		if !r.Changed.IsZero() {
			line += ", changed " + r.Changed.UTC().Format(time.RFC3339)
		}
		if r.Err != nil {
			line += ", failing: " + oneLine(r.Err.Error())
		}
		if !r.Next.IsZero() {
			line += ", next " + r.Next.UTC().Format(time.RFC3339)
		}
		b.WriteString(line + "\n")
	}
	s.send(w, r, response{ctype: "text/plain; charset=utf-8", cache: "no-store", body: encoded{Raw: []byte(b.String())}})
	return nil
}

// healthDetailsFor reports whether a request may see which story files
// are not served.
func (s *Server) healthDetailsFor(r *http.Request) bool {
	if s.cfg.HealthDetails {
		return true
	}
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && s.cfg.HealthToken != "" && subtle.ConstantTimeCompare([]byte(token), []byte(s.cfg.HealthToken)) == 1
}

// oneLine writes text on one line: control characters (newlines, escape
// sequences a terminal would act on) as Go escapes.
func oneLine(text string) string {
	if !strings.ContainsFunc(text, unicode.IsControl) {
		return text
	}
	q := strconv.Quote(text)
	return q[1 : len(q)-1]
}

// serveStudioPage is the page the studio's WebAssembly runs in; the
// studio's guard has let the request through.
func (s *Server) serveStudioPage(w http.ResponseWriter, r *http.Request) error {
	b, err := s.site.StudioPage()
	if err != nil {
		return err
	}
	s.send(w, r, response{ctype: site.HTMLType, cache: "no-store", body: encoded{Raw: b}, document: true, editor: true})
	return nil
}

// serveAsset answers a request for a hashed asset URL: cached for a year,
// since a new build has new URLs.
func (s *Server) serveAsset(w http.ResponseWriter, r *http.Request) error {
	as := s.site.Assets().ByURL(r.URL.Path)
	if as == nil {
		return errNotFound
	}
	s.send(w, r, response{ctype: as.Type, cache: site.CacheImmutable, etag: as.ETag, body: as.Body, public: true})
	return nil
}
