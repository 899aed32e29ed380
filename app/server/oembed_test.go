package server

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"explainer/app/internal/htmltest"
	"explainer/app/story/storytest"
)

// TestOEmbed checks the provider against the oEmbed spec: the fields a
// "rich" response must have, the max sizes, and the error codes.
func TestOEmbed(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newServer(t, Config{})
	h := s.Handler()
	const site = "http://example.com"
	tests := []struct {
		name, query string
		status      int
		width       float64
		maxHeight   float64
		src         string // part of the iframe's src
		exact       bool   // src is the whole of it
	}{
		{name: "the story at the root", query: "url=" + site + "/&format=json", status: 200, width: 600, src: site + "/?embed=1"},
		{name: "format left out", query: "url=" + site + "/", status: 200, width: 600},
		{name: "a state kept", query: "url=" + site + "/?event=" + ids.Event(3) + "%26theme=dark&maxwidth=500&maxheight=750", status: 200, width: 500, maxHeight: 750, src: "event=" + ids.Event(3)},
		{name: "the story's own page", query: "url=" + site + "/s/" + ids.Story() + "/&maxwidth=750&maxheight=1000", status: 200, width: 600},
		{name: "the embed page", query: "url=" + site + "/s/" + ids.Story() + "/embed", status: 200, width: 600},
		{name: "a small maxheight", query: "url=" + site + "/&maxheight=300", status: 200, width: 600, maxHeight: 300},
		// Options are read as the widget reads them: checked, each once.
		{name: "hostile and repeated options", query: "url=" + url.QueryEscape(site+`/?event=`+ids.Event(-1)+`&event=`+ids.Event(3)+`&accent="><b>&lang=zz&theme=dark&theme=light&childId=x&evil=1`), status: 200, width: 600, src: site + "/?embed=1&event=" + ids.Event(-1) + "&theme=dark", exact: true},
		{name: "no url", query: "format=json", status: 400},
		{name: "xml", query: "url=" + site + "/&format=xml", status: 501},
		{name: "another site", query: "url=https://elsewhere.example/&format=json", status: 404},
		{name: "no such story", query: "url=" + site + "/s/nothing/", status: 404},
		{name: "not a page", query: "url=" + site + "/assets/boot.js", status: 404},
		{name: "not http", query: "url=javascript:alert(1)", status: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := get(t, h, "GET", site+"/oembed?"+tt.query, nil)
			b := body(t, r)
			if r.StatusCode != tt.status {
				t.Fatalf("status %d; want %d: %s", r.StatusCode, tt.status, b)
			}
			if tt.status != 200 {
				return
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			var res map[string]any
			if err := json.Unmarshal([]byte(b), &res); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"version", "type", "html", "width", "height", "title", "provider_name", "provider_url"} {
				if _, ok := res[k]; !ok {
					t.Errorf("no %q in %s", k, b)
				}
			}
			if res["version"] != "1.0" || res["type"] != "rich" || res["width"] != tt.width {
				t.Errorf("version %v, type %v, width %v", res["version"], res["type"], res["width"])
			}
			height, _ := res["height"].(float64)
			if height <= 0 || (tt.maxHeight > 0 && height > tt.maxHeight) {
				t.Errorf("height %v with maxheight %v", height, tt.maxHeight)
			}
			html, _ := res["html"].(string)
			if !strings.HasPrefix(html, "<blockquote><a href=") {
				t.Errorf("html does not start with the blockquote WordPress needs: %s", html)
			}
			iframe := htmltest.Find(htmltest.Parse(t, html), htmltest.ByTag("iframe"))
			if iframe == nil {
				t.Fatalf("no iframe in %s", html)
			}
			src := htmltest.Value(iframe, "src")
			if !strings.Contains(src, "embed=1") || !strings.Contains(src, tt.src) || (tt.exact && src != tt.src) {
				t.Errorf("iframe src %q; want embed=1 and %q", src, tt.src)
			}
			if htmltest.Value(iframe, "width") != itoa(int(tt.width)) || htmltest.Value(iframe, "height") != itoa(int(height)) {
				t.Errorf("iframe %sx%s; response %vx%v", htmltest.Value(iframe, "width"), htmltest.Value(iframe, "height"), tt.width, height)
			}
			for _, banned := range []string{"class=", "style=", "<script"} {
				if strings.Contains(html, banned) {
					t.Errorf("html has %s, which WordPress strips: %s", banned, html)
				}
			}
		})
	}
}

