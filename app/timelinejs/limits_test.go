package timelinejs_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"explainer/app/story"
	"explainer/app/timelinejs"
)

// A file far larger than a story may be is refused at the first event
// past the limit, with its place, and having taken memory in proportion
// to what a story holds, not to the file: a sheet of a million rows or a
// file of millions of empty events, each just under the 8 MB a file may
// be, once took 1.2 and 1.9 GB.
func TestConvertRefusesPastTheLimits(t *testing.T) {
	manyRows := "Year,Headline\n" + strings.Repeat("2020,x\n", 1_000_000)
	emptyEvents := `{"events": [` + strings.Repeat("{},", (story.MaxFileSize-20)/3) + "{}]}"
	nested := `{"events": [` + strings.Repeat("["+strings.Repeat("0,", 1999)+"0],", 100) + "0]}"
	// A long key over many values: the path of each, built for every
	// value, would copy the key for each.
	longKey := `{"events": [], "` + strings.Repeat("k", 1<<20) + `": [` + strings.Repeat("[0,0,0,0,0,0,0,0,0,0],", 500) + "0]}"
	eraRows := "Year,End Year,Headline,Type\n" + strings.Repeat("2020,2021,x,era\n", story.MaxPhases+1) + "2020,,y,\n"
	tests := []struct {
		name, data, want string
		maxAlloc         uint64 // bytes
	}{
		{"rows.csv", manyRows, fmt.Sprintf("rows.csv:%d:1: row %d: more than 2000 events: a story has at most 2000", story.MaxEvents+2, story.MaxEvents+2), 64 << 20},
		{"empty.json", emptyEvents, "empty.json:1:6013: $.events[2000]: more than 2000 events: a story has at most 2000", 64 << 20},
		{"nested.json", nested, "nested.json:1:", 64 << 20},
		{"longkey.json", longKey, "longkey.json:1:1: $: the timeline has no events", 64 << 20},
		{"eras.csv", eraRows, fmt.Sprintf("eras.csv:%d:1: row %d: more than 200 eras", story.MaxPhases+2, story.MaxPhases+2), 64 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			res, err := timelinejs.Convert(tt.name, data, timelinejs.Options{})
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatalf("converted %d events", len(res.Story.Events))
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error:\n  %.300s\nwant it to start:\n  %s", err, tt.want)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > tt.maxAlloc {
				t.Errorf("refusing %d bytes allocated %d MB; want at most %d MB", len(data), n>>20, tt.maxAlloc>>20)
			}
		})
	}
	// The nested lists are refused for their values, past any timeline's.
	_, err := timelinejs.Convert("nested.json", []byte(nested), timelinejs.Options{})
	if err == nil || !strings.Contains(err.Error(), "more than 128000 JSON values") {
		t.Errorf("nested lists: %v", err)
	}
}

// A timeline at the limits converts: 2,000 events, the most a story has.
func TestConvertAtTheLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("Year,Month,Day,Headline\n")
	for i := range story.MaxEvents {
		fmt.Fprintf(&b, "%d,%d,%d,Event %d\n", 1900+i%100, 1+i%12, 1+i%28, i)
	}
	res, err := timelinejs.Convert("full.csv", []byte(b.String()), timelinejs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Story.Events) != story.MaxEvents {
		t.Errorf("%d events; want %d", len(res.Story.Events), story.MaxEvents)
	}
}
