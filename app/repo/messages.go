package repo

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// MessagesDir is the folder beside the stories that holds a publisher's
// catalogues of the widget's words (messages/es.json), which override or
// add to the built-in ones (see app/i18n).
const MessagesDir = "messages"

// Messages reads the catalogue files of the folder's messages/, by name
// (messages/es.json), through the same os.Root and limits as story files.
// A folder without messages/ has none.
func (d *Dir) Messages() (map[string][]byte, error) {
	root := d.current()
	entries, err := fs.ReadDir(root.FS(), MessagesDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		name := path.Join(MessagesDir, e.Name())
		data, _, err := readIn(root, name)
		if err != nil {
			return nil, err
		}
		out[name] = data
	}
	return out, nil
}
