// Package ui is the studio's user interface, which runs in the editor's
// browser as its own WebAssembly (app/studio/webapp): a form for every
// part of a story, the problems explainer validate would report shown at
// their fields as the editor types, and a live preview rendered by the
// reader's own widget code. Readers never download any of it.
package ui

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
	"explainer/app/studio/api"
	"explainer/app/studio/draft"
)

// Studio is the root component.
type Studio struct {
	app.Compo

	api   apiClient
	files []api.Entry
	// single says the studio edits one file, not a folder.
	single bool
	// name is the file being edited; version is what it held when opened
	// ("" for a story not saved yet).
	name, version string
	d             *draft.Draft
	// checked is the draft as readers would get it, nil while it has
	// problems; lastGood is the last draft that had none, which the
	// preview goes on showing.
	checked, lastGood *story.Story
	list              story.ErrorList
	problems          map[string][]*story.Error
	// actions are the buttons' handlers, by id, as the last render made
	// them (see button).
	actions map[string]func(app.Context)
	// shown collects, during a render, the paths that have a control, so
	// that a problem without one is shown at its item instead.
	shown map[string]bool
	// auto are the items whose id still follows their first field: those
	// the editor added and whose id they have not set by hand.
	auto map[string]bool
	// opened are the optional groups the editor has unfolded.
	opened map[string]bool
	// warnings are what the importer could not keep, for an imported file.
	warnings []api.Problem
	imp      importState
	// sheet is the sheet being linked, live what the site serves of the
	// open story's source (live.go).
	sheet sheetState
	live  liveState
	// wait holds back the problems of what was just added (problems.go).
	wait problemWait

	// words are the widget's words in the previewed story's language,
	// asked of the server when that language changes (wordsFor).
	words     *i18n.Pack
	wordsLang string
	// languages are the languages a story may be in, for its Language
	// field (language.go), asked of the server once at start.
	languages []api.Language

	preview previewOptions
	frame   previewFrame // what the preview's frame shows (preview.go)
	// event is the event the preview shows: the one being edited.
	event story.Ref

	mode    string // "" the form, "json" the raw JSON
	rawText string
	// rawError is why the raw JSON cannot go into the form (a syntax
	// error, a value of the wrong type), at its line, as explainer
	// validate says it; nil when it can. rawEdited says the text changed
	// since the draft last took it (settle).
	rawError  *story.Error
	rawEdited bool
	// noDraft says the draft is a stand-in: the file opened does not read
	// as JSON, and only the raw editor shows it until it does.
	noDraft bool
	// resync says a change other than typing happened, after which every
	// control shows the draft (see syncControls).
	resync bool
	// transient says the status line tells of an action (Undone.) that
	// the next edit makes old.
	transient bool

	status   string // said by the status line, read out politely
	fatal    string // a problem that stops the studio (no server)
	conflict *apiError
	restored bool
	saving   bool
	dirty    bool
	snippets map[string]string
	savedID  string
	embed    embedPanel

	stopKeys, stopLeave func()
	// typing is the path of the text control being typed in, whose
	// element renders keep as it is; rendered is what each text control
	// last rendered with (see shownValue).
	typing   string
	rendered map[string]string
	// pending says the draft has changed since it was last checked;
	// lastSettle is how long the last check took.
	pending    bool
	lastSettle time.Duration
	// ctx is the root's own context, from OnMount: work that waits for a
	// render goes through it, since the element whose handler started
	// the work may be gone by then (the file list, replaced by the form).
	ctx app.Context
}

// OnMount opens the session, then the file the address names (or the
// only one), or lists the folder.
func (c *Studio) OnMount(ctx app.Context) {
	c.ctx = ctx
	c.api.base = rootPrefix()
	c.shown, c.auto, c.opened, c.rendered = map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]string{}
	c.stopKeys = listenKeys(ctx, c)
	c.stopLeave = keepOnLeave(c)
	c.ctx.Async(func() {
		// Without the list, the field still takes a tag.
		langs, err := c.api.languages()
		if err == nil {
			c.ctx.Dispatch(func(ctx app.Context) { c.languages = langs })
		}
	})
	c.ctx.Async(func() {
		single, err := c.api.session()
		var files []api.Entry
		if err == nil {
			files, err = c.api.files()
		}
		c.ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				c.fatal = "The studio cannot reach its server: " + err.Error()
				return
			}
			c.files, c.single = files, single
			name := ctx.Page().URL().Query().Get("file")
			if name == "" && len(files) == 1 && single {
				name = files[0].Name
			}
			if name != "" {
				c.open(ctx, name)
			}
		})
	})
}

