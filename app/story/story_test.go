package story

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

const defaultStoryPath = "../../web/stories/oval-office-2025.json"

func mustParseDefault(t testing.TB) *Story {
	t.Helper()
	data, err := os.ReadFile(defaultStoryPath)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse("oval-office-2025.json", data)
	if err != nil {
		t.Fatalf("the default story does not parse:\n%v", err)
	}
	return s
}

func TestBuiltInStory(t *testing.T) {
	s := mustParseDefault(t)
	wantOrder := []ID{
		"paris-ceasefire-2019",
		"oval-office-meeting",
		"minerals-deal-unsigned",
		"kharkiv-drone-strike",
		// Late evening in Paris, as leaders reacted to Zelensky's
		// departure: after it, and after the strike began.
		"european-solidarity",
		// The late afternoon in Washington, before AP's 6:12 pm update.
		"trump-overplayed-his-hand",
		"zelensky-lands-in-uk",
		"nato-chief-urges-repair",
		"starmer-receives-zelensky",
		"london-summit",
	}
	if len(s.Events) != len(wantOrder) {
		t.Fatalf("default story has %d events; want %d", len(s.Events), len(wantOrder))
	}
	for i, id := range wantOrder {
		if s.Events[i].ID != id {
			t.Errorf("event %d is %q; want %q", i, s.Events[i].ID, id)
		}
	}
	for _, e := range s.Events {
		if len(e.Sources) == 0 {
			t.Errorf("event %q names no source", e.ID)
		}
	}
	for _, q := range s.Quotes {
		if q.Source == "" {
			t.Errorf("quote %q names no source", q.ID)
		}
	}
}

// TestBuiltInStoryQuotesAreExact holds the default story to the rules of
// quotation: a direct quote is the report's own words, and its card keeps
// the report's sentence that carries them in quotation marks (the
// validator checks the words against it); reported speech carries no
// quotation marks; and every phrase the story's own text puts in quotation
// marks is one of those direct quotes.
func TestBuiltInStoryQuotesAreExact(t *testing.T) {
	s := mustParseDefault(t)
	direct := map[string]bool{}
	for _, q := range s.Quotes {
		switch q.Kind {
		case Direct:
			direct[q.Text] = true
			if q.Source != "article" || !strings.Contains(q.SourceText, "“"+q.Text+"”") {
				t.Errorf("direct quote %q: its source sentence %q does not quote “%s” from the report", q.ID, q.SourceText, q.Text)
			}
		case Reported:
			if strings.ContainsAny(q.Text, "“”\"") {
				t.Errorf("reported quote %q contains quotation marks: %s", q.ID, q.Text)
			}
			// Its source's id and link carry its provenance: the file
			// does not keep another outlet's sentences it checks nothing
			// against.
			if q.SourceText != "" {
				t.Errorf("reported quote %q keeps a source sentence, which checks nothing", q.ID)
			}
		}
	}
	if len(direct) != 4 {
		t.Errorf("default story has %d direct quotes; the report has 4", len(direct))
	}
	for _, e := range s.Events {
		for _, text := range []string{e.Headline, string(e.Body)} {
			for _, phrase := range quotedPhrases(text) {
				if !direct[phrase] {
					t.Errorf("event %q quotes “%s”, which is none of the story's direct quotes", e.ID, phrase)
				}
			}
		}
	}
}

// TestBuiltInStorySourcesCanBeChecked: every event cites at least one
// source a reader can open, and every source but the report the story is
// built from has a link.
func TestBuiltInStorySourcesCanBeChecked(t *testing.T) {
	s := mustParseDefault(t)
	for _, e := range s.Events {
		linked := 0
		for _, ref := range e.Sources {
			if src := s.Source(ref); src != nil && (strings.HasPrefix(string(src.URL), "https://") || strings.HasPrefix(string(src.URL), "http://")) {
				linked++
			}
		}
		if linked == 0 {
			t.Errorf("event %q cites no source with a link", e.ID)
		}
	}
	for _, src := range s.Sources {
		if src.ID != "article" && src.URL == "" {
			t.Errorf("source %q has no link", src.ID)
		}
	}
}

func quotedPhrases(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "“")
		if i < 0 {
			return out
		}
		s = s[i+len("“"):]
		j := strings.Index(s, "”")
		if j < 0 {
			return out
		}
		out = append(out, s[:j])
		s = s[j+len("”"):]
	}
}

