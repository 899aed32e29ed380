package story

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Media is what illustrates an event: a picture, or a video, a recording,
// a post, a map or a document kept elsewhere. Pictures show at once; all
// the rest is a link the reader can follow and, for the services in
// players, a player that loads only when the reader asks for it, so that
// no third party learns of a reader who did not.
type Media struct {
	Src       URL       `json:"src" story:"required" doc:"http(s) address of the picture, or of the video, recording, post, map or document as the service shows it (a YouTube watch page, a tweet, a Spotify track, an .mp4 file); a picture or a video or audio file must be on https."`
	Kind      MediaKind `json:"kind,omitempty" doc:"image, video, audio, post, map, document or link; without it, worked out from src (an address no service or file type matches is a link)."`
	Title     string    `json:"title,omitempty" doc:"What it is, for the link and the player, e.g. Watch the meeting in full."`
	Alt       string    `json:"alt,omitempty" doc:"What the image shows, for readers who cannot see it; required for images."`
	Credit    RichText  `json:"credit,omitempty" doc:"Photographer, agency or owner, with the markup of an event's body (a link to them)."`
	Caption   RichText  `json:"caption,omitempty" doc:"Caption shown under it, with the markup of an event's body (links and emphasis)."`
	Thumbnail ImageURL  `json:"thumbnail,omitempty" doc:"https address of a still shown before the player loads, kept with the story's own pictures: a still on the service's hosts (ytimg.com, twimg.com...) is refused, as the page would fetch it before the reader asks."`
}

// MediaKind is what a piece of media is, which decides how it is shown.
type MediaKind string

// The kinds of media.
const (
	MediaImage    MediaKind = "image"
	MediaVideo    MediaKind = "video"
	MediaAudio    MediaKind = "audio"
	MediaPost     MediaKind = "post"
	MediaMap      MediaKind = "map"
	MediaDocument MediaKind = "document"
	MediaLink     MediaKind = "link"
)

// MediaKinds lists the kinds in the order the schema gives them.
var MediaKinds = []MediaKind{MediaImage, MediaVideo, MediaAudio, MediaPost, MediaMap, MediaDocument, MediaLink}

func (k MediaKind) check() string {
	for _, ok := range MediaKinds {
		if k == ok {
			return ""
		}
	}
	return "the kind of media is one of image, video, audio, post, map, document or link"
}

func (MediaKind) jsonSchema() map[string]any { return enumSchema(MediaKinds) }

func (m *Media) resolve() []fieldProblem {
	if m.Src == "" || URL(m.Src).check() != "" {
		return nil // reported as missing or malformed
	}
	var problems []fieldProblem
	https := strings.HasPrefix(string(m.Src), "https://")
	e := m.Embed()
	switch {
	case e.Image != "":
		if m.Alt == "" {
			problems = append(problems, fieldProblem{m, `an image needs "alt": what it shows, for readers who cannot see it`, ""})
		}
		if !https {
			problems = append(problems, fieldProblem{&m.Src, "images must be https:// links: pages load images over https only", ""})
		} else if msg := ImageURL(e.Image).onService("picture"); msg != "" {
			// A picture loads with the page, as a thumbnail would.
			problems = append(problems, fieldProblem{&m.Src, msg,
				`store the picture with the story's own pictures and give that address, or give "kind": "link" to link to it`})
		}
	case e.File != "" && !https:
		// The page's policy (media-src https:) and browsers on https
		// pages block it: the reader would press play on a broken player.
		problems = append(problems, fieldProblem{&m.Src, "video and audio files must be https:// links: pages play media over https only",
			`or give "kind": "link" to link to it without a player`})
	}
	if m.Thumbnail != "" && ImageURL(m.Thumbnail).check() == "" {
		if msg := m.Thumbnail.onService("thumbnail"); msg != "" {
			problems = append(problems, fieldProblem{&m.Thumbnail, msg + " before any asked for the media",
				"store the still with the story's own pictures and give that address, or leave the thumbnail out"})
		}
	}
	return problems
}

