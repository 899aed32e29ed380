package studio

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"explainer/app/internal/httpjson"
	"explainer/app/live"
	"explainer/app/repo"
	"explainer/app/story"
	"explainer/app/studio/api"
	"explainer/app/timelinejs"
)

// Served is what the studio sees of the site's stories: the version
// readers get of each, and why a file's current content is not it
// (*repo.Store). It lets the studio show a live story's source beside
// the story, and compare the next refresh with what readers have.
type Served interface {
	Get(id story.ID) (*repo.Entry, bool)
	Problems() []repo.Problem
}

// sheetTimeout bounds the studio's own read of a source: an editor
// waits for the answer, so it is shorter than the poller's.
const sheetTimeout = 15 * time.Second

// previewEvents is how many of a source's events a preview lists.
const previewEvents = 5

// sheetURL accepts the address of a source: http(s), with a host.
func sheetURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if raw == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an http(s) address: paste the sheet's CSV link (in Google Sheets: File → Share → Publish to web → Comma-separated values) or a TimelineJS JSON file's address", raw)
	}
	return u.String(), nil
}

// readSource reads a source now, outside the slots of work (it waits on
// the network, not the processor). It answers the request itself when
// the source cannot be read.
func (s *Studio) readSource(w http.ResponseWriter, r *http.Request, src string) ([]byte, bool) {
	ctx, cancel := context.WithTimeout(r.Context(), sheetTimeout)
	defer cancel()
	body, err := live.Fetch(ctx, live.Config{Timeout: sheetTimeout}, src)
	if err != nil {
		if r.Context().Err() != nil {
			return nil, false // the editor gave up
		}
		httpjson.Write(w, http.StatusBadGateway, api.Failure{Message: "the sheet could not be read: " + err.Error()})
		return nil, false
	}
	return body, true
}

// readSheet reads a source now, then takes a slot of work to make
// something of it; the read itself holds none (readSource).
func (s *Studio) readSheet(w http.ResponseWriter, r *http.Request, src string) ([]byte, func(), bool) {
	data, ok := s.readSource(w, r, src)
	if !ok {
		return nil, nil, false
	}
	release, ok := s.startWork(w, r)
	if !ok {
		return nil, nil, false
	}
	return data, release, true
}

// convertProblems places a source's conversion errors at its rows and
// columns, or answers the error as it is.
func convertProblems(err error) []api.Problem {
	var list timelinejs.Errors
	if errors.As(err, &list) {
		ps := make([]api.Problem, len(list))
		for i, p := range list {
			ps[i] = importProblem(p)
		}
		return ps
	}
	return []api.Problem{{Message: err.Error()}}
}

// previewSheet reads a source the editor pasted and says what a story
// of it would hold, with the file that would follow it. Nothing is
// written: the editor opens the file, or links the source into the story
// open, and saves it through the usual check.
func (s *Studio) previewSheet(w http.ResponseWriter, r *http.Request) {
	body, release, ok := readBody(s, w, r, func(*api.Sheet) string { return "" })
	if !ok {
		return
	}
	release()
	src, err := sheetURL(body.URL)
	if err != nil {
		httpjson.Write(w, http.StatusBadRequest, api.Failure{Message: err.Error()})
		return
	}
	l := &story.Live{URL: story.URL(src), Language: story.Lang(body.Lang), Zone: story.Zone(body.Zone)}
	if msg := liveOptions(l); msg != "" {
		httpjson.Write(w, http.StatusBadRequest, api.Failure{Message: msg})
		return
	}
	data, release, ok := s.readSheet(w, r, src)
	if !ok {
		return
	}
	defer release()
	base, _ := url.Parse(src)
	res, err := timelinejs.Convert(src, data, timelinejs.Options{Lang: l.Language, Zone: l.Zone, Base: base})
	if err != nil {
		httpjson.Write(w, http.StatusUnprocessableEntity, api.Failure{Message: "the sheet does not make a story: fix these cells in it", Problems: convertProblems(err)})
		return
	}
	out := api.SheetPreview{Title: res.Story.Title, ID: string(res.Story.ID), Events: len(res.Story.Events), First: []api.Headline{}, Warnings: []api.Problem{}}
	for i, e := range res.Story.Events {
		if i == previewEvents {
			break
		}
		out.First = append(out.First, headline(e))
	}
	for _, p := range res.Warnings {
		out.Warnings = append(out.Warnings, importProblem(p))
	}
	liveJSON, err := json.Marshal(l)
	if err != nil {
		httpjson.Write(w, http.StatusInternalServerError, api.Failure{Message: err.Error()})
		return
	}
	file, err := json.MarshalIndent(struct {
		ID   story.ID    `json:"id"`
		Live *story.Live `json:"live"`
	}{res.Story.ID, l}, "", "  ")
	if err != nil {
		httpjson.Write(w, http.StatusInternalServerError, api.Failure{Message: err.Error()})
		return
	}
	out.Live, out.Text = string(liveJSON), string(file)+"\n"
	httpjson.Write(w, http.StatusOK, out)
}

// liveOptions checks what the editor gave beside the address, as the
// story's check would, before the source is read.
func liveOptions(l *story.Live) string {
	if l.Language != "" && !l.Language.Valid() {
		return fmt.Sprintf("%q is not a language tag such as en or uk", string(l.Language))
	}
	if l.Zone != "" {
		if _, err := time.LoadLocation(string(l.Zone)); err != nil {
			return fmt.Sprintf("%q is not a time zone such as Europe/Kyiv", string(l.Zone))
		}
	}
	return ""
}

