//go:build !wasm

package server

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
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
	if _, ok := s.pages.items[pageKey(s.stories.list()[0], mustQuery(t, fmt.Sprintf("accent=%06x", 199*4099)), "http://example.com")]; !ok {
		t.Error("the page used last was dropped")
	}
}

// TestPageCacheOneRenderPerKey: readers asking at once for a page not yet
// rendered wait for one render of it.
func TestPageCacheOneRenderPerKey(t *testing.T) {
	c := newPageCache(1 << 20)
	var renders atomic.Int32
	render := func() (*page, error) {
		renders.Add(1)
		time.Sleep(20 * time.Millisecond)
		return newPage([]byte(strings.Repeat("x", 1000)), 1)
	}
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if p, err := c.get("k", render); err != nil || p == nil {
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
		c.get("boom", func() (*page, error) { panic("bug") })
	}()
	done := make(chan struct{})
	go func() {
		c.get("boom", render)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a panicking render left its key blocked")
	}
}

func mustQuery(t *testing.T, raw string) url.Values {
	t.Helper()
	q, err := url.ParseQuery(raw)
	if err != nil {
		t.Fatal(err)
	}
	return q
}
