//go:build !wasm

package publish

import (
	"context"
	"time"

	"gocloud.dev/blob"

	"explainer/app/site"
)

// Build turns the site's live stories into objects, as one publish
// stores them.
func Build(st *site.Site, enc Encoding) ([]Object, error) {
	files, err := st.Files()
	if err != nil {
		return nil, err
	}
	return Objects(files, enc)
}

// retryAfter is how long a watch waits to publish again after a publish
// failed (the network, the store) with no edit in between.
const retryAfter = 10 * time.Second

// Watch publishes the site, and then again each time its stories change,
// until ctx ends: an edit saved in the stories folder is on the bucket
// within seconds. A story file that no longer parses changes nothing, so
// publishes nothing: its last good version stays, there as on a server.
// done hears of every publish.
func Watch(ctx context.Context, st *site.Site, b *blob.Bucket, enc Encoding, opts Options, done func(Summary, error)) {
	stories := st.Stories()
	go stories.Watch(ctx, st.StoriesDir(), time.Second)
	for {
		changed := stories.Changed()
		var again <-chan time.Time
		objs, err := Build(st, enc)
		var sum Summary
		if err == nil {
			sum, err = Publish(ctx, b, objs, opts)
		}
		if ctx.Err() != nil {
			return
		}
		done(sum, err)
		if err != nil {
			again = time.After(retryAfter)
		}
		select {
		case <-ctx.Done():
			return
		case <-changed:
		case <-again:
		}
	}
}
