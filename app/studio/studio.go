// Package studio is the server side of the studio, where graphics editors
// make and fix stories in the browser: it lists, reads, checks, imports
// and saves the story files of one folder (or one file), over a small
// JSON API under /studio/api/.
//
// Saving is safe by construction: a save names the version it was made
// from and fails with a conflict if the file has changed on disk since;
// files are written whole or not at all, only inside the folder, never
// through a link; every request that changes something carries the
// session's CSRF token; a browser holds a signed session that expires,
// never the edit token; and without an edit token the studio answers
// loopback only, to a Host that names loopback (so that a web page cannot
// reach it by DNS rebinding).
package studio

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"explainer/app/i18n"
	"explainer/app/internal/httpjson"
	"explainer/app/internal/slots"
	"explainer/app/repo"
	"explainer/app/story"
	"explainer/app/studio/api"
	"explainer/app/timelinejs"
)

// Config says what the studio edits and who may.
type Config struct {
	// Path is a story file, or a folder of them.
	Path string
	// Token, when set, is what a request must carry (Authorization:
	// Bearer), or the session cookie the token's link leads to, and lets
	// the studio answer beyond loopback: for a newsroom's own network,
	// behind its proxy.
	Token string
	// Work bounds the checks, imports and saves done at once (each parses
	// up to a story's size of text); more wait, a few, and past that are
	// answered 503. 0 means one per processor.
	Work int
	// Check is the check the server loads a story file with, and
	// explainer validate reports (site.Check): the studio saves only what
	// passes it, so that what it saves is served. Required; the studio
	// cannot reach it itself, since the site is built above the studio.
	Check func(name string, data []byte) (*story.Story, error)
	// Served, when set, is the site's stories (*repo.Store): the studio
	// shows beside a live story where readers' version was read from and
	// why the sheet's last edit is not live, and compares the next
	// refresh with it. Without it, the studio still reads sheets.
	Served Served
	Logger *slog.Logger
}

// Studio serves the studio's API.
type Studio struct {
	// saved, when set, is told of each file saved, so that the site
	// serves it at once (see OnSave).
	saved    func(name string)
	files    *folder
	served   Served
	csrf     string
	token    string
	sessions sessions
	work     *slots.Slots
	// root is the site's path under its domain ("/graphics"), where the
	// session cookie must be sent; httpsHost is the site's public host
	// when it is served over https (see Mount).
	root      string
	httpsHost string
	logger    *slog.Logger
}

// cookieName holds a session once a browser has presented the edit
// token (never the token itself: see sessions).
const cookieName = "explainer_studio"

// waitingPerSlot is how many checks, imports or saves may wait for each
// slot, as for the server's renders. Waiting costs little: the body is
// read once a slot is had.
const waitingPerSlot = 8

// maxBody bounds a request: a story's size of text, as JSON, where every
// byte may be one that JSON writes as six (a control character, \u0001),
// and room for the rest of the object. The text itself is held to
// story.MaxFileSize, as explainer validate and import hold files: a text
// within it always reaches that check, and its answer.
const maxBody = 6*story.MaxFileSize + 64<<10

// New opens the studio on a file or a folder.
func New(cfg Config) (*Studio, error) {
	fi, err := os.Stat(cfg.Path)
	if err != nil {
		return nil, err
	}
	dir, only := cfg.Path, ""
	if !fi.IsDir() {
		dir, only = filepath.Dir(cfg.Path), filepath.Base(cfg.Path)
	}
	files, err := repo.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	return Open(files, only, cfg)
}

