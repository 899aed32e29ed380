package live

import (
	"time"

	"explainer/app/i18n"
	"explainer/app/story"
)

// Revised lists the events of next that readers of prev read otherwise:
// the same id, and another headline or text. An event added or removed
// is news, not a revision, and a date moved is shown as it is.
func Revised(prev, next *story.Story) []story.Event {
	before := make(map[story.ID]*story.Event, len(prev.Events))
	for i := range prev.Events {
		before[prev.Events[i].ID] = &prev.Events[i]
	}
	var out []story.Event
	for _, e := range next.Events {
		if b, ok := before[e.ID]; ok && (b.Headline != e.Headline || b.Body != e.Body) {
			out = append(out, e)
		}
	}
	return out
}

// Correction is the entry of the updates and corrections that a refresh
// which revised events adds, when the story asks for it (live.corrections):
// dated now, to the minute, in the source's zone (else UTC), and worded
// in the story's language, naming each event by its headline.
func Correction(s *story.Story, zone story.Zone, revised []story.Event, now time.Time) story.Update {
	pack, _ := i18n.Lookup(i18n.Locale(s.Language))
	names := make([]string, len(revised))
	for i, e := range revised {
		names[i] = pack.CLDR.Quotes[0] + e.Headline + pack.CLDR.Quotes[1]
	}
	loc := time.UTC
	if zone == "" {
		zone = "UTC"
	} else if l, err := time.LoadLocation(string(zone)); err == nil {
		loc = l
	} else {
		zone = "UTC"
	}
	return story.Update{
		Time:       story.Moment{Date: story.Date(now.In(loc).Format("2006-01-02T15:04")), Zone: zone},
		Note:       pack.T("update.revised", len(revised), pack.List(names)),
		Correction: true,
	}
}
