package studio

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/studio/api"
)

const storyV1 = `{"id": "live", "title": "Version one", "language": "en",
 "events": [{"id": "b", "headline": "Second in the file, first in time", "start": {"date": "2025-03-01"}},
            {"id": "a", "headline": "First in the file", "start": {"date": "2025-03-02"}}]}`

// client talks to a real studio on loopback, as the studio's page does.
type client struct {
	t    *testing.T
	base string
	csrf string
	hdr  map[string]string
}

// start serves a studio on loopback. The check is the server's own
// (site.Check) unless cfg names one.
func start(t *testing.T, cfg Config) *client {
	t.Helper()
	if cfg.Check == nil {
		cfg.Check = site.Check
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler(nil))
	t.Cleanup(srv.Close)
	c := &client{t: t, base: srv.URL, hdr: map[string]string{}}
	if cfg.Token != "" {
		c.hdr["Authorization"] = "Bearer " + cfg.Token
	}
	var sess api.SessionInfo
	if code := c.do("GET", api.SessionPath, nil, &sess); code != 200 {
		t.Fatalf("session: %d", code)
	}
	c.csrf = sess.CSRF
	return c
}

func (c *client) do(method, path string, body any, out any) int {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, c.base+path, r)
	if c.csrf != "" {
		req.Header.Set(api.CSRFHeader, c.csrf)
	}
	for k, v := range c.hdr {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		c.t.Fatal(err)
	}
	// Strictly: an answer holds nothing the contract (api) does not
	// name, so that the studio's page reads all of it; every answer that
	// is not a success is an api.Failure.
	if res.StatusCode != http.StatusOK {
		if err := strictly(data, &api.Failure{}); err != nil {
			c.t.Fatalf("%s %s: %d: %v", method, path, res.StatusCode, err)
		}
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil || res.StatusCode == http.StatusOK && strictly(data, out) != nil {
			c.t.Fatalf("%s %s: %v %v", method, path, err, strictly(data, out))
		}
	}
	return res.StatusCode
}

