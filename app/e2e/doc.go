// Package e2e holds the end-to-end tests: the real server on loopback,
// driven in headless Chromium. They prove what only a browser can: that
// the WebAssembly loads, takes over the prerendered page without a visible
// change and answers a reader, inside iframes too. See browser_test.go for
// how Chromium is found.
package e2e
