// Package live keeps stories in step with the sources they name (a Google
// Sheet published to the web as CSV, a TimelineJS JSON file): it reads
// each source on a schedule, politely and within limits, and puts what it
// read together with the story file that names it (Merge). What the
// server serves is decided elsewhere (repo): a read that fails, or a
// source that no longer converts, leaves the last good version live.
package live

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"explainer/app/story"
)

// Config is how a Poller reads; the zero value is what a newsroom wants.
type Config struct {
	// Timeout bounds one read, from the request to the last byte; 0
	// means 30 s. A source that trickles is cut off, not waited on.
	Timeout time.Duration
	// MaxBytes bounds what is read of one answer; 0 means the most a
	// story file may be (story.MaxFileSize).
	MaxBytes int64
	// Fresh is how often a source without an interval of its own is
	// read while it changed within FreshFor, and Stale how often after
	// that: 0 means every minute for a day, then every hour, as
	// newsrooms expect of a chart that follows a sheet.
	Fresh, Stale, FreshFor time.Duration
	// MaxBackoff bounds the wait after failures, which doubles from the
	// source's interval at each failure in a row; 0 means an hour (or the
	// interval, if longer).
	MaxBackoff time.Duration
	// Client makes the requests; nil means one of the Poller's own,
	// which follows redirects (Google answers a published sheet's link
	// with one) and uses the environment's proxy.
	Client *http.Client
	Logger *slog.Logger
}

func (c Config) timeout() time.Duration  { return cmp(c.Timeout, 30*time.Second) }
func (c Config) fresh() time.Duration    { return cmp(c.Fresh, time.Minute) }
func (c Config) stale() time.Duration    { return cmp(c.Stale, time.Hour) }
func (c Config) freshFor() time.Duration { return cmp(c.FreshFor, 24*time.Hour) }
func (c Config) maxBytes() int64 {
	if c.MaxBytes > 0 {
		return c.MaxBytes
	}
	return story.MaxFileSize
}

