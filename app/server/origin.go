package server

import (
	"net/http"
	"regexp"
	"strings"
)

// hostRE is a plausible Host header: a name or address, and a port. The
// server answers for whatever host a request names; anything else is not
// reflected into pages.
var hostRE = regexp.MustCompile(`^[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$`)

// origin is the site's public scheme and host, for absolute links in a
// page (canonical, oEmbed, Open Graph): the -base-url's when set, else
// the proxy's X-Forwarded-Proto and -Host with -trust-proxy, else the
// request's own. "" when none is usable.
func (s *Server) origin(r *http.Request) string {
	if o := s.site.BaseOrigin(); o != "" {
		return o
	}
	scheme, host := "http", r.Host
	if r.TLS != nil {
		scheme = "https"
	}
	if s.cfg.TrustProxy {
		if p := firstValue(r.Header.Get("X-Forwarded-Proto")); p == "http" || p == "https" {
			scheme = p
		}
		if h := firstValue(r.Header.Get("X-Forwarded-Host")); h != "" {
			host = h
		}
	}
	if !hostRE.MatchString(host) {
		return ""
	}
	return scheme + "://" + host
}

// firstValue is the first of a comma-separated header's values: the one
// the proxy nearest the reader added, when proxies are chained.
func firstValue(h string) string {
	v, _, _ := strings.Cut(h, ",")
	return strings.ToLower(strings.TrimSpace(v))
}
