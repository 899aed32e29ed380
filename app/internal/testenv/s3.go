package testenv

import (
	"context"
	"net"
	"net/url"
	"os"
	"os/exec"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
)

// VersityGW is the S3-compatible server the publishing tests store to:
// versitygw, a Go S3 gateway over a plain folder. `make deps` installs the
// version the Makefile names into .cache/bin.
const versityEnv = "VERSITYGW"

// versityGW finds versitygw: $VERSITYGW, .cache/bin, then $PATH.
func versityGW() (string, error) {
	return cachedTool(versityEnv, "versitygw", "the publishing tests need versitygw, an S3-compatible server: run make deps (make test does), or set VERSITYGW")
}

// S3 is a real S3-compatible server on loopback, with a website endpoint
// that serves each bucket as a static site (at http://BUCKET.localhost:
// PORT/, which browsers and this package resolve to loopback).
type S3 struct {
	Endpoint       string // http://127.0.0.1:PORT, the S3 API
	Website        string // 127.0.0.1:PORT of the website endpoint
	Region         string
	Access, Secret string
	Dir            string // the folder that holds the buckets
	Client         *s3.Client
}

// StartS3 starts versitygw for one test, and stops it when the test
// ends. It skips (fails under make test) when versitygw is missing. The
// test's AWS credentials are set in its environment, as a publisher's
// would be, and nothing of the machine's own AWS setup is read.
func StartS3(tb testing.TB) *S3 {
	tb.Helper()
	bin, err := versityGW()
	Need(tb, err)
	NoCloudMetadata(tb)
	s := &S3{Region: "us-east-1", Access: "explainer-test", Secret: "explainer-test-secret", Dir: tb.TempDir()}
	api, web := freePort(tb), freePort(tb)
	cmd := exec.Command(bin, "--port", api, "--website", web, "--website-domain", "localhost",
		"--access", s.Access, "--secret", s.Secret, "--region", s.Region, "--quiet",
		"posix", s.Dir)
	startServer(tb, "versitygw", cmd, listening(api))
	s.Endpoint, s.Website = "http://"+api, web
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID":           s.Access,
		"AWS_SECRET_ACCESS_KEY":       s.Secret,
		"AWS_SESSION_TOKEN":           "",
		"AWS_PROFILE":                 "",
		"AWS_REGION":                  s.Region,
		"AWS_CONFIG_FILE":             os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
		"AWS_EC2_METADATA_DISABLED":   "true",
	} {
		tb.Setenv(k, v)
	}
	s.Client = s3.New(s3.Options{
		Region:       s.Region,
		BaseEndpoint: aws.String(s.Endpoint),
		UsePathStyle: true,
		Credentials:  credentials.NewStaticCredentialsProvider(s.Access, s.Secret, ""),
	})
	return s
}

// Bucket makes a bucket and returns its URL for publish.Open, with
// extra query parameters (prefix=…) added.
func (s *S3) Bucket(tb testing.TB, name string, extra ...string) string {
	tb.Helper()
	if _, err := s.Client.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)}); err != nil {
		tb.Fatalf("creating bucket %s: %v", name, err)
	}
	return s.URL(name, extra...)
}

// URL is the publish URL of a bucket.
func (s *S3) URL(name string, extra ...string) string {
	q := url.Values{"endpoint": {s.Endpoint}, "region": {s.Region}, "use_path_style": {"true"}}
	for i := 0; i+1 < len(extra); i += 2 {
		q.Set(extra[i], extra[i+1])
	}
	return "s3://" + name + "?" + q.Encode()
}

// ServeWebsite has the store serve a bucket as a static website, the way
// a CDN in front of it would read it: public reads, an index document in
// every folder and an error document. It returns the site's address,
// http://BUCKET.localhost:PORT.
func (s *S3) ServeWebsite(tb testing.TB, bucket, errorKey string) string {
	tb.Helper()
	ctx := context.Background()
	_, err := s.Client.PutBucketWebsite(ctx, &s3.PutBucketWebsiteInput{
		Bucket: aws.String(bucket),
		WebsiteConfiguration: &types.WebsiteConfiguration{
			IndexDocument: &types.IndexDocument{Suffix: aws.String("index.html")},
			ErrorDocument: &types.ErrorDocument{Key: aws.String(errorKey)},
		},
	})
	if err != nil {
		tb.Fatalf("website configuration of %s: %v", bucket, err)
	}
	policy := `{"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::` + bucket + `/*"}]}`
	if _, err := s.Client.PutBucketPolicy(ctx, &s3.PutBucketPolicyInput{Bucket: aws.String(bucket), Policy: aws.String(policy)}); err != nil {
		tb.Fatalf("public read policy of %s: %v", bucket, err)
	}
	_, port, _ := net.SplitHostPort(s.Website)
	return "http://" + bucket + ".localhost:" + port
}
