//go:build !wasm

package ui

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/story"
	"explainer/app/studio"
)

// markupStory is a valid story of about size bytes whose event bodies
// are all '<': what JSON escaping would make six times larger.
func markupStory(size int) string {
	head := `{"id": "markup", "title": "Markup", "language": "en", "events": [`
	var b strings.Builder
	b.WriteString(head)
	per := 100_000
	n := (size - len(head)) / (per + 100)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "e%d", "headline": "Event %d", "start": {"date": "2025-01-01"}, "body": "%s"}`, i, i, strings.Repeat("<", per))
	}
	b.WriteString("]}\n")
	return b.String()
}

// TestMarkupStoryNearTheCap: a story near the file cap, full of '<',
// opens in the studio and saves, through the studio page's own client and
// a real studio server: neither side writes it six times larger.
func TestMarkupStoryNearTheCap(t *testing.T) {
	text := markupStory(story.MaxFileSize - 200_000)
	if len(text) > story.MaxFileSize || len(text) < story.MaxFileSize*9/10 {
		t.Fatalf("the story is %d bytes", len(text))
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "markup.json"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := studio.New(studio.Config{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(st.Handler(nil))
	defer srv.Close()
	a := &api{base: srv.URL}
	if _, err := a.session(); err != nil {
		t.Fatal(err)
	}
	f, err := a.read("markup.json")
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	if f.Text != text {
		t.Fatal("open: not the file's text")
	}
	edited := strings.Replace(f.Text, `"title": "Markup"`, `"title": "Markup, edited"`, 1)
	saved, err := a.save("markup.json", f.Version, edited)
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	if !strings.Contains(saved.Text, `"title": "Markup, edited"`) {
		t.Error("save: the answer is not the edited story")
	}
	// The answer's size, as the server sends it: the text with its
	// quotes and new lines escaped, not six times the text.
	res, err := http.Get(srv.URL + "/studio/api/files/markup.json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	n, err := io.Copy(io.Discard, res.Body)
	if err != nil || n > int64(len(saved.Text))*101/100 {
		t.Errorf("the answer is %d bytes (%v) for a file of %d", n, err, len(saved.Text))
	}
}

// TestTooLargeIsSaidBeforeSending: a text over a story file's size is
// refused by the client with the server's reason, without a request.
func TestTooLargeIsSaidBeforeSending(t *testing.T) {
	a := &api{base: "http://127.0.0.1:0"} // nothing is sent
	big := strings.Repeat("x", story.MaxFileSize+1)
	_, _, err := a.importTimeline("big.csv", big, "")
	if e, ok := isStatus(err, http.StatusRequestEntityTooLarge); !ok || !strings.Contains(e.Message, "8 MiB") {
		t.Errorf("import: %v", err)
	}
	if _, err := a.save("big.json", "", big); err == nil || !strings.Contains(err.Error(), "8 MiB") {
		t.Errorf("save: %v", err)
	}
}
