package live

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"explainer/app/internal/atomicfile"
	"explainer/app/story"
)

// Cache keeps on disk what a live story needs to come back after a
// restart as it was: the last content of its source that made a good
// story, and the corrections its refreshes added. Without it, a server
// that restarts while the sheet is unpublished or broken would have
// nothing to serve.
type Cache struct{ dir string }

// NewCache keeps its files in dir, made if need be; "" keeps nothing.
func NewCache(dir string) *Cache {
	if dir == "" {
		return nil
	}
	return &Cache{dir: dir}
}

// Saved is what the cache keeps of one live story.
type Saved struct {
	File string    `json:"file"` // the story file, for whoever looks in the folder
	URL  string    `json:"url"`
	Body []byte    `json:"body"` // the source's content, as read
	Read time.Time `json:"read"` // when it was read
	// Updates are the corrections refreshes added (live.corrections).
	Updates []story.Update `json:"updates,omitempty"`
}

// Key names the cache entry of a story file and its source: both, so
// that a file pointed at another sheet starts afresh.
func Key(file, url string) string {
	sum := sha256.Sum256([]byte(file + "\n" + url))
	return hex.EncodeToString(sum[:12])
}

// Load returns what was saved under key, if anything readable was.
func (c *Cache) Load(key string) (*Saved, bool) {
	if c == nil {
		return nil, false
	}
	data, err := os.ReadFile(filepath.Join(c.dir, key+".json"))
	if err != nil {
		return nil, false
	}
	var s Saved
	if json.Unmarshal(data, &s) != nil {
		return nil, false
	}
	return &s, true
}

// Save keeps s under key, whole or not at all.
func (c *Cache) Save(key string, s *Saved) error {
	if c == nil {
		return nil
	}
	data, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return atomicfile.Write(filepath.Join(c.dir, key+".json"), data, 0o644)
}
