package server

import (
	"container/list"
	"context"
	"errors"
	"net/http"
	"runtime"
	"sync"

	"explainer/app/site"
)

// pageCache keeps rendered pages by story version and reader state, so a
// page is rendered once, not per request. It is bounded in bytes, dropping
// the least recently used pages first, and renders each key once at a
// time: readers asking for a page being rendered wait for that render.
//
// Renders are what a flood of new addresses costs, so they are bounded
// twice: no more run at once than there are processors (slots), and no
// more wait than a few per processor (tickets); past that a request is
// refused at once with 503 and Retry-After (errBusy), while pages already
// rendered keep being served from memory. A request whose reader has gone
// stops waiting, and is not rendered.
type pageCache struct {
	slots   chan struct{}
	tickets chan struct{}

	mu       sync.Mutex
	maxBytes int
	bytes    int
	lru      *list.List // of *cached, most recently used first
	items    map[string]*list.Element
	inflight map[string]*rendering
}

type cached struct {
	key  string
	page *site.Page
	size int
}

// rendering is a render in progress; done closes when it ends.
type rendering struct {
	done chan struct{}
	page *site.Page
	err  error
}

// queuedPerSlot is how many renders may wait for each slot before new
// ones are refused.
const queuedPerSlot = 8

// errBusy is the answer when too many renders are waiting: the reader may
// try again shortly, and every page already rendered is still served.
var errBusy = &statusError{status: http.StatusServiceUnavailable, msg: "busy: try again in a moment", retryAfter: 2}

// errReaderGone is a render given up because its request ended first.
var errReaderGone = errors.New("the request ended before its page was rendered")

func newPageCache(maxBytes int) *pageCache {
	n := runtime.GOMAXPROCS(0)
	return &pageCache{
		slots:    make(chan struct{}, n),
		tickets:  make(chan struct{}, n*(1+queuedPerSlot)),
		maxBytes: maxBytes,
		lru:      list.New(),
		items:    map[string]*list.Element{},
		inflight: map[string]*rendering{},
	}
}

// get returns the page for key, rendering it if no reader has yet.
func (c *pageCache) get(ctx context.Context, key string, render func() (*site.Page, error)) (*site.Page, error) {
	for {
		c.mu.Lock()
		if el, ok := c.items[key]; ok {
			c.lru.MoveToFront(el)
			p := el.Value.(*cached).page
			c.mu.Unlock()
			return p, nil
		}
		if r, ok := c.inflight[key]; ok {
			c.mu.Unlock()
			select {
			case <-r.done:
			case <-ctx.Done():
				return nil, errReaderGone
			}
			if errors.Is(r.err, errReaderGone) {
				continue // that reader left; this one renders it
			}
			return r.page, r.err
		}
		select {
		case c.tickets <- struct{}{}:
		default:
			c.mu.Unlock()
			return nil, errBusy
		}
		r := &rendering{done: make(chan struct{})}
		c.inflight[key] = r
		c.mu.Unlock()
		return c.renderAs(ctx, key, r, render)
	}
}

// renderAs renders key for the readers waiting on r, holding a ticket.
func (c *pageCache) renderAs(ctx context.Context, key string, r *rendering, render func() (*site.Page, error)) (*site.Page, error) {
	defer func() {
		// Also when render panics: the waiters must not wait for ever,
		// nor take a missing page for one.
		if r.page == nil && r.err == nil {
			r.err = errors.New("the render failed")
		}
		c.mu.Lock()
		delete(c.inflight, key)
		if r.err == nil && r.page != nil {
			c.add(key, r.page)
		}
		c.mu.Unlock()
		<-c.tickets
		close(r.done)
	}()
	select {
	case c.slots <- struct{}{}:
	case <-ctx.Done():
		r.err = errReaderGone
		return nil, r.err
	}
	defer func() { <-c.slots }()
	if ctx.Err() != nil {
		r.err = errReaderGone
		return nil, r.err
	}
	r.page, r.err = render()
	return r.page, r.err
}

// add keeps a page and drops the oldest past the budget; c.mu is held.
func (c *pageCache) add(key string, p *site.Page) {
	size := p.Size()
	if size > c.maxBytes/4 {
		return // one page may not crowd out the rest
	}
	c.items[key] = c.lru.PushFront(&cached{key: key, page: p, size: size})
	c.bytes += size
	for c.bytes > c.maxBytes {
		old := c.lru.Back()
		it := old.Value.(*cached)
		c.lru.Remove(old)
		delete(c.items, it.key)
		c.bytes -= it.size
	}
}
