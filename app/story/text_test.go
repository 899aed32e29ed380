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
		{"", nil},
		{"One.", []string{"One."}},
		{"One.\n\nTwo.", []string{"One.", "Two."}},
		{"One\nstill one.\r\n\r\n  Two.  \n\n\n\nThree.", []string{"One\nstill one.", "Two.", "Three."}},
		{"<b>not html</b>", []string{"<b>not html</b>"}},
	}
	for _, tt := range tests {
		if got := Paragraphs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Paragraphs(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestInitials(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Volodymyr Zelensky", "VZ"},
		{"JD Vance", "JV"},
		{"Donald J. Trump", "DT"},
		{"Kharkiv officials", "KO"},
		{"Володимир Зеленський", "ВЗ"},
		{"Madonna", "M"},
		{"Jean-Luc Picard", "JP"},
		{"", ""},
		{"  (UN)  ", "U"},
	}
	for _, tt := range tests {
		if got := Initials(tt.in); got != tt.want {
			t.Errorf("Initials(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
