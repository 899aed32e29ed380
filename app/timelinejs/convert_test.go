package timelinejs_test

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"

	"explainer/app/internal/golden"
	"explainer/app/internal/htmltest"
	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/timelinejs"
	"explainer/app/widget"
)

// The test timelines, each with the shapes real ones have. What each
// exercises is said beside it; together they cover every feature of the
// format and every kind of mess the importer meets.
var files = []struct {
	name string
	opt  timelinejs.Options
	// links are addresses the source gives as bare text (TimelineJS
	// links them), which must survive as links too.
	links []string
}{
	{name: "minimal.json"}, // events only: no title, dates at year, month and day
	{name: "moon-landing.json", opt: timelinejs.Options{Zone: "UTC"}, links: []string{"https://history.nasa.gov/alsj/a11/a11.landing.html"}}, // title slide with video, times, display dates, groups, unique ids, links and emphasis
	{name: "deep-time.json"},  // cosmological scale: years as numbers, billions, BCE, year 0, "66,000,000"
	{name: "eras.json"},       // eras: with text, without a headline, ending before they start
	{name: "media-zoo.json"},  // media from every service TimelineJS recognises, embed code, thumb, link
	{name: "messy-html.json"}, // scripts, styles, frames, images, lists, breaks, entities, every kind of link
	{name: "strings-and-numbers.json", opt: timelinejs.Options{Zone: "Europe/London"}}, // dates as strings, numbers, one string, zero-padded, seconds, decimals
	{name: "bom-crlf.json"},    // a byte-order mark, CRLF, unknown fields, backgrounds
	{name: "backgrounds.json"}, // backgrounds: pictures and colours kept; http, a service's host, a named colour, relative dropped with a word
	{name: "timeline2.json", opt: timelinejs.Options{Zone: "America/New_York"}},   // the TimelineJS 2 form: "2011,9,17", tag, asset, era
	{name: "end-before-start.json"},                                               // an end before its start, repeated ids, no headline, relative and http media
	{name: "ukrainian.json", opt: timelinejs.Options{Lang: "uk"}},                 // Cyrillic text: ids romanised as Ukraine romanises, groups in Ukrainian
	{name: "template-2024.csv", opt: timelinejs.Options{Zone: "America/Chicago"}}, // the 2024 template with Alt Text: BOM, CRLF, multi-line cells, title and era rows, times
	{name: "legacy-sheet.csv", opt: timelinejs.Options{Zone: "America/New_York"}}, // an old sheet: Start Date, End Date, Tag, US dates, an unknown column, blank rows
	{name: "messy-sheet.csv"},                                                     // columns in any order, Title and ERA, an unknown type, embed code, a stray quote
	{name: "quotes-sheet.csv"},                                                    // quotations in Media and Text, with a cite or a closing "— Name", one naming nobody; "." and "-" placeholder rows
	{name: "quotes.json"},                                                         // quotations as media.url, a cite with a date, platforms' blockquotes that stay embeds, a "…" placeholder
	{name: "tinta-y-tipos.json"},                                                  // Spanish, and saying nothing of it: taken as Spanish from its words, with a warning
}

// convertFile converts a file of testdata, which must convert.
func convertFile(t *testing.T, name string, opt timelinejs.Options) (path string, data []byte, res *timelinejs.Result) {
	t.Helper()
	path = filepath.Join("testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if res, err = timelinejs.Convert(path, data, opt); err != nil {
		t.Fatal(err)
	}
	return path, data, res
}

