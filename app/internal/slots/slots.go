// Package slots bounds costly work done at once, as the server bounds its
// renders (app/server's page cache): no more runs at once than there are
// slots, no more waits than a given number, and past that a request is
// refused at once (ErrBusy), so that a flood costs the memory of the
// slots and nothing more.
package slots

import (
	"context"
	"errors"
	"runtime"
)

// Slots is a bound on work at once. The zero value is not usable: New.
type Slots struct {
	run     chan struct{}
	tickets chan struct{} // running and waiting
}

// ErrBusy is the answer when the slots and the queue are full: the caller
// may try again shortly (HTTP: 503 with Retry-After).
var ErrBusy = errors.New("busy: try again in a moment")

// New bounds work to running at once (0: one per processor), with up to
// waiting more waiting for a slot.
func New(running, waiting int) *Slots {
	if running <= 0 {
		running = runtime.GOMAXPROCS(0)
	}
	return &Slots{run: make(chan struct{}, running), tickets: make(chan struct{}, running+max(waiting, 0))}
}

// Take waits for a slot and returns the function that gives it back. It
// fails at once with ErrBusy when as many are waiting as may, and with
// ctx's error if ctx ends first (the request's reader left).
func (s *Slots) Take(ctx context.Context) (release func(), err error) {
	select {
	case s.tickets <- struct{}{}:
	default:
		return nil, ErrBusy
	}
	select {
	case s.run <- struct{}{}:
	case <-ctx.Done():
		<-s.tickets
		return nil, ctx.Err()
	}
	return func() {
		<-s.run
		<-s.tickets
	}, nil
}

// Taken is how many hold a slot or wait for one.
func (s *Slots) Taken() int { return len(s.tickets) }
