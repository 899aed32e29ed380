package cli

import (
	"context"
	"crypto/sha256"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"explainer/app/internal/sheettest"
	"explainer/app/internal/testenv"
)

// liveSheet is a sheet made from the TimelineJS template, as Google
// Sheets publishes it to the web as CSV.
const liveSheet = `Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background
,,,,,,,,,Aid talks,What happened after the meeting.,,,,,title,,
2025,2,28,,,,,,,Meeting in the Oval Office,The meeting ends early.,,,,,,,
2025,3,3,,,,,,,Aid paused,The aid is paused.,,,,,,,
`

// liveStory writes a folder with one story file that follows the sheet
// at url, read every second.
func liveStory(t *testing.T, url string) string {
	t.Helper()
	dir := t.TempDir()
	file := `{
  "id": "aid-talks",
  "live": {"url": "` + url + `", "every": "1s", "language": "en", "corrections": true},
  "people": [{"id": "zelensky", "name": "Volodymyr Zelensky"}],
  "quotes": [{"id": "early-end", "speaker": "zelensky", "text": "He said the meeting ended early.", "kind": "reported", "event": "meeting-in-the-oval-office"}]
}
`
	if err := os.WriteFile(filepath.Join(dir, "aid-talks.json"), []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// waitFor polls cond until it holds, failing the test after a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestServeFollowsTheSheet: explainer serve reads the sheet a story
// names, serves the story made of the two, follows an edit, keeps the
// last good version through a failing sheet and a broken one, and says
// why on /healthz with the sheet's row and column; a correction is
// added for a revised event.
func TestServeFollowsTheSheet(t *testing.T) {
	sheet := sheettest.New(t, liveSheet)
	dir := liveStory(t, sheet.URL)
	get, logs := startServe(t, dir)
	data := get("/s/aid-talks.json")
	for _, want := range []string{`"title":"Aid talks"`, `"headline":"Aid paused"`, `"id":"early-end"`} {
		if !strings.Contains(data, want) {
			t.Errorf("the story lacks %s:\n%s", want, data)
		}
	}
	if strings.Contains(data, sheet.URL) || strings.Contains(data, `"live"`) {
		t.Error("readers get the sheet's address")
	}
	health := get("/healthz")
	if !strings.Contains(health, "live: aid-talks.json: "+sheet.URL) || !strings.Contains(health, "source: "+sheet.URL) {
		t.Errorf("/healthz says nothing of the live story:\n%s", health)
	}

	sheet.Set(strings.Replace(liveSheet, "The aid is paused.", "The aid is paused for review.", 1))
	waitFor(t, "the edit", func() bool { return strings.Contains(get("/s/aid-talks.json"), "paused for review") })
	if data := get("/s/aid-talks.json"); !strings.Contains(data, `was revised in the source this timeline follows`) || !strings.Contains(data, `"correction":true`) {
		t.Errorf("no correction for the revised event:\n%s", data)
	}

	sheet.SetStatus(http.StatusServiceUnavailable)
	waitFor(t, "the failure on /healthz", func() bool {
		return strings.Contains(get("/healthz"), "stale: aid-talks.json: its live source "+sheet.URL+": the source answered 503")
	})
	if !strings.Contains(get("/s/aid-talks.json"), "paused for review") {
		t.Error("a failing sheet took the story down")
	}

	sheet.SetMode(sheettest.OK)
	sheet.Set(strings.Replace(liveSheet, "2025,3,3", "2025,13,3", 1))
	waitFor(t, "the broken sheet on /healthz", func() bool {
		return strings.Contains(get("/healthz"), ":4:6: row 4, Month:")
	})
	if !strings.Contains(get("/s/aid-talks.json"), "paused for review") {
		t.Error("a broken sheet took the story down")
	}
	if n := strings.Count(logs.String(), "live source does not make a story"); n != 1 {
		t.Errorf("the broken sheet was logged %d times; want once:\n%s", n, logs.String())
	}
}

// startServe runs explainer serve on dir until the test ends, and
// returns a getter of its pages and its log.
func startServe(t *testing.T, dir string) (func(path string) string, *testenv.LockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &testenv.LockedBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{"-addr", "127.0.0.1:0", "-stories", dir, "-health-details", "-live-cache", t.TempDir()}, io.Discard, logs)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	var base string
	waitFor(t, "the server to listen", func() bool {
		select {
		case code := <-done:
			t.Fatalf("serve stopped with %d:\n%s", code, logs.String())
		default:
		}
		m := regexp.MustCompile(`addr=(http://127\.0\.0\.1:\d+)`).FindStringSubmatch(logs.String())
		if m != nil {
			base = m[1]
		}
		return m != nil
	})
	return func(path string) string {
		t.Helper()
		res, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}, logs
}

// TestServeWaitsForTheSheet: a server whose only story waits for its
// sheet (unpublished at the start, nothing kept) starts anyway, and
// serves the story once the sheet answers; export, which writes the
// site once, stops and says why.
func TestServeWaitsForTheSheet(t *testing.T) {
	sheet := sheettest.New(t, liveSheet)
	sheet.SetStatus(http.StatusForbidden)
	dir := liveStory(t, sheet.URL)
	code, _, errs := run("export", "-out", t.TempDir(), "-stories", dir, "-live-cache", "off")
	if code != 1 || !strings.Contains(errs, "no story to serve: aid-talks.json: its live source "+sheet.URL+" has not been read yet") || !strings.Contains(errs, "403 Forbidden") {
		t.Errorf("export with the only sheet unpublished: exit %d\n%s", code, errs)
	}
	get, logs := startServe(t, dir)
	if !strings.Contains(logs.String(), "no story to serve yet") {
		t.Errorf("no warning:\n%s", logs.String())
	}
	sheet.SetMode(sheettest.OK)
	waitFor(t, "the story once the sheet answers", func() bool { return strings.Contains(get("/s/aid-talks.json"), `"title":"Aid talks"`) })
}

// TestPublishWatchFollowsTheSheet: explainer publish -watch to a folder
// publishes again after a sheet edit, and writes only the story's
// objects that changed (and the listing), not the rest of the site.
func TestPublishWatchFollowsTheSheet(t *testing.T) {
	testenv.NoCloudMetadata(t)
	sheet := sheettest.New(t, liveSheet)
	dir := liveStory(t, sheet.URL)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	logs := &testenv.LockedBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- publishSite(ctx, []string{"-to", "file://" + out, "-stories", dir, "-watch", "-live-cache", t.TempDir()}, io.Discard, logs)
	}()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	published := func() int { return strings.Count(logs.String(), "msg=\"published: ") }
	waitFor(t, "the first publish", func() bool { return published() == 1 })
	before := snapshot(t, out)

	sheet.Set(strings.Replace(liveSheet, "The aid is paused.", "The aid is paused for review.", 1))
	waitFor(t, "the publish after the edit", func() bool { return published() == 2 })
	after := snapshot(t, out)
	var changed []string
	for name, sum := range after {
		if before[name] != sum {
			changed = append(changed, name)
		}
	}
	if len(changed) == 0 {
		t.Fatal("nothing changed in the folder after the sheet edit")
	}
	t.Logf("written again: %q of %d", changed, len(after))
	for _, name := range changed {
		if !strings.Contains(name, "aid-talks") && name != "index.html" && name != ".explainer-publish.json" {
			t.Errorf("%s was written again, though the edit did not change it", name)
		}
	}
	if data, err := os.ReadFile(filepath.Join(out, "s", "aid-talks.json")); err != nil || !strings.Contains(string(data), "paused for review") {
		t.Errorf("the published story lacks the edit (%v)", err)
	}
	if m := regexp.MustCompile(`published: (\d+) uploaded`).FindAllStringSubmatch(logs.String(), -1); len(m) != 2 || m[1][1] == "0" {
		t.Errorf("publishes: %q", m)
	}
}