// TestConvert imports each file, checks its warnings against the golden
// list, validates the story as explainer validate does, renders every
// event, and finds on the pages every event's headline and date and every
// link of the source's text.
func TestConvert(t *testing.T) {
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			path, data, res := convertFile(t, f.name, f.opt)
			var warnings strings.Builder
			for _, w := range res.Warnings {
				warnings.WriteString(w.String() + "\n")
			}
			golden.Check(t, strings.TrimSuffix(f.name, filepath.Ext(f.name))+".warnings", []byte(warnings.String()))
			golden.Check(t, strings.TrimSuffix(f.name, filepath.Ext(f.name))+".story.json", res.JSON)

			st, err := site.Check(path, res.JSON)
			if err != nil {
				t.Fatalf("the story does not validate: %v", err)
			}
			words := site.Words(st, widget.Options{})
			hrefs := map[string]bool{}
			var text strings.Builder
			for _, e := range st.Events {
				out := app.HTMLString(widget.New(st, widget.State{Event: story.Ref(e.ID)}, widget.Options{}, words))
				doc := htmltest.Parse(t, "<!doctype html><html><body>"+out+"</body></html>")
				for _, a := range htmltest.FindAll(doc, htmltest.ByTag("a")) {
					if h, ok := htmltest.Attr(a, "href"); ok {
						hrefs[unescape(h)] = true
					}
				}
				page := htmltest.Text(doc)
				text.WriteString(page)
				detail := htmltest.Text(htmltest.Find(doc, htmltest.ByID("explainer-detail")))
				if !strings.Contains(detail, e.Headline) {
					t.Errorf("event %s: the headline %q is not on its page", e.ID, e.Headline)
				}
				// The page's text has its spaces collapsed, CLDR's narrow ones too.
				if when := strings.Join(strings.Fields(words.FormatSpan(e.Start, e.End)), " "); !strings.Contains(detail, when) {
					t.Errorf("event %s: the date %q is not on its page", e.ID, when)
				}
				// Its quotes show as cards, the words in quotation marks
				// under the speaker's name.
				var cards []string
				for _, card := range htmltest.FindAll(doc, htmltest.ByClass("quote-card")) {
					cards = append(cards, htmltest.Text(card))
				}
				for _, q := range st.QuotesOf(story.Ref(e.ID)) {
					words := "“" + q.Text + "”"
					if !slices.ContainsFunc(cards, func(c string) bool {
						return strings.Contains(c, words) && strings.Contains(c, st.Person(q.Speaker).Name)
					}) {
						t.Errorf("event %s: no quote card shows %s by %s", e.ID, words, st.Person(q.Speaker).Name)
					}
				}
			}
			if len(st.Events) == 0 {
				t.Fatal("no events")
			}
			for _, want := range append(sourceLinks(string(data)), f.links...) {
				if !hrefs[unescape(want)] {
					t.Errorf("the link %s of the source is not on the pages", want)
				}
			}
		})
	}
}

// hrefRE finds the links of a source's HTML as JSON or CSV escape it:
// href="…", href=\"…\", href=""…"" or href='…'.
var hrefRE = regexp.MustCompile(`href=(?:\\?"{1,2}([^"\\]*)|'([^']*))`)

// sourceLinks are the absolute and protocol-relative http(s) links in the
// source's HTML: those a reader could follow in TimelineJS.
func sourceLinks(data string) []string {
	var out []string
	for _, m := range hrefRE.FindAllStringSubmatch(data, -1) {
		h := html.UnescapeString(m[1] + m[2])
		if strings.HasPrefix(h, "//") {
			h = "https:" + h
		}
		if strings.HasPrefix(h, "https://") || strings.HasPrefix(h, "http://") {
			out = append(out, h)
		}
	}
	return out
}

// unescape reads an address as a browser would follow it, so that an
// address percent-encoded on the way compares equal to the source's.
func unescape(h string) string {
	if u, err := url.PathUnescape(h); err == nil {
		return u
	}
	return h
}

