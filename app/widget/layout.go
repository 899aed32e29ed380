package widget

import (
	"slices"
	"time"

	"explainer/app/story"
)

// The timeline is laid out in rem, on a track that scrolls sideways inside
// the widget on wide screens. Items are a fixed width so that events on the
// same day never overlap; gaps between them follow time within a dense
// stretch, and long empty stretches are compressed into a marked break.
const (
	itemWidth  = 11.0 // rem, the width of one event on the track (.timeline-item in the stylesheet; TestStylesheetAgrees)
	slot       = 12.0 // rem, the least distance between two events
	maxGap     = 3 * slot
	breakWidth = 5.0 // rem, room for the break marker
)

// layout is where everything sits on the horizontal track.
type layout struct {
	X       []float64 // left edge of each event, in story order
	Phase   []int     // index into story.Phases of each event's phase, or -1
	Breaks  []gap     // compressed stretches, in order
	breakAt []int     // index into Breaks of the stretch before each event, or -1
	Bands   []band    // phases with at least one event
	Width   float64   // total track width
}

// gap is a compressed stretch before event Before.
type gap struct {
	Before int
	X      float64 // centre of the marker
	Span   float64 // in days
}

// band is a phase drawn over the events it contains.
type band struct {
	Phase  int
	X0, X1 float64
	First  int // first event in the phase
}

func newLayout(s *story.Story) layout {
	n := len(s.Events)
	l := layout{X: make([]float64, n), Phase: make([]int, n), breakAt: make([]int, n)}
	if n == 0 {
		return l
	}
	// Gaps in days, as floating point: a time.Duration stops at 292
	// years, and a story may span the age of the universe.
	gaps := make([]float64, n)
	var positive []float64
	for i := 1; i < n; i++ {
		gaps[i] = days(s.Events[i-1].Start.Time(), s.Events[i].Start.Time())
		if gaps[i] > 0 {
			positive = append(positive, gaps[i])
		}
	}
	// The story's usual pace is the lower quartile of its gaps: with few
	// events the median can itself be one of the long empty stretches.
	pace := 1.0 / 24 // an hour
	if len(positive) > 0 {
		slices.Sort(positive)
		pace = positive[len(positive)/4]
	}
	// A stretch is a break when it is long in itself and long compared with
	// the story's usual pace.
	threshold := max(30, 20*pace)
	// Within dense stretches, the usual gap takes one slot.
	var dense []float64
	for _, g := range positive {
		if g < threshold {
			dense = append(dense, g)
		}
	}
	unit := pace
	if len(dense) > 0 {
		unit = dense[len(dense)/2]
	}
	x := 0.0
	l.breakAt[0] = -1
	for i := 1; i < n; i++ {
		l.breakAt[i] = -1
		switch g := gaps[i]; {
		case g >= threshold:
			l.breakAt[i] = len(l.Breaks)
			l.Breaks = append(l.Breaks, gap{Before: i, X: x + itemWidth + (slot-itemWidth+breakWidth)/2, Span: g})
			x += slot + breakWidth
		default:
			x += min(maxGap, max(slot, slot*g/unit))
		}
		l.X[i] = x
	}
	l.Width = x + itemWidth
	l.assignPhases(s)
	return l
}

// days is the time from a to b in days, exact to the second at any span.
func days(a, b time.Time) float64 {
	return float64(b.Unix()-a.Unix()) / 86400
}

// assignPhases puts each event in the phase whose span holds its start;
// where spans meet, the later phase wins.
func (l *layout) assignPhases(s *story.Story) {
	for i, e := range s.Events {
		l.Phase[i] = -1
		t := e.Start.Time()
		for p, ph := range s.Phases {
			if !t.Before(ph.Start.Time()) && !t.After(ph.End.Time()) {
				l.Phase[i] = p
			}
		}
	}
	for i := 0; i < len(s.Events); i++ {
		p := l.Phase[i]
		if p < 0 {
			continue
		}
		j := i
		for j+1 < len(s.Events) && l.Phase[j+1] == p {
			j++
		}
		l.Bands = append(l.Bands, band{Phase: p, X0: l.X[i], X1: l.X[j] + itemWidth, First: i})
		i = j
	}
}

// breakBefore returns the compressed stretch just before event i, if any.
func (l *layout) breakBefore(i int) (gap, bool) {
	if b := l.breakAt[i]; b >= 0 {
		return l.Breaks[b], true
	}
	return gap{}, false
}
