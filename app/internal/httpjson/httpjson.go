// Package httpjson is how every JSON answer is written: the site's
// (oEmbed, the embed page's snippets) through the server's response path,
// and the studio's API, which answers on its own, since the server
// mounts it (the studio cannot reach back into the server).
package httpjson

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
)

// Type is the Content-Type of a JSON answer.
const Type = "application/json; charset=utf-8"

// Marshal writes v as JSON, on one line ending in a new line. '<', '>'
// and '&' are written as they are, not as \u003c: an answer is Type with
// nosniff (the server's and the studio's guard set it), so no browser
// reads it as HTML, and escaping would make a story of markup-heavy text
// six times its size, past what the studio's page reads.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write answers with status and v, whole: its length is known before
// the first byte is sent, and a v that cannot be written (a value JSON
// has no form for) is a 500, not half an answer.
func Write(w http.ResponseWriter, status int, v any) {
	body, err := Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		body = []byte(`{"error":"the answer could not be written"}` + "\n")
	}
	h := w.Header()
	h.Set("Content-Type", Type)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}