// TestConvertErrors: what cannot be read is an error that names its
// place, and no story comes out.
func TestConvertErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"empty.json", "", "empty.json: the file is empty"},
		{"blank.csv", " \r\n\t", "blank.csv: the file is empty"},
		{"comma.json", "{\"events\": [\n  {\"start_date\": {\"year\": 2020}, \"text\": {\"headline\": \"x\"}},\n]}", "comma.json:3:1: trailing comma before ]: remove the last comma"},
		{"open.json", `{"events": [`, "open.json:1:13: unexpected end of file: a value is missing"},
		{"list.json", `[1, 2]`, "list.json:1:1: $: a timeline is a JSON object { ... }"},
		{"notes.txt", "Just some notes\nabout a timeline", "notes.txt:1:1: neither TimelineJS JSON"},
		{"no-headline.csv", "Year,Month,Day,Text\n2020,1,1,Hello", "no-headline.csv:1:1: row 1: the sheet has no Headline column"},
		{"no-date.csv", "Headline,Text,Media\nA,B,C", "no-date.csv:1:1: row 1: the sheet has no Year (or Start Date) column"},
		{"no-events.json", `{"title": {"text": {"headline": "T"}}}`, `no-events.json:1:1: $: a TimelineJS timeline has "events": [ ... ]`},
		{"empty-events.json", `{"events": []}`, "empty-events.json:1:1: $: the timeline has no events"},
		{"placeholders.csv", "Headline,Year\n.,2020\n!,2021", "placeholders.csv:1:1: row 1: no slide has anything to show, only placeholders: the timeline has no events"},
		{"soon.json", `{"events": [{"start_date": {"year": "soon"}, "text": {"headline": "x"}}]}`, `soon.json:1:37: $.events[0].start_date.year: the year "soon" is not a number`},
		{"no-start.json", `{"events": [{"text": {"headline": "x"}}]}`, "no-start.json:1:13: $.events[0]: event 1 has no start date"},
		{"month.json", `{"events": [{"start_date": {"year": 2020, "month": 13}, "text": {"headline": "x"}}]}`, "month.json:1:52: $.events[0].start_date.month: the month 13 is not between 1 and 12"},
		{"february.json", `{"events": [{"start_date": {"year": 2021, "month": 2, "day": 30}, "text": {"headline": "x"}}]}`, "february.json:1:62: $.events[0].start_date.day: 2021-02-30 is not a day of the calendar"},
		{"big-bang.json", `{"events": [{"start_date": {"year": -14000000000}}]}`, "big-bang.json:1:37: $.events[0].start_date.year: the year -14000000000 is before the Big Bang"},
		{"future.json", `{"events": [{"start_date": {"year": 12000}}]}`, "future.json:1:37: $.events[0].start_date.year: the year 12000 is after 9999"},
		{"yesterday.csv", "Start Date,Headline\nyesterday,x", `yesterday.csv:2:1: row 2, Start Date: "yesterday" is not a date`},
		{"clock.csv", "Year,Month,Day,Time,Headline\n2020,1,1,25:00,x", `clock.csv:2:10: row 2, Time: "25:00" is not a time of day`},
		{"deep.json", strings.Repeat("[", 100) + strings.Repeat("]", 100), "deep.json:1:33: nesting deeper than 32 levels: a timeline is never this deep"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := timelinejs.Convert(tt.name, []byte(tt.data), timelinejs.Options{})
			if err == nil {
				t.Fatalf("converted: %s", res.JSON)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error:\n  %s\nwant it to start:\n  %s", err, tt.want)
			}
		})
	}
}

// TestDetect tells a TimelineJS file from a story by content.
func TestDetect(t *testing.T) {
	story, err := os.ReadFile("../widget/testdata/story.json")
	if err != nil {
		t.Fatal(err)
	}
	if timelinejs.IsTimeline(story) {
		t.Error("a story is taken for a timeline")
	}
	if timelinejs.IsTimeline(bytes.Replace(story, []byte(`"id"`), []byte(`"ids"`), 1)) {
		t.Error("a story without its id is taken for a timeline")
	}
	// A timeline with TimelineJS's language option beside it has a
	// language, as a story does, and TimelineJS's events.
	spanish, err := os.ReadFile("testdata/tinta-y-tipos.json")
	if err != nil {
		t.Fatal(err)
	}
	if !timelinejs.IsTimeline(bytes.Replace(spanish, []byte("{"), []byte(`{"language": "es", `), 1)) {
		t.Error("a timeline with a language option is not taken for a timeline")
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join("testdata", f.name))
		if err != nil {
			t.Fatal(err)
		}
		want := timelinejs.CSV
		if strings.HasSuffix(f.name, ".json") {
			want = timelinejs.JSON
			if !timelinejs.IsTimeline(data) {
				t.Errorf("%s is not taken for a timeline", f.name)
			}
		}
		if got := timelinejs.Detect(data); got != want {
			t.Errorf("Detect(%s) = %d; want %d", f.name, got, want)
		}
	}
}

