// Command stress runs the real server (bin/explainer, or -binary) on
// loopback with a folder of stories and drives it, for a few seconds a
// phase, with what took servers like it down: a flood of pages no cache
// has seen, many readers asking at once for one such page, readers who
// download the WebAssembly slowly, and an editor saving a story over and
// over, broken half the time. It prints, for each phase, requests a
// second, errors and latency, and the server's peak memory.
//
//	go run ./app/tools/stress [-binary bin/explainer] [-phase 3s]
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"explainer/app/internal/urls"
	"explainer/app/story/storytest"
)

func main() {
	binary := flag.String("binary", "bin/explainer", "the server to run")
	phase := flag.Duration("phase", 3*time.Second, "how long each phase runs")
	workers := flag.Int("workers", 32, "concurrent readers in each phase")
	lockout := flag.Int("lockout", 0, "instead of the phases: this many slow readers of the uncompressed WebAssembly, and probes of / and /healthz")
	lockoutFor := flag.Duration("lockout-for", 40*time.Second, "how long the probes run")
	lockoutAddrs := flag.Int("lockout-addrs", 1, "loopback addresses the slow readers come from")
	nofile := flag.Int("nofile", 0, "the server's file limit (ulimit -n); 0 keeps ours")
	flag.Parse()
	var err error
	if *lockout > 0 {
		err = runLockout(*binary, *nofile, *lockout, *lockoutAddrs, *lockoutFor)
	} else {
		err = run(*binary, *phase, *workers)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "stress:", err)
		os.Exit(1)
	}
}

// server is the server under test, serving a folder with one story of
// 1,000 events.
type server struct {
	cmd        *exec.Cmd
	dir        string
	big        []byte
	base, page string
	wasm       string
}

// startServer runs binary on a free loopback port, under a file limit of
// nofile when it is not 0, and waits until it answers.
func startServer(binary string, nofile int) (*server, error) {
	dir, err := os.MkdirTemp("", "explainer-stress-")
	if err != nil {
		return nil, err
	}
	s := &server{dir: dir, big: storytest.Generate(1000)}
	if err := os.WriteFile(filepath.Join(dir, "big.json"), s.big, 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	addr, err := freeAddr()
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	args := []string{binary, "serve", "-addr", addr, "-stories", dir}
	if nofile > 0 {
		// The clients here are on loopback, which the server's default
		// cap takes for a proxy and leaves uncounted: give the cap a
		// public client would get, the default for this file limit.
		args = append(args, "-conns-per-client", fmt.Sprint(min(64, max(8, nofile*3/4/8))))
	}
	if nofile > 0 {
		// The shell sets the limit and becomes the server (exec), so the
		// process measured is the server itself.
		args = append([]string{"sh", "-c", `ulimit -n "$1" && shift && exec "$@"`, "sh", fmt.Sprint(nofile)}, args...)
	}
	s.cmd = exec.Command(args[0], args[1:]...)
	s.cmd.Stderr = io.Discard
	if err := s.cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	s.base = "http://" + addr
	if err := waitUp(s.base + urls.Health); err != nil {
		s.stop()
		return nil, err
	}
	s.page = urls.StoryPage(s.base, storyID(s.big))
	if s.wasm, err = wasmURL(s.base, s.page); err != nil {
		s.stop()
		return nil, err
	}
	return s, nil
}

// stop interrupts the server (killing it if it takes over 10 s to drain)
// and removes its folder.
func (s *server) stop() {
	s.cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
	os.RemoveAll(s.dir)
}

func run(binary string, phase time.Duration, workers int) error {
	srv, err := startServer(binary, 0)
	if err != nil {
		return err
	}
	defer srv.stop()
	cmd, dir, big, page, wasm := srv.cmd, srv.dir, srv.big, srv.page, srv.wasm
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: workers * 2, DisableCompression: false}}
	fmt.Printf("server %s, a story of 1,000 events, %d readers, %v a phase\n", binary, workers, phase)
	fmt.Printf("%-28s %9s %8s %9s %9s %9s %10s\n", "phase", "requests", "req/s", "errors", "shed", "p99", "RSS now")

	var seq atomic.Int64
	phases := []struct {
		name  string
		setup func(ctx context.Context) func()
		next  func() string
	}{
		{name: "cached page", next: func() string { return page }},
		{name: "cache-miss flood", next: func() string {
			return fmt.Sprintf("%s?accent=%06x", page, seq.Add(1)%0xffffff)
		}},
		{name: "cached page, miss flood", setup: func(ctx context.Context) func() {
			// Readers of a cached page while others ask for new ones: the
			// render queue sheds the misses (503), not them.
			done := make(chan struct{})
			go func() {
				defer close(done)
				load(ctx, client, workers, func() string { return fmt.Sprintf("%s?accent=%06x", page, seq.Add(1)%0xffffff) })
			}()
			return func() { <-done }
		}, next: func() string { return page }},
		{name: "identical misses", next: func() string {
			// Every reader asks for the same new page until it is made.
			return fmt.Sprintf("%s?accent=%06x", page, (seq.Add(1)/int64(workers))%0xffffff+0x100000)
		}},
		{name: "with slow wasm readers", setup: func(ctx context.Context) func() {
			var wg sync.WaitGroup
			for range 20 {
				wg.Add(1)
				go func() { defer wg.Done(); slowRead(ctx, wasm, 64<<10) }()
			}
			return wg.Wait
		}, next: func() string { return fmt.Sprintf("%s?event=event-%d", page, rand.IntN(1000)) }},
		{name: "during an edit storm", setup: func(ctx context.Context) func() {
			done := make(chan struct{})
			go func() {
				defer close(done)
				broken := []byte(strings.Replace(string(big), `"headline"`, `"headlin"`, 1))
				for i := 0; ctx.Err() == nil; i++ {
					data := big
					if i%2 == 1 {
						data = broken
					}
					os.WriteFile(filepath.Join(dir, "big.json"), data, 0o644)
					time.Sleep(50 * time.Millisecond)
				}
				os.WriteFile(filepath.Join(dir, "big.json"), big, 0o644)
			}()
			return func() { <-done }
		}, next: func() string { return fmt.Sprintf("%s?event=event-%d", page, rand.IntN(1000)) }},
	}
	for _, ph := range phases {
		ctx, cancel := context.WithTimeout(context.Background(), phase)
		var wait func()
		if ph.setup != nil {
			wait = ph.setup(ctx)
		}
		res := load(ctx, client, workers, ph.next)
		cancel()
		if wait != nil {
			wait()
		}
		fmt.Printf("%-28s %9d %8.0f %9d %9d %9s %8.0f MB\n", ph.name, res.n, float64(res.n)/phase.Seconds(), res.errors, res.shed, res.p99.Round(100*time.Microsecond), rssMB(cmd.Process.Pid, "VmRSS"))
	}
	fmt.Printf("peak RSS of the server: %.0f MB\n", rssMB(cmd.Process.Pid, "VmHWM"))
	return nil
}

