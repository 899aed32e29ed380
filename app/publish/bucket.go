package publish

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/blob/memblob"
	// The stores a bucket URL may name, each with its cloud's own
	// credential chain (environment, shared config, instance role). All
	// four are linked, so that every store works with the one binary;
	// make build's -tags disable_grpc_modules keeps gs:// to Google's
	// HTTP client (the one gocloud.dev uses) and out of gRPC's xDS.
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
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	return openChecked(ctx, u)
}

// OpenDryRun opens the bucket for a dry run, which must leave no trace:
// a file:// URL's create_dir is not acted on, and a folder it would
// create is taken as the empty bucket it would be.
func OpenDryRun(ctx context.Context, rawURL string) (*blob.Bucket, error) {
	u, err := checkURL(rawURL)
	if err != nil {
		return nil, err
	}
	if u.Scheme == "file" && u.Query().Has("create_dir") {
		if _, err := os.Stat(u.Path); errors.Is(err, fs.ErrNotExist) {
			return memblob.OpenBucket(nil), nil
		}
		q := u.Query()
		q.Del("create_dir")
		u.RawQuery = q.Encode()
	}
	return openChecked(ctx, u)
}

// IsFolder reports whether a bucket URL names a folder (file://), which
// gets the site as files (Files) rather than as objects with headers.
func IsFolder(rawURL string) bool {
	u, err := url.Parse(rawURL)
	return err == nil && u.Scheme == "file"
}

func openChecked(ctx context.Context, u *url.URL) (*blob.Bucket, error) {
	shown := u.String()
	if u.Scheme == "file" {
		// No .attrs file beside each file: gocloud.dev keeps an object's
		// headers in one by default, which no static server reads.
		q := u.Query()
		q.Set("metadata", "skip")
		u.RawQuery = q.Encode()
	}
	b, err := blob.OpenBucket(ctx, u.String())
	if err != nil {
		return nil, fmt.Errorf("-to %q: %w", shown, err)
	}
	return b, nil
}

// checkURL refuses a bucket URL that cannot be opened or that carries a
// secret, without repeating the secret: errors are logged, and logs are
// kept.
func checkURL(rawURL string) (*url.URL, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, errors.New("-to: not a URL: want a bucket URL such as s3://bucket?region=eu-west-1, gs://bucket, azblob://container or file:///srv/site")
	}
	if u.User != nil {
		return nil, fmt.Errorf("-to: the URL carries credentials; give them the cloud's usual way (%s), never on the command line", credentialsHint)
	}
	for name, values := range u.Query() {
		if secretParam(name) {
			return nil, fmt.Errorf("-to: the URL parameter %q carries a secret; give it the cloud's usual way, never on the command line", name)
		}
		for _, v := range values {
			if name != "prefix" && hasUserInfo(v) {
				return nil, fmt.Errorf("-to: %s= carries credentials (a user name or password before an @); give them in the environment instead (%s), never on the command line", name, credentialsHint)
			}
		}
	}
	if u.Scheme == "" || (u.Host == "" && u.Scheme != "file") {
		return nil, fmt.Errorf("-to %q: want a bucket URL such as s3://bucket?region=eu-west-1, gs://bucket, azblob://container or file:///srv/site", rawURL)
	}
	if u.Scheme == "file" && u.Query().Has("metadata") {
		return nil, errors.New("-to: metadata= is not for a publish: a folder gets plain files, with no .attrs files of headers beside them")
	}
	if p := u.Query().Get("prefix"); p != "" && !strings.HasSuffix(p, "/") {
		return nil, fmt.Errorf("-to: prefix=%q must end in a slash (prefix=%s/), or the site's keys run on from its last word", p, p)
	}
	switch u.Scheme {
	case "s3", "gs", "azblob", "file":
	default:
		return nil, fmt.Errorf("-to %q: unknown scheme %q: use s3://, gs://, azblob:// or file://", rawURL, u.Scheme)
	}
	return u, nil
}

// credentialsHint says where each cloud's credentials go.
const credentialsHint = "for S3, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or AWS_PROFILE; for Azure, AZURE_STORAGE_ACCOUNT and AZURE_STORAGE_KEY; for Google Cloud, GOOGLE_APPLICATION_CREDENTIALS"

// hasUserInfo reports whether a parameter's value is an address with a
// user name or password in it (endpoint=http://user:password@host), or
// host:port with one (endpoint=user:password@host:9000).
func hasUserInfo(v string) bool {
	if _, rest, ok := strings.Cut(v, "://"); ok {
		v = rest
	}
	if i := strings.IndexAny(v, "/?#"); i >= 0 {
		v = v[:i]
	}
	return strings.Contains(v, "@")
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
