package studio

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"explainer/app/studio/api"
)

// TestLinksAreRefused: a hard link and a symbolic link in the folder to
// a file outside it are neither read nor written through, nor listed, as
// the server refuses to serve them; the outside file is left as it was.
func TestLinksAreRefused(t *testing.T) {
	secret := strings.Replace(storyV1, "Version one", "Outside the folder", 1)
	for _, tc := range []struct {
		name string
		link func(outside, in string) error
	}{
		{"hard link", os.Link},
		{"symbolic link", os.Symlink},
		{"symbolic link to nothing", func(outside, in string) error { return os.Symlink(outside+".gone", in) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			outside := filepath.Join(folderWith(t, map[string]string{"secret.json": secret}), "secret.json")
			dir := folderWith(t, map[string]string{"live.json": storyV1})
			if err := tc.link(outside, filepath.Join(dir, "linked.json")); err != nil {
				t.Skip("no such links here:", err)
			}
			c := start(t, Config{Path: dir})
			var got api.Failure
			if code := c.do("GET", "/studio/api/files/linked.json", nil, &got); code != http.StatusForbidden || strings.Contains(got.Text, "Outside") {
				t.Errorf("read: %d %+v", code, got)
			}
			var list api.List
			c.do("GET", "/studio/api/files", nil, &list)
			if len(list.Files) != 1 || list.Files[0].Name != "live.json" {
				t.Errorf("listed: %+v", list.Files)
			}
			edited := strings.Replace(storyV1, "Version one", "Written through", 1)
			for _, base := range []string{version([]byte(secret)), ""} {
				var refused api.Failure
				if code := c.do("PUT", "/studio/api/files/linked.json", api.File{Version: base, Text: edited}, &refused); code != http.StatusForbidden || strings.Contains(refused.Text, "Outside") {
					t.Errorf("write from version %q: %d %+v", base, code, refused)
				}
			}
			if data, _ := os.ReadFile(outside); string(data) != secret {
				t.Error("the file outside the folder was written")
			}
			if fi, err := os.Lstat(filepath.Join(dir, "linked.json")); err != nil || (tc.name != "hard link" && fi.Mode().IsRegular()) {
				t.Errorf("the link was replaced: %v %v", fi, err)
			}
		})
	}
}

// TestLinkSwappedWhileReading: a name swapped between a file of the
// folder and a link out of it, again and again while the studio reads it,
// never gives the outside file.
func TestLinkSwappedWhileReading(t *testing.T) {
	secret := strings.Replace(storyV1, "Version one", "Outside the folder", 1)
	outside := filepath.Join(folderWith(t, map[string]string{"secret.json": secret}), "secret.json")
	dir := folderWith(t, map[string]string{"live.json": storyV1})
	c := start(t, Config{Path: dir})
	name, spare := filepath.Join(dir, "swapped.json"), filepath.Join(dir, "spare.tmp")
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			// A new file or a new link at a spare name, renamed over: the
			// name is always there, one or the other, and the file has
			// one name.
			os.Remove(spare)
			var err error
			if i%2 == 0 {
				err = os.WriteFile(spare, []byte(storyV1), 0o644)
			} else {
				err = os.Symlink(outside, spare)
			}
			if err != nil {
				t.Error(err)
				return
			}
			os.Rename(spare, name)
		}
	})
	read := map[int]int{}
	for range 3000 {
		var f api.File
		code := c.do("GET", "/studio/api/files/swapped.json", nil, &f)
		read[code]++
		if strings.Contains(f.Text, "Outside") {
			t.Fatal("the studio read the file outside the folder")
		}
	}
	close(stop)
	wg.Wait()
	t.Logf("answers: %v", read)
}
