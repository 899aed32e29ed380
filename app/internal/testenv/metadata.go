package testenv

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
)

// Metadata stands, on loopback, where the clouds' instance metadata
// services would be (169.254.169.254 and metadata.google.internal), which
// their libraries ask for credentials when a bucket is opened with none
// given. A test must never reach those: off a cloud the address goes
// nowhere (or somewhere else), and on one it hands over the machine's
// own credentials. NoCloudMetadata turns the asking off where a library
// has a switch for it, points every address a library would still ask at
// this listener, and fails the test if anything arrived there.
type Metadata struct {
	srv      *httptest.Server
	mu       sync.Mutex
	conns    int
	requests []string
}

// Addr is the listener's host:port.
func (m *Metadata) Addr() string { return m.srv.Listener.Addr().String() }

// Asked returns how many connections the listener accepted, and the
// requests it was sent ("GET /latest/meta-data/…").
func (m *Metadata) Asked() (conns int, requests []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.conns, append([]string(nil), m.requests...)
}

// NoCloudMetadata sets, in the test's environment, what keeps the cloud
// libraries from asking a metadata service or any other source of
// credentials but the ones a test gives (see Metadata); every test that
// opens a bucket calls it, through StartS3, StartGCS, StartAzurite or
// itself. It fails the test, when it ends, if a library asked anyway.
func NoCloudMetadata(tb testing.TB) *Metadata {
	tb.Helper()
	m := &Metadata{}
	m.srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m.mu.Lock()
		m.requests = append(m.requests, r.Method+" "+r.URL.Path)
		m.mu.Unlock()
		http.NotFound(w, r)
	}))
	m.srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			m.mu.Lock()
			m.conns++
			m.mu.Unlock()
		}
	}
	m.srv.Start()
	for k, v := range map[string]string{
		// AWS (aws-sdk-go-v2): no instance metadata (IMDS), no container
		// or web-identity credentials, no shared files (which may name a
		// credential_process to run, or SSO).
		"AWS_EC2_METADATA_DISABLED":         "true",
		"AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://" + m.Addr() + "/",
		"AWS_CONFIG_FILE":                   os.DevNull,
		"AWS_SHARED_CREDENTIALS_FILE":       os.DevNull,
		// Google Cloud (cloud.google.com/go/compute/metadata): there is
		// no switch; with GCE_METADATA_HOST set, the library neither
		// probes 169.254.169.254 nor looks up metadata.google.internal,
		// and asks this host instead. The tests' buckets are the
		// emulator's (STORAGE_EMULATOR_HOST), for which gocloud.dev's
		// gcsblob asks for no credentials at all.
		"GCE_METADATA_HOST": m.Addr(),
		// Azure (azidentity's DefaultAzureCredential, which gocloud.dev's
		// azureblob uses when no account key, SAS token or connection
		// string is set): the chain cut to EnvironmentCredential, which
		// reads variables and asks nothing, so neither managed identity
		// (IMDS at 169.254.169.254) nor the az, azd or PowerShell tools.
		// Managed identity, were it tried, would ask this host.
		"AZURE_TOKEN_CREDENTIALS": "EnvironmentCredential",
		"IDENTITY_ENDPOINT":       "http://" + m.Addr() + "/azure/identity",
		"IDENTITY_HEADER":         "explainer-test",
	} {
		tb.Setenv(k, v)
	}
	// Unset, not empty: some libraries take a variable set to "" as
	// given (azidentity's AZURE_CLIENT_ID names a user-assigned
	// identity even when empty).
	for _, k := range []string{
		"AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
		"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
		"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_PROFILE",
		"GOOGLE_APPLICATION_CREDENTIALS",
		"IDENTITY_SERVER_THUMBPRINT", "MSI_ENDPOINT", "MSI_SECRET", "IMDS_ENDPOINT",
		"AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH",
		"AZURE_USERNAME", "AZURE_PASSWORD", "AZURE_FEDERATED_TOKEN_FILE", "AZURE_AUTHORITY_HOST",
	} {
		tb.Setenv(k, "") // restored when the test ends
		os.Unsetenv(k)
	}
	tb.Cleanup(func() {
		m.srv.Close()
		if conns, reqs := m.Asked(); conns > 0 {
			tb.Errorf("a cloud library asked for instance metadata (%d connections: %q): tests must not reach a metadata service", conns, reqs)
		}
	})
	return m
}
