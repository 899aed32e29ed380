package e2e

import (
	"context"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"explainer/app/story/storytest"
)

// intercept answers requests matching pattern with respond, which runs
// outside the event loop as CDP requires.
func intercept(p *tab, pattern *fetch.RequestPattern, respond func(ctx context.Context, ev *fetch.EventRequestPaused) error) {
	chromedp.ListenTarget(p.ctx, func(ev any) {
		if ev, ok := ev.(*fetch.EventRequestPaused); ok {
			go chromedp.Run(p.ctx, chromedp.ActionFunc(func(ctx context.Context) error { return respond(ctx, ev) }))
		}
	})
	p.run(fetch.Enable().WithPatterns([]*fetch.RequestPattern{pattern}))
}

// expectReadableWithNotice checks what a reader sees when the interactive
// layer cannot start: the prerendered story, working links, and a short
// notice instead of a blank or frozen widget.
func expectReadableWithNotice(t *testing.T, p *tab) {
	ids := storytest.BuiltInIDs(t)
	t.Helper()
	p.waitFor(`document.documentElement.dataset.explainer === "failed"`)
	var notice string
	p.run(chromedp.Text("#explainer-offline", &notice, chromedp.ByQuery, chromedp.NodeVisible))
	if !strings.Contains(notice, "could not load") {
		t.Errorf("notice: %q", notice)
	}
	p.screenshot("failed-" + strings.TrimPrefix(t.Name(), "Test"))
	var text string
	p.run(chromedp.Text("#explainer", &text, chromedp.ByQuery))
	s := storytest.BuiltInStory(t)
	for _, want := range []string{s.Events[1].Headline, s.Quotes[5].Text} {
		if !strings.Contains(text, want) {
			t.Errorf("the page lost %q", want)
		}
	}
	// The links still work: the server renders the state.
	p.run(chromedp.Click("#tab-"+ids.Event(-1), chromedp.ByQuery))
	p.waitFor(`location.search === "?event=` + ids.Event(-1) + `" && document.querySelector("#tab-` + ids.Event(-1) + `") && document.querySelector("#tab-` + ids.Event(-1) + `").getAttribute("aria-selected") === "true"`)
}

// The WebAssembly answers 500.
func TestWasmServerError(t *testing.T) {
	p := newTab(t)
	intercept(p, &fetch.RequestPattern{URLPattern: "*/assets/app.*.wasm"}, func(ctx context.Context, ev *fetch.EventRequestPaused) error {
		return fetch.FulfillRequest(ev.RequestID, 500).WithBody(base64.StdEncoding.EncodeToString([]byte("boom"))).Do(ctx)
	})
	p.run(chromedp.Navigate(site.URL + "/"))
	expectReadableWithNotice(t, p)
}

// The network drops while the WebAssembly downloads.
func TestWasmNetworkCut(t *testing.T) {
	p := newTab(t)
	intercept(p, &fetch.RequestPattern{URLPattern: "*/assets/app.*.wasm"}, func(ctx context.Context, ev *fetch.EventRequestPaused) error {
		return fetch.FailRequest(ev.RequestID, network.ErrorReasonConnectionReset).Do(ctx)
	})
	p.run(chromedp.Navigate(site.URL + "/"))
	expectReadableWithNotice(t, p)
}

// The story data in the page is unusable (a proxy mangled
// it): the WebAssembly leaves the prerendered page alone.
func TestStoryDataUnusable(t *testing.T) {
	p := newTab(t)
	mangled := false
	intercept(p, &fetch.RequestPattern{URLPattern: site.URL + "/", RequestStage: fetch.RequestStageResponse}, func(ctx context.Context, ev *fetch.EventRequestPaused) error {
		if ev.ResourceType != network.ResourceTypeDocument || mangled {
			return fetch.ContinueRequest(ev.RequestID).Do(ctx)
		}
		body, err := fetch.GetResponseBody(ev.RequestID).Do(ctx)
		if err != nil {
			return err
		}
		mangled = true
		page := strings.Replace(string(body), `"events":[`, `"events":"broken",[`, 1)
		var headers []*fetch.HeaderEntry
		for _, h := range ev.ResponseHeaders {
			if name := strings.ToLower(h.Name); name != "content-length" && name != "content-encoding" {
				headers = append(headers, h)
			}
		}
		return fetch.FulfillRequest(ev.RequestID, ev.ResponseStatusCode).WithResponseHeaders(headers).
			WithBody(base64.StdEncoding.EncodeToString([]byte(page))).Do(ctx)
	})
	p.run(chromedp.Navigate(site.URL + "/"))
	expectReadableWithNotice(t, p)
}
