//go:build wasm

package app

import (
	"errors"
	"testing"
)

// Patched (see PATCHES.md): in the browser build, encryption fails
// plainly instead of linking the ciphers.
func TestEncryptIsLeftOut(t *testing.T) {
	if _, err := encrypt("01234567890123456789012345678901", []byte("x")); !errors.Is(err, errNoCrypto) {
		t.Errorf("encrypt: %v; want errNoCrypto", err)
	}
	if _, err := decrypt("01234567890123456789012345678901", []byte("x")); !errors.Is(err, errNoCrypto) {
		t.Errorf("decrypt: %v; want errNoCrypto", err)
	}
}
