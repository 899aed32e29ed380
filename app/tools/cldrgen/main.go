// Command cldrgen writes app/i18n/cldr/locales.json, the CLDR data of
// every locale the widget can speak, from CLDR's JSON packages (`make
// cldr` installs them into .cache/cldr), and the plural rules' samples
// the package's tests check against (testdata/plural_samples.json).
//
// It takes every locale of CLDR's "modern" coverage and a few more the
// widget has words for. CLDR's JSON is resolved (each locale's file
// holds what it inherits), so inheritance matters only where a locale
// has no file of its own or lacks a value: then its parent is read
// (parentLocales, else the tag cut at its last subtag, else root).
// The output is sorted and compact, so a rerun writes the same bytes.
//
//	go run ./app/tools/cldrgen [-cldr .cache/cldr/node_modules] [-out app/i18n/cldr]
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"explainer/app/i18n/cldr"
)

// extra are the widget's languages, taken even where CLDR's coverage is
// not modern.
var extra = []string{"en", "uk", "es", "pt", "fr", "de", "it", "nl", "ca", "pl", "cs", "ro", "hu", "ru", "sv", "da", "nb", "fi", "el", "ar", "fa", "ur", "he", "hi", "bn", "zh-Hans", "zh-Hant", "ja", "ko", "th", "vi", "id", "tr", "sw"}

// categories are CLDR's plural categories in the order rules are tried.
var categories = []string{"zero", "one", "two", "few", "many", "other"}

func main() {
	src := flag.String("cldr", ".cache/cldr/node_modules", "folder holding the cldr-* npm packages")
	out := flag.String("out", "app/i18n/cldr", "folder of the cldr package")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "cldrgen:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	g := &gen{src: src, files: map[string]any{}}
	if err := g.load(); err != nil {
		return err
	}
	tags, err := g.tags()
	if err != nil {
		return err
	}
	all := map[string]cldr.Data{}
	for _, tag := range tags {
		d, err := g.locale(tag)
		if err != nil {
			return fmt.Errorf("%s: %w", tag, err)
		}
		all[tag] = d
	}
	if err := write(filepath.Join(out, "locales.json"), all); err != nil {
		return err
	}
	return write(filepath.Join(out, "testdata", "plural_samples.json"), g.samples())
}

// write writes v as compact JSON (map keys sorted) and a final newline.
func write(path string, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes\n", path, b.Len())
	return nil
}

type gen struct {
	src      string
	files    map[string]any // parsed JSON by path
	parents  map[string]string
	plurals  map[string]map[string]string            // plural key → "pluralRule-count-x" → rule with samples
	digits   map[string]string                       // numbering system → digits
	periods  map[string]map[string]map[string]string // dayPeriods.json: locale → period → _from, _before, _at
	coverage map[string]string
}

func (g *gen) load() error {
	var p struct {
		Supplemental struct {
			ParentLocales struct {
				ParentLocale map[string]string `json:"parentLocale"`
			} `json:"parentLocales"`
		} `json:"supplemental"`
	}
	if err := g.decode("cldr-core/supplemental/parentLocales.json", &p); err != nil {
		return err
	}
	g.parents = p.Supplemental.ParentLocales.ParentLocale
	var pl struct {
		Supplemental struct {
			Cardinal map[string]map[string]string `json:"plurals-type-cardinal"`
		} `json:"supplemental"`
	}
	if err := g.decode("cldr-core/supplemental/plurals.json", &pl); err != nil {
		return err
	}
	g.plurals = pl.Supplemental.Cardinal
	var ns struct {
		Supplemental struct {
			NumberingSystems map[string]struct {
				Digits string `json:"_digits"`
				Type   string `json:"_type"`
			} `json:"numberingSystems"`
		} `json:"supplemental"`
	}
	if err := g.decode("cldr-core/supplemental/numberingSystems.json", &ns); err != nil {
		return err
	}
	g.digits = map[string]string{}
	for name, s := range ns.Supplemental.NumberingSystems {
		if s.Type == "numeric" {
			g.digits[name] = s.Digits
		}
	}
	var dp struct {
		Supplemental struct {
			Rules map[string]map[string]map[string]string `json:"dayPeriodRuleSet"`
		} `json:"supplemental"`
	}
	if err := g.decode("cldr-core/supplemental/dayPeriods.json", &dp); err != nil {
		return err
	}
	g.periods = dp.Supplemental.Rules
	var cov struct {
		Effective map[string]string `json:"effectiveCoverageLevels"`
	}
	if err := g.decode("cldr-core/coverageLevels.json", &cov); err != nil {
		return err
	}
	g.coverage = cov.Effective
	return nil
}

func (g *gen) decode(rel string, v any) error {
	b, err := os.ReadFile(filepath.Join(g.src, rel))
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", rel, err)
	}
	return nil
}

