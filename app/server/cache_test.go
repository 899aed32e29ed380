package server

import (
	"context"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"explainer/app/site"
	"explainer/app/story/storytest"
	"explainer/app/widget"
)

// TestPageCacheBounded: however many distinct pages readers ask for, the
// cache keeps to its budget in bytes, and keeps the pages used last.
func TestPageCacheBounded(t *testing.T) {
	s := newServer(t, Config{PageCacheBytes: 1 << 20})
	h := s.Handler()
	for i := range 200 {
		if r := get(t, h, "GET", fmt.Sprintf("/?accent=%06x", i*4099), nil); r.StatusCode != 200 {
			t.Fatalf("status %d", r.StatusCode)
		}
		if s.pages.bytes > 1<<20 {
			t.Fatalf("after %d pages the cache holds %d bytes; the budget is %d", i+1, s.pages.bytes, 1<<20)
		}
	}
	if n := s.pages.lru.Len(); n < 2 || n >= 200 {
		t.Errorf("%d pages kept", n)
	}
	e := s.site.Stories().List()[0]
	st, o := widget.ParseURL(e.Story, mustQuery(t, fmt.Sprintf("accent=%06x", 199*4099)))
	if _, ok := s.pages.items[site.PageKey(e, st, o, "http://example.com")]; !ok {
		t.Error("the page used last was dropped")
	}
}

// TestPageCacheOneRenderPerKey: readers asking at once for a page not yet
// rendered wait for one render of it. It runs in a synctest bubble: the
// render's 20 ms pass only once every reader is waiting, so the test
// says the same on a busy machine as on an idle one.
func TestPageCacheOneRenderPerKey(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := newPageCache(1 << 20)
		var renders atomic.Int32
		render := func() (*site.Page, error) {
			renders.Add(1)
			time.Sleep(20 * time.Millisecond)
			return site.NewPage([]byte(strings.Repeat("x", 1000)), 1)
		}
		var wg sync.WaitGroup
		for range 50 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if p, err := c.get(context.Background(), "k", render); err != nil || p == nil {
					t.Error(p, err)
				}
			}()
		}
		wg.Wait()
		if n := renders.Load(); n != 1 {
			t.Errorf("%d renders of one page; want 1", n)
		}
		// A render that panics releases its waiters.
		func() {
			defer func() { recover() }()
			c.get(context.Background(), "boom", func() (*site.Page, error) { panic("bug") })
		}()
		done := make(chan struct{})
		go func() {
			c.get(context.Background(), "boom", render)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("a panicking render left its key blocked")
		}
	})
}

func mustQuery(t *testing.T, raw string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(raw)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// blockRenders fills every render slot and every waiting place of c with
// renders that end when the test does (or when release is called), and
// returns once they all hold their places.
func blockRenders(t *testing.T, c *pageCache) (release func()) {
	t.Helper()
	gate := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(gate) }) }
	t.Cleanup(release)
	started := make(chan struct{}, cap(c.slots))
	for i := range cap(c.tickets) {
		go c.get(context.Background(), fmt.Sprintf("blocked %d", i), func() (*site.Page, error) {
			select {
			case started <- struct{}{}:
			default: // a render after the release
			}
			<-gate
			return site.NewPage([]byte("x"), 1)
		})
	}
	for range cap(c.slots) {
		<-started
	}
	for len(c.tickets) < cap(c.tickets) {
		runtime.Gosched() // the rest are taking their tickets
	}
	return release
}

// TestRenderQueueSheds: with every render slot busy and the queue full, a
// request for a page not yet rendered is refused at once with 503 and
// Retry-After, while a page already rendered is still served.
func TestRenderQueueSheds(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newServer(t, Config{})
	h := s.Handler()
	if r := get(t, h, "GET", "/?event="+ids.Event(-1), nil); r.StatusCode != 200 {
		t.Fatalf("warming the cache: %d", r.StatusCode)
	}
	release := blockRenders(t, s.pages)
	r := get(t, h, "GET", "/?event="+ids.Event(3), nil)
	if r.StatusCode != 503 || r.Header.Get("Retry-After") == "" {
		t.Errorf("a new page with every render busy: %d, Retry-After %q; want 503 with Retry-After", r.StatusCode, r.Header.Get("Retry-After"))
	}
	if r := get(t, h, "GET", "/?event="+ids.Event(-1), nil); r.StatusCode != 200 {
		t.Errorf("a cached page with every render busy: %d", r.StatusCode)
	}
	release()
	for len(s.pages.tickets) > 0 {
		runtime.Gosched()
	}
	if r := get(t, h, "GET", "/?event="+ids.Event(3), nil); r.StatusCode != 200 {
		t.Errorf("the new page once renders are free: %d", r.StatusCode)
	}
}

// TestRenderStopsWhenReaderLeaves: a request that ends while it waits for
// a render slot is not rendered, and a reader waiting on the same page
// renders it instead of inheriting the error. In a synctest bubble, each
// step waits until every goroutine has got as far as it can.
func TestRenderStopsWhenReaderLeaves(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := newPageCache(1 << 20)
		gate := make(chan struct{})
		defer close(gate)
		for i := range cap(c.slots) {
			go c.get(context.Background(), fmt.Sprintf("slow %d", i), func() (*site.Page, error) {
				<-gate
				return site.NewPage([]byte("x"), 1)
			})
		}
		synctest.Wait() // every slot is taken
		var renders atomic.Int32
		render := func() (*site.Page, error) {
			renders.Add(1)
			return site.NewPage([]byte("page"), 1)
		}
		ctx, cancel := context.WithCancel(context.Background())
		left := make(chan error, 1)
		go func() {
			_, err := c.get(ctx, "k", render)
			left <- err
		}()
		synctest.Wait() // it waits for a slot
		stays := make(chan error, 1)
		go func() {
			p, err := c.get(context.Background(), "k", render)
			if err == nil && string(p.Raw) != "page" {
				err = fmt.Errorf("got page %q", p.Raw)
			}
			stays <- err
		}()
		synctest.Wait() // the second reader waits on the first's render
		cancel()
		if err := <-left; err != errReaderGone {
			t.Errorf("the reader who left got %v; want errReaderGone", err)
		}
		if n := renders.Load(); n != 0 {
			t.Errorf("%d renders for a reader who left", n)
		}
		gate <- struct{}{} // free one slot
		if err := <-stays; err != nil {
			t.Errorf("the reader who stayed: %v", err)
		}
		if n := renders.Load(); n != 1 {
			t.Errorf("%d renders; want 1, for the reader who stayed", n)
		}
	})
}
