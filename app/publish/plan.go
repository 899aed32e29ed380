package publish

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"gocloud.dev/blob"
)

// Action is what a publish does with one key.
type Action string

const (
	New     Action = "new"     // uploaded: the bucket had no such object
	Changed Action = "changed" // uploaded over an older version
	Delete  Action = "delete"  // removed: an earlier publish wrote it, this one does not
	Retire  Action = "retire"  // an asset no page links to any more, kept for a while
)

// Change is one key a publish writes or removes.
type Change struct {
	Key    string
	Action Action
	Kind   Kind
	Size   int64
}

// plan is the work of one publish, and the manifest once it is done.
type plan struct {
	uploads   []Object
	deletes   []Change
	changes   []Change // uploads, retirements and deletions, by key
	unchanged int
	next      *manifest
}

// makePlan compares what is to be stored with what the manifest says an
// earlier publish wrote and what the bucket holds. An object is left as
// it is only when both agree with it: the manifest on its body and
// headers, the listing on its size and, where the store gives one, its
// MD5 (someone may have deleted or replaced it by hand).
// ErrForeign is in the error of a publish that would overwrite objects no
// publish wrote; Options.Force replaces them.
var ErrForeign = errors.New("or force the publish to replace them")

func makePlan(m *manifest, listed map[string]*blob.ListObject, objs []Object, now time.Time, keep time.Duration, force bool) (*plan, error) {
	p := &plan{next: &manifest{Version: manifestVersion, Objects: map[string]entry{}}}
	var foreign []string
	for _, o := range objs {
		prev, owned := m.Objects[o.Key]
		l, there := listed[o.Key]
		if there && !owned && !force {
			foreign = append(foreign, o.Key)
			continue
		}
		size := int64(len(o.Body))
		p.next.Objects[o.Key] = entry{Digest: o.Digest, MD5: o.MD5, Size: size, Kind: o.Kind}
		if there && owned && prev.Digest == o.Digest && l.Size == size && sameMD5(l, o, prev.Pending) {
			p.unchanged++
			continue
		}
		p.uploads = append(p.uploads, o)
		action := New
		if there {
			action = Changed
		}
		p.changes = append(p.changes, Change{Key: o.Key, Action: action, Kind: o.Kind, Size: size})
	}
	if len(foreign) > 0 {
		slices.Sort(foreign)
		more := ""
		if len(foreign) > 3 {
			more = fmt.Sprintf(" and %d more", len(foreign)-3)
			foreign = foreign[:3]
		}
		return nil, fmt.Errorf("the bucket already holds %s%s, which no publish wrote: publish to an empty bucket or another prefix=, %w", strings.Join(foreign, ", "), more, ErrForeign)
	}
	for _, key := range slices.Sorted(maps.Keys(m.Objects)) {
		e := m.Objects[key]
		if _, kept := p.next.Objects[key]; kept || key == ManifestKey {
			continue
		}
		_, there := listed[key]
		switch {
		case e.Kind == Asset && there && e.Retired == nil && keep > 0:
			// Readers may have loaded a page that links to it a moment
			// ago, and a CDN may still hold such a page for a
			// revalidation: it goes at a later publish.
			e.Retired, e.Pending = &now, false
			p.next.Objects[key] = e
			p.changes = append(p.changes, Change{Key: key, Action: Retire, Kind: e.Kind, Size: e.Size})
		case e.Kind == Asset && there && e.Retired != nil && now.Sub(*e.Retired) < keep:
			p.next.Objects[key] = e
		default:
			c := Change{Key: key, Action: Delete, Kind: e.Kind, Size: e.Size}
			p.deletes = append(p.deletes, c)
			p.changes = append(p.changes, c)
		}
	}
	slices.SortFunc(p.changes, func(a, b Change) int { return strings.Compare(a.Key, b.Key) })
	return p, nil
}

// sameMD5 reports whether the listing agrees with the object's body. An
// object an interrupted publish set out to write is trusted only on the
// store's MD5: its size alone cannot tell an old page from a new one.
func sameMD5(l *blob.ListObject, o Object, pending bool) bool {
	if l.MD5 == nil {
		return !pending
	}
	return bytes.Equal(l.MD5, o.MD5)
}

// pending is the manifest written before any upload: every key this
// publish may write is recorded as the publish's own first, so that if it
// is interrupted, the next one neither takes them for someone else's nor
// trusts them unchecked.
func (p *plan) pending(m *manifest) *manifest {
	out := &manifest{Version: manifestVersion, Objects: maps.Clone(m.Objects)}
	for _, o := range p.uploads {
		e := p.next.Objects[o.Key]
		e.Pending = true
		out.Objects[o.Key] = e
	}
	return out
}
