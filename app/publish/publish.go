// Package publish puts a site on object storage (S3 or any S3-compatible
// store, Google Cloud Storage, Azure Blob, a folder) for a CDN to serve:
// every object with the headers the server would send, only what changed,
// in an order that never shows a reader a page whose assets or data are
// not there yet. A folder (file://) gets the site as files instead, as
// an export writes them (Files): a static server in front of a folder
// sends a file as it is, knowing nothing of stored headers.
//
// A publish reads the bucket's manifest (the objects earlier publishes
// wrote) and its listing, and then:
//
//  1. records every key it may write in the manifest, as pending;
//  2. uploads the assets, then the story data, then the story pages,
//     then the index and the 404 page, each group only once the one
//     before it is complete;
//  3. deletes what an earlier publish wrote and this one does not (an
//     asset no page links to stays for Options.Keep first);
//  4. writes the manifest.
//
// Killed at any point, it leaves every page as it was or as it will be,
// each with what it loads; run again, it finishes, uploading only what
// is not there yet. Nothing outside the manifest is ever deleted.
package publish

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// Options tune a publish; the zero value is a real publish with the
// defaults.
type Options struct {
	// DryRun plans and reports, and writes nothing.
	DryRun bool
	// Force replaces objects at the site's keys that no publish wrote
	// (a first publish over an earlier hand-made upload).
	Force bool
	// Concurrency is how many objects are written at once (default 16).
	Concurrency int
	// Keep is how long an asset that no page links to any more stays,
	// for readers who loaded an older page just before (default 24 h;
	// negative deletes it at once).
	Keep time.Duration
	// Attempts is how many times a write is tried (default 6), and
	// RetryWait the wait before the second try (default 200 ms), each
	// wait after twice as long.
	Attempts  int
	RetryWait time.Duration
	// Progress, when set, hears of every object done.
	Progress func(Progress)
	// Now is the clock (tests move it).
	Now func() time.Time
}

// Progress is how far a publish is: objects and bytes written out of
// those it has to, in the group being written.
type Progress struct {
	Stage             string // "assets", "data", "pages", "index", "delete"
	Done, Total       int    // objects, over the whole publish
	Bytes, TotalBytes int64
}

// Summary is what a publish did (or, in a dry run, would do).
type Summary struct {
	Uploaded, Unchanged, Deleted, Retired int
	Bytes                                 int64 // uploaded
	Changes                               []Change
	Took                                  time.Duration
	DryRun                                bool
}

func (s Summary) String() string {
	verb := "published"
	if s.DryRun {
		verb = "would publish"
	}
	return fmt.Sprintf("%s: %d uploaded (%s), %d unchanged, %d deleted, %d retired assets kept, in %s",
		verb, s.Uploaded, Bytes(s.Bytes), s.Unchanged, s.Deleted, s.Retired, s.Took.Round(time.Millisecond))
}

// Bytes writes a size for people: 1.6 MB, 14.2 kB, 332 B.
func Bytes(n int64) string {
	switch {
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}

// Publish stores objs in b (which a prefix may narrow: Open's prefix=).
func Publish(ctx context.Context, b *blob.Bucket, objs []Object, opts Options) (Summary, error) {
	start := time.Now()
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	keep := opts.Keep
	if keep == 0 {
		keep = 24 * time.Hour
	}
	m, err := readManifest(ctx, b)
	if err != nil {
		return Summary{}, explain("reading the bucket", err)
	}
	listed, err := list(ctx, b)
	if err != nil {
		return Summary{}, explain("listing the bucket", err)
	}
	folder := isFolder(b)
	if folder {
		if err := folderMD5s(ctx, b, m, listed); err != nil {
			return Summary{}, explain("reading the folder", err)
		}
	}
	p, err := makePlan(m, listed, objs, now().UTC(), keep, opts.Force)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Unchanged: p.unchanged, Changes: p.changes, DryRun: opts.DryRun}
	for _, e := range p.next.Objects {
		if e.Retired != nil {
			sum.Retired++
		}
	}
	if opts.DryRun {
		sum.Uploaded, sum.Deleted = len(p.uploads), len(p.deletes)
		for _, o := range p.uploads {
			sum.Bytes += int64(len(o.Body))
		}
		sum.Took = time.Since(start)
		return sum, nil
	}
	// In a folder, last: the .attrs files an older publish left beside
	// the files it wrote.
	sidecars := func() error {
		if !folder {
			return nil
		}
		keys := slices.Collect(maps.Keys(m.Objects))
		if err := dropSidecars(ctx, b, slices.AppendSeq(keys, maps.Keys(p.next.Objects))); err != nil {
			return explain("removing the .attrs files of an older publish", err)
		}
		return nil
	}
	if len(p.uploads) == 0 && len(p.deletes) == 0 && sameManifest(m, p.next) {
		sum.Took = time.Since(start)
		return sum, sidecars() // nothing to write, not even the manifest
	}
	w := &writer{bucket: b, opts: opts, total: len(p.uploads) + len(p.deletes)}
	for _, o := range p.uploads {
		w.totalBytes += int64(len(o.Body))
	}
	if len(p.uploads) > 0 {
		if err := p.pending(m).write(ctx, b); err != nil {
			return sum, explain("writing the manifest", err)
		}
	}
	for kind := Asset; kind <= Listing; kind++ {
		var group []Object
		for _, o := range p.uploads {
			if o.Kind == kind {
				group = append(group, o)
			}
		}
		err := w.each(ctx, len(group), func(ctx context.Context, i int) error {
			return w.upload(ctx, group[i])
		})
		sum.Uploaded, sum.Bytes = w.done, w.bytes
		if err != nil {
			sum.Took = time.Since(start)
			return sum, err
		}
	}
	err = w.each(ctx, len(p.deletes), func(ctx context.Context, i int) error {
		return w.remove(ctx, p.deletes[i].Key)
	})
	sum.Deleted = w.done - sum.Uploaded
	if err == nil {
		pruneFolders(ctx, b, p.deletes)
		err = p.next.write(ctx, b)
		if err != nil {
			err = explain("writing the manifest", err)
		} else {
			err = sidecars()
		}
	}
	sum.Took = time.Since(start)
	return sum, err
}

