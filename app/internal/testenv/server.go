package testenv

import (
	"net"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// startServer runs a server a test stores to (an S3 gateway, a cloud
// storage emulator) until the test ends, and returns once ready says it
// answers. The test fails, with what the server printed, if it exits
// first or does not answer within a minute.
func startServer(tb testing.TB, name string, cmd *exec.Cmd, ready func() bool) {
	tb.Helper()
	var out LockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		tb.Fatalf("starting %s: %v", name, err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	tb.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	deadline := time.Now().Add(60 * time.Second)
	for !ready() {
		select {
		case <-exited:
			tb.Fatalf("%s exited: %s", name, out.String())
		default:
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%s did not answer within a minute: %s", name, out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// listening reports whether something accepts connections at addr.
func listening(addr string) func() bool {
	return func() bool {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
		}
		return err == nil
	}
}

// freePort returns a loopback address no one listens on.
func freePort(tb testing.TB) string {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer ln.Close()
	return "127.0.0.1:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}
