package app

import (
	"testing"
)

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
