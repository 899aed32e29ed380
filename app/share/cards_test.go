package share

import (
	"flag"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"
)

var (
	update = flag.Bool("update", false, "rewrite the golden PNGs in testdata")
	shots  = flag.String("shots", "", "also write the sample cards to this folder, to look at")
)

var accent = color.RGBA{0xc6, 0x28, 0x28, 0xff}

// face is a portrait for tests: a drawn gradient, no file.
func face() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 160, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 160; x++ {
			img.Set(x, y, color.RGBA{uint8(60 + x/2), uint8(90 + y/3), 150, 0xff})
		}
	}
	return img
}

// mark is a publisher's logo for tests: a drawn wordmark-shaped block.
func mark() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 240, 60))
	for y := 0; y < 60; y++ {
		for x := 0; x < 240; x++ {
			if x < 60 || (y > 20 && y < 40) {
				img.Set(x, y, color.RGBA{0x1d, 0x4e, 0x89, 0xff})
			}
		}
	}
	return img
}

// Cards per script: the goldens and the samples.
var stories = []struct {
	name string
	card StoryCard
}{
	{"latin", StoryCard{Title: "The long road to the ceasefire: how 14 months of talks ended the war",
		Dek:  "Every round of negotiations, who was in the room and what each side gave up.",
		Span: "3 March 2024 – 9 May 2025", Dir: "ltr", Lang: "en",
		Marks: []float64{0, 0.08, 0.2, 0.33, 0.41, 0.6, 0.72, 0.9, 1}, Selected: 5, Site: "The Daily Explainer", Logo: mark()}},
	{"cyrillic", StoryCard{Title: "Довгий шлях до перемир’я: як 14 місяців переговорів завершили війну",
		Dek:  "Кожен раунд переговорів, хто був у кімнаті і що кожна сторона віддала.",
		Span: "3 березня 2024 – 9 травня 2025 р.", Dir: "ltr", Lang: "uk",
		Marks: []float64{0, 0.25, 0.5, 0.75, 1}, Selected: -1, Site: "Пояснювач"}},
	{"arabic", StoryCard{Title: "الطريق الطويل إلى وقف إطلاق النار: كيف أنهت 14 شهراً من المحادثات الحرب",
		Dek:  "كل جولة من المفاوضات، ومن كان في الغرفة، وما تنازل عنه كل طرف.",
		Span: "٣ مارس ٢٠٢٤ – ٩ مايو ٢٠٢٥", Dir: "rtl", Lang: "ar",
		Marks: []float64{0, 0.1, 0.3, 0.65, 1}, Selected: 1, Site: "المفسّر"}},
	{"hebrew", StoryCard{Title: "הדרך הארוכה להפסקת האש: איך 14 חודשי שיחות סיימו את המלחמה",
		Dek:  "כל סבב משא ומתן, מי היה בחדר ועל מה כל צד ויתר.",
		Span: "3 במרץ 2024 – 9 במאי 2025", Dir: "rtl", Lang: "he",
		Marks: []float64{0, 0.4, 0.5, 1}, Selected: 2, Site: "המסביר"}},
	{"devanagari", StoryCard{Title: "युद्धविराम तक का लंबा रास्ता: 14 महीने की बातचीत ने युद्ध कैसे खत्म किया",
		Dek:  "बातचीत का हर दौर, कमरे में कौन था और हर पक्ष ने क्या छोड़ा।",
		Span: "3 मार्च 2024 – 9 मई 2025", Dir: "ltr", Lang: "hi",
		Marks: []float64{0, 0.5, 1}, Selected: 0, Site: "व्याख्याता"}},
}

var quotes = []struct {
	name string
	card QuoteCard
}{
	{"direct-en", QuoteCard{Speaker: "Maria Lopez", Role: "Foreign minister", Words: "We will not sign an agreement that leaves our people without a say in their own future.",
		Date: "12 March 2025", Source: "Source: Reuters", Direct: true, DirectLabel: "Direct quote", ReportedLabel: "Reported speech",
		Quote: [2]string{"“", "”"}, Portrait: face(), Dir: "ltr", Lang: "en", Site: "The Daily Explainer"}},
	{"reported-en", QuoteCard{Speaker: "Maria Lopez", Role: "Foreign minister", Words: "She said the government would not sign any deal that excluded the regions from the talks.",
		Date: "12 March 2025", Source: "Source: Reuters", Direct: false, DirectLabel: "Direct quote", ReportedLabel: "Reported speech",
		Quote: [2]string{"“", "”"}, Dir: "ltr", Lang: "en", Site: "The Daily Explainer"}},
	{"direct-ar", QuoteCard{Speaker: "سلام الحسيني", Role: "وزيرة الخارجية", Words: "لن نوقع اتفاقاً يترك شعبنا بلا كلمة في مستقبله.",
		Date: "١٢ مارس ٢٠٢٥", Source: "المصدر: رويترز", Direct: true, DirectLabel: "اقتباس مباشر", ReportedLabel: "كلام منقول",
		Quote: [2]string{"«", "»"}, Portrait: face(), Dir: "rtl", Lang: "ar", Site: "المفسّر"}},
	{"direct-hi", QuoteCard{Speaker: "अनीता शर्मा", Role: "विदेश मंत्री", Words: "हम ऐसे समझौते पर हस्ताक्षर नहीं करेंगे जो हमारे लोगों को अपने भविष्य में कोई आवाज़ न दे।",
		Date: "12 मार्च 2025", Source: "स्रोत: रॉयटर्स", Direct: true, DirectLabel: "सीधा उद्धरण", ReportedLabel: "अप्रत्यक्ष कथन",
		Quote: [2]string{"“", "”"}, Dir: "ltr", Lang: "hi", Site: "व्याख्याता"}},
	{"reported-he", QuoteCard{Speaker: "נועה כהן", Role: "שרת החוץ", Words: "היא אמרה שהממשלה לא תחתום על הסכם שאינו כולל את האזורים.",
		Date: "12 במרץ 2025", Source: "מקור: רויטרס", Direct: false, DirectLabel: "ציטוט ישיר", ReportedLabel: "דיווח עקיף",
		Quote: [2]string{"„", "”"}, Dir: "rtl", Lang: "he", Site: "המסביר"}},
}

func newRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func writeShot(t *testing.T, name string, png []byte) {
	t.Helper()
	if *shots == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*shots, "share-"+name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSamples(t *testing.T) {
	r := newRenderer(t)
	th := DefaultTheme(accent)
	for _, s := range stories {
		for _, sz := range []struct {
			n string
			s Size
		}{{"", Landscape}, {"-square", Square}} {
			png, err := r.Story(s.card, sz.s, th)
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			writeShot(t, "story-"+s.name+sz.n, png)
		}
	}
	for _, q := range quotes {
		for _, sz := range []struct {
			n string
			s Size
		}{{"", Landscape}, {"-square", Square}} {
			png, err := r.Quote(q.card, sz.s, th)
			if err != nil {
				t.Fatalf("%s: %v", q.name, err)
			}
			writeShot(t, "quote-"+q.name+sz.n, png)
		}
	}
}
