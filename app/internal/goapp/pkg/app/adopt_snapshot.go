package app

import (
	"strconv"
	"strings"
)

// Patched (see PATCHES.md): what the adopting mount knows of the
// prerendered DOM, read in a few calls instead of several per node.
//
// Every call from Go to JavaScript costs, and a string read costs two and
// a finalizer: reading each node's name, each attribute and each text node
// one by one was most of the adopting mount's time. The snapshot reads the
// subtree's markup (outerHTML) in one call and the nodes in document order
// in one more (an XPath snapshot), parses the markup in Go, and fetches a
// node only when the mount binds it. The markup is the browser's own
// serialization of the DOM, whose rules are few and fixed, so the parse
// needs no HTML parser; anything it cannot account for, it refuses, and
// the mount reads the DOM node by node as before.

// A domRecord is one node of a snapshot: an element (tag and attributes
// in the DOM's order), a text (its data) or a comment.
type domRecord struct {
	name  string // the tag as serialized, "#text" or "#comment"
	attrs []domAttr
	data  string // a text's or a comment's
	first int    // the first child's record, -1 for none
	next  int    // the next sibling's record, -1 for none
}

type domAttr struct{ name, value string }

// isVoid reports whether a tag has no end tag and no children in the
// serialization.
func isVoid(tag string) bool {
	switch tag {
	case "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame",
		"hr", "img", "input", "keygen", "link", "meta", "param", "source",
		"track", "wbr":
		return true
	}
	return false
}

// isRawText reports whether a tag's text is serialized as it is,
// unescaped, up to its end tag (noscript's only when scripting is on,
// which it is where the mount runs).
func isRawText(tag string) bool {
	switch tag {
	case "style", "script", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript":
		return true
	}
	return false
}

// parseOuterHTML parses the browser's serialization of one element and
// its subtree into records in document order (the root first), or
// reports false for markup it does not account for: a template (whose
// content is no child node), a malformed tag, a second root, or markup
// left over. Two adjacent text nodes serialize as one and would miscount;
// the caller compares the count with the DOM's.
func parseOuterHTML(s string) ([]domRecord, bool) {
	// A node takes 70 bytes of markup or so in a widget's page: room for
	// one per 32 allocates the records once. (strings.Count would size them
	// exactly, but linking it renumbers the program's functions, which
	// cost 4 kB of the compressed download.)
	p := markupParser{last: []int{-1}, recs: make([]domRecord, 0, len(s)/32)}
	for len(s) > 0 {
		var ok bool
		if s, ok = p.step(s); !ok {
			return nil, false
		}
	}
	if len(p.open) != 0 || len(p.recs) == 0 || p.recs[0].name[0] == '#' {
		return nil, false
	}
	return p.recs, true
}

// A markupParser is parseOuterHTML's state: the records so far, the
// elements whose end tag is to come, and at each depth the last child.
type markupParser struct {
	recs []domRecord
	open []int
	last []int
}

// add appends r as the next child of the innermost open element.
func (p *markupParser) add(r domRecord) bool {
	d := len(p.open)
	i := len(p.recs)
	if d == 0 && i > 0 {
		return false // a second root
	}
	r.first, r.next = -1, -1
	p.recs = append(p.recs, r)
	if prev := p.last[d]; prev >= 0 {
		p.recs[prev].next = i
	} else if d > 0 {
		p.recs[p.open[d-1]].first = i
	}
	p.last[d] = i
	return true
}

