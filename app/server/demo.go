//go:build !wasm

package server

import (
	"bytes"
	"fmt"
	"net/http"
	"net/url"

	"explainer/app/repo"
	"explainer/app/story"
)

// demoSecret stands for the secret WordPress gives each embed.
const demoSecret = "D3moS3cr3t"

type demoData struct {
	Title, Dek, StoryID                 string
	Origin, Icon, CSS, EmbedJS, HostsJS string
	Page, Secret                        string
	// Parts are the story's paragraphs in four runs, with the embeds
	// between them; a run may be empty.
	Parts [4][]string
	// Frames are the embeds' addresses by host: each opens at another of
	// the story's own events.
	Frames map[string]string
}

// demoFrames says which of the story's events each embed of the demo opens
// at, by position (the last event when the story has fewer): the page
// shows the card at several states, whatever the story.
var demoFrames = map[string]int{"ours": 1, "wordpress": 2, "div": 3, "amp": 4, "pym": 5, "datawrapper": 7, "far": -1}

// serveDemo is a mock news article, written from a story's own text, that
// embeds it in every way host pages do: the story ?story= names, else the
// first. ?wasm=0 holds the WebAssembly back in every embed, to see the
// cards without it. It is rendered once per story version and state, like
// a story page, and kept with the pages.
func (s *Server) serveDemo(w http.ResponseWriter, r *http.Request) error {
	origin := s.origin(r)
	if origin == "" {
		return errNotFound
	}
	var e *repo.Entry
	if id := r.URL.Query().Get("story"); id != "" {
		var ok bool
		if e, ok = s.stories.Get(story.ID(id)); !ok {
			return errNotFound
		}
	} else if all := s.stories.List(); len(all) > 0 {
		e = all[0]
	} else {
		return errNotFound
	}
	noWasm := r.URL.Query().Get("wasm") == "0"
	key := fmt.Sprintf("demo %s %s %s %t", origin, e.Story.ID, e.ETag, noWasm)
	p, err := s.pages.get(r.Context(), key, func() (*page, error) {
		body, err := s.renderDemo(e, origin, noWasm)
		if err != nil {
			return nil, err
		}
		return newPage(body, 6)
	})
	if err != nil {
		return err
	}
	s.send(w, r, response{ctype: htmlType, cache: "no-cache", etag: p.etag, body: p.encoded, document: true, editor: true})
	return nil
}

func (s *Server) renderDemo(e *repo.Entry, origin string, noWasm bool) ([]byte, error) {
	st := e.Story
	page := s.storyURL(origin, st.ID)
	d := demoData{
		Title:   st.Title,
		Dek:     st.Dek,
		StoryID: string(st.ID),
		Origin:  origin + s.root,
		Icon:    s.assets.url("favicon.svg"),
		CSS:     s.assets.url("explainer.css"),
		EmbedJS: s.assets.url("embed.js"),
		HostsJS: s.assets.url("demo-hosts.js"),
		Page:    page,
		Secret:  demoSecret,
		Frames:  map[string]string{},
	}
	for name, at := range demoFrames {
		if at < 0 || at >= len(st.Events) {
			at = len(st.Events) - 1
		}
		q := url.Values{"embed": {"1"}, "event": {string(st.Events[at].ID)}}
		if noWasm {
			q.Set("wasm", "0")
		}
		d.Frames[name] = page + "?" + q.Encode()
	}
	var paras []string
	for _, ev := range st.Events {
		paras = append(paras, story.Paragraphs(ev.Body)...)
	}
	// A paragraph before each group of embeds, as an article would have,
	// and the rest after them.
	for i := range 3 {
		n := min(1, len(paras))
		d.Parts[i], paras = paras[:n], paras[n:]
	}
	d.Parts[3] = paras
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, "demo.html", d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
