package server

import (
	"bytes"
	"encoding/json"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"explainer/app/internal/htmltest"
	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/internal/urls"
	"explainer/app/story"
	"explainer/app/story/storytest"
)

// TestShareImages: the story's card and each quote's, in both sizes, are
// PNGs of the sizes social sites ask for, the same bytes every time,
// revalidated by ETag; an unknown quote or name is a 404.
func TestShareImages(t *testing.T) {
	st := storytest.BuiltInStory(t)
	h := newServer(t, Config{}).Handler()
	q := string(st.Quotes[0].ID)
	tests := []struct {
		target string
		w, h   int
	}{
		{urls.ShareImage("", st.ID, false), 1200, 630},
		{urls.ShareImage("", st.ID, true), 1080, 1080},
		{urls.QuoteImage("", st.ID, q, false), 1200, 630},
		{urls.QuoteImage("", st.ID, q, true), 1080, 1080},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			res := get(t, h, "GET", tt.target, nil)
			b := body(t, res)
			if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
				t.Fatalf("status %d, type %q; want 200 image/png", res.StatusCode, res.Header.Get("Content-Type"))
			}
			img, err := png.Decode(strings.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got.X != tt.w || got.Y != tt.h {
				t.Errorf("%dx%d; want %dx%d", got.X, got.Y, tt.w, tt.h)
			}
			if res.Header.Get("ETag") == "" || res.Header.Get("Cache-Control") != "no-cache" {
				t.Errorf("ETag %q, Cache-Control %q", res.Header.Get("ETag"), res.Header.Get("Cache-Control"))
			}
			if again := get(t, h, "GET", tt.target, map[string]string{"If-None-Match": res.Header.Get("ETag")}); again.StatusCode != 304 {
				t.Errorf("with its ETag: %d; want 304", again.StatusCode)
			}
			// Another server draws the same bytes: a republish uploads
			// only images whose content changed.
			other := body(t, get(t, newServer(t, Config{}).Handler(), "GET", tt.target, nil))
			if !bytes.Equal([]byte(b), []byte(other)) {
				t.Error("two drawings of the same card differ")
			}
		})
	}
	for _, target := range []string{
		urls.QuoteImage("", st.ID, "no-such-quote", false),
		urls.QuoteShare("", st.ID, "no-such-quote"),
		urls.StoryPage("", st.ID) + "share.gif",
		urls.ShareImage("", "no-such-story", false),
	} {
		if res := get(t, h, "GET", target, nil); res.StatusCode != 404 {
			t.Errorf("GET %s: %d; want 404", target, res.StatusCode)
		}
	}
}

