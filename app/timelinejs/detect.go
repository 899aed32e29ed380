package timelinejs

import (
	"fmt"
	"strings"
	"unicode"

	"explainer/app/story"
)

// guess is what a text says of its language.
type guess struct {
	lang story.Lang
	// by is what told it: "its letters (Arabic script)", "its words".
	by string
	// doubt is why the guess is not sure, or "" when it is: too few words,
	// or words of two languages alike. A guess in doubt from words is
	// English, the language TimelineJS takes when it is not told.
	doubt string
}

// A script that one language writes says the language whatever the words.
var oneLanguageScripts = []struct {
	table *unicode.RangeTable
	name  string
	lang  story.Lang
}{
	{unicode.Hebrew, "Hebrew", "he"}, {unicode.Thai, "Thai", "th"}, {unicode.Greek, "Greek", "el"},
	{unicode.Hangul, "Hangul", "ko"}, {unicode.Devanagari, "Devanagari", "hi"}, {unicode.Bengali, "Bengali", "bn"},
	{unicode.Georgian, "Georgian", "ka"}, {unicode.Armenian, "Armenian", "hy"}, {unicode.Tamil, "Tamil", "ta"},
	{unicode.Telugu, "Telugu", "te"}, {unicode.Kannada, "Kannada", "kn"}, {unicode.Malayalam, "Malayalam", "ml"},
	{unicode.Gujarati, "Gujarati", "gu"}, {unicode.Gurmukhi, "Gurmukhi", "pa"}, {unicode.Sinhala, "Sinhala", "si"},
	{unicode.Myanmar, "Myanmar", "my"}, {unicode.Khmer, "Khmer", "km"}, {unicode.Lao, "Lao", "lo"},
	{unicode.Ethiopic, "Ethiopic", "am"},
}

// The scripts counted besides those: they are written by several
// languages, told apart by letters or words.
const (
	latin = iota
	cyrillic
	arabic
	cjk // Han, kana and Hangul together: Korean and Japanese write Han too
	firstOneLanguage
)

// guessLanguage tells the language of a text from its script, then, for
// the scripts several languages write, from the letters that only one of
// them uses, and for Latin from its commonest words.
func guessLanguage(text string) guess {
	counts := make([]int, firstOneLanguage+len(oneLanguageScripts))
	var kana, hangul, han int
	for _, r := range text {
		switch {
		case !unicode.IsLetter(r):
		case r < 0x250 || unicode.Is(unicode.Latin, r):
			counts[latin]++
		case unicode.Is(unicode.Cyrillic, r):
			counts[cyrillic]++
		case unicode.Is(unicode.Arabic, r):
			counts[arabic]++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
			counts[cjk]++
		case unicode.Is(unicode.Hangul, r):
			hangul++
			counts[cjk]++
		case unicode.Is(unicode.Han, r):
			han++
			counts[cjk]++
		default:
			for i, s := range oneLanguageScripts {
				if unicode.Is(s.table, r) {
					counts[firstOneLanguage+i]++
					break
				}
			}
		}
	}
	most := 0
	for i, n := range counts {
		if n > counts[most] {
			most = i
		}
	}
	switch {
	case counts[most] == 0:
		return guess{lang: "en", by: "its text", doubt: "it has no words"}
	case most == cyrillic:
		return cyrillicLanguage(text)
	case most == arabic:
		return arabicLanguage(text)
	case most == cjk:
		return cjkLanguage(text, kana, hangul, han)
	case most >= firstOneLanguage:
		s := oneLanguageScripts[most-firstOneLanguage]
		g := guess{lang: s.lang, by: "its letters (" + s.name + " script)"}
		// Yiddish writes Hebrew letters, with its own ligatures; Assamese
		// Bengali's, with its own ra and wa.
		if s.lang == "he" && strings.ContainsAny(text, "װױײ") {
			g.lang = "yi"
		}
		if s.lang == "bn" && strings.ContainsAny(text, "ৰৱ") {
			g.lang = "as"
		}
		return g
	}
	return latinLanguage(text)
}

