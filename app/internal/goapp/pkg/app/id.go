package app

import (
	"encoding/hex"
	"math/rand/v2"
)

// newID returns a random identifier in the form of a UUID (version 4).
// Patched: upstream called uuid.NewString, whose crypto/rand brings FIPS
// 140's DRBG and AES into the WebAssembly; these ids (a context's, a
// broadcast store's) tell apart instances in one browser and need to be
// unique, not secret, which math/rand/v2's ChaCha8 gives.
func newID() string {
	var b [16]byte
	for i := 0; i < len(b); i += 8 {
		v := rand.Uint64()
		for j := range 8 {
			b[i+j] = byte(v >> (8 * j))
		}
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
