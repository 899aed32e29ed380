package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"explainer/app/internal/testenv"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

// defaultStory is the built-in story's file, for the commands to read.
var defaultStory = filepath.Join("..", "..", "web", "stories", storytest.BuiltInName)

func run(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Main(args, &out, &errb)
	return code, out.String(), errb.String()
}

// brokenCopy writes the default story with the first event's "start"
// misspelt and the first quote given a speaker who does not exist (its
// own speaker's id, a letter short), and returns the path with the two
// lines it broke and the speaker's id and its misspelling.
func brokenCopy(t *testing.T) (path string, startLine, speakerLine int, speaker, typo string) {
	t.Helper()
	speaker = string(storytest.Load(t, defaultStory).Quotes[0].Speaker)
	typo = speaker[:1] + speaker[2:]
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
	at := find(`"quotes": [`, `"speaker": "`+speaker+`"`)
	lines[start] = strings.Replace(lines[start], `"start"`, `"strat"`, 1)
	lines[at] = strings.Replace(lines[at], `"`+speaker+`"`, `"`+typo+`"`, 1)
	path = filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, start + 1, at + 1, speaker, typo
}

func TestValidate(t *testing.T) {
	broken, startLine, speakerLine, speaker, typo := brokenCopy(t)
	st := storytest.Load(t, defaultStory)
	name := filepath.Base(defaultStory)
	summary := fmt.Sprintf(`%s: ok: %q (%s), %d events, %d quotes, %d people, %d sources`, name, st.Title, st.ID, len(st.Events), len(st.Quotes), len(st.People), len(st.Sources))
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
			fmt.Sprintf(`%s:%d:18: $.quotes[0].speaker: no person with id %q in people (did you mean %q?)`, broken, speakerLine, typo, speaker),
		}, wantNoOut: true},
		{name: "one good one bad", args: []string{"validate", defaultStory, broken}, code: 1, stdout: []string{name + ": ok"}, stderr: []string{fmt.Sprintf("broken.json:%d:7", startLine)}},
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
	broken, startLine, speakerLine, _, _ := brokenCopy(t)
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
		{args: []string{"edit"}, code: 2, stderr: "Usage: explainer edit"},
		{args: []string{"edit", "/no/such/story.json"}, code: 1, stderr: "no such file"},
		{args: []string{"edit", "-h"}, stderr: "-edit-token"},
		// The public address reaches the site the studio serves, which
		// checks it as serve does.
		{args: []string{"edit", "-addr", "127.0.0.1:0", "-base-url", "ftp://example.com/graphics", "."}, code: 1, stderr: `-base-url \"ftp://example.com/graphics\"`},
		{args: []string{"publish"}, code: 2, stderr: "Usage: explainer publish"},
		{args: []string{"publish", "-to", "file:///tmp", "-watch"}, code: 2, stderr: "Usage: explainer publish"},
		{args: []string{"publish", "-to", "s3://bucket", "-encoding", "zip"}, code: 2, stderr: `-encoding \"zip\"`},
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
// the one store with no server): plain files, as an export writes them,
// and the embed code at the public address; then again: nothing changed,
// nothing written; a dry run says what it would do, never that it did; a
// dry run over a site moved elsewhere lists what would change; a dry run
// to a folder create_dir would make lists everything as new and makes
// nothing.
func TestPublishCommand(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	testenv.NoCloudMetadata(t)
	dir := t.TempDir()
	code, out, errs := run("publish", "-to", "file://"+dir, "-base-url", "https://news.example/graphics")
	if code != 0 || !strings.Contains(errs, "published: ") || !strings.Contains(errs, "encoding=files") || !strings.Contains(errs, `msg="story to publish"`) {
		t.Fatalf("publish: exit %d\n%s", code, errs)
	}
	if !strings.Contains(out, `Embed code for "`) || !strings.Contains(out, `<iframe src="https://news.example/graphics/?embed=1`) || !strings.Contains(out, `<script async src="https://news.example/graphics/assets/embed.`) {
		t.Errorf("publish printed no embed code at the public address:\n%s", out)
	}
	for _, name := range []string{"index.html", "404.html", "s/" + ids.Story() + ".json", ".explainer-publish.json"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if page, err := os.ReadFile(filepath.Join(dir, "index.html")); err != nil || !bytes.HasPrefix(bytes.ToLower(page), []byte("<!doctype html>")) {
		t.Errorf("index.html is not a page as it is: %q, %v", page[:min(len(page), 16)], err)
	}
	if attrs, _ := filepath.Glob(filepath.Join(dir, "*.attrs")); len(attrs) > 0 {
		t.Errorf("publish wrote .attrs files: %q", attrs)
	}
	if copies, _ := filepath.Glob(filepath.Join(dir, "assets", "boot.*.js.br")); len(copies) != 1 {
		t.Errorf("no brotli copy beside the script: %q", copies)
	}
	code, out, errs = run("publish", "-to", "file://"+dir, "-base-url", "https://news.example/graphics", "-dry-run")
	if code != 0 || out != "" || !strings.Contains(errs, "would publish: 0 uploaded") {
		t.Errorf("dry run with nothing changed: exit %d, stdout %q\n%s", code, out, errs)
	}
	if strings.Contains(errs, "story published") || strings.Contains(errs, "story to publish") || !strings.Contains(errs, `msg="would publish story"`) {
		t.Errorf("the dry run says it published:\n%s", errs)
	}
	code, out, errs = run("publish", "-to", "file://"+dir, "-base-url", "http://news.example/elsewhere", "-dry-run")
	if code != 0 || !strings.Contains(out, "changed index ") || !strings.Contains(out, "index.html\n") || strings.Contains(out, "assets") || !strings.Contains(errs, "encoding=files") {
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
	if code, _, errs := run("publish", "-to", "file://"+dir, "-encoding", "gzip"); code != 2 || !strings.Contains(errs, "a folder (file://) gets its files as they are") {
		t.Errorf("-encoding gzip to a folder: exit %d\n%s", code, errs)
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
	url, logs := startEdit(t, "-addr", "127.0.0.1:0", t.TempDir())
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
	if strings.Contains(logs.String(), "answers only this machine") {
		t.Errorf("on loopback, the studio warns that it answers loopback only:\n%s", logs.String())
	}
}

// startEdit runs explainer edit with args until the test ends, and
// returns the studio's address as it logs it, and its log.
func startEdit(t *testing.T, args ...string) (string, *testenv.LockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &testenv.LockedBuffer{}
	done := make(chan int, 1)
	go func() { done <- edit(ctx, args, io.Discard, logs) }()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("edit ended with %d: %s", code, logs.String())
		}
	})
	for {
		select {
		case code := <-done:
			done <- code
			t.Fatalf("edit stopped with %d: %s", code, logs.String())
		case <-time.After(20 * time.Millisecond):
		}
		if m := regexp.MustCompile(`url="?(http://[^\s"?]+/studio/)`).FindStringSubmatch(logs.String()); m != nil {
			return m[1], logs
		}
	}
}