// step parses one comment, tag or text at the start of s.
func (p *markupParser) step(s string) (string, bool) {
	if s[0] != '<' {
		end := strings.IndexByte(s, '<')
		if end < 0 {
			end = len(s)
		}
		if strings.IndexByte(s[:end], '>') >= 0 {
			return "", false // text escapes ">": markup misread (a comment holding "-->")
		}
		return s[end:], p.add(domRecord{name: "#text", data: unescapeSerialized(s[:end])})
	}
	if strings.HasPrefix(s, "<!--") {
		end := strings.Index(s, "-->")
		if end < 4 {
			return "", false
		}
		return s[end+3:], p.add(domRecord{name: "#comment", data: s[4:end]})
	}
	if strings.HasPrefix(s, "</") {
		end := strings.IndexByte(s, '>')
		n := len(p.open)
		if end < 0 || n == 0 || p.recs[p.open[n-1]].name != s[2:end] {
			return "", false
		}
		p.open, p.last = p.open[:n-1], p.last[:n]
		return s[end+1:], true
	}
	r, s, ok := parseStartTag(s)
	if !ok || r.name == "template" || !p.add(r) {
		return "", false
	}
	i := len(p.recs) - 1
	switch {
	case isVoid(r.name):
	case isRawText(r.name):
		end := strings.Index(s, "</"+r.name+">")
		if end < 0 || p.inForeign() {
			return "", false // an SVG or MathML style or script escapes its text
		}
		if end > 0 {
			p.recs[i].first = len(p.recs)
			p.recs = append(p.recs, domRecord{name: "#text", data: s[:end], first: -1, next: -1})
		}
		s = s[end+len(r.name)+3:]
	default:
		p.open = append(p.open, i)
		p.last = append(p.last, -1)
	}
	return s, true
}

// inForeign reports whether an open element is SVG or MathML, whose
// children the serializer escapes whatever their tag.
func (p *markupParser) inForeign() bool {
	for _, i := range p.open {
		if n := p.recs[i].name; n == "svg" || n == "math" {
			return true
		}
	}
	return false
}

// parseStartTag parses `<name attr="value" ...>` as the serializer writes
// it: every attribute with a double-quoted value.
func parseStartTag(s string) (domRecord, string, bool) {
	end := 1
	for end < len(s) && s[end] != ' ' && s[end] != '>' {
		end++
	}
	if end < 2 || end == len(s) {
		return domRecord{}, "", false
	}
	r := domRecord{name: s[1:end]}
	s = s[end:]
	for s[0] == ' ' {
		eq := strings.Index(s, "=\"")
		if eq < 2 || strings.ContainsAny(s[1:eq], " >\"") {
			return domRecord{}, "", false
		}
		name := s[1:eq]
		s = s[eq+2:]
		end := strings.IndexByte(s, '"')
		if end < 0 || end+1 >= len(s) {
			return domRecord{}, "", false
		}
		r.attrs = append(r.attrs, domAttr{name, unescapeSerialized(s[:end])})
		s = s[end+1:]
	}
	if s[0] != '>' {
		return domRecord{}, "", false
	}
	return r, s[1:], true
}

// serializedEscapes are the escapes the serializer writes in text and
// attribute values; it writes no others.
var serializedEscapes = [...]string{"&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", "\"", "&nbsp;", "\u00a0"}

// unescapeSerialized undoes serializedEscapes.
func unescapeSerialized(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for ; i >= 0; i = strings.IndexByte(s, '&') {
		b = append(b, s[:i]...)
		s = s[i:]
		n := 1
		for e := 0; e < len(serializedEscapes); e += 2 {
			if strings.HasPrefix(s, serializedEscapes[e]) {
				b = append(b, serializedEscapes[e+1]...)
				n = len(serializedEscapes[e])
				break
			}
		}
		if n == 1 {
			b = append(b, '&')
		}
		s = s[n:]
	}
	return string(append(b, s...))
}

// An adoptSnapshot is a subtree's records and its nodes, in the same
// order.
type adoptSnapshot struct {
	recs  []domRecord
	nodes Value // an XPathResult snapshot of the subtree's nodes

	// stale is set when something else changed the page while the mount
	// gave the thread back (a translator, an extension): from then on
	// the mount reads the DOM as it is. watch is the MutationObserver
	// that tells, onChange its callback.
	stale    bool
	watch    Value
	onChange Func
}

// adoptSnap is the snapshot of the adoption under way, nil when the mount
// reads the DOM node by node.
var adoptSnap *adoptSnapshot

