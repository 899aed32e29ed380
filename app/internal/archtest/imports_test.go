package archtest

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"explainer/app/internal/testenv"
)

// module is the module's path, as its packages import each other.
const module = "explainer"

// builds are the ways the module is compiled: the server, the reader's
// WebAssembly and the studio's. A file behind a build tag counts in the
// builds that compile it.
var builds = []struct {
	name string
	env  []string
	tags string
}{
	{name: "server"},
	{name: "reader's WebAssembly", env: []string{"GOOS=js", "GOARCH=wasm"}},
	{name: "studio's WebAssembly", env: []string{"GOOS=js", "GOARCH=wasm"}, tags: "studio"},
}

// TestImportsFollowTheArchitectureTable: every package of the module is
// in the README's architecture table, and its code (not its tests)
// imports of the module only what the table's "May import" column lets
// it.
func TestImportsFollowTheArchitectureTable(t *testing.T) {
	root, err := testenv.Root()
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := parseTable(string(readme))
	if err != nil {
		t.Fatal(err)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		testenv.Need(t, errors.New("this test needs the go command to list the packages"))
	}
	for _, b := range builds {
		args := []string{"list", "-e", "-f", `{{.ImportPath}} {{join .Imports " "}}`}
		if b.tags != "" {
			args = append(args, "-tags", b.tags)
		}
		cmd := exec.Command(goTool, append(args, "./...")...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), b.env...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list (%s): %v\n%s", b.name, err, stderr.String())
		}
		for _, p := range listed(string(out)) {
			allowed, ok := rules.of(p.path)
			if !ok {
				t.Errorf("%s is not in the README's architecture table: add a row for it", p.path)
				continue
			}
			for _, imp := range p.imports {
				if !allowed.has(imp) {
					t.Errorf("%s imports %s in the %s, which the README's architecture table does not let it", p.path, imp, b.name)
				}
			}
		}
	}
}

// pkg is a package with the module's packages its code imports, named as
// the table names them: "app/story", "web", "." for the module's root.
type pkg struct {
	path    string
	imports []string
}

func listed(out string) []pkg {
	var pkgs []pkg
	for line := range strings.Lines(out) {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		p := pkg{path: rel(fields[0])}
		for _, imp := range fields[1:] {
			if imp == module || strings.HasPrefix(imp, module+"/") {
				p.imports = append(p.imports, rel(imp))
			}
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// rel names a package of the module by its folder.
func rel(importPath string) string {
	if importPath == module {
		return "."
	}
	return strings.TrimPrefix(importPath, module+"/")
}

// patterns are package names, where "x/*" stands for every package
// under x.
type patterns []string

func (ps patterns) has(name string) bool {
	for _, p := range ps {
		if p == name || strings.HasSuffix(p, "/*") && strings.HasPrefix(name, strings.TrimSuffix(p, "*")) {
			return true
		}
	}
	return false
}

// table is the architecture table: for each package (or pattern), what
// it may import.
type table map[string]patterns

// of is the rule of a package: its own row, else the longest pattern
// that covers it.
func (t table) of(name string) (patterns, bool) {
	if r, ok := t[name]; ok {
		return r, true
	}
	best := ""
	for p := range t {
		if (patterns{p}).has(name) && len(p) > len(best) {
			best = p
		}
	}
	r, ok := t[best]
	return r, ok
}

var code = regexp.MustCompile("`([^`]+)`")

// parseTable reads the table of the README's Architecture section: its
// rows are | `package` | what it owns | `import` `import` … or nothing |.
func parseTable(readme string) (table, error) {
	_, section, ok := strings.Cut(readme, "\n## Architecture\n")
	if !ok {
		return nil, errors.New("README.md has no Architecture section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	t := table{}
	for line := range strings.Lines(section) {
		cells := strings.Split(strings.TrimSpace(line), "|")
		if len(cells) != 5 || cells[0] != "" || cells[4] != "" {
			continue
		}
		name := code.FindStringSubmatch(cells[1])
		if name == nil {
			continue // the header and its rule
		}
		var may patterns
		for _, m := range code.FindAllStringSubmatch(cells[3], -1) {
			may = append(may, m[1])
		}
		t[name[1]] = may
	}
	if len(t) == 0 {
		return nil, errors.New("README.md's Architecture section has no table of packages")
	}
	return t, nil
}
