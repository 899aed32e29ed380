package story

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode"
)

// Marshal writes a story as story files are written, by hand and by the
// tools (explainer import, the studio): fields in the format's order, two
// spaces of indent, lists in the order given (events are not sorted), and
// text as it is (< stays <, not \u003c), so that a diff shows only what
// changed.
//
// A title or language left empty is left out, as a story with a live
// source leaves them to it; events are written [] when there are none,
// which says what is missing better than null, and which such a story
// may have.
func Marshal(s *Story) ([]byte, error) {
	if s.Events == nil {
		c := *s
		c.Events = []Event{}
		s = &c
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Slug makes an id from text: lower-case ASCII letters and digits joined
// by single hyphens, at most 60 characters, cut at a word. Latin letters
// lose their accents (café is cafe) and Cyrillic is written in Latin
// letters as Ukraine's official romanisation writes it (Зустріч is
// zustrich), so that ids read in any story's language. It is "" for
// text with nothing it can spell.
func Slug(text string) ID {
	var b strings.Builder
	hyphen := false
	wordStart := true
	for _, r := range strings.ToLower(text) {
		spelt := ""
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			spelt = string(r)
		case wordStart && initialForms[r] != "":
			spelt = initialForms[r]
		default:
			spelt = romanised[r]
		}
		if r == '\'' || r == '’' || r == 'ʼ' || r == 'ь' || r == 'ъ' {
			continue // an apostrophe or a soft sign within a word: no break
		}
		if spelt == "" {
			hyphen, wordStart = true, true
			continue
		}
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen, wordStart = false, false
		b.WriteString(spelt)
	}
	out := b.String()
	if len(out) > 60 {
		out = out[:60]
		if i := strings.LastIndexByte(out, '-'); i > 20 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	return ID(out)
}

// romanised spells letters beyond ASCII in it: accented Latin letters by
// their base letter, Ukrainian (and Russian) Cyrillic by the romanisation
// of Ukraine's Cabinet of Ministers (2010), as in passports and on maps.
var romanised = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ą': "a", 'ă': "a", 'æ': "ae",
	'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e",
	'ę': "e", 'ě': "e", 'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i", 'ł': "l",
	'ľ': "l", 'ñ': "n", 'ń': "n", 'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ō': "o", 'ő': "o", 'œ': "oe", 'ŕ': "r", 'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss",
	'ť': "t", 'ţ': "t", 'ț': "t", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z", 'ð': "d", 'þ': "th",
	'а': "a", 'б': "b", 'в': "v", 'г': "h", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ie", 'ж': "zh", 'з': "z",
	'и': "y", 'і': "i", 'ї': "i", 'й': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
	'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ю': "iu", 'я': "ia", 'ы': "y", 'э': "e", 'ё': "e",
}

// initialForms are the romanisation's spellings at the start of a word.
var initialForms = map[rune]string{'є': "ye", 'ї': "yi", 'й': "y", 'ю': "yu", 'я': "ya"}
