package live

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"explainer/app/internal/sheettest"
	"explainer/app/internal/testenv"
)

const sheetCSV = `Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background
,,,,,,,,,Aid talks,What happened,,,,,title,,
2025,2,28,,,,,,,Meeting in the Oval Office,The meeting ends early.,,,,,,,
2025,3,3,,,,,,,Aid paused,The aid is paused.,,,,,,,
`

// until waits for cond, failing the test if it does not come.
func until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// start runs a poller on one source until the test ends.
func start(t *testing.T, cfg Config, url string, every ...time.Duration) (*Poller, *testenv.LockedBuffer, *changes) {
	t.Helper()
	logs := &testenv.LockedBuffer{}
	cfg.Logger = slog.New(slog.NewTextHandler(logs, nil))
	p := NewPoller(cfg)
	ch := &changes{}
	p.OnChange(ch.add)
	if every == nil {
		every = []time.Duration{0}
	}
	p.Use(map[string][]time.Duration{url: every})
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go p.Run(ctx)
	return p, logs, ch
}

type changes struct {
	mu sync.Mutex
	n  int
}

func (c *changes) add(string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func (c *changes) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func latest(t *testing.T, p *Poller, url string) Read {
	t.Helper()
	r, ok := p.Latest(url)
	if !ok {
		t.Fatalf("%s is not in use", url)
	}
	return r
}

// TestEditPickedUpWithinOnePoll: a source read every second shows an
// edit at the read that follows it, with no one asking.
func TestEditPickedUpWithinOnePoll(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	p, _, ch := start(t, Config{}, sheet.URL, time.Second)
	until(t, "the first read", func() bool { return ch.count() == 1 })
	// The requests the sheet had answered when the change was seen:
	// the poller tells of a change right after the read that found it.
	seenAt := make(chan int, 1)
	p.OnChange(func(string) {
		all, _, _ := sheet.Requests()
		seenAt <- all
	})
	edited := strings.Replace(sheetCSV, "Aid paused", "Aid paused for review", 1)
	setAt := sheet.Set(edited)
	select {
	case n := <-seenAt:
		if n != setAt+1 {
			t.Errorf("the edit was seen at request %d; the first after it is %d", n, setAt+1)
		}
	case <-time.After(time.Minute):
		t.Fatal("the edit was never seen")
	}
	if got := string(latest(t, p, sheet.URL).Body); got != edited {
		t.Errorf("body after the edit:\n%s", got)
	}
}

// TestNotModifiedChangesNothing: a source that answers 304 (or the same
// content) is not a change, so nothing is made again.
func TestNotModifiedChangesNothing(t *testing.T) {
	for _, tt := range []struct {
		name string
		mode sheettest.Mode
	}{
		{"304", sheettest.OK},
		{"same content, no validators", sheettest.NoETag},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sheet := sheettest.New(t, sheetCSV)
			sheet.SetMode(tt.mode)
			p, _, ch := start(t, Config{Fresh: time.Hour}, sheet.URL)
			until(t, "the first read", func() bool { return latest(t, p, sheet.URL).Reads == 1 })
			for i := 2; i <= 4; i++ {
				p.Now(sheet.URL)
				until(t, "another read", func() bool { return latest(t, p, sheet.URL).Reads == i })
			}
			if ch.count() != 1 {
				t.Errorf("%d changes after four reads of the same content; want 1", ch.count())
			}
			all, conditional, notModified := sheet.Requests()
			r := latest(t, p, sheet.URL)
			if tt.mode == sheettest.OK && (conditional != 3 || notModified != 3 || r.NotModified != 3) {
				t.Errorf("requests %d, conditional %d, 304s %d (poller counts %d); want 3 conditional, answered 304", all, conditional, notModified, r.NotModified)
			}
		})
	}
}

