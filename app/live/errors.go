package live

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"syscall"
	"time"
)

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
	Kind Kind
	// Msg says what happened in a newsroom's words; it names a status,
	// never a port or an address, so that it is the same for the same
	// state.
	Msg string
	// Cause is the network's own error, for the log's details.
	Cause error
	retry time.Duration // Retry-After, when the source gave one
}

func (e *Error) Error() string { return e.Msg }

func (e *Error) Unwrap() error { return e.Cause }

// errorKey is what makes two failures the same state, logged once: the
// kind and the message.
func errorKey(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return string(e.Kind) + ": " + e.Msg
	}
	return err.Error()
}

// networkError says in plain words why no answer came.
func networkError(err error) *Error {
	e := &Error{Kind: Network, Cause: err}
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var unknown x509.UnknownAuthorityError
	var host x509.HostnameError
	switch {
	case errors.As(err, &dns):
		e.Msg = "the source's host name was not found"
	case errors.Is(err, syscall.ECONNREFUSED):
		e.Msg = "the source's server refused the connection"
	case errors.Is(err, syscall.ECONNRESET):
		e.Msg = "the source's server broke the connection off"
	case errors.As(err, &cert), errors.As(err, &unknown), errors.As(err, &host):
		e.Msg = "the source's certificate is not valid for its address"
	default:
		e.Msg = "no connection to the source's server"
	}
	return e
}
