package server

import (
	"fmt"
	"net/http"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"

	"explainer/app/story"
)

// contentSecurityPolicy allows only this origin's scripts, plus the
// compilation of WebAssembly, and no inline script. Inline styles are
// allowed: a story's page holds the reader's stylesheet (site.inlineStyle),
// and the timeline places events with custom properties in style
// attributes, computed from dates, never from story text.
//
// frameAncestors is who may embed the page (-frame-ancestors). The site's
// own pages always may: the embed page previews the card in a frame, and
// the demo embeds it, so 'self' joins any list and stands in for 'none'.
func contentSecurityPolicy(frameAncestors string) string {
	switch f := strings.Fields(frameAncestors); {
	case len(f) == 0 || slices.Contains(f, "*"):
		frameAncestors = "*"
	case f[0] == "'none'":
		frameAncestors = "'self'"
	case !slices.Contains(f, "'self'"):
		frameAncestors = "'self' " + strings.Join(f, " ")
	default:
		frameAncestors = strings.Join(f, " ")
	}
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' https: data:",
		"connect-src 'self'",
		// Players load only when a reader asks (see widget.media), and
		// only from the services the story package knows.
		"frame-src 'self' " + strings.Join(story.PlayerOrigins, " "),
		"media-src 'self' https:",
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

// checkFrameAncestors validates a frame-ancestors list.
func checkFrameAncestors(list string) error {
	fields := strings.Fields(list)
	for _, f := range fields {
		if !frameSourceRE.MatchString(f) || (f == "'none'" && len(fields) > 1) {
			return fmt.Errorf("CSP frame-ancestors: %q is not a source ('self', 'none', *, https: or a host such as https://*.news.example)", f)
		}
	}
	return nil
}

// permissionsPolicy turns off the powerful features the widget has no use
// for, in our pages and anything they might frame.
// Fullscreen, autoplay and picture-in-picture stay allowed: they are what
// a reader's video needs.
const permissionsPolicy = "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()"

// secure sets the headers every response gets.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		// The widget uses none of the browser's powerful features; a page
		// of ours that is framed cannot hand them on either.
		h.Set("Permissions-Policy", permissionsPolicy)
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
