// Package api is the studio's JSON contract: the routes of its server
// (app/studio) and the requests and answers on them, as the studio's page
// (app/studio/ui, in the browser) sends and reads them. Both sides use
// these types, so that the compiler keeps them in step; the package is
// plain types and names, since it is linked into the studio's
// WebAssembly too.
package api

import "net/url"

// Routes of the studio's API, under the site's root path.
const (
	// SessionPath answers SessionInfo: the page's session.
	SessionPath = "/studio/api/session"
	// FilesPath answers List (GET). FilePath(name) answers File (GET),
	// and takes a File to save (PUT), answering the File saved.
	FilesPath = "/studio/api/files"
	// CheckPath takes a File and answers Checked.
	CheckPath = "/studio/api/check"
	// ImportPath takes an Import and answers Imported.
	ImportPath = "/studio/api/import"
	// WordsPath answers, for ?lang=, the widget's words in that language
	// (an i18n.Pack as JSON), for the preview: the studio's WebAssembly
	// holds no catalogue, as the reader's does not.
	WordsPath = "/studio/api/words"
	// LanguagesPath answers Languages: every language a story may be
	// written in, for the story's Language field. The server holds the
	// CLDR data; the studio's WebAssembly asks once, at start.
	LanguagesPath = "/studio/api/languages"
)

// FilePath is the route of one story file of the folder.
func FilePath(name string) string { return FilesPath + "/" + url.PathEscape(name) }

// CSRFHeader carries the session's CSRF token on every request that
// changes something; a page on another origin can neither read the token
// nor set the header without the server's leave (there is no CORS here).
const CSRFHeader = "X-Explainer-CSRF"

// SessionInfo is the answer to SessionPath.
type SessionInfo struct {
	CSRF string `json:"csrf"`
	// Single says the studio was opened on one file, not a folder.
	Single bool `json:"single"`
}

// Entry is a story file as the folder's list shows it.
type Entry struct {
	Name    string `json:"name"`
	ID      string `json:"id,omitempty"`
	Title   string `json:"title,omitempty"`
	Version string `json:"version"`
	// Valid says the file passes the check the server loads it with.
	Valid bool `json:"valid"`
	// Live is the address of the sheet the story follows, if it does.
	Live string `json:"live,omitempty"`
	// Problem is why the site does not serve the file as it is now (its
	// sheet failing, a cell that does not convert, a file that does not
	// check), one a line, when the studio sees the site.
	Problem string `json:"problem,omitempty"`
}

// List is the answer to FilesPath.
type List struct {
	Files []Entry `json:"files"`
}

// File is a story file's text at a version: what a read answers, what a
// save sends (Version is the one it was made from, "" for a new file)
// and answers (the version written, once the site serves it, so that
// its embed code is there at the answer), and what a check sends.
type File struct {
	Name    string `json:"name,omitempty"`
	Version string `json:"version"`
	Text    string `json:"text"`
}

// Checked is the answer to CheckPath: the story's problems, none when it
// passes.
type Checked struct {
	Problems []Problem `json:"problems"`
}

// Import is a TimelineJS file to convert.
type Import struct {
	Name string `json:"name"`
	Text string `json:"text"`
	Zone string `json:"zone,omitempty"`
	Lang string `json:"lang,omitempty"`
	// Base is where the timeline's relative picture addresses are
	// relative to (explainer import -base).
	Base string `json:"base,omitempty"`
}

// Imported is the answer to ImportPath: the story, and what the importer
// could not keep.
type Imported struct {
	Text     string    `json:"text"`
	Warnings []Problem `json:"warnings"`
}

// Problem is one thing wrong with a story, placed as explainer validate
// places it, so that the studio can show it at its field; or an
// importer's warning or error.
type Problem struct {
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
	// Field is, for an import's warning, the path in the story of what it
	// is about (Path is the place in the TimelineJS input).
	Field string `json:"field,omitempty"`
}

// Failure is every answer that is not a success.
type Failure struct {
	Message  string    `json:"error"`
	Problems []Problem `json:"problems,omitempty"`
	// Version and Text are what the file holds, on a conflict.
	Version string `json:"version,omitempty"`
	Text    string `json:"text,omitempty"`
}

// Language is one CLDR locale, as the Language field offers it.
type Language struct {
	// Tag is the BCP 47 tag a story stores ("es", "es-MX").
	Tag string `json:"tag"`
	// Name is the language's name in itself ("español", "العربية"), so
	// that an editor finds their own language without knowing English.
	Name string `json:"name"`
	// Dir is the writing direction, "ltr" or "rtl".
	Dir string `json:"dir"`
	// Widget says the widget's own words (its buttons, labels, what it
	// says around a date) are in this language; without, a reader of a
	// story in it gets them in English, and the dates in the language.
	Widget bool `json:"widget"`
}

// Languages is the answer to LanguagesPath: every locale with CLDR
// data, by tag.
type Languages struct {
	Languages []Language `json:"languages"`
}

// Embed is a story's embed code, as the site's embed page gives it
// (/s/{id}/embed?format=json, the one place snippets are made and
// escaped): the snippet for each kind of host, by name, the address of
// the preview, the address the snippets point at, and whether that is
// the site's public one (-base-url) or only the one the request came to.
type Embed struct {
	Preview  string            `json:"preview"`
	Snippets map[string]string `json:"snippets"`
	Address  string            `json:"address"`
	Public   bool              `json:"public"`
}
