// Package export writes a site out as static files, for any static host
// or CDN: one consumer of the site's file list (site.Files).
package export

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"explainer/app/site"
)

// Write writes the site's files under dir (site.Files: every story page
// prerendered at its first event, the story data, the assets with their
// .br and .gz forms beside them, the schema and a 404 page). Any static
// host or CDN can serve the result; with a base URL it works under that
// sub-path. It returns the number of files written. storiesDir is the
// folder the stories come from, which dir may not overlap.
//
// A static host cannot prerender ?event= links: readers without the
// WebAssembly see the first event there, and the WebAssembly then shows
// the one in the URL.
//
// dir must be empty, missing, or an earlier export (it holds the manifest
// file .explainer-export), unless force is set: an export never overwrites
// a folder of something else. Files of an earlier export that this one
// does not write (a story since removed) are deleted, and no symbolic
// link in dir is followed.
func Write(dir string, files []site.File, storiesDir string, force bool) (int, error) {
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return 0, fmt.Errorf("%s is a symbolic link: give the folder it points to, so that what is written is plain to see", dir)
	}
	if err := apartFromStories(dir, storiesDir); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	previous, err := readManifest(dir)
	if err != nil {
		return 0, err
	}
	if previous == nil && !force {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return 0, err
		}
		if len(entries) > 0 {
			return 0, fmt.Errorf("%s is not empty and holds no earlier export: choose an empty folder, or -force", dir)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return 0, err
	}
	defer root.Close()
	written := map[string]bool{}
	n := 0
	write := func(name string, data []byte) error {
		rel := strings.TrimPrefix(name, "/")
		if err := unlinkFolders(root, path.Dir(rel)); err != nil {
			return err
		}
		if err := root.MkdirAll(path.Dir(rel), 0o755); err != nil {
			return err
		}
		// A link in the way is removed, not written through.
		if info, err := root.Lstat(rel); err == nil && info.Mode()&fs.ModeSymlink != 0 {
			if err := root.Remove(rel); err != nil {
				return err
			}
		}
		n++
		written[rel] = true
		return root.WriteFile(rel, data, 0o644)
	}
	for _, f := range files {
		if err := write(f.Path, f.Body); err != nil {
			return n, err
		}
	}
	if n == 0 {
		return 0, fmt.Errorf("nothing to export")
	}
	for _, old := range previous {
		if !written[old] {
			if err := root.Remove(old); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return n, fmt.Errorf("removing %s, left from an earlier export: %w", old, err)
			}
		}
	}
	names := slices.Sorted(maps.Keys(written))
	return n, root.WriteFile(manifestName, []byte(strings.Join(names, "\n")+"\n"), 0o644)
}

// unlinkFolders removes the symbolic links among the folders of dir (a
// path inside root), so that the export makes real folders there rather
// than writing through a link, or stopping half-way at one that leads out.
func unlinkFolders(root *os.Root, dir string) error {
	if dir == "." {
		return nil
	}
	prefix := ""
	for part := range strings.SplitSeq(dir, "/") {
		prefix = path.Join(prefix, part)
		info, err := root.Lstat(prefix)
		if errors.Is(err, fs.ErrNotExist) {
			return nil // made by MkdirAll, as a folder
		}
		if err != nil {
			return err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			if err := root.Remove(prefix); err != nil {
				return err
			}
		}
	}
	return nil
}

// apartFromStories refuses an export folder that is the stories folder,
// inside it or around it: the export would mix its files (story.schema.json
// above all) with the stories, which the server then reads as stories.
func apartFromStories(dir, storiesDir string) error {
	if storiesDir == "" {
		return nil
	}
	out, err1 := filepath.Abs(dir)
	stories, err2 := filepath.Abs(storiesDir)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if real, err := filepath.EvalSymlinks(stories); err == nil {
		stories = real
	}
	if within(out, stories) || within(stories, out) {
		return fmt.Errorf("%s and the stories folder %s overlap: export to a folder of its own", dir, storiesDir)
	}
	return nil
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && filepath.IsLocal(rel)
}

// manifestName lists the files an export wrote, so that the next one
// knows the folder is its own and what to remove.
const manifestName = ".explainer-export"

// readManifest returns the files of an earlier export in dir, or nil.
func readManifest(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		// Only names inside the folder: a hand-edited manifest cannot make
		// an export delete anything else.
		if line != "" && filepath.IsLocal(line) {
			out = append(out, line)
		}
	}
	return out, nil
}