// takeSnapshot snapshots the subtree at root, or returns nil when its
// markup does not account for its nodes one for one.
func takeSnapshot(root Value) *adoptSnapshot {
	recs, ok := parseOuterHTML(root.Get("outerHTML").String())
	if !ok {
		return nil
	}
	const orderedNodeSnapshot = 7 // XPathResult.ORDERED_NODE_SNAPSHOT_TYPE
	nodes := Window().Get("document").Call("evaluate", "descendant-or-self::node()",
		root, nil, orderedNodeSnapshot, nil)
	if nodes.Get("snapshotLength").Int() != len(recs) {
		return nil
	}
	// The same number of elements and of texts too: children that a
	// script put under a style, read as its text, would not count alike.
	elements, texts := 0, 0
	for _, r := range recs {
		switch r.name {
		case "#text":
			texts++
		case "#comment":
		default:
			elements++
		}
	}
	const stringType = 2 // XPathResult.STRING_TYPE
	counts := Window().Get("document").Call("evaluate",
		"concat(count(descendant-or-self::*), ' ', count(descendant-or-self::text()))",
		root, nil, stringType, nil).Get("stringValue").String()
	if counts != strconv.Itoa(elements)+" "+strconv.Itoa(texts) {
		return nil
	}
	snap := &adoptSnapshot{recs: recs, nodes: nodes}
	if AdoptYield != nil {
		snap.onChange = FuncOf(func(Value, []Value) any {
			snap.stale = true
			return nil
		})
		snap.watch = Window().Get("MutationObserver").New(snap.onChange)
		what := Window().Get("Object").New()
		for _, k := range [...]string{"subtree", "childList", "attributes", "characterData"} {
			what.Set(k, true)
		}
		snap.watch.Call("observe", root, what)
	}
	return snap
}

// release stops watching the page.
func (s *adoptSnapshot) release() {
	if s.watch != nil {
		s.watch.Call("disconnect")
		s.onChange.Release()
	}
}

// adoptYield calls AdoptYield and starts a new slice. The changes the
// mount made before it are not news; a change made while it yields makes
// the snapshot stale.
func adoptYield() {
	s := adoptSnap
	watched := s != nil && s.watch != nil
	if watched {
		s.watch.Call("takeRecords")
	}
	AdoptYield()
	if watched && s.watch.Call("takeRecords").Length() > 0 {
		s.stale = true
	}
	adoptSliceStart = adoptClock()
}

// A domNode is a node of the prerendered DOM as the adopting mount walks
// it: a record of the snapshot (rec ≥ 0), its JS value fetched when
// needed; or, read live, its value and name. name is "" for no node.
type domNode struct {
	rec  int
	v    Value
	name string
}

// liveNode is v read from the DOM.
func liveNode(v Value) domNode {
	return domNode{rec: -1, v: v, name: nodeName(v)}
}

// snapNode is the snapshot's record i (-1: no node).
func snapNode(i int) domNode {
	if i < 0 {
		return domNode{rec: -1, v: Null()}
	}
	return domNode{rec: i, name: adoptSnap.recs[i].name}
}

// value is the node's JS value (null for none).
func (n *domNode) value() Value {
	if n.v == nil {
		n.v = adoptSnap.nodes.Call("snapshotItem", n.rec)
	}
	return n.v
}

// fromSnapshot reports whether the snapshot answers for the node.
func (n *domNode) fromSnapshot() bool {
	return n.rec >= 0 && !adoptSnap.stale
}

func (n *domNode) firstChild() domNode {
	if n.fromSnapshot() {
		return snapNode(adoptSnap.recs[n.rec].first)
	}
	return liveNode(n.value().firstChild())
}

func (n *domNode) nextSibling() domNode {
	if n.fromSnapshot() {
		return snapNode(adoptSnap.recs[n.rec].next)
	}
	return liveNode(n.value().Get("nextSibling"))
}

// text is a text node's data.
func (n *domNode) text() string {
	if n.fromSnapshot() {
		return adoptSnap.recs[n.rec].data
	}
	return n.value().Get("nodeValue").String()
}
