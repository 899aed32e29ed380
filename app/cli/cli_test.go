//go:build !wasm

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"explainer/app/internal/testenv"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

const defaultStory = "../../web/stories/oval-office-2025.json"

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

// brokenCopy writes the default story with the first event's "start"
// misspelt and the first quote by Trump given a speaker who does not
// exist, and returns the path with the two lines it broke.
func brokenCopy(t *testing.T) (path string, startLine, speakerLine int) {
	t.Helper()
	data, err := os.ReadFile(defaultStory)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	find := func(after, want string) int {
		from := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, after) })
		for i := from; from >= 0 && i < len(lines); i++ {
			if strings.Contains(lines[i], want) {
				return i
			}
		}
		t.Fatalf("the default story has no %s after %s", want, after)
		return 0
	}
	start := find(`"events": [`, `"start": {`)
	speaker := find(`"quotes": [`, `"speaker": "trump"`)
	lines[start] = strings.Replace(lines[start], `"start"`, `"strat"`, 1)
	lines[speaker] = strings.Replace(lines[speaker], `"trump"`, `"trmp"`, 1)
	path = filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, start + 1, speaker + 1
}

func TestValidate(t *testing.T) {
	broken, startLine, speakerLine := brokenCopy(t)
	st := storytest.BuiltInStory(t)
	summary := fmt.Sprintf(`oval-office-2025.json: ok: %q (%s), %d events, %d quotes, %d people, %d sources`, st.Title, st.ID, len(st.Events), len(st.Quotes), len(st.People), len(st.Sources))
	tests := []struct {
		name      string
		args      []string
		code      int
		stdout    []string
		stderr    []string
		wantNoOut bool
	}{
		{name: "default story", args: []string{"validate", defaultStory}, stdout: []string{summary}},
		{name: "broken copy", args: []string{"validate", broken}, code: 1, stderr: []string{
			fmt.Sprintf(`%s:%d:7: $.events[0].strat: unknown field "strat" (did you mean "start"?)`, broken, startLine),
			fmt.Sprintf(`%s:%d:18: $.quotes[3].speaker: no person with id "trmp" in people (did you mean "trump"?)`, broken, speakerLine),
		}, wantNoOut: true},
		{name: "one good one bad", args: []string{"validate", defaultStory, broken}, code: 1, stdout: []string{"oval-office-2025.json: ok"}, stderr: []string{fmt.Sprintf("broken.json:%d:7", startLine)}},
		{name: "missing file", args: []string{"validate", "no-such-file.json"}, code: 1, stderr: []string{"no-such-file.json: open no-such-file.json: no such file or directory"}, wantNoOut: true},
		{name: "no files", args: []string{"validate"}, code: 2, stderr: []string{"Usage: explainer validate"}, wantNoOut: true},
		{name: "bad flag", args: []string{"validate", "-nope", defaultStory}, code: 2, stderr: []string{"flag provided but not defined: -nope"}, wantNoOut: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(tt.args...)
			if code != tt.code {
				t.Errorf("%s: exit %d; want %d\nstdout: %s\nstderr: %s", tt.name, code, tt.code, out, errs)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("%s: stdout lacks %q:\n%s", tt.name, w, out)
				}
			}
			for _, w := range tt.stderr {
				if !strings.Contains(errs, w) {
					t.Errorf("%s: stderr lacks %q:\n%s", tt.name, w, errs)
				}
			}
			if tt.wantNoOut && out != "" {
				t.Errorf("%s: unexpected stdout %q", tt.name, out)
			}
		})
	}
}

func TestValidateJSON(t *testing.T) {
	broken, startLine, speakerLine := brokenCopy(t)
	code, out, _ := run("validate", "-json", defaultStory, broken)
	if code != 1 {
		t.Errorf("exit %d; want 1", code)
	}
	var results []fileResult
	if err := json.Unmarshal([]byte(out), &results); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, out)
	}
	if len(results) != 2 || !results[0].Valid || results[0].Summary.Events != len(storytest.BuiltInStory(t).Events) || results[1].Valid {
		t.Fatalf("results: %+v", results)
	}
	errs := results[1].Errors
	if len(errs) != 2 || errs[0].Line != startLine || errs[0].Column != 7 || errs[0].Path != "$.events[0].strat" || errs[0].Hint != `did you mean "start"?` || errs[1].Line != speakerLine {
		t.Errorf("errors: %+v", errs)
	}
}

