package repo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"

	"explainer/app/story"
)

// Files is where stories come from: a folder on disk, or the files
// built into the binary.
type Files interface {
	// names lists the *.json entries, in name order, whatever they are.
	names() ([]string, error)
	// stat describes a file for the watcher's quick check.
	stat(name string) (fs.FileInfo, error)
	// read returns a story file's bytes, or an error that says why it is
	// not read: not a regular file, outside the folder, too large.
	read(name string) ([]byte, error)
}

// Dir reads a folder through os.Root, so that no name or symbolic
// link can reach outside it, and opens without blocking, so that a FIFO
// named *.json cannot stop the server.
//
// The folder is its path, not the folder first opened there: a deploy
// that swaps a symbolic link (ln -sfn v2 current.tmp && mv -T current.tmp
// current, as Kubernetes updates a ConfigMap volume) or moves a new folder
// into place is seen at the next reload, which opens the new one.
type Dir struct {
	path string
	mu   sync.Mutex // guards root
	root *os.Root
}

func OpenDir(dir string) (*Dir, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	return &Dir{path: dir, root: root}, nil
}

// swapped reports whether the path now names another folder than the one
// open: a quick check, made often.
func (d *Dir) swapped() bool {
	now, err := os.Stat(d.path)
	if err != nil {
		return false // gone for a moment, mid-swap: keep what is open
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	open, err := d.root.Stat(".")
	return err == nil && now.IsDir() && !os.SameFile(now, open)
}

// current is the open folder, reopened first if the path was swapped.
func (d *Dir) current() *os.Root {
	if d.swapped() {
		if root, err := os.OpenRoot(d.path); err == nil {
			d.mu.Lock()
			d.root.Close()
			d.root = root
			d.mu.Unlock()
		}
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.root
}

func (d *Dir) names() ([]string, error) {
	entries, err := fs.ReadDir(d.current().FS(), ".")
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

func (d *Dir) stat(name string) (fs.FileInfo, error) {
	d.mu.Lock()
	root := d.root
	d.mu.Unlock()
	info, err := root.Stat(name)
	if err != nil {
		return nil, notServed(err)
	}
	return info, regular(info)
}

func (d *Dir) read(name string) ([]byte, error) {
	d.mu.Lock()
	root := d.root
	d.mu.Unlock()
	data, _, err := readIn(root, name)
	return data, err
}

// readIn reads a story file of root: through os.Root, so that nothing
// outside it is reached whatever the links; a regular file with one name;
// never more than a story may be. It is how both the server and the
// studio read (see ReadFile).
func readIn(root *os.Root, name string) ([]byte, fs.FileInfo, error) {
	f, err := root.OpenFile(name, openFlags, 0)
	if err != nil {
		return nil, nil, notServed(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if err := regular(info); err != nil {
		return nil, nil, err
	}
	data, err := readCapped(f, info.Size())
	return data, info, err
}

// builtIn are the stories built into the binary.
type builtIn struct{ fsys fs.FS }

// BuiltIn serves the *.json stories of fsys.
func BuiltIn(fsys fs.FS) Files { return builtIn{fsys} }

func (b builtIn) names() ([]string, error) { return fs.Glob(b.fsys, "*.json") }

func (b builtIn) stat(name string) (fs.FileInfo, error) { return fs.Stat(b.fsys, name) }

func (b builtIn) read(name string) ([]byte, error) {
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

// regular refuses what is not a regular file of the folder's own: a
// folder, a FIFO, a device, or a file with another name elsewhere.
func regular(info fs.FileInfo) error {
	if info.Mode().IsRegular() {
		if linkedElsewhere(info) {
			return notRead{msg: "a hard link, which may name a file from outside the stories folder: not read (copy the file in instead)"}
		}
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
	return notRead{msg: kind + ", not a story file: not read"}
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
		return notRead{msg: "a link out of the stories folder: not followed"}
	case errors.Is(err, fs.ErrNotExist):
		return notRead{msg: "a link to nothing, or removed: not read", cause: fs.ErrNotExist}
	case errors.Is(err, fs.ErrPermission):
		return notRead{msg: "not readable by the server", cause: fs.ErrPermission}
	}
	return err
}

// ErrNotRead is in every error for a file refused for what it is (a
// link, a hard link, not a regular file, not readable), as opposed to one
// that failed to be read: the studio answers those with the reason.
var ErrNotRead = errors.New("not read")

// notRead says why a file is refused, in words that quote nothing from
// outside the folder; cause, if any, is the file system's error
// (fs.ErrNotExist for a file that is not there).
type notRead struct {
	msg   string
	cause error
}

func (e notRead) Error() string { return e.msg }

func (e notRead) Unwrap() []error {
	if e.cause == nil {
		return []error{ErrNotRead}
	}
	return []error{ErrNotRead, e.cause}
}
