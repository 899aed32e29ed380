package story

import (
	"explainer/app/internal/jsonread"
)

// decodeTrusted reads a story's JSON into s field by field, without
// reflection (jsonread): Decode's first step, in the reader's
// WebAssembly. encoding/json studied every type of the model at each
// start and set every field through reflect: a story of 1,000 events
// took 130–180 ms of the desktop's start to read, 45–70 ms now.
//
// It reads JSON as Marshal writes the model (the server embeds the
// story so), as jsonread says. Every field of the model has its case
// here: TestDecodeTrustedReadsEveryField fills each one and fails on a
// field that is not read.
func decodeTrusted(data []byte, s *Story) error {
	r := jsonread.New(data, "story JSON")
	readStory(r, s)
	return r.End()
}

func readStory(r *jsonread.Reader, s *Story) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "$schema":
			s.Schema = r.Str()
		case "id":
			s.ID = ID(r.Str())
		case "title":
			s.Title = r.Str()
		case "dek":
			s.Dek = RichText(r.Str())
		case "language":
			s.Language = Lang(r.Str())
		case "media":
			jsonread.Pointer(r, &s.Media, readMedia)
		case "background":
			jsonread.Pointer(r, &s.Background, readBackground)
		case "published":
			jsonread.Pointer(r, &s.Published, readMoment)
		case "updated":
			jsonread.Pointer(r, &s.Updated, readMoment)
		case "credits":
			jsonread.List(r, &s.Credits, readCredit)
		case "updates":
			jsonread.List(r, &s.Updates, readUpdate)
		case "people":
			jsonread.List(r, &s.People, readPerson)
		case "phases":
			jsonread.List(r, &s.Phases, readPhase)
		case "groups":
			jsonread.List(r, &s.Groups, readGroup)
		case "events":
			jsonread.List(r, &s.Events, readEvent)
		case "quotes":
			jsonread.List(r, &s.Quotes, readQuote)
		case "sources":
			jsonread.List(r, &s.Sources, readSource)
		case "live":
			jsonread.Pointer(r, &s.Live, readLive)
		default:
			return false
		}
		return true
	})
}

func readCredit(r *jsonread.Reader, c *Credit) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "role":
			c.Role = r.Str()
		case "name":
			c.Name = r.Str()
		default:
			return false
		}
		return true
	})
}

func readUpdate(r *jsonread.Reader, u *Update) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "time":
			readMoment(r, &u.Time)
		case "note":
			u.Note = r.Str()
		case "correction":
			u.Correction = r.Bool()
		default:
			return false
		}
		return true
	})
}

func readPerson(r *jsonread.Reader, p *Person) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "id":
			p.ID = ID(r.Str())
		case "name":
			p.Name = r.Str()
		case "role":
			p.Role = r.Str()
		case "image":
			jsonread.Pointer(r, &p.Image, readImage)
		default:
			return false
		}
		return true
	})
}

func readImage(r *jsonread.Reader, m *Image) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "src":
			m.Src = ImageURL(r.Str())
		case "alt":
			m.Alt = r.Str()
		case "credit":
			m.Credit = r.Str()
		case "caption":
			m.Caption = RichText(r.Str())
		default:
			return false
		}
		return true
	})
}

func readPhase(r *jsonread.Reader, p *Phase) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "id":
			p.ID = ID(r.Str())
		case "label":
			p.Label = r.Str()
		case "start":
			readMoment(r, &p.Start)
		case "end":
			readMoment(r, &p.End)
		default:
			return false
		}
		return true
	})
}

func readGroup(r *jsonread.Reader, g *Group) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "id":
			g.ID = ID(r.Str())
		case "label":
			g.Label = r.Str()
		default:
			return false
		}
		return true
	})
}

