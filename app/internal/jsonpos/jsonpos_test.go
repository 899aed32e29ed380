package jsonpos

import (
	"strings"
	"testing"
)

// TestParsePlacesValues: each value is read with the offset it starts at.
func TestParsePlacesValues(t *testing.T) {
	data := []byte("\uFEFF {\"a\": [1, \"x\", true, null], \"b\": {\"c\": -2.5e3}}")
	root, err := Parse(data, Limits{Noun: "test", Depth: 4})
	if err != nil {
		t.Fatal(err)
	}
	a, c := root.Get("a"), root.Get("b").Get("c")
	tests := []struct {
		n    *Node
		kind Kind
		str  string
		at   string // the text at the node's offset
	}{
		{root, Object, "", "{"},
		{a, Array, "", "["},
		{a.Elems[0], Number, "1", "1"},
		{a.Elems[1], String, "x", `"x"`},
		{a.Elems[2], Bool, "true", "true"},
		{a.Elems[3], Null, "null", "null"},
		{c, Number, "-2.5e3", "-2.5e3"},
	}
	for _, tt := range tests {
		if tt.n.Kind != tt.kind || tt.n.Str != tt.str || !strings.HasPrefix(string(data[tt.n.Off:]), tt.at) {
			t.Errorf("%s %q at %d (%.8q); want %s %q at %q", tt.n.Kind, tt.n.Str, tt.n.Off, data[tt.n.Off:], tt.kind, tt.str, tt.at)
		}
	}
	if root.Get("missing") != nil || a.Get("a") != nil {
		t.Error("Get found a field that is not there")
	}
}

// TestParseLimits: a file past a limit is refused at the first value past
// it, with that value's path, and a message from the caller when it has one.
func TestParseLimits(t *testing.T) {
	tests := []struct {
		name string
		data string
		lim  Limits
		off  int
		path string
		msg  string
	}{
		{"depth", `{"a": [[1]]}`, Limits{Noun: "test", Depth: 2}, 7, "", "nesting deeper than 2 levels: a test is never this deep"},
		{"list", `{"a": {"b": [1, 2, 3]}}`, Limits{Noun: "test", Depth: 9, List: 2}, 19, "$.a.b[2]", "a list of more than 2 values: far more than a test holds"},
		{"list message", `[0, 0]`, Limits{Depth: 9, List: 1, TooLong: func(path string) string { return "too long: " + path }}, 4, "$[1]", "too long: $"},
		{"values", `{"a": [1, {"b": 2}]}`, Limits{Noun: "test", Depth: 9, Values: 4}, 16, "$.a[1].b", "more than 4 JSON values: far more than a test holds"},
		{"values message", `[0, 0]`, Limits{Depth: 9, Values: 2, TooMany: "too many"}, 4, "$[1]", "too many"},
		{"trailing comma", "[0,\n]", Limits{Depth: 9}, 4, "", "trailing comma before ]: remove the last comma"},
		{"after the end", `{} x`, Limits{Noun: "test", Depth: 9}, 3, "", `unexpected 'x' after the end of the test object`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.data), tt.lim)
			if err == nil || err.Off != tt.off || err.Path != tt.path || err.Msg != tt.msg {
				t.Errorf("error %+v; want {Off:%d Path:%s Msg:%s}", err, tt.off, tt.path, tt.msg)
			}
		})
	}
}
