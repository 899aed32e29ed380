// Package export writes a site out as static files, for any static host
// or CDN: one consumer of the site's file list (site.Files).
package export

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"

	"explainer/app/publish"
	"explainer/app/site"
)

// ErrNotEmpty is in the error of an export into a folder of something
// else; Write's force writes into it all the same.
var ErrNotEmpty = errors.New("or force the export")

// Write writes the site's files under dir (site.Files: every story page
// prerendered at its first event, the story data, the assets with their
// .br and .gz forms beside them, the schema and a 404 page). Any static
// host or CDN can serve the result; with a base URL it works under that
// sub-path. It returns the number of files the site has. storiesDir is
// the folder the stories come from, which dir may not overlap.
//
// The writing is publish's to a folder (file://), the one writer of a
// site's folder: only what changed is written, in an order that never
// leaves a page without what it loads, with publish's manifest
// (.explainer-publish.json), so that an export and a publish to the same
// folder are one and the same. What this adds is an export's own rules.
//
// A static host cannot prerender ?event= links: readers without the
// WebAssembly see the first event there, and the WebAssembly then shows
// the one in the URL.
//
// dir must be empty, missing, or an earlier export or publish (it holds
// the manifest), unless force is set: an export never overwrites a folder
// of something else. Files of an earlier export that this one does not
// write (a story since removed) are deleted, and no symbolic link in dir
// is followed.
func Write(dir string, files []site.File, storiesDir string, force bool) (int, error) {
	// An export is not interrupted but by the process ending, which a
	// publish survives (run again, it finishes).
	ctx := context.Background()
	if info, err := os.Lstat(dir); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return 0, fmt.Errorf("%s is a symbolic link: give the folder it points to, so that what is written is plain to see", dir)
	}
	if err := apartFromStories(dir, storiesDir); err != nil {
		return 0, err
	}
	if len(files) == 0 {
		return 0, fmt.Errorf("nothing to export")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return 0, err
	}
	legacy, err := readLegacyManifest(abs)
	if err != nil {
		return 0, err
	}
	if _, err := os.Lstat(filepath.Join(abs, publish.ManifestKey)); err != nil && legacy == nil && !force {
		entries, err := os.ReadDir(abs)
		if err != nil {
			return 0, err
		}
		if len(entries) > 0 {
			return 0, fmt.Errorf("%s is not empty and holds no earlier export: choose an empty folder, %w", dir, ErrNotEmpty)
		}
	}
	objs, err := publish.Objects(files, publish.Files)
	if err != nil {
		return 0, err
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		return 0, err
	}
	defer root.Close()
	for _, o := range objs {
		if err := unlink(root, o.Key); err != nil {
			return 0, err
		}
	}
	b, err := publish.Open(ctx, (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String())
	if err != nil {
		return 0, err
	}
	defer b.Close()
	// The folder is the export's (empty, an earlier export, or -force):
	// what is at the site's names is replaced; an asset no page links to
	// is removed at once, as no reader of an older page is served from a
	// folder being exported to.
	if _, err := publish.Publish(ctx, b, objs, publish.Options{Force: true, Keep: -1}); err != nil {
		return 0, err
	}
	return len(objs), dropLegacy(root, legacy, objs)
}

// unlink removes the symbolic links on the way to the file at key (a
// path inside root) and at it, so that the export makes real folders and
// files there rather than writing through a link, or stopping half-way at
// one that leads out.
func unlink(root *os.Root, key string) error {
	if err := unlinkFolders(root, path.Dir(key)); err != nil {
		return err
	}
	if info, err := root.Lstat(key); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return root.Remove(key)
	}
	return nil
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

// legacyManifest lists the files an export of an older explainer wrote,
// before exports wrote publish's manifest: a folder that holds it is an
// earlier export.
const legacyManifest = ".explainer-export"

// readLegacyManifest returns the files an older export listed in dir, or
// nil.
func readLegacyManifest(dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, legacyManifest))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := []string{}
	for _, line := range strings.Split(string(data), "\n") {
		// Only names inside the folder: a hand-edited manifest cannot make
		// an export delete anything else.
		if line != "" && filepath.IsLocal(line) {
			out = append(out, line)
		}
	}
	return out, nil
}

// dropLegacy removes, once the site is written, what an older export
// listed that this one did not write (a story since removed), and its
// list: publish's manifest has taken over.
func dropLegacy(root *os.Root, legacy []string, objs []publish.Object) error {
	if legacy == nil {
		return nil
	}
	written := map[string]bool{}
	for _, o := range objs {
		written[o.Key] = true
	}
	for _, old := range legacy {
		if !written[old] {
			if err := root.Remove(old); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("removing %s, left from an earlier export: %w", old, err)
			}
		}
	}
	return root.Remove(legacyManifest)
}