func readEvent(r *jsonread.Reader, e *Event) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "id":
			e.ID = ID(r.Str())
		case "headline":
			e.Headline = r.Str()
		case "body":
			e.Body = RichText(r.Str())
		case "start":
			readMoment(r, &e.Start)
		case "end":
			jsonread.Pointer(r, &e.End, readMoment)
		case "place":
			e.Place = r.Str()
		case "people":
			jsonread.List(r, &e.People, readRef)
		case "tags":
			jsonread.List(r, &e.Tags, jsonread.String)
		case "group":
			e.Group = Ref(r.Str())
		case "media":
			jsonread.Pointer(r, &e.Media, readMedia)
		case "background":
			jsonread.Pointer(r, &e.Background, readBackground)
		case "sources":
			jsonread.List(r, &e.Sources, readRef)
		default:
			return false
		}
		return true
	})
}

func readQuote(r *jsonread.Reader, q *Quote) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "id":
			q.ID = ID(r.Str())
		case "speaker":
			q.Speaker = Ref(r.Str())
		case "text":
			q.Text = r.Str()
		case "kind":
			q.Kind = QuoteKind(r.Str())
		case "context":
			q.Context = r.Str()
		case "event":
			q.Event = Ref(r.Str())
		case "replyTo":
			q.ReplyTo = Ref(r.Str())
		case "source":
			q.Source = Ref(r.Str())
		case "when":
			jsonread.Pointer(r, &q.When, readMoment)
		case "sourceText":
			q.SourceText = r.Str()
		default:
			return false
		}
		return true
	})
}

func readSource(r *jsonread.Reader, s *Source) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "id":
			s.ID = ID(r.Str())
		case "outlet":
			s.Outlet = r.Str()
		case "title":
			s.Title = r.Str()
		case "url":
			s.URL = URL(r.Str())
		case "published":
			jsonread.Pointer(r, &s.Published, readMoment)
		case "note":
			s.Note = r.Str()
		default:
			return false
		}
		return true
	})
}

// readMoment is called from four places, and inlined it would be four
// copies in the WebAssembly.
//
//go:noinline
func readMoment(r *jsonread.Reader, m *Moment) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "date":
			m.Date = Date(r.Str())
		case "zone":
			m.Zone = Zone(r.Str())
		case "approximate":
			m.Approximate = r.Bool()
		case "partOfDay":
			m.PartOfDay = PartOfDay(r.Str())
		case "text":
			m.Text = r.Str()
		default:
			return false
		}
		return true
	})
}

func readMedia(r *jsonread.Reader, m *Media) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "src":
			m.Src = URL(r.Str())
		case "kind":
			m.Kind = MediaKind(r.Str())
		case "title":
			m.Title = r.Str()
		case "alt":
			m.Alt = r.Str()
		case "credit":
			m.Credit = RichText(r.Str())
		case "caption":
			m.Caption = RichText(r.Str())
		case "thumbnail":
			m.Thumbnail = ImageURL(r.Str())
		default:
			return false
		}
		return true
	})
}

func readBackground(r *jsonread.Reader, b *Background) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "image":
			b.Image = ImageURL(r.Str())
		case "alt":
			b.Alt = r.Str()
		case "color":
			b.Color = Color(r.Str())
		default:
			return false
		}
		return true
	})
}

func readLive(r *jsonread.Reader, l *Live) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "url":
			l.URL = URL(r.Str())
		case "every":
			l.Every = Interval(r.Str())
		case "language":
			l.Language = Lang(r.Str())
		case "zone":
			l.Zone = Zone(r.Str())
		case "base":
			l.Base = URL(r.Str())
		case "corrections":
			l.Corrections = r.Bool()
		case "events":
			jsonread.List(r, &l.Events, readLiveEvent)
		default:
			return false
		}
		return true
	})
}

func readLiveEvent(r *jsonread.Reader, e *LiveEvent) {
	r.Object(func(k []byte) bool {
		switch string(k) {
		case "event":
			e.Event = Ref(r.Str())
		case "people":
			jsonread.List(r, &e.People, readRef)
		case "sources":
			jsonread.List(r, &e.Sources, readRef)
		case "place":
			e.Place = r.Str()
		case "tags":
			jsonread.List(r, &e.Tags, jsonread.String)
		default:
			return false
		}
		return true
	})
}

func readRef(r *jsonread.Reader, v *Ref) { *v = Ref(r.Str()) }
