package server

// statusError is an error a handler answers with a status and a short
// plain message, for machine clients such as oEmbed consumers.
type statusError struct {
	status int
	msg    string
	// retryAfter, in seconds, tells a client when to try again (503).
	retryAfter int
}

func (e *statusError) Error() string { return e.msg }
