package story

import (
	"net/url"
	"strings"
)

// Value types check themselves as they are decoded and describe themselves
// to the JSON Schema, so that a rule lives in exactly one place.

// checker is a string type with rules of its own. check returns what is
// wrong with the value, or "" when it is fine.
type checker interface {
	check() string
}

// schemaer is a type that describes its own JSON Schema.
type schemaer interface {
	jsonSchema() map[string]any
}

// slugPattern is the form of every id: lower-case words joined by hyphens,
// safe in URLs and in HTML id attributes.
const slugPattern = `^[a-z0-9]+(?:-[a-z0-9]+)*$`

// ID is the id of a story, person, phase, event, quote or source.
type ID string

func (id ID) check() string {
	if len(id) > 80 {
		return "an id is at most 80 characters"
	}
	if !isSlug(string(id)) {
		return "an id is lower-case letters, digits and single hyphens, like kharkiv-strike"
	}
	return ""
}

func (ID) jsonSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": slugPattern, "maxLength": 80}
}

// Ref is a reference to the id of something else in the same story.
type Ref string

func (r Ref) check() string { return ID(r).check() }

func (Ref) jsonSchema() map[string]any { return ID("").jsonSchema() }

// URL is an absolute http or https link. Other schemes (javascript:, data:,
// file:) are refused: story text is untrusted and ends up in href and src.
type URL string

func (u URL) check() string {
	s := string(u)
	if strings.TrimSpace(s) != s || strings.ContainsAny(s, " \t\r\n\"'<>`\\") {
		return "a URL cannot contain spaces, quotes, angle brackets or backslashes"
	}
	p, err := url.Parse(s)
	if err != nil {
		return "not a valid URL: " + err.Error()
	}
	if p.Scheme != "http" && p.Scheme != "https" {
		return "links must start with https:// or http://"
	}
	if p.Host == "" {
		return "the URL has no host"
	}
	if p.User != nil {
		return "a URL must not carry a user name or password"
	}
	return ""
}

// Check returns what is wrong with the address as a story's link, or ""
// when a story can hold it, for tools that make stories.
func (u URL) Check() string { return u.check() }

func (URL) jsonSchema() map[string]any {
	return map[string]any{"type": "string", "format": "uri", "pattern": "^https?://[^\\s\"'<>`\\\\]+$"}
}

// ImageURL is an image's address: https only. Pages load images under a
// Content-Security-Policy of https: (and browsers block http: images on
// https pages), so one rule holds for the story and the page alike.
type ImageURL string

func (u ImageURL) check() string {
	if msg := URL(u).check(); msg != "" {
		return msg
	}
	if !strings.HasPrefix(string(u), "https://") {
		return "images must be https:// links: pages load images over https only"
	}
	return ""
}

func (ImageURL) jsonSchema() map[string]any {
	return map[string]any{"type": "string", "format": "uri", "pattern": "^https://[^\\s\"'<>`\\\\]+$"}
}

// langPattern is a BCP 47 tag (RFC 5646) as stories use them: a 2- or
// 3-letter language in lower case, then, each optional and in this
// order, a script (zh-Hans, sr-Latn), a region (pt-BR, es-419), variants
// (de-CH-1901), extensions (ar-u-nu-latn: Arabic with Latin digits) and a
// private use (x-...). Subtags after the language take either case, as
// BCP 47 lets them. Not the 4- to 8-letter languages nor extlang forms
// (zh-yue), which the registry reserves or keeps only for compatibility.
const langPattern = `^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$`

// Lang is a BCP 47 language tag such as en, uk, pt-BR, zh-Hant or
// ar-u-nu-latn.
type Lang string

func (l Lang) check() string {
	if !isLang(string(l)) {
		return "a language is a BCP 47 tag such as en, uk, pt-BR, es-419, zh-Hant or ar-u-nu-latn"
	}
	return ""
}

// Check says why l is not a story's language, or "" when it is one.
func (l Lang) Check() string { return l.check() }

func (Lang) jsonSchema() map[string]any {
	return map[string]any{"type": "string", "pattern": langPattern}
}

// Base returns the primary language subtag: "en" for "en-GB".
func (l Lang) Base() string {
	base, _, _ := strings.Cut(string(l), "-")
	return base
}

func (k QuoteKind) check() string {
	if k != Direct && k != Reported {
		return `the kind of a quote is "direct" (the speaker's exact words) or "reported" (a paraphrase)`
	}
	return ""
}

func (QuoteKind) jsonSchema() map[string]any { return enumSchema([]QuoteKind{Direct, Reported}) }

// enumSchema is the schema of a text that takes one of the values.
func enumSchema[T ~string](values []T) map[string]any {
	enum := make([]any, len(values))
	for i, v := range values {
		enum[i] = string(v)
	}
	return map[string]any{"type": "string", "enum": enum}
}
