package site

import (
	"bytes"
	"net/url"

	"explainer/app/repo"
)

// demoSecret stands for the secret WordPress gives each embed.
const demoSecret = "D3moS3cr3t"

type demoData struct {
	Lang, Title, Headline, Dek, StoryID string
	// Root is the widget's site, origin and path: the demo's scripts come
	// from there, so the page works when served from another.
	Root, Icon, CSS, EmbedJS, HostsJS string
	Page, Secret                      string
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

// RenderDemo writes the demo article for a story: a mock news article,
// written from the story's own text, that embeds it in every way host
// pages do. noWasm holds the WebAssembly back in every embed.
func (s *Site) RenderDemo(e *repo.Entry, origin string, noWasm bool) ([]byte, error) {
	st := e.Story
	page := s.StoryURL(origin, st.ID)
	d := demoData{
		Lang:     "en",
		Title:    "Demo article: " + st.Title,
		Headline: st.Title,
		Dek:      st.Dek.PlainText(),
		StoryID:  string(st.ID),
		Root:     origin + s.root,
		Icon:     s.assets.URL("favicon.svg"),
		CSS:      s.assets.URL("explainer.css"),
		EmbedJS:  s.assets.URL("embed.js"),
		HostsJS:  s.assets.URL("demo-hosts.js"),
		Page:     page,
		Secret:   demoSecret,
		Frames:   map[string]string{},
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
		paras = append(paras, ev.Body.Plain()...)
	}
	// A paragraph before each group of embeds, as an article would have,
	// and the rest after them.
	for i := range 3 {
		n := min(1, len(paras))
		d.Parts[i], paras = paras[:n], paras[n:]
	}
	d.Parts[3] = paras
	var b bytes.Buffer
	if err := templates["demo.html"].Execute(&b, d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
