// Package atomicfile writes a file whole or not at all.
package atomicfile

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
)

// Write puts data at path through a temporary file in the same folder,
// synced and then renamed over the name: a reader (the server watching a
// stories folder) sees the old file or the new one, never half of one,
// and a crash or a full disk leaves the old one in place.
//
// A file already there keeps its permissions (a story kept private,
// 0600, stays private); perm is for a new file.
func Write(path string, data []byte, perm os.FileMode) error {
	root, err := os.OpenRoot(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer root.Close()
	return WriteIn(root, filepath.Base(path), data, perm)
}

// WriteIn is Write for a name in a folder opened as an os.Root: nothing
// outside it is written, and a symbolic link at name is replaced, never
// followed.
func WriteIn(root *os.Root, name string, data []byte, perm os.FileMode) error {
	// The mode of what is there now, not of what a link there points at.
	if fi, err := root.Lstat(name); err == nil && fi.Mode().IsRegular() {
		perm = fi.Mode().Perm()
	}
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return err
	}
	tmpName := "." + name + "." + hex.EncodeToString(b) + ".tmp"
	tmp, err := root.OpenFile(tmpName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer root.Remove(tmpName) // after the rename, there is nothing to remove
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		// Chmod, not the create's mode, which the umask would cut.
		err = tmp.Chmod(perm)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return root.Rename(tmpName, name)
}
