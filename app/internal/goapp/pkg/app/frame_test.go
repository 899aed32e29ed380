package app

import (
	"testing"
	"time"
)

// Patched (see PATCHES.md): a dispatch renders at once unless the last
// frame is less than a frame ago.
func TestFrameWait(t *testing.T) {
	frame := time.Second / 120
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		last time.Time
		want time.Duration
	}{
		{"no frame yet", time.Time{}, 0},
		{"a second ago", now.Add(-time.Second), 0},
		{"exactly a frame ago", now.Add(-frame), 0},
		{"2 ms ago", now.Add(-2 * time.Millisecond), frame - 2*time.Millisecond},
		{"just now", now, frame},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := frameWait(now, tt.last, frame); got != tt.want {
				t.Errorf("frameWait = %v, want %v", got, tt.want)
			}
		})
	}
}

// One event handler's dispatches all run before the one render that
// follows them.
func TestExecuteDispatches(t *testing.T) {
	e := NewTestEngine().(*engineX)
	var ran []int
	for i := range 3 {
		e.dispatch(func() {
			ran = append(ran, i)
			if i == 0 {
				e.dispatch(func() { ran = append(ran, 99) }) // queued in turn: next frame
			}
		})
	}
	e.executeDispatches()
	if len(ran) != 3 || ran[0] != 0 || ran[2] != 2 {
		t.Fatalf("ran %v, want [0 1 2]", ran)
	}
	if n := len(e.dispatches); n != 1 {
		t.Fatalf("%d dispatches left, want the one queued in turn", n)
	}
}
