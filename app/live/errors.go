package live

import "time"

// Kind sorts the ways a read fails, for the newsroom (what to do about
// it differs) and for logging each change of state once.
type Kind string

// The kinds of failure.
const (
	Timeout     Kind = "timeout"     // no answer, or not all of it, in time
	Network     Kind = "network"     // no connection, or one that broke
	Denied      Kind = "denied"      // 401, 403: unpublished or unshared
	Gone        Kind = "gone"        // 404, 410
	Unavailable Kind = "unavailable" // 429, 5xx
	Refused     Kind = "refused"     // any other status
	TooLarge    Kind = "too large"   // over the size cap
	NotASheet   Kind = "not a sheet" // a web page where the sheet was
)

// Error is a read that failed.
type Error struct {
	Kind  Kind
	Msg   string
	retry time.Duration // Retry-After, when the source gave one
}

func (e *Error) Error() string { return e.Msg }

// errorKey is what makes two failures the same state: the kind and the
// message, which names the status.
func errorKey(err error) string { return err.Error() }
