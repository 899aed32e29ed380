package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"explainer/app/i18n"
	"explainer/app/story"
)

// timeOf is a <time> element for a moment, with the machine-readable
// value where HTML has one (not for a year before the common era).
func timeOf(m story.Moment) app.HTMLTime {
	el := app.Time()
	if dt := i18n.MachineTime(m); dt != "" {
		el = el.DateTime(attr(dt))
	}
	return el
}
