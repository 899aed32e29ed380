package studio

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/studio/api"
)

// TestSaveKeepsTheMode: a save keeps the file's permissions, so that a
// story kept private stays private; a new story gets the usual 0644.
func TestSaveKeepsTheMode(t *testing.T) {
	for _, tc := range []struct {
		name string
		mode os.FileMode // 0: a new file
		want os.FileMode
	}{
		{"private", 0o600, 0o600},
		{"group", 0o660, 0o660},
		{"usual", 0o644, 0o644},
		{"new", 0, 0o644},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := folderWith(t, nil)
			path := filepath.Join(dir, "live.json")
			base := ""
			if tc.mode != 0 {
				if err := os.WriteFile(path, []byte(storyV1), 0o600); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, tc.mode); err != nil {
					t.Fatal(err)
				}
				base = version([]byte(storyV1))
			}
			c := start(t, Config{Path: dir})
			edited := strings.Replace(storyV1, "Version one", "Version two", 1)
			if code := c.do("PUT", "/studio/api/files/live.json", api.File{Version: base, Text: edited}, nil); code != 200 {
				t.Fatalf("save: %d", code)
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != tc.want {
				t.Errorf("mode %v after the save, want %v", fi.Mode().Perm(), tc.want)
			}
		})
	}
}
