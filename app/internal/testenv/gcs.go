package testenv

import (
	"fmt"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"testing"
)

// fakeGCS finds fake-gcs-server, a Google Cloud Storage emulator (the
// JSON API, over a folder): $FAKE_GCS_SERVER, .cache/bin, then $PATH.
// `make deps` installs the version the Makefile names.
func fakeGCS() (string, error) {
	return cachedTool("FAKE_GCS_SERVER", "fake-gcs-server", "the publishing tests need fake-gcs-server, a Google Cloud Storage emulator: run make deps (make test does), or set FAKE_GCS_SERVER")
}

// GCS is a Google Cloud Storage emulator on loopback, which the Google
// client library reaches through STORAGE_EMULATOR_HOST, as it documents.
type GCS struct {
	Endpoint string // http://127.0.0.1:PORT
}

// StartGCS starts the emulator for one test, and stops it when the test
// ends; it skips (fails under make test) when the emulator is missing.
func StartGCS(tb testing.TB) *GCS {
	tb.Helper()
	bin, err := fakeGCS()
	Need(tb, err)
	NoCloudMetadata(tb)
	addr := freePort(tb)
	host, port, _ := net.SplitHostPort(addr)
	cmd := exec.Command(bin, "-scheme", "http", "-host", host, "-port", port, "-backend", "filesystem",
		"-filesystem-root", tb.TempDir(), "-public-host", addr, "-external-url", "http://"+addr, "-log-level", "error")
	startServer(tb, "fake-gcs-server", cmd, listening(addr))
	g := &GCS{Endpoint: "http://" + addr}
	tb.Setenv("STORAGE_EMULATOR_HOST", addr)
	return g
}

// Bucket makes a bucket and returns its URL for publish.Open; the
// emulator wants no credentials.
func (g *GCS) Bucket(tb testing.TB, name string) string {
	tb.Helper()
	res, err := http.Post(g.Endpoint+"/storage/v1/b?project=test", "application/json", strings.NewReader(fmt.Sprintf(`{"name": %q}`, name)))
	if err != nil {
		tb.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		tb.Fatalf("creating bucket %s: %s", name, res.Status)
	}
	return "gs://" + name + "?anonymous=true"
}