// strictly decodes data into v, refusing a field v does not name.
func strictly(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

func folderWith(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSaveNeverLosesWork opens a file, saves an edit, then saves again
// from the version before (as a second tab would) and gets a conflict
// with what the file holds; a story with problems is not saved; the file
// on disk is always a whole, valid story.
func TestSaveNeverLosesWork(t *testing.T) {
	dir := folderWith(t, map[string]string{"live.json": storyV1, "notes.txt": "not a story"})
	c := start(t, Config{Path: dir})

	var list api.List
	c.do("GET", "/studio/api/files", nil, &list)
	if len(list.Files) != 1 || list.Files[0].Name != "live.json" || !list.Files[0].Valid || list.Files[0].Title != "Version one" {
		t.Fatalf("files: %+v", list.Files)
	}
	var opened api.File
	if code := c.do("GET", "/studio/api/files/live.json", nil, &opened); code != 200 || opened.Text != storyV1 {
		t.Fatalf("read: %d %q", code, opened.Text)
	}

	edited := strings.Replace(storyV1, "Version one", "Version two", 1)
	var saved api.File
	if code := c.do("PUT", "/studio/api/files/live.json", api.File{Version: opened.Version, Text: edited}, &saved); code != 200 {
		t.Fatalf("save: %d", code)
	}
	onDisk, _ := os.ReadFile(filepath.Join(dir, "live.json"))
	if string(onDisk) != saved.Text || saved.Version != version(onDisk) {
		t.Fatal("the answer is not what was written")
	}
	// Written as people diff it: formatted, fields in the format's order,
	// events in the editor's order (not sorted by time).
	if !strings.Contains(saved.Text, "\"title\": \"Version two\",\n  \"language\": \"en\",") || strings.Index(saved.Text, `"id": "b"`) > strings.Index(saved.Text, `"id": "a"`) {
		t.Errorf("not written in the file format:\n%s", saved.Text)
	}

	// A second tab still on the first version.
	var conflict api.Failure
	if code := c.do("PUT", "/studio/api/files/live.json", api.File{Version: opened.Version, Text: strings.Replace(storyV1, "Version one", "Version three", 1)}, &conflict); code != http.StatusConflict {
		t.Fatalf("stale save: %d", code)
	}
	if conflict.Text != saved.Text || conflict.Version != saved.Version {
		t.Error("the conflict does not carry what the file holds")
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "live.json")); string(now) != saved.Text {
		t.Fatal("a stale save overwrote the file")
	}

	// Problems, placed at their field: nothing is written.
	var refused api.Failure
	broken := strings.Replace(edited, `"language": "en"`, `"language": "en", "colour": "red"`, 1)
	if code := c.do("PUT", "/studio/api/files/live.json", api.File{Version: saved.Version, Text: broken}, &refused); code != http.StatusUnprocessableEntity {
		t.Fatalf("broken save: %d", code)
	}
	if len(refused.Problems) != 1 || refused.Problems[0].Path != "$.colour" || refused.Problems[0].Line != 1 {
		t.Errorf("problems: %+v", refused.Problems)
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "live.json")); string(now) != saved.Text {
		t.Fatal("a broken story was written")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestNewStoryFile: a new file is made only where none is.
func TestNewStoryFile(t *testing.T) {
	dir := folderWith(t, map[string]string{"live.json": storyV1})
	c := start(t, Config{Path: dir})
	other := strings.Replace(storyV1, `"live"`, `"other"`, 1)
	if code := c.do("PUT", "/studio/api/files/other.json", api.File{Text: other}, nil); code != 200 {
		t.Fatalf("new file: %d", code)
	}
	if code := c.do("PUT", "/studio/api/files/live.json", api.File{Text: other}, nil); code != http.StatusConflict {
		t.Errorf("a new file over an existing one: %d", code)
	}
	if code := c.do("PUT", "/studio/api/files/gone.json", api.File{Version: "abc", Text: other}, nil); code != http.StatusNotFound {
		t.Errorf("a save to a file that is not there: %d", code)
	}
}

// TestOnlyInsideTheFolder: names are bare file names; links are not
// followed; a studio opened on one file edits that file only.
func TestOnlyInsideTheFolder(t *testing.T) {
	outside := folderWith(t, map[string]string{"secret.json": storyV1})
	dir := folderWith(t, map[string]string{"live.json": storyV1})
	if err := os.Symlink(filepath.Join(outside, "secret.json"), filepath.Join(dir, "link.json")); err != nil {
		t.Fatal(err)
	}
	c := start(t, Config{Path: dir})
	for _, name := range []string{"..%2Fsecret.json", "%2Fetc%2Fpasswd", ".hidden.json", "notes.txt", "a%20b.json"} {
		if code := c.do("GET", "/studio/api/files/"+name, nil, nil); code != http.StatusBadRequest && code != http.StatusNotFound {
			t.Errorf("GET %s: %d", name, code)
		}
		if code := c.do("PUT", "/studio/api/files/"+name, api.File{Text: storyV1}, nil); code != http.StatusBadRequest && code != http.StatusNotFound {
			t.Errorf("PUT %s: %d", name, code)
		}
	}
	if code := c.do("GET", "/studio/api/files/link.json", nil, nil); code == 200 {
		t.Error("the studio followed a link out of its folder")
	}
	var list api.List
	c.do("GET", "/studio/api/files", nil, &list)
	if len(list.Files) != 1 {
		t.Errorf("a link is listed: %+v", list.Files)
	}
	if data, _ := os.ReadFile(filepath.Join(outside, "secret.json")); string(data) != storyV1 {
		t.Error("a file outside the folder changed")
	}

	one := start(t, Config{Path: filepath.Join(dir, "live.json")})
	if code := one.do("PUT", "/studio/api/files/other.json", api.File{Text: strings.Replace(storyV1, `"live"`, `"other"`, 1)}, nil); code != http.StatusNotFound {
		t.Errorf("a studio on one file wrote another: %d", code)
	}
}

// TestRequestsFromElsewhere: without the CSRF token, from another site,
// to a name that is not loopback, or (with an edit token) without it,
// nothing is read or changed.
func TestRequestsFromElsewhere(t *testing.T) {
	dir := folderWith(t, map[string]string{"live.json": storyV1})
	c := start(t, Config{Path: dir})
	put := func(hdr map[string]string) int {
		req, _ := http.NewRequest("PUT", c.base+"/studio/api/files/live.json", strings.NewReader(`{"version":"","text":""}`))
		for k, v := range hdr {
			req.Header.Set(k, v)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	for _, tt := range []struct {
		name string
		hdr  map[string]string
	}{
		{"no token", nil},
		{"wrong token", map[string]string{api.CSRFHeader: "guess"}},
		{"another site", map[string]string{api.CSRFHeader: c.csrf, "Origin": "https://evil.example"}},
		{"cross-site fetch", map[string]string{api.CSRFHeader: c.csrf, "Sec-Fetch-Site": "cross-site"}},
	} {
		if code := put(tt.hdr); code != http.StatusForbidden {
			t.Errorf("%s: %d", tt.name, code)
		}
	}
	// DNS rebinding: a page on evil.example whose name now points here.
	req, _ := http.NewRequest("GET", c.base+"/studio/api/files/live.json", nil)
	req.Host = "evil.example"
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("a request to another name: %d", res.StatusCode)
	}

	shared := start(t, Config{Path: dir, Token: "s3cret"})
	anon := &client{t: t, base: shared.base, hdr: map[string]string{}}
	if code := anon.do("GET", "/studio/api/files", nil, nil); code != http.StatusUnauthorized {
		t.Errorf("without the edit token: %d", code)
	}
	if code := shared.do("GET", "/studio/api/files", nil, nil); code != 200 {
		t.Errorf("with the edit token: %d", code)
	}
}

// TestConcurrentSaves: two saves from the same version, at once: one
// wins, the other is told of the conflict.
func TestConcurrentSaves(t *testing.T) {
	dir := folderWith(t, map[string]string{"live.json": storyV1})
	c := start(t, Config{Path: dir})
	v := version([]byte(storyV1))
	codes := make([]int, 8)
	var wg sync.WaitGroup
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = c.do("PUT", "/studio/api/files/live.json", api.File{Version: v, Text: strings.Replace(storyV1, "Version one", "Version "+string(rune('A'+i)), 1)}, nil)
		}()
	}
	wg.Wait()
	won := 0
	for _, code := range codes {
		switch code {
		case 200:
			won++
		case http.StatusConflict:
		default:
			t.Errorf("save: %d", code)
		}
	}
	if won != 1 {
		t.Errorf("%d saves from one version were written; want 1", won)
	}
}

// TestCheckAndImport: the studio's check gives validate's messages; an
// imported timeline comes with its warnings.
func TestCheckAndImport(t *testing.T) {
	dir := folderWith(t, map[string]string{"live.json": storyV1})
	c := start(t, Config{Path: dir})
	var checked struct{ Problems []api.Problem }
	c.do("POST", "/studio/api/check", api.File{Name: "live.json", Text: strings.Replace(storyV1, `"id": "b"`, `"id": "B"`, 1)}, &checked)
	if len(checked.Problems) != 1 || checked.Problems[0].Path != "$.events[0].id" {
		t.Errorf("problems: %+v", checked.Problems)
	}
	data, err := os.ReadFile("../timelinejs/testdata/end-before-start.json")
	if err != nil {
		t.Fatal(err)
	}
	var imported api.Imported
	if code := c.do("POST", "/studio/api/import", api.Import{Name: "mistakes.json", Text: string(data)}, &imported); code != 200 {
		t.Fatalf("import: %d", code)
	}
	if _, err := story.Parse("imported.json", []byte(imported.Text)); err != nil {
		t.Error(err)
	}
	if len(imported.Warnings) != 9 || imported.Warnings[0].Line != 4 || imported.Warnings[0].Path != "$.events[0].end_date" {
		t.Errorf("warnings: %+v", imported.Warnings)
	}
	var bad api.Failure
	if code := c.do("POST", "/studio/api/import", api.Import{Name: "x.csv", Text: "Year,Month,Text\n2020,1,x"}, &bad); code != http.StatusUnprocessableEntity || len(bad.Problems) != 1 {
		t.Errorf("a sheet without headlines: %d %+v", code, bad)
	}
}

// TestFormatKeepsTheStory: the saved form is the same story.
func TestFormatKeepsTheStory(t *testing.T) {
	for _, path := range []string{"../../web/stories/oval-office-2025.json", "../widget/testdata/full-story.json"} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		out, err := format(data)
		if err != nil {
			t.Fatal(err)
		}
		a, err := story.Parse(path, data)
		if err != nil {
			t.Fatal(err)
		}
		b, err := story.Parse(path, out)
		if err != nil {
			t.Fatalf("the formatted story does not parse: %v", err)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s: formatting changed the story", path)
		}
		again, _ := format(out)
		if !bytes.Equal(again, out) {
			t.Errorf("%s: formatting is not stable", path)
		}
	}
}
