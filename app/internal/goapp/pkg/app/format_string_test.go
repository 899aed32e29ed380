package app

import (
	"fmt"
	"testing"
)

// FormatString writes one value with "%v" as fmt.Sprintf does, by its
// own path for strings, bools and ints (the patch) and fmt's for the rest.
func TestFormatStringOneValue(t *testing.T) {
	type name string
	for _, v := range []any{
		"", "true", " padded ", "a%vb", "ünïcode",
		true, false,
		0, -1, 42, 1 << 40,
		name("named"), 1.5, int64(7), uint8(200), nil, []string{"a"}, struct{ A int }{3},
	} {
		if got, want := FormatString("%v", v), fmt.Sprintf("%v", v); got != want {
			t.Errorf("FormatString(%%v, %#v) = %q; fmt writes %q", v, got, want)
		}
	}
	if got := FormatString("%d-%v", 1, true); got != "1-true" {
		t.Errorf(`FormatString("%%d-%%v", 1, true) = %q`, got)
	}
	if got := FormatString("no verbs"); got != "no verbs" {
		t.Errorf("FormatString without values = %q", got)
	}
}
