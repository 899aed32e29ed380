package studio

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"explainer/app/repo"
	"explainer/app/story"
	"explainer/app/studio/api"
	"explainer/app/timelinejs"
)

// folder is the one folder the studio reads and writes story files in:
// names are bare file names, never paths, so nothing outside it can be
// named; and it is read and written through the repository's own access
// (repo.Dir: os.Root, regular files with one name, no links), so that
// the studio reaches no file the server would refuse to serve.
type folder struct {
	files *repo.Dir
	// only, when set, is the one file the studio was opened on.
	only string
	// check is the server's check of a story file (Config.Check).
	check func(name string, data []byte) (*story.Story, error)
	// mu orders saves, so that the check for a conflict and the write
	// that follows it are one step.
	mu sync.Mutex
	// listed is each file as the last list found it: a file whose
	// version is the same is not checked again (the check renders its
	// heaviest pages), so opening the studio on a large folder costs the
	// reads alone after the first time. It holds the files of the last
	// list only.
	listMu sync.Mutex
	listed map[string]api.Entry
}

// Errors a save reports.
var (
	errConflict = errors.New("the file changed on disk since it was opened")
	errExists   = errors.New("a file of that name exists")
	errNotFound = errors.New("no such story file")
	errName     = errors.New("a story file name is letters, digits, - and _, ending in .json")
	errTimeline = errors.New("this is a TimelineJS file, not a story file: import it (drop it on the studio) to make a story of it")
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

// list returns the folder's story files, in name order.
func (f *folder) list() ([]api.Entry, error) {
	var names []string
	if f.only != "" {
		names = []string{f.only}
	} else {
		all, err := f.files.Names()
		if err != nil {
			return nil, err
		}
		for _, name := range all {
			if f.checkName(name) == nil {
				names = append(names, name)
			}
		}
	}
	slices.Sort(names)
	f.listMu.Lock()
	defer f.listMu.Unlock()
	out := make([]api.Entry, 0, len(names))
	listed := make(map[string]api.Entry, len(names))
	for _, name := range names {
		data, err := f.read(name)
		if err != nil {
			continue // gone since the listing, or a link, or not a file
		}
		e := api.Entry{Name: name, Version: version(data)}
		if last, ok := f.listed[name]; ok && last.Version == e.Version {
			e = last
		} else if s, err := f.checkStory(name, data); err == nil {
			e.ID, e.Title, e.Valid = string(s.ID), s.Title, true
			if s.Live != nil {
				e.Live = string(s.Live.URL)
			}
		}
		listed[name] = e
		out = append(out, e)
	}
	f.listed = listed
	return out, nil
}

// checkStory checks a story file as the server loads it: what passes is
// what the site will serve. A TimelineJS file, which the server converts
// as it loads one, is not a story file the studio writes: the studio
// imports it instead (its text would be saved as a story's otherwise).
func (f *folder) checkStory(name string, data []byte) (*story.Story, error) {
	if timelinejs.IsTimeline(data) {
		return nil, fmt.Errorf("%s: %w", name, errTimeline)
	}
	return f.check(name, data)
}

// read returns a file's content: a regular file of the folder's own.
func (f *folder) read(name string) ([]byte, error) {
	if err := f.checkName(name); err != nil {
		return nil, err
	}
	data, err := f.files.ReadFile(name)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !errors.Is(err, repo.ErrNotRead):
		return nil, errNotFound
	case err != nil:
		// A link, even one to nothing, is not a free name either.
		return nil, fmt.Errorf("%s: %w", name, err)
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
	if err := f.files.WriteFile(name, data); err != nil {
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
