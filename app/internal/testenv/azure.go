package testenv

import (
	"context"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"
)

// Azurite's well-known development account: the emulator accepts only
// it, and it is public (Microsoft documents it), so it is no secret.
const (
	azuriteAccount = "devstoreaccount1"
	azuriteKey     = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
)

// Azurite is Microsoft's Azure Blob Storage emulator, a real server on
// loopback (`make npm-tools` installs it with the other npm test tools).
type Azurite struct {
	Endpoint string // http://127.0.0.1:PORT/devstoreaccount1
	Client   *azblob.Client
	host     string
}

// StartAzurite starts the emulator for one test and stops it when the
// test ends; it skips (fails under make test) without Node or the
// package. The account is set in the test's environment, where a
// publisher's would be (AZURE_STORAGE_ACCOUNT, AZURE_STORAGE_KEY).
func StartAzurite(tb testing.TB) *Azurite {
	tb.Helper()
	node := Node(tb)
	modules := NodeModules(tb, "azurite")
	NoCloudMetadata(tb)
	addr := freePort(tb)
	host, port, _ := net.SplitHostPort(addr)
	cmd := exec.Command(node, filepath.Join(modules, "azurite", "dist", "src", "blob", "main.js"),
		"--blobHost", host, "--blobPort", port, "--location", tb.TempDir(),
		"--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose")
	startServer(tb, "azurite", cmd, listening(addr))
	tb.Setenv("AZURE_STORAGE_ACCOUNT", azuriteAccount)
	tb.Setenv("AZURE_STORAGE_KEY", azuriteKey)
	a := &Azurite{Endpoint: "http://" + addr + "/" + azuriteAccount, host: addr}
	cred, err := azblob.NewSharedKeyCredential(azuriteAccount, azuriteKey)
	if err != nil {
		tb.Fatal(err)
	}
	if a.Client, err = azblob.NewClientWithSharedKeyCredential(a.Endpoint, cred, nil); err != nil {
		tb.Fatal(err)
	}
	return a
}

// Container makes a container and returns its URL for publish.Open.
func (a *Azurite) Container(tb testing.TB, name string) string {
	tb.Helper()
	if _, err := a.Client.CreateContainer(context.Background(), name, nil); err != nil {
		tb.Fatalf("creating container %s: %v", name, err)
	}
	return "azblob://" + name + "?localemu=true&protocol=http&domain=" + strings.ReplaceAll(a.host, ":", "%3A")
}
