package jsonread

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// row is a value of each kind the package reads, for comparing its
// readers with encoding/json.
type row struct {
	N    int               `json:"n"`
	S    string            `json:"s"`
	B    bool              `json:"b"`
	L    []string          `json:"l"`
	M    map[string]string `json:"m"`
	P    *row              `json:"p"`
	Rest []row             `json:"rest"`
}

func readRow(r *Reader, v *row) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "n":
			v.N = r.Int()
		case "s":
			v.S = r.Str()
		case "b":
			v.B = r.Bool()
		case "l":
			List(r, &v.L, String)
		case "m":
			Map(r, &v.M, String)
		case "p":
			Pointer(r, &v.P, readRow)
		case "rest":
			List(r, &v.Rest, readRow)
		default:
			return false
		}
		return true
	})
}

// The readers read what encoding/json reads, into the same values,
// including into a value that holds some already (as a pointer's does
// when its name comes twice).
func TestReadersAsEncodingJSON(t *testing.T) {
	for _, data := range []string{
		`{"n":-12,"s":"a\u00e9\n","b":true,"l":["x","y"],"m":{"k":"v","k2":""},"p":{"n":1,"p":null},"rest":[{},{"l":[]}]}`,
		`{"n":null,"s":null,"b":null,"l":null,"m":null,"p":null,"rest":null}`,
		`{"m":{"a":"1"},"m":{"b":"2"}}`,
		`{"p":{"n":1},"p":{"s":"x"}}`,
		`{"skipped":{"deep":[[[{"x":-0.5E+3}]]],"t":true,"f":false,"n":null,"s":"\ud83d\ude42"}}`,
		` { } `,
		`null`,
	} {
		var want, got row
		if err := json.Unmarshal([]byte(data), &want); err != nil {
			t.Fatalf("encoding/json: %s: %v", data, err)
		}
		r := New([]byte(data), "test JSON")
		readRow(r, &got)
		if err := r.End(); err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read %+v; encoding/json %+v", data, got, want)
		}
	}
}

// An error names the text and where it went wrong, and stops the
// reading: later reads give zero values.
func TestErrors(t *testing.T) {
	for data, want := range map[string]string{
		`{"n":1.5}`:         "test JSON: unexpected number for an integer at byte 5",
		`{"n":1} x`:         "test JSON: unexpected text after the value at byte 8",
		`{"s":"a`:           "test JSON: unexpected end in a string at byte 7",
		`{"l":["a" "b"]}`:   `test JSON: unexpected '"' at byte 10`,
		`{"rest":[{"n":}]}`: "test JSON: unexpected number at byte 14",
	} {
		r := New([]byte(data), "test JSON")
		var v row
		readRow(r, &v)
		err := r.End()
		if err == nil || err.Error() != want {
			t.Errorf("%s: error %v; want %q", data, err, want)
		}
		if s := r.Str(); s != "" || r.Int() != 0 || r.Bool() {
			t.Errorf("%s: a read after the error gave a value", data)
		}
	}
	deep := strings.Repeat(`{"p":`, 10001) + "null" + strings.Repeat("}", 10001)
	r := New([]byte(deep), "test JSON")
	readRow(r, &row{})
	if err := r.End(); err == nil || !strings.Contains(err.Error(), "nesting deeper than 10000") {
		t.Errorf("text nested 10,001 deep: %v", err)
	}
	if err := json.Unmarshal([]byte(deep), &row{}); err == nil {
		t.Error("encoding/json took text nested 10,001 deep: not a case of refusal")
	}
	r = New([]byte(`{}`), "test JSON")
	r.Fail("thing")
	if err := r.Err(); err == nil || !strings.Contains(err.Error(), "unexpected thing at byte 0") {
		t.Errorf("Fail: %v", err)
	}
}