// FuzzConvert: whatever the input, Convert returns a story that validates
// or errors; it never panics, and never makes a story that does not pass.
func FuzzConvert(f *testing.F) {
	for _, file := range files {
		data, err := os.ReadFile(filepath.Join("testdata", file.name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := timelinejs.Convert("fuzz", data, timelinejs.Options{Zone: "UTC"})
		if err != nil {
			if strings.Contains(err.Error(), "a bug in the importer") {
				t.Fatal(err)
			}
			return
		}
		if _, err := story.Parse("fuzz.json", res.JSON); err != nil {
			t.Fatal(err)
		}
		if slices.ContainsFunc(res.Warnings, func(p timelinejs.Problem) bool { return p.File != "fuzz" }) {
			t.Fatal("a warning names another file")
		}
	})
}

// TestLanguage: the story's language is the caller's; else TimelineJS's
// language option, where the file carries one; else the text's, guessed
// from its script and words, with a warning that names it and says how
// to set another, in words that name no flag of the command line (the
// studio shows the same warnings). English that the words bear out is
// not warned of: it is what TimelineJS takes a timeline to be.
func TestLanguage(t *testing.T) {
	spanish, err := os.ReadFile(filepath.Join("testdata", "tinta-y-tipos.json"))
	if err != nil {
		t.Fatal(err)
	}
	// withOption is the Spanish timeline with TimelineJS options beside it.
	withOption := func(fields string) string {
		return strings.Replace(string(spanish), "{", "{"+fields+", ", 1)
	}
	for _, tt := range []struct {
		name, file, data string
		opt              timelinejs.Options
		lang             story.Lang
		warned           string // a part of the language warning; "" for none
	}{
		{name: "Spanish", file: "tinta-y-tipos.json", lang: "es", warned: "taken as Spanish (es) from its words"},
		{name: "Ukrainian", file: "ukrainian.json", lang: "uk", warned: "taken as Ukrainian (uk) from its letters (Cyrillic script)"},
		{name: "English", file: "moon-landing.json", lang: "en"},
		{name: "English sheet", file: "template-2024.csv", lang: "en"},
		{name: "Spanish sheet", data: "Year,Month,Day,Headline,Text\n" +
			"1472,2,5,El primer libro impreso en España,\"En Segovia sale de la prensa el Sinodal de Aguilafuente, las actas de un sínodo de la diócesis.\"\n" +
			"1539,,,La primera imprenta de América,\"Juan Pablos abre un taller en la Ciudad de México, y desde allí se imprimen doctrinas y gramáticas.\"\n",
			lang: "es", warned: "taken as Spanish (es) from its words"},
		{name: "too short to tell", file: "minimal.json", lang: "en", warned: "too few words to tell: taken as English (en)"},
		{name: "a title alone", data: `{"title": {"text": {"headline": "Tinta y tipos"}}, "events": [{"start_date": {"year": "1455"}, "text": {"headline": "Gutenberg"}}]}`,
			lang: "en", warned: "too few words to tell (perhaps Spanish): taken as English (en)"},
		{name: "the option", data: withOption(`"language": "es-419"`), lang: "es-419"},
		{name: "the option as TimelineJS writes it", data: withOption(`"options": {"lang": "pt-br", "initial_zoom": 2}`), lang: "pt-BR"},
		{name: "a TimelineJS code", data: withOption(`"options": {"language": "zh-tw"}`), lang: "zh-Hant"},
		{name: "the option beside a TimelineJS 2 timeline", data: `{"lang": "fr", "timeline": {"headline": "Chronologie", "type": "default", "date": [{"startDate": "2011,9,17", "headline": "Occupation du parc"}]}}`, lang: "fr"},
		{name: "an option that names no language", data: withOption(`"language": "spanish"`), lang: "es", warned: "taken as Spanish (es) from its words"},
		{name: "a translation file", data: withOption(`"language": "https://example.org/tl/es.json"`), lang: "es", warned: "taken as Spanish (es)"},
		{name: "the caller over the option", data: withOption(`"language": "es"`), opt: timelinejs.Options{Lang: "ca"}, lang: "ca"},
		{name: "the caller over the text", file: "tinta-y-tipos.json", opt: timelinejs.Options{Lang: "es-MX"}, lang: "es-MX"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			if tt.file != "" {
				if data, err = os.ReadFile(filepath.Join("testdata", tt.file)); err != nil {
					t.Fatal(err)
				}
			}
			tt.opt.Zone = "UTC"
			res, err := timelinejs.Convert("t.json", data, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if res.Story.Language != tt.lang {
				t.Errorf("language %q; want %q", res.Story.Language, tt.lang)
			}
			var said []string
			for _, w := range res.Warnings {
				if w.Field == "$.language" {
					said = append(said, w.Msg)
				}
			}
			all := strings.Join(said, "\n")
			switch {
			case tt.warned == "" && len(said) > 0:
				t.Errorf("warned: %s", all)
			case tt.warned != "" && (!strings.Contains(all, tt.warned) || !strings.Contains(all, "set the story's language")):
				t.Errorf("warned %q; want a warning with %q that says how to set the language", all, tt.warned)
			case regexp.MustCompile(`(^|\s)-lang\b`).MatchString(all):
				t.Errorf("the warning names the command line's flag: %s", all)
			}
		})
	}
}

// TestLanguageOptionRefused: a caller's language that is not a BCP 47 tag
// stops the conversion before it starts, with the story's own words.
func TestLanguageOptionRefused(t *testing.T) {
	_, err := timelinejs.Convert("t.json", []byte(`{"events": []}`), timelinejs.Options{Lang: "ar-u"})
	if err == nil || !strings.Contains(err.Error(), `the language "ar-u": a language is a BCP 47 tag such as`) {
		t.Errorf("error %v", err)
	}
}

// TestWarningFields: a warning about something the story holds names it
// by its path in the story (for the studio, which shows it there), and
// the path is there; the media warnings name the media they are about.
func TestWarningFields(t *testing.T) {
	placed, media := 0, 0
	for _, f := range files {
		_, _, res := convertFile(t, f.name, f.opt)
		var doc any
		if err := json.Unmarshal(res.JSON, &doc); err != nil {
			t.Fatal(err)
		}
		for _, w := range res.Warnings {
			if w.Field == "" {
				continue
			}
			placed++
			if !resolves(doc, w.Field) {
				t.Errorf("%s: %q names %s, which the story does not have", f.name, w.Msg, w.Field)
			}
			if strings.Contains(w.Msg, "media") && strings.HasPrefix(w.Field, "$.events") && !strings.HasSuffix(w.Field, ".media") && !strings.Contains(w.Msg, "dropped") {
				t.Errorf("%s: %q is placed at %s, not at the media", f.name, w.Msg, w.Field)
			}
			if strings.HasSuffix(w.Field, ".media") {
				media++
			}
		}
	}
	if placed == 0 || media == 0 {
		t.Errorf("%d warnings placed in the story, %d at media: the test data no longer exercises this", placed, media)
	}
}

// resolves reports whether a JSON path ($.events[2].media) names a value
// in doc. A path to an optional field not written (its value empty) is
// taken as there when its parent is.
func resolves(doc any, path string) bool {
	v := doc
	rest := strings.TrimPrefix(path, "$")
	for rest != "" {
		switch {
		case strings.HasPrefix(rest, "."):
			end := strings.IndexAny(rest[1:], ".[")
			if end < 0 {
				end = len(rest) - 1
			}
			obj, ok := v.(map[string]any)
			if !ok {
				return false
			}
			name := rest[1 : 1+end]
			rest = rest[1+end:]
			if v, ok = obj[name]; !ok {
				return rest == "" // an optional field left out
			}
		case strings.HasPrefix(rest, "["):
			end := strings.IndexByte(rest, ']')
			i, err := strconv.Atoi(rest[1:end])
			list, ok := v.([]any)
			if err != nil || !ok || i >= len(list) {
				return false
			}
			v, rest = list[i], rest[end+1:]
		default:
			return false
		}
	}
	return true
}
