//go:build !wasm

package app

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// navSource records the context its OnNav gets.
type navSource struct {
	Compo
	src UI
}

func (c *navSource) OnNav(ctx Context) { c.src = ctx.Src() }

// navParent is a component whose root holds another.
type navParent struct {
	Compo
	child *navSource
}

func (c *navParent) Render() UI { return Div().Body(Text("inside"), c.child) }

// Each component that handles the event gets a context of its own, as
// upstream's walk gave it, wherever it is in the tree.
func TestNotifyComponentEventSources(t *testing.T) {
	ctx := makeTestContext()
	var m nodeManager
	a, b, c := &navSource{}, &navSource{}, &navSource{}
	tree, err := m.Mount(ctx, 1, Div().Body(
		Span().Text("text"),
		a,
		Ul().Body(Li().Body(B().Text("x"), b)),
		&navParent{child: c},
	))
	require.NoError(t, err)
	m.NotifyComponentEvent(ctx, tree, nav{})
	require.Same(t, a, a.src)
	require.Same(t, b, b.src)
	require.Same(t, c, c.src)
}

// BenchmarkNotifyComponentEvent walks a list of a thousand items, as a
// navigation does on a long timeline, with one component that handles it.
func BenchmarkNotifyComponentEvent(b *testing.B) {
	ctx := makeTestContext()
	var m nodeManager
	items := make([]UI, 1000)
	for i := range items {
		items[i] = Li().Body(Span().Text("date"), A().Href("/x").Text("headline"))
	}
	tree, err := m.Mount(ctx, 1, Div().Body(&navSource{}, Ol().Body(items...)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.NotifyComponentEvent(ctx, tree, nav{})
	}
}
