package story

import (
	"strings"
	"testing"
)

func TestRecognise(t *testing.T) {
	tests := []struct {
		src      string
		kind     MediaKind
		provider string
		player   string
	}{
		{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", MediaVideo, "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"},
		{"https://youtu.be/dQw4w9WgXcQ?t=90", MediaVideo, "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90"},
		{"https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s", MediaVideo, "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=90"},
		{"https://www.youtube.com/shorts/abcDEF12345", MediaVideo, "YouTube", "https://www.youtube-nocookie.com/embed/abcDEF12345?autoplay=1"},
		{"https://www.youtube.com/watch?v=bad\"id", MediaVideo, "YouTube", ""},
		{"https://vimeo.com/76979871", MediaVideo, "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"},
		{"https://player.vimeo.com/video/76979871", MediaVideo, "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"},
		{"https://www.dailymotion.com/video/x7tgad0_some-title", MediaVideo, "Dailymotion", "https://www.dailymotion.com/embed/video/x7tgad0?autoplay=1"},
		{"https://dai.ly/x7tgad0", MediaVideo, "Dailymotion", "https://www.dailymotion.com/embed/video/x7tgad0?autoplay=1"},
		{"https://vine.co/v/bjHh0zHdgZT", MediaVideo, "Vine", ""},
		{"https://www.tiktok.com/@scout2015/video/6718335390845095173", MediaVideo, "TikTok", "https://www.tiktok.com/embed/v2/6718335390845095173"},
		{"https://bsky.app/profile/example.com/post/3k44deefqdk2g", MediaPost, "Bluesky", ""},
		{"https://soundcloud.com/artist/track", MediaAudio, "SoundCloud", "https://w.soundcloud.com/player/?auto_play=true&url=https%3A%2F%2Fsoundcloud.com%2Fartist%2Ftrack"},
		{"https://twitter.com/jack/status/20", MediaPost, "X", "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=20"},
		{"https://x.com/jack/status/20", MediaPost, "X", "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=20"},
		{"https://www.google.com/maps/place/Kyiv", MediaMap, "Google Maps", ""},
		{"https://www.google.com/maps/embed?pb=!1m18!1m12", MediaMap, "Google Maps", "https://www.google.com/maps/embed?pb=%211m18%211m12"},
		{"https://www.flickr.com/photos/someone/123456", MediaImage, "Flickr", ""},
		{"https://www.instagram.com/p/BWhyIhRDBCw/", MediaPost, "Instagram", "https://www.instagram.com/p/BWhyIhRDBCw/embed"},
		{"https://www.documentcloud.org/documents/282753-lefler-thesis.html", MediaDocument, "DocumentCloud", "https://embed.documentcloud.org/documents/282753-lefler-thesis/"},
		{"https://en.wikipedia.org/wiki/Oval_Office", MediaDocument, "Wikipedia", ""},
		{"https://commons.wikimedia.org/wiki/File:Oval_Office.jpg", MediaImage, "Wikimedia Commons", ""},
		{"https://imgur.com/gallery/abc", MediaImage, "Imgur", ""},
		{"https://docs.google.com/document/d/1AbC_dEf/edit", MediaDocument, "Google Docs", "https://docs.google.com/document/d/1AbC_dEf/preview"},
		{"https://drive.google.com/file/d/1AbC_dEf/view?usp=sharing", MediaDocument, "Google Drive", "https://drive.google.com/file/d/1AbC_dEf/preview"},
		{"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", MediaAudio, "Spotify", "https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC"},
		{"https://example.wistia.com/medias/e4a27b971d", MediaVideo, "Wistia", "https://fast.wistia.net/embed/iframe/e4a27b971d?autoPlay=true"},
		{"https://example.com/clip.mp4", MediaVideo, "", ""},
		{"https://example.com/talk.mp3", MediaAudio, "", ""},
		{"https://example.com/report.pdf", MediaDocument, "", ""},
		{"https://example.com/page.html", MediaLink, "", ""},
		{"https://example.com/photo.jpg", MediaImage, "", ""},
		{"https://example.com/photo?id=3", MediaImage, "", ""},
	}
	for _, tt := range tests {
		e := Recognise(tt.src)
		if e.Kind != tt.kind || e.Provider != tt.provider || e.Player != tt.player {
			t.Errorf("Recognise(%q) = %s %q %q; want %s %q %q", tt.src, e.Kind, e.Provider, e.Player, tt.kind, tt.provider, tt.player)
		}
		if e.Player != "" && !playerAllowed(e.Player) {
			t.Errorf("Recognise(%q): the player %s is not on an origin of PlayerOrigins", tt.src, e.Player)
		}
	}
	if e := Recognise("https://i.imgur.com/abc.jpg"); e.Image != "https://i.imgur.com/abc.jpg" {
		t.Errorf("imgur picture: %+v", e)
	}
	if e := Recognise("https://imgur.com/abc"); e.Image != "https://i.imgur.com/abc.jpg" {
		t.Errorf("imgur page: %+v", e)
	}
}

// TestEmbedFollowsTheKind: the editor's kind wins over the address.
func TestEmbedFollowsTheKind(t *testing.T) {
	tests := []struct {
		media         Media
		kind          MediaKind
		player, image bool
	}{
		{Media{Src: "https://www.youtube.com/watch?v=abc"}, MediaVideo, true, false},
		{Media{Src: "https://www.youtube.com/watch?v=abc", Kind: MediaLink}, MediaLink, false, false},
		{Media{Src: "https://example.com/photo?id=3"}, MediaImage, false, true},
		{Media{Src: "https://example.com/photo?id=3", Kind: MediaDocument}, MediaDocument, false, false},
		{Media{Src: "https://example.com/page.html", Kind: MediaImage}, MediaImage, false, true},
		{Media{Src: "https://www.flickr.com/photos/a/1", Kind: MediaImage}, MediaImage, false, false},
	}
	for _, tt := range tests {
		e := tt.media.Embed()
		if e.Kind != tt.kind || (e.Player != "") != tt.player || (e.Image != "") != tt.image {
			t.Errorf("%+v: %+v", tt.media, e)
		}
	}
}

func playerAllowed(player string) bool {
	for _, o := range PlayerOrigins {
		if strings.HasPrefix(player, o+"/") {
			return true
		}
	}
	return false
}

// FuzzRecognise checks that whatever address a story gives, a player is
// framed only from an origin the page's policy lets in.
func FuzzRecognise(f *testing.F) {
	for _, s := range []string{"https://www.youtube.com/watch?v=abc", "https://x.com/a/status/1", "https://docs.google.com/a/b/d/c/edit", "https://open.spotify.com/track/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		e := Recognise(src)
		if e.Player != "" && !playerAllowed(e.Player) {
			t.Fatalf("Recognise(%q) frames %q", src, e.Player)
		}
		if e.Player != "" && strings.ContainsAny(e.Player, " \"'<>`\\") {
			t.Fatalf("Recognise(%q) player %q needs escaping", src, e.Player)
		}
	})
}

func TestMediaNeedsAltOnlyForImages(t *testing.T) {
	base := `{"id":"m","title":"T","language":"en","events":[{"id":"e","headline":"H","start":{"date":"2025"},"media":%s}]}`
	for _, tt := range []struct {
		media, err string
	}{
		{`{"src":"https://example.com/a.jpg","alt":"A"}`, ""},
		{`{"src":"https://example.com/a.jpg"}`, `$.events[0].media: an image needs "alt"`},
		{`{"src":"http://example.com/a.jpg","alt":"A"}`, `$.events[0].media.src: images must be https://`},
		{`{"src":"https://www.youtube.com/watch?v=abc"}`, ""},
		{`{"src":"http://example.com/a.mp4"}`, ""},
		{`{"src":"https://example.com/a","kind":"film"}`, `$.events[0].media.kind: the kind of media is one of`},
		{`{"src":"javascript:alert(1)","kind":"video"}`, `$.events[0].media.src: links must start with https:// or http://`},
	} {
		_, err := Parse("m.json", []byte(strings.Replace(base, "%s", tt.media, 1)))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.media, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: got %v; want %q", tt.media, err, tt.err)
		}
	}
}
