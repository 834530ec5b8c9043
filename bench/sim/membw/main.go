// Command membw measures the machine's memory bandwidth the way the
// bound of benchmark (a) in docs/benchmarks.md needs it: a STREAM-like
// copy (one read and one write stream, counted as 2× the bytes copied) and
// triad, over arrays much larger than the last-level cache (DRAM) and over
// arrays of a given working-set size, with 1 and with all threads. It
// prints JSON.
package main

import (
	"encoding/json"
	"flag"
	"os"
	"runtime"
	"sync"
	"time"
)

var (
	large = flag.Int("large-mb", 512, "size of each array for the DRAM figure, MB")
	small = flag.Int("ws-mb", 12, "total working set for the cache-resident figure, MB")
)

type result struct {
	Threads  int     `json:"threads"`
	SizeMB   float64 `json:"size_mb"`
	CopyGBs  float64 `json:"copy_gb_s"`
	TriadGBs float64 `json:"triad_gb_s"`
}

// measure runs op over n float64 per array in T goroutines and returns
// the best bytes per second over reps.
func measure(n, T, reps int, arrays int, op func(a, b, c []float64)) float64 {
	a, b, c := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range a {
		a[i], b[i], c[i] = 1, 2, 3
	}
	best := 0.0
	for r := 0; r < reps; r++ {
		var wg sync.WaitGroup
		t0 := time.Now()
		for t := 0; t < T; t++ {
			lo, hi := n*t/T, n*(t+1)/T
			wg.Add(1)
			go func() {
				defer wg.Done()
				op(a[lo:hi], b[lo:hi], c[lo:hi])
			}()
		}
		wg.Wait()
		bw := float64(arrays*n*8) / time.Since(t0).Seconds()
		if bw > best {
			best = bw
		}
	}
	return best
}

func main() {
	flag.Parse()
	copyOp := func(a, b, c []float64) { copy(a, b) }
	triad := func(a, b, c []float64) {
		b = b[:len(a)]
		c = c[:len(a)]
		for i := range a {
			a[i] = b[i] + 3*c[i]
		}
	}
	var out []result
	for _, T := range []int{1, runtime.GOMAXPROCS(0)} {
		for _, mb := range []float64{float64(*large), float64(*small) / 3} {
			n := int(mb * 1e6 / 8)
			reps := 5
			if mb < 100 {
				reps = 200
			}
			out = append(out, result{
				Threads:  T,
				SizeMB:   mb * 3,
				CopyGBs:  measure(n, T, reps, 2, copyOp) / 1e9,
				TriadGBs: measure(n, T, reps, 3, triad) / 1e9,
			})
		}
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
