package app

import "bytes"

// Patched (see PATCHES.md): HTMLStringCompact.

// HTMLStringCompact is HTMLString without the indentation: no line breaks
// or spaces are written between elements, so the markup's nodes are the
// tree's. A page prerendered so has no whitespace text nodes for the
// adopting mount to drop, and its texts render as the tree's do (an
// indented text child carries the indentation into the page, where it
// reads as a space).
func HTMLStringCompact(ui UI) string {
	engine := NewTestEngine().(*engineX)
	m := engine.nodes
	m.compact = true
	var b bytes.Buffer
	m.Encode(engine.baseContext(), &b, ui)
	return b.String()
}

// dropsLeadingNewline reports whether the HTML parser drops a line break
// right after the start tag (the HTML standard, "in body" insertion mode).
func dropsLeadingNewline(tag string) bool {
	switch tag {
	case "pre", "textarea", "listing":
		return true
	}
	return false
}
