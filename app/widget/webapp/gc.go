package main

import (
	"math"
	"runtime"
	"runtime/debug"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/shell"
)

// The reader's garbage collector runs a quarter as often as Go's default
// (GOGC=400), within a memory limit once the widget is ready.
//
// Why: after the takeover the heap is mostly the story and the widget's
// tree, which live as long as the page, and each selection makes garbage
// (the render it replaces). With the default, a collection marked that
// whole heap every few selections, inside the click's task: on a story
// of 1,000 events, click p90 was 50 ms against a p50 of 20. With 400 it
// is 26 ms, and the takeover runs fewer collections too.
//
// The cost is memory, which a WebAssembly instance never gives back.
// After 16 selections (make bench), 10.0 MB against 9.4 MB for the
// built-in story, 40.4 MB against 37.2 MB for 1,000 events. The limit
// keeps a large story's heap from growing fivefold: twice the heap the
// takeover left live, as Go's default would, and no less than gcFloor.
// It is set only once the widget is ready: a limit under the live heap
// would have the collector run nearly without pause through the takeover
// of a large story.
const (
	gcPercent = 400
	gcFloor   = 48 << 20
)

// tuneGC sets the collector for the reader, and its limit once the widget
// is ready, when the heap the page keeps is known.
func tuneGC() {
	debug.SetGCPercent(gcPercent)
	var fn app.Func
	fn = app.FuncOf(func(app.Value, []app.Value) any {
		fn.Release()
		debug.SetMemoryLimit(memoryLimit(liveHeap()))
		return nil
	})
	app.Window().Call("addEventListener", shell.ReadyEvent, fn, map[string]any{"once": true})
}

// memoryLimit is the limit for a heap of live bytes: twice that, and no
// less than gcFloor. (A WebAssembly memory holds 4 GiB at most.)
func memoryLimit(live uint64) int64 {
	return max(gcFloor, 2*int64(live))
}

// liveHeap is the heap the last collection found live, as the pacer
// reads it from the goal it set from it (runtime/metrics says it
// directly, but adds 8 kB to the download); before any collection, the
// runtime's starting heap. A memory limit lowers that goal, so none is
// in force while it is read.
func liveHeap() uint64 {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NextGC * 100 / (100 + gcPercent)
}