// TestEditToken: the edit token comes from a file, the environment, or
// (with a warning that others can read it there) the command line; with
// it, the studio answers whoever has the token, and nobody else.
func TestEditToken(t *testing.T) {
	const token = "t0ken-from-somewhere"
	file := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(file, []byte(token+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		env  string
		warn bool
	}{
		{"file", []string{"-edit-token-file", file}, "", false},
		{"environment", nil, token, false},
		{"file over environment", []string{"-edit-token-file", file}, "another", false},
		{"command line", []string{"-edit-token", token}, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("EXPLAINER_EDIT_TOKEN", tc.env)
			url, logs := startEdit(t, append(append([]string{"-addr", "127.0.0.1:0"}, tc.args...), t.TempDir())...)
			for _, c := range []struct {
				token string
				want  int
			}{{token, http.StatusOK}, {"wrong", http.StatusUnauthorized}, {"", http.StatusUnauthorized}} {
				req, _ := http.NewRequest("GET", url+"api/files", nil)
				if c.token != "" {
					req.Header.Set("Authorization", "Bearer "+c.token)
				}
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				res.Body.Close()
				if res.StatusCode != c.want {
					t.Errorf("with token %q: %d, want %d", c.token, res.StatusCode, c.want)
				}
			}
			warned := strings.Contains(logs.String(), "other users of this machine can read it")
			if warned != tc.warn {
				t.Errorf("warned %v, want %v:\n%s", warned, tc.warn, logs.String())
			}
			if strings.Contains(logs.String(), token) {
				t.Errorf("the token is in the log:\n%s", logs.String())
			}
		})
	}

	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.WriteFile(empty, []byte("\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"both", []string{"-edit-token", token, "-edit-token-file", file}, "give one"},
		{"missing file", []string{"-edit-token-file", file + ".gone"}, "-edit-token-file"},
		{"empty file", []string{"-edit-token-file", empty}, "must hold the token"},
	} {
		code, _, errs := run(append(append([]string{"edit", "-addr", "127.0.0.1:0"}, tc.args...), t.TempDir())...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d, %s", tc.name, code, errs)
		}
	}
}

// TestLoopbackOnlyWarning: listening where other machines reach it,
// without an edit token, the studio says at start, in one line, that it
// answers loopback only and how to open it.
func TestLoopbackOnlyWarning(t *testing.T) {
	for _, tc := range []struct {
		ip    string
		token bool
		warn  bool
	}{
		{"0.0.0.0", false, true},
		{"::", false, true},
		{"192.0.2.7", false, true},
		{"0.0.0.0", true, false},
		{"127.0.0.1", false, false},
		{"::1", false, false},
	} {
		msg := loopbackOnly(&net.TCPAddr{IP: net.ParseIP(tc.ip), Port: 8080}, tc.token)
		if (msg != "") != tc.warn {
			t.Errorf("%s, token %v: %q", tc.ip, tc.token, msg)
			continue
		}
		if tc.warn && (strings.Contains(msg, "\n") || !strings.Contains(msg, "loopback") || !strings.Contains(msg, "-edit-token-file") || !strings.Contains(msg, "EXPLAINER_EDIT_TOKEN")) {
			t.Errorf("%s: %q", tc.ip, msg)
		}
	}
}

// TestPublishPrintsAScreenOfEmbedCodes: a first publish of a large site
// prints the embed codes of the first stories only, and says how many it
// left out.
func TestPublishPrintsAScreenOfEmbedCodes(t *testing.T) {
	testenv.NoCloudMetadata(t)
	stories := t.TempDir()
	for i := range maxEmbedCodes + 3 {
		doc := fmt.Sprintf(`{"id":"story-%02d","title":"Story %d","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"}}]}`, i, i)
		if err := os.WriteFile(filepath.Join(stories, fmt.Sprintf("story-%02d.json", i)), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := run("publish", "-stories", stories, "-to", "file://"+t.TempDir(), "-base-url", "https://news.example/graphics")
	if code != 0 {
		t.Fatalf("publish: exit %d\n%s", code, errs)
	}
	if n := strings.Count(out, "Embed code for "); n != maxEmbedCodes {
		t.Errorf("printed %d embed codes; want %d", n, maxEmbedCodes)
	}
	if !strings.Contains(errs, "embed codes not printed") || !strings.Contains(errs, "more=3") {
		t.Errorf("the log does not say how many codes were left out:\n%s", errs)
	}
}

// TestProxyWarning: a server that others can reach, with neither
// -base-url nor -trust-proxy, says at start that its links may be wrong.
func TestProxyWarning(t *testing.T) {
	for _, tc := range []struct {
		ip          string
		base, trust bool
		warn        bool
	}{
		{ip: "0.0.0.0", warn: true},
		{ip: "::", warn: true},
		{ip: "192.0.2.7", warn: true},
		{ip: "127.0.0.1"},
		{ip: "::1"},
		{ip: "0.0.0.0", base: true},
		{ip: "0.0.0.0", trust: true},
	} {
		msg := proxyWarning(&net.TCPAddr{IP: net.ParseIP(tc.ip), Port: 8080}, tc.base, tc.trust)
		if (msg != "") != tc.warn {
			t.Errorf("%s, base URL %v, trust proxy %v: %q", tc.ip, tc.base, tc.trust, msg)
		}
		if tc.warn && (!strings.Contains(msg, "-base-url") || !strings.Contains(msg, "-trust-proxy")) {
			t.Errorf("%s: %q names neither flag", tc.ip, msg)
		}
	}
}

// TestPublishOverForeignFiles: a publish that would overwrite files no
// publish wrote refuses, and the command line says how to replace them.
func TestPublishOverForeignFiles(t *testing.T) {
	testenv.NoCloudMetadata(t)
	dir := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "index.html"), "<p>the old site</p>")
	code, _, errs := run("publish", "-to", "file://"+dir)
	if code != 1 || !strings.Contains(errs, "index.html") || !strings.Contains(errs, "-force replaces them") || strings.Contains(errs, "published: ") {
		t.Errorf("publish over a foreign index.html: exit %d\n%s", code, errs)
	}
	if code, _, errs := run("publish", "-to", "file://"+dir, "-force"); code != 0 {
		t.Errorf("publish -force over it: exit %d\n%s", code, errs)
	}
}

// TestExportIntoSomethingElse: an export into a folder of something else
// refuses, and the command line says how to write into it all the same.
func TestExportIntoSomethingElse(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "notes.txt"), "someone else's")
	if code, _, errs := run("export", "-out", dir); code != 1 || !strings.Contains(errs, "not empty") || !strings.Contains(errs, "-force writes into it") {
		t.Errorf("export into a folder of something else: exit %d\n%s", code, errs)
	}
}
