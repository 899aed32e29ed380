package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/story/storytest"
)

// TestFolderSwapIsSeen deploys a new version of the stories folder the
// two ways deploys do, while the watch runs: by swapping a symbolic link
// (as Kubernetes updates a ConfigMap volume) and by moving a new folder
// into place. Either way the new version is served within the poll
// interval, and the old folder is no longer read.
func TestFolderSwapIsSeen(t *testing.T) {
	for _, how := range []string{"symbolic link", "moved folder"} {
		t.Run(how, func(t *testing.T) {
			base := t.TempDir()
			v1, v2 := filepath.Join(base, "v1"), filepath.Join(base, "v2")
			for dir, title := range map[string]string{v1: "Version one", v2: "Version two"} {
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				testenv.WriteFile(t, filepath.Join(dir, "live.json"), storytest.Small("live", title))
			}
			current := filepath.Join(base, "current")
			if how == "symbolic link" {
				if err := os.Symlink("v1", current); err != nil {
					t.Skip("no symbolic links here:", err)
				}
			} else if err := os.Rename(v1, current); err != nil {
				t.Fatal(err)
			}
			s := newSiteServer(t, sitetest.Parts{Stories: current}, nil, Config{})
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			go s.Site().Stories().Watch(ctx, current, 20*time.Millisecond)
			title := func() string { return body(t, get(t, s.Handler(), "GET", "/s/live/", nil)) }
			if !strings.Contains(title(), "Version one") {
				t.Fatal("version one is not served")
			}
			if how == "symbolic link" {
				tmp := filepath.Join(base, "current.tmp")
				if err := os.Symlink("v2", tmp); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(tmp, current); err != nil {
					t.Fatal(err)
				}
			} else {
				if err := os.Rename(current, filepath.Join(base, "old")); err != nil {
					t.Fatal(err)
				}
				if err := os.Rename(v2, current); err != nil {
					t.Fatal(err)
				}
			}
			deadline := time.Now().Add(30 * time.Second)
			for !strings.Contains(title(), "Version two") {
				if time.Now().After(deadline) {
					t.Fatal("the new folder was never served")
				}
				time.Sleep(10 * time.Millisecond)
			}
		})
	}
}

// TestHardLinksAreRefused: a hard link gives a file from anywhere on the
// disk a name inside the folder; it is not read, and /healthz says why.
func TestHardLinksAreRefused(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "good.json"), storytest.Small("good", "Good"))
	secret := filepath.Join(outside, "secret.json")
	testenv.WriteFile(t, secret, storytest.Small("secret", "Secret"))
	if err := os.Link(secret, filepath.Join(dir, "linked.json")); err != nil {
		t.Skip("no hard links here:", err)
	}
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{HealthToken: healthToken})
	if r := get(t, s.Handler(), "GET", "/s/secret/", nil); r.StatusCode != 404 {
		t.Errorf("a hard-linked file is served: %d", r.StatusCode)
	}
	if health := body(t, healthGet(t, s.Handler())); !strings.Contains(health, "linked.json: a hard link") {
		t.Errorf("healthz:\n%s", health)
	}
}
