package site

import "testing"

// TestComment: nothing in a comment's text can end it or open markup.
func TestComment(t *testing.T) {
	if got := comment("a --> <script>"); got != "<!-- a - -› ‹script› -->" {
		t.Errorf("comment() = %q", got)
	}
}
