package timelinejs

import (
	"strings"
	"testing"

	"explainer/app/story"
)

// The texts below were written for this test, a few sentences each, as a
// newsroom's timeline puts them: names, numbers and a date among words.
var languageTexts = []struct {
	lang story.Lang
	text string
}{
	{"en", "The government announced on Tuesday that the bridge would reopen in March. Engineers had found cracks in two of its pillars after the storm. Traffic has been diverted through the old town since then."},
	{"es", "El Gobierno anunció el martes que el puente volverá a abrir en marzo. Los ingenieros encontraron grietas en dos de sus pilares después de la tormenta. Desde entonces el tráfico se desvía por el casco antiguo."},
	{"pt", "O governo anunciou na terça-feira que a ponte será reaberta em março. Os engenheiros encontraram rachaduras em dois dos seus pilares após a tempestade. Desde então, o trânsito é desviado pelo centro histórico."},
	{"fr", "Le gouvernement a annoncé mardi que le pont rouvrira en mars. Les ingénieurs avaient découvert des fissures dans deux de ses piliers après la tempête. Depuis, la circulation est déviée par la vieille ville."},
	{"de", "Die Regierung kündigte am Dienstag an, dass die Brücke im März wieder geöffnet wird. Nach dem Sturm hatten Ingenieure Risse in zwei ihrer Pfeiler gefunden. Seitdem wird der Verkehr durch die Altstadt umgeleitet."},
	{"it", "Il governo ha annunciato martedì che il ponte riaprirà a marzo. Dopo la tempesta gli ingegneri avevano trovato crepe in due dei suoi piloni. Da allora il traffico è deviato attraverso il centro storico."},
	{"nl", "De regering heeft dinsdag bekendgemaakt dat de brug in maart weer opengaat. Na de storm vonden ingenieurs scheuren in twee van de pijlers. Sindsdien wordt het verkeer door de oude binnenstad omgeleid."},
	{"ca", "El Govern va anunciar dimarts que el pont tornarà a obrir al març. Els enginyers van trobar esquerdes en dos dels seus pilars després de la tempesta. Des d'aleshores el trànsit es desvia pel nucli antic."},
	{"pl", "Rząd ogłosił we wtorek, że most zostanie ponownie otwarty w marcu. Po burzy inżynierowie znaleźli pęknięcia w dwóch jego filarach. Od tego czasu ruch jest kierowany przez stare miasto."},
	{"cs", "Vláda v úterý oznámila, že most bude znovu otevřen v březnu. Inženýři po bouři našli trhliny ve dvou jeho pilířích. Od té doby je doprava odkloněna přes staré město, které je ucpané."},
	{"sk", "Vláda v utorok oznámila, že most bude znovu otvorený v marci. Inžinieri po búrke našli trhliny v dvoch jeho pilieroch. Odvtedy je doprava presmerovaná cez staré mesto, ktoré je preplnené."},
	{"ro", "Guvernul a anunțat marți că podul va fi redeschis în martie. După furtună, inginerii au găsit fisuri în doi dintre pilonii săi. De atunci, traficul este deviat prin centrul vechi al orașului."},
	{"hu", "A kormány kedden bejelentette, hogy a híd márciusban újra megnyílik. A vihar után a mérnökök repedéseket találtak két pillérében. Azóta a forgalmat az óvároson keresztül terelik el, és a dugók nem szűnnek."},
	{"sv", "Regeringen meddelade på tisdagen att bron öppnar igen i mars. Efter stormen hittade ingenjörer sprickor i två av dess pelare. Sedan dess leds trafiken genom gamla stan, och det har blivit köer."},
	{"da", "Regeringen meddelte tirsdag, at broen åbner igen i marts. Efter stormen fandt ingeniører revner i to af dens søjler, og man havde ikke meget tid. Siden da er trafikken blevet ledt gennem den gamle bydel."},
	{"nb", "Regjeringen kunngjorde tirsdag at brua åpner igjen i mars. Etter stormen fant ingeniører sprekker i to av pilarene, og de hadde ikke mye tid. Siden da har trafikken blitt ledet gjennom gamlebyen."},
	{"fi", "Hallitus ilmoitti tiistaina, että silta avataan uudelleen maaliskuussa. Myrskyn jälkeen insinöörit löysivät halkeamia sen kahdesta pilarista. Siitä lähtien liikenne on ohjattu vanhan kaupungin kautta, ja ruuhkat ovat olleet pitkiä."},
	{"tr", "Hükümet salı günü köprünün mart ayında yeniden açılacağını duyurdu. Fırtınadan sonra mühendisler iki ayağında çatlaklar buldu. O zamandan beri trafik eski şehir üzerinden yönlendiriliyor ve bu durum çok sıkıntı yaratıyor."},
	{"id", "Pemerintah mengumumkan pada hari Selasa bahwa jembatan itu akan dibuka kembali pada bulan Maret. Setelah badai, para insinyur menemukan retakan di dua tiangnya. Sejak saat itu lalu lintas dialihkan melalui kota tua."},
	{"vi", "Chính phủ thông báo hôm thứ Ba rằng cây cầu sẽ mở cửa trở lại vào tháng Ba. Sau cơn bão, các kỹ sư đã phát hiện những vết nứt trên hai trụ cầu. Từ đó đến nay, giao thông được chuyển hướng qua khu phố cổ."},
	{"sw", "Serikali ilitangaza Jumanne kwamba daraja hilo litafunguliwa tena mwezi Machi. Baada ya dhoruba, wahandisi walipata nyufa katika nguzo zake mbili. Tangu wakati huo magari yanapitishwa katikati ya mji wa kale."},
	{"hr", "Vlada je u utorak objavila da će se most ponovno otvoriti u ožujku. Nakon oluje inženjeri su pronašli pukotine na dva njegova stupa. Od tada se promet preusmjerava kroz stari grad, što je izazvalo gužve."},
	// Scripts that one language writes, or that letters tell apart.
	{"ar", "أعلنت الحكومة يوم الثلاثاء أن الجسر سيعاد فتحه في مارس. وكان المهندسون قد وجدوا تشققات في اثنتين من ركائزه بعد العاصفة."},
	{"fa", "دولت روز سه\u200cشنبه اعلام کرد که پل در ماه مارس دوباره باز می\u200cشود. مهندسان پس از طوفان در دو پایه آن ترک پیدا کردند."},
	{"ur", "حکومت نے منگل کو اعلان کیا کہ پل مارچ میں دوبارہ کھولا جائے گا۔ طوفان کے بعد انجینئروں کو اس کے دو ستونوں میں دراڑیں ملیں۔"},
	{"he", "הממשלה הודיעה ביום שלישי כי הגשר ייפתח מחדש במרץ. המהנדסים מצאו סדקים בשניים מעמודיו לאחר הסערה."},
	{"hi", "सरकार ने मंगलवार को घोषणा की कि पुल मार्च में फिर से खुलेगा। तूफान के बाद इंजीनियरों को उसके दो खंभों में दरारें मिलीं।"},
	{"bn", "সরকার মঙ্গলবার ঘোষণা করেছে যে সেতুটি মার্চে আবার খুলবে। ঝড়ের পর প্রকৌশলীরা এর দুটি স্তম্ভে ফাটল খুঁজে পান।"},
	{"zh-Hans", "政府星期二宣布，这座桥将于三月重新开放。暴风雨过后，工程师在两个桥墩上发现了裂缝。从那时起，车辆经老城区绕行。"},
	{"zh-Hant", "政府星期二宣布，這座橋將於三月重新開放。暴風雨過後，工程師在兩個橋墩上發現了裂縫。從那時起，車輛經老城區繞行。"},
	{"ja", "政府は火曜日、橋を三月に再開すると発表した。嵐の後、技術者が二本の橋脚にひびを見つけていた。それ以来、車は旧市街を迂回している。"},
	{"ko", "정부는 화요일 다리가 3월에 다시 개통된다고 발표했다. 폭풍 이후 기술자들이 교각 두 곳에서 균열을 발견했다."},
	{"th", "รัฐบาลประกาศเมื่อวันอังคารว่าสะพานจะเปิดใช้อีกครั้งในเดือนมีนาคม หลังพายุ วิศวกรพบรอยร้าวที่ตอม่อสองต้น"},
	{"el", "Η κυβέρνηση ανακοίνωσε την Τρίτη ότι η γέφυρα θα ανοίξει ξανά τον Μάρτιο. Μετά την καταιγίδα οι μηχανικοί βρήκαν ρωγμές σε δύο πυλώνες."},
	{"uk", "Уряд у вівторок оголосив, що міст знову відкриють у березні. Після бурі інженери знайшли тріщини у двох його опорах. Відтоді рух транспорту спрямовують через старе місто."},
	{"ru", "Правительство во вторник объявило, что мост снова откроют в марте. После бури инженеры нашли трещины в двух его опорах. С тех пор движение транспорта направляют через старый город, где возникают пробки."},
	{"bg", "Правителството обяви във вторник, че мостът ще бъде отворен отново през март. След бурята инженерите откриха пукнатини в две от опорите му."},
	{"be", "Урад у аўторак абвясціў, што мост зноў адкрыюць у сакавіку. Пасля буры інжынеры знайшлі расколіны ў двух яго апорах."},
	{"sr-Cyrl", "Влада је у уторак објавила да ће мост поново бити отворен у марту. После олује инжењери су пронашли пукотине на два његова стуба, а саобраћај се одвија кроз стари град."},
	{"ka", "მთავრობამ სამშაბათს გამოაცხადა, რომ ხიდი მარტში ხელახლა გაიხსნება."},
	{"hy", "Կառավարությունը երեքշաբթի հայտարարեց, որ կամուրջը կվերաբացվի մարտին։"},
}

