package i18n

import (
	"explainer/app/i18n/cldr"
	"explainer/app/internal/jsonread"
)

// DecodePack reads a pack as Marshal writes it, which is how a page
// carries its words, without reflection (jsonread): the reader's
// WebAssembly reads it at every start, and encoding/json, which studies
// each type by reflection first, spent most of that time doing so.
func DecodePack(data []byte) (*Pack, error) {
	r := jsonread.New(data, "words JSON")
	var p Pack
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "lang":
			p.Lang = Locale(r.Str())
		case "words":
			jsonread.Map(r, &p.Words, readMessage)
		case "cldr":
			cldr.ReadData(r, &p.CLDR)
		default:
			return false
		}
		return true
	})
	if err := r.End(); err != nil {
		return nil, err
	}
	return &p, nil
}

// readMessage reads a message as Message.UnmarshalJSON does: a text, or
// an object of plural forms.
func readMessage(r *jsonread.Reader, m *Message) {
	switch r.Next() {
	case '"':
		m.Text, m.Forms = r.Str(), nil
	case '{':
		m.Text = ""
		jsonread.Map(r, &m.Forms, jsonread.String)
	default:
		r.Fail("message: a message is a text or an object of plural forms")
	}
}
