package draft

import "explainer/app/story"

// Marshal writes a story as story files are written (story.Marshal). A
// story with a live source is written without the title, language and
// events it leaves to its source (story.Marshal omits them when empty):
// a field left out is the source's to give, where one written empty
// ("title": "") would fail the check.
func Marshal(s *story.Story) ([]byte, error) { return story.Marshal(s) }