func cmp(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Read is what a Poller knows of a source: the last answer it read
// whole, and how the last attempt went.
type Read struct {
	URL string
	// Body is the source's content as last read whole and, by its
	// checks, a sheet or a timeline (nil before the first); Sum is its
	// SHA-256, which changes exactly when it does.
	Body []byte
	Sum  [32]byte
	// Changed is when Body last changed (or was first read); Checked is
	// when the source last answered well, 304 included.
	Changed, Checked time.Time
	// Err is why the last attempt failed, nil if it did not; Failures
	// counts the attempts that failed in a row; Next is when the source
	// is read next.
	Err      error
	Failures int
	Next     time.Time
	// Reads and NotModified count the requests made and the 304s
	// answered, for /healthz and for tests that a quiet source costs no
	// work.
	Reads, NotModified int
}

// Poller reads sources on their schedules: one loop per source address,
// however many stories name it, so that one request at a time reaches
// it and two stories on one sheet cost one read.
type Poller struct {
	cfg    Config
	ctx    context.Context // set by Run; nil before
	client *http.Client
	log    *slog.Logger

	mu       sync.Mutex
	sources  map[string]*source
	onChange []func(url string)
}

// source is one address being read, by its own goroutine.
type source struct {
	url     string
	every   []time.Duration    // what each story that names it asks; 0: the default schedule
	stop    context.CancelFunc // nil until Run starts its loop
	reading sync.Mutex         // held for each request: one at a time
	wake    chan struct{}      // read now (every changed, or an editor asked)
	state   Read
	etag    string // validators of Body, for conditional requests
	modTag  string
	errKey  string // the last failure as logged, so that each is logged once
	// hintSum and hintChanged are what Hint said of the content before.
	hintSum     [32]byte
	hintChanged time.Time
}

// NewPoller returns a Poller that reads nothing until it is told what
// (Use) and run (Run, or Prime for one read of each).
func NewPoller(cfg Config) *Poller {
	client := cfg.Client
	if client == nil {
		client = &http.Client{}
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	return &Poller{cfg: cfg, client: client, log: log, sources: map[string]*source{}}
}

// Run reads the sources in use, and those used later, each on its
// schedule, until ctx ends.
func (p *Poller) Run(ctx context.Context) {
	p.mu.Lock()
	p.ctx = ctx
	for _, src := range p.sources {
		p.start(src)
	}
	p.mu.Unlock()
	<-ctx.Done()
}

// start begins a source's loop; p.mu is held, and Run has begun.
func (p *Poller) start(src *source) {
	ctx, stop := context.WithCancel(p.ctx)
	src.stop = stop
	go p.run(ctx, src)
}

// Prime reads at once, side by side, every source in use that has not
// been read yet, and returns when each has answered or failed: a server
// starting with a live story it has never read serves it from the start.
func (p *Poller) Prime(ctx context.Context) {
	p.mu.Lock()
	var todo []*source
	for _, src := range p.sources {
		if src.state.Reads == 0 {
			todo = append(todo, src)
		}
	}
	p.mu.Unlock()
	var wg sync.WaitGroup
	for _, src := range todo {
		wg.Go(func() {
			src.reading.Lock() // one request at a time, with its loop too
			defer src.reading.Unlock()
			if p.read(ctx, src) {
				p.changed(src.url)
			}
		})
	}
	wg.Wait()
}

func (p *Poller) changed(url string) {
	p.mu.Lock()
	fs := slices.Clone(p.onChange)
	p.mu.Unlock()
	for _, f := range fs {
		f(url)
	}
}

// OnChange calls f, on the reading goroutine, after each read that
// changed a source's content.
func (p *Poller) OnChange(f func(url string)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.onChange = append(p.onChange, f)
}

// Use sets the sources to read: for each address, the intervals the
// stories that name it ask (0 for the default schedule). A source no
// longer named stops being read, and what was read of it is forgotten;
// a new one is read at once.
func (p *Poller) Use(want map[string][]time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for url, src := range p.sources {
		if _, ok := want[url]; !ok {
			if src.stop != nil {
				src.stop()
			}
			delete(p.sources, url)
		}
	}
	for url, every := range want {
		if src, ok := p.sources[url]; ok {
			if !slices.Equal(src.every, every) {
				src.every = slices.Clone(every)
				src.poke()
			}
			continue
		}
		src := &source{url: url, every: slices.Clone(every), wake: make(chan struct{}, 1)}
		src.state.URL = url
		p.sources[url] = src
		if p.ctx != nil {
			p.start(src)
		}
	}
}

// Latest returns what is known of a source, and false for an address
// not in use.
func (p *Poller) Latest(url string) (Read, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	src, ok := p.sources[url]
	if !ok {
		return Read{}, false
	}
	return src.state, true
}

// All returns what is known of every source in use, by address.
func (p *Poller) All() []Read {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]Read, 0, len(p.sources))
	for _, src := range p.sources {
		out = append(out, src.state)
	}
	slices.SortFunc(out, func(a, b Read) int {
		switch {
		case a.URL < b.URL:
			return -1
		case a.URL > b.URL:
			return 1
		}
		return 0
	})
	return out
}

// Hint tells the poller what a source held before the process started
// (a cache kept it): content with sum, first read at changed. If the
// first read finds the same, the source counts as changed then, not now,
// so that a sheet unchanged for months is not read as often as a fresh
// one after every restart.
func (p *Poller) Hint(url string, sum [32]byte, changed time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if src, ok := p.sources[url]; ok && src.state.Body == nil {
		src.hintSum, src.hintChanged = sum, changed
	}
}

// Now reads a source at once, out of its schedule (an editor linking a
// sheet wants to see it now), and reports whether it is in use.
func (p *Poller) Now(url string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	src, ok := p.sources[url]
	if ok {
		src.poke()
	}
	return ok
}

