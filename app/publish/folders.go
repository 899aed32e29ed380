//go:build !wasm

package publish

import (
	"cmp"
	"context"
	"os"
	"path"
	"slices"
	"strings"

	"gocloud.dev/blob"
)

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
	var fi os.FileInfo
	if len(deleted) == 0 || !b.As(&fi) { // only fileblob answers to *os.FileInfo
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
