//go:build !wasm

package publish

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"gocloud.dev/blob"
	// The stores a bucket URL may name, each with its cloud's own
	// credential chain (environment, shared config, instance role).
	_ "gocloud.dev/blob/azureblob"
	_ "gocloud.dev/blob/fileblob"
	_ "gocloud.dev/blob/gcsblob"
	_ "gocloud.dev/blob/s3blob"
)

// Open opens the bucket a URL names, as gocloud.dev/blob does:
// s3://bucket?region=…&endpoint=…&use_path_style=true (any S3-compatible
// store), gs://bucket, azblob://container, file:///folder. A prefix=
// parameter (prefix=graphics/) puts the site under a folder of the
// bucket. Credentials come from each cloud's usual chain, never from
// the URL: one that carries a secret is refused, since a command line is
// seen by every user of the machine and kept in shell histories.
func Open(ctx context.Context, rawURL string) (*blob.Bucket, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme == "" || (u.Host == "" && u.Scheme != "file") {
		return nil, fmt.Errorf("-to %q: want a bucket URL such as s3://bucket?region=eu-west-1, gs://bucket, azblob://container or file:///srv/site", rawURL)
	}
	if u.User != nil {
		return nil, fmt.Errorf("-to: the URL carries credentials; give them the cloud's usual way (for S3, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or a profile), never on the command line")
	}
	for name := range u.Query() {
		if secretParam(name) {
			return nil, fmt.Errorf("-to: the URL parameter %q carries a secret; give it the cloud's usual way, never on the command line", name)
		}
	}
	if p := u.Query().Get("prefix"); p != "" && !strings.HasSuffix(p, "/") {
		return nil, fmt.Errorf("-to: prefix=%q must end in a slash (prefix=%s/), or the site's keys run on from its last word", p, p)
	}
	switch u.Scheme {
	case "s3", "gs", "azblob", "file":
	default:
		return nil, fmt.Errorf("-to %q: unknown scheme %q: use s3://, gs://, azblob:// or file://", rawURL, u.Scheme)
	}
	b, err := blob.OpenBucket(ctx, rawURL)
	if err != nil {
		return nil, fmt.Errorf("-to %q: %w", rawURL, err)
	}
	return b, nil
}

// secretParam reports whether a URL parameter would put a credential on
// the command line.
func secretParam(name string) bool {
	n := strings.ToLower(name)
	for _, s := range []string{"secret", "password", "token", "sig", "access_key", "accesskey", "credential"} {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}
