package cldr

import (
	"math"
	"strconv"
	"strings"
)

// Number writes n with the locale's digits, grouping separator and minus
// sign: 12,500 (en), 12 500 (fr), 2500 but 12.500 (es, whose groups
// start at five digits), 12,34,567 (hi), ١٢٬٥٠٠ (ar-EG).
func (d Data) Number(n int) string {
	return d.format(strconv.Itoa(n))
}

// Decimal writes x with at most maxFrac digits after the decimal
// separator, rounded half away from zero as ICU does, trailing zeros
// dropped: 13.8, 1,234.5.
func (d Data) Decimal(x float64, maxFrac int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	s := round(strconv.FormatFloat(math.Abs(x), 'f', -1, 64), max(maxFrac, 0))
	if x < 0 && s != "0" {
		s = "-" + s
	}
	return d.format(s)
}

// round cuts a decimal ("1234.56", the shortest that reads back as the
// float) to maxFrac fraction digits, rounding half up, and drops the
// fraction's trailing zeros and a point left alone.
func round(s string, maxFrac int) string {
	integer, frac, _ := strings.Cut(s, ".")
	if len(frac) > maxFrac {
		up := frac[maxFrac] >= '5'
		digits := []byte(integer + frac[:maxFrac])
		for i := len(digits) - 1; up; i-- {
			if i < 0 {
				digits = append([]byte{'1'}, digits...)
				break
			}
			if up = digits[i] == '9'; up {
				digits[i] = '0'
			} else {
				digits[i]++
			}
		}
		integer, frac = string(digits[:len(digits)-maxFrac]), string(digits[len(digits)-maxFrac:])
	}
	if frac = strings.TrimRight(frac, "0"); frac != "" {
		return integer + "." + frac
	}
	return integer
}

// format writes a number spelled in ASCII ("-12500.5") the locale's way:
// grouped, with its separators, minus sign and digits.
func (d *Data) format(s string) string {
	var b []byte
	if s != "" && s[0] == '-' {
		b, s = append(b, '-'), s[1:]
	}
	integer, frac, point := strings.Cut(s, ".")
	// Groups of 3 at the right, then of Group2 (India: 2), but only
	// when the digits before the first separator would be MinGroup or
	// more.
	size, n := 3, len(integer)
	if d.Group2 > 0 {
		size = d.Group2
	}
	grouped := n >= 3+max(d.MinGroup, 1)
	for i := 0; i < n; i++ {
		if left := n - i; grouped && i > 0 && (left == 3 || left > 3 && (left-3)%size == 0) {
			b = append(b, ',')
		}
		b = append(b, integer[i])
	}
	if point {
		b = append(append(b, '.'), frac...)
	}
	return d.local(b)
}

// local writes ASCII digits, ',', '.' and '-' as the locale writes them;
// other bytes stay.
func (d *Data) local(s []byte) string {
	size := len(d.Digits) / 10 // each of the ten digits is one rune, all of one length
	var b []byte
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9' && size > 0:
			i := int(c-'0') * size
			b = append(b, d.Digits[i:i+size]...)
		case c == ',':
			b = append(b, d.GroupSep...)
		case c == '.':
			b = append(b, d.DecimalSep...)
		case c == '-' && d.Minus != "":
			b = append(b, d.Minus...)
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// pad writes n (not negative) with at least width digits, in the
// locale's digits.
func (d *Data) pad(n, width int) string {
	b := strconv.AppendInt(nil, int64(n), 10)
	for len(b) < width {
		b = append([]byte{'0'}, b...)
	}
	return d.local(b)
}
