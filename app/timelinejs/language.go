package timelinejs

import (
	"strings"

	"golang.org/x/net/html"

	"explainer/app/story"
)

// language is the story's language: the one the caller gives; else the
// TimelineJS language option the file carries; else a guess from the
// text, which a warning names with how to set another. A guess of
// English that the words bear out is not warned of: English is what
// TimelineJS itself takes a timeline to be when it is not told.
func (c *converter) language(tl *timeline) story.Lang {
	if c.opt.Lang != "" {
		return c.opt.Lang
	}
	c.field = "$.language"
	if opt := tl.language; opt.s != "" {
		lang, why := fromOption(opt.s)
		if why == "" {
			return lang
		}
		c.warn(opt.at, "the TimelineJS language %q %s: the language is guessed from the text", opt.s, why)
	}
	g := guessLanguage(tl.plainText())
	const set = "set the story's language (a BCP 47 tag such as es, pt-BR or zh-Hant)"
	switch {
	case g.doubt != "" && g.lang == "en":
		c.warn(c.top, "the timeline does not say its language, and %s: taken as %s, TimelineJS's default; if it is in another language, %s", g.doubt, named(g.lang), set)
	case g.doubt != "":
		c.warn(c.top, "the timeline does not say its language: taken as %s from %s, though %s; if that is wrong, %s", named(g.lang), g.by, g.doubt, set)
	case g.lang != "en":
		c.warn(c.top, "the timeline does not say its language: taken as %s from %s; if that is wrong, %s", named(g.lang), g.by, set)
	}
	return g.lang
}

// plainText is the text of the timeline a reader reads, without its
// markup: headlines, texts, captions, alt texts, quotations, groups.
func (tl *timeline) plainText() string {
	var b strings.Builder
	add := func(f field) {
		if !strings.Contains(f.s, "<") {
			b.WriteString(html.UnescapeString(f.s))
			b.WriteByte('\n')
			return
		}
		z := html.NewTokenizer(strings.NewReader(f.s))
		for {
			switch z.Next() {
			case html.ErrorToken:
				b.WriteByte('\n')
				return
			case html.TextToken:
				b.Write(z.Text())
				b.WriteByte(' ')
			}
		}
	}
	for _, sl := range append(append([]*slide{tl.title}, tl.events...), tl.eras...) {
		if sl == nil {
			continue
		}
		add(sl.headline)
		add(sl.text)
		add(sl.group)
		if m := sl.media; m != nil {
			add(m.caption)
			add(m.alt)
			if !strings.Contains(m.url.s, "://") {
				add(m.url) // a quotation as the media, or embed code
			}
		}
	}
	return b.String()
}

// timelineJSCodes are the names of TimelineJS's translations that are not
// the BCP 47 tag of their language (src/js/language/locale in
// TimelineJS3): older codes, a country for a language, and variants of
// English that differ only in how TimelineJS writes dates.
var timelineJSCodes = map[string]story.Lang{
	"cz": "cs", "iw": "he", "no": "nb", "tl": "fil",
	"zh-cn": "zh-Hans", "zh-tw": "zh-Hant",
	"sr": "sr-Latn", "sr-cy": "sr-Cyrl", // TimelineJS's sr is in Latin letters
	"en-24hr": "en", "en-week": "en",
}

// fromOption is the story language of a TimelineJS language option (en,
// es, pt-br, zh-tw, cz), or why it gives none.
func fromOption(code string) (story.Lang, string) {
	code = strings.TrimSpace(code)
	if strings.HasSuffix(strings.ToLower(code), ".json") || strings.Contains(code, "/") {
		return "", "is the address of a translation file, which does not name its language"
	}
	if lang, ok := timelineJSCodes[strings.ToLower(code)]; ok {
		return lang, ""
	}
	lang := canonicalTag(code)
	if lang.Check() != "" {
		return "", "is not a language tag such as es or pt-br"
	}
	return lang, ""
}

// canonicalTag writes a tag as BCP 47 recommends: the language in lower
// case, a script with a capital (Hant), a region in capitals (BR), the
// rest in lower case; an underscore (pt_BR) as the hyphen it stands for.
func canonicalTag(s string) story.Lang {
	parts := strings.Split(strings.ReplaceAll(s, "_", "-"), "-")
	singleton := false
	for i, p := range parts {
		p = strings.ToLower(p)
		switch {
		case i == 0 || singleton:
		case len(p) == 1:
			singleton = true
		case len(p) == 4 && i == 1 && isLetters(p):
			p = strings.ToUpper(p[:1]) + p[1:]
		case len(p) == 2 && isLetters(p):
			p = strings.ToUpper(p)
		}
		parts[i] = p
	}
	return story.Lang(strings.Join(parts, "-"))
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// languageNames are the English names of the languages a guess gives, for
// the warning that says which it took.
var languageNames = map[story.Lang]string{
	"en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German", "it": "Italian",
	"nl": "Dutch", "ca": "Catalan", "pl": "Polish", "cs": "Czech", "sk": "Slovak", "ro": "Romanian",
	"hu": "Hungarian", "sv": "Swedish", "da": "Danish", "nb": "Norwegian Bokmål", "fi": "Finnish",
	"tr": "Turkish", "id": "Indonesian", "vi": "Vietnamese", "sw": "Swahili", "hr": "Croatian",
	"uk": "Ukrainian", "ru": "Russian", "be": "Belarusian", "bg": "Bulgarian", "sr-Cyrl": "Serbian (Cyrillic)",
	"mk": "Macedonian", "kk": "Kazakh", "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "he": "Hebrew",
	"yi": "Yiddish", "th": "Thai", "el": "Greek", "ko": "Korean", "ja": "Japanese",
	"zh-Hans": "Chinese (simplified)", "zh-Hant": "Chinese (traditional)", "hi": "Hindi", "bn": "Bengali",
	"as": "Assamese", "ka": "Georgian", "hy": "Armenian", "ta": "Tamil", "te": "Telugu", "kn": "Kannada",
	"ml": "Malayalam", "gu": "Gujarati", "pa": "Punjabi", "si": "Sinhala", "my": "Burmese", "km": "Khmer",
	"lo": "Lao", "am": "Amharic",
}

// languageName is the English name of a language a guess gives.
func languageName(l story.Lang) string {
	if n, ok := languageNames[l]; ok {
		return n
	}
	return string(l)
}

// named is a language by its name and tag: "Spanish (es)".
func named(l story.Lang) string { return languageName(l) + " (" + string(l) + ")" }
