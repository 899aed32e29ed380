package publish

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// ManifestKey is the object that lists what publishing wrote to a
// bucket (or prefix): what the next publish may compare with, replace
// or delete. Nothing else in the bucket is ever touched.
const ManifestKey = ".explainer-publish.json"

// manifest is the record of the objects a publish owns.
type manifest struct {
	Version int              `json:"version"`
	Objects map[string]entry `json:"objects"`
}

const manifestVersion = 1

// entry is one object a publish wrote, or was about to.
type entry struct {
	Digest string `json:"sha256"` // of the body and headers (Object.Digest)
	MD5    []byte `json:"md5"`
	Size   int64  `json:"size"`
	Kind   Kind   `json:"kind"`
	// Pending marks an object a publish set out to write and may not
	// have: it was interrupted. Its body is trusted only where the
	// store's listing shows the same MD5.
	Pending bool `json:"pending,omitempty"`
	// Retired is when a publish stopped linking to this asset: it stays
	// for readers who loaded a page just before, until Options.Keep has
	// passed.
	Retired *time.Time `json:"retired,omitempty"`
}

// readManifest returns the bucket's manifest, or an empty one when no
// publish wrote there yet.
func readManifest(ctx context.Context, b *blob.Bucket) (*manifest, error) {
	data, err := b.ReadAll(ctx, ManifestKey)
	if gcerrors.Code(err) == gcerrors.NotFound {
		return &manifest{Version: manifestVersion, Objects: map[string]entry{}}, nil
	}
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s in the bucket is not a publish manifest (%v): move it away, or publish elsewhere", ManifestKey, err)
	}
	if m.Version != manifestVersion {
		return nil, fmt.Errorf("%s in the bucket is version %d, which this explainer does not know: publish with the explainer that wrote it", ManifestKey, m.Version)
	}
	if m.Objects == nil {
		m.Objects = map[string]entry{}
	}
	return &m, nil
}

// write stores the manifest. It is never cached: the next publish, from
// any machine, must read this one.
func (m *manifest) write(ctx context.Context, b *blob.Bucket) error {
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	return b.WriteAll(ctx, ManifestKey, data, &blob.WriterOptions{
		ContentType:  "application/json",
		CacheControl: "no-store",
	})
}
