//go:build !wasm

package server

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"explainer/app/story"
)

// storyFiles is where stories come from: a folder on disk, or the files
// built into the binary.
type storyFiles interface {
	// names lists the *.json entries, in name order, whatever they are.
	names() ([]string, error)
	// stat describes a file for the watcher's quick check.
	stat(name string) (fs.FileInfo, error)
	// read returns a story file's bytes, or an error that says why it is
	// not read: not a regular file, outside the folder, too large.
	read(name string) ([]byte, error)
}

// dirFiles reads a folder through os.Root, so that no name or symbolic
// link can reach outside it, and opens without blocking, so that a FIFO
// named *.json cannot stop the server.
type dirFiles struct {
	root *os.Root
}

func openDir(dir string) (*dirFiles, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &dirFiles{root: root}, nil
}

func (d *dirFiles) names() ([]string, error) {
	entries, err := fs.ReadDir(d.root.FS(), ".")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

func (d *dirFiles) stat(name string) (fs.FileInfo, error) {
	info, err := d.root.Stat(name)
	if err != nil {
		return nil, notServed(err)
	}
	return info, regular(info)
}

func (d *dirFiles) read(name string) ([]byte, error) {
	f, err := d.root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, notServed(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := regular(info); err != nil {
		return nil, err
	}
	return readCapped(f, info.Size())
}

// builtinFiles are the stories built into the binary.
type builtinFiles struct{ fsys fs.FS }

func (b builtinFiles) names() ([]string, error) { return fs.Glob(b.fsys, "*.json") }

func (b builtinFiles) stat(name string) (fs.FileInfo, error) { return fs.Stat(b.fsys, name) }

func (b builtinFiles) read(name string) ([]byte, error) {
	f, err := b.fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return readCapped(f, info.Size())
}

// regular refuses what is not a regular file: a folder, a FIFO, a device.
func regular(info fs.FileInfo) error {
	if info.Mode().IsRegular() {
		return nil
	}
	kind := "not a regular file"
	switch {
	case info.IsDir():
		kind = "a folder"
	case info.Mode()&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case info.Mode()&fs.ModeDevice != 0:
		kind = "a device"
	}
	return fmt.Errorf("%s, not a story file: not read", kind)
}

// readCapped reads a file whose size was checked first, and never more
// than a story may be, in case it grows meanwhile.
func readCapped(r io.Reader, size int64) ([]byte, error) {
	if size > story.MaxFileSize {
		return nil, fmt.Errorf("%d bytes, over the %d a story file may be: not read", size, story.MaxFileSize)
	}
	data, err := io.ReadAll(io.LimitReader(r, story.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > story.MaxFileSize {
		return nil, fmt.Errorf("over the %d bytes a story file may be: not read", story.MaxFileSize)
	}
	return data, nil
}

// notServed says why a name cannot be opened, without quoting anything
// from outside the folder.
func notServed(err error) error {
	var pe *fs.PathError
	switch {
	case errors.As(err, &pe) && strings.Contains(pe.Err.Error(), "escapes"):
		return errors.New("a link out of the stories folder: not followed")
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("a link to nothing, or removed: not read")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("not readable by the server")
	}
	return err
}
