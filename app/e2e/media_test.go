package e2e

import (
	"context"
	"encoding/base64"
	"maps"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// TestMediaLoadsOnlyWhenAsked opens an event whose media is a YouTube
// video: nothing but the story's pictures leaves the machine until the reader presses the button;
// then the player is framed from youtube-nocookie.com (allowed by the
// page's policy, answered here by the test), starts at the link's time,
// and has the keyboard. Moving to another event stops it. The plain link
// to the video is there all along.
func TestMediaLoadsOnlyWhenAsked(t *testing.T) {
	data, err := os.ReadFile("../widget/testdata/full-story.json")
	if err != nil {
		t.Fatal(err)
	}
	base := serveStories(t, map[string]string{"every-feature.json": string(data)})
	p := newTab(t)
	var mu sync.Mutex
	var framed []string
	intercept(p, &fetch.RequestPattern{URLPattern: "https://www.youtube-nocookie.com/*"}, func(ctx context.Context, ev *fetch.EventRequestPaused) error {
		mu.Lock()
		framed = append(framed, ev.Request.URL)
		mu.Unlock()
		return fetch.FulfillRequest(ev.RequestID, 200).
			WithResponseHeaders([]*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/html"}}).
			WithBody(base64.StdEncoding.EncodeToString([]byte("<!doctype html><title>player</title><p id=played>playing</p>"))).Do(ctx)
	})
	p.open(base + "/s/every-feature?event=talks-end&group=negotiations")
	axe := axeSource(t)
	checkAxe(t, p, axe)
	if got := p.evalString(`document.querySelector("#explainer-detail .media-link").textContent`); got != "Watch on YouTube" {
		t.Errorf("the plain link reads %q", got)
	}
	// Pictures are the story's own content and show at once; nothing
	// else may leave the machine before the reader asks.
	for _, r := range p.offLoopback() {
		if !strings.HasPrefix(r, "https://images.example.com/") {
			t.Errorf("before the reader asked, the page made a request off the machine: %s", r)
		}
	}
	p.run(chromedp.Focus("#explainer-detail .media-load", chromedp.ByQuery))
	p.screenshot("media-placeholder")
	p.run(chromedp.KeyEvent("\r"))
	p.waitFor(`!!document.getElementById("explainer-player")`)
	p.waitFor(`document.activeElement && document.activeElement.id === "explainer-player"`)
	checkAxe(t, p, axe)
	src := p.evalString(`document.getElementById("explainer-player").src`)
	if src != "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90" {
		t.Errorf("player src = %q", src)
	}
	p.waitFor(`(() => { const f = document.getElementById("explainer-player"); try { return f.contentDocument === null } catch (e) { return true } })()`)
	// The frame's request reached the test's answer: the page's policy
	// lets the player in.
	for {
		mu.Lock()
		ok := slices.ContainsFunc(framed, func(u string) bool { return strings.HasPrefix(u, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ") })
		mu.Unlock()
		if ok {
			break
		}
		p.waitFor(`new Promise(r => setTimeout(() => r(true), 50))`)
	}
	for _, r := range p.offLoopback() {
		if !strings.HasPrefix(r, "https://www.youtube-nocookie.com/") && !strings.HasPrefix(r, "https://images.example.com/") {
			t.Errorf("loading the player asked a third party other than the player: %s", r)
		}
	}
	p.run(chromedp.Click("#tab-talks-begin", chromedp.ByQuery))
	p.waitFor(`document.querySelector(".detail-headline").textContent === "Talks begin" && !document.getElementById("explainer-player")`)
	p.screenshot("media-and-groups")
	for _, e := range p.errorsSeen() {
		if !strings.Contains(e, "https://images.example.com/") { // not a real host
			t.Errorf("error: %s", e)
		}
	}
}

// mediaHostsStory has media of every shape the page must hold back: a
// cover whose address is no picture or service (a link, which an older
// widget fetched as an <img>, with alt as an importer gave it), a YouTube video and a video file each with
// a still the publisher keeps, a look-alike of Google Maps and a map.
const mediaHostsStory = `{
  "id": "media-hosts", "title": "Media hosts", "language": "en",
  "media": { "src": "https://pages.example.net/report", "alt": "The report", "caption": "The report in full.", "credit": "Its authors" },
  "events": [
    { "id": "video", "headline": "A video", "start": { "date": "2025-01-01" },
      "media": { "src": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "The statement", "thumbnail": "https://images.example.com/still.png" } },
    { "id": "clip", "headline": "A clip", "start": { "date": "2025-01-02" },
      "media": { "src": "https://files.example.org/clip.mp4", "title": "The clip", "thumbnail": "https://images.example.com/clip.png" } },
    { "id": "lookalike", "headline": "A look-alike", "start": { "date": "2025-01-03" },
      "media": { "src": "https://google.evil.example/maps/place/Kyiv" } },
    { "id": "map", "headline": "A map", "start": { "date": "2025-01-04" },
      "media": { "src": "https://www.google.com/maps/embed?pb=!1m18", "title": "Where" } }
  ]
}`

// TestMediaAsksNoServiceBeforeThePress counts, by host, every request the
// page makes (the browser's own requests, paused through CDP): with each
// event's media on screen in turn, the only host off this machine asked
// is the one with the publisher's stills, and no service's host (YouTube,
// Google, the video file's) until the reader presses the button. Every
// request off the machine is answered here by the test, so nothing
// reaches the internet.
func TestMediaAsksNoServiceBeforeThePress(t *testing.T) {
	base := serveStories(t, map[string]string{"media-hosts.json": mediaHostsStory})
	p := newTab(t)
	var mu sync.Mutex
	hosts := map[string]int{}
	png, _ := base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")
	intercept(p, &fetch.RequestPattern{URLPattern: "*"}, func(ctx context.Context, ev *fetch.EventRequestPaused) error {
		u, err := url.Parse(ev.Request.URL)
		if err == nil && (u.Hostname() == "127.0.0.1" || u.Hostname() == "localhost" || u.Scheme == "data") {
			return fetch.ContinueRequest(ev.RequestID).Do(ctx)
		}
		mu.Lock()
		hosts[u.Hostname()]++
		mu.Unlock()
		typ, body := "text/html", []byte("<!doctype html><title>player</title><p>playing</p>")
		if strings.HasSuffix(u.Path, ".png") {
			typ, body = "image/png", png
		}
		return fetch.FulfillRequest(ev.RequestID, 200).
			WithResponseHeaders([]*fetch.HeaderEntry{{Name: "Content-Type", Value: typ}}).
			WithBody(base64.StdEncoding.EncodeToString(body)).Do(ctx)
	})
	asked := func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		return maps.Clone(hosts)
	}
	stillShown := func(src string) {
		p.waitFor(`(() => { const i = document.querySelector('#explainer-detail img.media-thumbnail[src="` + src + `"]'); return !!i && i.complete && i.naturalWidth === 1 })()`)
	}

	p.open(base + "/s/media-hosts?event=video")
	stillShown("https://images.example.com/still.png")
	if got := p.evalString(`(document.querySelector('a.media-link[href="https://pages.example.net/report"]') || {}).textContent || ""`); got != "Open the page on pages.example.net" {
		t.Errorf("the cover's link reads %q", got)
	}
	if got := p.evalString(`(document.querySelector('.explainer-header figcaption') || {}).textContent || ""`); got != "The report in full. © Its authors" {
		t.Errorf("the cover's caption reads %q", got)
	}
	p.run(chromedp.Click("#tab-clip", chromedp.ByQuery))
	stillShown("https://images.example.com/clip.png")
	// A service's name on a link is the reader's word for where it goes.
	for _, tt := range []struct{ id, headline, link string }{
		{"lookalike", "A look-alike", "Open the page on google.evil.example"},
		{"map", "A map", "Open the map on Google Maps"},
	} {
		p.run(chromedp.Click("#tab-"+tt.id, chromedp.ByQuery))
		p.waitFor(`document.querySelector(".detail-headline").textContent === "` + tt.headline + `"`)
		if got := p.evalString(`(document.querySelector("#explainer-detail a.media-link") || {}).textContent || ""`); got != tt.link {
			t.Errorf("%s: the link reads %q; want %q", tt.id, got, tt.link)
		}
	}
	before := asked()
	if before["images.example.com"] == 0 {
		t.Errorf("no request for the publisher's stills was seen: the count cannot be trusted (%v)", before)
	}
	for h, n := range before {
		if h != "images.example.com" {
			t.Errorf("before any press, the page asked %s %d times", h, n)
		}
	}
	if n := p.evalString(`String(document.querySelectorAll("iframe, video, audio").length)`); n != "0" {
		t.Errorf("%s players on the page before any press", n)
	}

	p.run(chromedp.Click("#tab-video", chromedp.ByQuery))
	p.run(chromedp.Click("#explainer-detail .media-load", chromedp.ByQuery))
	p.waitFor(`!!document.getElementById("explainer-player")`)
	for asked()["www.youtube-nocookie.com"] == 0 {
		p.waitFor(`new Promise(r => setTimeout(() => r(true), 50))`)
	}
	for h, n := range asked() {
		if h != "images.example.com" && h != "www.youtube-nocookie.com" {
			t.Errorf("pressing play on the YouTube video asked %s %d times", h, n)
		}
	}
	t.Logf("requests by host: before the press %v, after %v", before, asked())
}
