package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/story"
)

// The form of each part of a story. Labels and hints speak the editor's
// language; the JSON paths are the story file's, so that validation's
// problems land on the right control.

const (
	richHint = "A blank line starts a paragraph; [words](https://…) is a link; *words* is emphasis, **words** strong."
	dateHint = "As precise as the sources, no more: 2025, 2025-02, 2025-02-28, 2025-02-28T13 or 2025-02-28T13:40."
)

// list is one of the story's lists as the form shows it.
type list struct {
	path, title, singular, article string
	// name is the field an item's id is made from, "" when it has no id.
	name string
	// intro says what the list is for.
	intro string
}

var lists = []list{
	{"$.people", "People", "person", "a", "name", "Everyone who appears in events or speaks in quotes."},
	{"$.events", "Events", "event", "an", "headline", "What happened. The timeline shows events in time order, whatever their order here."},
	{"$.quotes", "Quotes", "quote", "a", "", "What people said, each tied to an event."},
	{"$.sources", "Sources", "source", "a", "outlet", "Where the facts come from."},
	{"$.phases", "Phases", "phase", "a", "label", "Labelled spans of time, drawn as bands on the timeline."},
	{"$.groups", "Groups", "group", "a", "label", "Categories of events that readers can highlight."},
	{"$.updates", "Updates and corrections", "update", "an", "", "Changes readers should know about."},
	{"$.credits", "Credits", "credit", "a", "", "Who made the explainer."},
}

// storyFields are the title, dek, language and cover.
func (c *Studio) storyFields(s *story.Story) app.UI {
	return app.Section().ID("s-story").Class("form-section").Aria("labelledby", "h-story").Body(
		app.H2().ID("h-story").Text("Story"),
		c.textField("$.title", "Title", "The headline of the explainer, also the page title.", s.Title),
		c.textField("$.id", "Id", "Names the story in its address (/s/ID/); made from the title.", string(s.ID)),
		c.textArea("$.dek", "Summary", "One sentence under the title. "+richHint, string(s.Dek), 2),
		c.languageField(string(s.Language)),
		c.mediaFields("$.media", "Cover picture or video", s.Media),
		c.backgroundFields("$.background", "Background behind the title", s.Background),
		c.momentFields("$.published", "Published", s.Published, false),
		c.momentFields("$.updated", "Last changed in substance", s.Updated, false),
	)
}

