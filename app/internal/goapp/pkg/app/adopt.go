package app

import (
	"reflect"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

// Patched (see PATCHES.md): the adopting mount.
//
// Upstream mounts the first page by creating every node anew and swapping
// the result in for the prerendered body's first element, so the browser
// paints the whole page a second time and drops what the reader had (the
// focused element, a selection). Adopt mounts a tree onto the DOM the
// server wrote with the same encoder instead: it walks the virtual tree
// and the existing nodes together, takes an element whose tag matches as
// the element's JS value (its attributes set where they differ, its
// listeners attached), takes raw HTML's node if equal to its parse, takes
// a text node as the text's (its value set to the exact text, since the
// encoder indents), drops the whitespace text nodes the encoder wrote
// between elements, and on any mismatch creates
// that subtree as upstream does and puts it in the place of the existing
// node. What it leaves is the DOM upstream's mount would have built.
//
// It reads the page from a snapshot (adopt_snapshot.go): the markup in one
// call, parsed in Go, and each node when it binds it, instead of a node's
// name, attributes and text one call at a time. The snapshot is taken
// once, before the first slice: the page is the program's between slices
// (go-app assumes it owns the DOM it mounts; so does this).

// Adopt mounts v at depth onto node, an existing DOM node (null for
// none), child of parent. It returns the mounted element; when node could
// not be adopted it has been replaced by (or, null, completed with) a new
// one.
func (m nodeManager) Adopt(ctx Context, depth uint, v UI, parent, node Value) (UI, error) {
	if !isNullish(node) {
		dropEncoderWhitespace(node)
	}
	if AdoptYield != nil {
		adoptSliceStart, adoptSteps = adoptClock(), 0
	}
	n := liveNode(node)
	if n.name != "" && n.name != "#text" {
		if adoptSnap = takeSnapshot(node); adoptSnap != nil {
			n = domNode{rec: 0, v: node, name: adoptSnap.recs[0].name}
			defer func() { adoptSnap.release(); adoptSnap = nil }()
		}
		// The snapshot, and what ran before it in this task (the engine's
		// start), end a task: the root's render is a large one of its own.
		if AdoptYield != nil {
			adoptYield()
		}
	}
	mounted, adopted, err := m.adopt(ctx, depth, v, n)
	if err != nil {
		return nil, err
	}
	if !adopted {
		if isNullish(node) {
			parent.appendChild(mounted)
		} else {
			parent.replaceChild(mounted, node)
		}
	}
	// What the mount queued (the components' OnMount) runs in a task of
	// its own when this one is spent.
	yieldIfSpent()
	return mounted, nil
}

// dropEncoderWhitespace removes the whitespace text nodes the encoder
// wrote to indent the markup under root, in one query: the tree has no
// nodes for them. (A page written by HTMLStringCompact has none; the query
// then finds nothing.) They hold a line break, which the whitespace between
// inline elements in raw HTML or text does not. (Each call from Go to
// JavaScript costs; a node-by-node walk made the adoption slower than
// upstream's mount at 4× CPU.)
func dropEncoderWhitespace(root Value) {
	const orderedNodeSnapshot = 7 // XPathResult.ORDERED_NODE_SNAPSHOT_TYPE
	found := Window().Get("document").Call("evaluate",
		".//text()[not(normalize-space()) and contains(., '\n')]",
		root, nil, orderedNodeSnapshot, nil)
	for i, n := 0, found.Get("snapshotLength").Int(); i < n; i++ {
		found.Call("snapshotItem", i).Call("remove")
	}
}

// adopt mounts v onto node (whose name is "" for none), reporting false
// when it mounted v anew instead (the caller puts the new node in place).
func (m nodeManager) adopt(ctx Context, depth uint, v UI, node domNode) (UI, bool, error) {
	ctx = m.context(ctx, v)
	if name := node.name; name != "" {
		switch v := v.(type) {
		case *text:
			if name == "#text" && !v.Mounted() {
				if node.text() != v.value {
					node.value().setNodeValue(v.value)
				}
				v.jsvalue = node.value()
				return v, true, nil
			}

		case HTML:
			if !v.Mounted() && strings.EqualFold(name, v.Tag()) {
				mounted, err := m.adoptHTML(ctx, depth, v, node)
				return mounted, err == nil, err
			}

		case Composer:
			return m.adoptComponent(ctx, depth, v, node)

		case *raw:
			// Parsed as upstream mounts it, then compared node by node:
			// the markup may spell the same node differently (attribute
			// order, quotes, entities).
			mounted, err := m.Mount(ctx, depth, v)
			if err != nil || !node.value().Call("isEqualNode", v.jsElement).Bool() {
				return mounted, false, err
			}
			v.jsElement = node.value()
			return v, true, nil
		}
	}

	mounted, err := m.Mount(ctx, depth, v)
	return mounted, false, err
}

func (m nodeManager) adoptHTML(ctx Context, depth uint, v HTML, node domNode) (UI, error) {
	v = v.setJSElement(node.value())
	m.adoptHTMLAttributes(ctx, v, node)
	m.mountHTMLEventHandlers(ctx, v)
	v = v.setDepth(depth).(HTML)

	el := node.value()
	children := v.body()
	cursor := node.firstChild()
	for i, child := range children {
		name := cursor.name
		// A text the encoder wrote next to another is in the same DOM
		// text node, and an empty one not at all: an element in its
		// place is the next child's, so the text is created before it.
		_, isText := child.(*text)
		insert := isText && name != "" && name != "#text"
		var mounted UI
		var adopted bool
		var err error
		if insert {
			mounted, err = m.Mount(ctx, depth+1, child)
		} else {
			mounted, adopted, err = m.adopt(ctx, depth+1, child, cursor)
		}
		if err != nil {
			return nil, errors.New("adopting child failed").
				WithTag("type", reflect.TypeOf(v)).
				WithTag("tag", v.Tag()).
				WithTag("depth", depth).
				WithTag("index", i).
				Wrap(err)
		}
		switch {
		case adopted:
			cursor = cursor.nextSibling()
		case insert || name == "":
			el.Call("insertBefore", mounted, cursor.value())
		default:
			after := cursor.nextSibling()
			el.replaceChild(mounted, cursor.value())
			cursor = after
		}
		children[i] = mounted.setParent(v)
		yieldIfDue()
	}
	for cursor.name != "" { // nodes the tree does not have
		after := cursor.nextSibling()
		el.removeChild(cursor.value())
		cursor = after
	}
	return v, nil
}

// AdoptYield, when a program sets it, is called by the adopting mount
// once it has worked for AdoptSlice, between two children of an element,
// and is expected to give the thread back to the browser (a timer's
// callback) before it returns. The adoption of a large page is then
// several tasks instead of one, so the page can paint and take input in
// between: the DOM is the prerendered page's throughout, and an event on a
// node already adopted is dispatched once the mount is done. Patched in;
// nil, as upstream, adopts in one go.
var AdoptYield func()

// AdoptSlice is how long the adopting mount works between two yields.
var AdoptSlice = 40 * time.Millisecond

// adoptSliceStart (performance.now(), in milliseconds) and adoptSteps
// time the current slice; the clock is read every adoptCheckEvery
// children, since reading it is a call out of the WebAssembly. (Go's
// clock, time.Now, would link 10 kB more into the browser build.)
var (
	adoptSliceStart float64
	adoptSteps      int
)

const adoptCheckEvery = 16

func adoptClock() float64 {
	if adoptPerformance == nil {
		adoptPerformance = Window().Get("performance")
	}
	return adoptPerformance.Call("now").Float()
}

// adoptPerformance is window.performance, read once: reading it at every
// look at the clock cost more than the clock (the name crosses as a
// string each time).
var adoptPerformance Value

// yieldIfDue calls AdoptYield when the current slice is spent.
func yieldIfDue() {
	if AdoptYield == nil {
		return
	}
	if adoptSteps++; adoptSteps%adoptCheckEvery == 0 {
		yieldIfSpent()
	}
}

// yieldIfSpent calls AdoptYield when the current slice is spent.
func yieldIfSpent() {
	if AdoptYield == nil || adoptClock()-adoptSliceStart < float64(AdoptSlice.Milliseconds()) {
		return
	}
	adoptYield()
}

// adoptHTMLAttributes makes the element's attributes the tree's: it sets
// those that differ and removes those the tree has not.
func (m nodeManager) adoptHTMLAttributes(ctx Context, v HTML, n domNode) {
	if n.fromSnapshot() && snapshotAttributesMatch(ctx, v, adoptSnap.recs[n.rec].attrs) {
		return
	}
	node := v.JSValue()
	attrs := v.attrs()
	present := 0
	for name, value := range attrs {
		value = resolveAttributeURLValue(name, value, ctx.ResolveStaticResource)
		got := node.Call("getAttribute", name)
		if !got.IsNull() {
			present++
		}
		if setsProperty(name) || got.IsNull() || got.String() != value {
			setJSAttribute(node, name, value)
		}
	}
	existing := node.Get("attributes")
	if existing.Length() == present {
		return // no others
	}
	for i := existing.Length() - 1; i >= 0; i-- {
		name := existing.Index(i).Get("name").String()
		if _, kept := attrs[name]; !kept {
			node.delAttr(name)
		}
	}
}

// snapshotAttributesMatch reports whether the element's attributes, as
// the snapshot read them, are the tree's already: then nothing calls out.
// (Where they are not, adoptHTMLAttributes reads and mends them.)
func snapshotAttributesMatch(ctx Context, v HTML, have []domAttr) bool {
	attrs := v.attrs()
	if len(attrs) != len(have) {
		return false
	}
	for _, a := range have {
		// A namespaced name may be serialized with another prefix than
		// the element's, and a customized built-in's "is" is serialized
		// without being an attribute: those the DOM is asked for.
		if a.name == "is" || strings.IndexByte(a.name, ':') >= 0 {
			return false
		}
		want, ok := attrs[a.name]
		if !ok || setsProperty(a.name) || resolveAttributeURLValue(a.name, want, ctx.ResolveStaticResource) != a.value {
			return false
		}
	}
	return true
}

// setsProperty reports whether setJSAttribute sets name as a property,
// whose value the attribute may not show.
func setsProperty(name string) bool {
	switch name {
	case "value", "contenteditable", "ismap", "readonly", "async",
		"autofocus", "autoplay", "checked", "default", "defer", "disabled",
		"hidden", "loop", "multiple", "muted", "open", "required",
		"reversed", "selected":
		return true
	}
	return false
}

// adoptComponent is mountComponent with the component's root adopted.
func (m nodeManager) adoptComponent(ctx Context, depth uint, v Composer, node domNode) (UI, bool, error) {
	if v.Mounted() {
		return nil, false, errors.New("component is already mounted").
			WithTag("parent-type", reflect.TypeOf(v.parent())).
			WithTag("type", reflect.TypeOf(v)).
			WithTag("depth", v.depth())
	}

	v = v.setRef(v)
	v = v.setDepth(depth)
	if initializer, ok := v.(Initializer); ok {
		initializer.OnInit()
	}
	if mounter, ok := v.(Mounter); ok && IsClient {
		ctx.Dispatch(mounter.OnMount)
	}

	root, err := m.renderComponent(v)
	if err != nil {
		return nil, false, errors.New("rendering component failed").
			WithTag("type", reflect.TypeOf(v)).
			WithTag("depth", v.depth()).
			Wrap(err)
	}
	// A large render is a slice's worth on its own: its tree is adopted
	// in the next task, not after it in this one.
	yieldIfSpent()
	root, adopted, err := m.adopt(ctx, depth+1, root, node)
	if err != nil {
		return nil, false, errors.New("adopting component root failed").
			WithTag("type", reflect.TypeOf(v)).
			WithTag("depth", v.depth()).
			Wrap(err)
	}
	root = root.setParent(v)
	v = v.setRoot(root)
	return v, adopted, nil
}

// nodeName is the node's nodeName ("#text" for a text node, the tag for an
// element), "" for none: one call to read what it is.
func nodeName(v Value) string {
	if isNullish(v) {
		return ""
	}
	return v.Get("nodeName").String()
}

func isNullish(v Value) bool {
	return v == nil || v.IsNull() || v.IsUndefined()
}