// TestBuiltInStoryTimes checks the dates the story gives against the
// reporting, in the zone where each thing happened.
func TestBuiltInStoryTimes(t *testing.T) {
	s := mustParseDefault(t)
	tests := []struct {
		event  Ref
		zone   string
		want   string // start, formatted in zone
		prec   Precision
		approx bool
	}{
		{event: "paris-ceasefire-2019", zone: "Europe/Paris", want: "2019-12-09", prec: Day},
		{event: "oval-office-meeting", zone: "America/New_York", want: "2025-02-28", prec: Day},
		{event: "minerals-deal-unsigned", zone: "America/New_York", want: "2025-02-28 13:45 EST", prec: Minute, approx: true},
		{event: "european-solidarity", zone: "Europe/Paris", want: "2025-02-28", prec: Day},
		{event: "kharkiv-drone-strike", zone: "Europe/Kyiv", want: "2025-02-28 22:57 EET", prec: Minute},
		{event: "trump-overplayed-his-hand", zone: "America/New_York", want: "2025-02-28", prec: Day},
		{event: "zelensky-lands-in-uk", zone: "Europe/London", want: "2025-03-01", prec: Day},
		{event: "london-summit", zone: "Europe/London", want: "2025-03-02", prec: Day},
	}
	for _, tt := range tests {
		t.Run(string(tt.event), func(t *testing.T) {
			e := s.Event(tt.event)
			if e == nil {
				t.Fatalf("no event %q", tt.event)
			}
			layout := "2006-01-02"
			switch tt.prec {
			case Hour:
				layout = "2006-01-02 15 MST"
			case Minute:
				layout = "2006-01-02 15:04 MST"
			}
			if got := e.Start.Time().Format(layout); got != tt.want {
				t.Errorf("%s starts %s; want %s", tt.event, got, tt.want)
			}
			if e.Start.Precision() != tt.prec || e.Start.Approximate != tt.approx {
				t.Errorf("%s precision %v approximate %v; want %v %v", tt.event, e.Start.Precision(), e.Start.Approximate, tt.prec, tt.approx)
			}
			if e.Start.Time().Location().String() != tt.zone {
				t.Errorf("%s zone %s; want %s", tt.event, e.Start.Time().Location(), tt.zone)
			}
		})
	}
	if left := s.Event("minerals-deal-unsigned").Start; left.Text != "" {
		t.Errorf("Zelensky's departure reads %q; the machine-readable time must say what readers read", left.Text)
	}
	strike := s.Event("kharkiv-drone-strike")
	if d := strike.End.Time().Sub(strike.Start.Time()); d != 86*time.Minute {
		t.Errorf("strike lasts %v; want 1h26m", d)
	}
}

func TestBuiltInStoryReplyChain(t *testing.T) {
	s := mustParseDefault(t)
	var chain []Ref
	for q := s.Quote("vance-disrespect"); q != nil; q = s.Quote(q.ReplyTo) {
		chain = append(chain, Ref(q.ID))
	}
	want := []Ref{"vance-disrespect", "zelensky-what-diplomacy", "vance-diplomacy"}
	if strings.Join(refs(chain), ",") != strings.Join(refs(want), ",") {
		t.Errorf("reply chain %v; want %v", chain, want)
	}
}

func refs(r []Ref) []string {
	out := make([]string, len(r))
	for i, x := range r {
		out[i] = string(x)
	}
	return out
}

func TestLookups(t *testing.T) {
	// Every id of the story finds its own entry; the ids come from the
	// file, so that an editor's renaming breaks nothing here.
	s := mustParseDefault(t)
	for i := range s.People {
		if p := s.Person(Ref(s.People[i].ID)); p != &s.People[i] {
			t.Errorf("Person(%s) = %v", s.People[i].ID, p)
		}
	}
	for i := range s.Events {
		id := Ref(s.Events[i].ID)
		if e := s.Event(id); e != &s.Events[i] {
			t.Errorf("Event(%s) = %v", id, e)
		}
		if got := s.EventIndex(id); got != i {
			t.Errorf("EventIndex(%s) = %d; want %d", id, got, i)
		}
		var want []*Quote
		for j := range s.Quotes {
			if s.Quotes[j].Event == id {
				want = append(want, &s.Quotes[j])
			}
		}
		if got := s.QuotesOf(id); !slices.Equal(got, want) {
			t.Errorf("QuotesOf(%s) = %d quotes; want %d in file order", id, len(got), len(want))
		}
	}
	for i := range s.Quotes {
		if q := s.Quote(Ref(s.Quotes[i].ID)); q != &s.Quotes[i] {
			t.Errorf("Quote(%s) = %v", s.Quotes[i].ID, q)
		}
	}
	for i := range s.Sources {
		if src := s.Source(Ref(s.Sources[i].ID)); src != &s.Sources[i] {
			t.Errorf("Source(%s) = %v", s.Sources[i].ID, src)
		}
	}
	if len(s.People) == 0 || len(s.Quotes) == 0 || len(s.Sources) == 0 {
		t.Fatal("the story has nothing to look up")
	}
	if s.Person("nobody") != nil || s.Event("nothing") != nil || s.Quote("none") != nil || s.Source("no") != nil {
		t.Error("lookups of unknown ids must return nil")
	}
	if s.EventIndex("missing") != -1 {
		t.Error("EventIndex of an unknown id must be -1")
	}
}

