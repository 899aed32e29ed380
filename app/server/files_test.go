package server

import (
	"html"
	"net/url"
	"strings"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/urls"
	"explainer/app/story/storytest"
)

// TestDataAndPrintRoutes: the story's sheet is a download, cached and
// revalidated as the JSON is; the printable version holds every event;
// the page's footer links all three, under the site's sub-path too.
func TestDataAndPrintRoutes(t *testing.T) {
	st := storytest.BuiltInStory(t)
	for _, root := range []string{"", "/graphics"} {
		parts := sitetest.Parts{}
		if root != "" {
			parts.BaseURL = "https://example.com" + root + "/"
		}
		h := newSiteServer(t, parts, nil, Config{}).Handler()
		tests := []struct {
			target, ctype, disposition string
			contains                   []string
		}{
			{target: urls.StoryCSV(root, st.ID), ctype: "text/csv; charset=utf-8", disposition: `attachment; filename="` + string(st.ID) + `.csv"`,
				contains: []string{"Year,Month,Day,Time,End Year", st.Events[0].Headline}},
			{target: urls.StoryJSON(root, st.ID), ctype: "application/json", contains: []string{`"id":"` + string(st.ID) + `"`}},
			{target: urls.Print(root, st.ID), ctype: "text/html; charset=utf-8",
				contains: []string{html.EscapeString(st.Events[0].Headline), html.EscapeString(st.Events[len(st.Events)-1].Headline), `id="explainer-print"`}},
			{target: urls.StoryPage(root, st.ID), ctype: "text/html; charset=utf-8",
				contains: []string{`href="` + urls.StoryCSV(root, st.ID) + `"`, `href="` + urls.StoryJSON(root, st.ID) + `"`, `href="` + urls.Print(root, st.ID) + `"`}},
		}
		for _, tt := range tests {
			t.Run(tt.target, func(t *testing.T) {
				res := get(t, h, "GET", (&url.URL{Path: tt.target}).EscapedPath(), nil)
				b := body(t, res)
				if res.StatusCode != 200 {
					t.Fatalf("status %d; want 200", res.StatusCode)
				}
				if got := res.Header.Get("Content-Type"); got != tt.ctype {
					t.Errorf("Content-Type %q; want %q", got, tt.ctype)
				}
				if got := res.Header.Get("Content-Disposition"); got != tt.disposition {
					t.Errorf("Content-Disposition %q; want %q", got, tt.disposition)
				}
				if res.Header.Get("ETag") == "" || res.Header.Get("Cache-Control") != "no-cache" {
					t.Errorf("ETag %q, Cache-Control %q; want an ETag, no-cache", res.Header.Get("ETag"), res.Header.Get("Cache-Control"))
				}
				for _, want := range tt.contains {
					if !strings.Contains(b, want) {
						t.Errorf("the body lacks %q", want)
					}
				}
				again := get(t, h, "GET", tt.target, map[string]string{"If-None-Match": res.Header.Get("ETag")})
				if again.StatusCode != 304 {
					t.Errorf("with its ETag: status %d; want 304", again.StatusCode)
				}
			})
		}
	}
	h := newServer(t, Config{}).Handler()
	for _, target := range []string{urls.StoryCSV("", "no-such-story"), urls.Print("", "no-such-story")} {
		if res := get(t, h, "GET", target, nil); res.StatusCode != 404 {
			t.Errorf("GET %s: status %d; want 404", target, res.StatusCode)
		}
	}
}
