package story

import (
	"reflect"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{},
		{in: "One.", want: []string{"One."}},
		{in: "One.\n\nTwo.", want: []string{"One.", "Two."}},
		{in: "One\nstill one.\r\n\r\n  Two.  \n\n\n\nThree.", want: []string{"One\nstill one.", "Two.", "Three."}},
		{in: "<b>not html</b>", want: []string{"<b>not html</b>"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Paragraphs(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Paragraphs(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestInitials(t *testing.T) {
	tests := []struct{ in, want string }{
		{in: "Volodymyr Zelensky", want: "VZ"},
		{in: "JD Vance", want: "JV"},
		{in: "Donald J. Trump", want: "DT"},
		{in: "Kharkiv officials", want: "KO"},
		{in: "Володимир Зеленський", want: "ВЗ"},
		{in: "Madonna", want: "M"},
		{in: "Jean-Luc Picard", want: "JP"},
		{},
		{in: "  (UN)  ", want: "U"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := Initials(tt.in); got != tt.want {
				t.Errorf("Initials(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}
