package sim_test

import (
	"math"
	"strings"
	"testing"

	"nestml_go/gocore/sim"
)

// probeSrc records the continuous input of the previous step: I at the
// sample stamped (s+1)·h is the current that acted during step s.
const probeSrc = `
model current_probe:
    state:
        I pA = 0 pA
    input:
        I_stim pA <- continuous
    update:
        I = I_stim
`

// probe runs one current_probe driven by the generator made by mk through
// a connection of delay h, for steps steps, and returns the recorded I.
func probe(t *testing.T, steps int, mk func(n *sim.Network) (sim.NodeRange, error)) []float64 {
	t.Helper()
	m := compileModel(t, "probe.nestml", []byte(probeSrc))
	net, err := sim.NewNetwork(0.1)
	if err != nil {
		t.Fatal(err)
	}
	pop, err := net.CreatePopulation(m, 1)
	if err != nil {
		t.Fatal(err)
	}
	g, err := mk(net)
	if err != nil {
		t.Fatal(err)
	}
	mm, err := net.CreateMultimeter([]string{"I"}, 0.1)
	if err != nil {
		t.Fatal(err)
	}
	if err := net.Connect(g.IDs(), pop.IDs(), 1, 0.1, ""); err != nil {
		t.Fatal(err)
	}
	if err := net.Connect(mm.IDs(), pop.IDs(), 1, 0.1, ""); err != nil {
		t.Fatal(err)
	}
	if err := net.Simulate(float64(steps)*0.1, nil); err != nil {
		t.Fatal(err)
	}
	r, _ := net.Recorder(mm.First)
	return r.Values["I"]
}

// With NEST's timing, the amplitude of change time t_k is set in the step
// ending at t_k; sent in step s with a delay of one step it acts during
// step s+2, recorded at (s+3)·h = t_k + 2h. The generator sends in the
// steps s with start ≤ (s+1)·h < stop.
func TestStepCurrentGeneratorTiming(t *testing.T) {
	I := probe(t, 20, func(n *sim.Network) (sim.NodeRange, error) {
		return n.CreateStepCurrentGenerator([]float64{0.5, 1.0}, []float64{10, 20}, false, 0.8, 1.5)
	})
	// sample k is stamped (k+1)·h: active steps 7..13 are recorded at
	// samples 9..15; the change at 1.0 ms (step 9) at sample 11
	want := make([]float64, 20)
	for k := 9; k <= 15; k++ {
		want[k] = 20
		if k < 11 {
			want[k] = 10
		}
	}
	for k := range want {
		if I[k] != want[k] {
			t.Fatalf("sample %d (t = %.1f ms): I = %v, want %v (all: %v)", k, float64(k+1)*0.1, I[k], want[k], I)
		}
	}
}

func TestStepCurrentGeneratorOffgrid(t *testing.T) {
	// 0.43 ms is rounded up to 0.5 ms
	I := probe(t, 10, func(n *sim.Network) (sim.NodeRange, error) {
		return n.CreateStepCurrentGenerator([]float64{0.43}, []float64{7}, true, 0, math.Inf(1))
	})
	for k, v := range I {
		want := 0.0
		if k >= 6 {
			want = 7
		}
		if v != want {
			t.Fatalf("sample %d: I = %v, want %v", k, v, want)
		}
	}
	net, _ := sim.NewNetwork(0.1)
	if _, err := net.CreateStepCurrentGenerator([]float64{0.43}, []float64{7}, false, 0, math.Inf(1)); err == nil || !strings.Contains(err.Error(), "allow_offgrid_times") {
		t.Fatalf("off-grid time without allow_offgrid_times: err = %v", err)
	}
}

// The ac_generator's exact rotation follows offset + A·sin(ω·t + φ) with
// t = (s+1)·h in step s, to rounding.
func TestACGeneratorFollowsSine(t *testing.T) {
	const amp, off, ph, f = 100.0, 5.0, 30.0, 50.0
	I := probe(t, 2000, func(n *sim.Network) (sim.NodeRange, error) {
		return n.CreateACGenerator(amp, off, ph, f, 0, math.Inf(1))
	})
	for k := 2; k < len(I); k++ {
		s := float64(k - 2) // the step whose current is recorded at sample k
		tt := (s + 1) * 0.1
		want := off + amp*math.Sin(2*math.Pi*f/1000*tt+ph*math.Pi/180)
		if math.Abs(I[k]-want) > 1e-10 {
			t.Fatalf("sample %d: I = %v, want %v", k, I[k], want)
		}
	}
}

