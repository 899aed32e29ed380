package publish

import (
	"cmp"
	"context"
	"crypto/md5"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// isFolder reports whether b is a folder (file://): of the stores, only
// gocloud.dev's fileblob answers to *os.FileInfo.
func isFolder(b *blob.Bucket) bool {
	var fi os.FileInfo
	return b.As(&fi)
}

// folderMD5s gives, in a folder, each file the manifest lists at the size
// it lists the MD5 of what the file holds. A folder keeps no MD5 of its
// own (Open writes no .attrs files, and one an older publish left says
// what was written then, not what is there now), and without it an
// interrupted publish could not tell a page it wrote from the one before;
// with it, a file replaced by hand is written again too. Only files that
// may be left as they are are read: one of another size is written anyway.
func folderMD5s(ctx context.Context, b *blob.Bucket, m *manifest, listed map[string]*blob.ListObject) error {
	for key, e := range m.Objects {
		l, there := listed[key]
		if !there || l.Size != e.Size {
			continue
		}
		data, err := b.ReadAll(ctx, key)
		if err != nil {
			return err
		}
		sum := md5.Sum(data)
		l.MD5 = sum[:]
	}
	return nil
}

// dropSidecars removes, in a folder, the .attrs files that gocloud.dev
// wrote beside each file before publishes stopped asking for them (Open's
// metadata=skip): a static server would serve them as files of their own,
// and they would stay for ever, saying that a page long since rewritten
// was stored compressed. Only those of the keys given (the manifest's)
// are tried, so nothing another tool wrote is touched.
//
// The blob API refuses names ending in .attrs, so this goes to the folder
// itself, found from the manifest's own file (fileblob hands a reader its
// *os.File), and stays inside it (os.Root).
func dropSidecars(ctx context.Context, b *blob.Bucket, keys []string) error {
	var name string
	r, err := b.NewReader(ctx, ManifestKey, &blob.ReaderOptions{BeforeRead: func(as func(any) bool) error {
		var f *os.File
		if as(&f) {
			name = f.Name()
		}
		return nil
	}})
	if gcerrors.Code(err) == gcerrors.NotFound {
		return nil // no publish wrote here: no sidecars of ours
	}
	if err != nil {
		return err
	}
	r.Close()
	if name == "" {
		return nil
	}
	root, err := os.OpenRoot(filepath.Dir(name))
	if err != nil {
		return err
	}
	defer root.Close()
	for _, key := range append(keys, ManifestKey) {
		if err := root.Remove(filepath.FromSlash(key) + ".attrs"); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// pruneFolders removes, in a folder (file://), the folders that deleting
// keys left empty, such as s/ID/ once a story is taken down: an object
// store has no folders, but a web server in front of a folder would list
// an empty one, and it would stay for ever. Only the folders of deleted
// keys are tried, deepest first, and a folder is removed only if empty,
// so neither one that holds anything nor the site's own is ever removed.
//
// It goes through the bucket's Delete, which in gocloud.dev's fileblob is
// os.Remove of the key's path: that removes a folder only when it is
// empty, and keeps to the bucket's folder (and its prefix=). Other stores
// are left alone: a key named like a folder there is an object, perhaps
// someone else's.
func pruneFolders(ctx context.Context, b *blob.Bucket, deleted []Change) {
	if len(deleted) == 0 || !isFolder(b) {
		return
	}
	seen := map[string]bool{}
	var dirs []string
	for _, c := range deleted {
		for d := path.Dir(c.Key); d != "." && d != "/" && d != "" && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int {
		return cmp.Or(-cmp.Compare(strings.Count(a, "/"), strings.Count(b, "/")), strings.Compare(a, b))
	})
	for _, d := range dirs {
		// A folder that still holds something stays; nothing to report.
		_ = b.Delete(ctx, d)
	}
}
