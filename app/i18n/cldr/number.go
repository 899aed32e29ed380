package cldr

import (
	"math"
	"strconv"
	"strings"
)

// Number writes n with the locale's digits, grouping separator and minus
// sign: 12,500 (en), 12 500 (fr), 2500 but 12 500 (es, whose groups
// start at five digits), 12,34,567 (hi), ١٢٬٥٠٠ (ar-EG).
func (d Data) Number(n int) string {
	s := strconv.FormatUint(abs(n), 10)
	var b strings.Builder
	if n < 0 {
		b.WriteString(d.minus())
	}
	d.writeInt(&b, s)
	return b.String()
}

// Decimal writes x with at most maxFrac digits after the decimal
// separator, rounded half away from zero as ICU does, trailing zeros
// dropped: 13.8, 1,234.5.
func (d Data) Decimal(x float64, maxFrac int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	integer, frac := round(strconv.FormatFloat(math.Abs(x), 'f', -1, 64), max(maxFrac, 0))
	var b strings.Builder
	if x < 0 && (integer != "0" || frac != "") {
		b.WriteString(d.minus())
	}
	d.writeInt(&b, integer)
	if frac != "" {
		b.WriteString(d.DecimalSep)
		b.WriteString(d.digits(frac))
	}
	return b.String()
}

// round cuts a decimal ("1234.56", the shortest that reads back as the
// float) to maxFrac fraction digits, rounding half up, and drops the
// fraction's trailing zeros.
func round(s string, maxFrac int) (integer, frac string) {
	integer, frac, _ = strings.Cut(s, ".")
	if len(frac) > maxFrac {
		up := frac[maxFrac] >= '5'
		frac = frac[:maxFrac]
		if up {
			digits := []byte(integer + frac)
			i := len(digits) - 1
			for ; i >= 0 && digits[i] == '9'; i-- {
				digits[i] = '0'
			}
			if i >= 0 {
				digits[i]++
			} else {
				digits = append([]byte{'1'}, digits...)
			}
			integer, frac = string(digits[:len(digits)-maxFrac]), string(digits[len(digits)-maxFrac:])
		}
	}
	return integer, strings.TrimRight(frac, "0")
}

// writeInt writes the digits of an integer with grouping separators.
func (d Data) writeInt(b *strings.Builder, s string) {
	minGroup := max(d.MinGroup, 1)
	if len(s) < 3+minGroup {
		b.WriteString(d.digits(s))
		return
	}
	size := 3
	if d.Group2 > 0 {
		size = d.Group2
	}
	// The digits before the last group split in groups of size.
	head, tail := s[:len(s)-3], s[len(s)-3:]
	first := len(head) % size
	if first == 0 {
		first = size
	}
	b.WriteString(d.digits(head[:first]))
	for i := first; i < len(head); i += size {
		b.WriteString(d.GroupSep)
		b.WriteString(d.digits(head[i : i+size]))
	}
	b.WriteString(d.GroupSep)
	b.WriteString(d.digits(tail))
}

func (d Data) minus() string {
	if d.Minus == "" {
		return "-"
	}
	return d.Minus
}

// digits writes the ASCII digits of s in the locale's digits.
func (d Data) digits(s string) string {
	if d.Digits == "" {
		return s
	}
	var zero [10]string
	i := 0
	for _, r := range d.Digits {
		if i == 10 {
			break
		}
		zero[i] = string(r)
		i++
	}
	var b strings.Builder
	for j := 0; j < len(s); j++ {
		if c := s[j]; c >= '0' && c <= '9' {
			b.WriteString(zero[c-'0'])
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// pad writes n with at least width digits, in the locale's digits.
func (d Data) pad(n, width int) string {
	s := strconv.FormatUint(abs(n), 10)
	for len(s) < width {
		s = "0" + s
	}
	if n < 0 {
		s = "-" + s
	}
	return d.digits(s)
}

func abs(n int) uint64 {
	if n < 0 {
		return uint64(-(n + 1)) + 1
	}
	return uint64(n)
}
