package story

import (
	"testing"
	"time"
)

func TestSplitDate(t *testing.T) {
	tests := []struct {
		in   string
		prec Precision
		ok   bool
	}{
		{"2025", Year, true},
		{"2025-02", Month, true},
		{"2025-02-28", Day, true},
		{"2025-02-28T13", Hour, true},
		{"2025-02-28T13:40", Minute, true},
		{"2024-02-29", Day, true},
		{"2025-02-29", Day, false},
		{"2025-13", Month, false},
		{"2025-02-28T24:00", Minute, false},
		{"2025-02-28T13:40:00", 0, false},
		{"2025-02-28 13:40", 0, false},
		{"25-02-28", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		_, _, _, _, _, prec, ok := splitDate(tt.in)
		if ok != tt.ok || (ok && prec != tt.prec) {
			t.Errorf("splitDate(%q) = %v, %v; want %v, %v", tt.in, prec, ok, tt.prec, tt.ok)
		}
	}
}

func TestMomentResolve(t *testing.T) {
	kyiv, _ := time.LoadLocation("Europe/Kyiv")
	ny, _ := time.LoadLocation("America/New_York")
	tests := []struct {
		m        Moment
		want     time.Time
		prec     Precision
		problems int
	}{
		{Moment{Date: "2025"}, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Year, 0},
		{Moment{Date: "2025-02-28T22:57", Zone: "Europe/Kyiv"}, time.Date(2025, 2, 28, 22, 57, 0, 0, kyiv), Minute, 0},
		{Moment{Date: "2025-02-28", PartOfDay: "evening", Zone: "America/New_York"}, time.Date(2025, 2, 28, 19, 0, 0, 0, ny), Day, 0},
		{Moment{Date: "2025-02-28T13"}, time.Date(2025, 2, 28, 13, 0, 0, 0, time.UTC), Hour, 1},
		{Moment{Date: "2025-02", PartOfDay: "night", Zone: "UTC"}, time.Date(2025, 2, 1, 23, 0, 0, 0, time.UTC), Month, 1},
	}
	for _, tt := range tests {
		m := tt.m
		problems := m.resolve()
		if !m.Time().Equal(tt.want) || m.Precision() != tt.prec || len(problems) != tt.problems {
			t.Errorf("%+v resolves to %v, %v, %v; want %v, %v, %d problems", tt.m, m.Time(), m.Precision(), problems, tt.want, tt.prec, tt.problems)
		}
	}
}

func TestPartsOfDayListed(t *testing.T) {
	if len(PartsOfDay) != len(partsOfDay) {
		t.Fatalf("PartsOfDay lists %d parts; the map has %d", len(PartsOfDay), len(partsOfDay))
	}
	prev := -1
	for _, p := range PartsOfDay {
		h, ok := partsOfDay[p]
		if !ok || h < prev {
			t.Errorf("part %q (hour %d) missing or out of order", p, h)
		}
		prev = h
	}
}
