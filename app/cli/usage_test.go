package cli

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// flagNames are the flags a synopsis or a -h output names.
var (
	synopsisFlag = regexp.MustCompile(`(?:^|[\[ ])-([a-z][a-z-]*)`)
	defaultsFlag = regexp.MustCompile(`(?m)^  -([a-z][a-z-]*)`)
)

// TestUsageAgreesWithTheTable: every command's -h, its complaint about a
// wrong command line and the overall usage print the synopsis of the
// command table, and every flag a synopsis names is a flag of the command.
func TestUsageAgreesWithTheTable(t *testing.T) {
	_, overall, _ := run("help")
	// A wrong command line for each command that takes one.
	wrong := map[string][]string{
		"edit":     {"edit"},
		"export":   {"export"},
		"publish":  {"publish"},
		"import":   {"import"},
		"validate": {"validate"},
	}
	for _, c := range commands() {
		t.Run(c.name, func(t *testing.T) {
			code, _, help := run(c.name, "-h")
			if code != exitOK || !strings.HasPrefix(help, "Usage: "+c.line()+"\n") {
				t.Errorf("%s -h: exit %d, printed:\n%s\nwant it to start: Usage: %s", c.name, code, help, c.line())
			}
			flags := defaultsFlag.FindAllStringSubmatch(help, -1)
			for _, m := range synopsisFlag.FindAllStringSubmatch(c.synopsis, -1) {
				if !slices.ContainsFunc(flags, func(f []string) bool { return f[1] == m[1] }) {
					t.Errorf("the synopsis names -%s, which %s has not", m[1], c.name)
				}
			}
			if !strings.Contains(overall, c.synopsis+"\n      "+c.summary+"\n") {
				t.Errorf("the overall usage does not list %s as the table has it:\n%s", c.name, overall)
			}
			if args, ok := wrong[c.name]; ok {
				code, _, errs := run(args...)
				if code != exitUsage || !strings.HasPrefix(errs, "Usage: "+c.line()+"\n") {
					t.Errorf("%v: exit %d, printed:\n%s", args, code, errs)
				}
			}
		})
	}
}

// TestREADMEListsTheCommands: the README's list of commands (in "Running
// the server") is the table's.
func TestREADMEListsTheCommands(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "## Running the server\n\n```\n")
	if !ok {
		t.Fatal(`README.md has no "## Running the server" section opening with a code block`)
	}
	block, _, _ := strings.Cut(section, "```")
	var got, want []string
	for _, l := range strings.Split(strings.TrimSpace(block), "\n") {
		got = append(got, strings.Join(strings.Fields(l), " "))
	}
	for _, c := range commands() {
		want = append(want, c.line())
	}
	if !slices.Equal(got, want) {
		t.Errorf("README.md lists:\n  %s\nthe command table:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
