package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, gcFloor},
		{10 << 20, gcFloor},
		{gcFloor / 2, gcFloor},
		{40 << 20, 80 << 20},
		{4 << 30, 8 << 30},
	} {
		if got := memoryLimit(c.live); got != c.want {
			t.Errorf("memoryLimit(%d) = %d, want %d", c.live, got, c.want)
		}
	}
}

// liveHeap reads what a collection kept, under the reader's GOGC, with
// or without a memory limit in force (one lowers the pacer's goal, which
// liveHeap reads), and leaves the limit as it was.
func TestLiveHeap(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	keep := make([]byte, 64<<20)
	for _, limit := range []int64{math.MaxInt64, gcFloor} {
		debug.SetMemoryLimit(limit)
		runtime.GC()
		if got := liveHeap(); got < 64<<20 || got > 72<<20 {
			t.Errorf("limit %d: liveHeap() = %d MiB after keeping 64 MiB", limit, got>>20)
		}
		if now := debug.SetMemoryLimit(-1); now != limit {
			t.Errorf("liveHeap left the limit at %d, was %d", now, limit)
		}
	}
	runtime.KeepAlive(keep)
}
