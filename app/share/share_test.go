package share

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/language"
)

var sizes = []struct {
	name string
	s    Size
}{{"landscape", Landscape}, {"square", Square}}

// render draws every sample card at every size.
func renderAll(t *testing.T, r *Renderer) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	th := DefaultTheme(accent)
	for _, sz := range sizes {
		for _, s := range stories {
			b, err := r.Story(s.card, sz.s, th)
			if err != nil {
				t.Fatalf("story %s %s: %v", s.name, sz.name, err)
			}
			out["story-"+s.name+"-"+sz.name] = b
		}
		for _, q := range quotes {
			b, err := r.Quote(q.card, sz.s, th)
			if err != nil {
				t.Fatalf("quote %s %s: %v", q.name, sz.name, err)
			}
			out["quote-"+q.name+"-"+sz.name] = b
		}
	}
	return out
}

// TestImageSizeAndFormat: every card decodes as a PNG of the size asked.
func TestImageSizeAndFormat(t *testing.T) {
	for name, b := range renderAll(t, newRenderer(t)) {
		cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := Landscape
		if strings.HasSuffix(name, "-square") {
			want = Square
		}
		if format != "png" || cfg.Width != want.W || cfg.Height != want.H {
			t.Errorf("%s: %s %dx%d, want png %dx%d", name, format, cfg.Width, cfg.Height, want.W, want.H)
		}
		if len(b) > 300<<10 {
			t.Errorf("%s: %d bytes, more than 300 KiB", name, len(b))
		}
	}
}

// TestDeterministic: the same card is the same bytes, from the same
// renderer twice (its pooled, cached faces reused) and from a new one.
func TestDeterministic(t *testing.T) {
	r := newRenderer(t)
	a, b, c := renderAll(t, r), renderAll(t, r), renderAll(t, newRenderer(t))
	for name := range a {
		if !bytes.Equal(a[name], b[name]) || !bytes.Equal(a[name], c[name]) {
			t.Errorf("%s: different bytes on another render", name)
		}
	}
}

// TestGolden compares a card per script with testdata/<name>.png. Small
// differences (another architecture's floating point) pass; a moved or
// missing word does not. go test ./app/share -update rewrites them.
func TestGolden(t *testing.T) {
	r := newRenderer(t)
	th := DefaultTheme(accent)
	type golden struct {
		name   string
		render func() ([]byte, error)
	}
	var cases []golden
	for _, s := range stories {
		cases = append(cases, golden{"story-" + s.name, func() ([]byte, error) { return r.Story(s.card, Landscape, th) }})
	}
	for _, q := range quotes {
		cases = append(cases, golden{"quote-" + q.name, func() ([]byte, error) { return r.Quote(q.card, Landscape, th) }})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.render()
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tc.name+".png")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./app/share -update writes it)", err)
			}
			differing, mean := diff(t, decode(t, want), decode(t, got))
			// At most 0.2% of the pixels off by more than 16 in a channel,
			// and a mean difference under 0.5 of 255.
			if total := Landscape.W * Landscape.H; differing*500 > total || mean > 0.5 {
				t.Errorf("%d of %d pixels differ, mean difference %.3f: look at the card (-shots) and run -update if it is right", differing, total, mean)
			}
		})
	}
}

