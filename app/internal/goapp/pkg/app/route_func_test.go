package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Patched: routes by a function (RouteFunc), alongside exact paths and
// patterns, in the order they were added, exact paths first.
func TestRouteFunc(t *testing.T) {
	isUser := func(p string) bool { return strings.HasPrefix(p, "/user/") }
	tests := []struct {
		path     string
		expected Composer
	}{
		{path: "/user/42", expected: &routeWithRegexpCompo{}},
		{path: "/user/", expected: &routeWithRegexpCompo{}},
		{path: "/user/exact", expected: &routeCompo{}},
		{path: "/users", expected: &Compo{}},
		{path: "/other"},
		{path: ""},
	}
	r := makeRouter()
	r.route("/user/exact", NewZeroComponentFactory(&routeCompo{}))
	r.routeFunc(isUser, NewZeroComponentFactory(&routeWithRegexpCompo{}))
	r.routeWithRegexp("^/user", NewZeroComponentFactory(&Compo{}))
	r.routeFunc(isUser, NewZeroComponentFactory(&Compo{}))
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			c, ok := r.createComponent(tt.path)
			require.Equal(t, tt.expected != nil, ok)
			require.Equal(t, tt.expected != nil, r.routed(tt.path))
			if tt.expected != nil {
				require.IsType(t, tt.expected, c)
			}
		})
	}
}