func (s *source) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// run reads a source, then waits for its next turn, until it is no
// longer used.
func (p *Poller) run(ctx context.Context, src *source) {
	p.mu.Lock()
	read := src.state.Reads > 0 // primed: its next turn is a wait away
	p.mu.Unlock()
	for {
		if !read {
			src.reading.Lock()
			changed := p.read(ctx, src)
			src.reading.Unlock()
			if ctx.Err() != nil {
				return
			}
			if changed {
				p.changed(src.url)
			}
		}
		read = false
		select {
		case <-src.wake: // asked during the read, which answered it
		default:
		}
		p.mu.Lock()
		wait := p.wait(src)
		src.state.Next = time.Now().Add(wait)
		p.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		case <-src.wake:
			t.Stop()
		}
	}
}

// interval is how often a source is read when all is well: the shortest
// any story asks, where "the default" is often while the source is
// fresh and rarely after.
func (p *Poller) interval(src *source) time.Duration {
	def := p.cfg.stale()
	if src.state.Changed.IsZero() || time.Since(src.state.Changed) < p.cfg.freshFor() {
		def = p.cfg.fresh()
	}
	best := time.Duration(0)
	for _, e := range src.every {
		if e <= 0 {
			e = def
		}
		if best == 0 || e < best {
			best = e
		}
	}
	if best == 0 {
		best = def
	}
	return best
}

// wait is the time to the next read: the interval, give or take a tenth
// so that many servers on one sheet do not read it in step; after n
// failures in a row, the interval times 2^n, up to MaxBackoff, less a
// random part of up to half (jitter), so that a source coming back is
// not met by every reader at once. A Retry-After the source asked is
// honoured.
func (p *Poller) wait(src *source) time.Duration {
	iv := p.interval(src)
	if src.state.Failures == 0 {
		return jitter(iv, 0.1)
	}
	limit := max(cmp(p.cfg.MaxBackoff, time.Hour), iv)
	d := iv
	for i := 0; i < src.state.Failures && d < limit; i++ {
		d *= 2
	}
	d = min(d, limit)
	// Equal jitter: half the wait is kept, the other half drawn.
	d = d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
	var e *Error
	if errors.As(src.state.Err, &e) && e.retry > d {
		d = min(e.retry, 24*time.Hour)
	}
	return d
}

func jitter(d time.Duration, frac float64) time.Duration {
	span := int64(float64(d) * frac)
	if span <= 0 {
		return d
	}
	return d - time.Duration(span) + time.Duration(rand.Int64N(2*span+1))
}

