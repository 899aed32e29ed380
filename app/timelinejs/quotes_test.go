package timelinejs_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"explainer/app/story"
	"explainer/app/timelinejs"
)

// sheet is a sheet of Knight Lab's template with the given rows after
// its header: Year, Month, Day, Headline, Text, Media, Media Credit,
// Media Caption.
func sheet(rows ...string) string {
	return "Year,Month,Day,Headline,Text,Media,Media Credit,Media Caption\n" + strings.Join(rows, "\n") + "\n"
}

// jsonEvents is a TimelineJS 3 file of the given events.
func jsonEvents(events ...string) string {
	return `{"events": [` + strings.Join(events, ",\n") + `]}`
}

// wantQuote is a quote card as an editor reads it: who, what, of which
// event.
type wantQuote struct{ speaker, text, event string }

// TestQuotations: a quotation in a slide (TimelineJS's blockquote, in
// the media or the text) becomes a direct quote card of its event, said
// by the person it names, who is added once; a note says what was made
// and asks for the source. One that names nobody keeps its words in the
// text; platforms' embed code stays media.
func TestQuotations(t *testing.T) {
	tests := []struct {
		name, file, data string
		quotes           []wantQuote
		people           []string // the names of the story's people
		// bodies are the events' texts, in order, where they matter.
		bodies []string
		notes  []string // what the warnings must say, each in one of them
	}{{
		name:   "sheet: Media with a cite",
		file:   "s.csv",
		data:   sheet(`1962,9,12,Rice speech,Kennedy in Houston.,"<blockquote><p>“We choose to go to the Moon.”</p><cite>John F. Kennedy, President</cite></blockquote>",,At Rice Stadium`),
		quotes: []wantQuote{{"John F. Kennedy", "We choose to go to the Moon.", "rice-speech"}},
		people: []string{"John F. Kennedy"},
		bodies: []string{"Kennedy in Houston."},
		notes:  []string{"s.csv:2:", "row 2, Media: the quotation in the media is a quote card of the event (added John F. Kennedy, President, to the people)", "sourceText"},
	}, {
		name:   "sheet: Media with a closing — Name line",
		file:   "s.csv",
		data:   sheet(`1969,7,20,Landing,,"<blockquote>&ldquo;One small step.&rdquo;<br>&mdash; Neil Armstrong</blockquote>"`),
		quotes: []wantQuote{{"Neil Armstrong", "One small step.", "landing"}},
		people: []string{"Neil Armstrong"},
	}, {
		name:   "JSON: media.url a blockquote, the speaker after a dash",
		file:   "t.json",
		data:   jsonEvents(`{"start_date": {"year": 1904}, "text": {"headline": "Dream"}, "media": {"url": "<blockquote>\"Man must rise above the Earth.\" &mdash; Socrates</blockquote>", "caption": "Quoted by the Wrights."}}`),
		quotes: []wantQuote{{"Socrates", "Man must rise above the Earth.", "dream"}},
		people: []string{"Socrates"},
		notes:  []string{"t.json:1:", "$.events[0].media.url: the quotation in the media is a quote card"},
	}, {
		name:   "JSON: a cite with a date",
		file:   "t.json",
		data:   jsonEvents(`{"start_date": {"year": 1903}, "text": {"headline": "Telegram"}, "media": {"url": "<blockquote cite=\"https://www.loc.gov/item/mcc.012/\"><p>“Success four flights.”</p><cite>Orville Wright, December 17, 1903</cite></blockquote>"}}`),
		quotes: []wantQuote{{"Orville Wright", "Success four flights.", "telegram"}},
		people: []string{"Orville Wright"},
		notes:  []string{"against where it was said (the slide gives https://www.loc.gov/item/mcc.012/)"},
	}, {
		name:   "text: a blockquote with a cite leaves the text",
		file:   "t.json",
		data:   jsonEvents(`{"start_date": {"year": 1969}, "text": {"headline": "Call", "text": "<p>Nixon calls the Moon.</p><blockquote><p>“For one priceless moment, all the people on this Earth are truly one.”</p><cite>Richard Nixon</cite></blockquote><p>Then the crew rests.</p>"}}`),
		quotes: []wantQuote{{"Richard Nixon", "For one priceless moment, all the people on this Earth are truly one.", "call"}},
		people: []string{"Richard Nixon"},
		bodies: []string{"Nixon calls the Moon.\n\nThen the crew rests."},
		notes:  []string{"$.events[0].text.text: the quotation in the text is a quote card"},
	}, {
		name: "sheet: one speaker, written two ways, is one person",
		file: "s.csv",
		data: sheet(`1969,7,21,Week,"<blockquote><p>""The greatest week.""</p><cite>Richard Nixon</cite></blockquote>"`,
			`1972,12,11,Last,"<blockquote><p>“The last time.”</p><cite>richard   NIXON</cite></blockquote>"`),
		quotes: []wantQuote{{"Richard Nixon", "The greatest week.", "week"}, {"Richard Nixon", "The last time.", "last"}},
		people: []string{"Richard Nixon"},
		notes:  []string{"said by Richard Nixon, of the people"},
	}, {
		name:   "marks that do not enclose all the words stay",
		file:   "s.csv",
		data:   sheet(`2000,1,1,Names,,"<blockquote>“Yes” and “no”<cite>A. Person</cite></blockquote>"`),
		quotes: []wantQuote{{"A. Person", "“Yes” and “no”", "names"}},
		people: []string{"A. Person"},
	}, {
		name:   "a quotation naming nobody keeps its words in the text",
		file:   "s.csv",
		data:   sheet(`1969,7,24,Splashdown,Columbia lands.,<blockquote>We have never been so far from home.</blockquote>,The crew`),
		bodies: []string{"Columbia lands.\n\n“We have never been so far from home.”"},
		notes:  []string{"row 2, Media: the quotation “We have never been so far from home.” names nobody", "if The crew, credited under it, is who said it"},
	}, {
		name:   "a blockquote in the text naming nobody stays, with a note",
		file:   "t.json",
		data:   jsonEvents(`{"start_date": {"year": 1969}, "text": {"headline": "Plaque", "text": "<blockquote>We came in peace for all mankind.</blockquote>"}}`),
		bodies: []string{"We came in peace for all mankind."},
		notes:  []string{"the quotation “We came in peace for all mankind.” names nobody"},
	}, {
		name:  "an X post's embed code stays media",
		file:  "t.json",
		data:  jsonEvents(`{"start_date": {"year": 2019}, "text": {"headline": "Post"}, "media": {"url": "<blockquote class=\"twitter-tweet\"><p>Tweet text</p>&mdash; NASA (@NASA) <a href=\"https://twitter.com/NASA/status/1154056425237069825\">July 24</a></blockquote>"}}`),
		notes: []string{"embed code reduced to its address"},
	}, {
		name:  "the title slide's quotation is named in a note",
		file:  "t.json",
		data:  `{"title": {"text": {"headline": "T"}, "media": {"url": "<blockquote>Words <cite>Someone</cite></blockquote>"}}, "events": [{"start_date": {"year": 2000}, "text": {"headline": "E"}}]}`,
		notes: []string{"the quotation “Words” is dropped: a quote card belongs to an event, and this is the title slide"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := timelinejs.Convert(tt.file, []byte(tt.data), timelinejs.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := res.Story
			var got []wantQuote
			for _, q := range s.Quotes {
				if q.Kind != story.Direct {
					t.Errorf("quote %s is %s", q.ID, q.Kind)
				}
				if q.Source != "" || q.SourceText != "" {
					t.Errorf("quote %s has a source the timeline did not give: %q %q", q.ID, q.Source, q.SourceText)
				}
				p := s.Person(q.Speaker)
				if p == nil || s.Event(q.Event) == nil {
					t.Fatalf("quote %s: speaker %q, event %q", q.ID, q.Speaker, q.Event)
				}
				got = append(got, wantQuote{p.Name, q.Text, string(q.Event)})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.quotes) {
				t.Errorf("quotes:\n  %q\nwant\n  %q", got, tt.quotes)
			}
			var people []string
			for _, p := range s.People {
				people = append(people, p.Name)
			}
			if !slices.Equal(people, tt.people) {
				t.Errorf("people %q; want %q", people, tt.people)
			}
			for i, want := range tt.bodies {
				if got := string(s.Events[i].Body); got != want {
					t.Errorf("event %d's text %q; want %q", i, got, want)
				}
			}
			var notes strings.Builder
			for _, w := range res.Warnings {
				notes.WriteString(w.String() + "\n")
				if strings.Contains(w.Msg, "quote card of the event") && !strings.HasPrefix(w.Field, "$.quotes[") {
					t.Errorf("the note %q is placed at %q, not at its quote", w.Msg, w.Field)
				}
			}
			for _, want := range tt.notes {
				if !strings.Contains(notes.String(), want) {
					t.Errorf("no note says %q:\n%s", want, notes.String())
				}
			}
		})
	}
}

// TestPlaceholderSlides: a slide whose headline and text are only "."
// (or "-", "…") is dropped, with a note naming it, when it has nothing
// else; with media or a quotation it is kept, with a headline made from
// what it shows and a note asking for one.
func TestPlaceholderSlides(t *testing.T) {
	tests := []struct {
		name, file, data string
		headlines        []string
		notes            []string
	}{{
		name:      "sheet: a dot and a dash with nothing else",
		file:      "s.csv",
		data:      sheet(`2000,1,1,Real,Text`, `2000,1,2,.,`, `2000,1,3,-,-`),
		headlines: []string{"Real"},
		notes:     []string{`s.csv:3:1: row 3: event 2 (2000-01-02) has only "." for its headline and text, and no media: a placeholder that shows nothing, dropped`, `row 4: event 3 (2000-01-03) has only "-"`},
	}, {
		name:      "JSON: an ellipsis in the text, no headline",
		file:      "t.json",
		data:      jsonEvents(`{"start_date": {"year": 2000}, "text": {"headline": "Real"}}`, `{"start_date": {"year": 2001}, "text": {"text": "<p>…</p>"}}`),
		headlines: []string{"Real"},
		notes:     []string{`event 2 (2001) has only "…"`},
	}, {
		name:      "a dot over an image keeps the image",
		file:      "s.csv",
		data:      sheet(`2000,1,1,.,,https://example.com/a.jpg,AP,The crowd at the gate. Later that day.`),
		headlines: []string{"The crowd at the gate"},
		notes:     []string{`event 1 has only "." for its headline and text, a placeholder for a slide of media alone: its headline is "The crowd at the gate" for now`},
	}, {
		name:      "a dot over a quotation is its speaker's",
		file:      "s.csv",
		data:      sheet(`1969,7,20,.,.,"<blockquote>“One small step.”<cite>Neil Armstrong</cite></blockquote>"`),
		headlines: []string{"Neil Armstrong"},
		notes:     []string{`a placeholder for a slide of a quotation alone: its headline is "Neil Armstrong" for now`},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := timelinejs.Convert(tt.file, []byte(tt.data), timelinejs.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var headlines []string
			for _, e := range res.Story.Events {
				headlines = append(headlines, e.Headline)
				if e.Body.PlainText() != "" && strings.Trim(e.Body.PlainText(), ".-…") == "" {
					t.Errorf("event %s keeps the placeholder text %q", e.ID, e.Body)
				}
			}
			if !slices.Equal(headlines, tt.headlines) {
				t.Errorf("headlines %q; want %q", headlines, tt.headlines)
			}
			var notes strings.Builder
			for _, w := range res.Warnings {
				notes.WriteString(w.String() + "\n")
			}
			for _, want := range tt.notes {
				if !strings.Contains(notes.String(), want) {
					t.Errorf("no note says %q:\n%s", want, notes.String())
				}
			}
		})
	}
}
