package e2e

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/server"
)

// The browser and the server are shared by every test: one Chromium
// process, a new tab per test.
var (
	browserCtx context.Context
	site       *testSite
	// noBrowser says why there is no browser: every test then skips (or
	// fails, under make test) with that one line.
	noBrowser error
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	path, err := testenv.Chrome()
	if err != nil {
		noBrowser = err
		return m.Run()
	}
	site, err = startSite()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer site.close()

	profile, err := os.MkdirTemp("", "explainer-chromium-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(profile)
	// The flags that work on these machines: without the background
	// networking ones, Chromium keeps trying to reach Google's servers.
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser() // ends the Chromium process: none is left behind
	if err := chromedp.Run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: starting Chromium:", err)
		return 1
	}
	browserCtx = ctx
	return m.Run()
}

// testSite is the real server on loopback, reachable under two host names
// (127.0.0.1 and localhost are different origins to a browser), plus a
// second server for host pages that embed the widget.
type testSite struct {
	URL     string // http://127.0.0.1:PORT
	AltURL  string // http://localhost:PORT, another origin
	HostURL string // the embedding pages' server
	cancel  context.CancelFunc
	done    chan error
	host    *http.Server

	mu        sync.Mutex
	hostPages map[string]string
}

func startSite() (*testSite, error) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	st, err := sitetest.Open(sitetest.Parts{Logger: log})
	if err != nil {
		return nil, err
	}
	srv, err := server.New(st, nil, server.Config{Logger: log})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &testSite{cancel: cancel, done: make(chan error, 1), hostPages: map[string]string{}}
	go func() { s.done <- srv.Serve(ctx, ln) }()
	port := ln.Addr().(*net.TCPAddr).Port
	s.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	s.AltURL = fmt.Sprintf("http://localhost:%d", port)

	hostLn, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.host = &http.Server{Handler: http.HandlerFunc(s.serveHost), ReadHeaderTimeout: 5 * time.Second}
	go s.host.Serve(hostLn)
	s.HostURL = "http://" + hostLn.Addr().String()
	return s, nil
}

// addHostPage publishes an embedding page on the host server.
func (s *testSite) addHostPage(path, html string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hostPages[path] = html
	return s.HostURL + path
}

func (s *testSite) serveHost(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	page, ok := s.hostPages[r.URL.Path]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, page)
}

func (s *testSite) close() {
	s.cancel()
	<-s.done
	s.host.Close()
}

// page is one browser tab with what it saw: console errors, uncaught
// exceptions and every URL it requested.
type tab struct {
	t      testing.TB
	ctx    context.Context
	cancel context.CancelFunc // closes the tab

	mu       sync.Mutex
	errors   []string
	requests []string
}

// How long a test waits for what it expects: a condition in a page, a
// frame to appear, a whole tab. Generous, since the machine may be busy
// with other work; a test that passes does not wait for them.
const (
	waitTimeout = 60 * time.Second
	tabTimeout  = 4 * time.Minute
)

// needBrowser skips a test when there is no browser (fails under make
// test); newTab calls it, and tests that use the site before opening a
// tab call it first.
func needBrowser(t testing.TB) {
	t.Helper()
	testenv.Need(t, noBrowser)
}

// newTab opens a tab that closes when the test ends; every step in it
// must finish within the test's timeout.
func newTab(t testing.TB) *tab {
	t.Helper()
	needBrowser(t)
	ctx, cancelTab := chromedp.NewContext(browserCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, tabTimeout)
	t.Cleanup(func() {
		cancelTimeout()
		cancelTab()
	})
	p := &tab{t: t, ctx: ctx, cancel: cancelTab}
	chromedp.ListenTarget(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				p.errors = append(p.errors, "console.error: "+argsText(ev.Args))
			}
		case *runtime.EventExceptionThrown:
			p.errors = append(p.errors, "exception: "+ev.ExceptionDetails.Text+" "+exceptionDescription(ev.ExceptionDetails))
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.LevelError {
				p.errors = append(p.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			p.requests = append(p.requests, ev.Request.URL)
		}
	})
	// A new tab starts in the background, where the widget rightly waits
	// to be seen before it downloads the WebAssembly.
	p.run(network.Enable(), cdplog.Enable(), runtime.Enable(), page.BringToFront())
	// Readers who ask for reduced motion get instant scrolling; so do the
	// tests, which would otherwise click where an element was mid-scroll.
	p.emulate(1280, "light")
	return p
}

