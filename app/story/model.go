// Package story is the domain of explainer: the story file format, its
// strict parser and validator, and the JSON Schema that editors use.
//
// It imports neither go-app nor net/http, so the same code runs in the
// server and in the WebAssembly widget.
//
// Struct tags drive three things at once: `json` names the field,
// `story:"required"` makes it mandatory (`nonempty`: a list needs an item;
// `editorial`: it is for the desk and never reaches readers, see
// Story.ForReaders; `sheet`: a story with a live source may leave it to
// the source, see Live), and `doc` describes it. The
// decoder, the validator and the JSON Schema all read the same tags, so
// they cannot drift apart.
package story

// Story is one explainer: a timeline of events, the people in it, what they
// said and where each fact comes from.
type Story struct {
	Schema     string      `json:"$schema,omitempty" doc:"Optional URL of the JSON Schema, for editors."`
	ID         ID          `json:"id" story:"required" doc:"Slug that names the story in URLs, e.g. oval-office-2025."`
	Title      string      `json:"title,omitempty" story:"required,sheet" doc:"Headline of the explainer, also the page title. A story with a live source may leave it to the source's title slide."`
	Dek        RichText    `json:"dek,omitempty" doc:"One-sentence summary shown under the title, with the markup of an event's body (links and emphasis; paragraphs run together)."`
	Language   Lang        `json:"language,omitempty" story:"required,sheet" doc:"BCP 47 language of the story text, e.g. en or uk. A story with a live source may leave it to live.language or to the source's text."`
	Media      *Media      `json:"media,omitempty" doc:"A picture or video for the whole story, shown under the title (TimelineJS's title slide media)."`
	Background *Background `json:"background,omitempty" doc:"A picture or colour behind the title on the story's page (TimelineJS's title slide background)."`
	Published  *Moment     `json:"published,omitempty" doc:"When the explainer was first published."`
	Updated    *Moment     `json:"updated,omitempty" doc:"When it was last changed in substance."`
	Credits    []Credit    `json:"credits,omitempty" doc:"Who made the explainer."`
	Updates    []Update    `json:"updates,omitempty" doc:"Updates and corrections, shown to readers."`
	People     []Person    `json:"people,omitempty" doc:"Everyone who appears in events or speaks in quotes."`
	Phases     []Phase     `json:"phases,omitempty" doc:"Labelled spans of time drawn as bands on the timeline."`
	Groups     []Group     `json:"groups,omitempty" doc:"Categories of events (politics, culture; a TimelineJS group), which readers can filter by."`
	Events     []Event     `json:"events" story:"required,nonempty,sheet" doc:"What happened; at least one. A story with a live source may have none of its own: its source's rows are its events, and an event here replaces the source's event of the same id."`
	Quotes     []Quote     `json:"quotes,omitempty" doc:"What people said, each tied to an event."`
	Sources    []Source    `json:"sources,omitempty" doc:"Where the facts come from."`
	// Live is the desk's: readers get the story it makes, never the
	// address of the sheet behind it (editorial).
	Live *Live `json:"live,omitempty" story:"editorial" doc:"A source the story's events are read from and kept in step with: a Google Sheet published to the web as CSV, or a TimelineJS JSON file. For the desk, never sent to readers."`

	index index // lookups by id, built by Parse
}

// Credit names one contributor and what they did.
type Credit struct {
	Role string `json:"role" story:"required" doc:"What they did, e.g. Reporting or Graphics."`
	Name string `json:"name" story:"required" doc:"Who did it."`
}

// Update is one entry of the updates and corrections log.
type Update struct {
	Time       Moment `json:"time" story:"required" doc:"When the change was made."`
	Note       string `json:"note" story:"required" doc:"What changed and why, as readers should read it."`
	Correction bool   `json:"correction,omitempty" doc:"True when this fixes an error rather than adding news."`
}

// Person is someone who acts in an event or speaks in a quote. A group
// that speaks with one voice (officials of a city) is a person too.
type Person struct {
	ID    ID     `json:"id" story:"required" doc:"Slug used to refer to the person."`
	Name  string `json:"name" story:"required" doc:"Full name as readers should see it."`
	Role  string `json:"role,omitempty" doc:"Office or role at the time of the story."`
	Image *Image `json:"image,omitempty" doc:"Portrait; initials are shown without one."`
}

// Image is a picture with the text that stands in for it and its credit.
type Image struct {
	Src     ImageURL `json:"src" story:"required" doc:"https URL of the image."`
	Alt     string   `json:"alt" story:"required" doc:"What the image shows, for readers who cannot see it."`
	Credit  string   `json:"credit,omitempty" doc:"Photographer or agency."`
	Caption RichText `json:"caption,omitempty" doc:"Caption shown under the image, with the markup of an event's body (links and emphasis)."`
}

