package timelinejs_test

import (
	"fmt"
	"strings"
	"testing"

	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/timelinejs"
)

// TestMediaMapping imports TimelineJS media the widget must not show as
// pictures fetched as the page loads: an address that is no picture (a
// page, an address with no extension, a frame from embed code), a file on
// plain http, a still on the service's own hosts. Each becomes what the
// story format keeps (a link, no still) with no alt text made up from the
// headline, and the story validates.
func TestMediaMapping(t *testing.T) {
	tests := []struct {
		name      string
		media     string // the TimelineJS media object
		kind      story.MediaKind
		alt       string
		thumbnail string
		warning   string // part of a warning at the media; "" for none
	}{
		{name: "page with no extension", media: `{"url": "https://pages.example.com/story/123"}`, kind: story.MediaLink},
		{name: "address with a query", media: `{"url": "https://pages.example.com/photo?id=3", "caption": "The scene"}`, kind: story.MediaLink},
		{name: "music.youtube.com", media: `{"url": "https://music.youtube.com/watch?v=dQw4w9WgXcQ"}`, kind: story.MediaVideo},
		{name: "frame from embed code", media: `{"url": "<iframe src=\"https://embed.example.net/e/123\"></iframe>"}`, kind: story.MediaLink,
			warning: "embed code reduced to its address"},
		{name: "picture", media: `{"url": "https://images.example.com/a.jpg"}`, kind: story.MediaImage, alt: "Headline here",
			warning: "the image has no alt text"},
		{name: "http video file", media: `{"url": "http://files.example.com/clip.mp4"}`, kind: story.MediaLink,
			warning: "the file http://files.example.com/clip.mp4 is not on https, which pages play video and audio over: kept as a link"},
		{name: "http recording", media: `{"url": "http://files.example.com/talk.mp3"}`, kind: story.MediaLink,
			warning: "is not on https"},
		{name: "YouTube's still", media: `{"url": "https://youtu.be/dQw4w9WgXcQ", "thumbnail": "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"}`, kind: story.MediaVideo,
			warning: "the thumbnail https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg is on i.ytimg.com, a host of YouTube"},
		{name: "a picture on YouTube's hosts", media: `{"url": "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"}`, kind: story.MediaLink,
			warning: "is on i.ytimg.com, a host of YouTube, which would learn of every reader as the page loads: kept as a link"},
		{name: "the publisher's still", media: `{"url": "https://youtu.be/dQw4w9WgXcQ", "thumbnail": "https://images.example.com/still.jpg"}`, kind: story.MediaVideo,
			thumbnail: "https://images.example.com/still.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := fmt.Sprintf(`{"title": {"text": {"headline": "T"}}, "events": [{"start_date": {"year": "2020"}, "text": {"headline": "Headline here"}, "media": %s}]}`, tt.media)
			res, err := timelinejs.Convert("t.json", []byte(data), timelinejs.Options{Lang: "en"}) // said: this test is of the media
			if err != nil {
				t.Fatal(err)
			}
			if _, err := site.Check("t.json", res.JSON); err != nil {
				t.Fatalf("the story does not validate: %v", err)
			}
			m := res.Story.Events[0].Media
			if m == nil {
				t.Fatal("the media is dropped")
			}
			if m.Kind != tt.kind || m.Alt != tt.alt || string(m.Thumbnail) != tt.thumbnail {
				t.Errorf("kind %q alt %q thumbnail %q; want %q %q %q", m.Kind, m.Alt, m.Thumbnail, tt.kind, tt.alt, tt.thumbnail)
			}
			var warned []string
			for _, w := range res.Warnings {
				warned = append(warned, w.Msg)
			}
			all := strings.Join(warned, "\n")
			switch {
			case tt.warning == "" && len(warned) > 0:
				t.Errorf("warnings: %s", all)
			case tt.warning != "" && !strings.Contains(all, tt.warning):
				t.Errorf("warnings %q; want one with %q", all, tt.warning)
			}
		})
	}
}
