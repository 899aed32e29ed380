package server

import (
	"net"
	"testing"
	"time"
)

// TestOneClientCannotTakeEveryConnection: a client address that opens
// more connections than its share, each a slow download it never reads,
// gets 503s with Retry-After past its cap, and another client is still
// answered, though the first asked for as many connections as MaxConns
// allows.
func TestOneClientCannotTakeEveryConnection(t *testing.T) {
	const maxConns, perClient = 6, 2
	// A window of an hour: the slow readers are not cut off in the test's
	// time, so only the cap can make room.
	s := newServer(t, Config{MaxConns: maxConns, ConnsPerClient: perClient, LargeConns: maxConns, SendWindow: time.Hour})
	addr := serveLoopback(t, s)
	wasm := s.site.Assets().ByName("app.wasm")
	var held, refused int
	for range maxConns {
		c := dialFrom(t, "127.0.0.2", addr, "GET", wasm.URL, "Accept-Encoding: identity")
		switch res := c.response(time.Minute, "GET"); {
		case res == nil:
			t.Fatal("a connection of the busy client had no answer")
		case res.StatusCode == 200:
			held++
		case res.StatusCode == 503 && res.Header.Get("Retry-After") != "":
			refused++
		default:
			t.Fatalf("a connection of the busy client: %s", res.Status)
		}
	}
	if held != perClient || refused != maxConns-perClient {
		t.Errorf("the busy client got %d downloads and %d refusals; want %d and %d", held, refused, perClient, maxConns-perClient)
	}
	if n := s.clients.count("127.0.0.2"); n != perClient {
		t.Errorf("the busy client holds %d connections; want %d", n, perClient)
	}
	for _, path := range []string{"/", "/healthz"} {
		c := dialFrom(t, "127.0.0.1", addr, "GET", path, "Accept-Encoding: br")
		if res := c.response(30*time.Second, "GET"); res == nil || res.StatusCode != 200 {
			t.Errorf("another client asking for %s: %v", path, res)
		}
	}
}

// TestProxyPeersAreNotCapped: with the default cap, a peer on loopback or
// a private network (a reverse proxy, which carries every reader) opens
// as many connections as the server allows; the default cap would
// otherwise lock the whole site out behind an undeclared proxy. A cap
// given explicitly counts it (TestOneClientCannotTakeEveryConnection).
func TestProxyPeersAreNotCapped(t *testing.T) {
	s := newServer(t, Config{MaxConns: 64})
	if s.connsPerClient() != 8 {
		t.Fatalf("default cap %d; want 8", s.connsPerClient())
	}
	addr := serveLoopback(t, s)
	for i := range 12 {
		c := dialFrom(t, "127.0.0.2", addr, "GET", "/healthz")
		if res := c.response(time.Minute, "GET"); res == nil || res.StatusCode != 200 {
			t.Fatalf("connection %d of the proxy: %v", i+1, res)
		}
	}
	for _, tt := range []struct {
		ip    string
		local bool
	}{{"127.0.0.1", true}, {"10.1.2.3", true}, {"192.168.0.9", true}, {"fd00::1", true}, {"fe80::1", true}, {"203.0.113.7", false}, {"2001:db8::1", false}} {
		if got := localPeer(&net.TCPAddr{IP: net.ParseIP(tt.ip)}); got != tt.local {
			t.Errorf("localPeer(%s) = %v; want %v", tt.ip, got, tt.local)
		}
	}
}

// TestConnsPerClient: the default cap follows MaxConns within bounds, and
// is off behind a trusted proxy unless set.
func TestConnsPerClient(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  Config
		want int
	}{
		{name: "256 files", cfg: Config{MaxConns: 192}, want: 24},
		{name: "few connections", cfg: Config{MaxConns: 20}, want: 8},
		{name: "many connections", cfg: Config{MaxConns: 100000}, want: 64},
		{name: "set", cfg: Config{MaxConns: 192, ConnsPerClient: 5}, want: 5},
		{name: "off", cfg: Config{MaxConns: 192, ConnsPerClient: -1}, want: 0},
		{name: "behind a proxy", cfg: Config{MaxConns: 192, TrustProxy: true}, want: 0},
		{name: "behind a proxy, set", cfg: Config{MaxConns: 192, TrustProxy: true, ConnsPerClient: 100}, want: 100},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := (&Server{cfg: tt.cfg}).connsPerClient(); got != tt.want {
				t.Errorf("connsPerClient = %d; want %d", got, tt.want)
			}
		})
	}
}

// TestClientKey: IPv4 clients are told apart by address, IPv6 ones by
// /64, and a client that is not on TCP is not counted.
func TestClientKey(t *testing.T) {
	for _, tt := range []struct {
		addr net.Addr
		want string
	}{
		{addr: &net.TCPAddr{IP: net.ParseIP("203.0.113.7"), Port: 1}, want: "203.0.113.7"},
		{addr: &net.TCPAddr{IP: net.ParseIP("::ffff:203.0.113.7"), Port: 1}, want: "203.0.113.7"},
		{addr: &net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:aaaa::1"), Port: 1}, want: "2001:db8:1:2::/64"},
		{addr: &net.TCPAddr{IP: net.ParseIP("2001:db8:1:2:bbbb::9"), Port: 1}, want: "2001:db8:1:2::/64"},
		{addr: &net.UnixAddr{Name: "/run/x.sock", Net: "unix"}, want: ""},
	} {
		if got := clientKey(tt.addr); got != tt.want {
			t.Errorf("clientKey(%v) = %q; want %q", tt.addr, got, tt.want)
		}
	}
}
