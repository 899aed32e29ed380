package e2e

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// A tracer records a Chromium trace of a tab's load: the tasks its main
// thread ran and the page's user-timing marks. Long tasks come from here
// rather than from a PerformanceObserver in the page, which misses the
// WebAssembly's compile and start-up under CPU throttling.
type tracer struct {
	p      *tab
	mu     sync.Mutex
	events []traceEvent
	done   chan struct{}
}

type traceEvent struct {
	Name string  `json:"name"`
	Ph   string  `json:"ph"`
	Ts   float64 `json:"ts"`  // µs
	Dur  float64 `json:"dur"` // µs
	Pid  int     `json:"pid"`
	Tid  int     `json:"tid"`
	Args struct {
		Name string `json:"name"` // of a thread, in thread_name metadata
	} `json:"args"`
}

func startTrace(p *tab) *tracer {
	tr := &tracer{p: p, done: make(chan struct{})}
	chromedp.ListenTarget(p.ctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			tr.mu.Lock()
			for _, raw := range ev.Value {
				var e traceEvent
				if json.Unmarshal(raw, &e) == nil {
					tr.events = append(tr.events, e)
				}
			}
			tr.mu.Unlock()
		case *tracing.EventTracingComplete:
			close(tr.done)
		}
	})
	p.run(chromedp.ActionFunc(func(ctx context.Context) error {
		return tracing.Start().
			WithTransferMode(tracing.TransferModeReportEvents).
			WithTraceConfig(&tracing.TraceConfig{
				RecordMode:         tracing.RecordModeRecordAsMuchAsPossible,
				IncludedCategories: []string{"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "__metadata"},
				ExcludedCategories: []string{"*"},
			}).Do(ctx)
	}))
	return tr
}

// traceTasks are the tasks the page's main thread ran from the
// navigation until the WebAssembly was ready, in ms.
type traceTasks []float64

// longTask is the shortest task that counts as long (web.dev/tbt).
const longTask = 50.0

// blocking is Total Blocking Time's sum over the tasks (each one's time
// beyond 50 ms), and the longest task.
func (t traceTasks) blocking() (blocked, longest float64) {
	for _, d := range t {
		blocked += max(0, d-longTask)
		longest = max(longest, d)
	}
	return blocked, longest
}

// stop ends the trace and returns the main thread's tasks between the
// navigation and the mark the page set when it was ready.
func (tr *tracer) stop() traceTasks {
	tr.p.run(tracing.End())
	select {
	case <-tr.done:
	case <-tr.p.ctx.Done():
		tr.p.t.Fatal("the trace did not complete")
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	type thread struct{ pid, tid int }
	var ready, nav float64
	var readyPid int
	main := map[thread]bool{}
	for _, e := range tr.events {
		switch {
		case e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain":
			main[thread{e.Pid, e.Tid}] = true
		case e.Name == "explainer-ready" && ready == 0:
			ready, readyPid = e.Ts, e.Pid
		}
	}
	for _, e := range tr.events {
		if e.Name == "navigationStart" && e.Pid == readyPid && e.Ts <= ready && e.Ts > nav {
			nav = e.Ts
		}
	}
	if ready == 0 || nav == 0 {
		tr.p.t.Fatalf("the trace has no navigationStart and explainer-ready marks (%d events)", len(tr.events))
	}
	var tasks traceTasks
	for _, e := range tr.events {
		if e.Ph == "X" && e.Name == "RunTask" && e.Pid == readyPid && main[thread{e.Pid, e.Tid}] &&
			e.Ts+e.Dur >= nav && e.Ts <= ready {
			tasks = append(tasks, e.Dur/1000)
		}
	}
	return tasks
}
