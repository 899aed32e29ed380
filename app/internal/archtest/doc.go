// Package archtest holds the module's rule of imports to its test: each
// package's code imports of this module only what the README's
// architecture table lets it, in every build (the server's, the reader's
// WebAssembly and the studio's).
package archtest
