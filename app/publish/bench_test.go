package publish_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"explainer/app/internal/sitetest"
	"explainer/app/internal/testenv"
	"explainer/app/publish"
	"explainer/app/site"
	"explainer/app/story/storytest"
)

// BenchmarkPublish times what `explainer publish` does, against versitygw
// on loopback: render the site and store it, for the built-in story and
// for 1,000 stories of 20 events, on a first publish (an empty bucket),
// a publish with nothing changed, and one with one story edited. It
// reports the objects and bytes uploaded per publish.
func BenchmarkPublish(b *testing.B) {
	srv := testenv.StartS3(b)
	static := staticFiles(b, nil)
	open := func(dir string) *site.Site {
		st, err := sitetest.Open(sitetest.Parts{Stories: dir, Static: static, BaseURL: "https://news.example/graphics", Logger: quiet})
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	for _, size := range []struct {
		name    string
		stories int
	}{{"built-in", 0}, {"1000-stories", 1000}} {
		dir := ""
		if size.stories > 0 {
			dir = b.TempDir()
			for i := range size.stories {
				id := fmt.Sprintf("story-%04d", i)
				if err := os.WriteFile(filepath.Join(dir, id+".json"), storytest.GenerateStory(id, 20), 0o644); err != nil {
					b.Fatal(err)
				}
			}
		}
		buckets := 0
		newBucket := func() string {
			buckets++
			name := fmt.Sprintf("%s-%d", size.name, buckets)
			srv.Bucket(b, name)
			return srv.URL(name)
		}
		publishOnce := func(b *testing.B, builder *publish.Builder, to string) publish.Summary {
			objs, err := builder.Build()
			if err != nil {
				b.Fatal(err)
			}
			bucket, err := publish.Open(context.Background(), to)
			if err != nil {
				b.Fatal(err)
			}
			defer bucket.Close()
			sum, err := publish.Publish(context.Background(), bucket, objs, publish.Options{})
			if err != nil {
				b.Fatal(err)
			}
			return sum
		}
		report := func(b *testing.B, sum publish.Summary) {
			b.ReportMetric(float64(sum.Uploaded), "uploads/op")
			b.ReportMetric(float64(sum.Bytes), "bytes-up/op")
		}
		st := open(dir)
		b.Run(size.name+"/first", func(b *testing.B) {
			var sum publish.Summary
			for b.Loop() {
				b.StopTimer()
				to := newBucket()
				b.StartTimer()
				// As a run of the command: nothing rendered yet.
				sum = publishOnce(b, publish.NewBuilder(st, publish.Brotli), to)
			}
			report(b, sum)
		})
		to := newBucket()
		publishOnce(b, publish.NewBuilder(st, publish.Brotli), to)
		b.Run(size.name+"/unchanged", func(b *testing.B) {
			var sum publish.Summary
			for b.Loop() {
				sum = publishOnce(b, publish.NewBuilder(st, publish.Brotli), to)
			}
			report(b, sum)
		})
		if size.stories == 0 {
			continue
		}
		// As -watch does, with the stories of earlier publishes kept.
		watching := publish.NewBuilder(st, publish.Brotli)
		watching.Build()
		b.Run(size.name+"/one-edited-watch", func(b *testing.B) {
			var sum publish.Summary
			n := 0
			for b.Loop() {
				b.StopTimer()
				n++
				edited := bytes.Replace(storytest.GenerateStory("story-0500", 20), []byte("Headline of event 4,"), fmt.Appendf(nil, "Headline of event 4, take %d,", n), 1)
				if err := os.WriteFile(filepath.Join(dir, "story-0500.json"), edited, 0o644); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				// The store reads what changed, the builder renders it,
				// the publish stores what differs.
				st.Stories().Reload()
				sum = publishOnce(b, watching, to)
			}
			report(b, sum)
		})
	}
}
