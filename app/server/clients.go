package server

import (
	"io"
	"net"
	"strconv"
	"sync"
	"time"
)

// Each client address may hold only so many connections, so that one
// client (slow readers from one machine, a script opening connections
// and sending nothing) cannot take the connections MaxConns allows and
// leave others waiting to be accepted. The check is made as a connection
// is accepted, before it counts against MaxConns: a connection over the
// cap is answered 503 with Retry-After and closed.
//
// Behind a reverse proxy every connection comes from the proxy, so with
// TrustProxy the cap is off unless set: the proxy, which sees the
// clients, limits them (nginx: limit_conn). X-Forwarded-For is not used
// for this: the proxy holds the connections, whoever its clients are.
// A proxy is not always declared (a site with -base-url needs no
// forwarded headers), so the default cap also leaves out peers on
// loopback or a private network, where proxies and load balancers sit:
// counted as one client, they would lock the whole site out. A cap given
// explicitly counts every peer.
//
// An IPv6 client is counted by its /64, which an ISP hands out to one
// customer, who may use any of its addresses. An IPv4 address may be a
// carrier's NAT with many phones behind it, hence a generous default.

// maxClientConns is the default cap's ceiling: browsers open six
// connections a host, so it lets ten readers or more share an address.
const maxClientConns = 64

// connsPerClient is the cap, 0 for none.
func (s *Server) connsPerClient() int {
	switch n := s.cfg.ConnsPerClient; {
	case n > 0:
		return n
	case n < 0 || s.cfg.TrustProxy:
		return 0
	}
	return min(maxClientConns, max(8, s.maxConns()/8))
}

// clients counts the connections open from each client address, and
// refuses those over the cap.
type clients struct {
	max int
	mu  sync.Mutex
	// open counts the connections open, by clientKey.
	open map[string]int
	// refusing bounds the connections being answered 503 at once: beyond
	// it, they are closed without a word, so refusals cannot use up the
	// descriptors that MaxConns leaves free.
	refusing chan struct{}
	// refuseFor bounds the time a refusal may take.
	refuseFor time.Duration
	// countLocal counts peers on loopback and private networks too: only
	// for a cap given explicitly.
	countLocal bool
}

func newClients(max int, countLocal bool) *clients {
	return &clients{max: max, countLocal: countLocal, open: map[string]int{}, refusing: make(chan struct{}, 16), refuseFor: 2 * time.Second}
}

// clientListener is a listener whose connections clients caps.
type clientListener struct {
	net.Listener
	*clients
}

// clientKey is what connections are counted by: the IPv4 address, or the
// /64 of an IPv6 one; "" for a peer that is not on TCP, which is not
// counted.
func clientKey(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return ""
	}
	if ip4 := tcp.IP.To4(); ip4 != nil {
		return ip4.String()
	}
	return tcp.IP.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// localPeer reports whether a is on loopback or a private network
// (10/8, 172.16/12, 192.168/16, fc00::/7, link-local): where a reverse
// proxy or a load balancer connects from.
func localPeer(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return false
	}
	return tcp.IP.IsLoopback() || tcp.IP.IsPrivate() || tcp.IP.IsLinkLocalUnicast()
}

func (l *clientListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		key := clientKey(c.RemoteAddr())
		if key == "" || (!l.countLocal && localPeer(c.RemoteAddr())) {
			return c, nil
		}
		l.mu.Lock()
		over := l.open[key] >= l.max
		if !over {
			l.open[key]++
		}
		l.mu.Unlock()
		if over {
			l.refuse(c)
			continue
		}
		return &clientConn{Conn: c, l: l.clients, key: key}, nil
	}
}

// count is how many connections key has open; none when nothing counts.
func (l *clients) count(key string) int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.open[key]
}

func (l *clients) done(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[key]--; l.open[key] <= 0 {
		delete(l.open, key)
	}
}

// tooManyFromClient is the whole answer to a connection over the cap.
var tooManyFromClient = func() string {
	msg := "busy: too many connections from your address; try again shortly\n"
	return "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 10\r\nContent-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: " + strconv.Itoa(len(msg)) + "\r\n\r\n" + msg
}()

// refuse answers c 503 and closes it. The request is not read first: the
// answer is the same whatever it asks. What the client sends is read
// and dropped until it closes (or refuseFor ends), since closing a socket
// with unread data resets the connection, and the reset can reach the
// client before the answer does.
func (l *clients) refuse(c net.Conn) {
	select {
	case l.refusing <- struct{}{}:
	default:
		c.Close()
		return
	}
	go func() {
		defer func() { <-l.refusing }()
		defer c.Close()
		c.SetDeadline(time.Now().Add(l.refuseFor))
		if _, err := io.WriteString(c, tooManyFromClient); err != nil {
			return
		}
		if cw, ok := c.(interface{ CloseWrite() error }); ok {
			cw.CloseWrite()
		}
		io.Copy(io.Discard, io.LimitReader(c, 64<<10))
	}()
}

// clientConn gives its place back when closed.
type clientConn struct {
	net.Conn
	l    *clients
	key  string
	once sync.Once
}

func (c *clientConn) Close() error {
	c.once.Do(func() { c.l.done(c.key) })
	return c.Conn.Close()
}