// headline is an event as a preview lists it.
func headline(e story.Event) api.Headline {
	return api.Headline{ID: string(e.ID), Date: string(e.Start.Date), Headline: e.Headline}
}

// refresh reads the source of the story the editor has open and makes
// the story as the server would at its next read, from the editor's text
// (saved or not), then compares it with what readers get now. Nothing is
// saved or published.
func (s *Studio) refresh(w http.ResponseWriter, r *http.Request) {
	body, release, ok := readBody(s, w, r, func(b *api.File) string { return b.Text })
	if !ok {
		return
	}
	name := body.Name
	if name == "" {
		name = "story.json"
	}
	file, err := s.files.checkStory(name, []byte(body.Text))
	release()
	if err != nil {
		httpjson.Write(w, http.StatusUnprocessableEntity, api.Failure{Message: "the story has problems: fix them, then check the sheet", Problems: problems(err)})
		return
	}
	if file.Live == nil {
		httpjson.Write(w, http.StatusBadRequest, api.Failure{Message: "the story follows no sheet: link one first"})
		return
	}
	src := string(file.Live.URL)
	if _, err := sheetURL(src); err != nil {
		httpjson.Write(w, http.StatusBadRequest, api.Failure{Message: err.Error()})
		return
	}
	data, release, ok := s.readSheet(w, r, src)
	if !ok {
		return
	}
	defer release()
	var served *story.Story
	if s.served != nil {
		if e, ok := s.served.Get(file.ID); ok && e.File == name {
			served = e.Story
		}
	}
	var corrections []story.Update
	if served != nil {
		// The corrections earlier refreshes added stay; the file's own
		// updates are the file's.
		for _, u := range served.Updates {
			if u.Correction && !hasUpdate(file.Updates, u) {
				corrections = append(corrections, u)
			}
		}
	}
	res, err := live.Merge(name, file, data, corrections)
	var sheet timelinejs.Errors
	switch {
	case errors.As(err, &sheet):
		httpjson.Write(w, http.StatusUnprocessableEntity, api.Failure{Message: "the sheet does not make a story: fix these cells in it (readers keep the version they have)", Problems: convertProblems(err)})
		return
	case err != nil:
		httpjson.Write(w, http.StatusUnprocessableEntity, api.Failure{Message: "the sheet and the story do not make a story together (readers keep the version they have)", Problems: []api.Problem{{Message: err.Error()}}})
		return
	}
	out := diff(served, res.Story)
	out.URL = src
	for _, p := range res.Source {
		out.Warnings = append(out.Warnings, importProblem(p))
	}
	out.Dropped = []api.Problem{}
	for _, l := range res.Left {
		out.Dropped = append(out.Dropped, api.Problem{Field: l.Field, Message: l.Msg})
	}
	httpjson.Write(w, http.StatusOK, out)
}

// hasUpdate reports whether the file has an update already.
func hasUpdate(list []story.Update, u story.Update) bool {
	for _, v := range list {
		if v.Time.Date == u.Time.Date && v.Note == u.Note {
			return true
		}
	}
	return false
}

// diff compares the story readers would get with the one they get
// (nil: none), event by event, by id.
func diff(served, next *story.Story) api.Refresh {
	out := api.Refresh{Served: served != nil, Events: len(next.Events), Added: []api.Headline{}, Removed: []api.Headline{}, Revised: []api.Headline{}, Warnings: []api.Problem{}}
	before := map[story.ID]bool{}
	if served != nil {
		for _, e := range served.Events {
			before[e.ID] = true
		}
	}
	after := make(map[story.ID]bool, len(next.Events))
	for _, e := range next.Events {
		after[e.ID] = true
		if !before[e.ID] {
			out.Added = append(out.Added, headline(e))
		}
	}
	if served == nil {
		return out
	}
	for _, e := range served.Events {
		if !after[e.ID] {
			out.Removed = append(out.Removed, headline(e))
		}
	}
	for _, e := range live.Revised(served, next) {
		out.Revised = append(out.Revised, headline(e))
	}
	return out
}

// liveStatus says where the served version of a live story's events
// come from, and why the file's or the sheet's last edit is not live.
func (s *Studio) liveStatus(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	data, err := s.files.read(name)
	if err != nil {
		s.fileError(w, err)
		return
	}
	// The id and the source only: the file may not check now.
	var head struct {
		ID   story.ID `json:"id"`
		Live *struct {
			URL string `json:"url"`
		} `json:"live"`
	}
	_ = json.Unmarshal(data, &head)
	out := api.LiveStatus{}
	if head.Live != nil {
		out.URL = head.Live.URL
	}
	if s.served == nil {
		httpjson.Write(w, http.StatusOK, out)
		return
	}
	out.Known = true
	if e, ok := s.served.Get(head.ID); ok && e.File == name && e.Live() != nil {
		l := e.Live()
		out.Served, out.Cached, out.Warnings = true, l.Cached, l.Warnings
		if !l.Read.IsZero() {
			out.Read = l.Read.UTC().Format(time.RFC3339)
		}
	}
	for _, p := range s.served.Problems() {
		if p.File == name {
			out.Problems = append(out.Problems, p.Err.Error())
		}
	}
	httpjson.Write(w, http.StatusOK, out)
}
