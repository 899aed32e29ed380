package share

import (
	"bytes"
	"embed"
	"fmt"
	"unicode"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
)

// The built-in fonts: Noto, under the SIL Open Font Licence (fonts/OFL.txt).
//
//go:embed fonts/*.ttf fonts/OFL.txt
var fontFiles embed.FS

// builtin lists the embedded fonts in fallback order, with the script
// each one is preferred for (0: any script it covers). Noto Sans comes
// first: it covers Latin, Cyrillic, Greek and the common punctuation.
var builtin = []struct {
	regular, bold string
	script        language.Script
}{
	{"NotoSans-Regular.ttf", "NotoSans-Bold.ttf", 0},
	{"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", language.Arabic},
	{"NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf", language.Hebrew},
	{"NotoSansDevanagari-Regular.ttf", "NotoSansDevanagari-Bold.ttf", language.Devanagari},
	{"NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf", language.Bengali},
}

// family is one typeface in the fallback chain. Fonts are immutable and
// shared by every render; faces (which cache) are made per render.
type family struct {
	regular, bold *font.Font
	script        language.Script
}

// loadFonts parses the built-in fonts and the publisher's extra ones (a
// folder's .ttf/.otf/.ttc files, read by the caller), extras last: they
// add scripts, they do not restyle the ones Noto covers.
func loadFonts(extra [][]byte) ([]family, error) {
	var fams []family
	for _, b := range builtin {
		reg, err := parseEmbedded(b.regular)
		if err != nil {
			return nil, err
		}
		bold, err := parseEmbedded(b.bold)
		if err != nil {
			return nil, err
		}
		fams = append(fams, family{regular: reg, bold: bold, script: b.script})
	}
	for i, data := range extra {
		fonts, err := parseAny(data)
		if err != nil {
			return nil, fmt.Errorf("share: extra font %d: %w", i, err)
		}
		// An extra font has one weight here: its bold is itself.
		for _, f := range fonts {
			fams = append(fams, family{regular: f, bold: f})
		}
	}
	return fams, nil
}

func parseEmbedded(name string) (*font.Font, error) {
	data, err := fontFiles.ReadFile("fonts/" + name)
	if err != nil {
		return nil, fmt.Errorf("share: built-in font %s: %w", name, err)
	}
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("share: built-in font %s: %w", name, err)
	}
	return face.Font, nil
}

// parseAny reads a single font or a collection.
func parseAny(data []byte) ([]*font.Font, error) {
	if face, err := font.ParseTTF(bytes.NewReader(data)); err == nil {
		return []*font.Font{face.Font}, nil
	}
	faces, err := font.ParseTTC(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("not a TrueType/OpenType font or collection: %w", err)
	}
	fonts := make([]*font.Font, len(faces))
	for i, f := range faces {
		fonts[i] = f.Font
	}
	return fonts, nil
}

// invisible reports runes that need no glyph: controls, format characters
// (ZWJ, ZWNJ, bidi marks) and variation selectors are consumed by the
// shaper, never drawn.
func invisible(r rune) bool {
	return r == '\n' || r == '\t' || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) ||
		unicode.Is(unicode.Variation_Selector, r)
}

// fontmap picks the face for each rune: the font preferred for the run's
// script if it has the rune, else the first font in the chain that has
// it. Keeping a script's neutral characters (digits, spaces, commas) in
// that script's font keeps them shaped and sized with the words around
// them.
type fontmap struct {
	faces   []*font.Face
	scripts []language.Script
	script  language.Script
}

func newFontmap(fams []family, bold bool) *fontmap {
	m := &fontmap{}
	for _, f := range fams {
		ft := f.regular
		if bold {
			ft = f.bold
		}
		m.faces = append(m.faces, font.NewFace(ft))
		m.scripts = append(m.scripts, f.script)
	}
	return m
}

func (m *fontmap) SetScript(s language.Script) { m.script = s }

func (m *fontmap) ResolveFace(r rune) *font.Face {
	for i, s := range m.scripts {
		if s != 0 && s == m.script {
			if _, ok := m.faces[i].NominalGlyph(r); ok {
				return m.faces[i]
			}
		}
	}
	if f := m.find(r); f != nil {
		return f
	}
	return m.faces[0]
}

// find returns the first face with a glyph for r, or nil.
func (m *fontmap) find(r rune) *font.Face {
	for _, f := range m.faces {
		if _, ok := f.NominalGlyph(r); ok {
			return f
		}
	}
	return nil
}

// missing lists, once each and in order of appearance, the runes of texts
// that no face has.
func (m *fontmap) missing(texts ...string) []rune {
	var out []rune
	seen := map[rune]bool{}
	for _, t := range texts {
		for _, r := range t {
			if seen[r] || invisible(r) {
				continue
			}
			seen[r] = true
			if m.find(r) == nil {
				out = append(out, r)
			}
		}
	}
	return out
}

// MissingError is returned when text has characters no font can draw.
// Nothing is drawn in their place: the caller warns and the editor picks
// a font folder or changes the text.
type MissingError struct {
	Runes []rune
}

func (e *MissingError) Error() string {
	var b bytes.Buffer
	b.WriteString("share: no font has ")
	for i, r := range e.Runes {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q (U+%04X)", r, r)
	}
	b.WriteString("; add a font that has them")
	return b.String()
}