// OnDismount stops the keyboard shortcuts.
func (c *Studio) OnDismount() {
	if c.stopKeys != nil {
		c.stopKeys()
		c.stopLeave()
	}
}

// OnNav follows the file list's links.
func (c *Studio) OnNav(ctx app.Context) {
	if c.api.csrf == "" {
		return // OnMount opens what the address names
	}
	name := ctx.Page().URL().Query().Get("file")
	switch {
	case name == c.name:
	case name == "":
		c.close(ctx)
	default:
		c.open(ctx, name)
	}
}

// open reads a file and starts a draft of it, or of the unsaved work the
// browser kept for it.
func (c *Studio) open(ctx app.Context, name string) {
	c.status = "Opening " + name + "…"
	c.ctx.Async(func() {
		f, err := c.api.read(name)
		c.ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				c.status = "Could not open " + name + ": " + err.Error()
				return
			}
			text, restored := f.Text, false
			if kept, ok := loadKept(name); ok && kept.Text != f.Text {
				text, restored = kept.Text, true
			}
			c.start(ctx, name, f.Version, []byte(text))
			c.restored, c.dirty = restored, restored
			c.status = "Opened " + name + "."
			if restored {
				c.status = "Restored the unsaved changes this browser kept for " + name + "."
			}
			if c.rawError != nil {
				c.status += " " + c.rawMistake()
			}
			c.askLive()
		})
	})
}

// start edits text as the file name, at version ("" for a new file). A
// text that does not read as a story (a typo in its JSON) opens in the
// raw editor, at the mistake, with what explainer validate says of it;
// the form follows once it reads.
func (c *Studio) start(ctx app.Context, name, version string, text []byte) {
	c.name, c.version = name, version
	c.auto, c.warnings, c.snippets, c.conflict, c.restored, c.dirty, c.mode = map[string]bool{}, nil, nil, nil, false, false, ""
	c.lastGood, c.event, c.pending, c.typing = nil, "", false, ""
	c.opened, c.rendered = map[string]bool{}, map[string]string{}
	c.wait = problemWait{}
	c.rawText, c.rawError, c.rawEdited, c.noDraft = "", nil, false, false
	c.live = liveState{}
	if version == "" {
		c.auto["$"] = true
	}
	d, err := draft.New(text)
	if err != nil {
		d, _ = draft.New(nil)
		c.noDraft, c.mode, c.rawText, c.rawEdited = true, "json", string(text), true
		c.d = d
		c.takeRaw()
		c.caretAtMistake()
	} else {
		c.d = d
		c.check()
	}
	c.refresh(ctx)
	c.showModel()
}

// showModel has every control show the draft once the coming render is
// done: after undo, redo, a load, an import, a choice in a conflict.
func (c *Studio) showModel() {
	c.resync = true
	c.ctx.Defer(func(app.Context) { c.syncControls() })
}

// syncControls writes the draft's values into the controls whose element
// holds something else. go-app writes a value only when it differs from
// the one it rendered last, and the control being typed in keeps its
// first one (shownValue): after typing " XYZ" and Undo, the value to show
// is the one go-app believes is there already, so it writes nothing and
// the control goes on showing "XYZ", which the next key would write back.
// A textarea's text is its value only until the editor types in it. The
// control being typed in now is left as it is.
func (c *Studio) syncControls() {
	if !c.resync || c.d == nil {
		return
	}
	c.resync = false
	doc := app.Window().Get("document")
	for path, value := range c.rendered {
		if path == c.typing {
			continue
		}
		el := doc.Call("getElementById", fieldID(path))
		if !el.Truthy() {
			delete(c.rendered, path) // folded or gone; rendered anew when shown
			continue
		}
		if el.Get("value").String() != value {
			el.Set("value", value)
		}
	}
	if c.mode == "json" && c.typing != rawTyping {
		if el := doc.Call("getElementById", "raw"); el.Truthy() && el.Get("value").String() != c.rawText {
			el.Set("value", c.rawText)
		}
	}
}

