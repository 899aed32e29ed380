package slots

import (
	"context"
	"errors"
	"runtime"
	"testing"
)

// TestTake: with every slot taken and the queue full, a take is refused
// at once; one waiting gets the slot given back; one whose context ends
// stops waiting and leaves its place in the queue.
func TestTake(t *testing.T) {
	for _, tc := range []struct{ running, waiting int }{{1, 0}, {1, 2}, {3, 1}} {
		s := New(tc.running, tc.waiting)
		var held []func()
		for range tc.running {
			release, err := s.Take(context.Background())
			if err != nil {
				t.Fatalf("%+v: a free slot: %v", tc, err)
			}
			held = append(held, release)
		}
		got := make(chan error, tc.waiting)
		for range tc.waiting {
			go func() {
				release, err := s.Take(context.Background())
				if err == nil {
					release()
				}
				got <- err
			}()
		}
		for s.Taken() < tc.running+tc.waiting {
			runtime.Gosched() // until the waiters are queued
		}
		if _, err := s.Take(context.Background()); !errors.Is(err, ErrBusy) {
			t.Errorf("%+v: a take past the queue: %v", tc, err)
		}
		for _, release := range held {
			release()
		}
		for range tc.waiting {
			if err := <-got; err != nil {
				t.Errorf("%+v: a waiter: %v", tc, err)
			}
		}
		release, err := s.Take(context.Background())
		if err != nil {
			t.Fatalf("%+v: all given back, yet: %v", tc, err)
		}
		release()
	}
}

// TestTakeGivesUp: a take waiting for a slot stops when its context ends,
// and gives its place in the queue back.
func TestTakeGivesUp(t *testing.T) {
	s := New(1, 1)
	release, err := s.Take(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Take(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("an ended take: %v", err)
	}
	if s.Taken() != 1 {
		t.Errorf("%d taken after the ended take gave up; want 1", s.Taken())
	}
	release()
	if s.Taken() != 0 {
		t.Errorf("%d taken after all were given back", s.Taken())
	}
}
