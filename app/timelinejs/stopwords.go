package timelinejs

import (
	"slices"
	"strings"
)

// The words each language uses most that carry no topic: articles,
// prepositions, conjunctions, pronouns, the commonest forms of "to be" and
// "to have", and a few words every timeline has (year, after, during).
// A timeline's text is mostly about something else, but these are in
// every sentence of it, so a few sentences say the language. Words two
// languages share (de, la, en, a) count for each in part; the words only
// one uses (y, och, και) decide. Lower case, as the text is read.
var stopWords = map[string]string{
	"en": "the a of and to in is was for on that with as by at it from his her he she they an are were be " +
		"has have had this which after first not but or its their who when into over before been would will " +
		"also more than these those there then while during",
	"es": "el la los las de del y en que un una por con para es fue se su sus al como más pero este esta " +
		"también entre desde hasta sobre cuando durante después año años ya sin muy lo le ha han fueron",
	"pt": "o a os as de do da dos das em no na nos nas um uma que e é para com não por foi ao aos seu sua " +
		"mais mas pelo pela também entre após até ano anos quando ser são está já foram",
	"fr": "le la les de des du et en un une est que qui dans pour pas au aux sur par il elle avec ce cette " +
		"sont ont été plus ses son mais ou comme après lors l d qu ne se année ans leur",
	"de": "der die das und in den von zu mit ist im des sich auf für nicht ein eine dem als auch es an " +
		"wurde wurden nach bei aus einer wird über zum zur sie hat vom durch jahr seit",
	"it": "il di e la che in a per un una è del della delle dei degli non con i le si da al nel nella " +
		"sono gli alla più come anche ma dopo era fu stato questo ha anno dal",
	"nl": "de het een en van in is op dat met voor te zijn niet aan er om ook als bij door werd naar maar " +
		"uit tot nog dan wordt heeft hun deze na jaar werden",
	"ca": "el la els les de del dels i en que a per amb un una és va seva seu però també com quan més " +
		"aquest aquesta any fins entre després al als l d",
	"pl": "i w z na się nie do to że jest o jak po co tak za od ale przez był była było oraz jego dla już " +
		"są który która które roku podczas",
	"cs": "a v se na je že s z o do to k jako pro ale by jeho byl byla bylo který která které jsou podle " +
		"také po od při roce mezi až již přes když nebo ještě jen jsem jsme",
	"sk": "a v sa na je že s z o do to k ako pre ale by jeho bol bola bolo ktorý ktorá ktoré sú podľa " +
		"tiež po od pri roku medzi až už cez keď alebo ešte len som sme",
	"ro": "și de în la a cu pe care din o un este pentru nu mai au fost că ca sau se după prin fi al ale " +
		"lui acest această anul",
	"hu": "a az és hogy nem is egy meg de van volt csak már mint el ki még ez azt után között pedig vagy " +
		"amely lett évben szerint",
	"sv": "och att det som en på är av för med till den har de inte om ett var jag sig från men kan vid " +
		"efter också när under blev hade då än detta sedan även deras hos",
	"da": "og at det som en på er af for med til den har de ikke om et var jeg sig fra men kan ved efter " +
		"også når under blev havde da end dette nogle meget mod hvad",
	"nb": "og at det som en på er av for med til den har de ikke om et var jeg seg fra men kan ved etter " +
		"også når under ble hadde da enn dette noen mye mot hva",
	"fi": "ja on oli että ei se hän mutta kun myös ovat tai jo vuonna sen joka jotka kuin niin mukaan ole " +
		"tämä sekä vuoden jälkeen aikana",
	"tr": "ve bir bu da de için ile olarak çok daha en gibi ama sonra kadar olan yılında ancak ise ki her " +
		"değil tarafından üzerine şu o ne",
	"id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena ada oleh sebagai " +
		"adalah telah atau mereka sudah bisa saat tahun bahwa lebih setelah",
	"vi": "và của là có các những được trong cho người không một này đã với khi để năm từ đến theo sau " +
		"về cũng như ra tại bị",
	"sw": "na ya wa kwa za katika ni la cha hii kuwa kama pia lakini baada hadi wakati mwaka watu zaidi " +
		"hiyo huo yake wao ambao ambayo kwamba",
	"hr": "i je u na se da za su od s koji koja koje što kao iz nakon godine bio bila bilo također ali te " +
		"tijekom",
}

// letterCues are letters that only a few of the languages write: a word
// with ñ is Spanish; with å, Swedish, Danish or Norwegian. They weigh half
// a word each, and decide where a text has few words.
var letterCues = map[rune]string{
	'ñ': "es", 'ã': "pt", 'õ': "pt", 'ç': "pt fr ca tr",
	'ł': "pl", 'ą': "pl", 'ę': "pl", 'ś': "pl", 'ź': "pl", 'ż': "pl", 'ń': "pl", 'ć': "pl hr",
	'ř': "cs", 'ě': "cs", 'ů': "cs", 'č': "cs sk hr", 'š': "cs sk hr", 'ž': "cs sk hr pl",
	'ľ': "sk", 'ĺ': "sk", 'ŕ': "sk", 'ô': "sk fr pt vi",
	'ș': "ro", 'ț': "ro", 'ţ': "ro", 'ş': "tr ro", 'ă': "ro vi", 'î': "ro fr", 'â': "ro fr pt vi",
	'ő': "hu", 'ű': "hu", 'ğ': "tr", 'ı': "tr", 'đ': "vi hr", 'ơ': "vi", 'ư': "vi",
	'ß': "de", 'ä': "de sv fi sk", 'ö': "de sv fi tr hu", 'ü': "de tr hu",
	'å': "sv da nb", 'æ': "da nb", 'ø': "da nb",
	'è': "fr it ca", 'à': "fr it ca pt", 'ò': "it ca", 'ì': "it", 'ù': "it fr", 'ï': "fr ca nl", 'œ': "fr",
	'ê': "fr pt vi", 'ë': "nl fr",
}

// latinLangs are the languages told apart by their words, in the order
// of their scores.
var latinLangs = []string{"en", "es", "pt", "fr", "de", "it", "nl", "ca", "pl", "cs", "sk", "ro", "hu", "sv", "da", "nb", "fi", "tr", "id", "vi", "sw", "hr"}

// wordLangs and cueLangs are the lists above by word and by letter, each
// with the languages it points to (as indexes of latinLangs).
var wordLangs, cueLangs = cueTables()

func cueTables() (map[string][]int, map[rune][]int) {
	words, cues := map[string][]int{}, map[rune][]int{}
	for i, lang := range latinLangs {
		for _, w := range strings.Fields(stopWords[lang]) {
			words[w] = append(words[w], i)
		}
		for r, langs := range letterCues {
			if contains(strings.Fields(langs), lang) {
				cues[r] = append(cues[r], i)
			}
		}
	}
	// Vietnamese marks tones above and below its vowels, in letters no
	// other language writes: ạ ả ấ … ỹ.
	vi := slices.Index(latinLangs, "vi")
	for r := rune(0x1EA0); r <= 0x1EF9; r++ {
		cues[r] = []int{vi}
	}
	return words, cues
}