// countOf counts the runes of text that are among letters.
func countOf(text, letters string) int {
	n := 0
	for _, r := range text {
		if strings.ContainsRune(letters, r) {
			n++
		}
	}
	return n
}

// cyrillicLanguage tells the languages of Cyrillic script apart by the
// letters only one of them writes: ў Belarusian; ђ ћ Serbian; ѓ ќ ѕ
// Macedonian; ә ғ қ ұ Kazakh; і ї є ґ Ukrainian and ы э ё Russian (which
// Belarusian shares); a Cyrillic text with neither, and a hard sign ъ
// among its vowels, is Bulgarian.
func cyrillicLanguage(text string) guess {
	by := "its letters (Cyrillic script)"
	lower := strings.ToLower(text)
	switch {
	case strings.ContainsRune(lower, 'ў'):
		return guess{lang: "be", by: by}
	case strings.ContainsAny(lower, "ђћ"):
		return guess{lang: "sr-Cyrl", by: by}
	case strings.ContainsAny(lower, "ѓќѕ"):
		return guess{lang: "mk", by: by}
	case strings.ContainsAny(lower, "әғқұ"):
		return guess{lang: "kk", by: by}
	}
	uk, ru := countOf(lower, "іїєґ"), countOf(lower, "ыэё")
	switch {
	case uk > ru:
		return guess{lang: "uk", by: by, doubt: doubtOf(uk, ru, "Ukrainian", "Russian")}
	case ru > uk:
		return guess{lang: "ru", by: by, doubt: doubtOf(ru, uk, "Russian", "Ukrainian")}
	case strings.ContainsAny(lower, "јљњџ"):
		return guess{lang: "sr-Cyrl", by: by}
	case countOf(lower, "ъ") >= 2:
		return guess{lang: "bg", by: by}
	}
	return guess{lang: "ru", by: by, doubt: "it has none of the letters that tell Russian from Ukrainian, Bulgarian and the others"}
}

// doubtOf is the doubt of a choice between two languages by counts of the
// letters each alone writes: none if the one has three at least, and
// three times the other's.
func doubtOf(n, other int, lang, otherLang string) string {
	if n >= 3 && n >= 3*other {
		return ""
	}
	return fmt.Sprintf("it has few of the letters that tell %s from %s", lang, otherLang)
}

// arabicLanguage tells Arabic, Persian and Urdu apart: Urdu writes ٹ ڈ ڑ
// ں ے, which neither other does; Persian and Urdu write پ چ ژ گ and their
// own kaf and yeh (ک ی), where Arabic writes ك ي, and ة ى that Persian
// seldom uses.
func arabicLanguage(text string) guess {
	by := "its letters (Arabic script)"
	urdu := countOf(text, "ٹڈڑںے")
	persian := countOf(text, "پچژگکی")
	arabic := countOf(text, "كيةى")
	switch {
	case urdu > 0 && urdu*2 >= arabic:
		return guess{lang: "ur", by: by, doubt: doubtOf(urdu, 0, "Urdu", "Persian")}
	case persian > arabic:
		return guess{lang: "fa", by: by, doubt: doubtOf(persian, arabic, "Persian", "Arabic")}
	}
	return guess{lang: "ar", by: by, doubt: doubtOf(arabic, persian, "Arabic", "Persian")}
}

