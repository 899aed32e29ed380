//go:build !unix && !wasm

package server

import "os"

// openFlags: only Unix has FIFOs that block an open.
const openFlags = os.O_RDONLY

// linkedElsewhere: hard links are a Unix matter here.
func linkedElsewhere(os.FileInfo) bool { return false }

// fileLimit: where there is no such limit to read, a modest number.
func fileLimit() int { return 1024 }
