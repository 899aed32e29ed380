//go:build !wasm

package e2e

import (
	"context"
	"encoding/base64"
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