// itemFields are the controls of one item of a list.
func (c *Studio) itemFields(l list, path string, s *story.Story, i int) []app.UI {
	switch l.path {
	case "$.people":
		p := s.People[i]
		img := p.Image
		if img == nil {
			img = &story.Image{}
		}
		return []app.UI{
			c.textField(path+".name", "Name", "As readers should see it.", p.Name),
			c.textField(path+".role", "Role", "Office or role at the time of the story.", p.Role),
			c.idField(path, string(p.ID)),
			c.optional(path+".image", "Portrait", img.Src != "", func() []app.UI {
				return []app.UI{
					c.textField(path+".image.src", "Address", "https address of the picture; initials are shown without one.", string(img.Src)),
					c.textField(path+".image.alt", "Text alternative", "What the picture shows, for readers who cannot see it.", img.Alt),
					c.textField(path+".image.credit", "Credit", "", img.Credit),
				}
			}),
		}
	case "$.events":
		e := s.Events[i]
		return []app.UI{
			c.textField(path+".headline", "Headline", "What happened, in one line.", e.Headline),
			c.momentFields(path+".start", "When", &e.Start, true),
			c.momentFields(path+".end", "Until (for an event that spans time)", e.End, false),
			c.textArea(path+".body", "Text", richHint, string(e.Body), 4),
			c.textField(path+".place", "Place", "", e.Place),
			// Tags are set when the field is left: read as the editor
			// types, "a," would lose its comma to the list's own writing.
			c.textField(path+".tags", "Tags", "Free keywords, separated by commas.", strings.Join(e.Tags, ", "),
				func(in app.HTMLInput) app.HTMLInput { return in.OnInput(noop).OnChange(c.onSetList) }),
			c.refsField(path+".people", "People involved", "", e.People, c.options(s, "$.people")),
			c.refsField(path+".sources", "Sources", "", e.Sources, c.options(s, "$.sources")),
			c.selectField(path+".group", "Group", "", string(e.Group), "None", c.options(s, "$.groups")),
			c.mediaFields(path+".media", "Picture or video", e.Media),
			c.backgroundFields(path+".background", "Background behind the headline", e.Background),
			c.idField(path, string(e.ID)),
		}
	case "$.quotes":
		q := s.Quotes[i]
		return []app.UI{
			c.selectField(path+".speaker", "Speaker", "", string(q.Speaker), "Choose a person", c.options(s, "$.people")),
			app.Div().Class("field-action").Body(
				c.button("addp"+path, "Add a person as the speaker", false, func(ctx app.Context) { c.addSpeaker(ctx, path) }).
					Aria("label", "Add a person as the speaker of quote "+itoa(i+1)),
			),
			c.selectField(path+".kind", "Kind", "Direct: the speaker's own words, exactly. Reported: a paraphrase, shown as such.", string(q.Kind), "Choose",
				[]option{{"direct", "Direct quote"}, {"reported", "Reported speech"}}),
			c.textArea(path+".text", "Words", "For a direct quote, the exact words, without quotation marks.", q.Text, 3),
			c.textArea(path+".sourceText", "The source's sentence (for the desk)", "For a direct quote: the sentence of the source that carries it, in quotation marks, as the source words it. Never shown to readers.", q.SourceText, 3),
			c.textField(path+".context", "Context", "One sentence on when and why it was said.", q.Context),
			c.selectField(path+".event", "Event", "", string(q.Event), "Choose an event", c.options(s, "$.events")),
			c.momentFields(path+".when", "Said at another time than its event", q.When, false),
			c.selectField(path+".replyTo", "In reply to", "", string(q.ReplyTo), "None", c.quoteOptions(s, i)),
			c.selectField(path+".source", "Source", "", string(q.Source), "None", c.options(s, "$.sources")),
			c.idField(path, string(q.ID)),
		}
	case "$.sources":
		src := s.Sources[i]
		return []app.UI{
			c.textField(path+".outlet", "Outlet", "The publisher, e.g. Reuters.", src.Outlet),
			c.textField(path+".title", "Title", "The title of the piece.", src.Title),
			c.textField(path+".url", "Address", "The http(s) link to the piece.", string(src.URL), func(in app.HTMLInput) app.HTMLInput { return in.Type("url") }),
			c.momentFields(path+".published", "Published", src.Published, false),
			c.textField(path+".note", "Note", "What readers should know about this source.", src.Note),
			c.idField(path, string(src.ID)),
		}
	case "$.phases":
		p := s.Phases[i]
		return []app.UI{
			c.textField(path+".label", "Label", "Short: it is drawn on the band.", p.Label),
			c.momentFields(path+".start", "From", &p.Start, true),
			c.momentFields(path+".end", "Until", &p.End, true),
			c.idField(path, string(p.ID)),
		}
	case "$.groups":
		g := s.Groups[i]
		return []app.UI{
			c.textField(path+".label", "Label", "The name readers see, e.g. Politics.", g.Label),
			c.idField(path, string(g.ID)),
		}
	case "$.updates":
		u := s.Updates[i]
		return []app.UI{
			c.momentFields(path+".time", "When", &u.Time, true),
			c.textArea(path+".note", "Note", "What changed and why, as readers should read it.", u.Note, 2),
			c.checkField(path+".correction", "This corrects an error", "", u.Correction),
		}
	case "$.credits":
		cr := s.Credits[i]
		return []app.UI{
			c.textField(path+".role", "Role", "What they did, e.g. Reporting or Graphics.", cr.Role),
			c.textField(path+".name", "Name", "", cr.Name),
		}
	}
	return nil
}

// itemLabel is what an item's heading calls it: its headline or name,
// or what it is when that is empty.
func (c *Studio) itemLabel(l list, s *story.Story, i int) string {
	var label string
	switch l.path {
	case "$.people":
		label = s.People[i].Name
	case "$.events":
		label = s.Events[i].Headline
	case "$.quotes":
		label = s.Quotes[i].Text
		if len(label) > 60 {
			label = label[:strings.LastIndexByte(label[:60], ' ')+1] + "…"
		}
	case "$.sources":
		label = s.Sources[i].Outlet
	case "$.phases":
		label = s.Phases[i].Label
	case "$.groups":
		label = s.Groups[i].Label
	case "$.updates":
		label = s.Updates[i].Note
	case "$.credits":
		label = s.Credits[i].Name
	}
	if strings.TrimSpace(label) == "" {
		return "New " + l.singular
	}
	return label
}

// idField edits an item's id; the references to it follow.
func (c *Studio) idField(path, value string) app.UI {
	return c.textField(path+".id", "Id", "Used in addresses and references; made from the first field. Letters, digits and hyphens.", value,
		func(in app.HTMLInput) app.HTMLInput {
			return in.DataSet("item", path).OnInput(func(ctx app.Context, e app.Event) {
				src := ctx.JSSrc()
				c.rename(ctx, src.Get("dataset").Get("item").String(), src.Get("value").String())
			})
		})
}

// momentFields are a date with its honest precision.
func (c *Studio) momentFields(path, legend string, m *story.Moment, required bool) app.UI {
	if m == nil {
		m = &story.Moment{}
	}
	if !required {
		return c.optional(path, legend, m.Date != "" || m.Text != "", func() []app.UI {
			return c.momentBody(path, m)
		})
	}
	return app.FieldSet().Class("group moment").Body(append([]app.UI{app.Legend().Text(legend)}, c.momentBody(path, m)...)...)
}