const guardedSrc = `
model guarded:
    parameters:
        tau s = 0.01 s [[tau > 0 s]]
        k integer = 3
        E mV = -70 mV

    state:
        V mV = E

    update:
        V = V
`

func TestSetValuesUnitsGuardsAllOrNothing(t *testing.T) {
	m := compileModel(t, "guarded.nestml", []byte(guardedSrc))
	net, _ := sim.NewNetwork(0.1)
	r, err := net.CreatePopulation(m, 3)
	if err != nil {
		t.Fatal(err)
	}
	ids := r.IDs()
	get := func(name string) []float64 {
		v, err := net.GetValues(ids, name)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// declared unit s (internally ms)
	if v := get("tau"); v[0] != 0.01 {
		t.Fatalf("tau = %v s, want 0.01", v)
	}
	vi, err := net.VarOf(ids[0], "tau")
	if err != nil || vi.Unit != "s" || !vi.IsParam {
		t.Fatalf("VarOf(tau) = %+v, %v", vi, err)
	}
	if err := net.SetValues(ids, map[string][]float64{"tau": {0.02, 0.03, 0.04}, "V": {-60}}); err != nil {
		t.Fatal(err)
	}
	if v := get("tau"); v[0] != 0.02 || v[2] != 0.04 {
		t.Fatalf("tau = %v", v)
	}
	// a violated invariant on one neuron changes nothing anywhere
	err = net.SetValues(ids, map[string][]float64{"tau": {0.05, -1, 0.05}, "V": {-50}})
	if err == nil || !strings.Contains(err.Error(), "tau > 0") || !strings.Contains(err.Error(), "node 2") {
		t.Fatalf("err = %v", err)
	}
	if v := get("tau"); v[0] != 0.02 || v[1] != 0.03 {
		t.Fatalf("tau changed by a failed set: %v", v)
	}
	if v := get("V"); v[0] != -60 {
		t.Fatalf("V changed by a failed set: %v", v)
	}
	for _, bad := range []map[string][]float64{
		{"k": {2.5}},
		{"V": {math.NaN()}},
		{"V": {1, 2}},
		{"taux": {1}},
	} {
		if err := net.SetValues(ids, bad); err == nil {
			t.Errorf("SetValues(%v) succeeded", bad)
		}
	}
	if _, err := net.GetValues(ids, "tua"); err == nil || !strings.Contains(err.Error(), `did you mean "tau"`) {
		t.Fatalf("unknown name: err = %v", err)
	}
}

// noise_generator currents do not depend on the thread count or on how a
// run is split, and differ between targets.
func TestNoiseGeneratorThreadsAndSplits(t *testing.T) {
	m := compileModel(t, "probe.nestml", []byte(probeSrc))
	run := func(threads int, chunks []float64) []float64 {
		net, _ := sim.NewNetwork(0.1)
		net.SetThreads(threads)
		net.SetSeed(42)
		pop, err := net.CreatePopulation(m, 700)
		if err != nil {
			t.Fatal(err)
		}
		g, err := net.CreateNoiseGenerator(sim.NoiseSpec{Mean: 10, Std: 5, StdMod: 3, Frequency: 40, Dt: 0.3, Stop: math.Inf(1)})
		if err != nil {
			t.Fatal(err)
		}
		mm, _ := net.CreateMultimeter([]string{"I"}, 0.1)
		if err := net.Connect(g.IDs(), pop.IDs(), 1, 0.2, ""); err != nil {
			t.Fatal(err)
		}
		if err := net.Connect(mm.IDs(), pop.IDs(), 1, 0.1, ""); err != nil {
			t.Fatal(err)
		}
		for _, c := range chunks {
			if err := net.Simulate(c, nil); err != nil {
				t.Fatal(err)
			}
		}
		r, _ := net.Recorder(mm.First)
		return r.Values["I"]
	}
	ref := run(1, []float64{6})
	for _, got := range [][]float64{run(3, []float64{6}), run(2, []float64{1, 2.5, 2.5})} {
		if len(got) != len(ref) {
			t.Fatalf("%d samples, want %d", len(got), len(ref))
		}
		for k := range ref {
			if got[k] != ref[k] {
				t.Fatalf("sample %d: %v, want %v", k, got[k], ref[k])
			}
		}
	}
	// the last sample: 700 targets, all different
	last := ref[len(ref)-700:]
	seen := map[float64]bool{}
	for _, v := range last {
		seen[v] = true
	}
	if len(seen) < 690 {
		t.Fatalf("only %d distinct currents among 700 targets: %v", len(seen), last[:5])
	}
}
