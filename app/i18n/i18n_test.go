//go:build !wasm

package i18n

import (
	"errors"
	"strings"
	"testing"
)

// The widget speaks at least 30 languages, every script family the
// newsrooms it serves write in.
func TestLanguages(t *testing.T) {
	langs := Languages()
	if len(langs) < 30 {
		t.Errorf("%d languages; want at least 30", len(langs))
	}
	for _, want := range []Locale{"en", "uk", "es", "ar", "fa", "ur", "he", "hi", "bn", "zh-Hans", "zh-Hant", "ja", "ko", "th", "tr", "id", "vi", "sw", "el", "ru"} {
		if !Supported(want) {
			t.Errorf("no catalogue for %s", want)
		}
	}
	for _, l := range langs {
		if l.Name == "" {
			t.Errorf("%s has no name in its own language", l.Tag)
		}
	}
}

// Every built-in catalogue is complete: each key, each placeholder, and
// each plural form its language's CLDR rules have (ParseCatalogue refuses
// anything less, and catalogues() reads them all).
func TestCataloguesComplete(t *testing.T) {
	all, err := catalogues()
	if err != nil {
		t.Fatal(err)
	}
	for tag, c := range all {
		if len(c.Messages) < len(all[English].Messages) {
			t.Errorf("%s has %d messages; English has %d", tag, len(c.Messages), len(all[English].Messages))
		}
	}
}

func TestParseCatalogueReportsEveryProblem(t *testing.T) {
	all, err := catalogues()
	if err != nil {
		t.Fatal(err)
	}
	en := all[English].Messages
	file := `{
  "language": "ru",
  "messages": {
    "nav.nxt": "Далее",
    "timeline.position": "Событие {0}",
    "index.events": {"one": "{0} событие", "other": "{0} событий", "two": "{0}"},
    "nav.next": {"one": "x", "other": "y"}
  },
  "extra": 1
}`
	_, err = ParseCatalogue("ru.json", []byte(file), en, pluralCategories, true)
	var errs CatalogueErrors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v; want CatalogueErrors", err)
	}
	got := err.Error()
	for _, want := range []string{
		`ru.json:9:3: extra: unknown field`,
		`ru.json:4:5: messages["nav.nxt"]: unknown key; keys that start so:`,
		`ru.json:5:26: messages["timeline.position"]: takes {0} {1}; this text has {0}`,
		`ru.json:6:68: messages["index.events"].two: ru has no plural form "two"; its forms are one, few, many, other`,
		`messages["index.events"]: missing the plural form "few"`,
		`ru.json:7:17: messages["nav.next"]: a text`,
		`ru.json:3:15: messages["nav.previous"]: missing`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q; got:\n%s", want, got)
		}
	}
}

// The forms for zero, one and two may say their number in words; the
// others may not leave it out.
func TestPluralFormsMayNameTheirNumber(t *testing.T) {
	all, err := catalogues()
	if err != nil {
		t.Fatal(err)
	}
	en := all[English].Messages
	ok := `{"language":"ar","messages":{"index.events":{"zero":"لا أحداث","one":"حدث واحد","two":"حدثان","few":"{0} أحداث","many":"{0} حدثًا","other":"{0} حدث"}}}`
	if _, err := ParseCatalogue("ar.json", []byte(ok), en, pluralCategories, false); err != nil {
		t.Errorf("Arabic forms with their numbers in words: %v", err)
	}
	bad := strings.Replace(ok, `"{0} أحداث"`, `"أحداث"`, 1)
	if _, err := ParseCatalogue("ar.json", []byte(bad), en, pluralCategories, false); err == nil || !strings.Contains(err.Error(), `.few: takes {0}; this text has no placeholder`) {
		t.Errorf("a few-form without its number: %v", err)
	}
}

