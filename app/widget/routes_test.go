package widget

import (
	"regexp"
	"testing"
)

// storyRoute is the pattern the story pages were routed by: storyPath
// accepts exactly the paths it matches.
const storyRoute = `^/s/[a-z0-9-]+/?$`

var storyPaths = map[string]bool{
	"/s/oval-office/": true, "/s/oval-office": true, "/s/a": true, "/s/-/": true, "/s/2025-x/": true,
	"/": false, "": false, "/s/": false, "/s//": false, "/s": false, "s/a/": false, "/s/a//": false,
	"/s/a/embed": false, "/s/Oval/": false, "/s/a_b/": false, "/s/a.json": false, "//s/a/": false,
	"/S/a/": false, "/s/a/\n": false, "/s/é/": false, "/x/s/a/": false,
}

func TestStoryPath(t *testing.T) {
	re := regexp.MustCompile(storyRoute)
	for p, want := range storyPaths {
		if got := storyPath(p); got != want {
			t.Errorf("storyPath(%q) = %v; want %v", p, got, want)
		}
		if got := re.MatchString(p); got != want {
			t.Errorf("the case is wrong: %s on %q = %v; want %v", storyRoute, p, got, want)
		}
	}
}

func FuzzStoryPath(f *testing.F) {
	for p := range storyPaths {
		f.Add(p)
	}
	re := regexp.MustCompile(storyRoute)
	f.Fuzz(func(t *testing.T, p string) {
		if got, want := storyPath(p), re.MatchString(p); got != want {
			t.Errorf("storyPath(%q) = %v; %s says %v", p, got, storyRoute, want)
		}
	})
}