// Characters whose forms differ between simplified and traditional
// Chinese, each written in both, among the commonest of news text.
const (
	simplifiedOnly  = "这们个来时为说国会对发后过还进现样经长门问间关东车书买卖与专业习乡亚产亲从众优传伤体价兴军农冲决况则刚创别办务动劳势华单历县参双变叶号听员围图团处备头实宝将尔层岁币师带帮广庆库应开张归当录态总战报择护担拥据无旧显术机杀权条极构标档检欢汉没济湾灭点热爱状独献环电画疗监确离种积称竞笔简类组织结给统继续维网罗义联声职胜脑艺节范药获虽见规视觉认让议记讲许论设证评识诉词试话该语误请读谁调谈贝负财责败质贵费资赛赵转轻较辆边达运远违连选递邮释里钱铁银锋阳阶际陆险随隐难页项须顾领频题风飞饭马驻验鱼鸟龙"
	traditionalOnly = "這們個來時為說國會對發後過還進現樣經長門問間關東車書買賣與專業習鄉亞產親從眾優傳傷體價興軍農衝決況則剛創別辦務動勞勢華單歷縣參雙變葉號聽員圍圖團處備頭實寶將爾層歲幣師帶幫廣慶庫應開張歸當錄態總戰報擇護擔擁據無舊顯術機殺權條極構標檔檢歡漢沒濟灣滅點熱愛狀獨獻環電畫療監確離種積稱競筆簡類組織結給統繼續維網羅義聯聲職勝腦藝節範藥獲雖見規視覺認讓議記講許論設證評識訴詞試話該語誤請讀誰調談貝負財責敗質貴費資賽趙轉輕較輛邊達運遠違連選遞郵釋裡錢鐵銀鋒陽階際陸險隨隱難頁項須顧領頻題風飛飯馬駐驗魚鳥龍"
)

// cjkLanguage tells Korean (Hangul, maybe with Han), Japanese (kana with
// Han: no other language writes kana) and Chinese, simplified or
// traditional by the characters whose forms differ.
func cjkLanguage(text string, kana, hangul, han int) guess {
	switch {
	case hangul > 0 && hangul >= kana:
		return guess{lang: "ko", by: "its letters (Hangul)"}
	case kana > 0 && kana*20 >= kana+han:
		return guess{lang: "ja", by: "its letters (kana with Han)"}
	}
	by := "its characters (Han)"
	simplified, traditional := countOf(text, simplifiedOnly), countOf(text, traditionalOnly)
	if traditional > simplified {
		return guess{lang: "zh-Hant", by: by + ", traditional", doubt: doubtOf(traditional, simplified, "traditional", "simplified")}
	}
	g := guess{lang: "zh-Hans", by: by + ", simplified", doubt: doubtOf(simplified, traditional, "simplified", "traditional")}
	if kana > 0 {
		g.doubt = "it is Han with a little kana: Chinese, or Japanese written mostly in kanji"
	}
	return g
}

// Thresholds for a guess from words: the best language's score (a word
// only it uses is 1, a word n languages use 1/n, a letter only it writes
// ½) must reach minScore and lead the next by a clear margin.
const (
	minScore = 4
	// minLead is the least lead; a longer text needs a lead of
	// leadShare of the best score.
	minLead   = 2
	leadShare = 0.25
)

// latinLanguage scores the text's words against each language's commonest
// words and letters, and takes the best if it leads clearly; else English.
func latinLanguage(text string) guess {
	scores := make([]float64, len(latinLangs))
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) })
	for _, w := range words {
		if langs := wordLangs[w]; len(langs) > 0 {
			for _, l := range langs {
				scores[l] += 1 / float64(len(langs))
			}
		}
		for _, r := range w {
			if r < 0xC0 {
				continue // no letter of ASCII is a cue
			}
			if langs := cueLangs[r]; len(langs) > 0 {
				for _, l := range langs {
					scores[l] += 0.5 / float64(len(langs))
				}
			}
		}
	}
	best, second := 0, 1
	if scores[second] > scores[best] {
		best, second = second, best
	}
	for i := 2; i < len(scores); i++ {
		switch {
		case scores[i] > scores[best]:
			best, second = i, best
		case scores[i] > scores[second]:
			second = i
		}
	}
	g := guess{lang: story.Lang(latinLangs[best]), by: "its words"}
	lead := scores[best] - scores[second]
	switch {
	case scores[best] < minScore:
		g.doubt = "it has too few words to tell"
		if scores[best] > 0 && best != 0 {
			g.doubt += " (perhaps " + languageName(g.lang) + ")"
		}
	case lead < minLead || lead < leadShare*scores[best]:
		g.doubt = fmt.Sprintf("its words are as much %s as %s", languageName(g.lang), languageName(story.Lang(latinLangs[second])))
	}
	if g.doubt != "" {
		g.lang = "en"
	}
	return g
}
