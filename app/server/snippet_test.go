package server

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/story/storytest"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"explainer/app/i18n"
	"explainer/app/internal/htmltest"
	"explainer/app/story"
	"explainer/app/widget"
)

// hostileTitle is ordinary news copy (a headline with quotation marks)
// followed by what an attacker would write.
const hostileTitle = `Trump: "overplayed" </script><script>alert(1)</script> & 'co' <!-- \u2028`

// hostileSnippetServer serves one story with a hostile title, under a
// base URL whose path needs escaping too.
func hostileSnippetServer(t *testing.T) *Server {
	t.Helper()
	dir := t.TempDir()
	title, _ := json.Marshal(hostileTitle)
	doc := `{"id": "hostile", "title": ` + string(title) + `, "language": "en",
  "people": [{"id": "p", "name": "P \"Q\" </script>"}],
  "events": [{"id": "e", "headline": "H", "start": {"date": "2025-03-01"}}, {"id": "f", "headline": "G", "start": {"date": "2025-03-02"}}]}`
	if err := os.WriteFile(filepath.Join(dir, "hostile.json"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return newSiteServer(t, sitetest.Parts{Stories: dir, BaseURL: `https://news.example/gr"a<ph>`}, nil, Config{})
}

// TestSnippetsAreSafe feeds hostile titles, options and a base URL through
// every snippet, as the page shows them and as its script asks for them,
// and reads each as a browser would: the attributes hold exactly the
// values, the pym.js script is exactly one call with the right arguments,
// and nothing else is markup or script.
func TestSnippetsAreSafe(t *testing.T) {
	s := hostileSnippetServer(t)
	const base = "https://news.example/gr%22a%3Cph%3E"
	embed := base + "/s/hostile/?embed=1&event=f"
	// Hostile option values are dropped, never copied.
	query := `?event=f&person=p%22%3E&accent=%22%3E%3Cscript%3E&lang=%22&view=%3C&childId=a%22b`
	page := body(t, get(t, s.Handler(), "GET", "/gr%22a%3Cph%3E/s/hostile/embed"+query, nil))
	doc := htmltest.Parse(t, page)
	res := get(t, s.Handler(), "GET", "/gr%22a%3Cph%3E/s/hostile/embed"+query+"&format=json", nil)
	var live struct {
		Preview  string            `json:"preview"`
		Snippets map[string]string `json:"snippets"`
	}
	if err := json.Unmarshal([]byte(body(t, res)), &live); err != nil {
		t.Fatalf("format=json: %v", err)
	}
	if live.Preview != embed {
		t.Errorf("preview %q; want %q", live.Preview, embed)
	}
	if len(live.Snippets) != 4 {
		t.Errorf("%d snippets as JSON; want 4", len(live.Snippets))
	}
	for name, text := range live.Snippets {
		area := htmltest.Find(doc, htmltest.ByID("snippet-"+name))
		if area == nil || area.FirstChild == nil || area.FirstChild.Data != text {
			t.Errorf("the %s snippet in the page differs from the one its script gets: %q", name, text)
		}
	}
	checkSnippet(t, "html", live.Snippets["html"], func(els []*html.Node) {
		if len(els) != 2 || els[0].DataAtom != atom.Iframe || els[1].DataAtom != atom.Script {
			t.Fatalf("html snippet is %d elements; want an iframe and a script", len(els))
		}
		wantAttr(t, els[0], "title", hostileTitle)
		wantAttr(t, els[0], "src", embed)
		wantAttr(t, els[1], "src", base+s.site.Assets().URL("embed.js"))
		if els[1].FirstChild != nil {
			t.Errorf("the embed.js script has a body: %q", els[1].FirstChild.Data)
		}
	})
	checkSnippet(t, "amp", live.Snippets["amp"], func(els []*html.Node) {
		if len(els) != 2 || els[0].Data != "amp-iframe" || els[1].DataAtom != atom.Button {
			t.Fatalf("amp snippet is %d elements; want amp-iframe with its button", len(els))
		}
		wantAttr(t, els[0], "title", hostileTitle)
		wantAttr(t, els[0], "src", embed)
	})
	checkSnippet(t, "pym", live.Snippets["pym"], func(els []*html.Node) {
		if len(els) != 3 || els[0].DataAtom != atom.Div || els[1].DataAtom != atom.Script || els[2].DataAtom != atom.Script {
			t.Fatalf("pym snippet is %d elements; want a div and two scripts", len(els))
		}
		wantAttr(t, els[0], "id", "explainer-hostile")
		call := els[2].FirstChild.Data
		args, ok := strings.CutPrefix(call, "new pym.Parent(")
		args, ok2 := strings.CutSuffix(args, "});")
		if !ok || !ok2 || !strings.Contains(args, ", {title: ") {
			t.Fatalf("pym script is not one new pym.Parent call: %s", call)
		}
		var got []any
		if err := json.Unmarshal([]byte("["+strings.Replace(args, "{title: ", `{"title": `, 1)+"}]"), &got); err != nil {
			t.Fatalf("pym arguments are not three plain values (%v): %s", err, args)
		}
		want := []any{"explainer-hostile", embed, map[string]any{"title": hostileTitle}}
		if b, w := marshal(got), marshal(want); b != w {
			t.Errorf("pym.Parent arguments %s; want %s", b, w)
		}
	})
	wp := live.Snippets["wordpress"]
	if strings.ContainsAny(wp, " \n\t<>\"") {
		t.Errorf("the WordPress address is not one clean line: %q", wp)
	}
	if u, err := url.Parse(wp); err != nil || u.String() != base+"/s/hostile/?event=f" {
		t.Errorf("WordPress address %q (%v)", wp, err)
	}
}

// checkSnippet parses a snippet as the body of a page and hands its
// elements, in document order, to check.
func checkSnippet(t *testing.T, name, text string, check func([]*html.Node)) {
	t.Helper()
	t.Run(name, func(t *testing.T) {
		nodes, err := html.ParseFragment(strings.NewReader(text), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		if err != nil {
			t.Fatal(err)
		}
		var els []*html.Node
		for _, n := range nodes {
			els = append(els, htmltest.FindAll(n, func(*html.Node) bool { return true })...)
			if n.Type == html.TextNode && strings.TrimSpace(n.Data) != "" {
				t.Errorf("text outside the elements: %q", n.Data)
			}
		}
		check(els)
	})
}

// marshal is a value as JSON, to compare.
func marshal(v any) string { b, _ := json.Marshal(v); return string(b) }

func wantAttr(t *testing.T, n *html.Node, key, want string) {
	t.Helper()
	if got := htmltest.Value(n, key); got != want {
		t.Errorf("<%s %s=%q>; want %q", n.Data, key, got, want)
	}
}

// TestEmbedPageFormSubmits submits the embed page's form as a browser
// without JavaScript does, where the built-in story is the site's root
// and where a folder is served: it reaches the embed page again.
func TestEmbedPageFormSubmits(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	dir := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "a.json"), storytest.Small("alpha", "Alpha"))
	for _, tt := range []struct {
		name string
		site sitetest.Parts
		page string
	}{
		{name: "built-in story", page: "/s/" + ids.Story() + "/embed"},
		{name: "stories folder", site: sitetest.Parts{Stories: dir}, page: "/s/alpha/embed"},
		{name: "under a sub-path", site: sitetest.Parts{BaseURL: "https://example.com/graphics"}, page: "/graphics/s/" + ids.Story() + "/embed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := newSiteServer(t, tt.site, nil, Config{})
			doc := htmltest.Parse(t, body(t, get(t, s.Handler(), "GET", "http://example.com"+tt.page, nil)))
			form := htmltest.Find(doc, htmltest.ByID("embed-options"))
			if form == nil {
				t.Fatal("no form")
			}
			action := htmltest.Value(form, "action")
			q := url.Values{"title": {"0"}, "theme": {"dark"}}
			r := get(t, s.Handler(), "GET", "http://example.com"+action+"?"+q.Encode(), nil)
			if r.StatusCode != 200 || !strings.Contains(body(t, r), "theme=dark") {
				t.Errorf("submitting the form to %s: %d", action, r.StatusCode)
			}
		})
	}
}

