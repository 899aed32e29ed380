package story

import (
	"regexp"
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
		{"https://example.com/photo.JPEG?w=300", MediaImage, "", ""},
		{"https://example.com/chart.svg", MediaImage, "", ""},
		{"https://example.com/a.webp", MediaImage, "", ""},
		{"https://example.com/a.avif", MediaImage, "", ""},
		{"https://i.imgur.com/abc", MediaImage, "", ""},
		// An address that is no picture, file or known service is a
		// link, never an <img> fetched as the page loads.
		{"https://example.com/photo?id=3", MediaLink, "", ""},
		{"https://example.com/", MediaLink, "", ""},
		{"https://news.example.com/embed/map/123", MediaLink, "", ""},
		{"https://example.com/a.tiff", MediaLink, "", ""},
		{"https://music.youtube.com/watch?v=dQw4w9WgXcQ", MediaVideo, "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"},
		{"https://music.youtube.com/playlist?list=PL1", MediaVideo, "YouTube", ""},
		{"https://mobile.twitter.com/jack/status/20", MediaPost, "X", "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=20"},
		{"https://www.google.co.uk/maps/place/Kyiv", MediaMap, "Google Maps", ""},
		{"https://www.google.de/maps/place/Kyiv", MediaMap, "Google Maps", ""},
		{"https://maps.google.com/?q=Kyiv", MediaMap, "Google Maps", ""},
		{"https://fast.wistia.net/embed/iframe/e4a27b971d", MediaVideo, "Wistia", "https://fast.wistia.net/embed/iframe/e4a27b971d?autoPlay=true"},
		{"https://YouTube.com./watch?v=dQw4w9WgXcQ", MediaVideo, "YouTube", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"},
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
		{Media{Src: "https://example.com/photo?id=3"}, MediaLink, false, false},
		{Media{Src: "https://example.com/photo?id=3", Kind: MediaImage}, MediaImage, false, true},
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
		{`{"src":"http://example.com/a.mp4"}`, `$.events[0].media.src: video and audio files must be https://`},
		{`{"src":"http://example.com/a.ogg"}`, `$.events[0].media.src: video and audio files must be https://`},
		{`{"src":"http://example.com/a.mp4","kind":"link"}`, ""},
		{`{"src":"https://example.com/a.mp4"}`, ""},
		{`{"src":"http://www.youtube.com/watch?v=abc"}`, ""},
		{`{"src":"https://example.com/a.svg"}`, `$.events[0].media: an image needs "alt"`},
		{`{"src":"https://example.com/page"}`, ""},
		{`{"src":"http://example.com/page"}`, ""},
		{`{"src":"https://www.youtube.com/watch?v=abc","thumbnail":"https://i.ytimg.com/vi/abc/0.jpg"}`, `$.events[0].media.thumbnail: the thumbnail is on i.ytimg.com, a host of YouTube`},
		{`{"src":"https://vimeo.com/1","thumbnail":"https://i.ytimg.com/vi/abc/0.jpg"}`, `$.events[0].media.thumbnail: the thumbnail is on i.ytimg.com, a host of YouTube`},
		{`{"src":"https://example.com/page","thumbnail":"https://pbs.twimg.com/media/a.jpg"}`, `$.events[0].media.thumbnail: the thumbnail is on pbs.twimg.com, a host of X`},
		{`{"src":"https://www.youtube.com/watch?v=abc","thumbnail":"https://images.example.com/still.jpg"}`, ""},
		{`{"src":"https://www.youtube.com/watch?v=abc","thumbnail":"https://ytimg.com.example.org/still.jpg"}`, ""},
		{`{"src":"https://i.ytimg.com/vi/abc/hqdefault.jpg","alt":"A still"}`, `$.events[0].media.src: the picture is on i.ytimg.com, a host of YouTube`},
		{`{"src":"https://pbs.twimg.com/media/a.jpg","alt":"A photo"}`, `$.events[0].media.src: the picture is on pbs.twimg.com, a host of X`},
		{`{"src":"https://pbs.twimg.com/media/a.jpg","kind":"link"}`, ""},
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

// TestServicesMatchWholeLabels: a service's name on a link is a promise
// of where it goes, so hosts match label by label. Hostile look-alikes
// are plain links labelled with their own host.
func TestServicesMatchWholeLabels(t *testing.T) {
	for _, src := range []string{
		"https://google.evil.example/maps/place/Kyiv",
		"https://www.google.evil.example/maps/embed?pb=!1m18",
		"https://google.co.evil/maps/place/Kyiv",
		"https://mygoogle.com/maps/place/Kyiv",
		"https://maps.google.evil.example/?q=Kyiv",
		"https://evilwistia.com/medias/e4a27b971d",
		"https://wistia.com.evil.example/medias/e4a27b971d",
		"https://evilwistia.net/embed/iframe/e4a27b971d",
		"https://notyoutube.com/watch?v=dQw4w9WgXcQ",
		"https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
		"https://fakeyoutu.be/dQw4w9WgXcQ",
		"https://evilvimeo.com/76979871",
		"https://twitter.com.evil.example/jack/status/20",
		"https://evilx.com/jack/status/20",
		"https://notinstagram.com/p/BWhyIhRDBCw/",
		"https://eviltiktok.com/@a/video/6718335390845095173",
		"https://fakedocumentcloud.org/documents/1-a.html",
		"https://evilsoundcloud.com/artist/track",
		"https://evilbsky.app/profile/a/post/b",
		"https://notwikipedia.org/wiki/A",
		"https://evildailymotion.com/video/x7tgad0",
	} {
		e := Recognise(src)
		if e.Provider != "" || e.Player != "" || e.Kind != MediaLink {
			t.Errorf("Recognise(%q) = %s %q %q; want a plain link", src, e.Kind, e.Provider, e.Player)
		}
	}
}

func TestThumbnailService(t *testing.T) {
	tests := []struct{ thumbnail, service string }{
		{"https://i.ytimg.com/vi/abc/hqdefault.jpg", "YouTube"},
		{"https://img.youtube.com/vi/abc/0.jpg", "YouTube"},
		{"https://I.YTIMG.COM./vi/abc/0.jpg", "YouTube"},
		{"https://i.vimeocdn.com/video/1.jpg", "Vimeo"},
		{"https://s1.dmcdn.net/v/a.jpg", "Dailymotion"},
		{"https://p16-sign.tiktokcdn.com/a.jpeg", "TikTok"},
		{"https://cdn.bsky.app/img/a.jpg", "Bluesky"},
		{"https://i1.sndcdn.com/a.jpg", "SoundCloud"},
		{"https://pbs.twimg.com/media/a.jpg", "X"},
		{"https://maps.googleapis.com/maps/api/staticmap", "Google"},
		{"https://lh3.googleusercontent.com/a", "Google"},
		{"https://www.google.de/images/a.png", "Google"},
		{"https://www.google.co.uk/images/a.png", "Google"},
		{"https://scontent.cdninstagram.com/a.jpg", "Instagram"},
		{"https://assets.documentcloud.org/a.png", "DocumentCloud"},
		{"https://i.scdn.co/image/a", "Spotify"},
		{"https://embed-ssl.wistia.com/deliveries/a.jpg", "Wistia"},
		{"https://images.example.com/still.jpg", ""},
		{"https://evilytimg.com/vi/abc/0.jpg", ""},
		{"https://i.ytimg.com.example.org/vi/abc/0.jpg", ""},
		{"https://google.evil.example/a.png", ""},
		{"https://upload.wikimedia.org/wikipedia/commons/a/ab/A.jpg", ""},
	}
	for _, tt := range tests {
		m := Media{Src: "https://www.youtube.com/watch?v=abc", Thumbnail: ImageURL(tt.thumbnail)}
		if _, got := m.ThumbnailService(); got != tt.service {
			t.Errorf("ThumbnailService(%q) = %q; want %q", tt.thumbnail, got, tt.service)
		}
		// The schema says the same, for editors (it reads hosts in lower
		// case, as links are written).
		if got := schemaPattern.MatchString(strings.ToLower(tt.thumbnail)); got != (tt.service != "") {
			t.Errorf("the schema's pattern matches %q: %v; want %v", tt.thumbnail, got, tt.service != "")
		}
	}
}

var schemaPattern = regexp.MustCompile(serviceURLPattern())

// TestServiceHostsCoverPlayers: every host a player loads from, and every
// service address the recogniser knows a player for, is a service host,
// so no still can come from any of them.
func TestServiceHostsCoverPlayers(t *testing.T) {
	var hosts []string
	for _, o := range PlayerOrigins {
		hosts = append(hosts, strings.TrimPrefix(o, "https://"))
	}
	for _, src := range []string{"https://www.youtube.com/watch?v=a", "https://youtu.be/a", "https://vimeo.com/1", "https://dai.ly/x",
		"https://www.tiktok.com/@a/video/1", "https://bsky.app/profile/a", "https://soundcloud.com/a/b", "https://x.com/a/status/1",
		"https://twitter.com/a/status/1", "https://www.google.com/maps/place/A", "https://maps.app.goo.gl/a", "https://www.instagram.com/p/a/",
		"https://www.documentcloud.org/documents/1-a.html", "https://docs.google.com/document/d/a/edit", "https://open.spotify.com/track/a",
		"https://a.wistia.com/medias/a", "https://wi.st/a", "https://vine.co/v/a"} {
		if Recognise(src).Provider == "" {
			t.Errorf("%s is no longer recognised", src)
		}
		hosts = append(hosts, strings.Split(strings.TrimPrefix(src, "https://"), "/")[0])
	}
	for _, h := range hosts {
		if serviceOf(h) == "" {
			t.Errorf("%s is a service's host, but serviceOf does not know it", h)
		}
	}
}
