package app

import (
	"regexp"
	"sync"
)

type router struct {
	mu               sync.RWMutex
	routes           map[string]func() Composer
	routesWithRegexp []matchRoute
}

func makeRouter() router {
	return router{
		routes: make(map[string]func() Composer),
	}
}

func (r *router) route(path string, newComponent func() Composer) {
	r.mu.Lock()
	defer r.mu.Unlock()

	r.routes[path] = newComponent
}

// routeWithRegexp compiles the pattern here, and only here, so that a
// program that never calls RouteWithRegexp does not link the regexp
// package (patched: the router matches through a function).
func (r *router) routeWithRegexp(pattern string, newComponent func() Composer) {
	r.routeFunc(regexp.MustCompile(pattern).MatchString, newComponent)
}

func (r *router) routeFunc(match func(path string) bool, newComponent func() Composer) {
	r.mu.Lock()
	defer r.mu.Unlock()

	r.routesWithRegexp = append(r.routesWithRegexp, matchRoute{
		match:        match,
		newComponent: newComponent,
	})
}

// RouteFunc associates the paths that match reports true for with a
// function that generates a new Composer component, as RouteWithRegexp does
// for the paths a pattern matches, but without the regexp package: a
// WebAssembly program that routes with RouteFunc and Route alone does not
// link it (patched: not in upstream go-app). Exact paths (Route) take
// priority; matching routes are tried in the order they were added.
//
// Example:
//
//	RouteFunc(func(path string) bool {
//	    return strings.HasPrefix(path, "/users/")
//	}, func() Composer {
//	    return NewUserComponent()
//	})
func RouteFunc(match func(path string) bool, newComponent func() Composer) {
	routes.routeFunc(match, newComponent)
}

func (r *router) routed(path string) bool {
	r.mu.RLock()
	defer r.mu.RUnlock()

	if _, routed := r.routes[path]; routed {
		return true
	}

	for _, rwr := range r.routesWithRegexp {
		if rwr.match(path) {
			return true
		}
	}

	return false
}

func (r *router) createComponent(path string) (Composer, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()

	if newComponent, routed := r.routes[path]; routed {
		return newComponent(), true
	}

	for _, rwr := range r.routesWithRegexp {
		if rwr.match(path) {
			return rwr.newComponent(), true
		}
	}

	return nil, false
}

type matchRoute struct {
	match        func(path string) bool
	newComponent func() Composer
}
