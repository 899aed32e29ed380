package archtest

import (
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"explainer/app/internal/gofiles"
	"explainer/app/internal/testenv"
)

// flagless are the packages that know nothing of the command line: the
// composition root (app/cli) reads the flags and hands them their parts,
// so their errors and comments speak of what they are given (a base URL,
// a folder), never of how a user gives it; where a user needs the flag
// (-force after a refusal), app/cli adds it to the error it prints.
// (app/timelinejs is not yet among them: its warnings still suggest the
// import's -zone, -lang and -base, which the studio shows as they are.)
var flagless = []string{"app/site", "app/repo", "app/story", "app/widget", "app/i18n", "app/shell", "app/server", "app/publish", "app/export", "app/studio"}

// defined finds the flags the command line defines: fs.String("name", …)
// and the like.
var defined = regexp.MustCompile(`\.(?:String|Bool|Int|Duration)(?:Var)?\((?:&[\w.]+, )?"([a-z][a-z-]+)"`)

// TestFlagsStayInTheCommandLine: no string in the code of a flagless
// package names a flag of the command line.
func TestFlagsStayInTheCommandLine(t *testing.T) {
	root, err := testenv.Root()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, file := range goFiles(t, filepath.Join(root, "app", "cli")) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range defined.FindAllStringSubmatch(string(data), -1) {
			if len(m[1]) > 2 && !slices.Contains(names, m[1]) { // -o, -id: too short to tell from prose
				names = append(names, m[1])
			}
		}
	}
	if len(names) < 5 {
		t.Fatalf("found only the flags %v in app/cli: has the way it defines them changed?", names)
	}
	// Longest first, so that -base-url is not read as -base.
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	named := regexp.MustCompile(`(^|[^\w-])-(` + strings.Join(names, "|") + `)\b`)
	for _, pkg := range flagless {
		for _, file := range goFiles(t, filepath.Join(root, filepath.FromSlash(pkg))) {
			gofiles.EachString(t, file, func(_ token.Position, s string) {
				if m := named.FindStringSubmatch(s); m != nil {
					t.Errorf("%s: %s names the flag -%s of the command line: let app/cli say it", pkg, filepath.Base(file), m[2])
				}
			})
		}
	}
}

// goFiles are the Go files of a folder, not its tests.
func goFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, "_test.go") })
}
