// Package urls is the site's URL space: the paths the server routes, the
// export and publish write, and pages and embeds link to, each spelt here
// once. root is the path of the site's base URL ("" or "/graphics"); the
// paths are unescaped, as a url.URL's Path holds them.
//
// It imports nothing internal and builds for WebAssembly too, so the
// readers' and the studio's code can name the same addresses.
package urls

import "strings"

// The fixed paths under the site's root.
const (
	Home    = "/"
	Assets  = "/assets/"           // the assets, by name with a content hash
	Schema  = "/story.schema.json" // the JSON Schema of story files
	Health  = "/healthz"
	OEmbed  = "/oembed"
	Demo    = "/demo"
	Studio  = "/studio/"
	stories = "/s/"
)

// StoryPage is the path of a story's page: /s/ID/.
func StoryPage[ID ~string](root string, id ID) string {
	return root + stories + string(id) + "/"
}

// StoryJSON is the path of a story's data: /s/ID.json.
func StoryJSON[ID ~string](root string, id ID) string {
	return root + stories + string(id) + ".json"
}

// StoryCSV is the path of a story's events as a TimelineJS sheet:
// /s/ID.csv.
func StoryCSV[ID ~string](root string, id ID) string {
	return root + stories + string(id) + ".csv"
}

// Print is the path of a story's printable version, every event and
// quote on one page: /s/ID/print/ (a folder, so that a static host
// serves its index.html).
func Print[ID ~string](root string, id ID) string {
	return root + stories + string(id) + "/print/"
}

// Embed is the path of a story's embed page: /s/ID/embed.
func Embed[ID ~string](root string, id ID) string {
	return root + stories + string(id) + "/embed"
}

// ShareImage is the path of a story's share image: /s/ID/share.png, or
// /s/ID/share.square.png for the square one.
func ShareImage[ID ~string](root string, id ID, square bool) string {
	return root + stories + string(id) + "/" + shareName("share", square)
}

// QuoteShare is the path of a quote's share page, whose unfurl is the
// quote's card: /s/ID/q/QUOTE/.
func QuoteShare[ID ~string, Q ~string](root string, id ID, quote Q) string {
	return root + stories + string(id) + "/q/" + string(quote) + "/"
}

// QuoteImage is the path of a quote's share image: /s/ID/q/QUOTE.png, or
// QUOTE.square.png.
func QuoteImage[ID ~string, Q ~string](root string, id ID, quote Q, square bool) string {
	return root + stories + string(id) + "/q/" + shareName(string(quote), square)
}

// SquareSuffix ends the name of a square share image. It starts with a
// dot, which no id holds, so that a quote's own image (x-square.png)
// never reads as another quote's square one.
const SquareSuffix = ".square.png"

func shareName(base string, square bool) string {
	if square {
		return base + SquareSuffix
	}
	return base + ".png"
}

// Asset is the path of an asset by its (hashed) name.
func Asset(root, name string) string {
	return root + Assets + name
}

// StoryFile is the path of a name under /s/: a story's data
// (ID.json), or ID alone, which redirects to the page.
func StoryFile(root, name string) string {
	return root + stories + name
}

// StoryOf returns the story id a path under the site's root names, for
// its page (/s/ID/ or /s/ID) or its embed page (/s/ID/embed).
func StoryOf(p string) (id string, ok bool) {
	rest, ok := strings.CutPrefix(p, stories)
	if !ok {
		return "", false
	}
	return strings.TrimSuffix(strings.TrimSuffix(rest, "/embed"), "/"), true
}

// Patterns of the server's routes (net/http ServeMux), from the same
// builders as the paths: {id} and {name} stand for the story and file.
var (
	StoryPagePattern = StoryPage("", "{id}") + "{$}"
	StoryFilePattern = StoryFile("", "{name}")
	EmbedPattern     = Embed("", "{id}")
	PrintPattern     = Print("", "{id}") + "{$}"
	AssetPattern     = Asset("", "{file}")
	// ShareImagePattern matches share.png and share.square.png;
	// QuoteFilePattern a quote's images, QuoteSharePattern its page.
	ShareImagePattern = StoryPage("", "{id}") + "{image}"
	QuoteFilePattern  = StoryPage("", "{id}") + "q/{name}"
	QuoteSharePattern = QuoteShare("", "{id}", "{quote}") + "{$}"
)