// tags are the modern locales and the extra ones, sorted.
func (g *gen) tags() ([]string, error) {
	var tags []string
	for tag, level := range g.coverage {
		if level == "modern" && tag != "und" {
			tags = append(tags, tag)
		}
	}
	for _, tag := range extra {
		if !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
	}
	slices.Sort(tags)
	return tags, nil
}

// parent is CLDR's parent of a locale: parentLocales, else the tag cut
// at its last subtag, else root ("und"); "" after root.
func (g *gen) parent(tag string) string {
	if p, ok := g.parents[tag]; ok {
		if p == "root" {
			return "und"
		}
		return p
	}
	if tag == "und" {
		return ""
	}
	if i := strings.LastIndexByte(tag, '-'); i > 0 {
		return tag[:i]
	}
	return "und"
}

// file is a locale's file of a package, parsed ("" path: none).
func (g *gen) file(pkg, tag, name string) (any, error) {
	path := filepath.Join(g.src, pkg, "main", tag, name)
	if v, ok := g.files[path]; ok {
		return v, nil
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		g.files[path] = nil
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	v = dig(v, "main", tag)
	g.files[path] = v
	return v, nil
}

// dig follows keys into nested JSON objects; nil when one is missing.
func dig(v any, keys ...string) any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	return v
}

// value is the value at keys in the locale's file, inherited from its
// parents when the locale lacks it.
func (g *gen) value(pkg, name, tag string, keys ...string) (any, error) {
	for t := tag; t != ""; t = g.parent(t) {
		f, err := g.file(pkg, t, name)
		if err != nil {
			return nil, err
		}
		if v := dig(f, keys...); v != nil {
			return v, nil
		}
	}
	return nil, fmt.Errorf("%s %s: no %s in the locale or its parents", pkg, name, strings.Join(keys, "."))
}

func (g *gen) str(pkg, name, tag string, keys ...string) (string, error) {
	v, err := g.value(pkg, name, tag, keys...)
	if err != nil {
		return "", err
	}
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("%s %s: %s is not a string", pkg, name, strings.Join(keys, "."))
	}
	return s, nil
}

