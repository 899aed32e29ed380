// Package share draws a story's and a quote's share images (the pictures
// that unfurl on social media and in chat) as PNG, on the server.
//
// Text is shaped with go-text/typesetting (a HarfBuzz port: Arabic
// joining, Indic clusters, bidi), wrapped at line-break opportunities and
// set at the largest size that fits its box, then rasterised from the
// glyph outlines with golang.org/x/image/vector. No cgo, no system fonts:
// the Noto fonts for Latin, Cyrillic, Greek, Arabic, Hebrew,
// Devanagari and Bengali are embedded (fonts/, SIL Open Font Licence, fonts/OFL.txt)
// and a publisher may add others (CJK, …) as bytes. A character no font
// has is never drawn as a box: rendering fails with a *MissingError that
// lists it, and Missing tells a validator beforehand.
//
// The same inputs give the same bytes, so a republish uploads only the
// images whose content changed.
package share
