//go:build !unix

package repo

import "os"

// openFlags: only Unix has FIFOs that block an open.
const openFlags = os.O_RDONLY

// linkedElsewhere: hard links are a Unix matter here.
func linkedElsewhere(os.FileInfo) bool { return false }
