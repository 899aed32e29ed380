package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/studio/api"
)

// The story's language is chosen by its name in itself ("español",
// "العربية", "日本語"), from the server's list of CLDR's languages
// (api.LanguagesPath, asked once at start: the WebAssembly holds no CLDR
// data), and stored as its tag. The control is a text input with a
// datalist, so that any BCP 47 tag can still be typed (es-MX,
// ar-u-nu-latn), and a name typed whole becomes its tag when the field
// is left.

// languagePath is the story's language in the story file.
const languagePath = "$.language"

// languagesID is the datalist's id.
const languagesID = "languages"

// languageField is the story's language: its input, the list of
// languages it offers, and a hint that says whether the widget's own
// words are in the language chosen.
func (c *Studio) languageField(value string) app.UI {
	hint := "The language of the story's text: type its name, or a BCP 47 tag such as es, es-MX or ar-u-nu-latn."
	if note := languageNote(c.languages, value); note != "" {
		hint += " " + note
	}
	desc, invalid, after := c.describe(languagePath, hint)
	in := app.Input().Type("text").ID(fieldID(languagePath)).DataSet("path", languagePath).
		Value(c.shownValue(languagePath, value)).
		// A name in Arabic or Hebrew reads right to left as it is typed.
		Attr("dir", "auto").Attr("list", languagesID).Spellcheck(false).
		Aria("describedby", desc).Aria("invalid", boolText(invalid)).
		OnInput(c.onSet).OnChange(c.onLanguage)
	if desc == "" {
		in = in.Aria("describedby", nil)
	}
	return app.Div().Class("field").Body(
		append([]app.UI{app.Label().For(fieldID(languagePath)).Text("Language"), in, &languageOptions{Langs: c.languages}}, after...)...,
	)
}

// onLanguage, when the field is left or a choice made, stores the tag of
// a language named by its name or its option's label ("español",
// "español — es"); a tag is kept as typed.
func (c *Studio) onLanguage(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	v := src.Get("value").String()
	tag, ok := languageTag(c.languages, v)
	if !ok || tag == v {
		return
	}
	src.Set("value", tag)
	c.set(ctx, languagePath, tag)
}

// languageLabel is how the list shows a language: its name in itself
// and its tag, and when the widget's own words are not in it, that they
// will be in English.
func languageLabel(l api.Language) string {
	s := l.Name + " — " + l.Tag
	if !l.Widget {
		s += " (widget in English)"
	}
	return s
}

// languageTag is the tag of the language v names: by its name, or its
// label in the list, ignoring case; the first of the list's order (the
// plain language, "ar" before "ar-EG") when several share a name.
func languageTag(langs []api.Language, v string) (string, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", false
	}
	for _, l := range langs {
		if strings.EqualFold(v, l.Name) || strings.EqualFold(v, languageLabel(l)) || strings.EqualFold(v, l.Name+" — "+l.Tag) {
			return l.Tag, true
		}
	}
	return "", false
}

// languageOf is the list's entry for a tag, or for its language
// ("es-419-u-nu-latn" is es-419's, "es-CL" es's when not listed).
func languageOf(langs []api.Language, tag string) (api.Language, bool) {
	for t := tag; t != ""; {
		for _, l := range langs {
			if strings.EqualFold(l.Tag, t) {
				return l, true
			}
		}
		i := strings.LastIndexByte(t, '-')
		if i < 0 {
			break
		}
		t = t[:i]
	}
	return api.Language{}, false
}

// languageNote says, of the language chosen, whether readers get the
// widget's words in it: "" when it is not one of the list's. The name is
// isolated (FSI … PDI, a <bdi> in a plain text), so that one written
// right to left does not carry the English around it along.
func languageNote(langs []api.Language, tag string) string {
	l, ok := languageOf(langs, tag)
	name := "\u2068" + l.Name + "\u2069"
	switch {
	case !ok:
		return ""
	case l.Widget:
		return name + ": the widget's own words are in this language."
	default:
		return name + ": dates in this language; the widget's own words (its buttons and labels) in English, until a catalogue is added."
	}
}

// languageOptions is the datalist of languages, a component of its own
// so that the form's renders pass over its hundreds of options: it is
// drawn again only when the list changes (go-app compares its field,
// the same slice every time).
type languageOptions struct {
	app.Compo
	Langs []api.Language
}

func (l *languageOptions) Render() app.UI {
	opts := make([]app.UI, len(l.Langs))
	for i, x := range l.Langs {
		opts[i] = app.Option().Value(x.Tag).Label("%s", languageLabel(x))
	}
	// app.Elem, not app.DataList: the generic element is linked already
	// (the widget uses it), a type of its own for one element would add
	// tens of kilobytes to the studio's WebAssembly.
	return app.Elem("datalist").ID(languagesID).Body(opts...)
}
