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
		{in: "2025", prec: Year, ok: true},
		{in: "2025-02", prec: Month, ok: true},
		{in: "2025-02-28", prec: Day, ok: true},
		{in: "2025-02-28T13", prec: Hour, ok: true},
		{in: "2025-02-28T13:40", prec: Minute, ok: true},
		{in: "2024-02-29", prec: Day, ok: true},
		{in: "2025-02-29", prec: Day},
		{in: "2025-13", prec: Month},
		{in: "2025-02-28T24:00", prec: Minute},
		{in: "2025-02-28T13:40:00"},
		{in: "2025-02-28 13:40"},
		{in: "25-02-28"},
		{},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, _, _, _, _, prec, ok := splitDate(tt.in)
			if ok != tt.ok || (ok && prec != tt.prec) {
				t.Errorf("splitDate(%q) = %v, %v; want %v, %v", tt.in, prec, ok, tt.prec, tt.ok)
			}
		})
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
		{m: Moment{Date: "2025"}, want: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), prec: Year},
		{m: Moment{Date: "2025-02-28T22:57", Zone: "Europe/Kyiv"}, want: time.Date(2025, 2, 28, 22, 57, 0, 0, kyiv), prec: Minute},
		{m: Moment{Date: "2025-02-28", PartOfDay: "evening", Zone: "America/New_York"}, want: time.Date(2025, 2, 28, 19, 0, 0, 0, ny), prec: Day},
		{m: Moment{Date: "2025-02-28T13"}, want: time.Date(2025, 2, 28, 13, 0, 0, 0, time.UTC), prec: Hour, problems: 1},
		{m: Moment{Date: "2025-02", PartOfDay: "night", Zone: "UTC"}, want: time.Date(2025, 2, 1, 23, 0, 0, 0, time.UTC), prec: Month, problems: 1},
	}
	for _, tt := range tests {
		t.Run(string(tt.m.Date), func(t *testing.T) {
			m := tt.m
			problems := m.resolve()
			if !m.Time().Equal(tt.want) || m.Precision() != tt.prec || len(problems) != tt.problems {
				t.Errorf("%+v resolves to %v, %v, %v; want %v, %v, %d problems", tt.m, m.Time(), m.Precision(), problems, tt.want, tt.prec, tt.problems)
			}
		})
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
