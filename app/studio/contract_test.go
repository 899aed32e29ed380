package studio

import (
	"net/http"
	"os"
	"reflect"
	"strings"
	"testing"

	"explainer/app/studio/api"
)

// TestAnswersAreTheContract: every route of a real studio answers, in
// success and in failure, with the JSON of the contract's type for it
// (app/studio/api, which the studio's page reads with), and nothing it
// does not name: the client decodes strictly (client.do), and every
// answer that is not a success is an api.Failure.
func TestAnswersAreTheContract(t *testing.T) {
	c := start(t, Config{Path: folderWith(t, map[string]string{"live.json": storyV1})})
	timeline, err := os.ReadFile("../timelinejs/testdata/end-before-start.json")
	if err != nil {
		t.Fatal(err)
	}
	live := version([]byte(storyV1))
	other := strings.Replace(storyV1, `"live"`, `"other"`, 1)
	for _, tc := range []struct {
		name         string
		method, path string
		body         any
		status       int
		answer       any // a pointer to the contract's type
	}{
		{"session", "GET", api.SessionPath, nil, http.StatusOK, &api.SessionInfo{}},
		{"list", "GET", api.FilesPath, nil, http.StatusOK, &api.List{}},
		{"read", "GET", api.FilePath("live.json"), nil, http.StatusOK, &api.File{}},
		{"read, no such file", "GET", api.FilePath("gone.json"), nil, http.StatusNotFound, &api.Failure{}},
		{"read, not a story file name", "GET", api.FilePath("a b.txt"), nil, http.StatusBadRequest, &api.Failure{}},
		{"save a new file", "PUT", api.FilePath("other.json"), api.File{Text: other}, http.StatusOK, &api.File{}},
		{"save over a changed file", "PUT", api.FilePath("live.json"), api.File{Version: "stale", Text: storyV1}, http.StatusConflict, &api.Failure{}},
		{"save a story with problems", "PUT", api.FilePath("live.json"), api.File{Version: live, Text: `{"id": "live"}`}, http.StatusUnprocessableEntity, &api.Failure{}},
		{"save, not the object", "PUT", api.FilePath("live.json"), []string{"x"}, http.StatusBadRequest, &api.Failure{}},
		{"check", "POST", api.CheckPath, api.File{Name: "live.json", Text: `{"id": "live"}`}, http.StatusOK, &api.Checked{}},
		{"import", "POST", api.ImportPath, api.Import{Name: "t.json", Text: string(timeline)}, http.StatusOK, &api.Imported{}},
		{"languages", "GET", api.LanguagesPath, nil, http.StatusOK, &api.Languages{}},
		{"import what is no timeline", "POST", api.ImportPath, api.Import{Name: "x.csv", Text: "Year,Month,Text\n2020,1,x"}, http.StatusUnprocessableEntity, &api.Failure{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code := c.do(tc.method, tc.path, tc.body, tc.answer); code != tc.status {
				t.Fatalf("%d, want %d", code, tc.status)
			}
			if reflect.ValueOf(tc.answer).Elem().IsZero() {
				t.Errorf("nothing of the answer was read into %T", tc.answer)
			}
		})
	}
	// Refused by the guard, before any route: without the CSRF token.
	c.csrf = ""
	var refused api.Failure
	if code := c.do("POST", api.CheckPath, api.File{Text: storyV1}, &refused); code != http.StatusForbidden || refused.Message == "" {
		t.Errorf("without the CSRF token: %d %+v", code, refused)
	}
}