// Open is New on a folder already open: the program opens the stories
// folder once, for the site it serves and the studio that edits it.
// only, when set, is the one file of it the studio edits; cfg.Path is
// not read.
func Open(files *repo.Dir, only string, cfg Config) (*Studio, error) {
	if cfg.Check == nil {
		return nil, errors.New("the studio needs the server's check of a story file (Config.Check)")
	}
	f := &folder{files: files, only: only, check: cfg.Check}
	if only != "" {
		if err := f.checkName(only); err != nil {
			return nil, fmt.Errorf("%s: %w", only, err)
		}
	}
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return nil, err
	}
	sess, err := newSessions()
	if err != nil {
		return nil, err
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	n := cfg.Work
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	return &Studio{files: f, served: cfg.Served, csrf: base64.RawURLEncoding.EncodeToString(b), token: cfg.Token, sessions: sess,
		work: slots.New(n, n*waitingPerSlot), logger: log}, nil
}

// Mount tells the studio where the site is served: root is its path
// under the domain ("" or "/graphics"), so that the session cookie is
// sent to the studio's pages there; httpsHost, the site's host when its
// -base-url is https ("" otherwise), so that the cookie of a request to
// that host is only ever sent encrypted (see secure). The server calls
// it before serving.
func (s *Studio) Mount(root, httpsHost string) { s.root, s.httpsHost = root, httpsHost }

// secure reports whether r came over https, so that the session cookie
// is never sent in the clear after: TLS here, a proxy's word for it, or
// the request naming the site's https host (a proxy that ends TLS and
// says nothing). The site's being on https is not enough: an editor may
// reach the studio itself over plain http (explainer edit on a
// newsroom's network), where a browser drops a Secure cookie and the
// login would fail for good.
func (s *Studio) secure(r *http.Request) bool {
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		return true
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return s.httpsHost != "" && strings.EqualFold(host, s.httpsHost)
}

// OnSave has f told of each story file saved, before the save is
// answered: the server that serves the folder reloads it then, so that
// the story's page and embed code are there as soon as the studio says
// it is saved (the studio's page asks for the embed code once, at the
// answer).
func (s *Studio) OnSave(f func(name string)) { s.saved = f }

// Handler serves the API under /studio/api/ and, when page is not nil,
// the studio's page at /studio/, behind the same guard.
func (s *Studio) Handler(page http.Handler) http.Handler {
	mux := http.NewServeMux()
	if page != nil {
		mux.Handle("GET /studio/{$}", page)
	}
	mux.HandleFunc("GET "+api.SessionPath, s.session)
	mux.HandleFunc("GET "+api.FilesPath, s.listFiles)
	mux.HandleFunc("GET "+api.FilesPath+"/{name}", s.readFile)
	mux.HandleFunc("PUT "+api.FilesPath+"/{name}", s.saveFile)
	mux.HandleFunc("POST "+api.CheckPath, s.check)
	mux.HandleFunc("POST "+api.ImportPath, s.importTimeline)
	mux.HandleFunc("POST "+api.SheetPath, s.previewSheet)
	mux.HandleFunc("POST "+api.RefreshPath, s.refresh)
	mux.HandleFunc("GET "+api.LivePath, s.liveStatus)
	mux.HandleFunc("GET "+api.WordsPath, s.words)
	mux.HandleFunc("GET "+api.LanguagesPath, s.languages)
	return s.guard(mux)
}

// guard lets a request through only from where the studio may be used.
func (s *Studio) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
		switch {
		case s.token == "" && !(loopbackPeer(r.RemoteAddr) && loopbackHost(r.Host)):
			// Without a token, the studio is the editor's own: a request
			// from elsewhere, or to a name that is not loopback (a page
			// whose domain was pointed at 127.0.0.1), is refused.
			httpjson.Write(w, http.StatusForbidden, api.Failure{Message: "the studio answers on loopback only; start it with an edit token to share it"})
			return
		case s.token != "" && s.tokenLink(w, r):
			return
		case s.token != "" && !s.authorised(r):
			httpjson.Write(w, http.StatusUnauthorized, api.Failure{Message: "an edit token is needed: open the studio's link again (sessions last " + sessionLife.String() + ")"})
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			if !sameOrigin(r) || subtle.ConstantTimeCompare([]byte(r.Header.Get(api.CSRFHeader)), []byte(s.csrf)) != 1 {
				httpjson.Write(w, http.StatusForbidden, api.Failure{Message: "the request lacks the session's CSRF token, or comes from another site"})
				return
			}
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		next.ServeHTTP(w, r)
	})
}

