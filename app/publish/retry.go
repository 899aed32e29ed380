package publish

import (
	"context"
	"math/rand/v2"
	"time"

	"gocloud.dev/gcerrors"
)

// Attempts at each write, and the wait before the second; each wait
// doubles, with jitter so that concurrent writers that failed together
// do not retry together. With the store's own client retrying each
// attempt (three times for S3), a write outlasts about 20 s of outage.
const (
	attempts  = 6
	firstWait = 200 * time.Millisecond
)

// retry runs f until it succeeds, fails for a reason that another try
// cannot mend (denied, no such bucket, a bad request), or has failed
// tries times (default attempts). The store's own client retries too;
// this covers what outlasts it: a network gone for seconds, a store
// shedding load.
func retry(ctx context.Context, tries int, wait time.Duration, f func() error) error {
	if wait <= 0 {
		wait = firstWait
	}
	if tries <= 0 {
		tries = attempts
	}
	for attempt := 1; ; attempt++ {
		err := f()
		if err == nil || attempt >= tries || !transient(err) || ctx.Err() != nil {
			return err
		}
		t := time.NewTimer(wait + rand.N(wait/2))
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		wait *= 2
	}
}

// transient reports whether a failure may pass.
func transient(err error) bool {
	switch gcerrors.Code(err) {
	case gcerrors.PermissionDenied, gcerrors.NotFound, gcerrors.InvalidArgument,
		gcerrors.FailedPrecondition, gcerrors.Unimplemented, gcerrors.AlreadyExists, gcerrors.Canceled:
		return false
	}
	return true
}
