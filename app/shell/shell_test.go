//go:build !wasm

package shell

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func bootJS(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "web", "static", "boot.js"))
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// TestBootScriptNames checks that boot.js spells the shared names as this
// package defines them.
func TestBootScriptNames(t *testing.T) {
	src := bootJS(t)
	block := regexp.MustCompile(`(?s)var names = \{(.*?)\};`).FindStringSubmatch(src)
	if block == nil {
		t.Fatal("boot.js has no `var names = {...};` block")
	}
	got := map[string]string{}
	for _, m := range regexp.MustCompile(`(\w+): "([^"]*)"`).FindAllStringSubmatch(block[1], -1) {
		got[m[1]] = m[2]
	}
	want := map[string]string{
		"root":           RootID,
		"offline":        OfflineID,
		"failHook":       FailHook,
		"focusHook":      FocusHook,
		"stateAttr":      StateAttr,
		"readyEvent":     ReadyEvent,
		"gotoEvent":      GotoEvent,
		"heightMessage":  HeightMessage,
		"measureMessage": MeasureMessage,
		"childIdPattern": ChildIDPattern,
		"eventParam":     EventParam,
		"childIdParam":   ChildIDParam,
		"wasmParam":      NoWasmParam,
		"embedParam":     EmbedParam,
		"embedClass":     EmbedClass,
	}
	for key, w := range want {
		if got[key] != w {
			t.Errorf("boot.js names.%s = %q; app/shell says %q", key, got[key], w)
		}
	}
	for key := range got {
		if _, ok := want[key]; !ok {
			t.Errorf("boot.js names.%s is not in app/shell", key)
		}
	}
}

// TestEmbedScriptNames checks that embed.js, which host pages load,
// spells the messages it shares with the card as this package does.
func TestEmbedScriptNames(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "web", "static", "embed.js"))
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)var names = \{(.*?)\};`).FindStringSubmatch(string(src))
	if block == nil {
		t.Fatal("embed.js has no `var names = {...};` block")
	}
	got := map[string]string{}
	for _, m := range regexp.MustCompile(`(\w+): "([^"]*)"`).FindAllStringSubmatch(block[1], -1) {
		got[m[1]] = m[2]
	}
	want := map[string]string{"heightMessage": HeightMessage, "measureMessage": MeasureMessage, "gotoEvent": GotoEvent, "eventParam": EventParam, "embedParam": EmbedParam}
	if len(got) != len(want) {
		t.Errorf("embed.js names %v; want %v", got, want)
	}
	for key, w := range want {
		if got[key] != w {
			t.Errorf("embed.js names.%s = %q; app/shell says %q", key, got[key], w)
		}
	}
	messages := 0
	for _, v := range want {
		if strings.HasPrefix(v, "explainer:") {
			messages++
		}
	}
	if n := len(regexp.MustCompile(`"explainer:[a-z]+"`).FindAllString(string(src), -1)); n != messages {
		t.Errorf("embed.js spells an explainer: message outside its names block")
	}
}

// TestChildIDs: pym.js ids are element ids, one of them, and never
// carry pym's delimiter.
func TestChildIDs(t *testing.T) {
	for id, want := range map[string]bool{
		"explainer-oval-office": true,
		"pym_1":                 true,
		"":                      false,
		"1abc":                  false,
		"axPYMxnavigateToxPYMxhttps://evil.example/": false,
		"axPYMxnavigateToxPYMxhttps:evil.example":    false, // every character allowed; the delimiter is not
		"a b":                    false,
		"a\"b":                   false,
		strings.Repeat("a", 101): false,
	} {
		if got := ValidChildID(id); got != want {
			t.Errorf("ValidChildID(%q) = %v; want %v", id, got, want)
		}
	}
}

// childIDForm accepts exactly what ChildIDPattern, which boot.js also
// tests, matches.
func TestChildIDForm(t *testing.T) {
	re := regexp.MustCompile(ChildIDPattern)
	for _, id := range []string{
		"a", "Z", "a1", "a_.:-", "explainer-oval-office", "pym_1", strings.Repeat("a", 100),
		"", "1", "_a", "-a", ".a", "a b", "a/b", "a\n", "é", "aé", strings.Repeat("a", 101),
		"axPYMxnavigateTo", "a\x00",
	} {
		if got, want := childIDForm(id), re.MatchString(id); got != want {
			t.Errorf("childIDForm(%q) = %v; the pattern says %v", id, got, want)
		}
	}
}

func FuzzChildIDForm(f *testing.F) {
	f.Add("explainer-oval-office")
	f.Add(strings.Repeat("a", 100))
	re := regexp.MustCompile(ChildIDPattern)
	f.Fuzz(func(t *testing.T, id string) {
		if got, want := childIDForm(id), re.MatchString(id); got != want {
			t.Errorf("childIDForm(%q) = %v; the pattern says %v", id, got, want)
		}
	})
}

// TestGoAppEnvironment checks boot.js's stand-in for go-app's settings
// against the go-app the module pins: the function go-app calls, and the
// keys its own handler would put in the page.
func TestGoAppEnvironment(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/maxence-charriere/go-app/v10").Output()
	if err != nil {
		t.Fatalf("finding go-app's source: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "pkg", "app")
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no go-app source in %s: %v", dir, err)
	}
	var goapp strings.Builder
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		goapp.Write(b)
	}
	src := goapp.String()
	if !strings.Contains(src, `Window().Get("goappGetenv")`) || !strings.Contains(src, `Window().Call("goappGetenv", k)`) {
		t.Error("go-app no longer reads its settings through window.goappGetenv")
	}
	set := keys(regexp.MustCompile(`Env\["(GOAPP_[A-Z_]+)"\]`), src)
	read := keys(regexp.MustCompile(`Getenv\("(GOAPP_[A-Z_]+)"\)`), src)
	if !slices.Equal(set, sorted(GoAppEnv)) {
		t.Errorf("go-app's handler sets %v; app/shell.GoAppEnv lists %v", set, sorted(GoAppEnv))
	}
	for _, k := range read {
		if !slices.Contains(GoAppEnv, k) {
			t.Errorf("go-app reads %s, which boot.js does not provide", k)
		}
	}

	// The reader's boot script and the studio's both start go-app.
	for _, name := range []string{"boot.js", "studio.js"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "web", "static", name))
		if err != nil {
			t.Fatal(err)
		}
		boot := string(b)
		env := regexp.MustCompile(`(?s)var env = \{(.*?)\};`).FindStringSubmatch(boot)
		if env == nil {
			t.Fatalf("%s has no `var env = {...};` block", name)
		}
		if got := keys(regexp.MustCompile(`(GOAPP_[A-Z_]+):`), env[1]); !slices.Equal(got, sorted(GoAppEnv)) {
			t.Errorf("%s provides %v; want %v", name, got, sorted(GoAppEnv))
		}
		if !strings.Contains(boot, "window.goappGetenv = function") {
			t.Errorf("%s does not define window.goappGetenv", name)
		}
	}
}

func keys(re *regexp.Regexp, src string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(src, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return sorted(out)
}

func sorted(s []string) []string { return slices.Sorted(slices.Values(s)) }
