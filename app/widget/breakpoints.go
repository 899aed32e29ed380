package widget

import "strconv"

// wideFrom is the width, in rem, from which the standalone page lays the
// timeline out as a sideways axis beside the detail; below it, phones get
// a vertical list with the detail after it. The stylesheet switches at the
// same width (TestStylesheetAgrees).
const wideFrom = 48

// wideQuery is the media query of a wide screen, as matchMedia takes it.
var wideQuery = "(min-width: " + strconv.Itoa(wideFrom) + "rem)"