// rawTyping is c.typing while the raw JSON is typed in.
const rawTyping = "raw"

// newStory starts a story from nothing.
func (c *Studio) newStory(ctx app.Context) {
	var text []byte
	k, restored := loadKept("new story")
	if restored {
		text = []byte(k.Text)
	}
	c.start(ctx, "", "", text)
	c.freshItem("$")
	c.problems = c.visibleProblems()
	c.status = "A new story. Give it a title, then add people and events."
	if restored {
		c.restored, c.dirty = true, true
		c.status = "Restored the new story this browser kept, unsaved."
	}
	setAddress(ctx, "")
	c.ctx.Defer(func(app.Context) { focus(fieldID("$.title")) })
}

// close goes back to the list of files.
func (c *Studio) close(ctx app.Context) {
	c.settle() // the last keys are kept with the rest
	c.d, c.name, c.version = nil, "", ""
	c.ctx.Async(func() {
		files, err := c.api.files()
		c.ctx.Dispatch(func(ctx app.Context) {
			if err == nil {
				c.files = files
			}
		})
	})
}

// hasProblemsUnder reports a problem at path or inside it.
func (c *Studio) hasProblemsUnder(path string) bool {
	for p := range c.problems {
		if p == path || strings.HasPrefix(p, path+".") || strings.HasPrefix(p, path+"[") {
			return true
		}
	}
	return false
}

// check parses the draft as the server would: in the raw editor, the
// text there, so that its problems come with their lines, and what the
// form would not keep (an unknown field) is a problem too.
func (c *Studio) check() {
	name := c.fileName()
	if c.mode == "json" {
		c.checked, c.list = parseStory(name, c.rawText)
	} else {
		c.checked, c.list = c.d.Check(name)
	}
	if c.checked != nil {
		c.lastGood = c.checked
	}
	c.problems = c.visibleProblems()
}

// changed follows every edit: check, keep the work in the browser,
// update the preview.
//
// Checking, keeping and previewing a long story takes longer than a key
// press comes: they run once for a burst of changes, checkDelay after the
// first, on the draft as it is by then. What needs them current (a save)
// calls settle first.
func (c *Studio) changed(ctx app.Context) {
	c.dirty, c.snippets, c.restored = true, nil, false
	if c.transient {
		c.status, c.transient = "", false
	}
	// A change other than typing (undo, a move, a choice) is written to
	// every control, the one typed in last too (see shownValue and
	// syncControls); typing takes c.typing back after this.
	c.typing = ""
	c.showModel()
	if c.pending {
		return
	}
	c.pending = true
	c.ctx.After(max(minCheckDelay, 2*c.lastSettle), func(ctx app.Context) { c.settle() })
}

// minCheckDelay is how long a burst of typing gathers before the check,
// at least: a long story, whose check takes longer, waits twice as long
// as its last one took, so that typing keeps most of the time.
const minCheckDelay = 60 * time.Millisecond

// settle checks, keeps and previews the draft now, if it has changed
// since the last time.
func (c *Studio) settle() {
	if !c.pending || c.d == nil {
		return
	}
	c.pending = false
	start := time.Now()
	if c.rawEdited {
		c.takeRaw()
	} else {
		c.check()
	}
	keep(c.keyName(), c.version, c.text())
	c.refresh(c.ctx)
	c.lastSettle = time.Since(start)
}

// text is the story file as the editor has it: the raw JSON in that
// view, which may not read yet, else the draft.
func (c *Studio) text() string {
	if c.mode == "json" {
		return c.rawText
	}
	return string(c.d.JSON())
}

// fileName is the name the story is checked and saved under.
func (c *Studio) fileName() string {
	if c.name != "" {
		return c.name
	}
	return fileName(string(c.d.Story().ID))
}

