package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"explainer/app/internal/urls"
)

// runLockout measures whether slow readers lock newcomers out: readers of
// the uncompressed WebAssembly who take a trickle of it now and then,
// and come back whenever the server lets go of them, while a newcomer
// from another address asks for / and /healthz once a second, each on a
// new connection, giving each answer 10 s.
func runLockout(binary string, nofile, readers, addrs int, probeFor time.Duration) error {
	srv, err := startServer(binary, nofile)
	if err != nil {
		return err
	}
	defer srv.stop()
	limit := "inherited"
	if nofile > 0 {
		limit = fmt.Sprint(nofile)
	}
	fmt.Printf("server %s, file limit %s; %d slow readers of %s (identity) from %d addresses\n", binary, limit, readers, strings.TrimPrefix(srv.wasm, srv.base), addrs)
	target, err := url.Parse(srv.wasm)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(context.Background())
	var st lockoutStats
	var wg sync.WaitGroup
	for i := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			from := &net.TCPAddr{IP: net.IPv4(127, 0, byte((2+i%addrs)>>8), byte((2+i%addrs)&0xff))}
			for ctx.Err() == nil {
				trickle(ctx, from, target, &st)
				select { // a moment before coming back, as a script would
				case <-ctx.Done():
				case <-time.After(200 * time.Millisecond):
				}
			}
		}()
	}
	// Let the readers settle on the server before the newcomer arrives.
	started := time.Now()
	for time.Since(started) < 10*time.Second && st.streaming.Load()+st.refused.Load() < int64(readers) {
		time.Sleep(100 * time.Millisecond)
	}
	fmt.Printf("after %v: %d readers streaming, %d refused or closed so far\n", time.Since(started).Round(100*time.Millisecond), st.streaming.Load(), st.refused.Load())

	probes := map[string]*[2]atomic.Int64{"/": new([2]atomic.Int64), urls.Health: new([2]atomic.Int64)}
	var pw sync.WaitGroup
	tick := time.NewTicker(time.Second)
	end := time.Now().Add(probeFor)
	for time.Now().Before(end) {
		for path, n := range probes {
			pw.Add(1)
			go func() {
				defer pw.Done()
				n[0].Add(1)
				if probe(srv.base + path) {
					n[1].Add(1)
				}
			}()
		}
		<-tick.C
	}
	tick.Stop()
	pw.Wait()
	cancel()
	wg.Wait()
	for _, path := range []string{"/", urls.Health} {
		n := probes[path]
		fmt.Printf("probe %-9s answered %d of %d\n", path, n[1].Load(), n[0].Load())
	}
	// A reader cut off still has the socket buffers' megabytes to read
	// before it can tell, so the downloads begun are what shows how often
	// the server let go of one.
	fmt.Printf("slow readers: %d downloads begun, %d refused (503 or closed)\n", st.begun.Load(), st.refused.Load())
	fmt.Printf("peak RSS of the server: %.0f MB\n", rssMB(srv.cmd.Process.Pid, "VmHWM"))
	return nil
}

type lockoutStats struct {
	streaming atomic.Int64 // readers holding a response now
	begun     atomic.Int64 // responses of 200 begun
	refused   atomic.Int64 // 503s, or connections closed before an answer
}

// trickle asks for target from the address from and reads 256 bytes of the
// answer a second, until the server closes the connection or ctx ends.
func trickle(ctx context.Context, from *net.TCPAddr, target *url.URL, st *lockoutStats) {
	d := net.Dialer{LocalAddr: from, Timeout: 10 * time.Second}
	c, err := d.DialContext(ctx, "tcp", target.Host)
	if err != nil {
		if ctx.Err() == nil {
			st.refused.Add(1)
		}
		return
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nAccept-Encoding: identity\r\n\r\n", target.RequestURI(), target.Host)
	r := bufio.NewReaderSize(c, 256)
	res, err := http.ReadResponse(r, nil)
	if err != nil || res.StatusCode != http.StatusOK {
		if ctx.Err() == nil {
			st.refused.Add(1)
		}
		return
	}
	st.begun.Add(1)
	st.streaming.Add(1)
	defer st.streaming.Add(-1)
	buf := make([]byte, 256)
	for {
		if _, err := io.ReadFull(res.Body, buf); err != nil {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

// probe asks for url on a new connection and reports whether a 200 came
// within 10 s.
func probe(url string) bool {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	res, err := client.Get(url)
	if err != nil {
		return false
	}
	defer res.Body.Close()
	_, err = io.Copy(io.Discard, res.Body)
	return err == nil && res.StatusCode == http.StatusOK
}
