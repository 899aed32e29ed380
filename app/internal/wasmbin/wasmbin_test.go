package wasmbin

import (
	"encoding/hex"
	"testing"
)

// The numbers read and written are WebAssembly's LEB128, byte for byte.
func TestLEB128(t *testing.T) {
	for _, c := range []struct {
		v    uint64
		leb  string
		read bool // only read: a padded form Go's linker writes
	}{
		{0, "00", false}, {127, "7f", false}, {128, "8001", false}, {624485, "e58e26", false},
		{1<<32 - 1, "ffffffff0f", false}, {0, "8080808000", true}, {5, "8580808000", true},
	} {
		b, _ := hex.DecodeString(c.leb)
		if !c.read {
			if got := hex.EncodeToString(AppendUint(nil, c.v)); got != c.leb {
				t.Errorf("AppendUint(%d) = %s; want %s", c.v, got, c.leb)
			}
		}
		r := NewReader(b)
		if got := r.Uint(); uint64(got) != c.v || r.Err() != nil || r.Offset() != len(b) {
			t.Errorf("uint of %s = %d (%v); want %d", c.leb, got, r.Err(), c.v)
		}
	}
	for _, c := range []struct {
		v   int32
		leb string
	}{
		{0, "00"}, {-1, "7f"}, {63, "3f"}, {64, "c000"}, {-64, "40"}, {-65, "bf7f"},
		{-123456, "c0bb78"}, {1<<31 - 1, "ffffffff07"}, {-1 << 31, "8080808078"},
	} {
		if got := hex.EncodeToString(AppendInt32(nil, c.v)); got != c.leb {
			t.Errorf("AppendInt32(%d) = %s; want %s", c.v, got, c.leb)
		}
		b, _ := hex.DecodeString(c.leb)
		r := NewReader(b)
		if got := r.Int32(); got != c.v || r.Err() != nil {
			t.Errorf("int32 of %s = %d (%v); want %d", c.leb, got, r.Err(), c.v)
		}
	}
	for _, bad := range []string{"ffffffff1f", "8080808080", "80"} { // past 32 bits; no end
		b, _ := hex.DecodeString(bad)
		r := NewReader(b)
		if r.Uint(); r.Err() == nil {
			t.Errorf("uint took %s", bad)
		}
	}
	for _, bad := range []string{"ffffffff0f", "ffffffff1f", "8080808080", "ff"} { // 2³²-1 is no int32
		b, _ := hex.DecodeString(bad)
		r := NewReader(b)
		if r.Int32(); r.Err() == nil {
			t.Errorf("int32 took %s", bad)
		}
	}
}

// ImportKinds names each import's kind, and refuses one it does not know.
func TestImportKinds(t *testing.T) {
	// env.f: a function of type 0; env.m: a memory of 1..2 pages; env.t:
	// a table of funcref, at least 9; env.g: an immutable i32; env.e: a tag.
	body, _ := hex.DecodeString("05" +
		"03656e760166" + "00" + "00" +
		"03656e76016d" + "02" + "010102" +
		"03656e760174" + "01" + "70" + "0009" +
		"03656e760167" + "03" + "7f00" +
		"03656e760165" + "04" + "0000")
	kinds, err := ImportKinds(body)
	if err != nil || string(kinds) != "\x00\x02\x01\x03\x04" {
		t.Errorf("ImportKinds = %v, %v; want [0 2 1 3 4]", kinds, err)
	}
	if _, err := ImportKinds(append([]byte{1, 3, 'e', 'n', 'v', 1, 'x'}, 9)); err == nil {
		t.Error("an import of kind 9 was taken")
	}
	if _, err := ImportKinds([]byte{2, 3, 'e', 'n', 'v', 1, 'f', 0, 0}); err != ErrShort {
		t.Errorf("a section cut short: %v", err)
	}
}
