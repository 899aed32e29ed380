package timelinejs_test

import (
	"os"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/internal/htmltest"
	"explainer/app/site"
	"explainer/app/story"
	"explainer/app/timelinejs"
	"explainer/app/widget"
)

// A Spanish timeline imports as a Spanish story, and the widget then
// speaks Spanish around it: its words, its dates, lang="es".
func TestSpanishTimelineRendersInSpanish(t *testing.T) {
	data, err := os.ReadFile("testdata/tinta-y-tipos.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := timelinejs.Convert("tinta-y-tipos.json", data, timelinejs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := site.Check("tinta-y-tipos.json", res.JSON)
	if err != nil {
		t.Fatal(err)
	}
	if st.Language != "es" {
		t.Fatalf("imported as %q; want es", st.Language)
	}
	second := story.Ref(st.Events[1].ID)
	words := site.Words(st, widget.Options{})
	doc := htmltest.Parse(t, app.HTMLString(widget.New(st, widget.State{Event: second}, widget.Options{}, words)))
	root := htmltest.Find(doc, htmltest.ByID("explainer"))
	if lang, _ := htmltest.Attr(root, "lang"); lang != "es" {
		t.Errorf("the widget's lang is %q; want es", lang)
	}
	text := htmltest.Text(doc)
	for _, want := range []string{"Acontecimiento 2 de 6", "5 feb 1472", "Anterior", "Siguiente"} {
		if !strings.Contains(text, want) {
			t.Errorf("the Spanish story's page lacks %q", want)
		}
	}
	for _, english := range []string{"Event 2 of 6", "Previous", "Timeline of events"} {
		if strings.Contains(text, english) {
			t.Errorf("the Spanish story's page says %q in English", english)
		}
	}
}
