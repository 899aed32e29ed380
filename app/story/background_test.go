package story

import (
	"strings"
	"testing"
)

// TestBackground: a background is a picture on https (not on a service's
// hosts), a #rrggbb colour, or both; every problem names the field and its
// line, on events and on the story alike.
func TestBackground(t *testing.T) {
	event := "{\"id\":\"m\",\"title\":\"T\",\"language\":\"en\",\n\"events\":[{\"id\":\"e\",\"headline\":\"H\",\"start\":{\"date\":\"2025\"},\n\"background\":%s}]}"
	cover := "{\"id\":\"m\",\"title\":\"T\",\"language\":\"en\",\n\"background\":%s,\n\"events\":[{\"id\":\"e\",\"headline\":\"H\",\"start\":{\"date\":\"2025\"}}]}"
	for _, tt := range []struct {
		base, bg, err string
	}{
		{event, `{"color":"#1a2B3c"}`, ""},
		{event, `{"image":"https://images.example.com/a.jpg"}`, ""},
		{event, `{"image":"https://images.example.com/photo?id=3","alt":"The square at night","color":"#000000"}`, ""},
		{event, `{}`, `3:14: $.events[0].background: a background needs an "image" or a "color"`},
		{event, `{"alt":"A"}`, `$.events[0].background.alt: "alt" describes a picture`},
		{event, `{"color":"#fff"}`, `3:23: $.events[0].background.color: a colour is # and six hexadecimal digits`},
		{event, `{"color":"red"}`, `$.events[0].background.color: a colour is #`},
		{event, `{"color":"#12345g"}`, `$.events[0].background.color: a colour is #`},
		{event, `{"image":"http://images.example.com/a.jpg"}`, `3:23: $.events[0].background.image: images must be https:// links`},
		{event, `{"image":"javascript:alert(1)"}`, `$.events[0].background.image: links must start with https://`},
		{event, `{"image":"https://i.ytimg.com/vi/abc/0.jpg"}`, `$.events[0].background.image: the picture is on i.ytimg.com, a host of YouTube`},
		{event, `{"image":"https://pbs.twimg.com/media/a.jpg"}`, `$.events[0].background.image: the picture is on pbs.twimg.com, a host of X`},
		{event, `{"image":"https://ytimg.com.example.org/a.jpg"}`, ""},
		{event, `{"colour":"#000000"}`, `$.events[0].background.colour: unknown field "colour"`},
		{cover, `{"color":"#ffffff"}`, ""},
		{cover, `{"color":"white"}`, `2:23: $.background.color: a colour is #`},
		{cover, `{"image":"https://lh3.googleusercontent.com/a.jpg"}`, `$.background.image: the picture is on lh3.googleusercontent.com, a host of Google`},
	} {
		_, err := Parse("m.json", []byte(strings.Replace(tt.base, "%s", tt.bg, 1)))
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("%s: %v", tt.bg, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%s: got %v; want %q", tt.bg, err, tt.err)
		}
	}
}

func TestColorHex(t *testing.T) {
	for in, want := range map[Color]string{"#1A2b3C": "1a2b3c", "#fff": "", "": "", "1a2b3c": "", "#1a2b3c ": ""} {
		if got := in.Hex(); got != want {
			t.Errorf("Color(%q).Hex() = %q; want %q", in, got, want)
		}
	}
}
