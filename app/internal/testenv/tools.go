package testenv

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
)

// cachedTool finds a server the tests run that `make deps` installs (the
// version the Makefile names) into .cache/bin: $env, .cache/bin, then
// $PATH. missing says what needs it and how to get it.
func cachedTool(env, name, missing string) (string, error) {
	if p := os.Getenv(env); p != "" {
		return p, nil
	}
	if root, err := Root(); err == nil {
		p := filepath.Join(root, ".cache", "bin", name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	return "", errors.New(missing)
}
