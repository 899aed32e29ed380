package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// heldWasm holds the reader's WebAssembly requests in a tab, so that a
// test can look at the prerendered page, and act on it, for as long as
// it likes before the takeover.
type heldWasm struct {
	p    *tab
	reqs chan fetch.RequestID
}

// holdWasm holds every request for the reader's WebAssembly made in p
// from now on.
func holdWasm(p *tab) *heldWasm {
	h := &heldWasm{p: p, reqs: make(chan fetch.RequestID, 4)}
	chromedp.ListenTarget(p.ctx, func(ev any) {
		if ev, ok := ev.(*fetch.EventRequestPaused); ok {
			h.reqs <- ev.RequestID
		}
	})
	p.run(fetch.Enable().WithPatterns([]*fetch.RequestPattern{{URLPattern: "*/assets/app.*.wasm"}}))
	return h
}

// next waits for the page to ask for the WebAssembly, and holds it.
func (h *heldWasm) next(t testing.TB) fetch.RequestID {
	t.Helper()
	select {
	case id := <-h.reqs:
		return id
	case <-h.p.ctx.Done():
		t.Fatal("the WebAssembly was never requested")
		return ""
	}
}

// release lets a held request go on.
func (h *heldWasm) release(id fetch.RequestID) {
	h.p.run(chromedp.ActionFunc(func(ctx context.Context) error { return fetch.ContinueRequest(id).Do(ctx) }))
}

// takeoverAddresses are the states a takeover is checked at: an event,
// in another language with a person, and a dark card with an accent.
func takeoverAddresses(event, person string) []string {
	return []string{
		"?event=" + event,
		"?lang=uk&event=" + event + "&person=" + person,
		"?theme=dark&accent=c0ffee&embed=1&event=" + event,
	}
}
