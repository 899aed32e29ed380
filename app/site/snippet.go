package site

import (
	"encoding/json"
	"html"
	"strconv"
)

// snippetValues are what a snippet is made of, as plain values: nothing
// here is escaped yet, since each snippet needs its own escaping.
type snippetValues struct {
	Page   string // the story's page, with the reader's options
	Embed  string // the card's address
	Script string // embed.js
	Title  string // the story's title: untrusted text
	ID     string // the story's id
	Height int    // the card's height at a common column width
}

// Snippet is one way to embed a story, finished: code an editor pastes
// into a CMS as it is.
type Snippet struct {
	Name, Label, Text string
}

// snippets writes the code for each kind of host. This is the one place
// snippets are made: the embed page shows them and its script asks for
// them again (the server's ?format=json) rather than rebuilding them.
// Each value is escaped for where it lands: an attribute (attr), a string
// in JavaScript inside <script> (jsString), or a line on its own (the
// WordPress address, which the URL encoding already keeps on one line).
func snippets(v snippetValues) []Snippet {
	height := strconv.Itoa(v.Height)
	return []Snippet{
		{"html", "Any page (HTML)",
			`<iframe src="` + attr(v.Embed) + `" title="` + attr(v.Title) + `" loading="lazy" style="border:0;width:100%" height="` + height + `" data-explainer-frame></iframe>` + "\n" +
				`<script async src="` + attr(v.Script) + `"></script>`},
		{"wordpress", "WordPress (paste the address on a line of its own)", v.Page},
		{"amp", "AMP",
			`<amp-iframe src="` + attr(v.Embed) + `" title="` + attr(v.Title) + `" layout="fixed-height" height="` + height + `" sandbox="allow-scripts allow-same-origin" resizable frameborder="0">` + "\n" +
				`  <button overflow type="button">Show the whole timeline</button>` + "\n" +
				`</amp-iframe>`},
		{"pym", "pym.js",
			`<div id="` + attr(pymContainer(v.ID)) + `"></div>` + "\n" +
				`<script src="https://pym.nprapps.org/pym.v1.min.js"></script>` + "\n" +
				`<script>new pym.Parent(` + jsString(pymContainer(v.ID)) + `, ` + jsString(v.Embed) + `, {title: ` + jsString(v.Title) + `});</script>`},
	}
}

// pymContainer is the id of the element pym.js puts the frame in.
func pymContainer(id string) string { return "explainer-" + id }

// attr escapes text for a quoted HTML attribute value.
func attr(s string) string { return html.EscapeString(s) }

// jsString writes s as a JavaScript string literal that is safe inside an
// HTML <script> element: json.Marshal escapes <, > and & (so no text can
// write </script> or <!--) and U+2028 and U+2029 (line terminators in
// older JavaScript).
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		return `""` // a string always marshals
	}
	return string(b)
}