// TestGuessLanguage: a few sentences in each language are taken as that
// language, and surely, whatever names and numbers are among them.
func TestGuessLanguage(t *testing.T) {
	for _, tt := range languageTexts {
		t.Run(string(tt.lang), func(t *testing.T) {
			g := guessLanguage(tt.text)
			if g.lang != tt.lang || g.doubt != "" {
				t.Errorf("%s text: guessed %s (by %s, doubt %q)", tt.lang, g.lang, g.by, g.doubt)
			}
		})
	}
}

// TestGuessLanguageInDoubt: a title alone, a name, a text in two
// languages half and half do not say their language: the guess is
// English, TimelineJS's default, with why it is in doubt. A short text
// in a script one language writes still says it.
func TestGuessLanguageInDoubt(t *testing.T) {
	for _, tt := range []struct {
		text  string
		lang  story.Lang
		doubt string // a part of the doubt; "" for none
	}{
		{"Tinta y tipos", "en", "too few words to tell (perhaps Spanish)"},
		{"La Guerra Civil", "en", "too few words"},
		{"Brexit", "en", "too few words"},
		{"", "en", "no words"},
		{"1969 — 2025", "en", "no words"},
		{"Der Fall der Mauer", "en", "too few words to tell (perhaps German)"},
		{"Apollo 11", "en", "too few words"},
		// Half Danish, half Norwegian: each language's own words in equal
		// numbers.
		{"Efter stormen havde de ikke meget tid. Etter stormen hadde de ikke mye tid.", "en", "as much"},
		// A title is enough in a script that one language writes.
		{"สงครามเย็น", "th", ""},
		{"מלחמת ששת הימים", "he", ""},
		{"한국 전쟁", "ko", ""},
		// Cyrillic with none of the letters that tell its languages apart.
		{"Война", "ru", "none of the letters"},
	} {
		g := guessLanguage(tt.text)
		switch {
		case g.lang != tt.lang:
			t.Errorf("%q: guessed %s; want %s", tt.text, g.lang, tt.lang)
		case tt.doubt == "" && g.doubt != "":
			t.Errorf("%q: in doubt: %s", tt.text, g.doubt)
		case !strings.Contains(g.doubt, tt.doubt):
			t.Errorf("%q: doubt %q; want it to say %q", tt.text, g.doubt, tt.doubt)
		}
	}
}

