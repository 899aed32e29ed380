package i18n

import (
	"encoding/json"
	"reflect"
	"testing"
)

// DecodePack reads every language's pack, as the server writes it into
// a page (where the build has the catalogues), as encoding/json reads it.
func TestDecodePackAsEncodingJSON(t *testing.T) {
	texts := map[string][]byte{
		"forms and texts": []byte(`{"lang":"xx","words":{"a":"text","b":{"one":"1","other":"n"},"c":{}},"cldr":{"tag":"xx"},"extra":1}`),
	}
	for tag, data := range everyPack(t) {
		texts[tag] = data
	}
	for name, data := range texts {
		var want Pack
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("%s: encoding/json: %v", name, err)
		}
		got, err := DecodePack(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s: DecodePack and encoding/json read it otherwise", name)
		}
	}
}

// A message is a text or an object of forms; anything else, or what is
// not a pack, is refused, as encoding/json refuses it.
func TestDecodePackRefuses(t *testing.T) {
	for _, data := range []string{`{"words":{"a":1}}`, `{"words":{"a":null}}`, `{"words":{"a":["x"]}}`, `{"words":[]}`, `{"lang":"en"`, `[]`} {
		if json.Unmarshal([]byte(data), &Pack{}) == nil {
			t.Fatalf("encoding/json takes %s: not a case of refusal", data)
		}
		if _, err := DecodePack([]byte(data)); err == nil {
			t.Errorf("DecodePack took %s", data)
		}
	}
}
