package api

// Routes of a live story's source: a published sheet (or a TimelineJS
// JSON file) a story follows.
const (
	// SheetPath takes a Sheet, reads it now, and answers SheetPreview:
	// what linking it would give, before anything is written.
	SheetPath = "/studio/api/sheet"
	// RefreshPath takes a File (the editor's text of a live story), reads
	// its source now, and answers Refresh: what readers would get at the
	// next refresh, against what they get now. Nothing is saved.
	RefreshPath = "/studio/api/refresh"
	// LivePath answers, for ?file=, LiveStatus: where the served story's
	// events were read from, when, and why the source's last edit is not
	// live, if it is not.
	LivePath = "/studio/api/live"
)

// Sheet is a source to link: a Google Sheet's CSV link (File → Share →
// Publish to web → Comma-separated values) or a TimelineJS JSON file, and
// what the story file would say of it (live.language, live.zone).
type Sheet struct {
	URL  string `json:"url"`
	Lang string `json:"lang,omitempty"`
	Zone string `json:"zone,omitempty"`
}

// Headline is an event as a preview lists it.
type Headline struct {
	ID       string `json:"id"`
	Date     string `json:"date"`
	Headline string `json:"headline"`
}

// SheetPreview is the answer to SheetPath: what the source holds, as the
// server would make a story of it.
type SheetPreview struct {
	Title string `json:"title,omitempty"`
	// ID is the story id made from the title, the new file's.
	ID     string `json:"id"`
	Events int    `json:"events"`
	// First are the first few events, in the source's time order.
	First []Headline `json:"first"`
	// Warnings are what the conversion could not keep as it was, at the
	// source's row and column (Path: "row 4, Month").
	Warnings []Problem `json:"warnings"`
	// Live is the story file's "live" object for the source, as JSON.
	Live string `json:"live"`
	// Text is a new story file that follows the source: its id and live
	// object only, the rest being the source's.
	Text string `json:"text"`
}

// Refresh is the answer to RefreshPath: the story the source and the
// editor's text make now, against the version readers get (Served).
type Refresh struct {
	URL string `json:"url"`
	// Served says readers get a version of the story now; without it,
	// every event is Added.
	Served bool `json:"served"`
	// Events is how many events the story would have.
	Events  int        `json:"events"`
	Added   []Headline `json:"added"`
	Removed []Headline `json:"removed"`
	// Revised are the events whose headline or text would change.
	Revised []Headline `json:"revised"`
	// Dropped is what of the text would be left out: quotes (and
	// live.events additions) on events the source no longer has.
	Dropped []Problem `json:"dropped"`
	// Warnings are the conversion's, at the source's row and column.
	Warnings []Problem `json:"warnings"`
}

// LiveStatus is the answer to LivePath.
type LiveStatus struct {
	// URL is the source the file names, "" when it names none.
	URL string `json:"url,omitempty"`
	// Known says the studio sees what the site serves; without it the
	// rest is empty (a studio run without the site).
	Known bool `json:"known"`
	// Served says readers get a version of the story made from the
	// source; Read is when that content was read (RFC 3339), Cached that
	// it was kept from before the server started and not read since.
	Served bool   `json:"served"`
	Read   string `json:"read,omitempty"`
	Cached bool   `json:"cached,omitempty"`
	// Warnings are what the served version's conversion could not keep,
	// at the source's row and column.
	Warnings []string `json:"warnings,omitempty"`
	// Problems are why the file's current content, or its source's, is
	// not what readers get: a source that fails, a sheet that no longer
	// converts (at its row and column).
	Problems []string `json:"problems,omitempty"`
}
