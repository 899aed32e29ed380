package cli

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"explainer/app/i18n"
	"explainer/app/internal/testenv"
	"explainer/app/widget"
)

// A publisher's catalogue beside the stories changes what the widget says
// on the served page; one that does not check stops the start, and
// validate names its problems by line and column.
func TestPublisherWords(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(defaultStory)
	if err != nil {
		t.Fatal(err)
	}
	testenv.WriteFile(t, filepath.Join(dir, "story.json"), string(data))
	good := filepath.Join(dir, "messages", "en.json")
	if err := os.Mkdir(filepath.Join(dir, "messages"), 0o755); err != nil {
		t.Fatal(err)
	}
	testenv.WriteFile(t, good, `{"language": "en", "messages": {"nav.next": "Onward", "index.events": {"one": "{0} moment", "other": "{0} moments"}}}`)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s, _, err := buildSite(siteFlags{stories: dir}, log)
	if err != nil {
		t.Fatal(err)
	}
	st := s.Stories().List()[0].Story
	if got := s.Words(st, widget.Options{}).T("nav.next"); got != "Onward" {
		t.Errorf("nav.next = %q; want the publisher's Onward", got)
	}
	de, _ := i18n.Lookup("de")
	if got, want := s.Words(st, widget.Options{Lang: "de"}).T("nav.next"), de.T("nav.next"); got != want || got == "Onward" {
		t.Errorf("German nav.next = %q; want the built-in %q", got, want)
	}
	if code, out, errs := run("validate", good); code != 0 || !strings.Contains(out, "ok: the widget's words in en, 2 messages") {
		t.Errorf("validate %s: %d %q %q", good, code, out, errs)
	}

	// A new language must be complete; a known one may not name unknown keys.
	bad := filepath.Join(dir, "messages", "sk.json")
	testenv.WriteFile(t, bad, "{\n  \"language\": \"sk\",\n  \"messages\": {\n    \"nav.nxt\": \"Ďalej\"\n  }\n}\n")
	if _, _, err := buildSite(siteFlags{stories: dir}, log); err == nil || !strings.Contains(err.Error(), "messages/sk.json:4:5: messages[\"nav.nxt\"]: unknown key") {
		t.Errorf("buildSite with a broken catalogue: %v", err)
	}
	code, out, errs := run("validate", bad)
	if code != 1 || out != "" {
		t.Errorf("validate %s: exit %d, stdout %q", bad, code, out)
	}
	for _, want := range []string{bad + `:4:5: messages["nav.nxt"]: unknown key`, bad + `:3:15: messages["nav.next"]: missing`} {
		if !strings.Contains(errs, want) {
			t.Errorf("validate's errors lack %q:\n%s", want, errs)
		}
	}
}
