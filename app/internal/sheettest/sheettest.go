// Package sheettest is a published sheet on loopback, for the tests of
// live sources: a real HTTP server that answers as Google's "Publish to
// web" CSV link does (the content, an ETag, 304 to a request that has
// it), and that can be made to fail the ways a real one does.
package sheettest

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Mode is how the sheet answers.
type Mode int

// The modes.
const (
	OK       Mode = iota
	Status        // the status in Sheet.SetStatus
	HTMLPage      // 200 with a sign-in page, as an unpublished sheet does
	Hang          // no answer until the request is given up
	Endless       // 200 and a body that never ends
	Trickle       // the headers at once, then a byte now and then, forever
	NoETag        // the content, without validators
	Cut           // half the content, then the connection is closed
)

// Sheet is one published sheet.
type Sheet struct {
	URL string // its CSV link

	mu          sync.Mutex
	body        string
	mode        Mode
	status      int
	requests    int
	conditional int // requests that carried If-None-Match
	notModified int
}

// New publishes a sheet with csv as its content, until the test ends.
func New(t testing.TB, csv string) *Sheet {
	s := &Sheet{body: csv}
	srv := httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(srv.Close)
	s.URL = srv.URL + "/spreadsheets/d/e/2PACX-test/pub?output=csv"
	return s
}

// Set replaces the sheet's content, as an edit in the sheet does, and
// returns the requests answered before it: the next one has the edit.
func (s *Sheet) Set(csv string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body = csv
	return s.requests
}

// SetMode makes the sheet answer otherwise (OK for normal again).
func (s *Sheet) SetMode(m Mode) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mode = m
}

// SetStatus makes the sheet answer with an error status.
func (s *Sheet) SetStatus(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mode, s.status = Status, code
}

// Requests counts the requests made, the conditional ones and the 304s
// answered.
func (s *Sheet) Requests() (all, conditional, notModified int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests, s.conditional, s.notModified
}

func (s *Sheet) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests++
	body, mode, status := s.body, s.mode, s.status
	if r.Header.Get("If-None-Match") != "" {
		s.conditional++
	}
	s.mu.Unlock()
	switch mode {
	case Status:
		http.Error(w, http.StatusText(status), status)
		return
	case HTMLPage:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in to continue</body></html>"))
		return
	case Hang:
		<-r.Context().Done()
		return
	case Endless, Trickle:
		w.Header().Set("Content-Type", "text/csv")
		w.Write([]byte("Year,Month,Day,Headline\n"))
		chunk := make([]byte, 64<<10)
		for i := range chunk {
			chunk[i] = 'x'
		}
		if mode == Trickle {
			chunk = chunk[:1]
		}
		for {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			if mode == Trickle {
				select {
				case <-r.Context().Done():
					return
				case <-time.After(50 * time.Millisecond):
				}
			}
		}
	}
	if mode == Cut {
		// Announced whole, sent in half: the reader sees the
		// connection break off mid-row.
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write([]byte(body[:len(body)/2]))
		w.(http.Flusher).Flush()
		panic(http.ErrAbortHandler)
	}
	w.Header().Set("Content-Type", "text/csv")
	if mode != NoETag {
		sum := sha256.Sum256([]byte(body))
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.mu.Lock()
			s.notModified++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Write([]byte(body))
}