// locale gathers one locale's Data. Errors stop at the first.
func (g *gen) locale(tag string) (cldr.Data, error) {
	d := cldr.Data{Tag: tag}
	e := &errs{}
	const dates, greg = "cldr-dates-full", "ca-gregorian.json"
	cal := []string{"dates", "calendars", "gregorian"}
	at := func(keys ...string) []string { return append(slices.Clone(cal), keys...) }

	d.Quotes[0] = e.str(g.str("cldr-misc-full", "delimiters.json", tag, "delimiters", "quotationStart"))
	d.Quotes[1] = e.str(g.str("cldr-misc-full", "delimiters.json", tag, "delimiters", "quotationEnd"))
	order := e.str(g.str("cldr-misc-full", "layout.json", tag, "layout", "orientation", "characterOrder"))
	d.Dir = "ltr"
	if order == "right-to-left" {
		d.Dir = "rtl"
	}
	d.Name = g.name(tag, e)

	// Numbers, in the default numbering system.
	const nums = "cldr-numbers-full"
	system := e.str(g.str(nums, "numbers.json", tag, "numbers", "defaultNumberingSystem"))
	if system != "latn" {
		digits, ok := g.digits[system]
		if !ok {
			e.add(fmt.Errorf("numbering system %q has no digits", system))
		}
		d.Digits = digits
	}
	sym := func(system, name string) string {
		return e.str(g.str(nums, "numbers.json", tag, "numbers", "symbols-numberSystem-"+system, name))
	}
	d.DecimalSep, d.GroupSep, d.Minus = sym(system, "decimal"), sym(system, "group"), sym(system, "minusSign")
	if system != "latn" {
		d.Latn = []string{sym("latn", "decimal"), sym("latn", "group"), sym("latn", "minusSign")}
	}
	minG := e.str(g.str(nums, "numbers.json", tag, "numbers", "minimumGroupingDigits"))
	if len(minG) != 1 || minG[0] < '1' || minG[0] > '9' {
		e.add(fmt.Errorf("minimumGroupingDigits %q", minG))
	} else {
		d.MinGroup = int(minG[0] - '0')
	}
	pattern := e.str(g.str(nums, "numbers.json", tag, "numbers", "decimalFormats-numberSystem-"+system, "standard"))
	primary, secondary := grouping(pattern)
	if primary != 3 {
		e.add(fmt.Errorf("decimal pattern %q: groups of %d, not 3", pattern, primary))
	}
	if secondary != 3 {
		d.Group2 = secondary
	}

	// Plural rules, without their samples.
	rules, err := g.pluralRules(tag)
	e.add(err)
	d.PluralRules = map[string]string{}
	for cat, rule := range rules {
		d.PluralRules[cat] = strings.TrimSpace(stripSamples(rule))
	}

	// Months, names and patterns.
	month := func(context, width string) []string {
		v, err := g.value(dates, greg, tag, at("months", context, width)...)
		if err != nil {
			e.add(err)
			return nil
		}
		m, _ := v.(map[string]any)
		names := make([]string, 12)
		for i := range names {
			s, ok := m[fmt.Sprint(i+1)].(string)
			if !ok {
				e.add(fmt.Errorf("months %s %s: no month %d", context, width, i+1))
			}
			names[i] = s
		}
		return names
	}
	d.Months.Abbr, d.Months.Wide = month("format", "abbreviated"), month("format", "wide")
	if sa := month("stand-alone", "abbreviated"); !slices.Equal(sa, d.Months.Abbr) {
		d.Months.StandAbbr = sa
	}
	if sw := month("stand-alone", "wide"); !slices.Equal(sw, d.Months.Wide) {
		d.Months.StandWide = sw
	}
	d.Patterns = map[string]string{}
	for _, name := range []string{"yMMMd", "yMMMM", "y", "Gy"} {
		d.Patterns[name] = e.str(g.str(dates, greg, tag, at("dateTimeFormats", "availableFormats", name)...))
	}
	d.Patterns["time"] = e.str(g.str(dates, greg, tag, at("timeFormats", "short")...))
	d.DayPeriods[0] = e.str(g.str(dates, greg, tag, at("dayPeriods", "format", "abbreviated", "am")...))
	d.DayPeriods[1] = e.str(g.str(dates, greg, tag, at("dayPeriods", "format", "abbreviated", "pm")...))
	if strings.Contains(d.Patterns["time"], "B") {
		d.Flex, err = g.flex(tag, e)
		e.add(err)
	}
	for i, era := range []string{"0", "1"} {
		// The variant (BCE/CE, not BC/AD) where the locale has its own:
		// some (pl, he) carry the English words as their variant, which
		// readers of those languages would not write.
		if s, err := g.str(dates, greg, tag, at("eras", "eraAbbr", era+"-alt-variant")...); err == nil && (s != [...]string{"BCE", "CE"}[i] || strings.HasPrefix(tag, "en")) {
			d.Eras[i] = strings.Trim(s, `"`) // Bengali's variant comes in quotation marks
		} else {
			d.Eras[i] = e.str(g.str(dates, greg, tag, at("eras", "eraAbbr", era)...))
		}
	}
	d.DateTime = e.str(g.str(dates, greg, tag, at("dateTimeFormats", "medium")...))
	d.IntervalFallback = e.str(g.str(dates, greg, tag, at("dateTimeFormats", "intervalFormats", "intervalFormatFallback")...))

	// Durations: the long unit patterns, per plural category.
	d.Units = map[string]map[string]string{}
	for _, unit := range []string{"year", "month", "day"} {
		d.Units[unit] = map[string]string{}
		for cat := range rules {
			s, err := g.str("cldr-units-full", "units.json", tag, "units", "long", "duration-"+unit, "unitPattern-count-"+cat)
			if err != nil && cat != "other" {
				continue // the locale writes this category as other
			}
			d.Units[unit][cat] = e.str(s, err)
		}
	}

	// Zones by offset, and lists.
	zone := func(name string) string {
		return e.str(g.str(dates, "timeZoneNames.json", tag, "dates", "timeZoneNames", name))
	}
	d.GMT = cldr.GMT{Format: zone("gmtFormat"), Hour: zone("hourFormat")}
	list := func(name string) string {
		return e.str(g.str("cldr-misc-full", "listPatterns.json", tag, "listPatterns", "listPattern-type-standard", name))
	}
	d.Lists = cldr.List{Two: list("2"), Start: list("start"), Middle: list("middle"), End: list("end")}
	return d, e.err
}

// flex are the locale's flexible day periods: the rules of its
// language (dayPeriods.json, by truncation) that span time ("_from",
// "_before"; not a moment like midnight), named as its dates name them.
func (g *gen) flex(tag string, e *errs) ([]cldr.Period, error) {
	var rules map[string]map[string]string
	for t := strings.ReplaceAll(tag, "-", "_"); rules == nil && t != ""; {
		rules = g.periods[t]
		i := strings.LastIndexByte(t, '_')
		if i < 0 {
			break
		}
		t = t[:i]
	}
	if rules == nil {
		return nil, errors.New("a pattern writes day periods (B), but dayPeriods.json has no rules")
	}
	var out []cldr.Period
	for name, r := range rules {
		from, ok := r["_from"]
		if !ok {
			continue
		}
		var h, m int
		if _, err := fmt.Sscanf(from, "%d:%d", &h, &m); err != nil {
			return nil, fmt.Errorf("dayPeriods.json %s: %q", name, from)
		}
		label := e.str(g.str("cldr-dates-full", "ca-gregorian.json", tag, "dates", "calendars", "gregorian", "dayPeriods", "format", "abbreviated", name))
		out = append(out, cldr.Period{From: h*60 + m, Name: label})
	}
	slices.SortFunc(out, func(a, b cldr.Period) int { return a.From - b.From })
	return out, nil
}

