//go:build !wasm

package studio

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"explainer/app/internal/atomicfile"
	"explainer/app/story"
)

// folder is the one folder the studio reads and writes story files in:
// names are bare file names, never paths, so nothing outside it can be
// named, and symbolic links are neither followed nor replaced.
type folder struct {
	dir string
	// only, when set, is the one file the studio was opened on.
	only string
	// mu orders saves, so that the check for a conflict and the write
	// that follows it are one step.
	mu sync.Mutex
}

// Errors a save reports.
var (
	errConflict = errors.New("the file changed on disk since it was opened")
	errExists   = errors.New("a file of that name exists")
	errNotFound = errors.New("no such story file")
	errName     = errors.New("a story file name is letters, digits, - and _, ending in .json")
)

// version names the content of a file: it changes whenever the bytes do.
func version(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:12])
}

// checkName accepts a bare file name in the folder.
func (f *folder) checkName(name string) error {
	if f.only != "" && name != f.only {
		return errNotFound
	}
	if !strings.HasSuffix(name, ".json") || strings.HasPrefix(name, ".") || len(name) > 120 {
		return errName
	}
	for _, r := range strings.TrimSuffix(name, ".json") {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return errName
		}
	}
	return nil
}

// entry is a story file as the studio lists it.
type entry struct {
	Name    string `json:"name"`
	ID      string `json:"id,omitempty"`
	Title   string `json:"title,omitempty"`
	Version string `json:"version"`
	Valid   bool   `json:"valid"`
}

// list returns the folder's story files, in name order.
func (f *folder) list() ([]entry, error) {
	var names []string
	if f.only != "" {
		names = []string{f.only}
	} else {
		des, err := os.ReadDir(f.dir)
		if err != nil {
			return nil, err
		}
		for _, de := range des {
			if de.Type().IsRegular() && f.checkName(de.Name()) == nil {
				names = append(names, de.Name())
			}
		}
	}
	slices.Sort(names)
	out := make([]entry, 0, len(names))
	for _, name := range names {
		data, err := f.read(name)
		if err != nil {
			continue // gone since the listing, or not a regular file
		}
		e := entry{Name: name, Version: version(data)}
		if s, err := story.Parse(name, data); err == nil {
			e.ID, e.Title, e.Valid = string(s.ID), s.Title, true
		}
		out = append(out, e)
	}
	return out, nil
}

// read returns a file's content; only regular files are read.
func (f *folder) read(name string) ([]byte, error) {
	if err := f.checkName(name); err != nil {
		return nil, err
	}
	path := filepath.Join(f.dir, name)
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file: the studio does not follow links", name)
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	data, err := io.ReadAll(io.LimitReader(file, story.MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > story.MaxFileSize {
		return nil, fmt.Errorf("%s is larger than a story may be", name)
	}
	return data, nil
}

// save writes a file whole or not at all, if it still holds the version
// the editor opened (base; "" for a file that must not exist yet). It
// returns the version written, or errConflict with what the file holds.
func (f *folder) save(name string, data []byte, base string) (string, []byte, error) {
	if err := f.checkName(name); err != nil {
		return "", nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	current, err := f.read(name)
	switch {
	case errors.Is(err, errNotFound):
		if base != "" {
			return "", nil, errNotFound
		}
	case err != nil:
		return "", nil, err
	case base == "":
		return "", current, errExists
	case version(current) != base:
		return "", current, errConflict
	}
	if err := atomicfile.Write(filepath.Join(f.dir, name), data, 0o644); err != nil {
		return "", nil, err
	}
	return version(data), nil, nil
}

// format writes a story the editor sent as story files are written
// (story.Marshal), so that a save changes in the file only what the editor
// changed. It is decoded as plain JSON, not parsed: Parse puts the events
// in time order, and the editor's order is theirs to keep.
func format(data []byte) ([]byte, error) {
	var s story.Story
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil {
		return nil, err
	}
	return story.Marshal(&s)
}
