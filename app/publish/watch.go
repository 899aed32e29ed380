package publish

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"time"

	"gocloud.dev/blob"

	"explainer/app/repo"
	"explainer/app/site"
)

// Build turns the site's live stories into objects, as one publish
// stores them.
func Build(st *site.Site, enc Encoding) ([]Object, error) {
	return NewBuilder(st, enc).Build()
}

// Builder makes a site's objects again and again, as -watch does: a
// story's page and data are kept for as long as that version of it is
// live, so that after an edit only the story edited (and the index) is
// rendered and compressed again, not every story of the folder.
type Builder struct {
	site    *site.Site
	enc     Encoding
	assets  []Object                 // the assets never change while the site is open
	stories map[*repo.Entry][]Object // by version: an edit makes a new Entry
}

func NewBuilder(st *site.Site, enc Encoding) *Builder {
	return &Builder{site: st, enc: enc, stories: map[*repo.Entry][]Object{}}
}

// Build returns the objects of the site as it is now. Stories not seen
// before are rendered on every core.
func (b *Builder) Build() ([]Object, error) {
	if b.assets == nil {
		files, err := b.site.AssetFiles()
		if err != nil {
			return nil, err
		}
		objs, err := Objects(files, b.enc)
		if err != nil {
			return nil, err
		}
		b.assets = objs
	}
	entries := b.site.Stories().List()
	kept := make(map[*repo.Entry][]Object, len(entries))
	var todo []*repo.Entry
	for _, e := range entries {
		if objs, ok := b.stories[e]; ok {
			kept[e] = objs
		} else {
			todo = append(todo, e)
		}
	}
	made := make([][]Object, len(todo))
	errs := make([]error, len(todo))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(todo)) {
		wg.Go(func() {
			for i := range next {
				files, err := b.site.StoryFiles(todo[i])
				if err == nil {
					made[i], err = Objects(files, b.enc)
				}
				errs[i] = err
			}
		})
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i, e := range todo {
		kept[e] = made[i]
	}
	b.stories = kept // versions no longer live are let go
	listing, err := b.site.ListingFiles(entries)
	if err != nil {
		return nil, err
	}
	rest, err := Objects(listing, b.enc)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(b.assets)
	for _, e := range entries {
		out = append(out, kept[e]...)
	}
	return append(out, rest...), nil
}

// retryAfter is how long a watch waits to publish again after a publish
// failed (the network, the store) with no edit in between.
const retryAfter = 10 * time.Second

// Watch publishes the site, and then again each time its stories change,
// until ctx ends: with the stories' repository watching its folder
// (repo.Store.Watch, which the caller runs), an edit saved there is on
// the bucket within seconds. A story file that no longer parses changes
// nothing, so publishes nothing: its last good version stays, there as
// on a server. done hears of every publish.
func Watch(ctx context.Context, st *site.Site, b *blob.Bucket, enc Encoding, opts Options, done func(Summary, error)) {
	stories := st.Stories()
	builder := NewBuilder(st, enc)
	for {
		changed := stories.Changed()
		var again <-chan time.Time
		objs, err := builder.Build()
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
