package story

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trump speaks to reporters", "trump-speaks-to-reporters"},
		{"  Zelensky: “stand more firmly”!  ", "zelensky-stand-more-firmly"},
		{"Kharkiv, 1 March 2025", "kharkiv-1-march-2025"},
		{"Зустріч в Овальному кабінеті", "zustrich-v-ovalnomu-kabineti"},
		{"Удар по Харкову", "udar-po-kharkovu"},
		{"Юрій Щербина, Ярослав і Євгенія", "yurii-shcherbyna-yaroslav-i-yevheniia"},
		{"Прем'єр-міністр", "premier-ministr"},
		{"Café São Paulo, Łódź, Straße", "cafe-sao-paulo-lodz-strasse"},
		{"日本語", ""},
		{"---", ""},
		{strings.Repeat("word ", 30), strings.TrimSuffix(strings.Repeat("word-", 12), "-")},
	}
	for _, tt := range tests {
		got := Slug(tt.in)
		if string(got) != tt.want {
			t.Errorf("Slug(%q) = %q; want %q", tt.in, got, tt.want)
		}
		if got != "" && got.check() != "" {
			t.Errorf("Slug(%q) = %q, which is not an id: %s", tt.in, got, got.check())
		}
	}
}
