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

	"explainer/app/i18n"
	"explainer/app/internal/httpjson"
	"explainer/app/internal/urls"
	"explainer/app/story"
	"explainer/app/studio/api"
)

// apiClient talks to the studio's server (app/studio) from the browser. In the
// WebAssembly, net/http runs on the browser's fetch, with its cookies.
type apiClient struct {
	base string // the site's root path, "" at the domain root
	csrf string
}

// apiError is an answer that is not a success, with its status.
type apiError struct {
	Status int
	api.Failure
}

func (e *apiError) Error() string { return e.Message }

// maxAnswer is the most of an answer the studio reads: the JSON of a file
// at the server's cap (story.MaxFileSize), where every byte may be one
// JSON writes as six (a control character, a byte that is not UTF-8, as
// \u0001 or \ufffd), with room for the rest. The server does not escape
// '<', '>' or '&' (httpjson.Marshal), so a story of markup is its own
// size.
const maxAnswer = 6*story.MaxFileSize + 1<<20

// tooLarge is what the studio says of a text over a story file's size,
// without sending it: the server would refuse it (413) as explainer
// validate and import do.
func tooLarge(size int) error {
	return &apiError{Status: http.StatusRequestEntityTooLarge, Failure: api.Failure{Message: fmt.Sprintf("%d bytes, larger than the %d MiB a story file may be: split it", size, story.MaxFileSize>>20)}}
}

func (a *apiClient) call(method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		// As the server answers: a story of markup is sent at its size,
		// not six times it (\u003c), and stays within the server's cap.
		b, err := httpjson.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, a.base+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", httpjson.Type)
	}
	if a.csrf != "" {
		req.Header.Set(api.CSRFHeader, a.csrf)
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
func (a *apiClient) session() (single bool, err error) {
	var s api.SessionInfo
	if err := a.call("GET", api.SessionPath, nil, &s); err != nil {
		return false, err
	}
	if s.CSRF == "" {
		return false, errors.New("the server gave no session token")
	}
	a.csrf = s.CSRF
	return s.Single, nil
}

func (a *apiClient) files() ([]api.Entry, error) {
	var out api.List
	err := a.call("GET", api.FilesPath, nil, &out)
	return out.Files, err
}

func (a *apiClient) read(name string) (api.File, error) {
	var f api.File
	err := a.call("GET", api.FilePath(name), nil, &f)
	return f, err
}

// save writes text over the version it was made from ("" for a new
// file); a conflict comes back as an *apiError with status 409 and what
// the file holds now.
func (a *apiClient) save(name, version, text string) (api.File, error) {
	if len(text) > story.MaxFileSize {
		return api.File{}, tooLarge(len(text))
	}
	var f api.File
	err := a.call("PUT", api.FilePath(name), api.File{Version: version, Text: text}, &f)
	return f, err
}

// importTimeline converts a TimelineJS file on the server, where the
// importer lives (the studio's WebAssembly has only the story package).
// base is where its relative picture addresses are relative to, "" for
// nowhere.
func (a *apiClient) importTimeline(name, text, base string) (string, []api.Problem, error) {
	if len(text) > story.MaxFileSize {
		return "", nil, tooLarge(len(text))
	}
	var out api.Imported
	err := a.call("POST", api.ImportPath, api.Import{Name: name, Text: text, Base: base}, &out)
	return out.Text, out.Warnings, err
}

// sheet has the server read a sheet now, and answers what a story of it
// would hold.
func (a *apiClient) sheet(s api.Sheet) (api.SheetPreview, error) {
	var out api.SheetPreview
	err := a.call("POST", api.SheetPath, s, &out)
	return out, err
}

// refresh has the server read the sheet of a live story now, and
// answers what the next refresh would change, for the story as text.
func (a *apiClient) refresh(name, text string) (api.Refresh, error) {
	if len(text) > story.MaxFileSize {
		return api.Refresh{}, tooLarge(len(text))
	}
	var out api.Refresh
	err := a.call("POST", api.RefreshPath, api.File{Name: name, Text: text}, &out)
	return out, err
}

// liveStatus asks where readers' version of a live story was read from,
// and why the sheet's last edit is not live, if it is not.
func (a *apiClient) liveStatus(name string) (api.LiveStatus, error) {
	var out api.LiveStatus
	err := a.call("GET", api.LivePath+"?"+url.Values{"file": {name}}.Encode(), nil, &out)
	return out, err
}

// snippets asks the site for a story's embed code.
func (a *apiClient) snippets(id string) (api.Embed, error) {
	var out api.Embed
	err := a.call("GET", urls.Embed("", url.PathEscape(id))+"?format=json", nil, &out)
	return out, err
}

// words asks for the widget's words in a language, for the preview.
func (a *apiClient) words(lang string) (*i18n.Pack, error) {
	var out i18n.Pack
	err := a.call("GET", api.WordsPath+"?lang="+url.QueryEscape(lang), nil, &out)
	return &out, err
}

// languages asks for the languages a story may be in, named in
// themselves.
func (a *apiClient) languages() ([]api.Language, error) {
	var out api.Languages
	err := a.call("GET", api.LanguagesPath, nil, &out)
	return out.Languages, err
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
