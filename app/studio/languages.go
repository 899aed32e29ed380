package studio

import (
	"net/http"
	"sync"

	"explainer/app/i18n"
	"explainer/app/i18n/cldr"
	"explainer/app/internal/httpjson"
	"explainer/app/studio/api"
)

// languageList is every CLDR locale, named in itself, with whether the
// widget speaks it: the same for every request, made once. Its JSON is
// a few dozen kilobytes, which the studio's page asks for once; held in
// the WebAssembly instead, the CLDR data would cost every start.
var languageList = sync.OnceValue(func() api.Languages {
	tags := cldr.Tags()
	out := api.Languages{Languages: make([]api.Language, 0, len(tags))}
	for _, tag := range tags {
		d, ok := cldr.Lookup(tag)
		if !ok || d.Name == "" {
			continue // a locale with no name to show is no choice to offer
		}
		out.Languages = append(out.Languages, api.Language{
			Tag: tag, Name: d.Name, Dir: d.Dir, Widget: i18n.Supported(i18n.Locale(tag)),
		})
	}
	return out
})

// languages answers the list of languages a story may declare.
func (s *Studio) languages(w http.ResponseWriter, r *http.Request) {
	httpjson.Write(w, http.StatusOK, languageList())
}
