//go:build !wasm

package story

// The server embeds the whole zone database, so that one binary in a bare
// container still knows every zone. The WebAssembly does not: it would add
// some 380 KB for readers to download, where the page brings the few
// zones a story uses (see RegisterZone and Story.Zones).
import _ "time/tzdata"
