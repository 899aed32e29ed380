package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"explainer/app/story"
)

// api talks to the studio's server (app/studio) from the browser. In the
// WebAssembly, net/http runs on the browser's fetch, with its cookies.
type api struct {
	base string // the site's root path, "" at the domain root
	csrf string
}

// file is a story file as the server lists or sends it.
type file struct {
	Name    string `json:"name"`
	ID      string `json:"id,omitempty"`
	Title   string `json:"title,omitempty"`
	Version string `json:"version"`
	Valid   bool   `json:"valid"`
	Text    string `json:"text,omitempty"`
}

// problem is a problem as the server places it: validate's, or the
// importer's.
type problem struct {
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	// Field is where an import's warning is in the story.
	Field string `json:"field,omitempty"`
}

// apiError is an answer that is not a success.
type apiError struct {
	Status   int
	Message  string    `json:"error"`
	Problems []problem `json:"problems"`
	Version  string    `json:"version"`
	Text     string    `json:"text"`
}

func (e *apiError) Error() string { return e.Message }

// maxAnswer is the most of an answer the studio reads: the JSON of a file
// at the server's cap (story.MaxFileSize), where every byte may be one
// JSON writes as six (a control character, a byte that is not UTF-8, as
// \u0001 or \ufffd), with room for the rest. The server does not escape
// '<', '>' or '&' (studio.writeJSON), so a story of markup is its own
// size.
const maxAnswer = 6*story.MaxFileSize + 1<<20

// tooLarge is what the studio says of a text over a story file's size,
// without sending it: the server would refuse it (413) as explainer
// validate and import do.
func tooLarge(size int) error {
	return &apiError{Status: http.StatusRequestEntityTooLarge, Message: fmt.Sprintf("%d bytes, larger than the %d MiB a story file may be: split it", size, story.MaxFileSize>>20)}
}

func (a *api) call(method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		// As the server answers: a story of markup is sent at its size,
		// not six times it (\u003c), and stays within the server's cap.
		enc.SetEscapeHTML(false)
		if err := enc.Encode(in); err != nil {
			return err
		}
		body = &b
	}
	req, err := http.NewRequest(method, a.base+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if a.csrf != "" {
		req.Header.Set("X-Explainer-CSRF", a.csrf)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("the studio's server did not answer: %w", err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(io.LimitReader(res.Body, maxAnswer+1))
	if err != nil {
		return err
	}
	if len(data) > maxAnswer {
		return fmt.Errorf("the server's answer is larger than the %d MiB the studio reads", maxAnswer>>20)
	}
	if res.StatusCode != http.StatusOK {
		e := &apiError{Status: res.StatusCode}
		if json.Unmarshal(data, e) != nil || e.Message == "" {
			e.Message = fmt.Sprintf("the server answered %s", res.Status)
		}
		return e
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(data, out)
}

// session starts a session: its CSRF token, and whether the studio was
// opened on one file rather than a folder.
func (a *api) session() (single bool, err error) {
	var s struct {
		CSRF   string `json:"csrf"`
		Single bool   `json:"single"`
	}
	if err := a.call("GET", "/studio/api/session", nil, &s); err != nil {
		return false, err
	}
	if s.CSRF == "" {
		return false, errors.New("the server gave no session token")
	}
	a.csrf = s.CSRF
	return s.Single, nil
}

func (a *api) files() ([]file, error) {
	var out struct {
		Files []file `json:"files"`
	}
	err := a.call("GET", "/studio/api/files", nil, &out)
	return out.Files, err
}

func (a *api) read(name string) (file, error) {
	var f file
	err := a.call("GET", "/studio/api/files/"+url.PathEscape(name), nil, &f)
	return f, err
}

// save writes text over the version it was made from ("" for a new
// file); a conflict comes back as an *apiError with status 409 and what
// the file holds now.
func (a *api) save(name, version, text string) (file, error) {
	if len(text) > story.MaxFileSize {
		return file{}, tooLarge(len(text))
	}
	var f file
	err := a.call("PUT", "/studio/api/files/"+url.PathEscape(name), map[string]string{"version": version, "text": text}, &f)
	return f, err
}

// importTimeline converts a TimelineJS file on the server, where the
// importer lives (the studio's WebAssembly has only the story package).
// base is where its relative picture addresses are relative to, "" for
// nowhere.
func (a *api) importTimeline(name, text, base string) (string, []problem, error) {
	if len(text) > story.MaxFileSize {
		return "", nil, tooLarge(len(text))
	}
	var out struct {
		Text     string    `json:"text"`
		Warnings []problem `json:"warnings"`
	}
	err := a.call("POST", "/studio/api/import", map[string]string{"name": name, "text": text, "base": base}, &out)
	return out.Text, out.Warnings, err
}

// embedInfo is a story's embed code, as its embed page shows it (the
// one place snippets are made and escaped), with the address it points
// at and whether that is the site's public one (-base-url).
type embedInfo struct {
	Snippets map[string]string `json:"snippets"`
	Address  string            `json:"address"`
	Public   bool              `json:"public"`
}

// snippets asks the site for a story's embed code.
func (a *api) snippets(id string) (embedInfo, error) {
	var out embedInfo
	err := a.call("GET", "/s/"+url.PathEscape(id)+"/embed?format=json", nil, &out)
	return out, err
}

// isStatus reports whether err is an answer with that status.
func isStatus(err error, status int) (*apiError, bool) {
	var e *apiError
	if errors.As(err, &e) && e.Status == status {
		return e, true
	}
	return nil, false
}

// fileName is the file a new story is saved as: its id.
func fileName(id string) string {
	if id = strings.TrimSpace(id); id == "" {
		id = "story"
	}
	return id + ".json"
}
