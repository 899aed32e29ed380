package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.json")
	for _, data := range []string{"first", "second, longer than the first"} {
		if err := Write(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != data {
			t.Fatalf("read %q, %v; want %q", got, err, data)
		}
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	// A folder that is not there: an error, and nothing written.
	if err := Write(filepath.Join(dir, "missing", "x.json"), []byte("x"), 0o644); err == nil {
		t.Error("wrote into a folder that does not exist")
	}
}

// TestWriteKeepsTheMode: a file replaced keeps its permissions (a private
// story stays private); a new file gets the mode asked for.
func TestWriteKeepsTheMode(t *testing.T) {
	for _, tc := range []struct {
		name     string
		existing os.FileMode // 0: no file yet
		perm     os.FileMode
		want     os.FileMode
	}{
		{"new file", 0, 0o644, 0o644},
		{"private file", 0o600, 0o644, 0o600},
		{"group-writable file", 0o664, 0o644, 0o664},
		{"read-only for others", 0o640, 0o600, 0o640},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "story.json")
			if tc.existing != 0 {
				if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(path, tc.existing); err != nil {
					t.Fatal(err)
				}
			}
			if err := Write(path, []byte("new"), tc.perm); err != nil {
				t.Fatal(err)
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != tc.want {
				t.Errorf("mode %v, want %v", fi.Mode().Perm(), tc.want)
			}
		})
	}
}

// TestWriteInReplacesALink: a symbolic link at the name is replaced by
// the file, and what it pointed at is left alone.
func TestWriteInReplacesALink(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.json")
	if err := os.WriteFile(outside, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "story.json")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := WriteIn(root, "story.json", []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(outside); string(data) != "secret" {
		t.Errorf("the file the link named was written: %q", data)
	}
	fi, err := os.Lstat(filepath.Join(dir, "story.json"))
	if err != nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != 0o644 {
		t.Errorf("the name holds %v, %v", fi, err)
	}
}
