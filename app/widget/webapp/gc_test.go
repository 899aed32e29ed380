package main

import (
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

// liveHeap reads what a collection kept, under the reader's GOGC.
func TestLiveHeap(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(gcPercent))
	keep := make([]byte, 32<<20)
	runtime.GC()
	if got := liveHeap(); got < 32<<20 || got > 40<<20 {
		t.Errorf("liveHeap() = %d MiB after keeping 32 MiB", got>>20)
	}
	runtime.KeepAlive(keep)
}