// TestUnfurl reads a story's page and a quote's share page as a social
// site's crawler does, by their Open Graph and Twitter tags: the image is
// the card, at its size, with alt text; a quote's page stands for the
// quote (its own address and card); a direct quote is in the language's
// quotation marks, reported speech is labelled and never quoted.
func TestUnfurl(t *testing.T) {
	st := storytest.BuiltInStory(t)
	h := newSiteServer(t, sitetest.Parts{BaseURL: "https://news.example/graphics/"}, nil, Config{}).Handler()
	origin := "https://news.example"
	tags := func(t *testing.T, target string) map[string]string {
		t.Helper()
		res := get(t, h, "GET", target, nil)
		if res.StatusCode != 200 {
			t.Fatalf("GET %s: %d", target, res.StatusCode)
		}
		doc, err := html.Parse(strings.NewReader(body(t, res)))
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, m := range htmltest.FindAll(doc, htmltest.ByTag("meta")) {
			key := htmltest.Value(m, "property")
			if key == "" {
				key = htmltest.Value(m, "name")
			}
			out[key] = htmltest.Value(m, "content")
		}
		return out
	}
	page := tags(t, urls.StoryPage("/graphics", st.ID))
	for key, want := range map[string]string{
		"og:image":        origin + urls.ShareImage("/graphics", st.ID, false),
		"og:image:width":  "1200",
		"og:image:height": "630",
		"og:image:alt":    st.Title,
		"og:title":        st.Title,
		"twitter:card":    "summary_large_image",
		"twitter:image":   origin + urls.ShareImage("/graphics", st.ID, false),
	} {
		if page[key] != want {
			t.Errorf("story page %s = %q; want %q", key, page[key], want)
		}
	}
	var direct, reported *story.Quote
	for i := range st.Quotes {
		switch st.Quotes[i].Kind {
		case story.Direct:
			direct = &st.Quotes[i]
		case story.Reported:
			reported = &st.Quotes[i]
		}
	}
	if direct == nil || reported == nil {
		t.Fatal("the built-in story needs a direct and a reported quote")
	}
	for _, q := range []*story.Quote{direct, reported} {
		share := tags(t, urls.QuoteShare("/graphics", st.ID, q.ID))
		if want := origin + urls.QuoteShare("/graphics", st.ID, q.ID); share["og:url"] != want {
			t.Errorf("%s: og:url %q; want %q", q.ID, share["og:url"], want)
		}
		if want := origin + urls.QuoteImage("/graphics", st.ID, q.ID, false); share["og:image"] != want || share["twitter:image"] != want {
			t.Errorf("%s: og:image %q; want %q", q.ID, share["og:image"], want)
		}
		speaker := st.Person(q.Speaker).Name
		quoted := "“" + q.Text + "”"
		switch q.Kind {
		case story.Direct:
			if !strings.Contains(share["og:title"], speaker) || !strings.Contains(share["og:title"], quoted) {
				t.Errorf("direct %s: og:title %q lacks %s and the words in quotation marks", q.ID, share["og:title"], speaker)
			}
		case story.Reported:
			if strings.ContainsAny(share["og:title"]+share["og:description"], "“”") || !strings.Contains(share["og:description"], "Reported speech") {
				t.Errorf("reported %s: og:description %q quotes the words or lacks the label", q.ID, share["og:description"])
			}
		}
	}
	// oEmbed consumers get the card as the thumbnail.
	res := get(t, h, "GET", "/graphics/oembed?url="+origin+urls.StoryPage("/graphics", st.ID), nil)
	var o map[string]any
	if err := json.Unmarshal([]byte(body(t, res)), &o); err != nil {
		t.Fatal(err)
	}
	if o["thumbnail_url"] != origin+urls.ShareImage("/graphics", st.ID, false) || o["thumbnail_width"] != float64(1200) || o["thumbnail_height"] != float64(630) {
		t.Errorf("oEmbed thumbnail: %v %v %v", o["thumbnail_url"], o["thumbnail_width"], o["thumbnail_height"])
	}
}

// The embed page offers every share image to download, under the site's
// sub-path, and each is drawn.
func TestEmbedPageOffersShareImages(t *testing.T) {
	st := storytest.BuiltInStory(t)
	h := newSiteServer(t, sitetest.Parts{BaseURL: "https://news.example/graphics/"}, nil, Config{}).Handler()
	res := get(t, h, "GET", urls.Embed("/graphics", st.ID), nil)
	doc, err := html.Parse(strings.NewReader(body(t, res)))
	if err != nil {
		t.Fatal(err)
	}
	var hrefs []string
	for _, a := range htmltest.FindAll(doc, htmltest.ByTag("a")) {
		if _, ok := htmltest.Attr(a, "download"); ok {
			hrefs = append(hrefs, htmltest.Value(a, "href"))
		}
	}
	if want := 2 + 2*len(st.Quotes); len(hrefs) != want {
		t.Fatalf("%d images to download; want %d", len(hrefs), want)
	}
	for _, href := range hrefs[:3] {
		if r := get(t, h, "GET", href, nil); r.StatusCode != 200 || r.Header.Get("Content-Type") != "image/png" {
			t.Errorf("%s: %d %s", href, r.StatusCode, r.Header.Get("Content-Type"))
		}
	}
}

// A card that cannot be drawn (here, a title no built-in font has) is a
// 404, drawn once per version, not a server error at every request.
func TestShareImageNotDrawable(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "s.json"), storytest.Small("small", "日内瓦"))
	h := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{}).Handler()
	for range 2 {
		if res := get(t, h, "GET", urls.ShareImage("", "small", false), nil); res.StatusCode != 404 {
			t.Errorf("status %d; want 404", res.StatusCode)
		}
	}
}
