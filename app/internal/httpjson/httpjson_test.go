package httpjson

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// TestWrite: an answer is the value's JSON, markup as it is, with its
// type and length; a value JSON has no form for is a 500 with a reason,
// never half an answer.
func TestWrite(t *testing.T) {
	for _, tc := range []struct {
		name   string
		status int
		v      any
		want   int
		body   string
	}{
		{"markup as it is", http.StatusOK, map[string]string{"text": "<b>&</b>"}, http.StatusOK, `{"text":"<b>&</b>"}` + "\n"},
		{"a refusal", http.StatusConflict, map[string]string{"error": "changed"}, http.StatusConflict, `{"error":"changed"}` + "\n"},
		{"no JSON for it", http.StatusOK, map[string]any{"f": func() {}}, http.StatusInternalServerError, `{"error":"the answer could not be written"}` + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { Write(w, tc.status, tc.v) }))
			defer srv.Close()
			res, err := http.Get(srv.URL)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, err := io.ReadAll(res.Body)
			if err != nil {
				t.Fatal(err)
			}
			if res.StatusCode != tc.want || string(b) != tc.body || res.Header.Get("Content-Type") != Type || res.Header.Get("Content-Length") != strconv.Itoa(len(b)) {
				t.Errorf("%d %s %q %s", res.StatusCode, res.Header.Get("Content-Type"), b, res.Header.Get("Content-Length"))
			}
		})
	}
}