// TestFailuresKeepTheLastGoodContent: each way a source fails leaves
// the last good content, is told apart, and is logged once however many
// reads fail so; a read that succeeds again is logged once too.
func TestFailuresKeepTheLastGoodContent(t *testing.T) {
	tests := []struct {
		name   string
		fail   func(*sheettest.Sheet)
		kind   Kind
		within string
	}{
		{"401", func(s *sheettest.Sheet) { s.SetStatus(http.StatusUnauthorized) }, Denied, "no longer published"},
		{"403", func(s *sheettest.Sheet) { s.SetStatus(http.StatusForbidden) }, Denied, "403 Forbidden"},
		{"404", func(s *sheettest.Sheet) { s.SetStatus(http.StatusNotFound) }, Gone, "deleted"},
		{"500", func(s *sheettest.Sheet) { s.SetStatus(http.StatusInternalServerError) }, Unavailable, "500"},
		{"503", func(s *sheettest.Sheet) { s.SetStatus(http.StatusServiceUnavailable) }, Unavailable, "503"},
		{"a sign-in page", func(s *sheettest.Sheet) { s.SetMode(sheettest.HTMLPage) }, NotASheet, "Publish to web"},
		{"no answer", func(s *sheettest.Sheet) { s.SetMode(sheettest.Hang) }, Timeout, "no answer within"},
		{"an answer that trickles", func(s *sheettest.Sheet) { s.SetMode(sheettest.Trickle) }, Timeout, "cut off"},
		{"an answer cut off mid-row", func(s *sheettest.Sheet) { s.SetMode(sheettest.Cut) }, Network, "broke off"},
		{"an endless answer", func(s *sheettest.Sheet) { s.SetMode(sheettest.Endless) }, TooLarge, "cut off"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sheet := sheettest.New(t, sheetCSV)
			// A short timeout for the sources that never finish; the
			// good reads here are a few hundred bytes on loopback.
			p, logs, ch := start(t, Config{Fresh: time.Hour, Timeout: 2 * time.Second, MaxBytes: 1 << 20}, sheet.URL)
			until(t, "the first read", func() bool { return ch.count() == 1 })
			tt.fail(sheet)
			for i := 2; i <= 4; i++ {
				p.Now(sheet.URL)
				until(t, "a failed read", func() bool { return latest(t, p, sheet.URL).Failures == i-1 })
			}
			r := latest(t, p, sheet.URL)
			var e *Error
			if !errors.As(r.Err, &e) || e.Kind != tt.kind || !strings.Contains(e.Msg, tt.within) {
				t.Errorf("error %v; want a %s error saying %q", r.Err, tt.kind, tt.within)
			}
			if string(r.Body) != sheetCSV {
				t.Errorf("the last good content is lost: %q", r.Body)
			}
			if n := strings.Count(logs.String(), "live source not read"); n != 1 {
				t.Errorf("logged %d times for three failed reads; want once:\n%s", n, logs)
			}
			sheet.SetMode(sheettest.OK)
			p.Now(sheet.URL)
			until(t, "a good read", func() bool { return latest(t, p, sheet.URL).Err == nil })
			if n := strings.Count(logs.String(), "live source read again"); n != 1 {
				t.Errorf("recovery logged %d times; want once:\n%s", n, logs)
			}
			if ch.count() != 1 {
				t.Errorf("%d changes: the same content read again is not one", ch.count())
			}
		})
	}
}

// TestOneReadForManyStories: stories that name one source share its
// reads, at the shortest interval they ask.
func TestOneReadForManyStories(t *testing.T) {
	sheet := sheettest.New(t, sheetCSV)
	p, _, ch := start(t, Config{Fresh: time.Hour}, sheet.URL, 0, 5*time.Minute, 0)
	until(t, "the first read", func() bool { return ch.count() == 1 })
	if all, _, _ := sheet.Requests(); all != 1 {
		t.Errorf("%d requests for three stories on one source; want 1", all)
	}
	p.mu.Lock()
	iv := p.interval(p.sources[sheet.URL])
	p.mu.Unlock()
	if iv != 5*time.Minute {
		t.Errorf("interval %v; want the shortest asked, 5m", iv)
	}
}

// TestBackoff: failures in a row wait longer, up to the cap, with jitter
// within the bounds; success returns to the interval.
func TestBackoff(t *testing.T) {
	p := NewPoller(Config{Fresh: time.Minute, MaxBackoff: 10 * time.Minute})
	src := &source{every: []time.Duration{0}}
	src.state.Changed = time.Now()
	for _, tt := range []struct {
		failures int
		lo, hi   time.Duration
	}{
		{0, 54 * time.Second, 66 * time.Second},
		{1, time.Minute, 2 * time.Minute},
		{2, 2 * time.Minute, 4 * time.Minute},
		{3, 4 * time.Minute, 8 * time.Minute},
		{6, 5 * time.Minute, 10 * time.Minute},
		{40, 5 * time.Minute, 10 * time.Minute},
	} {
		src.state.Failures = tt.failures
		src.state.Err = &Error{Kind: Unavailable}
		if tt.failures == 0 {
			src.state.Err = nil
		}
		for range 50 {
			if w := p.wait(src); w < tt.lo || w > tt.hi {
				t.Errorf("after %d failures: wait %v, want within [%v, %v]", tt.failures, w, tt.lo, tt.hi)
				break
			}
		}
	}
	// A Retry-After longer than the backoff is honoured.
	src.state.Failures, src.state.Err = 1, &Error{Kind: Unavailable, retry: 30 * time.Minute}
	if w := p.wait(src); w != 30*time.Minute {
		t.Errorf("with Retry-After 1800: wait %v", w)
	}
}

// TestDefaultSchedule: often while the source changed lately, rarely
// after.
func TestDefaultSchedule(t *testing.T) {
	p := NewPoller(Config{})
	src := &source{every: []time.Duration{0}}
	src.state.Changed = time.Now().Add(-time.Hour)
	if iv := p.interval(src); iv != time.Minute {
		t.Errorf("changed an hour ago: every %v, want 1m", iv)
	}
	src.state.Changed = time.Now().Add(-25 * time.Hour)
	if iv := p.interval(src); iv != time.Hour {
		t.Errorf("changed a day ago: every %v, want 1h", iv)
	}
}
