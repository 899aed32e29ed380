package repo

import (
	"errors"
	"fmt"
	"io"
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

// FontsDir is the folder beside the stories that holds a publisher's
// fonts for the share images (CJK, Thai, …), tried after the built-in
// Noto fonts (see app/share).
const FontsDir = "fonts"

// maxFontSize bounds one font file: a CJK font with every weight in one
// collection is some 20–30 MB.
const maxFontSize = 64 << 20

// Fonts reads the font files of the folder's fonts/ (.ttf, .otf, .ttc),
// in name order, through the same os.Root as story files. A folder
// without fonts/ has none.
func (d *Dir) Fonts() ([][]byte, error) {
	root := d.current()
	entries, err := fs.ReadDir(root.FS(), FontsDir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, e := range entries {
		switch strings.ToLower(path.Ext(e.Name())) {
		case ".ttf", ".otf", ".ttc":
		default:
			continue
		}
		name := path.Join(FontsDir, e.Name())
		f, err := root.OpenFile(name, openFlags, 0)
		if err != nil {
			return nil, notServed(err)
		}
		info, err := f.Stat()
		if err == nil {
			err = regular(info)
		}
		if err == nil && info.Size() > maxFontSize {
			err = fmt.Errorf("%s: %d bytes, over the %d a font may be", name, info.Size(), maxFontSize)
		}
		var data []byte
		if err == nil {
			data, err = io.ReadAll(io.LimitReader(f, maxFontSize))
		}
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, data)
	}
	return out, nil
}
