//go:build !unix

package server

// fileLimit: where there is no such limit to read, a modest number.
func fileLimit() int { return 1024 }
