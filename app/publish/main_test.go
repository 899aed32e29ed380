package publish_test

import (
	"context"
	"fmt"
	"os"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/publish"
)

// With childEnv set, this test binary is the publish that
// TestPublishKilled kills: it publishes the second version of the site
// in childDirEnv to the bucket childEnv names, one write at a time.
const (
	childEnv    = "EXPLAINER_PUBLISH_CHILD"
	childDirEnv = "EXPLAINER_PUBLISH_DIR"
)

func TestMain(m *testing.M) {
	if to := os.Getenv(childEnv); to != "" {
		err := childPublish(to, os.Getenv(childDirEnv))
		fmt.Fprintf(os.Stderr, "the publish was to be killed, and ended: %v\n", err)
		os.Exit(3)
	}
	os.Exit(m.Run())
}

func childPublish(to, dir string) error {
	ctx := context.Background()
	b, err := publish.Open(ctx, to)
	if err != nil {
		return err
	}
	static, err := staticWith(map[string]string{"explainer.css": v2CSS})
	if err != nil {
		return err
	}
	st, err := sitetest.Open(sitetest.Parts{Stories: dir, Static: static, BaseURL: "https://news.example/graphics", Logger: quiet})
	if err != nil {
		return err
	}
	objs, err := publish.Build(st, publish.Brotli)
	if err != nil {
		return err
	}
	_, err = publish.Publish(ctx, b, objs, publish.Options{Concurrency: 1})
	return err
}
