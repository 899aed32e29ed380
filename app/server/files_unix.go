//go:build unix

package server

import (
	"os"
	"syscall"
)

// openFlags open without blocking: opening a FIFO for reading would
// otherwise wait for a writer.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