// A publisher's file may hold only the messages it changes.
func TestParseCatalogueOverrides(t *testing.T) {
	all, err := catalogues()
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseCatalogue("es.json", []byte(`{"language":"es","messages":{"nav.next":"Siguiente →","zone.Europe/Madrid":"hora de Madrid"}}`), all[English].Messages, pluralCategories, false)
	if err != nil {
		t.Fatal(err)
	}
	if c.Messages["nav.next"].Text != "Siguiente →" || c.Language != "es" {
		t.Errorf("got %+v", c)
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		tag      Locale
		lang     Locale
		ok       bool
		dir      string
		next     string
		position string
	}{
		{"en", "en", true, "ltr", "Next", "Event 3 of 15"},
		{"uk-UA", "uk-UA", true, "ltr", "Наступна", "Подія 3 з 15"},
		{"es-MX", "es-MX", true, "ltr", "Siguiente", "Acontecimiento 3 de 15"},
		{"ar", "ar", true, "rtl", "التالي", "الحدث 3 من 15"},
		{"ar-EG", "ar-EG", true, "rtl", "التالي", "الحدث ٣ من ١٥"},
		{"ar-EG-u-nu-latn", "ar-EG", true, "rtl", "التالي", "الحدث 3 من 15"},
		{"fa", "fa", true, "rtl", "", "رویداد ۳ از ۱۵"},
		{"zh-TW", "zh-TW", true, "ltr", "", "第3個事件，共15個"},
		{"sk", "en", false, "ltr", "Next", "Event 3 of 15"},
	}
	for _, tt := range tests {
		t.Run(string(tt.tag), func(t *testing.T) {
			p, ok := Lookup(tt.tag)
			if ok != tt.ok || p.Lang != tt.lang || p.Dir() != tt.dir {
				t.Errorf("Lookup(%s) = %s, %s, %v; want %s, %s, %v", tt.tag, p.Lang, p.Dir(), ok, tt.lang, tt.dir, tt.ok)
			}
			if tt.next != "" && p.T("nav.next") != tt.next {
				t.Errorf("nav.next = %q; want %q", p.T("nav.next"), tt.next)
			}
			if got := p.T("timeline.position", 3, 15); got != tt.position {
				t.Errorf("timeline.position = %q; want %q", got, tt.position)
			}
		})
	}
}

// Plural messages take the form CLDR's rules give the number.
func TestPluralMessages(t *testing.T) {
	tests := []struct {
		tag  Locale
		n    int
		want string
	}{
		{"en", 1, "1 event"}, {"en", 2, "2 events"},
		{"uk", 1, "1 подія"}, {"uk", 3, "3 події"}, {"uk", 5, "5 подій"}, {"uk", 21, "21 подія"},
		{"ru", 22, "22 события"}, {"pl", 5, "5 wydarzeń"},
	}
	for _, tt := range tests {
		p, _ := Lookup(tt.tag)
		if got := p.T("index.events", tt.n); got != tt.want {
			t.Errorf("%s index.events %d = %q; want %q", tt.tag, tt.n, got, tt.want)
		}
	}
}

// Only a form whose category holds one number may leave it out: Russian's
// "one" is 1, 21, 31…, so "одно событие" would be read for 21 events.
func TestOnlySingleNumberFormsMayLeaveItOut(t *testing.T) {
	all, err := catalogues()
	if err != nil {
		t.Fatal(err)
	}
	en := all[English].Messages
	ru := `{"language":"ru","messages":{"index.events":{"one":"одно событие","few":"{0} события","many":"{0} событий","other":"{0} события"}}}`
	if _, err := ParseCatalogue("ru.json", []byte(ru), en, pluralCategories, false); err == nil || !strings.Contains(err.Error(), `.one: takes {0}`) {
		t.Errorf("Russian one-form without its number: %v", err)
	}
	en1 := `{"language":"en","messages":{"index.events":{"one":"one event","other":"{0} events"}}}`
	if _, err := ParseCatalogue("en.json", []byte(en1), en, pluralCategories, false); err != nil {
		t.Errorf("English one-form in words: %v", err)
	}
}

// A tag picks the publisher's catalogue as it picks the built-in ones,
// the same every time: zh-TW reads Traditional Chinese.
func TestOverrideMatch(t *testing.T) {
	ov := Overrides{
		"zh-Hans": {"nav.next": {Text: "简"}},
		"zh-Hant": {"nav.next": {Text: "繁"}},
	}
	for range 50 {
		if p, _ := LookupWith("zh-TW", ov); p.T("nav.next") != "繁" {
			t.Fatalf("zh-TW: %q; want the Traditional override", p.T("nav.next"))
		}
		if p, _ := LookupWith("zh-CN", ov); p.T("nav.next") != "简" {
			t.Fatalf("zh-CN: %q; want the Simplified override", p.T("nav.next"))
		}
	}
}