// authorised checks the edit token, from the header (for tools), or the
// session the token's link started, from the cookie.
func (s *Studio) authorised(r *http.Request) bool {
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) == 1
	}
	c, err := r.Cookie(cookieName)
	return err == nil && s.sessions.valid(c.Value)
}

// tokenLink takes the edit token from the address of the studio's page
// (the link explainer serve -edit prints), starts a session in the
// cookie, and sends the browser on to the address without the token, so
// that it stays out of the history and of what is shared.
func (s *Studio) tokenLink(w http.ResponseWriter, r *http.Request) bool {
	t := r.URL.Query().Get("token")
	if t == "" || r.Method != http.MethodGet || subtle.ConstantTimeCompare([]byte(t), []byte(s.token)) != 1 {
		return false
	}
	http.SetCookie(w, &http.Cookie{
		Name:  cookieName,
		Value: s.sessions.start(),
		// The studio's path on the site: under a sub-path, the browser
		// is at /graphics/studio/, and a cookie for /studio/ would never
		// come back.
		Path:     (&url.URL{Path: s.root + "/studio/"}).EscapedPath(),
		MaxAge:   int(sessionLife.Seconds()),
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
		Secure:   s.secure(r),
	})
	q := r.URL.Query()
	q.Del("token")
	// Relative, so that it holds under a site's sub-path too.
	to := "./"
	if len(q) > 0 {
		to += "?" + q.Encode()
	}
	w.Header().Set("Location", to)
	w.WriteHeader(http.StatusSeeOther)
	return true
}

func loopbackPeer(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// sameOrigin refuses a request a browser says comes from another site.
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	if o := r.Header.Get("Origin"); o != "" {
		return strings.TrimPrefix(strings.TrimPrefix(o, "http://"), "https://") == r.Host
	}
	return true
}

// problems places what a check found as explainer validate places it.
func problems(err error) []api.Problem {
	var list story.ErrorList
	if errors.As(err, &list) {
		out := make([]api.Problem, len(list))
		for i, e := range list {
			out[i] = api.Problem{Line: e.Line, Column: e.Col, Path: e.Path, Message: e.Msg, Hint: e.Hint}
		}
		return out
	}
	return []api.Problem{{Message: err.Error()}}
}

// readJSON reads a request's JSON object into v, whose text (the story
// or timeline it carries) may be no larger than a story file. It answers
// the request itself when it fails: 413 for a body or text too large,
// 400 for one that is not the object.
func readJSON(w http.ResponseWriter, r *http.Request, v any, text func() string) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig), err == nil && len(text()) > story.MaxFileSize:
		httpjson.Write(w, http.StatusRequestEntityTooLarge, api.Failure{Message: fmt.Sprintf("the text is larger than the %d MiB a story file may be (explainer validate and import refuse it too): split it", story.MaxFileSize>>20)})
		return false
	case err != nil:
		httpjson.Write(w, http.StatusBadRequest, api.Failure{Message: "the request is not the JSON object expected: " + err.Error()})
		return false
	}
	return true
}

// readBody takes a slot of work (startWork), then reads the request's
// body (readJSON), whose text is text(body). It answers the request
// itself when either fails; else the caller releases the slot.
func readBody[T any](s *Studio, w http.ResponseWriter, r *http.Request, text func(*T) string) (body *T, release func(), ok bool) {
	release, ok = s.startWork(w, r)
	if !ok {
		return nil, nil, false
	}
	body = new(T)
	if !readJSON(w, r, body, func() string { return text(body) }) {
		release()
		return nil, nil, false
	}
	return body, release, true
}