func decode(t *testing.T, b []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// diff counts pixels whose channels differ by more than 16 and the mean
// absolute channel difference.
func diff(t *testing.T, a, b image.Image) (int, float64) {
	t.Helper()
	if a.Bounds() != b.Bounds() {
		t.Fatalf("bounds %v and %v", a.Bounds(), b.Bounds())
	}
	var n int
	var sum float64
	bd := a.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y++ {
		for x := bd.Min.X; x < bd.Max.X; x++ {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			d := max(absd(r1, r2), absd(g1, g2), absd(b1, b2)) >> 8
			if d > 16 {
				n++
			}
			sum += float64(absd(r1, r2)+absd(g1, g2)+absd(b1, b2)) / 3 / 257
		}
	}
	return n, sum / float64(bd.Dx()*bd.Dy())
}

func absd(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// shapeLine shapes one line of text and returns its glyphs left to right.
func shapeLine(t *testing.T, r *Renderer, text string, rtl bool, lang string) []placed {
	t.Helper()
	w := r.work()
	defer r.done(w)
	p := para{text: text, rtl: rtl, lang: language.NewLanguage(lang)}
	b := w.wrapAt(p, []rune(text), 40, false, 10000, 0)
	if len(b.lines) != 1 {
		t.Fatalf("%q: %d lines", text, len(b.lines))
	}
	return b.place(0, 0, 10000, rtl)
}

// TestArabicJoinsRightToLeft: Arabic words are drawn with their joined
// forms, not the isolated letters' glyphs, and right to left. In "سلام"
// seen and lam-alef (one ligature) join; meem follows alef, which never
// joins forward, so it keeps its isolated form; in "بيت" all three join.
func TestArabicJoinsRightToLeft(t *testing.T) {
	r := newRenderer(t)
	cases := []struct {
		word     string
		order    []int        // runes' clusters, left to right on the image
		isolated map[int]bool // clusters that keep the isolated form
	}{
		{"سلام", []int{3, 1, 0}, map[int]bool{3: true}},
		{"بيت", []int{2, 1, 0}, nil},
		// Bidi: in a right-to-left paragraph the Latin run sits left of
		// the Arabic word, itself still left to right.
		{"سلام abc", []int{5, 6, 7, 4, 3, 1, 0}, map[int]bool{3: true}},
	}
	for _, tc := range cases {
		t.Run(tc.word, func(t *testing.T) {
			gs := shapeLine(t, r, tc.word, true, "ar")
			runes := []rune(tc.word)
			var order []int
			for _, g := range gs {
				order = append(order, g.text)
				if !unicode.Is(unicode.Arabic, runes[g.text]) {
					continue
				}
				iso := shapeLine(t, r, string(runes[g.text]), true, "ar")
				if got, want := g.gid == iso[0].gid, tc.isolated[g.text]; got != want {
					t.Errorf("cluster %d: glyph %d, isolated form %d: isolated %v, want %v", g.text, g.gid, iso[0].gid, got, want)
				}
			}
			if !slices.Equal(order, tc.order) {
				t.Errorf("clusters left to right %v, want %v", order, tc.order)
			}
			for i := 1; i < len(gs); i++ {
				if gs[i].x <= gs[i-1].x {
					t.Errorf("pen positions %v then %v: not left to right", gs[i-1].x, gs[i].x)
				}
			}
		})
	}
}

// TestDevanagariClusters: the vowel sign i (ि) is drawn before (left of)
// the consonant it follows in the text, in the same cluster; क्ष is one
// conjunct glyph, neither क's nor ष's.
func TestDevanagariClusters(t *testing.T) {
	r := newRenderer(t)
	gs := shapeLine(t, r, "कि", false, "hi")
	if len(gs) != 2 {
		t.Fatalf("कि: %d glyphs, want 2", len(gs))
	}
	ka, _ := gs[0].face.NominalGlyph('क')
	if gs[0].gid == ka || gs[1].gid != ka {
		t.Errorf("कि: glyphs %d %d, want the vowel sign before क (%d)", gs[0].gid, gs[1].gid, ka)
	}
	if gs[0].text != 0 || gs[1].text != 0 {
		t.Errorf("कि: clusters %d %d, want one cluster", gs[0].text, gs[1].text)
	}
	gs = shapeLine(t, r, "क्ष", false, "hi")
	ssa, _ := gs[0].face.NominalGlyph('ष')
	if len(gs) != 1 || gs[0].gid == ka || gs[0].gid == ssa {
		t.Errorf("क्ष: %d glyphs (first %d), want one conjunct glyph", len(gs), gs[0].gid)
	}
}

// quoteMarks are the quotation marks a card could draw.
const quoteMarks = "“”„‟«»‹›\"'‘’‚‛「」『』"

// marksDrawn counts the glyphs of a card that are quotation marks in
// their face.
func marksDrawn(c *canvas) int {
	n := 0
	for _, g := range c.glyphs {
		for _, m := range quoteMarks {
			if id, ok := g.face.NominalGlyph(m); ok && id == g.gid {
				n++
			}
		}
	}
	return n
}

// TestQuoteAccuracy: a direct quote's words are set verbatim between the
// marks; reported speech is set with no quotation mark glyph anywhere on
// the card and with its label; the source is always set.
func TestQuoteAccuracy(t *testing.T) {
	r := newRenderer(t)
	for _, q := range quotes {
		for _, sz := range sizes {
			t.Run(q.name+"-"+sz.name, func(t *testing.T) {
				c, err := r.quote(q.card, sz.s, DefaultTheme(accent))
				if err != nil {
					t.Fatal(err)
				}
				words := strings.TrimSpace(q.card.Words)
				if !slices.ContainsFunc(c.texts, func(s string) bool { return strings.HasSuffix(s, q.card.Source) }) {
					t.Errorf("source %q not set: %q", q.card.Source, c.texts)
				}
				if q.card.Direct {
					if !slices.Contains(c.texts, q.card.Quote[0]+words+q.card.Quote[1]) {
						t.Errorf("the words are not set verbatim in quotation marks: %q", c.texts)
					}
					if marksDrawn(c) < 2 {
						t.Errorf("%d quotation mark glyphs drawn, want the two around the words", marksDrawn(c))
					}
					return
				}
				if !slices.Contains(c.texts, q.card.ReportedLabel) || !slices.Contains(c.texts, words) {
					t.Errorf("reported speech: label or words not set: %q", c.texts)
				}
				if n := marksDrawn(c); n != 0 {
					t.Errorf("reported speech: %d quotation mark glyphs drawn", n)
				}
			})
		}
	}
}

// TestFitShrinksAndStaysInTheBox: short text takes the largest size,
// longer text a smaller one, too long text the smallest with an ellipsis;
// no glyph's ink leaves the box in any script.
func TestFitShrinksAndStaysInTheBox(t *testing.T) {
	r := newRenderer(t)
	st := style{bold: true, max: 64, min: 32, lines: 3}
	const bw, bh = 900, 260
	long := func(s string, n int) string { return strings.TrimSpace(strings.Repeat(s+" ", n)) }
	cases := []struct {
		name, text string
		rtl        bool
		lang       string
		size       func(int) bool
		truncated  bool
	}{
		{"latin short", "Ceasefire", false, "en", func(s int) bool { return s == 64 }, false},
		{"latin long", long("The long road to the ceasefire", 3), false, "en", func(s int) bool { return s < 64 && s > 32 }, false},
		{"latin too long", long("The long road to the ceasefire", 20), false, "en", func(s int) bool { return s == 32 }, true},
		{"one long word", strings.Repeat("Waffenstillstandsverhandlungen", 3), false, "de", func(s int) bool { return s < 64 }, false},
		{"arabic long", long("الطريق الطويل إلى وقف إطلاق النار", 3), true, "ar", func(s int) bool { return s < 64 && s > 32 }, false},
		{"arabic too long", long("الطريق الطويل إلى وقف إطلاق النار", 20), true, "ar", func(s int) bool { return s == 32 }, true},
		{"devanagari long", long("युद्धविराम तक का लंबा रास्ता", 4), false, "hi", func(s int) bool { return s < 64 && s > 32 }, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w := r.work()
			defer r.done(w)
			b := w.fit(para{text: tc.text, rtl: tc.rtl, lang: language.NewLanguage(tc.lang)}, st, bw, bh)
			if !tc.size(b.size) || b.truncated != tc.truncated {
				t.Errorf("size %d truncated %v", b.size, b.truncated)
			}
			if len(b.lines) > st.lines || b.height() > bh {
				t.Errorf("%d lines, %.1f px tall: over the box", len(b.lines), b.height())
			}
			box := image.Rect(100, 50, 100+bw, 50+bh)
			for _, g := range b.place(100, 50, bw, tc.rtl) {
				if !g.ink.Empty() && !g.ink.In(box.Inset(-1)) {
					t.Errorf("glyph %d at %v leaves the box %v", g.gid, g.ink, box)
				}
			}
		})
	}
}

// TestCardsKeepTheirMargins: on every sample card, no glyph's ink is
// within 40 pixels of an edge.
func TestCardsKeepTheirMargins(t *testing.T) {
	r := newRenderer(t)
	for _, sz := range sizes {
		inner := image.Rect(0, 0, sz.s.W, sz.s.H).Inset(40)
		var cs []*canvas
		for _, s := range stories {
			c, err := r.story(s.card, sz.s, DefaultTheme(accent))
			if err != nil {
				t.Fatal(err)
			}
			cs = append(cs, c)
		}
		for _, q := range quotes {
			c, err := r.quote(q.card, sz.s, DefaultTheme(accent))
			if err != nil {
				t.Fatal(err)
			}
			cs = append(cs, c)
		}
		for i, c := range cs {
			for _, g := range c.glyphs {
				if !g.ink.Empty() && !g.ink.In(inner) {
					t.Errorf("%s card %d: glyph at %v outside %v", sz.name, i, g.ink, inner)
				}
			}
		}
	}
}

// TestMissingCharacters: a character no font has is reported by Missing
// and fails the render with the characters listed; formatting characters
// (ZWJ, bidi marks) are not missing; an extra font fills the gap.
func TestMissingCharacters(t *testing.T) {
	r := newRenderer(t)
	cases := []struct {
		name  string
		title string
		want  []rune
	}{
		{"cjk", "和平 talks", []rune{'和', '平'}},
		{"thai", "สันติ", []rune("สันติ")},
		{"emoji", "Peace 🕊", []rune{'🕊'}},
		{"covered", "Мир, سلام, שלום, शांति, Ειρήνη", nil},
		{"format characters", "a\u200db\u200fc\u2066d\u2069\ufe0f", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := r.Missing(tc.title); !slices.Equal(got, tc.want) {
				t.Errorf("Missing = %q, want %q", string(got), string(tc.want))
			}
			_, err := r.Story(StoryCard{Title: tc.title, Selected: -1}, Landscape, DefaultTheme(accent))
			var me *MissingError
			if tc.want == nil {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.As(err, &me) || !slices.Equal(me.Runes, tc.want) {
				t.Fatalf("err = %v, want a MissingError for %q", err, string(tc.want))
			}
			if !strings.Contains(err.Error(), string(tc.want[0])) {
				t.Errorf("error %q does not name %q", err, tc.want[0])
			}
		})
	}
	thai, err := os.ReadFile(filepath.Join("testdata", "NotoSansThai-Regular.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	rx, err := New(Options{Fonts: [][]byte{thai}})
	if err != nil {
		t.Fatal(err)
	}
	if m := rx.Missing("สันติภาพ"); len(m) != 0 {
		t.Errorf("with the Thai font, missing %q", string(m))
	}
	if _, err := rx.Story(StoryCard{Title: "สันติภาพ", Selected: -1}, Landscape, DefaultTheme(accent)); err != nil {
		t.Errorf("with the Thai font: %v", err)
	}
}

// TestBadInput: each card's errors name what is wrong.
func TestBadInput(t *testing.T) {
	r := newRenderer(t)
	good := quotes[0].card
	th := DefaultTheme(accent)
	cases := []struct {
		name string
		err  func() error
		want string
	}{
		{"no source", func() error { q := good; q.Source = " "; _, err := r.Quote(q, Landscape, th); return err }, "source"},
		{"no words", func() error { q := good; q.Words = ""; _, err := r.Quote(q, Landscape, th); return err }, "words"},
		{"no speaker", func() error { q := good; q.Speaker = ""; _, err := r.Quote(q, Landscape, th); return err }, "speaker"},
		{"direct without marks", func() error { q := good; q.Quote = [2]string{}; _, err := r.Quote(q, Landscape, th); return err }, "quotation marks"},
		{"reported without label", func() error {
			q := good
			q.Direct, q.ReportedLabel = false, ""
			_, err := r.Quote(q, Landscape, th)
			return err
		}, "label"},
		{"words too long", func() error {
			q := good
			q.Words = strings.Repeat("We will not sign. ", 200)
			_, err := r.Quote(q, Landscape, th)
			return err
		}, "never cut"},
		{"bad direction", func() error { q := good; q.Dir = "up"; _, err := r.Quote(q, Landscape, th); return err }, "Dir"},
		{"no title", func() error { _, err := r.Story(StoryCard{}, Landscape, th); return err }, "title"},
		{"tiny", func() error { _, err := r.Story(stories[0].card, Size{10, 10}, th); return err }, "size"},
		{"bad font", func() error { _, err := New(Options{Fonts: [][]byte{[]byte("not a font")}}); return err }, "extra font 0"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one naming %q", err, tc.want)
			}
		})
	}
}

// TestContrast: whatever theme the publisher gives, text is drawn at WCAG
// AA contrast (4.5:1) and the accent at 3:1, measured on the colours the
// card uses and found in the image.
func TestContrast(t *testing.T) {
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	themes := []struct {
		name string
		t    Theme
	}{
		{"default", DefaultTheme(accent)},
		{"pale accent and grey", Theme{Accent: color.RGBA{0xff, 0xee, 0x58, 0xff}, Background: white, Text: color.RGBA{0x99, 0x99, 0x99, 0xff}, Muted: color.RGBA{0xcc, 0xcc, 0xcc, 0xff}}},
		{"dark", Theme{Accent: color.RGBA{0x10, 0x20, 0x60, 0xff}, Background: color.RGBA{0x12, 0x12, 0x12, 0xff}, Text: color.RGBA{0x30, 0x30, 0x30, 0xff}, Muted: color.RGBA{0x55, 0x55, 0x55, 0xff}}},
	}
	r := newRenderer(t)
	for _, tc := range themes {
		t.Run(tc.name, func(t *testing.T) {
			s := settle(tc.t)
			for _, c := range []struct {
				name string
				c    color.RGBA
				min  float64
			}{{"text", s.Text, 4.5}, {"muted", s.Muted, 4.5}, {"accent", s.Accent, 3}} {
				if got := contrast(c.c, s.Background); got < c.min {
					t.Errorf("%s %v on %v: %.2f:1, want %.1f:1", c.name, c.c, s.Background, got, c.min)
				}
			}
			b, err := r.Story(stories[0].card, Landscape, tc.t)
			if err != nil {
				t.Fatal(err)
			}
			img := decode(t, b)
			var text, muted int
			bd := img.Bounds()
			for y := bd.Min.Y; y < bd.Max.Y; y++ {
				for x := bd.Min.X; x < bd.Max.X; x++ {
					switch color.RGBAModel.Convert(img.At(x, y)).(color.RGBA) {
					case s.Text:
						text++
					case s.Muted:
						muted++
					}
				}
			}
			// The glyphs' solid insides are exactly the settled colours.
			if text < 5000 || muted < 1000 {
				t.Errorf("%d pixels of the text colour and %d of the muted one", text, muted)
			}
		})
	}
}

// TestRightToLeftMirrors: on an RTL card the timeline runs right to left
// (the first event at the right) and the text is right-aligned.
func TestRightToLeftMirrors(t *testing.T) {
	r := newRenderer(t)
	for _, tc := range []struct {
		dir       string
		markRight bool
	}{{"ltr", false}, {"rtl", true}} {
		t.Run(tc.dir, func(t *testing.T) {
			c, err := r.story(StoryCard{Title: "Short", Dir: tc.dir, Marks: []float64{0}, Selected: -1}, Landscape, DefaultTheme(accent))
			if err != nil {
				t.Fatal(err)
			}
			mid := Landscape.W / 2
			var inkL, inkR int
			for _, g := range c.glyphs {
				if g.ink.Max.X <= mid {
					inkL++
				} else {
					inkR++
				}
			}
			if (inkR > inkL) != tc.markRight {
				t.Errorf("glyphs left %d right %d of the middle", inkL, inkR)
			}
			// The accent's dots below the band: count each half's.
			acc := settle(DefaultTheme(accent)).Accent
			var left, right int
			for y := 40; y < Landscape.H; y++ {
				for x := 0; x < Landscape.W; x++ {
					if c.img.RGBAAt(x, y) == acc {
						if x < mid {
							left++
						} else {
							right++
						}
					}
				}
			}
			if left+right == 0 || (right > left) != tc.markRight {
				t.Errorf("accent pixels left %d right %d", left, right)
			}
		})
	}
}

// TestConcurrentRenders: a Renderer shared by many requests gives each
// the same bytes as a render alone (faces and shapers are per render).
func TestConcurrentRenders(t *testing.T) {
	r := newRenderer(t)
	want := renderAll(t, r)
	type result struct {
		name string
		b    []byte
		err  error
	}
	out := make(chan result)
	for _, q := range quotes {
		for _, s := range stories {
			go func() {
				b, err := r.Story(s.card, Landscape, DefaultTheme(accent))
				out <- result{"story-" + s.name + "-landscape", b, err}
			}()
		}
		go func() {
			b, err := r.Quote(q.card, Landscape, DefaultTheme(accent))
			out <- result{"quote-" + q.name + "-landscape", b, err}
		}()
	}
	for range len(quotes) * (len(stories) + 1) {
		res := <-out
		if res.err != nil {
			t.Fatal(res.err)
		}
		if !bytes.Equal(res.b, want[res.name]) {
			t.Errorf("%s: different bytes when rendered alongside others", res.name)
		}
	}
}

// TestLogoAndPortrait: the logo sits at the top, at the edge opposite
// the text's start; the portrait is the centre of a tall picture (its
// top and bottom bands cropped away), in a circle at the text's start.
func TestLogoAndPortrait(t *testing.T) {
	r := newRenderer(t)
	blue := color.RGBA{0x1d, 0x4e, 0x89, 0xff}
	red := color.RGBA{0xff, 0, 0, 0xff}
	green := color.RGBA{0, 0x80, 0, 0xff}
	tall := image.NewRGBA(image.Rect(0, 0, 100, 160))
	for y := 0; y < 160; y++ {
		for x := 0; x < 100; x++ {
			c := green
			if y < 30 || y >= 130 {
				c = red // cropped away: the square is rows 30 to 130
			}
			tall.SetRGBA(x, y, c)
		}
	}
	for _, tc := range []struct {
		dir   string
		right bool // the logo at the right, the portrait at the left
	}{{"ltr", true}, {"rtl", false}} {
		t.Run(tc.dir, func(t *testing.T) {
			sc := stories[0].card
			sc.Dir, sc.Logo = tc.dir, mark()
			c, err := r.story(sc, Landscape, DefaultTheme(accent))
			if err != nil {
				t.Fatal(err)
			}
			var left, right int
			for y := 0; y < 140; y++ {
				for x := 0; x < Landscape.W; x++ {
					if c.img.RGBAAt(x, y) == blue {
						if x < Landscape.W/2 {
							left++
						} else {
							right++
						}
					}
				}
			}
			if (right > 0) != tc.right || (left > 0) == tc.right {
				t.Errorf("logo pixels: %d left, %d right of the middle", left, right)
			}
			qc := quotes[0].card
			qc.Dir, qc.Portrait = tc.dir, tall
			q, err := r.quote(qc, Landscape, DefaultTheme(accent))
			if err != nil {
				t.Fatal(err)
			}
			var reds, greensL, greensR int
			for y := 0; y < Landscape.H; y++ {
				for x := 0; x < Landscape.W; x++ {
					p := q.img.RGBAAt(x, y)
					switch {
					case p.R > 0xf0 && p.G < 0x30 && p.B < 0x30: // the accent is 0xc62828
						reds++
					case p == green && x < Landscape.W/2:
						greensL++
					case p == green:
						greensR++
					}
				}
			}
			if reds > 0 {
				t.Errorf("%d pixels of the picture's cropped bands drawn", reds)
			}
			if (greensL > 1000) != tc.right || (greensR > 1000) == tc.right {
				t.Errorf("portrait pixels: %d left, %d right", greensL, greensR)
			}
		})
	}
}
