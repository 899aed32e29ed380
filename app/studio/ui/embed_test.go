//go:build !wasm

package ui

import "testing"

// TestLoopback: the embed panel tells this computer's addresses from
// others.
func TestLoopback(t *testing.T) {
	tests := []struct {
		host string
		want bool
	}{
		{"127.0.0.1", true}, {"::1", true}, {"localhost", true},
		{"newsroom.internal", false}, {"10.0.0.5", false}, {"", false},
	}
	for _, tt := range tests {
		if got := loopback(tt.host); got != tt.want {
			t.Errorf("loopback(%q) = %v", tt.host, got)
		}
	}
}