// ThumbnailService returns the thumbnail's host and the service it
// belongs to when that is one of the services the recogniser knows
// (serviceDomains), or "", "" for a still the service never sees.
//
// Such a thumbnail is refused when a story is checked, rather than shown
// once the reader presses the button: by then the player stands where the
// still was, so "after the press" would mean never, and an editor is
// better told at the field, with what to do, than left to wonder why a
// still they chose is missing. A newsroom promises readers that the page
// asks nothing of YouTube or X until they ask for the video or post; a
// still fetched from i.ytimg.com or pbs.twimg.com as the page loads would
// break that promise on every page view: the service would have the
// reader's address and browser, and from the still's address the story
// they read (the Referer is cut; that is not). The widget also leaves out such a thumbnail when it renders (a
// story built in code is not checked), so the promise holds either way.
//
// A still on any other https host shows at once, like the story's
// pictures: it is the publisher's choice, usually their own storage. That
// holds for a still next to a video file on the same host, too: the
// widget cannot tell a newsroom's own storage from a third party's by the
// address, and the newsroom's pictures load from it anyway.
func (m *Media) ThumbnailService() (host, service string) { return m.Thumbnail.Service() }

// onService is why a picture (what: "picture", "thumbnail") cannot be on
// a service's hosts, or "" when it is not on one: every picture loads
// with the page.
func (u ImageURL) onService(what string) string {
	host, service := u.Service()
	if service == "" {
		return ""
	}
	return "the " + what + " is on " + host + ", a host of " + service + ": the page would fetch it as it loads, and " + service + " would learn of every reader"
}

// Service returns the picture's host and the service it belongs to when
// that is one of the services the recogniser knows (serviceDomains), or
// "", "" for a picture on any other host.
func (u ImageURL) Service() (host, service string) {
	parsed, err := url.Parse(string(u))
	if err != nil {
		return "", ""
	}
	host = strings.TrimSuffix(strings.ToLower(parsed.Hostname()), ".")
	if s := serviceOf(host); s != "" {
		return host, s
	}
	return "", ""
}

// serviceDomains are the registrable domains of the services the
// recogniser knows and holds back until the reader asks: their pages,
// players, short links and the hosts their stills and files come from.
// A host is one of theirs if it is the domain or under it (underDomain).
var serviceDomains = []struct {
	service string
	domains []string
}{
	{"YouTube", []string{"youtube.com", "youtu.be", "youtube-nocookie.com", "ytimg.com", "googlevideo.com"}},
	{"Google", []string{"google.com", "goo.gl", "googleapis.com", "gstatic.com", "googleusercontent.com", "ggpht.com"}},
	{"Vimeo", []string{"vimeo.com", "vimeocdn.com"}},
	{"Dailymotion", []string{"dailymotion.com", "dai.ly", "dmcdn.net"}},
	{"Vine", []string{"vine.co"}},
	{"TikTok", []string{"tiktok.com", "tiktokcdn.com", "tiktokcdn-us.com", "tiktokv.com"}},
	{"Bluesky", []string{"bsky.app", "bsky.social"}},
	{"SoundCloud", []string{"soundcloud.com", "sndcdn.com"}},
	{"X", []string{"twitter.com", "x.com", "twimg.com", "t.co"}},
	{"Instagram", []string{"instagram.com", "instagr.am", "cdninstagram.com", "fbcdn.net"}},
	{"DocumentCloud", []string{"documentcloud.org"}},
	{"Spotify", []string{"spotify.com", "scdn.co", "spotifycdn.com"}},
	{"Wistia", []string{"wistia.com", "wistia.net", "wi.st"}},
}

// extendSchema says in the schema what ThumbnailService refuses, from the
// same list of hosts.
func (Media) extendSchema(props map[string]any) {
	props["thumbnail"].(map[string]any)["not"] = map[string]any{"pattern": serviceURLPattern()}
}

