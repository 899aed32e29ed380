package widget

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
	"explainer/app/story"
)

// TestMediaRendering: what the server's page holds for each kind of media
// address. Only a picture is an <img> the page loads at once; an address
// that is no picture, file or known service is an ordinary link with its
// caption and credit as text; a look-alike of a service's host is labelled
// with its own host, never the service's name.
func TestMediaRendering(t *testing.T) {
	tests := []struct {
		name  string
		media story.Media
		img   string // the src of the one <img>, "" for none
		link  string // the media link's text, "" for none
		text  string // in the figure's text
	}{
		{name: "picture", media: story.Media{Src: "https://images.example.com/a.jpg", Alt: "A"}, img: "https://images.example.com/a.jpg"},
		{name: "svg picture", media: story.Media{Src: "https://images.example.com/chart.svg", Alt: "A"}, img: "https://images.example.com/chart.svg"},
		{name: "page", media: story.Media{Src: "https://pages.example.com/some/page", Caption: "What the page says.", Credit: "Its owner"},
			link: "Open the page on pages.example.com", text: "What the page says. © Its owner"},
		{name: "address with a query", media: story.Media{Src: "https://pages.example.com/photo?id=3", Alt: "A photo"},
			link: "Open the page on pages.example.com"},
		{name: "frame address from embed code", media: story.Media{Src: "https://embed.example.net/e/123"},
			link: "Open the page on embed.example.net"},
		{name: "music.youtube.com", media: story.Media{Src: "https://music.youtube.com/watch?v=dQw4w9WgXcQ"},
			link: "Watch on YouTube"},
		{name: "look-alike of Google Maps", media: story.Media{Src: "https://google.evil.example/maps/place/Kyiv"},
			link: "Open the page on google.evil.example"},
		{name: "look-alike of Wistia", media: story.Media{Src: "https://evilwistia.com/medias/e4a27b971d"},
			link: "Open the page on evilwistia.com"},
		{name: "Google Maps", media: story.Media{Src: "https://www.google.co.uk/maps/place/Kyiv"},
			link: "Open the map on Google Maps"},
		{name: "Wistia", media: story.Media{Src: "https://news.wistia.com/medias/e4a27b971d"},
			link: "Watch on Wistia"},
		{name: "video with the publisher's still", media: story.Media{Src: "https://www.youtube.com/watch?v=abc", Thumbnail: "https://images.example.com/still.jpg"},
			img: "https://images.example.com/still.jpg", link: "Watch on YouTube"},
		// Parse refuses these stills; a story built in code shows none.
		{name: "video with YouTube's still", media: story.Media{Src: "https://www.youtube.com/watch?v=abc", Thumbnail: "https://i.ytimg.com/vi/abc/hqdefault.jpg"},
			link: "Watch on YouTube"},
		{name: "page with X's still", media: story.Media{Src: "https://pages.example.com/a", Thumbnail: "https://pbs.twimg.com/media/a.jpg"},
			link: "Open the page on pages.example.com"},
	}
	v := newAt(t, defaultStory(t), "/").view()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, app.HTMLString(v.media(&tt.media, "e")))
			imgs := htmltest.FindAll(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "img" })
			switch {
			case tt.img == "" && len(imgs) > 0:
				src, _ := htmltest.Attr(imgs[0], "src")
				t.Errorf("an <img src=%q> loads as the page does", src)
			case tt.img != "" && len(imgs) != 1:
				t.Errorf("%d <img>; want one of %s", len(imgs), tt.img)
			case tt.img != "":
				if src, _ := htmltest.Attr(imgs[0], "src"); src != tt.img {
					t.Errorf("<img src=%q>; want %q", src, tt.img)
				}
			}
			link := htmltest.Find(doc, func(n *html.Node) bool { return n.Data == "a" && htmltest.ByClass("media-link")(n) })
			switch {
			case tt.link == "" && link != nil:
				t.Errorf("a link reading %q", htmltest.Text(link))
			case tt.link != "" && link == nil:
				t.Errorf("no link; want %q", tt.link)
			case tt.link != "":
				if got := htmltest.Text(link); got != tt.link {
					t.Errorf("the link reads %q; want %q", got, tt.link)
				}
				if href, _ := htmltest.Attr(link, "href"); href != string(tt.media.Src) {
					t.Errorf("the link goes to %q", href)
				}
			}
			// A link has nothing to load: no box stands empty above it.
			// (A player's box is empty in the server's page until the
			// WebAssembly puts its button there.)
			if p := htmltest.Find(doc, htmltest.ByClass("media-placeholder")); p != nil && tt.media.Embed().Kind == story.MediaLink && strings.TrimSpace(htmltest.Text(p)) == "" && len(imgs) == 0 {
				t.Error("an empty placeholder box")
			}
			if tt.text != "" && !strings.Contains(htmltest.Text(doc), tt.text) {
				t.Errorf("the figure reads %q; want %q in it", htmltest.Text(doc), tt.text)
			}
		})
	}
}
