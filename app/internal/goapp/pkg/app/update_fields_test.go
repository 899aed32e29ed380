//go:build !wasm

// Mounting needs a DOM, which Node, where the wasm tests run, has not:
// these run on the host, as upstream's tests of the node manager do.

package app

import "testing"

// fieldsCompo has the fields of a typical list item: a pointer to its
// data, strings, numbers and flags.
type fieldsCompo struct {
	Compo

	IData     *struct{ Name string }
	IHref     string
	IClass    string
	IX        float64
	ISelected bool
	IMark     string
	IPhase    string
	IBreak    string
	IBreakX   float64
	IControls bool
	IWords    *struct{ Lang string }
	ILang     string
}

func (c *fieldsCompo) Render() UI { return Div().Text(c.IHref) }

func newFieldsCompo(data *struct{ Name string }, words *struct{ Lang string }, selected bool) *fieldsCompo {
	return &fieldsCompo{IData: data, IHref: "?event=e-500", IClass: "item", IX: 12.5, ISelected: selected, IPhase: "phase", IWords: words, ILang: "uk"}
}

// TestUpdateComponentFields: a component given the same inputs is left
// as it is; one whose input changed is updated, whatever the kind of the
// field (a pointer to other data, a number, a flag).
func TestUpdateComponentFields(t *testing.T) {
	ctx := makeTestContext()
	data, words := &struct{ Name string }{"a"}, &struct{ Lang string }{"en"}
	var m nodeManager
	for _, tt := range []struct {
		name   string
		change func(c *fieldsCompo)
		want   bool
	}{
		{"the same", func(*fieldsCompo) {}, false},
		{"the same data, another pointer to equal data", func(c *fieldsCompo) { c.IData = &struct{ Name string }{"a"} }, false},
		{"other data", func(c *fieldsCompo) { c.IData = &struct{ Name string }{"b"} }, true},
		{"a flag", func(c *fieldsCompo) { c.ISelected = true }, true},
		{"a number", func(c *fieldsCompo) { c.IX = 13 }, true},
		{"a string", func(c *fieldsCompo) { c.IHref = "?event=e-501" }, true},
		{"nil data", func(c *fieldsCompo) { c.IData = nil }, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mounted, err := m.Mount(ctx, 1, newFieldsCompo(data, words, false))
			if err != nil {
				t.Fatal(err)
			}
			next := newFieldsCompo(data, words, false)
			tt.change(next)
			if _, err := m.Update(ctx, mounted, next); err != nil {
				t.Fatal(err)
			}
			c := mounted.(*fieldsCompo)
			updated := c.ISelected || c.IX != 12.5 || c.IHref != "?event=e-500" || c.IData == nil || c.IData.Name != "a"
			if updated != tt.want {
				t.Errorf("updated %v, want %v", updated, tt.want)
			}
		})
	}
}

// BenchmarkUpdateComponentUnchanged is the cost of a list item whose
// parent rendered again with the same inputs for it: the common case of
// a selection in a long list, where all items but two are unchanged.
func BenchmarkUpdateComponentUnchanged(b *testing.B) {
	ctx := makeTestContext()
	data, words := &struct{ Name string }{"a"}, &struct{ Lang string }{"en"}
	var m nodeManager
	mounted, err := m.Mount(ctx, 1, newFieldsCompo(data, words, false))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		if _, err := m.Update(ctx, mounted, newFieldsCompo(data, words, false)); err != nil {
			b.Fatal(err)
		}
	}
}