// sameManifest reports whether writing next would change nothing.
func sameManifest(a, b *manifest) bool {
	if len(a.Objects) != len(b.Objects) {
		return false
	}
	for k, x := range a.Objects {
		y, ok := b.Objects[k]
		if !ok || x.Digest != y.Digest || x.Pending != y.Pending || (x.Retired == nil) != (y.Retired == nil) {
			return false
		}
	}
	return true
}

// list returns every object under the bucket (or its prefix) by key.
func list(ctx context.Context, b *blob.Bucket) (map[string]*blob.ListObject, error) {
	out := map[string]*blob.ListObject{}
	it := b.List(nil)
	for {
		o, err := it.Next(ctx)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			return nil, err
		}
		if !o.IsDir {
			out[o.Key] = o
		}
	}
}

// writer writes objects concurrently, with retries, and reports
// progress across the whole publish.
type writer struct {
	bucket            *blob.Bucket
	opts              Options
	mu                sync.Mutex
	done, total       int
	bytes, totalBytes int64
}

// each runs f for 0..n-1, Options.Concurrency at a time, and returns the
// first error, having let the writes under way finish: a write is never
// cut off half-way on purpose.
func (w *writer) each(ctx context.Context, n int, f func(context.Context, int) error) error {
	if n == 0 {
		return nil
	}
	workers := w.opts.Concurrency
	if workers <= 0 {
		workers = 16
	}
	jobs := make(chan int)
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	stop := make(chan struct{})
	for range min(workers, n) {
		wg.Go(func() {
			for i := range jobs {
				if err := f(ctx, i); err != nil {
					once.Do(func() { first = err; close(stop) })
				}
			}
		})
	}
feed:
	for i := range n {
		select {
		case jobs <- i:
		case <-stop:
			break feed
		case <-ctx.Done():
			once.Do(func() { first = ctx.Err(); close(stop) })
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	return first
}

func (w *writer) upload(ctx context.Context, o Object) error {
	err := retry(ctx, w.opts.Attempts, w.opts.RetryWait, func() error {
		return w.bucket.WriteAll(ctx, o.Key, o.Body, &blob.WriterOptions{
			ContentType:     o.Type,
			CacheControl:    o.Cache,
			ContentEncoding: o.Encoding,
			ContentMD5:      o.MD5,
		})
	})
	if err != nil {
		return explain("uploading "+o.Key, err)
	}
	w.advance(o.Kind.String(), int64(len(o.Body)))
	return nil
}

func (w *writer) remove(ctx context.Context, key string) error {
	err := retry(ctx, w.opts.Attempts, w.opts.RetryWait, func() error {
		err := w.bucket.Delete(ctx, key)
		if gcerrors.Code(err) == gcerrors.NotFound {
			return nil // gone already: a rerun after an interruption
		}
		return err
	})
	if err != nil {
		return explain("deleting "+key, err)
	}
	w.advance("delete", 0)
	return nil
}

func (w *writer) advance(stage string, n int64) {
	w.mu.Lock()
	w.done++
	w.bytes += n
	p := Progress{Stage: stage, Done: w.done, Total: w.total, Bytes: w.bytes, TotalBytes: w.totalBytes}
	w.mu.Unlock()
	if w.opts.Progress != nil {
		w.opts.Progress(p)
	}
}

// refusedCredentials are the error codes of S3-compatible stores for a
// key they do not know or a signature that does not match, which the
// cloud libraries report as unknown errors.
var refusedCredentials = []string{"InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidClientTokenId", "ExpiredToken", "XAdminUserNotFound"}

// explain adds what was being done to an error, and what to check for
// the errors people can fix.
func explain(doing string, err error) error {
	switch gcerrors.Code(err) {
	case gcerrors.PermissionDenied:
		return fmt.Errorf("%s: permission denied: check the credentials (for S3: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE) and that they may list, read, write and delete in the bucket: %w", doing, err)
	case gcerrors.NotFound:
		return fmt.Errorf("%s: no such bucket: check its name and region: %w", doing, err)
	}
	for _, code := range refusedCredentials {
		if strings.Contains(err.Error(), code) {
			return fmt.Errorf("%s: the store refused the credentials (for S3: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE): %w", doing, err)
		}
	}
	return fmt.Errorf("%s: %w", doing, err)
}
