//go:build unix

package repo

import (
	"os"
	"syscall"
)

// openFlags open without blocking: opening a FIFO for reading would
// otherwise wait for a writer.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK

// linkedElsewhere reports whether a file has more than one name: a hard
// link, which os.Root cannot tell from a file of the folder's own, may
// give a name inside the folder to a file from anywhere on the disk.
func linkedElsewhere(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Nlink > 1
}
