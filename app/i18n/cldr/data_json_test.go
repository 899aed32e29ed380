package cldr

import (
	"encoding/json"
	"reflect"
	"testing"

	"explainer/app/internal/jsonread"
	"explainer/app/internal/jsonread/jsonreadtest"
)

// readData is ReadData over a whole text.
func readData(data []byte) (Data, error) {
	var d Data
	r := jsonread.New(data, "cldr JSON")
	ReadData(r, &d)
	return d, r.End()
}

// Every field of Data, filled and marshalled, is read back: a field
// added to Data without a case in ReadData fails here.
func TestReadDataReadsEveryField(t *testing.T) {
	var want Data
	jsonreadtest.Fill(&want)
	data, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := readData(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadData lost fields; it read %+v", got)
	}
}

// ReadData reads every locale's data (where the build embeds them) as
// encoding/json does, and a pair as encoding/json reads a Go array.
func TestReadDataAsEncodingJSON(t *testing.T) {
	texts := map[string][]byte{
		"a short pair":   []byte(`{"eras":["BC"],"quotes":["«","»","extra"],"ampm":null}`),
		"numbers":        []byte(`{"minGrp":2,"grp2":0,"flex":[{"from":360,"name":"morning"},{"from":-0}]}`),
		"nested maps":    []byte(`{"units":{"year":{"one":"{0} year","other":"{0} years"},"day":null},"plural":{}}`),
		"unknown fields": []byte(`{"tag":"x","new":{"a":[1,2.5]},"more":[null]}`),
	}
	for tag, data := range everyLocale(t) {
		texts[tag] = data
	}
	for name, data := range texts {
		var want Data
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: encoding/json: %v", name, err)
		}
		got, err := readData(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: ReadData read %+v; encoding/json %+v", name, got, want)
		}
	}
}

// An integer field takes only an integer, as encoding/json's does.
func TestReadDataRefuses(t *testing.T) {
	for _, data := range []string{`{"minGrp":1.5}`, `{"minGrp":1e2}`, `{"minGrp":"2"}`, `{"flex":[{"from":true}]}`, `{"eras":{}}`, `{"units":[]}`} {
		if json.Unmarshal([]byte(data), &Data{}) == nil {
			t.Fatalf("encoding/json takes %s: not a case of refusal", data)
		}
		if _, err := readData([]byte(data)); err == nil {
			t.Errorf("ReadData took %s", data)
		}
	}
}