// snapshot is each file of a folder with a hash of its content.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	out := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestValidateReadsTheSheet: explainer validate checks a live story with
// what its sheet holds now, and places the sheet's problems at its row
// and column; -offline checks the file alone.
func TestValidateReadsTheSheet(t *testing.T) {
	sheet := sheettest.New(t, liveSheet)
	file := filepath.Join(liveStory(t, sheet.URL), "aid-talks.json")
	code, out, errs := run("validate", file)
	if code != 0 || !strings.Contains(out, `ok: "Aid talks" (aid-talks), 2 events, 1 quotes`) {
		t.Errorf("validate: exit %d\n%s%s", code, out, errs)
	}
	sheet.Set(strings.Replace(liveSheet, "2025,2,28,,,,,,,Meeting in the Oval Office,The meeting ends early.,,,,,,,\n", "", 1))
	code, out, errs = run("validate", file)
	if code != 0 || !strings.Contains(errs, `warning: $.quotes[0].event: the quote "early-end" is on the event "meeting-in-the-oval-office", which the source no longer has`) {
		t.Errorf("validate with a row gone: exit %d\n%s%s", code, out, errs)
	}
	sheet.Set(strings.Replace(liveSheet, "2025,3,3", "2025,13,3", 1))
	code, _, errs = run("validate", file)
	if code != 1 || !strings.Contains(errs, sheet.URL+":4:6: row 4, Month: ") {
		t.Errorf("validate with a broken sheet: exit %d\n%s", code, errs)
	}
	sheet.SetStatus(http.StatusForbidden)
	if code, _, errs = run("validate", file); code != 1 || !strings.Contains(errs, "the source could not be read: the source answered 403 Forbidden") {
		t.Errorf("validate with an unpublished sheet: exit %d\n%s", code, errs)
	}
	if code, out, errs = run("validate", "-offline", file); code != 0 || !strings.Contains(out, "0 events") {
		t.Errorf("validate -offline: exit %d\n%s%s", code, out, errs)
	}
}
