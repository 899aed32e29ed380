// Package cldr holds the CLDR data one language needs to write dates,
// numbers, plurals, durations and lists, and the formatters that use it.
//
// It is compiled into the reader's WebAssembly, so it imports only a few
// standard packages and carries no tables: the server picks one Data for
// the page's language (embed.go, not in the WebAssembly) and the page
// carries it as JSON, like the story. The data is generated from CLDR's
// JSON by app/tools/cldrgen (make cldr), never typed by hand.
package cldr

// Data is what one locale needs. The JSON names are short, since a page
// carries one Data; they are part of the page's format, so keep them.
type Data struct {
	// Tag is the locale's BCP 47 tag as CLDR names it ("en", "pt-PT",
	// "zh-Hant").
	Tag string `json:"tag"`
	// Name is the language's name in the language itself ("español").
	Name string `json:"name"`
	// Dir is the writing direction, "ltr" or "rtl" (CLDR layout's
	// characterOrder).
	Dir string `json:"dir"`
	// Digits are the ten digits of the locale's default numbering
	// system, zero first; empty for Latin digits 0-9.
	Digits string `json:"digits,omitempty"`
	// Latn are the decimal separator, grouping separator and minus sign
	// to use with Latin digits, when Digits are not Latin (Persian and
	// Egyptian Arabic write ٬ and ٫ with their own digits, "," and "."
	// with 0-9).
	Latn []string `json:"latn,omitempty"`
	// DecimalSep and GroupSep are the decimal and grouping separators, Minus
	// the minus sign, of that numbering system.
	DecimalSep string `json:"dec"`
	GroupSep   string `json:"grp"`
	Minus      string `json:"minus"`
	// MinGroup is CLDR's minimumGroupingDigits: the grouping separator
	// is written only when the digits before it would number at least
	// this many (Spanish: 2, so 2500 but 12 500).
	MinGroup int `json:"minGrp"`
	// Group2 is the size of the groups after the first, when not 3
	// (India's 12,34,567: 2); 0 means 3.
	Group2 int `json:"grp2,omitempty"`
	// PluralRules are the cardinal plural rules: category (zero, one, two,
	// few, many, other) to the rule in CLDR's syntax, without its
	// samples. "other" is always present, with an empty rule.
	PluralRules map[string]string `json:"plural"`
	// Months are the twelve month names, January first.
	Months Months `json:"months"`
	// Patterns are date and time patterns by name: the availableFormats
	// "yMMMd", "yMMMM", "y", "Gy", and "time", the short time format.
	Patterns map[string]string `json:"pat"`
	// DayPeriods are the abbreviated format names of am and pm.
	DayPeriods [2]string `json:"ampm"`
	// Flex are the flexible day periods ("in the morning", 凌晨), for
	// a locale whose patterns write them (pattern letter B), by the
	// minute of the day each starts at, earliest first.
	Flex []Period `json:"flex,omitempty"`
	// Eras are the abbreviated era names, before and after year 1
	// (CLDR's alt-variant BCE/CE where the locale has one).
	Eras [2]string `json:"eras"`
	// DateTime joins a date {1} and a time {0} (dateTimeFormats medium).
	DateTime string `json:"dt"`
	// IntervalFallback joins the two ends of a span: "{0} – {1}".
	IntervalFallback string `json:"iv"`
	// Units are the long unit patterns by unit ("year", "month", "day")
	// and plural category: "{0} years".
	Units map[string]map[string]string `json:"units"`
	// GMT names a zone by its offset from UTC.
	GMT GMT `json:"gmt"`
	// Lists are the standard (and) list patterns.
	Lists List `json:"list"`
	// Quotes are the language's quotation marks, opening and closing, in
	// the order they are written (delimiters: “ ” in English, « » in
	// French, „ “ in German, 「 」 in Japanese, ” “ in Arabic).
	Quotes [2]string `json:"quotes"`
}

// Months are the format names (in a date: "28 de febrero") and, where
// they differ, the stand-alone ones (a month alone: "febrero"). Each
// list has 12 names; an empty stand-alone list means the format names.
type Months struct {
	Abbr      []string `json:"abbr"`
	Wide      []string `json:"wide"`
	StandAbbr []string `json:"sAbbr,omitempty"`
	StandWide []string `json:"sWide,omitempty"`
}

// Period is a flexible day period: its name, from a minute of the day
// until the next period starts.
type Period struct {
	From int    `json:"from"`
	Name string `json:"name"`
}

// GMT is CLDR's localized GMT format: Format ("GMT{0}") around an
// offset written with Hour ("+HH:mm;-HH:mm"), zero too.
type GMT struct {
	Format string `json:"fmt"`
	Hour   string `json:"hour"`
}

// List are CLDR's list patterns: Two for two items, then Start, Middle
// and End for longer lists.
type List struct {
	Two    string `json:"2"`
	Start  string `json:"start"`
	Middle string `json:"middle"`
	End    string `json:"end"`
}

// WithLatinDigits is d writing 0-9 (a tag's -u-nu-latn), with the
// separators CLDR gives the locale for Latin digits.
func (d Data) WithLatinDigits() Data {
	if d.Digits == "" {
		return d
	}
	d.Digits = ""
	if len(d.Latn) == 3 {
		d.DecimalSep, d.GroupSep, d.Minus = d.Latn[0], d.Latn[1], d.Latn[2]
	}
	d.Latn = nil
	return d
}