// momentBody are the controls of a moment.
func (c *Studio) momentBody(path string, m *story.Moment) []app.UI {
	parts := make([]option, len(story.PartsOfDay))
	for i, p := range story.PartsOfDay {
		parts[i] = option{string(p), strings.ReplaceAll(string(p), "-", " ")}
	}
	hint := dateHint
	if p := precisionOf(string(m.Date)); p != "" {
		hint = "Precise to the " + p + ". " + hint
	}
	return []app.UI{
		c.textField(path+".date", "Date", hint, string(m.Date)),
		c.textField(path+".zone", "Time zone", "Where it happened, e.g. Europe/Kyiv; needed with a time of day.", string(m.Zone)),
		c.selectField(path+".partOfDay", "Part of the day", "For a date to the day, when that is all the sources say.", string(m.PartOfDay), "Not given", parts),
		c.checkField(path+".approximate", "The sources say about", "", m.Approximate),
		c.textField(path+".text", "Shown as", "Text shown instead of the date, e.g. Night of 28 Feb to 1 Mar 2025.", m.Text),
	}
}

// optional is a group of controls for something a story may leave out
// (an end, a picture): folded away until it is used or asked for.
func (c *Studio) optional(path, legend string, used bool, body func() []app.UI) app.UI {
	open := used || c.opened[path] || c.hasProblemsUnder(path)
	d := app.Details().ID("o"+path).Class("group optional").Open(open).
		On("toggle", func(ctx app.Context, e app.Event) {
			if src := ctx.JSSrc(); src.Get("open").Bool() {
				c.opened[strings.TrimPrefix(src.Get("id").String(), "o")] = true
			}
		})
	if !open {
		// Closed, its controls are not in the page: a problem inside is
		// shown at the group (and opens it; see hasProblemsUnder).
		return d.Body(app.Summary().Text(legend + " (optional)"))
	}
	return d.Body(append([]app.UI{app.Summary().Text(legend + " (optional)")}, body()...)...)
}

// precisionOf names the precision a date is written to.
func precisionOf(date string) string {
	d := strings.TrimPrefix(date, "-")
	switch {
	case d == "":
		return ""
	case strings.Contains(d, "T") && strings.Count(d, ":") == 1:
		return "minute"
	case strings.Contains(d, "T"):
		return "hour"
	case strings.Count(d, "-") == 2:
		return "day"
	case strings.Count(d, "-") == 1:
		return "month"
	}
	return "year"
}

// mediaFields are a picture, video, post, map or document.
func (c *Studio) mediaFields(path, legend string, m *story.Media) app.UI {
	if m == nil {
		m = &story.Media{}
	}
	kinds := make([]option, len(story.MediaKinds))
	for i, k := range story.MediaKinds {
		kinds[i] = option{string(k), string(k)}
	}
	return c.optional(path, legend, m.Src != "", func() []app.UI {
		return c.mediaBody(path, m, kinds)
	})
}

func (c *Studio) mediaBody(path string, m *story.Media, kinds []option) []app.UI {
	return []app.UI{
		c.textField(path+".src", "Address", "A picture's https address, or a YouTube, Vimeo, X, Bluesky… page. Players load only when a reader asks.", string(m.Src)),
		c.selectField(path+".kind", "Kind", "", string(m.Kind), "From the address", kinds),
		c.textField(path+".alt", "Text alternative", "What a picture shows, for readers who cannot see it.", m.Alt),
		c.textField(path+".title", "Title", "What it is, e.g. Watch the meeting in full.", m.Title),
		c.textField(path+".caption", "Caption", "", string(m.Caption)),
		c.textField(path+".credit", "Credit", "", string(m.Credit)),
	}
}

// options are the items of a list a reference can name.
func (c *Studio) options(s *story.Story, path string) []option {
	var out []option
	add := func(id story.ID, label string) {
		if label == "" {
			label = string(id)
		}
		out = append(out, option{string(id), label})
	}
	switch path {
	case "$.people":
		for _, p := range s.People {
			add(p.ID, p.Name)
		}
	case "$.events":
		for _, e := range s.Events {
			add(e.ID, e.Headline)
		}
	case "$.sources":
		for _, src := range s.Sources {
			label := src.Outlet
			if src.Title != "" {
				label += ": " + src.Title
			}
			add(src.ID, label)
		}
	case "$.groups":
		for _, g := range s.Groups {
			add(g.ID, g.Label)
		}
	}
	return out
}

// quoteOptions are the quotes one can answer: any but itself.
func (c *Studio) quoteOptions(s *story.Story, self int) []option {
	var out []option
	for i, q := range s.Quotes {
		if i != self {
			out = append(out, option{string(q.ID), string(q.ID)})
		}
	}
	return out
}

// addSpeaker adds a person, makes them the speaker of the quote at
// path, and takes the keyboard to their name: the speaker list offers
// only the people there are, and the one who spoke may not be yet. The
// quote follows the person's id as their name is typed.
func (c *Studio) addSpeaker(ctx app.Context, quote string) {
	c.add(ctx, lists[0])
	people := c.d.Story().People
	if len(people) == 0 {
		return
	}
	if err := c.d.Set(quote+".speaker", string(people[len(people)-1].ID)); err != nil {
		c.status = err.Error()
		return
	}
	c.touch(quote + ".speaker")
	c.status = "Added a person as the speaker: give their name."
	c.changed(ctx)
}
