package story

import (
	"fmt"
	"time"
)

// Live is a source a story is read from again and again, so that the
// story follows it: a Google Sheet made from the TimelineJS template and
// published to the web as CSV, or a TimelineJS JSON file. The source owns
// its rows (the events, their groups, the title slide and eras); the
// story file owns what a sheet cannot say (people, sources, quotes,
// phases, credits, updates) and what it adds to the source's events
// here, by id. See the README's "Live from a sheet".
type Live struct {
	URL         URL         `json:"url" story:"required" doc:"The source's address: a Google Sheet's CSV link (File → Share → Publish to web → Comma-separated values) or a TimelineJS JSON file, http(s)."`
	Every       Interval    `json:"every,omitempty" doc:"How often to read the source, a duration such as 30s, 5m or 1h; at least 1s. Without it: every minute while the source changed in the last day, then every hour."`
	Language    Lang        `json:"language,omitempty" doc:"BCP 47 language of the source's text (default: the story's language, else guessed from the text)."`
	Zone        Zone        `json:"zone,omitempty" doc:"IANA time zone of the source's times of day; without it they are dropped, as TimelineJS has none."`
	Base        URL         `json:"base,omitempty" doc:"The address the source's relative media links are relative to (default: the source's own)."`
	Corrections bool        `json:"corrections,omitempty" doc:"When a refresh changes the headline or text of an event already published, add a correction that names it to the updates readers see."`
	Events      []LiveEvent `json:"events,omitempty" doc:"What the story adds to the source's events, which a sheet has no column for: people, sources, place and tags."`
}

// LiveEvent is what a story adds to one of its source's events.
type LiveEvent struct {
	Event   Ref      `json:"event" story:"required" doc:"Id of the source's event."`
	People  []Ref    `json:"people,omitempty" doc:"Ids of the people involved, from people."`
	Sources []Ref    `json:"sources,omitempty" doc:"Ids of the sources for the event, from sources."`
	Place   string   `json:"place,omitempty" doc:"Where it happened."`
	Tags    []string `json:"tags,omitempty" doc:"Free keywords."`
}

// Interval is a duration as Go writes them (90s, 5m, 1h30m), at least a
// second: a source read more often than that is a load on whoever serves
// it, and no reader needs it.
type Interval string

// MinInterval is the shortest Interval.
const MinInterval = time.Second

func (i Interval) check() string {
	if i == "" {
		return ""
	}
	d, err := time.ParseDuration(string(i))
	if err != nil {
		return fmt.Sprintf("%q is not a duration such as 30s, 5m or 1h", string(i))
	}
	if d < MinInterval {
		return fmt.Sprintf("%s is too often: a source is read at most once a second", string(i))
	}
	return ""
}

// Duration is the interval, 0 for none.
func (i Interval) Duration() time.Duration {
	d, err := time.ParseDuration(string(i))
	if err != nil || d < MinInterval {
		return 0
	}
	return d
}

func (Interval) jsonSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": `^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$`}
}
