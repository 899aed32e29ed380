package story

import (
	"testing"
	"time"
)

// TestZoneData checks that a zone rebuilt from zoneData agrees with the
// full database at every hour of its span: offset, abbreviation, DST.
func TestZoneData(t *testing.T) {
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, name := range []string{"America/New_York", "Europe/Kyiv", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "UTC"} {
		data, err := zoneData(name, [][2]time.Time{{from, to}})
		if err != nil {
			t.Fatal(err)
		}
		alias := "Test/" + name
		if err := RegisterZone(alias, data); err != nil {
			t.Fatal(err)
		}
		real, _ := loadZone(name)
		rebuilt, err := loadZone(alias)
		if err != nil {
			t.Fatal(err)
		}
		for at := from; at.Before(to); at = at.Add(time.Hour) {
			a1, o1 := at.In(real).Zone()
			a2, o2 := at.In(rebuilt).Zone()
			if a1 != a2 || o1 != o2 || at.In(real).IsDST() != at.In(rebuilt).IsDST() {
				t.Fatalf("%s at %v: database says %s%+d, rebuilt says %s%+d", name, at, a1, o1, a2, o2)
			}
		}
		// Wall-clock times resolve the same, across the changes too.
		for d := from.Add(24 * time.Hour); d.Before(to.Add(-24 * time.Hour)); d = d.Add(24 * time.Hour) {
			w1 := time.Date(d.Year(), d.Month(), d.Day(), 2, 30, 0, 0, real)
			w2 := time.Date(d.Year(), d.Month(), d.Day(), 2, 30, 0, 0, rebuilt)
			if !w1.Equal(w2) {
				t.Fatalf("%s: 02:30 on %s is %v in the database, %v rebuilt", name, d.Format("2006-01-02"), w1, w2)
			}
		}
		if len(data) > 600 {
			t.Errorf("%s: %d bytes for two and a half years", name, len(data))
		}
	}
}

func TestStoryZones(t *testing.T) {
	s := mustParseDefault(t)
	zones, err := s.Zones()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	total := 0
	for name, data := range zones {
		names = append(names, name)
		total += len(data)
	}
	if len(zones) != 4 {
		t.Errorf("zones %v; want America/New_York, Europe/Kyiv, Europe/London, Europe/Paris", names)
	}
	if total > 3000 {
		t.Errorf("zone data takes %d bytes", total)
	}
	if err := RegisterZone("Bad/Zone", []byte("not TZif")); err == nil {
		t.Error("RegisterZone accepted bad data")
	}
}