// keyName is the name the browser keeps unsaved work under.
func (c *Studio) keyName() string {
	if c.name != "" {
		return c.name
	}
	return "new story"
}

// onSet sets the field of the control's data-path (see button for why
// the path is read from the control, not captured).
//
// Typing renders nothing: the control shows what was typed already, and
// the studio renders once the burst is checked (settle). A form of
// hundreds of events would otherwise be rendered again on every key.
func (c *Studio) onSet(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	path := src.Get("dataset").Get("path").String()
	resync := c.resync
	c.set(ctx, path, src.Get("value").String())
	if e.Get("type").String() == "input" {
		c.typing = path   // after set: any other change lets it go (changed)
		c.resync = resync // typing is not a change the controls need shown
		ctx.PreventUpdate()
	}
}

// onSetList sets a list of texts from a control's comma-separated value.
func (c *Studio) onSetList(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	if err := c.d.SetList(src.Get("dataset").Get("path").String(), strings.Split(src.Get("value").String(), ",")); err != nil {
		c.status = err.Error()
		return
	}
	c.changed(ctx)
}

// set changes one field; an item's first field brings its id along
// while the id is still the one the studio made.
func (c *Studio) set(ctx app.Context, path, value string) {
	if err := c.d.Set(path, value); err != nil {
		c.status = err.Error()
		return
	}
	c.touch(path)
	item, field := splitField(path)
	if c.auto[item] && (field == nameField(item)) {
		c.d.Follow(item, value)
	}
	c.focusEvent(path)
	c.changed(ctx)
}

func (c *Studio) toggleRef(ctx app.Context, path, id string, on bool) {
	var values []string
	if v, ok := refValues(c.d.Story(), path); ok {
		for _, r := range v {
			if string(r) != id {
				values = append(values, string(r))
			}
		}
	}
	if on {
		values = append(values, id)
	}
	if err := c.d.SetList(path, values); err != nil {
		c.status = err.Error()
		return
	}
	c.touch(path)
	c.changed(ctx)
}

func (c *Studio) rename(ctx app.Context, item, id string) {
	delete(c.auto, item)
	c.touch(item + ".id")
	if err := c.d.Rename(item, story.ID(strings.TrimSpace(id))); err != nil {
		c.status = err.Error()
		return
	}
	c.changed(ctx)
}

// add appends an item to a list and takes the keyboard to it.
func (c *Studio) add(ctx app.Context, l list) {
	path, err := c.d.Add(l.path, "")
	if err != nil {
		c.status = err.Error()
		return
	}
	if l.name != "" {
		c.auto[path] = true
	}
	c.freshItem(path)
	c.status = "Added " + l.article + " " + l.singular + "."
	c.changed(ctx)
	c.ctx.Defer(func(app.Context) { focusFirstField(itemID(path)) })
}

func (c *Studio) remove(ctx app.Context, l list, path string) {
	label := c.itemLabel(l, c.d.Story(), indexOf(path))
	if err := c.d.Remove(path); err != nil {
		c.status = err.Error()
		return
	}
	c.auto = map[string]bool{} // the paths after it have moved
	c.wait = problemWait{}     // and what waits is known by its path: all speak
	c.status = "Removed the " + l.singular + " " + label + ". Undo brings it back."
	c.changed(ctx)
	// The keyboard stays where the editor was: on the item that took the
	// removed one's place, or the one before it, or the list's heading.
	i, n := indexOf(path), c.d.Len(l.path)
	c.ctx.Defer(func(app.Context) { focusInPlace(removedFocus(l.path, i, n)) })
}

func (c *Studio) move(ctx app.Context, l list, path string, from, to int) {
	if err := c.d.Move(path, to); err != nil {
		return
	}
	c.auto = map[string]bool{}
	c.status = "Moved the " + l.singular + " to position " + itoa(to+1) + " of " + itoa(c.d.Len(l.path)) + "."
	c.changed(ctx)
	// The keyboard stays with the item, on the button pressed if it can
	// be pressed again.
	dir := "up"
	if to > from {
		dir = "down"
	}
	newPath := l.path + "[" + itoa(to) + "]"
	c.ctx.Defer(func(app.Context) {
		if !focus("m" + dir + newPath) {
			focus(itemID(newPath))
		}
	})
}