func TestEventsSortStably(t *testing.T) {
	data := []byte(`{"id":"s","title":"T","language":"en","events":[
		{"id":"late","headline":"L","start":{"date":"2025-03-02"}},
		{"id":"tie-first","headline":"A","start":{"date":"2025-03-01"}},
		{"id":"tie-second","headline":"B","start":{"date":"2025-03-01"}},
		{"id":"early","headline":"E","start":{"date":"2019"}},
		{"id":"tie-third","headline":"C","start":{"date":"2025-03-01"}}]}`)
	s, err := Parse("sort.json", data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.Events {
		got = append(got, string(e.ID))
	}
	want := "early,tie-first,tie-second,tie-third,late"
	if strings.Join(got, ",") != want {
		t.Errorf("events sorted as %v; want %s", got, want)
	}
}

// TestReadmeExample keeps the example in the README valid.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "```json\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("README has no JSON example")
	}
	if _, err := Parse("README.md example", []byte(example)); err != nil {
		t.Errorf("the README's example story does not parse:\n%v", err)
	}
}

// articleRun is the most words in a row the built-in story may share
// with the report it is built from, anywhere readers are served: a short
// phrase in common is unavoidable, a run of a dozen words is the report's
// sentence copied.
const articleRun = 12

// reportText names the report's text for -article, which rewrites the
// fingerprints of its runs in testdata; the report itself is not kept.
var reportText = flag.String("article", "", "rewrite testdata/article-runs.txt from this text of the built-in story's source report")

// TestBuiltInStoryOwnWords: no run of articleRun words of what readers are
// served (every text of the story as readers get it, markup aside, the
// quotes' source sentences excepted since readers never get them) is a
// run of the report's. The report is kept as fingerprints of its runs
// (testdata/article-runs.txt), not as text: the story cites it, it does
// not republish it.
func TestBuiltInStoryOwnWords(t *testing.T) {
	const runsPath = "testdata/article-runs.txt"
	if *reportText != "" {
		text, err := os.ReadFile(*reportText)
		if err != nil {
			t.Fatal(err)
		}
		prints := slices.Sorted(maps.Keys(runPrints(string(text), articleRun)))
		if err := os.WriteFile(runsPath, []byte(strings.Join(prints, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(runsPath)
	if err != nil {
		t.Fatal(err)
	}
	report := map[string]bool{}
	for _, p := range strings.Fields(string(data)) {
		report[p] = true
	}
	if len(report) < 300 {
		t.Fatalf("%s holds %d runs; the report has over 300", runsPath, len(report))
	}
	served, err := json.Marshal(mustParseDefault(t).ForReaders())
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range jsonStrings(t, served) {
		plain := RichText(text).PlainText()
		words := runWords(plain)
		for i := 0; i+articleRun <= len(words); i++ {
			if report[runPrint(words[i:i+articleRun])] {
				t.Errorf("served text repeats %d words of the report in a row: “%s…”", articleRun, strings.Join(words[i:i+articleRun], " "))
				break
			}
		}
	}
}

// TestRunPrintsFindCopies: the check above finds a run copied from a text
// whatever the case, the punctuation and the apostrophes, and a run
// changed by one word is not one.
func TestRunPrintsFindCopies(t *testing.T) {
	report := runPrints("Upon landing in the UK, Zelensky launched a fourteen-post thread on X, reiterating his calls.", 12)
	tests := []struct {
		text string
		want bool
	}{
		{"He said: upon landing in the U.K. Zelensky launched a fourteen post thread on X", false}, // "U.K." is two words
		{"UPON LANDING IN THE UK — ZELENSKY LAUNCHED A FOURTEEN-POST THREAD ON X", true},
		{"upon landing in the UK, Zelensky started a fourteen-post thread on X", false},
		{"upon landing in the UK Zelensky launched a fourteen-post thread on X, reiterating", true},
	}
	for _, tt := range tests {
		words := runWords(tt.text)
		found := false
		for i := 0; i+12 <= len(words); i++ {
			found = found || report[runPrint(words[i:i+12])]
		}
		if found != tt.want {
			t.Errorf("%q: found %v; want %v", tt.text, found, tt.want)
		}
	}
}

// runWords splits text into words as a copy check compares them: letters
// and digits, lower case, apostrophes dropped (Ukraine’s, Ukraine's and
// Ukraines are one word).
func runWords(text string) []string {
	text = strings.NewReplacer("’", "", "'", "").Replace(strings.ToLower(text))
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// runPrint is a run's fingerprint: enough of its SHA-256 to tell runs
// apart, too little to read the text back.
func runPrint(words []string) string {
	sum := sha256.Sum256([]byte(strings.Join(words, " ")))
	return hex.EncodeToString(sum[:8])
}

func runPrints(text string, n int) map[string]bool {
	words := runWords(text)
	out := map[string]bool{}
	for i := 0; i+n <= len(words); i++ {
		out[runPrint(words[i:i+n])] = true
	}
	return out
}

// jsonStrings lists every string value in a JSON document.
func jsonStrings(t *testing.T, data []byte) []string {
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	return out
}
