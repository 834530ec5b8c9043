package sim_test

import (
	"math"
	"testing"

	"nestml_go/gocore/sim"
)

// TestNativePoissonMatchesGoEngine drives iaf_psc_exp neurons with
// poisson_generators of every kind of count draw (λ = 0.4: counts mostly
// below 4; λ = 8: the guide table; λ = 800: the normal approximation,
// served in Go) on both ports, with two delays, two connections of one
// generator to the same neurons and a generator with too few targets for
// the kernel, and requires the native run (kernel) to be bit-identical to
// the Go engine's, at 1 and 3 threads, in one run and in two.
func TestNativePoissonMatchesGoEngine(t *testing.T) {
	requireCC(t)
	m := loadModel(t, "iaf_psc_exp_neuron")
	const n = 600 // three jobs at 3 threads (chunks of 256)
	run := func(native bool, threads int, splits int) trace {
		net, _ := sim.NewNetwork(0.1)
		net.SetNative(native)
		net.SetThreads(threads)
		net.SetSeed(5)
		pop, err := net.CreatePopulation(m, n)
		if err != nil {
			t.Fatal(err)
		}
		ids := pop.IDs()
		gens := []struct {
			rate, w, d float64
			to         []int
		}{
			{4000, 30, 0.1, ids},
			{4000, -20, 0.5, ids},     // the inhibitory port, another delay
			{4000, 7, 0.1, ids},       // …
			{80000, 3, 0.2, ids},      // λ = 8
			{8e6, 0.01, 0.1, ids},     // λ = 800
			{4000, 40, 0.1, ids[:10]}, // Go loop with native on
		}
		for k, g := range gens {
			pg, err := net.CreatePoissonGenerator(g.rate, 0, math.Inf(1))
			if err != nil {
				t.Fatal(err)
			}
			if err := net.Connect(pg.IDs(), g.to, g.w, g.d, ""); err != nil {
				t.Fatal(err)
			}
			if k == 2 { // a second connection to every neuron
				if err := net.Connect(pg.IDs(), g.to, -g.w, g.d, ""); err != nil {
					t.Fatal(err)
				}
			}
		}
		mm, err := net.CreateMultimeter([]string{"V_m", "I_syn_exc", "I_syn_inh"}, 0.1)
		if err != nil {
			t.Fatal(err)
		}
		sr := net.CreateSpikeRecorder()
		if err := net.Connect(mm.IDs(), ids[:50], 1, 0.1, ""); err != nil {
			t.Fatal(err)
		}
		if err := net.Connect(ids, sr.IDs(), 1, 0.1, ""); err != nil {
			t.Fatal(err)
		}
		for k := 0; k < splits; k++ {
			if err := net.Simulate(60/float64(splits), nil); err != nil {
				t.Fatal(err)
			}
		}
		mr, _ := net.Recorder(mm.First)
		rr, _ := net.Recorder(sr.First)
		return trace{times: mr.Times, senders: mr.Senders, values: mr.Values, spikes: [2][]float64{rr.Times, rr.Senders}}
	}
	want := run(false, 1, 1)
	if len(want.spikes[0]) < 200 {
		t.Fatalf("only %d spikes: the input does not drive the neurons", len(want.spikes[0]))
	}
	for _, th := range []int{1, 3} {
		for _, splits := range []int{1, 2} {
			compareTraces(t, "native", want, run(true, th, splits))
		}
	}
	compareTraces(t, "Go engine, 3 threads", want, run(false, 3, 1))
}