// TestDemoFollowsItsStory: the demo article embeds whichever story it
// shows, at that story's own events, and a folder with no story left is a
// 404, not a server error.
func TestDemoFollowsItsStory(t *testing.T) {
	dir := t.TempDir()
	testenv.WriteFile(t, filepath.Join(dir, "a.json"), storytest.Small("alpha", "Alpha"))
	testenv.WriteFile(t, filepath.Join(dir, "b.json"), `{"id": "beta", "title": "Beta", "language": "en",
  "events": [{"id": "one", "headline": "One", "body": "First.", "start": {"date": "2025-03-01"}}, {"id": "two", "headline": "Two", "start": {"date": "2025-03-02"}}]}`)
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{})
	for _, tt := range []struct{ target, story string }{
		{target: "/demo", story: "alpha"},
		{target: "/demo?story=beta", story: "beta"},
	} {
		r := get(t, s.Handler(), "GET", "http://example.com"+tt.target, nil)
		page := body(t, r)
		if r.StatusCode != 200 {
			t.Fatalf("%s: %d", tt.target, r.StatusCode)
		}
		st, _ := s.site.Stories().Get(story.ID(tt.story))
		frames := 0
		for _, n := range htmltest.FindAll(htmltest.Parse(t, page), func(n *html.Node) bool {
			return htmltest.Value(n, "src") != "" && strings.Contains(htmltest.Value(n, "src"), "embed=1") || htmltest.Value(n, "data-explainer") != "" || htmltest.Value(n, "data-pym-src") != ""
		}) {
			frames++
			src := htmltest.Value(n, "src") + htmltest.Value(n, "data-explainer") + htmltest.Value(n, "data-pym-src")
			u, err := url.Parse(src)
			if err != nil || !strings.Contains(u.Path, "/s/"+tt.story+"/") || st.Story.Event(story.Ref(u.Query().Get("event"))) == nil {
				t.Errorf("%s embeds %s: not an event of %s", tt.target, src, tt.story)
			}
		}
		if frames != 7 {
			t.Errorf("%s: %d embeds; want 7", tt.target, frames)
		}
		if again := get(t, s.Handler(), "GET", "http://example.com"+tt.target, map[string]string{"If-None-Match": r.Header.Get("ETag")}); again.StatusCode != 304 {
			t.Errorf("%s is not kept: a second request for it got %d, not 304", tt.target, again.StatusCode)
		}
	}
	if r := get(t, s.Handler(), "GET", "http://example.com/demo?story=nothing", nil); r.StatusCode != 404 {
		t.Errorf("the demo of an unknown story: %d", r.StatusCode)
	}
	os.Remove(filepath.Join(dir, "a.json"))
	os.Remove(filepath.Join(dir, "b.json"))
	s.site.Stories().Reload()
	if r := get(t, s.Handler(), "GET", "http://example.com/demo", nil); r.StatusCode != 404 {
		t.Errorf("the demo of an emptied folder: %d; want 404", r.StatusCode)
	}
}

