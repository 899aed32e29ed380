package publish_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"

	"explainer/app/internal/testenv"
	"explainer/app/publish"
)

// probeChildEnv marks the process TestNoMetadataProbes runs in.
const probeChildEnv = "EXPLAINER_METADATA_PROBE_CHILD"

// TestNoMetadataProbes publishes with no credentials at all, to each
// cloud's store at a loopback address that refuses it: each fails,
// and none asks an instance metadata service for credentials. The
// addresses the libraries would ask are pointed at a listener of the
// test's own (testenv.NoCloudMetadata), which must hear nothing: were
// AWS's IMDS or Azure's managed identity left on, it would be asked.
//
// The cloud libraries read the environment once per process (gocloud.dev
// keeps each default opener, with the Azure credentials it found), so it
// runs in a process of its own, and leaves the other tests no opener
// without credentials.
func TestNoMetadataProbes(t *testing.T) {
	if os.Getenv(probeChildEnv) == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestNoMetadataProbes$", "-test.v", "-test.count=1")
		cmd.Env = append(os.Environ(), probeChildEnv+"=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS: TestNoMetadataProbes/azure_blob") {
			t.Fatalf("%v\n%s", err, out)
		}
		t.Logf("%s", out)
		return
	}
	trap := testenv.NoCloudMetadata(t)
	for _, k := range []string{
		"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
		"AZURE_STORAGE_KEY", "AZURE_STORAGE_SAS_TOKEN", "AZURE_STORAGE_CONNECTION_STRING", "AZURE_STORAGEBLOB_CONNECTIONSTRING",
	} {
		t.Setenv(k, "")
	}
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AZURE_STORAGE_ACCOUNT", "explainertest")
	// A store on loopback that refuses every request, as one does a
	// client with no credentials (one where nothing listens would have
	// the Google library retry for ever).
	store := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no credentials", http.StatusForbidden)
	}))
	defer store.Close()
	dead := store.Listener.Addr().String()
	// The emulator's variable is how a gs:// bucket reaches only
	// loopback; with it, gcsblob asks for no credentials.
	t.Setenv("STORAGE_EMULATOR_HOST", dead)
	objs := objects(t, openSite(t, writeStories(t), staticFiles(t, nil)))
	tests := []struct{ name, url string }{
		{"s3", "s3://site?region=us-east-1&use_path_style=true&endpoint=http://" + dead},
		// https, so that the Azure library asks for a token before it
		// connects (it sends none over plain http).
		{"azure blob", "azblob://site?protocol=https&domain=" + strings.ReplaceAll(dead, ":", "%3A")},
		{"google cloud storage", "gs://site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := trap.Asked()
			b, err := publish.Open(context.Background(), tt.url)
			if err == nil {
				defer b.Close()
				_, err = publish.Publish(context.Background(), b, objs, publish.Options{Attempts: 1})
			}
			if err == nil {
				t.Fatal("published with no credentials to an address where nothing listens")
			}
			t.Log(err)
			if conns, reqs := trap.Asked(); conns > before {
				t.Errorf("asked for instance metadata: %d connections, %q", conns-before, reqs)
			}
		})
	}
}
