//go:build wasm && !studio

package widget

// prerendering is never set in the reader's WebAssembly, which has no
// StaticHTML: as a constant, the check on it in attr compiles away. The
// studio's build (-tags studio) has the variable (static.go).
const prerendering = false
