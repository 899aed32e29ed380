package story

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"explainer/app/internal/golden"
)

// TestParseErrors feeds each broken file in testdata/errors to Parse and
// compares every error it reports with the golden output.
func TestParseErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/errors/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Parse(filepath.Base(file), data)
			if err == nil {
				t.Fatalf("Parse(%s) = %v, nil; want an error", file, s.ID)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("Parse(%s) error %v does not wrap ErrInvalid", file, err)
			}
			if strings.Contains(err.Error(), "internal error") {
				t.Errorf("a problem has no place in the file:\n%v", err)
			}
			golden.Check(t, filepath.Join("errors", name+".golden"), []byte(err.Error()+"\n"))
		})
	}
}

// TestParseErrorsAreAllReported checks that one file with several problems
// yields all of them, each at its own line.
func TestParseErrorsAreAllReported(t *testing.T) {
	tests := []struct {
		file      string
		wantLines []int
	}{
		{file: "unknown-field.json", wantLines: []int{6, 7}},
		{file: "duplicate-key.json", wantLines: []int{5, 6}},
		{file: "dangling-refs.json", wantLines: []int{7, 7, 9, 9, 9, 9}},
		{file: "times.json", wantLines: []int{6, 7, 8, 9, 10, 11, 12}},
		{file: "unsafe-urls.json", wantLines: []int{6, 7, 8, 11}},
		{file: "media.json", wantLines: []int{6, 7, 8, 9, 10}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata/errors", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Parse(tt.file, data)
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse(%s) error %v is not an ErrorList", tt.file, err)
			}
			var got []int
			for _, e := range list {
				got = append(got, e.Line)
			}
			if !slices.Equal(got, tt.wantLines) {
				t.Errorf("Parse(%s) reported lines %v; want %v\n%v", tt.file, got, tt.wantLines, err)
			}
		})
	}
}

// TestParseTooLarge checks the size limit before any parsing happens.
func TestParseTooLarge(t *testing.T) {
	data := append([]byte(`{"id":"s","title":"`), bytes.Repeat([]byte("x"), MaxFileSize)...)
	_, err := Parse("big.json", data)
	if !errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrInvalid) {
		t.Fatalf("Parse(big) error = %v; want ErrTooLarge and ErrInvalid", err)
	}
	if !strings.HasPrefix(err.Error(), "big.json: ") {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{err: Error{File: "a.json", Line: 3, Col: 5, Path: "$.title", Msg: "bad"}, want: "a.json:3:5: $.title: bad"},
		{err: Error{File: "a.json", Line: 1, Col: 1, Msg: "empty"}, want: "a.json:1:1: empty"},
		{err: Error{File: "a.json", Line: 40, Col: 7, Path: "$.events[2].headlin", Msg: `unknown field "headlin"`, Hint: `did you mean "headline"?`}, want: `a.json:40:7: $.events[2].headlin: unknown field "headlin" (did you mean "headline"?)`},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q; want %q", got, tt.want)
			}
		})
	}
}

func TestLinePosition(t *testing.T) {
	li := newLineIndex([]byte("ab\n“é”x\n\nz"))
	tests := []struct{ off, line, col int }{
		{line: 1, col: 1}, {off: 2, line: 1, col: 3}, {off: 3, line: 2, col: 1}, {off: 3 + 3 + 2 + 3, line: 2, col: 4}, {off: 12, line: 2, col: 5}, {off: 13, line: 3, col: 1}, {off: 14, line: 4, col: 1}, {off: 99, line: 4, col: 2},
	}
	for _, tt := range tests {
		if line, col := li.position(tt.off); line != tt.line || col != tt.col {
			t.Errorf("position(%d) = %d:%d; want %d:%d", tt.off, line, col, tt.line, tt.col)
		}
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"id", "headline", "body", "start", "end", "people", "sources"}
	tests := []struct{ in, want string }{
		{in: "headlin", want: "headline"}, {in: "Headline", want: "headline"}, {in: "strat", want: "start"}, {in: "source", want: "sources"}, {in: "colour"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := suggest(tt.in, names); got != tt.want {
				t.Errorf("suggest(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRoundTrip checks that what Parse returns marshals back to a story
// that parses to the same thing.
func TestRoundTrip(t *testing.T) {
	s := mustParseDefault(t)
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	s2, err := Parse("again.json", out)
	if err != nil {
		t.Fatalf("re-parsing marshalled story: %v", err)
	}
	out2, _ := json.Marshal(s2)
	if !bytes.Equal(out, out2) {
		t.Errorf("marshal, parse, marshal is not stable:\n%s\n%s", out, out2)
	}
}

func TestParseAcceptsByteOrderMark(t *testing.T) {
	data := []byte("\xEF\xBB\xBF" + `{"id":"s","title":"T","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"}}]}`)
	if _, err := Parse("bom.json", data); err != nil {
		t.Fatalf("Parse with BOM: %v", err)
	}
}

func TestParseStringEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: `"plain"`, want: "plain"},
		{in: `"a\"b\\c\/d\n\t"`, want: "a\"b\\c/d\n\t"},
		{in: `"\u00e9\u2014"`, want: "é—"},
		{in: `"\ud83d\ude00"`, want: "😀"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			data := []byte(`{"id":"s","title":` + tt.in + `,"language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"}}]}`)
			s, err := Parse("esc.json", data)
			if err != nil {
				t.Errorf("Parse(title %s): %v", tt.in, err)
				return

			}
			if s.Title != tt.want {
				t.Errorf("Parse(title %s).Title = %q; want %q", tt.in, s.Title, tt.want)
			}
		})
	}
	for _, bad := range []string{`"\ud83d"`, `"\x41"`, `"\u12"`, `'single'`} {
		data := []byte(`{"id":"s","title":` + bad + `}`)
		if _, err := Parse("esc.json", data); err == nil {
			t.Errorf("Parse(title %s) succeeded; want an error", bad)
		}
	}
}

// TestParseLive: a story with a live source may leave its title,
// language and events to the source, and refer to the source's events;
// without one, they are required as ever.
func TestParseLive(t *testing.T) {
	data, err := os.ReadFile("testdata/live-story.json")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse("live-story.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if s.Live == nil || s.Live.Every.Duration() != 5*time.Minute || len(s.Events) != 0 {
		t.Errorf("live %+v, %d events", s.Live, len(s.Events))
	}
	if r := s.ForReaders(); r.Live != nil {
		t.Error("readers get the live source")
	}
	without := strings.Replace(string(data), `"live"`, `"notlive"`, 1)
	_, err = Parse("live-story.json", []byte(without))
	for _, want := range []string{`missing required field "title"`, `missing required field "events"`, `no event with id "aid-paused"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("without live: %v; want %q", err, want)
		}
	}
}
