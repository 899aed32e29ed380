//go:build !wasm

package cldr

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"explainer/app/internal/testenv"
)

// TestIntlGoldenIsCurrent runs testdata/intl.js under Node for every
// locale of locales.json and checks that the golden table is what it
// writes, so TestAgainstICU compares with ICU as it is, not as it was.
// It needs Node with the ICU the data is from (CLDR 48).
func TestIntlGoldenIsCurrent(t *testing.T) {
	node := testenv.Node(t)
	version, err := exec.Command(node, "-p", "process.versions.icu + ' ' + process.versions.cldr").Output()
	if err != nil {
		t.Fatal(err)
	}
	g := readGolden(t, "testdata/intl_golden.json")
	if have := strings.TrimSpace(string(version)); have != g.ICU+" "+g.CLDR {
		testenv.Need(t, fmt.Errorf("this test needs Node with ICU %s and CLDR %s (this Node has %s)", g.ICU, g.CLDR, have))
	}
	tags := Tags()
	if len(tags) != len(g.Locales)+len(g.NotInICU) {
		t.Errorf("locales.json has %d locales, the golden table %d and %d ICU lacks", len(tags), len(g.Locales), len(g.NotInICU))
	}
	var stderr bytes.Buffer
	cmd := exec.Command(node, append([]string{"testdata/intl.js"}, tags...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node testdata/intl.js: %v\n%s", err, stderr.String())
	}
	want, err := os.ReadFile("testdata/intl_golden.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("testdata/intl_golden.json is not what Node's Intl writes now: run, in app/i18n/cldr,\n\tnode testdata/intl.js %s > testdata/intl_golden.json", strings.Join(tags, " "))
	}
}
