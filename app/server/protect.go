//go:build !wasm

package server

import (
	"fmt"
	"net/http"
	"regexp"
	"runtime/debug"
	"strings"
)

// contentSecurityPolicy allows only this origin's scripts, plus the
// compilation of WebAssembly, and no inline script. Inline styles are
// allowed: the timeline places events with custom properties in style
// attributes, computed from dates, never from story text.
func contentSecurityPolicy(frameAncestors string) string {
	if strings.TrimSpace(frameAncestors) == "" {
		frameAncestors = "*"
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' https: data:",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors " + frameAncestors,
	}, "; ")
}

// frameSourceRE is one source of a frame-ancestors list: 'self', 'none',
// a scheme (https:) or a host with an optional scheme, wildcard, port and
// path. Anything else (a ; or , that would start another directive, a
// quote) is refused, so the flag cannot rewrite the policy.
var frameSourceRE = regexp.MustCompile(`^(?:'self'|'none'|\*|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*://)?(?:\*\.)?[A-Za-z0-9.-]+(?::(?:[0-9]{1,5}|\*))?(?:/[A-Za-z0-9._~/%-]*)?)$`)

// checkFrameAncestors validates the -frame-ancestors list.
func checkFrameAncestors(list string) error {
	fields := strings.Fields(list)
	for _, f := range fields {
		if !frameSourceRE.MatchString(f) || (f == "'none'" && len(fields) > 1) {
			return fmt.Errorf("-frame-ancestors: %q is not a frame-ancestors source ('self', 'none', *, https: or a host such as https://*.news.example)", f)
		}
	}
	return nil
}

// secure sets the headers every response gets.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		// No X-Frame-Options: it cannot allow a list of embedders, and
		// frame-ancestors in the CSP does the job.
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panic in a handler into a 500 for that request
// alone, logged with its stack, instead of a dropped connection.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				s.serveError(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		next.ServeHTTP(w, r)
	})
}