func TestCommands(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{args: []string{"version"}, stdout: "explainer dev"},
		{args: []string{"help"}, stdout: "Usage:"},
		{code: 2, stderr: "Usage:"},
		{args: []string{"frobnicate"}, code: 2, stderr: `unknown command "frobnicate"`},
		{args: []string{"serve", "-h"}, stderr: "-stories"},
		{args: []string{"export"}, code: 2, stderr: "Usage: explainer export"},
		{args: []string{"serve", "-stories", "/no/such/folder", "-addr", "127.0.0.1:0"}, code: 1, stderr: "not a folder"},
		{args: []string{"serve", "-edit", "-addr", "127.0.0.1:0"}, code: 2, stderr: "the studio edits a -stories folder"},
		{args: []string{"edit"}, code: 2, stderr: "usage: explainer edit"},
		{args: []string{"edit", "/no/such/story.json"}, code: 1, stderr: "no such file"},
		{args: []string{"edit", "-h"}, stderr: "-edit-token"},
		{args: []string{"publish"}, code: 2, stderr: "Usage: explainer publish"},
		{args: []string{"publish", "-to", "file:///tmp", "-watch"}, code: 2, stderr: "Usage: explainer publish"},
		{args: []string{"publish", "-to", "file:///tmp", "-encoding", "zip"}, code: 2, stderr: `-encoding \"zip\"`},
		{args: []string{"publish", "-to", "ftp://host/dir"}, code: 1, stderr: "unknown scheme"},
		{args: []string{"publish", "-to", "s3://key:secret@bucket"}, code: 1, stderr: "never on the command line"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := run(tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
				t.Errorf("explainer %v: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.args, code, out, errs, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

func TestSchemaCommand(t *testing.T) {
	code, out, _ := run("schema")
	if code != 0 || out != string(story.Schema()) {
		t.Errorf("explainer schema: exit %d, %d bytes", code, len(out))
	}
}

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	code, _, errs := run("export", "-out", dir)
	if code != 0 {
		t.Fatalf("export: exit %d\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		t.Error(err)
	}
}

// TestPublishCommand publishes the built-in story to a folder (file://,
// the one store with no server), then again: nothing changed, nothing
// written; a dry run over a site taken elsewhere lists what would change;
// a dry run to a folder create_dir would make lists everything as new and
// makes nothing.
func TestPublishCommand(t *testing.T) {
	testenv.NoCloudMetadata(t)
	dir := t.TempDir()
	code, _, errs := run("publish", "-to", "file://"+dir, "-base-url", "https://news.example/graphics")
	if code != 0 || !strings.Contains(errs, "published: ") || !strings.Contains(errs, "encoding=br") {
		t.Fatalf("publish: exit %d\n%s", code, errs)
	}
	for _, name := range []string{"index.html", "404.html", "s/oval-office-2025.json", ".explainer-publish.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	code, out, errs := run("publish", "-to", "file://"+dir, "-base-url", "https://news.example/graphics", "-dry-run")
	if code != 0 || out != "" || !strings.Contains(errs, "would publish: 0 uploaded") {
		t.Errorf("dry run with nothing changed: exit %d, stdout %q\n%s", code, out, errs)
	}
	code, out, errs = run("publish", "-to", "file://"+dir, "-base-url", "http://news.example/elsewhere", "-dry-run")
	if code != 0 || !strings.Contains(out, "changed assets ") || !strings.Contains(out, "index.html\n") || !strings.Contains(errs, "encoding=gzip") {
		t.Errorf("dry run of a site moved: exit %d, stdout %q\n%s", code, out, errs)
	}
	missing := filepath.Join(t.TempDir(), "new-site")
	code, out, errs = run("publish", "-to", "file://"+missing+"?create_dir=true", "-base-url", "https://news.example/graphics", "-dry-run")
	if code != 0 || !strings.Contains(out, "new     ") || strings.Contains(out, "changed") {
		t.Errorf("dry run to a folder not made yet: exit %d, stdout %q\n%s", code, out, errs)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("the dry run made %s (%v)", missing, err)
	}
}

// TestValidateStdin: "validate -" reads the story from standard input.
func TestValidateStdin(t *testing.T) {
	data, err := os.ReadFile(defaultStory)
	if err != nil {
		t.Fatal(err)
	}
	old := stdin
	t.Cleanup(func() { stdin = old })
	stdin = bytes.NewReader(data)
	if code, out, errs := run("validate", "-"); code != 0 || !strings.Contains(out, "-: ok:") {
		t.Errorf("exit %d, %q %q", code, out, errs)
	}
	stdin = strings.NewReader(`{"id": 1}`)
	if code, _, errs := run("validate", "-"); code != 1 || !strings.Contains(errs, "-:1:8: $.id: expected a string") {
		t.Errorf("exit %d, %q", code, errs)
	}
}

// TestImportCommand converts a TimelineJS file to a story file that
// validate passes, lists the warnings with their places, refuses to
// overwrite a file unless told, and fails with the errors' places on a
// file it cannot read.
func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "moon.json")
	code, stdout, errs := run("import", "-o", out, "-id", "moon", "-zone", "UTC", "../timelinejs/testdata/moon-landing.json")
	if code != 0 || stdout != "" {
		t.Fatalf("import: exit %d, stdout %q\n%s", code, stdout, errs)
	}
	if !strings.Contains(errs, `"Apollo 11: the first Moon landing" (moon), 4 events`) {
		t.Errorf("no summary: %s", errs)
	}
	if code, vout, verrs := run("validate", out); code != 0 || !strings.Contains(vout, "ok") {
		t.Errorf("validate on the imported story: exit %d\n%s%s", code, vout, verrs)
	}
	if code, _, errs := run("import", "-o", out, "../timelinejs/testdata/moon-landing.json"); code != 1 || !strings.Contains(errs, "exists: pass -force") {
		t.Errorf("overwrite without -force: exit %d, %s", code, errs)
	}
	code, _, errs = run("import", "-zone", "UTC", "../timelinejs/testdata/end-before-start.json")
	if code != 0 || !strings.Contains(errs, "warning: ../timelinejs/testdata/end-before-start.json:4:") {
		t.Errorf("warnings: exit %d\n%s", code, errs)
	}
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("Year,Month,Day,Text\n2020,1,1,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run("import", bad); code != 1 || !strings.Contains(errs, "bad.csv:1:1: row 1: the sheet has no Headline column") || !strings.Contains(errs, "bad.csv: 1 error: no story written") {
		t.Errorf("a sheet without Headline: exit %d\n%s", code, errs)
	}
	if code, _, errs := run("import", "-zone", "Mars/Olympus", bad); code != 2 || !strings.Contains(errs, "not an IANA time zone") {
		t.Errorf("a bad zone: exit %d\n%s", code, errs)
	}
	// Local is a zone to Go, but the computer's own: refused at the flag,
	// with why, rather than at the end as a story that does not validate.
	if code, _, errs := run("import", "-zone", "Local", "../timelinejs/testdata/moon-landing.json"); code != 2 || !strings.Contains(errs, `-zone: the zone "Local" is this computer's own`) || !strings.Contains(errs, "readers everywhere") {
		t.Errorf("-zone Local: exit %d\n%s", code, errs)
	}
	old := stdin
	t.Cleanup(func() { stdin = old })
	stdin = strings.NewReader("Year,Headline\n1969,Moon\n")
	if code, stdout, errs := run("import", "-"); code != 0 || !strings.Contains(stdout, `"headline": "Moon"`) {
		t.Errorf("import -: exit %d\n%s%s", code, stdout, errs)
	}
}

// TestImportFromTheWeb fetches a timeline from a real server on
// loopback, as from a sheet published to the web: relative media resolve
// against its address; an address that is not there is an error.
func TestImportFromTheWeb(t *testing.T) {
	srv := httptest.NewServer(http.StripPrefix("/tl/", http.FileServer(http.Dir("../timelinejs/testdata"))))
	defer srv.Close()
	code, out, errs := run("import", srv.URL+"/tl/end-before-start.json")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	if !strings.Contains(out, `"src": "`+srv.URL+`/tl/images/photo.jpg"`) {
		t.Errorf("relative media not resolved against the address:\n%s", out)
	}
	if strings.Contains(errs, "has no base") {
		t.Errorf("warned of no base:\n%s", errs)
	}
	if code, _, errs := run("import", srv.URL+"/tl/missing.csv"); code != 1 || !strings.Contains(errs, "404") {
		t.Errorf("a missing address: exit %d\n%s", code, errs)
	}
}

// TestEditCommand opens the studio on an empty folder, as explainer edit
// does, and reaches its page and its API at the address it logs.
func TestEditCommand(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	var logs syncBuffer
	done := make(chan int, 1)
	go func() { done <- edit(ctx, []string{"-addr", "127.0.0.1:0", dir}, io.Discard, &logs) }()
	var url string
	for url == "" {
		select {
		case code := <-done:
			t.Fatalf("edit stopped with %d: %s", code, logs.String())
		case <-time.After(20 * time.Millisecond):
		}
		if m := regexp.MustCompile(`url=(http://\S+/studio/)`).FindStringSubmatch(logs.String()); m != nil {
			url = m[1]
		}
	}
	for _, path := range []string{"", "api/files"} {
		res, err := http.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d", url+path, res.StatusCode)
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("edit ended with %d: %s", code, logs.String())
	}
}

// syncBuffer is a buffer the command logs into while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