// startWork takes one of the slots for checks, imports and saves, before
// the body is read, so that requests waiting hold no text. When the slots
// and the queue are full it answers 503 with Retry-After itself.
func (s *Studio) startWork(w http.ResponseWriter, r *http.Request) (release func(), ok bool) {
	release, err := s.work.Take(r.Context())
	switch {
	case errors.Is(err, slots.ErrBusy):
		w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
		httpjson.Write(w, http.StatusServiceUnavailable, api.Failure{Message: "the studio's server is busy with other checks, imports, saves and listings: try again in a moment"})
		return nil, false
	case err != nil:
		return nil, false // the request ended while waiting
	}
	// The server's read timeout runs from the request's first byte: time
	// spent waiting for the slot would be taken from the body's reading,
	// and a save queued behind others fail half read. The body gets its
	// own time from now. (A connection that cannot take deadlines, in a
	// test's recorder, reads without.)
	http.NewResponseController(w).SetReadDeadline(time.Now().Add(bodyReadTimeout))
	return release, true
}

// bodyReadTimeout is how long a check's, an import's or a save's body
// may take to arrive once its turn has come: a story at the cap, as JSON,
// over a slow office connection.
const bodyReadTimeout = 2 * time.Minute

// retryAfter is the seconds a busy answer asks the browser to wait.
const retryAfter = 2

func (s *Studio) session(w http.ResponseWriter, r *http.Request) {
	httpjson.Write(w, http.StatusOK, api.SessionInfo{CSRF: s.csrf, Single: s.files.only != ""})
}

func (s *Studio) listFiles(w http.ResponseWriter, r *http.Request) {
	// The list parses every story in the folder: as much work as many
	// checks, and bounded with them.
	release, ok := s.startWork(w, r)
	if !ok {
		return
	}
	defer release()
	list, err := s.files.list()
	if err != nil {
		s.logger.Error("studio: listing the folder", "err", err)
		httpjson.Write(w, http.StatusInternalServerError, api.Failure{Message: "the folder could not be read"})
		return
	}
	if s.served != nil {
		// What the site says of each file now: not cached with the
		// list, since a sheet fails or comes back without the file
		// changing.
		why := map[string]string{}
		for _, p := range s.served.Problems() {
			why[p.File] = strings.TrimPrefix(why[p.File]+"\n"+p.Err.Error(), "\n")
		}
		for i := range list {
			list[i].Problem = why[list[i].Name]
		}
	}
	httpjson.Write(w, http.StatusOK, api.List{Files: list})
}

func (s *Studio) readFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	data, err := s.files.read(name)
	if err != nil {
		s.fileError(w, err)
		return
	}
	httpjson.Write(w, http.StatusOK, api.File{Name: name, Version: version(data), Text: string(data)})
}

func (s *Studio) fileError(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, errNotFound):
		httpjson.Write(w, http.StatusNotFound, api.Failure{Message: err.Error()})
	case errors.Is(err, errName):
		httpjson.Write(w, http.StatusBadRequest, api.Failure{Message: err.Error()})
	case errors.Is(err, repo.ErrNotRead):
		// A link, a hard link, not a file: the reason names nothing from
		// outside the folder.
		httpjson.Write(w, http.StatusForbidden, api.Failure{Message: err.Error()})
	default:
		s.logger.Error("studio: file", "err", err)
		httpjson.Write(w, http.StatusInternalServerError, api.Failure{Message: "the file could not be read or written"})
	}
}

