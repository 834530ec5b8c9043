package sim

import (
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"nestml_go/gocore/sim/native"
)

func requireKernel(t testing.TB, symbol string) *native.Kernel {
	t.Helper()
	if _, err := native.Compiler(); err != nil {
		t.Skip(err) // the Go engine is then the only engine
	}
	k, err := native.Load(poissonSource, symbol)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// TestNativePCGMatchesGo: the kernel's generator gives Go's rand.PCG
// words, for seeds with edge bits (zero, all ones, carries out of the low
// word) and random ones, over many draws, and leaves the same state.
func TestNativePCGMatchesGo(t *testing.T) {
	k := requireKernel(t, pcgSymbol)
	seeds := [][2]uint64{{0, 0}, {0, math.MaxUint64}, {math.MaxUint64, math.MaxUint64}, {1, 2},
		{math.MaxUint64, math.MaxUint64 - 1442695040888963407}}
	r := rand.New(rand.NewPCG(7, 11))
	for len(seeds) < 64 {
		seeds = append(seeds, [2]uint64{r.Uint64(), r.Uint64()})
	}
	const draws = 20000
	out := make([]uint64, draws)
	for _, sd := range seeds {
		g := rand.NewPCG(sd[0], sd[1])
		st := []uint64{sd[0], sd[1]}
		k.Words(st, out)
		for i, x := range out {
			if want := g.Uint64(); x != want {
				t.Fatalf("seed %x: draw %d is %#x, rand.PCG %#x", sd, i, x, want)
			}
		}
		if want := *(*[2]uint64)(unsafe.Pointer(g)); st[0] != want[0] || st[1] != want[1] {
			t.Fatalf("seed %x: final state %x, rand.PCG %x", sd, st, want)
		}
	}
	// the four- and eight-stream paths of the kernel (AVX2 and AVX-512
	// where the machine has them)
	for _, ns := range []int{4, 8} {
		kn := requireKernel(t, pcgSymbol+"x"+strconv.Itoa(ns))
		for q := 0; q+ns <= len(seeds); q += ns {
			gs := make([]*rand.PCG, ns)
			st := make([]uint64, 2*ns)
			for j := range gs {
				gs[j] = rand.NewPCG(seeds[q+j][0], seeds[q+j][1])
				st[2*j], st[2*j+1] = seeds[q+j][0], seeds[q+j][1]
			}
			kn.Words(st, out)
			for i, x := range out {
				if want := gs[i%ns].Uint64() >> 11; x != want {
					t.Fatalf("%d streams, seeds %x: draw %d of stream %d is %#x, rand.PCG %#x", ns, seeds[q:q+ns], i/ns, i%ns, x, want)
				}
			}
			for j, g := range gs {
				if want := *(*[2]uint64)(unsafe.Pointer(g)); st[2*j] != want[0] || st[2*j+1] != want[1] {
					t.Fatalf("%d streams, seed %x: final state %x, rand.PCG %x", ns, seeds[q+j], st[2*j:2*j+2], want)
				}
			}
		}
	}
}

// TestNativePoissonKernel: the kernel leaves the streams, rings and flags
// bit-identical to the Go loop's, for rates whose counts are mostly 0
// (λ = 0.001), mostly below 4 (λ = 0.4), mostly 4 and more (λ = 8, the
// guide table), for connection counts that end in part blocks, and for a
// range starting inside the table.
func TestNativePoissonKernel(t *testing.T) {
	requireKernel(t, poissonSymbol)
	for _, rate := range []float64{10, 4000, 80000} {
		for _, n := range []int{33, 258, 1031} {
			for _, a := range []int{0, 3} {
				wg, pg, gg := poissonFixture(n, rate)
				wn, pn, gn := poissonFixture(n, rate)
				net := &Network{native: true}
				for step := 0; step < 40; step++ {
					sendPoissonGo(wg, pg, gg, a, n)
					net.sendPoisson(wn, pn, gn, a, n)
				}
				for e := range gg.streams {
					if gg.streams[e] != gn.streams[e] {
						t.Fatalf("rate %v, n %d: stream %d differs", rate, n, e)
					}
				}
				for port := range pg.spikeRing {
					for i, v := range pg.spikeRing[port] {
						if math.Float64bits(v) != math.Float64bits(pn.spikeRing[port][i]) || pg.flagRing[port][i] != pn.flagRing[port][i] {
							t.Fatalf("rate %v, n %d: ring %d entry %d: %v (flag %d), Go %v (%d)", rate, n, port, i,
								pn.spikeRing[port][i], pn.flagRing[port][i], v, pg.flagRing[port][i])
						}
					}
				}
			}
		}
	}
}

// poissonFixture: one generator of rate Hz (h = 0.1 ms) with n
// connections to the n neurons of a population with two ports and delays
// of 1 and 2 steps.
func poissonFixture(n int, rate float64) (*worker, *Population, *generator) {
	L := 3
	p := &Population{N: n, first: 5}
	for k := 0; k < 2; k++ {
		p.spikeRing = append(p.spikeRing, make([]float64, L*n))
		p.flagRing = append(p.flagRing, make([]uint8, L*n))
	}
	g := &generator{kind: "poisson_generator", id: 3, pois: newPoissonTable(rate * 0.1 * 1e-3)}
	for i := 0; i < n; i++ {
		g.targets = append(g.targets, synapse{uint32(p.first + i), packMeta(1+i%2, i%3%2), 1 + float64(i%7)*0.25})
	}
	g.seedStreams(42)
	w := newWorker()
	w.slots = []int{0, n, 2 * n}
	return w, p, g
}

// BenchmarkPoissonSend: the Go loop and the kernel on 20 000 connections
// (λ = 0.4, case (a) of the benchmarks), per connection.
func BenchmarkPoissonSend(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("SIM_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	for _, mode := range []string{"go", "native"} {
		b.Run(mode, func(b *testing.B) {
			w, p, g := poissonFixture(n, 4000)
			net := &Network{native: mode == "native"}
			if net.native {
				requireKernel(b, poissonSymbol)
			}
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ResetTimer()
			c0 := threadCPU()
			for i := 0; i < b.N; i++ {
				net.sendPoisson(w, p, g, 0, n)
			}
			cpu := threadCPU() - c0
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/conn")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*n), "cpu-ns/conn")
		})
	}
}

// threadCPU returns the CPU time of the calling thread, which a loaded
// machine inflates far less than wall time (the goroutine is locked to
// its thread for the measurement).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
