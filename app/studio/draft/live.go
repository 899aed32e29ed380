package draft

import (
	"bytes"

	"explainer/app/story"
)

// Marshal writes a story as story files are written (story.Marshal),
// except that a story with a live source leaves out a title and a
// language it does not give: its source gives them, and the check reads
// a field written empty ("title": "") as one that must not be, where a
// field left out is the source's to give. Without it, a file that
// follows a sheet and passes the check would be written, by the studio,
// as one that does not. Its events, when it has none of its own, are
// written [], not null.
func Marshal(s *story.Story) ([]byte, error) {
	if s.Live == nil {
		return story.Marshal(s)
	}
	if s.Events == nil {
		// Its events are the source's: none of its own is [], not null,
		// which the check refuses.
		c := *s
		c.Events = []story.Event{}
		s = &c
	}
	b, err := story.Marshal(s)
	if err != nil {
		return nil, err
	}
	var drop [][]byte
	if s.Title == "" {
		drop = append(drop, []byte(`  "title": "",`))
	}
	if s.Language == "" {
		drop = append(drop, []byte(`  "language": "",`))
	}
	if len(drop) == 0 {
		return b, nil
	}
	// The story's own fields are the top level's, at two spaces, and
	// title and language are never its last (id comes before, events
	// after), so each is one whole line, with its comma.
	lines := bytes.SplitAfter(b, []byte("\n"))
	out := make([]byte, 0, len(b))
	for _, l := range lines {
		keep := true
		for _, d := range drop {
			if bytes.Equal(bytes.TrimRight(l, "\n"), d) {
				keep = false
			}
		}
		if keep {
			out = append(out, l...)
		}
	}
	return out, nil
}