// Phase is a labelled span of time, such as "In the Oval Office".
type Phase struct {
	ID    ID     `json:"id" story:"required" doc:"Slug used to refer to the phase."`
	Label string `json:"label" story:"required" doc:"Short label drawn on the band."`
	Start Moment `json:"start" story:"required" doc:"When the phase begins."`
	End   Moment `json:"end" story:"required" doc:"When the phase ends."`
}

// Group is a category of events, such as Politics, that readers can
// see on each event and filter the timeline by.
type Group struct {
	ID    ID     `json:"id" story:"required" doc:"Slug used to refer to the group."`
	Label string `json:"label" story:"required" doc:"Name readers see, e.g. Politics."`
}

// Event is one thing that happened, placed on the timeline.
type Event struct {
	ID         ID          `json:"id" story:"required" doc:"Slug used in URLs (?event=ID) and references."`
	Headline   string      `json:"headline" story:"required" doc:"What happened, in one line."`
	Body       RichText    `json:"body,omitempty" doc:"Text with a little markup: a blank line starts a new paragraph, [words](https://…) is a link (http or https), *words* emphasis and **words** strong emphasis, and a backslash makes the next *, [, ], (, ) or \\ plain. Nothing else is markup, HTML included."`
	Start      Moment      `json:"start" story:"required" doc:"When it happened or began."`
	End        *Moment     `json:"end,omitempty" doc:"When it ended, for events that span time."`
	Place      string      `json:"place,omitempty" doc:"Where it happened."`
	People     []Ref       `json:"people,omitempty" doc:"Ids of the people involved."`
	Tags       []string    `json:"tags,omitempty" doc:"Free keywords."`
	Group      Ref         `json:"group,omitempty" doc:"Id of the group (category) the event belongs to."`
	Media      *Media      `json:"media,omitempty" doc:"A picture, or a video, recording, post, map or document, of the event."`
	Background *Background `json:"background,omitempty" doc:"A picture or colour behind the event's headline, in its panel and on its card on the timeline (a TimelineJS slide's background)."`
	Sources    []Ref       `json:"sources,omitempty" doc:"Ids of the sources for this event."`
}

// Quote is something a person said: their exact words (direct) or a
// paraphrase of them (reported).
type Quote struct {
	ID      ID        `json:"id" story:"required" doc:"Slug used to refer to the quote."`
	Speaker Ref       `json:"speaker" story:"required" doc:"Id of the person who said it."`
	Text    string    `json:"text" story:"required" doc:"The exact words for a direct quote, without quotation marks; a paraphrase for reported speech."`
	Kind    QuoteKind `json:"kind" story:"required" doc:"direct: the speaker's own words; reported: a paraphrase."`
	Context string    `json:"context,omitempty" doc:"One sentence on when and why it was said."`
	Event   Ref       `json:"event" story:"required" doc:"Id of the event the quote belongs to."`
	ReplyTo Ref       `json:"replyTo,omitempty" doc:"Id of the quote this one answers, to show an exchange."`
	Source  Ref       `json:"source,omitempty" doc:"Id of the source that reports the quote."`
	// When is for a quote said apart from its event: officials naming a
	// night's strike the next morning. Without it the card shows the
	// event's time, which would date such words wrongly.
	When *Moment `json:"when,omitempty" doc:"When it was said, if not at the time of its event (a reaction the next day, say); the card shows the event's time otherwise."`
	// SourceText is what lets an editor stand behind a direct quote
	// without keeping a copy of someone else's article: the one sentence
	// that carries it, which the validator checks the words against. It
	// is the desk's, not the readers' (editorial): a story's sources are
	// cited by link, never republished.
	SourceText string `json:"sourceText,omitempty" story:"editorial" doc:"For the desk, never shown or sent to readers: the sentence of the source that carries a direct quote, as the source words it, holding the quote's words, word for word, in quotation marks. Reported speech needs none: its source carries its provenance."`
}

// Source is where a fact comes from.
type Source struct {
	ID        ID      `json:"id" story:"required" doc:"Slug used to refer to the source."`
	Outlet    string  `json:"outlet" story:"required" doc:"Publisher, e.g. Reuters, or a description such as news report."`
	Title     string  `json:"title,omitempty" doc:"Title of the piece."`
	URL       URL     `json:"url,omitempty" doc:"http(s) link to the piece."`
	Published *Moment `json:"published,omitempty" doc:"When the piece was published."`
	Note      string  `json:"note,omitempty" doc:"What readers should know about this source."`
}

// QuoteKind says whether a quote carries the speaker's own words.
type QuoteKind string

// The kinds of quote.
const (
	Direct   QuoteKind = "direct"
	Reported QuoteKind = "reported"
)