// close closes the tab before the test ends, for a test or benchmark
// that opens many.
func (p *tab) close() { p.cancel() }

func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		if a.Value != nil {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

func exceptionDescription(d *runtime.ExceptionDetails) string {
	if d.Exception != nil {
		return d.Exception.Description
	}
	return ""
}

// run runs actions in the tab and fails the test on error.
func (p *tab) run(actions ...chromedp.Action) {
	p.t.Helper()
	if err := chromedp.Run(p.ctx, actions...); err != nil {
		p.t.Fatalf("browser: %v", err)
	}
}

// eval evaluates a JavaScript expression and decodes its value into res.
func (p *tab) eval(js string, res any) {
	p.t.Helper()
	p.run(chromedp.Evaluate(js, res))
}

func (p *tab) evalString(js string) string {
	p.t.Helper()
	var s string
	p.eval(js, &s)
	return s
}

// waitFor polls a JavaScript condition until it holds. A navigation while
// it waits destroys the page's JavaScript context; it then polls the new
// page.
func (p *tab) waitFor(js string) {
	p.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		var ok bool
		err := chromedp.Run(p.ctx, chromedp.Poll(js, &ok, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if !navigatedAway(err) || time.Now().After(deadline) {
			p.t.Fatalf("waiting for %s: %v", js, err)
		}
	}
}

// navigatedAway reports whether an evaluation failed because the page
// went away under it (a navigation, which a click may start at any time),
// as Chromium says it in its several ways.
func navigatedAway(err error) bool {
	for _, msg := range []string{"Cannot find context", "Inspected target navigated or closed", "Execution context was destroyed"} {
		if strings.Contains(err.Error(), msg) {
			return true
		}
	}
	return false
}

// open navigates and waits until the WebAssembly has taken over.
func (p *tab) open(rawURL string) {
	p.t.Helper()
	p.run(chromedp.Navigate(rawURL))
	p.waitReady()
}

func (p *tab) waitReady() {
	p.t.Helper()
	p.waitFor(`document.documentElement.dataset.explainer === "ready"`)
}

// selected is the id of the tab whose ARIA state says it is selected.
func (p *tab) selected() string {
	p.t.Helper()
	return p.evalString(`(document.querySelector('[role=tab][aria-selected=true]') || {}).id || ""`)
}

// emulate sets the viewport width and the system colour scheme, with
// reduced motion.
func (p *tab) emulate(width int64, scheme string) {
	p.t.Helper()
	p.emulateSize(width, 900, scheme)
}

// emulateSize is emulate with a viewport height too.
func (p *tab) emulateSize(width, height int64, scheme string) {
	p.t.Helper()
	p.run(
		chromedp.EmulateViewport(width, height),
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{
			{Name: "prefers-color-scheme", Value: scheme},
			{Name: "prefers-reduced-motion", Value: "reduce"},
		}),
	)
}

// errorsSeen returns console errors and exceptions so far.
func (p *tab) errorsSeen() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// offLoopback returns the requests that left this machine.
func (p *tab) offLoopback() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, r := range p.requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost") {
			out = append(out, r)
		}
	}
	return out
}

// screenshot saves a full-page PNG under testoutput/ for people to look at.
func (p *tab) screenshot(name string) {
	p.t.Helper()
	var buf []byte
	p.run(chromedp.FullScreenshot(&buf, 100))
	p.saveShot(name, buf)
}

// saveShot writes a PNG under testoutput/screenshots.
func (p *tab) saveShot(name string, buf []byte) {
	p.t.Helper()
	dir := filepath.Join("..", "..", "testoutput", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		p.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		p.t.Fatal(err)
	}
}
