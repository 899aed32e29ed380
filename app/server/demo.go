//go:build !wasm

package server

import (
	"bytes"
	"net/http"
	"net/url"

	"explainer/app/story"
)

// demoSecret stands for the secret WordPress gives each embed.
const demoSecret = "D3moS3cr3t"

type demoData struct {
	Title, Dek, StoryID                 string
	Origin, Icon, CSS, EmbedJS, HostsJS string
	Page, Secret                        string
	Paragraphs                          []string
	Embed                               func(event string) string
}

// serveDemo is a mock news article, written from the first story's own
// text, that embeds it in every way host pages do. ?wasm=0 holds the
// WebAssembly back in every embed, to see the cards without it.
func (s *Server) serveDemo(w http.ResponseWriter, r *http.Request) error {
	origin := s.origin(r)
	if origin == "" {
		return errNotFound
	}
	e := s.stories.list()[0]
	st := e.Story
	page := s.storyURL(origin, st.ID)
	noWasm := r.URL.Query().Get("wasm") == "0"
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
		Embed: func(event string) string {
			q := url.Values{"embed": {"1"}, "event": {event}}
			if noWasm {
				q.Set("wasm", "0")
			}
			return page + "?" + q.Encode()
		},
	}
	for _, ev := range st.Events {
		d.Paragraphs = append(d.Paragraphs, story.Paragraphs(ev.Body)...)
	}
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, "demo.html", d); err != nil {
		return err
	}
	s.send(w, r, response{ctype: htmlType, cache: "no-cache", body: encoded{raw: b.Bytes()}, document: true})
	return nil
}
