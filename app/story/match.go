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

// isLang reports whether s matches langPattern: a BCP 47 tag (RFC 5646)
// of a 2- or 3-letter language, then, each optional and in this order, a
// script (4 letters), a region (2 letters or 3 digits), variants (5 to 8
// letters or digits, or a digit and 3 more), extensions (a singleton
// other than x, then subtags of 2 to 8) and a private use (x, then
// subtags of 1 to 8). Each subtag's length and kind says what it can be,
// so one pass left to right, never going back, decides.
func isLang(s string) bool {
	tag, rest, more := cutSubtag(s)
	if len(tag) < 2 || len(tag) > 3 || !allOf(tag, isLower) {
		return false
	}
	const (
		afterLanguage = iota
		afterScript
		afterRegion // or a variant: neither script nor region may follow
		extensionNeedsSubtag
		inExtension
		privateNeedsSubtag
		inPrivate
	)
	state := afterLanguage
	for more {
		tag, rest, more = cutSubtag(rest)
		n := len(tag)
		switch {
		case state >= privateNeedsSubtag:
			if n < 1 || n > 8 || !allOf(tag, isAlnum) {
				return false
			}
			state = inPrivate
		case state == extensionNeedsSubtag || state == inExtension && n != 1:
			if n < 2 || n > 8 || !allOf(tag, isAlnum) {
				return false
			}
			state = inExtension
		case n == 1 && (tag[0] == 'x' || tag[0] == 'X'):
			state = privateNeedsSubtag
		case n == 1 && isAlnum(tag[0]):
			state = extensionNeedsSubtag
		case state == inExtension:
			return false
		case state == afterLanguage && n == 4 && allOf(tag, isAlpha):
			state = afterScript
		case state <= afterScript && (n == 2 && allOf(tag, isAlpha) || n == 3 && allOf(tag, isDigit)):
			state = afterRegion
		case (n >= 5 && n <= 8 || n == 4 && isDigit(tag[0])) && allOf(tag, isAlnum):
			state = afterRegion
		default:
			return false
		}
	}
	return state != extensionNeedsSubtag && state != privateNeedsSubtag
}

// cutSubtag splits s at its first hyphen: the subtag before it, what
// follows it, and whether there was one.
func cutSubtag(s string) (tag, rest string, more bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// allOf reports whether every byte of s is of the kind is says.
func allOf(s string, is func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !is(s[i]) {
			return false
		}
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
func isAlpha(c byte) bool { return isLower(c) || isUpper(c) }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }
func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