// name is the language's own name: its full tag in its language names,
// else without the region, else its language alone.
func (g *gen) name(tag string, e *errs) string {
	v, err := g.value("cldr-localenames-full", "languages.json", tag, "localeDisplayNames", "languages")
	if err != nil {
		e.add(err)
		return ""
	}
	names, _ := v.(map[string]any)
	for t := tag; t != ""; {
		if s, ok := names[t].(string); ok {
			return s
		}
		i := strings.LastIndexByte(t, '-')
		if i < 0 {
			break
		}
		t = t[:i]
	}
	e.add(errors.New("no name for the language in itself"))
	return ""
}

// pluralKey is the key of plurals.json whose rules the locale follows:
// its tag, else the tag cut at its last subtag, and so on (plural rules
// are inherited by truncation alone: CLDR's parentLocales has no entry
// for plurals, and ICU reads them so); "" when there is none.
func (g *gen) pluralKey(tag string) string {
	for t := tag; t != ""; {
		if _, ok := g.plurals[t]; ok {
			return t
		}
		i := strings.LastIndexByte(t, '-')
		if i < 0 {
			break
		}
		t = t[:i]
	}
	return ""
}

// pluralRules are the locale's rules with samples, by category.
func (g *gen) pluralRules(tag string) (map[string]string, error) {
	key := g.pluralKey(tag)
	rules := map[string]string{}
	for k, rule := range g.plurals[key] {
		cat, ok := strings.CutPrefix(k, "pluralRule-count-")
		if !ok || !slices.Contains(categories, cat) {
			return nil, fmt.Errorf("plurals.json %s: unknown key %q", key, k)
		}
		rules[cat] = rule
	}
	if len(rules) == 0 {
		rules["other"] = "" // a language CLDR gives no rules has one form
	}
	if _, ok := rules["other"]; !ok {
		return nil, fmt.Errorf("plurals.json %s: no rule for other", key)
	}
	return rules, nil
}

// stripSamples cuts a rule's "@integer …" and "@decimal …" samples.
func stripSamples(rule string) string {
	if i := strings.IndexByte(rule, '@'); i >= 0 {
		return rule[:i]
	}
	return rule
}

// samples are, for every key of plurals.json and category, the rule
// without samples and the samples as CLDR writes them ("2~16", "1.0",
// "1c6"), for the tests.
func (g *gen) samples() map[string]map[string]sample {
	out := map[string]map[string]sample{}
	for key, rules := range g.plurals {
		out[key] = map[string]sample{}
		for k, rule := range rules {
			cat := strings.TrimPrefix(k, "pluralRule-count-")
			s := sample{Rule: strings.TrimSpace(stripSamples(rule))}
			for _, part := range strings.Split(rule, "@")[1:] {
				kind, list, _ := strings.Cut(part, " ")
				for _, item := range strings.Split(list, ",") {
					item = strings.TrimSpace(item)
					if item == "" || item == "…" {
						continue
					}
					if kind == "integer" {
						s.Integer = append(s.Integer, item)
					} else {
						s.Decimal = append(s.Decimal, item)
					}
				}
			}
			out[key][cat] = s
		}
	}
	return out
}

type sample struct {
	Rule    string   `json:"rule"`
	Integer []string `json:"integer,omitempty"`
	Decimal []string `json:"decimal,omitempty"`
}

// grouping reads the sizes of a decimal pattern's groups: "#,##0.###"
// has 3 and 3, "#,##,##0.###" 3 and 2.
func grouping(pattern string) (primary, secondary int) {
	integer, _, _ := strings.Cut(pattern, ";")
	integer, _, _ = strings.Cut(integer, ".")
	last := strings.LastIndexByte(integer, ',')
	if last < 0 {
		return 0, 0
	}
	primary = len(integer) - last - 1
	secondary = primary
	if prev := strings.LastIndexByte(integer[:last], ','); prev >= 0 {
		secondary = last - prev - 1
	}
	return primary, secondary
}

// errs keeps the first error of a locale.
type errs struct{ err error }

func (e *errs) add(err error) {
	if e.err == nil && err != nil {
		e.err = err
	}
}

func (e *errs) str(s string, err error) string {
	e.add(err)
	return s
}
