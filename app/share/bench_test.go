package share

import "testing"

// BenchmarkStoryCard: one landscape story card, shaped, drawn and
// encoded; png-bytes is the file's size.
func BenchmarkStoryCard(b *testing.B) {
	r := newRenderer(b)
	th := DefaultTheme(accent)
	for _, s := range []int{0, 2} { // Latin, Arabic
		b.Run(stories[s].name, func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				png, err := r.Story(stories[s].card, Landscape, th)
				if err != nil {
					b.Fatal(err)
				}
				n = len(png)
			}
			b.ReportMetric(float64(n), "png-bytes")
		})
	}
}

// BenchmarkQuoteCard: one landscape quote card with a portrait.
func BenchmarkQuoteCard(b *testing.B) {
	r := newRenderer(b)
	th := DefaultTheme(accent)
	for _, q := range []int{0, 2} { // English, Arabic
		b.Run(quotes[q].name, func(b *testing.B) {
			b.ReportAllocs()
			var n int
			for b.Loop() {
				png, err := r.Quote(quotes[q].card, Landscape, th)
				if err != nil {
					b.Fatal(err)
				}
				n = len(png)
			}
			b.ReportMetric(float64(n), "png-bytes")
		})
	}
}
