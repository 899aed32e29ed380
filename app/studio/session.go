package studio

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// sessionLife is how long a browser may edit after opening the studio's
// link: a working day, then the link again.
const sessionLife = 12 * time.Hour

// sessions are what a browser holds once it has presented the edit token:
// an expiry, signed with a key made at start (HMAC-SHA256). The cookie is
// never the token itself, so that a copied cookie (a shared browser
// profile, a proxy's log) stops working when it expires or the server
// restarts, and the token, which may be the same for days, stays out of
// the browser.
type sessions struct {
	key []byte
	now func() time.Time
}

func newSessions() (sessions, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return sessions{}, err
	}
	return sessions{key: key, now: time.Now}, nil
}

// start returns a new session's cookie value: "expiry.signature".
func (s sessions) start() string {
	exp := strconv.FormatInt(s.now().Add(sessionLife).Unix(), 10)
	return exp + "." + s.sign(exp)
}

// valid reports whether v is a session this server signed, not expired.
func (s sessions) valid(v string) bool {
	exp, sig, ok := strings.Cut(v, ".")
	if !ok || !hmac.Equal([]byte(sig), []byte(s.sign(exp))) {
		return false
	}
	unix, err := strconv.ParseInt(exp, 10, 64)
	return err == nil && s.now().Unix() < unix
}

func (s sessions) sign(exp string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte("explainer studio session\x00" + exp))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}
