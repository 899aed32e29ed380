//go:build wasm

package app

import "errors"

// Patched: in the browser, encrypted state (Context.Encrypt, a state
// persisted with encryption) is left out. crypto/aes, crypto/cipher and
// crypto/rand bring FIPS 140's AES, GCM, SHA-2/3, HMAC and DRBG into every
// WebAssembly that links this package, used or not; a program that needs
// encrypted state uses upstream's go-app.
//
// The error is the standard library's: go-app's errors.New, at package
// init, read the caller's file and line and formatted them, the first use
// of fmt and of the runtime's line tables, at every start of every
// program (8 ms of a phone's first task).
var errNoCrypto = errors.New("encrypted state is not in this WebAssembly build of go-app")

func encrypt(key string, v []byte) ([]byte, error) { return nil, errNoCrypto }

func decrypt(key string, v []byte) ([]byte, error) { return nil, errNoCrypto }