// TestEmbedPageOffersEveryOption: the embed page's form offers every value
// the widget takes for each option, each with a label of its own, and
// every language the widget speaks.
func TestEmbedPageOffersEveryOption(t *testing.T) {
	ids := storytest.BuiltInIDs(t)
	s := newServer(t, Config{})
	doc := htmltest.Parse(t, body(t, get(t, s.Handler(), "GET", "http://example.com/s/"+ids.Story()+"/embed", nil)))
	offered := func(id string) map[string]string {
		out := map[string]string{}
		for _, o := range htmltest.FindAll(htmltest.Find(doc, htmltest.ByID(id)), htmltest.ByTag("option")) {
			out[htmltest.Value(o, "value")] = htmltest.Text(o)
		}
		return out
	}
	check := func(id string, values []string) {
		t.Helper()
		got := offered(id)
		if len(got) != len(values) {
			t.Errorf("#%s offers %v; the widget takes %v", id, got, values)
		}
		for _, v := range values {
			if label, ok := got[v]; !ok || label == "" || (label == v && v != "") {
				t.Errorf("#%s: value %q is offered as %q; give it a label", id, v, label)
			}
		}
	}
	check("opt-theme", widget.Themes)
	check("opt-show", strs(widget.Shows))
	check("opt-view", strs(widget.Views))
	var langs []string
	for _, l := range i18n.Languages() {
		langs = append(langs, string(l.Tag))
	}
	check("opt-lang", langs)
}

func strs[S ~string](in []S) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}

// TestEmbedPageFormHasEveryOption: for every key the widget writes into
// an address (every option and part of the state set), the embed page's
// form has a control of that name, but for those a host or a test adds
// (embed, childId, wasm): a new option cannot be left out of the page.
func TestEmbedPageFormHasEveryOption(t *testing.T) {
	var o widget.Options
	ov := reflect.ValueOf(&o).Elem()
	for i := range ov.NumField() {
		switch f := ov.Field(i); f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Bool:
			f.SetBool(true)
		default:
			t.Fatalf("Options.%s is a %s: teach this test to set it", ov.Type().Field(i).Name, f.Kind())
		}
	}
	q, err := url.ParseQuery(strings.TrimPrefix(widget.Query(widget.State{Event: "e", Person: "p", Group: "g", View: widget.ViewQuotes}, o, "", ""), "?"))
	if err != nil {
		t.Fatal(err)
	}
	// A story with people and groups, which have controls of their own.
	dir := t.TempDir()
	data, err := os.ReadFile("../widget/testdata/full-story.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "every-feature.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSiteServer(t, sitetest.Parts{Stories: dir}, nil, Config{})
	doc := htmltest.Parse(t, body(t, get(t, s.Handler(), "GET", "http://example.com/s/every-feature/embed", nil)))
	form := htmltest.Find(doc, htmltest.ByID("embed-options"))
	for key := range q {
		switch key {
		case "embed", "childId", "wasm":
			continue
		}
		if htmltest.Find(form, htmltest.ByAttr("name", key)) == nil {
			t.Errorf("the embed page's form has no control for ?%s=", key)
		}
	}
}
