package e2e

import (
	"testing"

	"explainer/app/story"
	"explainer/app/story/storytest"
)

func defaultStory(t *testing.T) *story.Story {
	return storytest.Load(t, "../../web/stories/oval-office-2025.json")
}
