package share

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"sync"
)

// Size is an image's size in pixels.
type Size struct{ W, H int }

// The two sizes social sites ask for: the large link preview (Open
// Graph, X's summary_large_image) and the square most chat apps crop to.
var (
	Landscape = Size{1200, 630}
	Square    = Size{1080, 1080}
)

// Theme is a card's colours. Accent is the publisher's; it marks (bars,
// the timeline's events) and is never the colour of text. Text and Muted
// are raised to WCAG AA contrast on Background if they fall short.
type Theme struct {
	Accent, Background, Text, Muted color.RGBA
}

// DefaultTheme is a white card with near-black text and the given accent.
func DefaultTheme(accent color.RGBA) Theme {
	return Theme{
		Accent:     accent,
		Background: color.RGBA{0xff, 0xff, 0xff, 0xff},
		Text:       color.RGBA{0x1a, 0x1a, 0x1a, 0xff},
		Muted:      color.RGBA{0x59, 0x5f, 0x66, 0xff},
	}
}

// Options configures a Renderer.
type Options struct {
	// Fonts are extra font files (TrueType, OpenType or collections),
	// tried after the built-in Noto fonts: a publisher's folder for CJK
	// or any script Noto Sans here does not cover.
	Fonts [][]byte
}

// Renderer draws cards. It is safe for concurrent use.
type Renderer struct {
	fams  []family
	pool  sync.Pool
	check *fontmap // for Missing; guarded by mu
	mu    sync.Mutex
}

// New parses the fonts once.
func New(opts Options) (*Renderer, error) {
	fams, err := loadFonts(opts.Fonts)
	if err != nil {
		return nil, err
	}
	r := &Renderer{fams: fams, check: newFontmap(fams, false)}
	r.pool.New = func() any {
		return &work{regular: newFontmap(fams, false), bold: newFontmap(fams, true)}
	}
	return r, nil
}

// Missing lists the characters of text that no font of the renderer has,
// each once, for a warning when a story is checked.
func (r *Renderer) Missing(text string) []rune {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.check.missing(text)
}

// missingError is the error for texts with characters no font has.
func (r *Renderer) missingError(texts ...string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if m := r.check.missing(texts...); len(m) > 0 {
		return &MissingError{Runes: m}
	}
	return nil
}

func (r *Renderer) work() *work  { return r.pool.Get().(*work) }
func (r *Renderer) done(w *work) { r.pool.Put(w) }

func checkSize(s Size) error {
	if s.W < 200 || s.H < 200 || s.W > 4096 || s.H > 4096 {
		return errors.New("share: image size must be between 200 and 4096 pixels a side")
	}
	return nil
}

// encode writes the image as PNG. The compression level is fixed so the
// same picture is the same bytes on every run and every machine with this
// Go version; the image is opaque, so PNG stores RGB.
func encode(img *image.RGBA) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
