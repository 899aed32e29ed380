package timelinejs_test

import (
	"encoding/binary"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"explainer/app/story"
	"explainer/app/timelinejs"
)

// utf16Bytes writes s as UTF-16, with a byte-order mark if bom, as
// Excel's "Unicode Text" and Windows editors save files.
func utf16Bytes(s string, order binary.AppendByteOrder, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		out = order.AppendUint16(out, u)
	}
	return out
}

// Files not in UTF-8 are read in the encoding they are in: UTF-16 by its
// byte-order mark or its zero bytes, anything else that is not UTF-8 as
// Windows-1252 (what Excel saves "CSV" as), with a warning that names it
// and the first byte that told.
func TestConvertEncodings(t *testing.T) {
	const sheet = "Year,Headline,Text\n2020,Café “quoted” — naïve,Ελλάδα and 😀\n"
	const timeline = `{"events": [{"start_date": {"year": 2020}, "text": {"headline": "Café “quoted” — naïve", "text": "Ελλάδα and 😀"}}]}`
	// Windows-1252: é is E9, “ ” are 93 94, — is 97, ï is EF.
	cp1252 := []byte("Year,Headline,Text\n2020,Caf\xe9 \x93quoted\x94 \x97 na\xefve,Gr\xfc\xdfe\n")
	tests := []struct {
		name     string
		data     []byte
		headline string
		warning  string // "" for none about the encoding
	}{
		{"utf8.csv", []byte(sheet), "Café “quoted” — naïve", ""},
		{"bom.csv", append([]byte("\xef\xbb\xbf"), sheet...), "Café “quoted” — naïve", ""},
		{"utf16le-bom.csv", utf16Bytes(sheet, binary.LittleEndian, true), "Café “quoted” — naïve", ""},
		{"utf16be-bom.csv", utf16Bytes(sheet, binary.BigEndian, true), "Café “quoted” — naïve", ""},
		{"utf16le.csv", utf16Bytes(sheet, binary.LittleEndian, false), "Café “quoted” — naïve", ""},
		{"utf16be.csv", utf16Bytes(sheet, binary.BigEndian, false), "Café “quoted” — naïve", ""},
		{"utf16le-bom.json", utf16Bytes(timeline, binary.LittleEndian, true), "Café “quoted” — naïve", ""},
		{"utf16be.json", utf16Bytes(timeline, binary.BigEndian, false), "Café “quoted” — naïve", ""},
		{"excel.csv", cp1252, "Café “quoted” — naïve", "excel.csv:2:9: the file is not UTF-8 (the byte 0xE9 here is not): read as Windows-1252"},
		{"cp1252.json", []byte("{\"events\": [{\"start_date\": {\"year\": 2020},\n \"text\": {\"headline\": \"Caf\xe9 \x93quoted\x94 \x97 na\xefve\"}}]}"), "Café “quoted” — naïve", "cp1252.json:2:27: the file is not UTF-8 (the byte 0xE9 here is not): read as Windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := timelinejs.CSV
			if strings.HasSuffix(tt.name, ".json") {
				want = timelinejs.JSON
			}
			if got := timelinejs.Detect(tt.data); got != want {
				t.Errorf("Detect = %d; want %d", got, want)
			}
			res, err := timelinejs.Convert(tt.name, tt.data, timelinejs.Options{})
			if err != nil {
				t.Fatal(err)
			}
			e := res.Story.Events[0]
			if e.Headline != tt.headline {
				t.Errorf("headline %q; want %q", e.Headline, tt.headline)
			}
			if strings.ContainsRune(string(res.JSON), '\uFFFD') {
				t.Errorf("the story has U+FFFD: %s", res.JSON)
			}
			var said []string
			for _, w := range res.Warnings {
				if strings.Contains(w.Msg, "UTF-8") {
					said = append(said, w.String())
				}
			}
			switch {
			case tt.warning == "" && len(said) > 0:
				t.Errorf("warned: %q", said)
			case tt.warning != "" && !slices.ContainsFunc(said, func(s string) bool { return strings.HasPrefix(s, tt.warning) }):
				t.Errorf("warnings %q; want one starting %q", said, tt.warning)
			}
		})
	}
	// The text of a sheet that is not Windows-1252 either, such as one
	// from a Mac in Mac Roman, is still read (as Windows-1252) and warned
	// of, rather than refused: the warning tells the fix.
	res, err := timelinejs.Convert("body.csv", cp1252, timelinejs.Options{})
	if err != nil || !strings.Contains(string(res.JSON), "Grüße") {
		t.Errorf("the text of a Windows-1252 sheet: %v\n%s", err, res.JSON)
	}
}

// TestZoneLocal: "Local" is a zone time.LoadLocation takes, but it is the
// zone of the computer that runs the import; it is refused with why.
func TestZoneLocal(t *testing.T) {
	data := []byte("Year,Month,Day,Time,Headline\n2020,1,1,10:00,x\n")
	for _, tt := range []struct{ zone, want string }{
		{"Local", `the zone "Local" is this computer's own`},
		{"Mars/Olympus", `the zone "Mars/Olympus" is not an IANA time zone`},
		{"Europe/Kyiv", ""},
		{"UTC", ""},
	} {
		_, err := timelinejs.Convert("t.csv", data, timelinejs.Options{Zone: story.Zone(tt.zone)})
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.zone, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "a bug in the importer")):
			t.Errorf("%s: %v; want an error saying %q", tt.zone, err, tt.want)
		}
	}
}