// TestDiscoveryAndMeta: a page announces its oEmbed endpoint early in
// <head> and in a Link header, names its canonical address without the
// reader's options, and describes itself to social networks and search.
func TestDiscoveryAndMeta(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newServer(t, Config{})
	r := get(t, s.Handler(), "GET", "http://example.com/?embed=1&event="+ids.Event(-1)+"&theme=dark", nil)
	page := body(t, r)
	want := `http://example.com/oembed?format=json&url=http%3A%2F%2Fexample.com%2F`
	if link := r.Header.Get("Link"); !strings.Contains(link, "<"+want+">") || !strings.Contains(link, `rel="alternate"; type="application/json+oembed"`) {
		t.Errorf("Link header %q", link)
	}
	head, _, _ := strings.Cut(page, "</head>")
	if i := strings.Index(head, `type="application/json+oembed"`); i < 0 || i > 2000 {
		t.Errorf("the oEmbed link is not early in <head> (at %d)", i)
	}
	doc := htmltest.Parse(t, page)
	link := htmltest.Find(doc, htmltest.ByAttr("type", "application/json+oembed"))
	if link == nil || strings.ReplaceAll(htmltest.Value(link, "href"), "&amp;", "&") != want {
		t.Errorf("oEmbed link %v", link)
	}
	if c := htmltest.Find(doc, htmltest.ByAttr("rel", "canonical")); c == nil || htmltest.Value(c, "href") != "http://example.com/" {
		t.Errorf("canonical %v; want http://example.com/ without the options", c)
	}
	for _, m := range []struct{ attr, name string }{
		{attr: "property", name: "og:title"}, {attr: "property", name: "og:description"}, {attr: "property", name: "og:url"},
		{attr: "name", name: "twitter:card"}, {attr: "name", name: "twitter:title"},
	} {
		if htmltest.Find(doc, htmltest.ByAttr(m.attr, m.name)) == nil {
			t.Errorf("no %s meta", m.name)
		}
	}
	ld := htmltest.Find(doc, htmltest.ByAttr("type", "application/ld+json"))
	if ld == nil {
		t.Fatal("no JSON-LD")
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(htmltest.Text(ld)), &v); err != nil || v["@type"] != "NewsArticle" || v["url"] != "http://example.com/" || v["headline"] == "" {
		t.Errorf("JSON-LD %v (%v)", v, err)
	}
	// A forged Host header is not written into the page.
	r = get(t, s.Handler(), "GET", "/", map[string]string{"Host": `evil"><script>`})
	if strings.Contains(body(t, r), "evil") {
		t.Error("the Host header is reflected into the page")
	}
}

// TestEmbedPage: the editor's page shows a preview and one snippet per
// kind of host, all for the options chosen, without JavaScript.
func TestEmbedPage(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newServer(t, Config{})
	r := get(t, s.Handler(), "GET", "http://example.com/s/"+ids.Story()+"/embed?event="+ids.Event(3)+"&title=0&accent=c0ffee", nil)
	page := body(t, r)
	if r.StatusCode != 200 {
		t.Fatalf("status %d", r.StatusCode)
	}
	doc := htmltest.Parse(t, page)
	frame := htmltest.Find(doc, htmltest.ByID("embed-preview-frame"))
	wantSrc := "http://example.com/?accent=c0ffee&embed=1&event=" + ids.Event(3) + "&title=0"
	if frame == nil || htmltest.Value(frame, "src") != wantSrc {
		t.Errorf("preview %v; want src %s", frame, wantSrc)
	}
	for _, name := range []string{"html", "wordpress", "amp", "pym"} {
		area := htmltest.Find(doc, htmltest.ByID("snippet-"+name))
		if area == nil {
			t.Errorf("no %s snippet", name)
			continue
		}
		text := htmltest.Text(area)
		if !strings.Contains(text, "event="+ids.Event(3)) {
			t.Errorf("%s snippet lacks the options: %s", name, text)
		}
	}
	html := htmltest.Text(htmltest.Find(doc, htmltest.ByID("snippet-html")))
	for _, want := range []string{`height="736"`, `loading="lazy"`, `style="border:0;width:100%"`, `/assets/embed.`} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML snippet lacks %s: %s", want, html)
		}
	}
	if amp := htmltest.Text(htmltest.Find(doc, htmltest.ByID("snippet-amp"))); !strings.Contains(amp, "resizable") || !strings.Contains(amp, "<button overflow") {
		t.Errorf("AMP snippet: %s", amp)
	}
	if r := get(t, s.Handler(), "GET", "/s/nothing/embed", nil); r.StatusCode != 404 {
		t.Errorf("embed page of an unknown story: %d", r.StatusCode)
	}
}

// TestEmbedScriptSize holds embed.js, which every host page loads, to
// 2 KB compressed.
func TestEmbedScriptSize(t *testing.T) {
	s := newServer(t, Config{})
	as := s.site.Assets().ByName("embed.js")
	if as == nil {
		t.Fatal("no embed.js")
	}
	raw := assetBody(t, as, "")
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	w.Write(raw)
	w.Close()
	if b.Len() > 2048 {
		t.Errorf("embed.js is %d bytes gzipped; the budget is 2048", b.Len())
	}
	t.Logf("embed.js: %d bytes, %d gzipped", len(raw), b.Len())
	if m := regexp.MustCompile(`\bimport\b|require\(`).FindString(string(raw)); m != "" {
		t.Errorf("embed.js has a dependency: %s", m)
	}
}
