package repo

import (
	"errors"
	"io/fs"
	"os"

	"explainer/app/internal/atomicfile"
)

// The studio edits the folder through the same access the server reads it
// by (readIn), so that it reaches no file the server would refuse. It is
// stricter still: it edits the files themselves, never a name that is a
// symbolic link, even one inside the folder, since saving would replace
// the link with a file.

// Names lists the folder's *.json entries, whatever they are.
func (d *Dir) Names() ([]string, error) { return d.names() }

// ReadFile returns a story file's content for the studio: a regular file
// of the folder's own, with one name, not a link. A file that is not
// there is an error that wraps fs.ErrNotExist; one refused for what it
// is wraps ErrNotRead.
func (d *Dir) ReadFile(name string) ([]byte, error) {
	root := d.current()
	named, err := root.Lstat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err // nothing there: a name free for a new story
	}
	if err != nil {
		return nil, notServed(err)
	}
	if named.Mode()&fs.ModeSymlink != 0 {
		return nil, notRead{msg: "a symbolic link: the studio edits only the files themselves"}
	}
	data, opened, err := readIn(root, name)
	if err != nil {
		return nil, err
	}
	if !os.SameFile(named, opened) {
		// Swapped for a link (inside the folder: readIn went no
		// further) between the look and the read.
		return nil, notRead{msg: "replaced while being read: try again"}
	}
	return data, nil
}

// WriteFile puts data at name whole or not at all, inside the folder: a
// link swapped in at the name meanwhile is replaced, never written
// through. A file replaced keeps its permissions; a new one is 0644.
func (d *Dir) WriteFile(name string, data []byte) error {
	return atomicfile.WriteIn(d.current(), name, data, 0o644)
}