// serviceURLPattern matches an https address on a service's hosts
// (serviceOf), in the syntax both JSON Schema and Go's regexp read.
func serviceURLPattern() string {
	var alts []string
	for _, s := range serviceDomains {
		for _, d := range s.domains {
			alts = append(alts, strings.ReplaceAll(d, ".", `\.`))
		}
	}
	alts = append(alts, `google\.(com|[a-z]{2}|com?\.[a-z]{2})`)
	return `^https://([^/?#]*\.)?(` + strings.Join(alts, "|") + `)\.?(:[0-9]*)?([/?#]|$)`
}

// serviceOf returns the service a host (lower case) belongs to, or "".
func serviceOf(host string) string {
	if googleDomain(host) {
		return "Google"
	}
	for _, s := range serviceDomains {
		if underDomain(host, s.domains...) {
			return s.service
		}
	}
	return ""
}

// underDomain reports whether host is one of the domains or a subdomain
// of one, label by label: music.youtube.com is YouTube's, but
// evilwistia.com is not Wistia's, nor youtube.com.evil.example YouTube's.
func underDomain(host string, domains ...string) bool {
	for _, d := range domains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// googleDomain reports whether host is Google's search domain in a
// country: google.de, google.co.uk, google.com.au (the forms of Google's
// own list), or a subdomain of one. google.evil.example is not.
func googleDomain(host string) bool {
	labels := strings.Split(host, ".")
	n := len(labels)
	cc := func(l string) bool { return len(l) == 2 && l[0] >= 'a' && l[0] <= 'z' && l[1] >= 'a' && l[1] <= 'z' }
	switch {
	case n >= 2 && labels[n-2] == "google" && (labels[n-1] == "com" || cc(labels[n-1])):
		return true
	case n >= 3 && labels[n-3] == "google" && (labels[n-2] == "co" || labels[n-2] == "com") && cc(labels[n-1]):
		return true
	}
	return false
}

// Embed is how a piece of media is shown: its kind, the service it lives
// on, and the player that can stand in the page once the reader asks.
type Embed struct {
	Kind     MediaKind
	Provider string // the service's name as readers know it, e.g. YouTube; "" for a plain file or page
	// Player is the address to frame once the reader asks, on one of
	// PlayerOrigins; "" when the service has no player that works framed.
	Player string
	// File is a video or audio file the browser plays itself (src of a
	// <video> or <audio>), loaded only once the reader asks.
	File string
	// Image is the picture to show for an image.
	Image string
}

// PlayerOrigins are the origins that players load from: a page's
// Content-Security-Policy lets these, and no others, be framed.
var PlayerOrigins = []string{
	"https://www.youtube-nocookie.com",
	"https://player.vimeo.com",
	"https://www.dailymotion.com",
	"https://www.tiktok.com",
	"https://w.soundcloud.com",
	"https://platform.twitter.com",
	"https://www.google.com",
	"https://www.instagram.com",
	"https://embed.documentcloud.org",
	"https://docs.google.com",
	"https://drive.google.com",
	"https://open.spotify.com",
	"https://fast.wistia.net",
}

// Embed works out how to show the media from its address and kind.
func (m *Media) Embed() Embed {
	e := Recognise(string(m.Src))
	if m.Kind != "" && m.Kind != e.Kind {
		// The editor's word wins; a player the service offers still
		// plays, but an image needs a picture: the address is one.
		e.Kind = m.Kind
		if m.Kind == MediaImage {
			e = Embed{Kind: MediaImage, Image: string(m.Src)}
		}
	}
	switch {
	case m.Kind == MediaLink:
		e.Player, e.File, e.Image = "", "", "" // the editor wants a link, nothing in the page
	case m.Kind != "" && m.Kind != MediaImage:
		e.Image = "" // not a picture, whatever the address looks like
	}
	return e
}

// Recognise says what an address shows: a service TimelineJS knows, a file
// by its extension, or, failing both, a page to link to. Hosts match
// label by label (underDomain), never by a part of a name: a label that
// names a service is a promise to the reader of where the link goes.
func Recognise(src string) Embed {
	u, err := url.Parse(src)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
		return Embed{Kind: MediaLink}
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	host = strings.TrimPrefix(host, "www.")
	host = strings.TrimPrefix(host, "m.")
	segs := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/")
	seg := func(i int) string {
		if i < len(segs) {
			return segs[i]
		}
		return ""
	}
	q := u.Query()
	ext := strings.ToLower(path.Ext(u.Path))
	switch {
	case underDomain(host, "youtube.com", "youtu.be", "youtube-nocookie.com"):
		id := q.Get("v")
		switch {
		case host == "youtu.be":
			id = seg(0)
		case seg(0) == "embed" || seg(0) == "shorts" || seg(0) == "live" || seg(0) == "v":
			id = seg(1)
		}
		e := Embed{Kind: MediaVideo, Provider: "YouTube"}
		if safeID(id) {
			e.Player = "https://www.youtube-nocookie.com/embed/" + id + "?autoplay=1"
			if t := startSeconds(q.Get("t") + q.Get("start")); t != "" {
				e.Player += "&start=" + t
			}
		}
		return e
	case underDomain(host, "vimeo.com"):
		id := seg(0)
		if host == "player.vimeo.com" {
			id = seg(1)
		}
		e := Embed{Kind: MediaVideo, Provider: "Vimeo"}
		if digits(id) {
			e.Player = "https://player.vimeo.com/video/" + id + "?dnt=1&autoplay=1"
		}
		return e
	case underDomain(host, "dailymotion.com", "dai.ly"):
		id := seg(1)
		if host == "dai.ly" {
			id = seg(0)
		} else if seg(0) == "embed" {
			id = seg(2)
		}
		id, _, _ = strings.Cut(id, "_")
		e := Embed{Kind: MediaVideo, Provider: "Dailymotion"}
		if safeID(id) {
			e.Player = "https://www.dailymotion.com/embed/video/" + id + "?autoplay=1"
		}
		return e
	case underDomain(host, "vine.co"):
		return Embed{Kind: MediaVideo, Provider: "Vine"} // the service is gone: a link to its archive
	case underDomain(host, "tiktok.com"):
		e := Embed{Kind: MediaVideo, Provider: "TikTok"}
		if seg(1) == "video" && digits(seg(2)) {
			e.Player = "https://www.tiktok.com/embed/v2/" + seg(2)
		}
		return e
	case underDomain(host, "bsky.app"):
		return Embed{Kind: MediaPost, Provider: "Bluesky"}
	case underDomain(host, "soundcloud.com"):
		return Embed{Kind: MediaAudio, Provider: "SoundCloud",
			Player: "https://w.soundcloud.com/player/?auto_play=true&url=" + url.QueryEscape(src)}
	case underDomain(host, "twitter.com", "x.com"):
		e := Embed{Kind: MediaPost, Provider: "X"}
		if seg(1) == "status" && digits(seg(2)) {
			e.Player = "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=" + seg(2)
		}
		return e
	case googleDomain(host) && (strings.HasPrefix(host, "google.") && seg(0) == "maps" || strings.HasPrefix(host, "maps.google.")) || host == "goo.gl" && seg(0) == "maps" || host == "maps.app.goo.gl":
		e := Embed{Kind: MediaMap, Provider: "Google Maps"}
		if host == "google.com" && seg(1) == "embed" && q.Get("pb") != "" {
			e.Player = "https://www.google.com/maps/embed?pb=" + url.QueryEscape(q.Get("pb"))
		}
		return e
	case underDomain(host, "flickr.com", "flic.kr"):
		return Embed{Kind: MediaImage, Provider: "Flickr"} // a photo page, not a picture: a link
	case underDomain(host, "instagram.com", "instagr.am"):
		e := Embed{Kind: MediaPost, Provider: "Instagram"}
		if (seg(0) == "p" || seg(0) == "reel") && safeID(seg(1)) {
			e.Player = "https://www.instagram.com/" + seg(0) + "/" + seg(1) + "/embed"
		}
		return e
	case underDomain(host, "documentcloud.org"):
		e := Embed{Kind: MediaDocument, Provider: "DocumentCloud"}
		if seg(0) == "documents" && safeID(strings.TrimSuffix(seg(1), ".html")) {
			e.Player = "https://embed.documentcloud.org/documents/" + strings.TrimSuffix(seg(1), ".html") + "/"
		}
		return e
	case underDomain(host, "wikipedia.org"):
		return Embed{Kind: MediaDocument, Provider: "Wikipedia"}
	case host == "commons.wikimedia.org":
		return Embed{Kind: MediaImage, Provider: "Wikimedia Commons"} // a file's page: a link
	case host == "imgur.com":
		e := Embed{Kind: MediaImage, Provider: "Imgur"} // an album or gallery: a link
		if len(segs) == 1 && safeID(seg(0)) {
			e.Image = "https://i.imgur.com/" + seg(0) + ".jpg"
		}
		return e
	case host == "docs.google.com" || host == "drive.google.com":
		e := Embed{Kind: MediaDocument, Provider: "Google Drive"}
		if host == "docs.google.com" {
			e.Provider = "Google Docs"
		}
		for i, s := range segs {
			if s == "d" && i > 0 && safeID(seg(i+1)) && seg(i+1) != "e" {
				// /document/d/ID, /spreadsheets/d/ID, /file/d/ID (after
				// /u/0/ for a signed-in reader's link): every part an id.
				kept := segs[:i+2]
				if !slices.ContainsFunc(kept, func(p string) bool { return !safeID(p) }) {
					e.Player = "https://" + host + "/" + strings.Join(kept, "/") + "/preview"
				}
				break
			}
		}
		return e
	case host == "open.spotify.com":
		e := Embed{Kind: MediaAudio, Provider: "Spotify"}
		if s := seg(0); (s == "track" || s == "album" || s == "playlist" || s == "episode" || s == "show" || s == "artist") && safeID(seg(1)) {
			e.Player = "https://open.spotify.com/embed/" + s + "/" + seg(1)
		}
		return e
	case underDomain(host, "wistia.com", "wistia.net", "wi.st"):
		e := Embed{Kind: MediaVideo, Provider: "Wistia"}
		for i, s := range segs {
			if (s == "medias" || s == "iframe") && safeID(seg(i+1)) {
				e.Player = "https://fast.wistia.net/embed/iframe/" + seg(i+1) + "?autoPlay=true"
			}
		}
		return e
	}
	switch ext {
	case ".mp4", ".webm", ".ogv", ".mov", ".m4v":
		return Embed{Kind: MediaVideo, File: src}
	case ".mp3", ".wav", ".m4a", ".ogg", ".oga", ".aac", ".flac", ".opus":
		return Embed{Kind: MediaAudio, File: src}
	case ".pdf", ".doc", ".docx", ".txt", ".csv", ".xls", ".xlsx":
		return Embed{Kind: MediaDocument}
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg":
		// An SVG is safe as a picture: in an <img> a browser runs none
		// of its scripts and fetches nothing it refers to.
		return Embed{Kind: MediaImage, Image: src}
	}
	if host == "i.imgur.com" || host == "images.unsplash.com" {
		return Embed{Kind: MediaImage, Image: src} // picture hosts whose addresses have no extension
	}
	// Anything else (a page, an address with no extension, a service
	// not listed here, an embed's frame address) is a link: shown as an
	// <img>, it would be fetched as the page loads, from a host the
	// editor never meant to show a picture from, and show as broken.
	return Embed{Kind: MediaLink}
}

// safeID reports whether s is a service's id that can go into a player's
// address as it is: letters, digits, - and _.
func safeID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	if s == "" || len(s) > 24 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// startSeconds reads YouTube's start time (90, 90s, 1m30s) as seconds.
func startSeconds(t string) string {
	n, cur := 0, 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			cur = cur*10 + int(r-'0')
			if cur > 1e6 {
				return ""
			}
		case r == 'h':
			n, cur = n+cur*3600, 0
		case r == 'm':
			n, cur = n+cur*60, 0
		case r == 's':
			n, cur = n+cur, 0
		default:
			return ""
		}
	}
	n += cur
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