func (c *Studio) undo(ctx app.Context) {
	c.settle() // the last keys are a step of their own
	if c.rawUnread() {
		return
	}
	if c.d != nil && c.d.Undo() {
		c.undone(ctx, "Undone.")
	}
}

func (c *Studio) redo(ctx app.Context) {
	c.settle()
	if c.rawUnread() {
		return
	}
	if c.d != nil && c.d.Redo() {
		c.undone(ctx, "Redone.")
	}
}

// rawUnread holds back Undo and Redo while the JSON being typed does not
// read: the draft's steps end where it last did, so stepping would put
// an older draft in the box over everything typed since, for good. The
// box's own undo (Ctrl+Z in it) takes back keys one by one meanwhile.
func (c *Studio) rawUnread() bool {
	if c.mode != "json" || c.rawError == nil {
		return false
	}
	c.status = "Undo is held back while the JSON does not read, so that what you typed since it last did is kept: fix it (" + c.rawError.Error() + "), or press Ctrl+Z in the box to take back your last keys."
	c.caretAt(c.rawError)
	return true
}

// undone follows an undo or a redo: the raw JSON, if shown, is the draft
// again, and the status says so until the next edit.
func (c *Studio) undone(ctx app.Context, status string) {
	c.auto = map[string]bool{}
	c.wait = problemWait{} // paths may name other items now: all problems speak
	if c.mode == "json" {
		c.rawText, c.rawError, c.rawEdited = string(c.d.JSON()), nil, false
	}
	c.changed(ctx)
	c.status, c.transient = status, true
}

// focusEvent makes the preview follow the event being edited, and the
// quote's event for a quote.
func (c *Studio) focusEvent(path string) {
	s := c.d.Story()
	var i int
	switch {
	case scanIndex(path, "$.events[", &i) && i < len(s.Events):
		c.event = story.Ref(s.Events[i].ID)
	case scanIndex(path, "$.quotes[", &i) && i < len(s.Quotes):
		c.event = s.Quotes[i].Event
	}
}

// indexOf is the index of an item's path in its list.
func indexOf(path string) int {
	i := strings.LastIndexByte(path, '[')
	n, _ := strconv.Atoi(strings.TrimSuffix(path[i+1:], "]"))
	return n
}

// scanIndex reads the index of path in a list.
func scanIndex(path, prefix string, i *int) bool {
	rest, ok := strings.CutPrefix(path, prefix)
	if !ok {
		return false
	}
	n := 0
	for j, r := range rest {
		if r == ']' {
			*i = n
			return j > 0
		}
		if r < '0' || r > '9' {
			return false
		}
		n = n*10 + int(r-'0')
	}
	return false
}

// splitField splits $.events[2].headline into its item and field.
func splitField(path string) (item, field string) {
	if i := strings.LastIndexByte(path, ']'); i >= 0 && strings.Count(path[i+1:], ".") == 1 {
		return path[:i+1], path[i+2:]
	}
	if strings.Count(path, ".") == 1 {
		return "$", path[2:]
	}
	return path, ""
}

// nameField is the field an item's id is made from.
func nameField(item string) string {
	if item == "$" {
		return "title"
	}
	for _, l := range lists {
		if strings.HasPrefix(item, l.path+"[") {
			return l.name
		}
	}
	return ""
}

func refValues(s *story.Story, path string) ([]story.Ref, bool) {
	var i int
	switch {
	case scanIndex(path, "$.events[", &i) && i < len(s.Events):
		switch {
		case strings.HasSuffix(path, ".people"):
			return s.Events[i].People, true
		case strings.HasSuffix(path, ".sources"):
			return s.Events[i].Sources, true
		}
	}
	return nil, false
}

// address is the studio's address for a file.
func address(name string) string {
	if name == "" {
		return "?"
	}
	return "?" + url.Values{"file": {name}}.Encode()
}
