package server

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"
)

// This file has the clients of the tests of slow readers and of busy
// clients: real TCP connections to a server on loopback, from any
// loopback address (127.0.0.2 is another client than 127.0.0.1).

// rawClient is one connection with one request sent on it.
type rawClient struct {
	net.Conn
	r *bufio.Reader
}

// dialFrom connects to addr from the loopback address ip and sends a GET
// of path with the header lines given ("Accept-Encoding: br"). The
// connection closes when the test ends.
func dialFrom(t *testing.T, ip, addr, method, path string, header ...string) *rawClient {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: time.Minute}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	req := fmt.Sprintf("%s %s HTTP/1.1\r\nHost: x\r\n", method, path)
	for _, h := range header {
		req += h + "\r\n"
	}
	if _, err := c.Write([]byte(req + "\r\n")); err != nil {
		t.Fatal(err)
	}
	return &rawClient{Conn: c, r: bufio.NewReaderSize(c, 1024)}
}

// response reads the status and header of the answer, giving it up to
// within; its body is left unread. nil means no answer came.
func (c *rawClient) response(within time.Duration, method string) *http.Response {
	c.SetReadDeadline(time.Now().Add(within))
	res, err := http.ReadResponse(c.r, &http.Request{Method: method})
	c.SetReadDeadline(time.Time{})
	if err != nil {
		return nil
	}
	return res
}

// waitFor polls cond until it holds, failing the test after a minute:
// long enough for a machine under load, and only ever spent on failure.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(time.Minute); !cond(); {
		if time.Now().After(end) {
			t.Fatalf("waited a minute for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
