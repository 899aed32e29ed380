package story

// The forms of ids, languages, colours and dates, matched by hand. Each
// accepts exactly what its pattern (slugPattern, langPattern,
// colorPattern, datePattern) does — the patterns stay, for the JSON
// Schema, and match_test.go checks the two against each other — but
// without the regexp package, which would add about 50 kB and its
// start-up to the reader's WebAssembly, which links this package.

// isSlug reports whether s matches slugPattern,
// ^[a-z0-9]+(?:-[a-z0-9]+)*$: lower-case words joined by single hyphens.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isLower(c) || isDigit(c):
		case c == '-' && s[i-1] != '-': // i > 0: s does not start with -
		default:
			return false
		}
	}
	return true
}

// isLang reports whether s matches langPattern,
// ^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$.
func isLang(s string) bool {
	n := 0
	for n < len(s) && isLower(s[n]) {
		n++
	}
	if n < 2 || n > 3 {
		return false
	}
	for rest := s[n:]; rest != ""; {
		if rest[0] != '-' {
			return false
		}
		rest = rest[1:]
		n = 0
		for n < len(rest) && (isLower(rest[n]) || isUpper(rest[n]) || isDigit(rest[n])) {
			n++
		}
		if n < 2 || n > 8 {
			return false
		}
		rest = rest[n:]
	}
	return true
}

// isColor reports whether s matches colorPattern, ^#[0-9a-fA-F]{6}$.
func isColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// dateGroups matches s against datePattern,
// ^(?:(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2}))?)?)?)?|-([1-9]\d{0,10}))$,
// and returns what its six groups capture ("" for a group that took no
// part), as regexp's FindStringSubmatch would from index 1.
func dateGroups(s string) (g [6]string, ok bool) {
	if rest, bce := cutPrefix(s, '-'); bce {
		if rest == "" || len(rest) > 11 || rest[0] == '0' || !allDigits(rest) {
			return g, false
		}
		g[5] = rest
		return g, true
	}
	// A year of four digits, then each further part only after the one
	// before it: -MM, -DD, THH, :MM.
	if len(s) < 4 || !allDigits(s[:4]) {
		return g, false
	}
	g[0], s = s[:4], s[4:]
	for i, sep := range []byte{'-', '-', 'T', ':'} {
		if s == "" {
			return g, true
		}
		if len(s) < 3 || s[0] != sep || !allDigits(s[1:3]) {
			return [6]string{}, false
		}
		g[i+1], s = s[1:3], s[3:]
	}
	if s != "" {
		return [6]string{}, false
	}
	return g, true
}

func cutPrefix(s string, c byte) (string, bool) {
	if s != "" && s[0] == c {
		return s[1:], true
	}
	return s, false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
