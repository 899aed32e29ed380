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

	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/studio"
	"explainer/app/studio/api"
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

// TestMarkupStory: a story full of '<' opens in the studio and saves,
// through the studio page's own client and a real studio server: neither
// side writes it six times larger. One near the file cap opens, but its
// save is refused as the server would refuse to serve it, with the
// server's own reason: its page would be too large.
func TestMarkupStory(t *testing.T) {
	for _, tc := range []struct {
		name   string
		size   int
		refuse string // what the save is refused with, "" for saved
	}{
		{"as large as a page holds", 2_000_000, ""},
		{"near the file cap", story.MaxFileSize - 200_000, "markup.json: its page would be"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := markupStory(tc.size)
			if len(text) > story.MaxFileSize || len(text) < tc.size*9/10 {
				t.Fatalf("the story is %d bytes", len(text))
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "markup.json"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			st, err := studio.New(studio.Config{Path: dir, Check: site.Check})
			if err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(st.Handler(nil))
			defer srv.Close()
			a := &apiClient{base: srv.URL}
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
			// The answer's size, as the server sends it: the text with
			// its quotes and new lines escaped, not six times the text.
			res, err := http.Get(srv.URL + api.FilePath("markup.json"))
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			n, err := io.Copy(io.Discard, res.Body)
			if err != nil || n > int64(len(text))*101/100 {
				t.Errorf("the answer is %d bytes (%v) for a file of %d", n, err, len(text))
			}
			edited := strings.Replace(f.Text, `"title": "Markup"`, `"title": "Markup, edited"`, 1)
			saved, err := a.save("markup.json", f.Version, edited)
			if tc.refuse != "" {
				e, ok := isStatus(err, http.StatusUnprocessableEntity)
				if !ok || len(e.Problems) != 1 || !strings.HasPrefix(e.Problems[0].Message, tc.refuse) {
					t.Fatalf("save: %v; want it refused: %s", err, tc.refuse)
				}
				return
			}
			if err != nil {
				t.Fatalf("save: %v", err)
			}
			if !strings.Contains(saved.Text, `"title": "Markup, edited"`) {
				t.Error("save: the answer is not the edited story")
			}
		})
	}
}

// TestTooLargeIsSaidBeforeSending: a text over a story file's size is
// refused by the client with the server's reason, without a request.
func TestTooLargeIsSaidBeforeSending(t *testing.T) {
	a := &apiClient{base: "http://127.0.0.1:0"} // nothing is sent
	big := strings.Repeat("x", story.MaxFileSize+1)
	_, _, err := a.importTimeline("big.csv", big, "")
	if e, ok := isStatus(err, http.StatusRequestEntityTooLarge); !ok || !strings.Contains(e.Message, "8 MiB") {
		t.Errorf("import: %v", err)
	}
	if _, err := a.save("big.json", "", big); err == nil || !strings.Contains(err.Error(), "8 MiB") {
		t.Errorf("save: %v", err)
	}
}
