package cldr

import (
	"strconv"
	"strings"
)

// Operands are CLDR's plural operands of a number as written (TR35,
// Language Plural Rules): "1.50" has i 1, v 2, w 1, f 50, t 5. The
// number n is i plus the fraction; e is the exponent of a compact
// form ("1.2c6": 1200000, e 6).
type Operands struct {
	I    uint64 // the integer digits (the last 18 of a longer number)
	Long bool   // the integer has more than 18 digits
	V, W int    // visible fraction digits, with and without trailing zeros
	F, T uint64 // the fraction digits, with and without trailing zeros
	E    int    // the compact exponent (c and e)
}

// categories are CLDR's plural categories in the order rules are tried.
var categories = [...]string{"zero", "one", "two", "few", "many"}

// ParseOperands reads a number written with Latin digits: "5", "-13.8",
// "1.00", "1.2c6" (CLDR's compact notation, also "e"). ok is false for
// anything else.
func ParseOperands(s string) (op Operands, ok bool) {
	s = strings.TrimPrefix(s, "-")
	mant, exp, compact := strings.Cut(s, "c")
	if !compact {
		mant, exp, compact = strings.Cut(s, "e")
	}
	if compact {
		e, err := strconv.Atoi(exp)
		if err != nil || e < 0 || e > 30 {
			return Operands{}, false
		}
		op.E = e
	}
	integer, frac, point := strings.Cut(mant, ".")
	if integer == "" || point && frac == "" || !allDigits(integer) || !allDigits(frac) {
		return Operands{}, false
	}
	// The exponent moves the point right.
	for range op.E {
		if frac != "" {
			integer, frac = integer+frac[:1], frac[1:]
		} else {
			integer += "0"
		}
	}
	integer = strings.TrimLeft(integer, "0")
	if len(integer) > 18 {
		op.Long = true
		integer = integer[len(integer)-18:]
	}
	if integer != "" {
		op.I, _ = strconv.ParseUint(integer, 10, 64)
	}
	if len(frac) > 18 {
		return Operands{}, false
	}
	op.V = len(frac)
	if frac != "" {
		op.F, _ = strconv.ParseUint(frac, 10, 64)
	}
	trimmed := strings.TrimRight(frac, "0")
	op.W = len(trimmed)
	if trimmed != "" {
		op.T, _ = strconv.ParseUint(trimmed, 10, 64)
	}
	return op, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// PluralOf is the cardinal plural category ("one", "few", "other", ...)
// of a number written with Latin digits ("13.8", "5"); "other" for text
// that is no number.
func (d Data) PluralOf(number string) string {
	op, ok := ParseOperands(number)
	if !ok {
		return "other"
	}
	return d.Plural(op)
}

// PluralInt is the plural category of an integer.
func (d Data) PluralInt(n int) string {
	return d.PluralOf(strconv.Itoa(n))
}

// Plural is the cardinal plural category of the operands: the first
// category whose rule holds, else "other".
func (d Data) Plural(op Operands) string {
	for _, cat := range categories {
		if rule, ok := d.PluralRules[cat]; ok && Rule(rule).Holds(op) {
			return cat
		}
	}
	return "other"
}

// PluralCategories are the categories the locale has, in CLDR's order,
// "other" last: the forms a plural message must give.
func (d Data) PluralCategories() []string {
	var cats []string
	for _, cat := range categories {
		if _, ok := d.PluralRules[cat]; ok {
			cats = append(cats, cat)
		}
	}
	return append(cats, "other")
}

// Rule is a plural rule in CLDR's syntax, without samples:
// "i = 1 and v = 0", "n % 10 = 2..4 and n % 100 != 12..14", "" (always).
type Rule string

// Holds says whether the rule holds for the operands. A rule it cannot
// read does not hold.
func (r Rule) Holds(op Operands) bool {
	rest := string(r)
	if strings.TrimSpace(rest) == "" {
		return true
	}
	// Conditions joined by "or", each of relations joined by "and".
	holds := true
	for rest != "" {
		var rel, sep string
		i := strings.Index(rest, " and ")
		if j := strings.Index(rest, " or "); j >= 0 && (i < 0 || j < i) {
			i, sep = j, " or "
		} else if i >= 0 {
			sep = " and "
		}
		if i < 0 {
			rel, rest = rest, ""
		} else {
			rel, rest = rest[:i], rest[i+len(sep):]
		}
		holds = holds && relation(rel, op)
		if sep != " and " {
			if holds {
				return true
			}
			holds = true
		}
	}
	return false
}

// relation evaluates "expr = list" or "expr != list", where expr is an
// operand with an optional "% m" and list is values and ranges a..b.
func relation(s string, op Operands) bool {
	left, right, ok := strings.Cut(s, "=")
	negate := strings.HasSuffix(left, "!")
	if !ok {
		return false
	}
	name, mod, hasMod := strings.Cut(strings.TrimSuffix(left, "!"), "%")
	name = strings.TrimSpace(name)
	if len(name) != 1 {
		return false
	}
	x, whole, long := op.value(name[0])
	if hasMod {
		m, err := strconv.ParseUint(strings.TrimSpace(mod), 10, 64)
		if err != nil || m == 0 {
			return false
		}
		x, long = x%m, false
	}
	in := false
	for right != "" {
		var item string
		item, right, _ = strings.Cut(right, ",")
		lo, hi, isRange := strings.Cut(strings.TrimSpace(item), "..")
		if !isRange {
			hi = lo
		}
		a, err1 := strconv.ParseUint(lo, 10, 64)
		b, err2 := strconv.ParseUint(hi, 10, 64)
		if err1 != nil || err2 != nil {
			return false
		}
		in = in || whole && !long && a <= x && x <= b
	}
	return in != negate
}

// value is an operand's value; whole is false for n with a fraction,
// which equals no integer; long says the value lost its high digits.
func (op Operands) value(name byte) (x uint64, whole, long bool) {
	switch name {
	case 'n':
		return op.I, op.T == 0, op.Long
	case 'i':
		return op.I, true, op.Long
	case 'v':
		return uint64(op.V), true, false
	case 'w':
		return uint64(op.W), true, false
	case 'f':
		return op.F, true, false
	case 't':
		return op.T, true, false
	case 'c', 'e':
		return uint64(op.E), true, false
	}
	return 0, false, true
}