// read makes one request, conditional when the source gave validators,
// and records how it went. It reports whether the content changed.
func (p *Poller) read(ctx context.Context, src *source) bool {
	p.mu.Lock()
	etag, mod := src.etag, src.modTag
	p.mu.Unlock()
	body, res, err := p.fetch(ctx, src.url, etag, mod)
	if ctx.Err() != nil {
		return false // no longer used, or stopping: nothing to record
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	st := &src.state
	st.Reads++
	if err != nil {
		st.Err = err
		st.Failures++
		if key := errorKey(err); key != src.errKey {
			src.errKey = key
			attrs := []any{"source", src.url, "reason", err.Error(), "failures", st.Failures}
			var e *Error
			if errors.As(err, &e) && e.Cause != nil {
				attrs = append(attrs, "cause", e.Cause.Error())
			}
			if st.Body != nil {
				attrs = append(attrs, "serving", "the version read at "+st.Changed.UTC().Format(time.RFC3339))
			}
			p.log.Warn("live source not read: the last good version stays", attrs...)
		}
		return false
	}
	if src.errKey != "" {
		p.log.Info("live source read again", "source", src.url, "after failures", st.Failures)
		src.errKey = ""
	}
	st.Err, st.Failures, st.Checked = nil, 0, time.Now()
	if res.StatusCode == http.StatusNotModified {
		st.NotModified++
		return false
	}
	src.etag, src.modTag = res.Header.Get("ETag"), res.Header.Get("Last-Modified")
	sum := sha256.Sum256(body)
	if st.Body != nil && sum == st.Sum {
		return false // read again whole, but the same
	}
	st.Body, st.Sum, st.Changed = body, sum, time.Now()
	if sum == src.hintSum && !src.hintChanged.IsZero() {
		st.Changed = src.hintChanged
	}
	return true
}

// fetch makes the request and reads the answer whole, within the time
// and size limits, and checks that it is a sheet or a timeline.
func (p *Poller) fetch(ctx context.Context, url, etag, mod string) ([]byte, *http.Response, error) {
	ctx, cancel := context.WithTimeout(ctx, p.cfg.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("Accept", "text/csv, application/json;q=0.9, text/plain;q=0.5")
	req.Header.Set("User-Agent", "explainer (live source)")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if mod != "" {
		req.Header.Set("If-Modified-Since", mod)
	}
	res, err := p.client.Do(req)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, nil, &Error{Kind: Timeout, Msg: fmt.Sprintf("no answer within %s", p.cfg.timeout())}
		}
		return nil, nil, networkError(err)
	}
	defer res.Body.Close()
	switch {
	case res.StatusCode == http.StatusNotModified && (etag != "" || mod != ""):
		return nil, res, nil
	case res.StatusCode != http.StatusOK:
		// Read a little of the error page, so that the connection can
		// carry the next read.
		io.CopyN(io.Discard, res.Body, 4<<10)
		return nil, nil, statusError(res)
	}
	limit := p.cfg.maxBytes()
	if res.ContentLength > limit {
		return nil, nil, &Error{Kind: TooLarge, Msg: fmt.Sprintf("%d bytes, more than the %d a source may be", res.ContentLength, limit)}
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, nil, &Error{Kind: Timeout, Msg: fmt.Sprintf("the answer took longer than %s: cut off", p.cfg.timeout())}
		}
		return nil, nil, &Error{Kind: Network, Msg: "the answer broke off before its end", Cause: err}
	}
	if int64(len(body)) > limit {
		return nil, nil, &Error{Kind: TooLarge, Msg: fmt.Sprintf("more than the %d bytes a source may be: cut off", limit)}
	}
	if isHTML(res.Header.Get("Content-Type"), body) {
		return nil, nil, &Error{Kind: NotASheet, Msg: "a web page in place of the sheet: is it still published to the web (File → Share → Publish to web, as CSV)?"}
	}
	return body, res, nil
}

// statusError says what an error status means for a sheet.
func statusError(res *http.Response) error {
	what := fmt.Sprintf("the source answered %s", res.Status)
	switch c := res.StatusCode; {
	case c == http.StatusUnauthorized || c == http.StatusForbidden:
		return &Error{Kind: Denied, Msg: what + ": the sheet is no longer published to the web, or no longer shared"}
	case c == http.StatusNotFound || c == http.StatusGone:
		return &Error{Kind: Gone, Msg: what + ": nothing at this address (the sheet was deleted, or its link changed)"}
	case c == http.StatusTooManyRequests || c == http.StatusServiceUnavailable:
		e := &Error{Kind: Unavailable, Msg: what + ": reading it less often"}
		ra := res.Header.Get("Retry-After")
		if s, err := strconv.Atoi(ra); err == nil && s > 0 {
			e.retry = time.Duration(s) * time.Second
		} else if t, err := http.ParseTime(ra); err == nil {
			e.retry = time.Until(t)
		}
		return e
	case c >= 500:
		return &Error{Kind: Unavailable, Msg: what + ": the source's server failed"}
	}
	return &Error{Kind: Refused, Msg: what}
}

// isHTML tells a web page (a sign-in page, an error page) from a sheet:
// by its type, or by its first character, since some servers call every
// answer text/plain.
func isHTML(ctype string, body []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		return false // JSON, whatever the server calls it
	}
	if mt, _, err := mime.ParseMediaType(ctype); err == nil && (mt == "text/html" || mt == "application/xhtml+xml") {
		return true
	}
	return len(t) > 0 && t[0] == '<'
}

// Fetch reads a source once, as a Poller does (the same limits and
// checks, unconditionally), for a command or an editor that wants it
// now: explainer validate, the studio's preview of a sheet.
func Fetch(ctx context.Context, cfg Config, url string) ([]byte, error) {
	p := NewPoller(cfg)
	body, _, err := p.fetch(ctx, url, "", "")
	return body, err
}
