package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strings"
)

// editTokens are the ways to give the studio its edit token. The file and
// the environment keep it out of the command line, which every user of
// the machine can read (ps, /proc/PID/cmdline); the flag still works, with
// a warning.
type editTokens struct {
	flag string
	file string
}

// tokenEnv is the environment variable that holds the edit token.
const tokenEnv = "EXPLAINER_EDIT_TOKEN"

func tokenFlags(fs *flag.FlagSet) *editTokens {
	t := &editTokens{}
	fs.StringVar(&t.file, "edit-token-file", "", "a file holding the edit token (or set $"+tokenEnv+"), which lets the studio answer beyond loopback to whoever has it: for a newsroom's own network")
	fs.StringVar(&t.flag, "edit-token", "", "the edit token on the command line, where other users of the machine can read it: prefer -edit-token-file or $"+tokenEnv)
	return t
}

// token is the edit token given, "" for none: from the flag or the file
// (not both), else the environment.
func (t *editTokens) token(stderr io.Writer) (string, error) {
	switch {
	case t.flag != "" && t.file != "":
		return "", errors.New("-edit-token and -edit-token-file both give the edit token: give one")
	case t.flag != "":
		slog.New(slog.NewTextHandler(stderr, nil)).Warn("-edit-token puts the edit token on the command line, where other users of this machine can read it (ps, /proc): use -edit-token-file FILE or $" + tokenEnv + " instead")
		return t.flag, nil
	case t.file != "":
		data, err := os.ReadFile(t.file)
		if err != nil {
			return "", fmt.Errorf("-edit-token-file: %w", err)
		}
		token := strings.TrimSpace(string(data))
		if token == "" || strings.ContainsAny(token, "\r\n") {
			return "", fmt.Errorf("-edit-token-file %s: the file must hold the token, on one line", t.file)
		}
		return token, nil
	}
	return os.Getenv(tokenEnv), nil
}

// loopbackOnly is what the studio says at start when it listens where
// other machines reach it but, without an edit token, refuses them: ""
// when that is not so.
func loopbackOnly(addr net.Addr, token bool) string {
	tcp, ok := addr.(*net.TCPAddr)
	if token || !ok || tcp.IP.IsLoopback() {
		return ""
	}
	return "the studio answers only this machine (loopback), though it listens on " + addr.String() + ": to open it to others, give it an edit token (-edit-token-file FILE or $" + tokenEnv + ")"
}

// proxyWarning is what a server says at start when others can reach it
// and it knows neither its public address nor to trust a proxy's: ""
// when that is not so. Behind a TLS terminator its links would name its
// own http:// address, which https articles block as mixed content.
func proxyWarning(addr net.Addr, hasBaseURL, trustProxy bool) string {
	tcp, ok := addr.(*net.TCPAddr)
	if hasBaseURL || trustProxy || !ok || tcp.IP.IsLoopback() {
		return ""
	}
	return "neither -base-url nor -trust-proxy is set: behind a proxy or TLS terminator, pages will name this server's own address (http://…) in canonical links, oEmbed and embed codes, which https articles block as mixed content"
}