// result counts a phase's requests: errors are failures and statuses
// from 400 on, except 503, which is the server shedding load as it
// should (shed).
type result struct {
	n, errors, shed int
	p99             time.Duration
}

// load runs workers that GET next() until ctx ends.
func load(ctx context.Context, client *http.Client, workers int, next func() string) result {
	var mu sync.Mutex
	var lat []time.Duration
	var n, errs, shed int
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				start := time.Now()
				req, _ := http.NewRequestWithContext(ctx, "GET", next(), nil)
				req.Header.Set("Accept-Encoding", "br, gzip")
				res, err := client.Do(req)
				ok := err == nil && res.StatusCode < 400
				busy := err == nil && res.StatusCode == http.StatusServiceUnavailable
				if err == nil {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
				}
				if ctx.Err() != nil && errors.Is(err, context.DeadlineExceeded) {
					return // the phase ended mid-request
				}
				mu.Lock()
				n++
				switch {
				case busy:
					shed++
				case !ok:
					errs++
				}
				lat = append(lat, time.Since(start))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(lat)
	var p99 time.Duration
	if len(lat) > 0 {
		p99 = lat[len(lat)*99/100]
	}
	return result{n: n, errors: errs, shed: shed, p99: p99}
}

// slowRead downloads url at rate bytes a second, uncompressed, until done
// or ctx ends.
func slowRead(ctx context.Context, url string, rate int) {
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	req.Header.Set("Accept-Encoding", "identity")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return
	}
	defer res.Body.Close()
	buf := make([]byte, rate/10)
	for ctx.Err() == nil {
		if _, err := io.ReadFull(res.Body, buf); err != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func waitUp(url string) error {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(url); err == nil {
			res.Body.Close()
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("the server did not come up")
}

// storyID reads the id of a story file.
func storyID(data []byte) string {
	var s struct {
		ID string `json:"id"`
	}
	json.Unmarshal(data, &s)
	return s.ID
}

// wasmURL finds the WebAssembly's address in a page.
func wasmURL(base, page string) (string, error) {
	res, err := http.Get(page)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	_, rest, ok := strings.Cut(string(b), `data-wasm="`)
	if !ok {
		return "", errors.New("the page names no WebAssembly: build it first (make build)")
	}
	p, _, _ := strings.Cut(rest, `"`)
	return base + p, nil
}

// rssMB reads a memory figure of a process from /proc, in megabytes.
func rssMB(pid int, field string) float64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(v), "%f", &kb)
			return kb / 1024
		}
	}
	return 0
}