// saveFile writes a story the editor made: checked as the server loads
// it and explainer validate checks it (Config.Check; a story with
// problems is not saved: the server would go on serving the last good
// version, and the editor would not know), then written in the format
// people diff, if the file is still the version the editor opened.
func (s *Studio) saveFile(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	body, release, ok := readBody(s, w, r, func(b *api.File) string { return b.Text })
	if !ok {
		return
	}
	defer release()
	if _, err := s.files.checkStory(name, []byte(body.Text)); err != nil {
		httpjson.Write(w, http.StatusUnprocessableEntity, api.Failure{Message: "the story has problems: fix them, then save", Problems: problems(err)})
		return
	}
	data, err := format([]byte(body.Text))
	if err != nil {
		httpjson.Write(w, http.StatusUnprocessableEntity, api.Failure{Message: err.Error()})
		return
	}
	v, current, err := s.files.save(name, data, body.Version)
	switch {
	case errors.Is(err, errConflict), errors.Is(err, errExists):
		httpjson.Write(w, http.StatusConflict, api.Failure{Message: err.Error(), Version: version(current), Text: string(current)})
		return
	case err != nil:
		s.fileError(w, err)
		return
	}
	s.logger.Info("studio: saved", "file", name, "version", v)
	if s.saved != nil {
		s.saved(name)
	}
	httpjson.Write(w, http.StatusOK, api.File{Name: name, Version: v, Text: string(data)})
}

// check answers with the problems of a story, as explainer validate
// reports them: the server's whole check, the page's size too (the
// studio's page checks the story's own rules in the browser as the
// editor types, and its save meets this check).
func (s *Studio) check(w http.ResponseWriter, r *http.Request) {
	body, release, ok := readBody(s, w, r, func(b *api.File) string { return b.Text })
	if !ok {
		return
	}
	defer release()
	name := body.Name
	if name == "" {
		name = "story.json"
	}
	ps := []api.Problem{}
	if _, err := s.files.checkStory(name, []byte(body.Text)); err != nil {
		ps = problems(err)
	}
	httpjson.Write(w, http.StatusOK, api.Checked{Problems: ps})
}

// importTimeline converts a TimelineJS file dropped on the studio.
func (s *Studio) importTimeline(w http.ResponseWriter, r *http.Request) {
	body, release, ok := readBody(s, w, r, func(b *api.Import) string { return b.Text })
	if !ok {
		return
	}
	defer release()
	opt := timelinejs.Options{Zone: story.Zone(body.Zone), Lang: story.Lang(body.Lang)}
	if body.Base != "" {
		u, err := url.Parse(body.Base)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			httpjson.Write(w, http.StatusBadRequest, api.Failure{Message: fmt.Sprintf("where the pictures live, %q, is not an http(s) address such as https://example.com/pictures/", body.Base)})
			return
		}
		opt.Base = u
	}
	res, err := timelinejs.Convert(filepath.Base(body.Name), []byte(body.Text), opt)
	if err != nil {
		var list timelinejs.Errors
		ps := []api.Problem{{Message: err.Error()}}
		if errors.As(err, &list) {
			ps = ps[:0]
			for _, p := range list {
				ps = append(ps, importProblem(p))
			}
		}
		httpjson.Write(w, http.StatusUnprocessableEntity, api.Failure{Message: "the timeline could not be imported", Problems: ps})
		return
	}
	warnings := make([]api.Problem, len(res.Warnings))
	for i, p := range res.Warnings {
		warnings[i] = importProblem(p)
	}
	httpjson.Write(w, http.StatusOK, api.Imported{Text: string(res.JSON), Warnings: warnings})
}

// importProblem places an importer's warning or error as the studio
// places validation problems.
func importProblem(p timelinejs.Problem) api.Problem {
	return api.Problem{Line: p.Line, Column: p.Col, Path: p.Where, Message: p.Msg, Field: p.Field}
}

// words answers the widget's words in a language, for the preview of a
// story in it: English when the widget does not speak it, as a page
// would be.
func (s *Studio) words(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	if !story.Lang(lang).Valid() {
		httpjson.Write(w, http.StatusBadRequest, api.Failure{Message: fmt.Sprintf("%q is not a language tag such as en or uk", lang)})
		return
	}
	p, _ := i18n.Lookup(i18n.Locale(lang))
	httpjson.Write(w, http.StatusOK, p)
}
