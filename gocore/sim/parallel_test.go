package sim_test

import (
	"math"
	"testing"

	"nestml_go/gocore/sim"
)

// poissonNet is a recurrent network driven by a poisson_generator, whose
// trains the reference engine does not share (each connection has its own
// stream now): its results must not depend on the thread count nor on how
// the run is split.
func poissonNet(t *testing.T, threads int, chunks []float64) ([]float64, []float64, *sim.Network) {
	m := loadModel(t, "iaf_psc_alpha_neuron")
	net, _ := sim.NewNetwork(0.1)
	net.SetThreads(threads)
	net.SetSeed(77)
	pop, err := net.CreatePopulation(m, 700)
	if err != nil {
		t.Fatal(err)
	}
	pg, _ := net.CreatePoissonGenerator(9000, 0, math.Inf(1))
	if err := net.Connect(pg.IDs(), pop.IDs(), 60, 0.1, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := net.ConnectSpec(pop.IDs(), pop.IDs(), sim.ConnSpec{Rule: "fixed_indegree", Indegree: 50},
		sim.Value{Distribution: "normal", Mean: -30, Std: 10}, sim.Value{Distribution: "uniform", Min: 0.5, Max: 3}, ""); err != nil {
		t.Fatal(err)
	}
	sr := net.CreateSpikeRecorder()
	net.Connect(pop.IDs(), sr.IDs(), 1, 0.1, "")
	for _, c := range chunks {
		if err := net.Simulate(c, nil); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := net.Recorder(sr.First)
	return r.Times, r.Senders, net
}

func TestThreadsAndSplitsGiveIdenticalSpikes(t *testing.T) {
	wt, ws, net := poissonNet(t, 1, []float64{200})
	if len(wt) < 500 {
		t.Fatalf("only %d spikes", len(wt))
	}
	n, bytes := net.SynapseMemory()
	if n != 700*50 {
		t.Errorf("%d synapses, want %d", n, 700*50)
	}
	if per := float64(bytes) / float64(n); per > 16.5 {
		t.Errorf("%.2f bytes per static synapse, want ≤ 16 (+ row offsets)", per)
	}
	for _, c := range []struct {
		threads int
		chunks  []float64
	}{{2, []float64{200}}, {3, []float64{50, 50, 100}}, {8, []float64{0.1, 99.9, 100}}} {
		gt, gs, _ := poissonNet(t, c.threads, c.chunks)
		if i, ok := sameBits(wt, gt); !ok {
			t.Errorf("threads=%d chunks=%v: spike times differ at %d (%d vs %d spikes)", c.threads, c.chunks, i, len(wt), len(gt))
		}
		if i, ok := sameBits(ws, gs); !ok {
			t.Errorf("threads=%d chunks=%v: senders differ at %d", c.threads, c.chunks, i)
		}
	}
}

// TestPoissonCounts checks the per-step counts of a poisson_generator
// against the Poisson distribution (mean and variance λ).
func TestPoissonCounts(t *testing.T) {
	m := loadModel(t, "iaf_psc_delta_neuron")
	for _, rate := range []float64{50, 4000, 90000, 1.2e7} {
		net, _ := sim.NewNetwork(0.1)
		pop, _ := net.CreatePopulation(m, 200)
		for _, id := range pop.IDs() {
			net.SetNodeValue(id, "V_th", 1e12) // never fires
		}
		pg, _ := net.CreatePoissonGenerator(rate, 0, math.Inf(1))
		net.Connect(pg.IDs(), pop.IDs(), 1, 0.1, "")
		mm, _ := net.CreateMultimeter([]string{"V_m"}, 0.1)
		net.Connect(mm.IDs(), pop.IDs(), 1, 0.1, "")
		if err := net.Simulate(100, nil); err != nil {
			t.Fatal(err)
		}
		r, _ := net.Recorder(mm.First)
		// iaf_psc_delta's V_m jumps by the summed weight (here the count)
		// of each step on top of the exact leak: recover the counts from
		// consecutive samples of each neuron (samples are ordered by time,
		// then neuron)
		v := r.Values["V_m"]
		var sum, sum2, cnt float64
		for k := 200; k < len(v); k++ {
			prev := v[k-200]
			d := v[k] - prev*math.Exp(-0.1/10) - (-70)*(1-math.Exp(-0.1/10))
			k := math.Round(d)
			sum += k
			sum2 += k * k
			cnt++
		}
		lambda := rate * 1e-4
		mean := sum / cnt
		vr := sum2/cnt - mean*mean
		tol := 5 * math.Sqrt(lambda/cnt)
		if math.Abs(mean-lambda) > tol+1e-9 {
			t.Errorf("rate %v: mean count %v, want %v ± %v", rate, mean, lambda, tol)
		}
		if lambda > 0.1 && math.Abs(vr/lambda-1) > 0.1 {
			t.Errorf("rate %v: variance/mean %v, want 1", rate, vr/lambda)
		}
	}
}