// TestGuessLanguageAmongOthers: the language of most of the text wins
// over quotations, names and addresses in another.
func TestGuessLanguageAmongOthers(t *testing.T) {
	es := languageTexts[1].text
	for _, text := range []string{
		es + ` El ministro dijo en inglés: "We will rebuild it".`,
		es + " Más información en https://www.example.com/the-bridge-and-the-storm.",
		"Puente de Brooklyn, New York. " + es,
	} {
		if g := guessLanguage(text); g.lang != "es" || g.doubt != "" {
			t.Errorf("%q: guessed %s (doubt %q)", text, g.lang, g.doubt)
		}
	}
}

// TestFromOption: TimelineJS's language codes are read as the BCP 47
// tags of their languages; what names no language is refused.
func TestFromOption(t *testing.T) {
	for code, want := range map[string]story.Lang{
		"es": "es", "pt-br": "pt-BR", "PT_BR": "pt-BR", "zh-cn": "zh-Hans", "zh-tw": "zh-Hant", "cz": "cs",
		"iw": "he", "no": "nb", "sr": "sr-Latn", "sr-cy": "sr-Cyrl", "en-24hr": "en", "en-gb": "en-GB",
		"ar": "ar", " de ": "de", "es-419": "es-419", "zh-hant-tw": "zh-Hant-TW", "ar-u-nu-latn": "ar-u-nu-latn",
		"ar-EG-U-NU-LATN": "ar-EG-u-nu-latn",
		"":                "", "spanish": "", "e": "", "https://example.org/lang/es.json": "", "my-es.json": "", "es/": "",
	} {
		got, why := fromOption(code)
		if got != want || (want == "") != (why != "") {
			t.Errorf("fromOption(%q) = %q, %q; want %q", code, got, why, want)
		}
	}
}
