package i18n

import (
	"encoding/json"
	"errors"
)

// A message is a JSON string, or an object of plural forms; the page
// carries a pack as JSON and the WebAssembly reads it back.

// MarshalJSON writes the text, or the forms.
func (m Message) MarshalJSON() ([]byte, error) {
	if m.Forms != nil {
		return json.Marshal(m.Forms)
	}
	return json.Marshal(m.Text)
}

// UnmarshalJSON reads a string or an object of strings.
func (m *Message) UnmarshalJSON(data []byte) error {
	if len(data) > 0 && data[0] == '{' {
		m.Text = ""
		return json.Unmarshal(data, &m.Forms)
	}
	if len(data) > 0 && data[0] == '"' {
		m.Forms = nil
		return json.Unmarshal(data, &m.Text)
	}
	return errors.New("a message is a text or an object of plural forms")
}
