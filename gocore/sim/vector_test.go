package sim_test

import (
	"math"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/pipeline"
	"nestml_go/gocore/sim"
)

// vecLeak is three leaky compartments as a vector, each with its own time
// constant, fed element-wise by a vector spike port.
const vecLeak = `model vec_leak:
    parameters:
        n integer = 3
        tau[n] ms = 10 ms
    state:
        x[n] real = 0
    input:
        syn[n] <- spike
    update:
        i integer = 0
        for i in 0 ... n step 1:
            x[i] *= exp(-resolution() / tau[i])
    onReceive(syn):
        k integer = 0
        for k in 0 ... n step 1:
            x[k] += syn[k] * s
`

func compileVec(t *testing.T, src string) *ir.Model {
	t.Helper()
	r := pipeline.Compile("vec.nestml", []byte(src), pipeline.Options{})
	if r.HasErrors() || len(r.Models) != 1 {
		t.Fatalf("compile: %v", r.Diagnostics)
	}
	return r.Models[0]
}

// TestVectorLeak checks a vector model against the closed form
// x_k(t) = x_k(0)·exp(−t/τ_k) + w·exp(−(t−t_a)/τ_k)·[k = 1, t ≥ t_a]: the
// run-time indexed loop reads each element's own τ, and a spike sent to
// element 1 of the vector port reaches element 1 only.
func TestVectorLeak(t *testing.T) {
	m := compileVec(t, vecLeak)
	net, _ := sim.NewNetwork(0.1)
	pop, err := net.CreatePopulation(m, 2)
	if err != nil {
		t.Fatal(err)
	}
	taus := []float64{5, 10, 20}
	for _, id := range pop.IDs() {
		for k, tau := range taus {
			if err := net.SetNodeValue(id, "tau["+itoa(k)+"]", tau); err != nil {
				t.Fatal(err)
			}
			if err := net.SetNodeValue(id, "x["+itoa(k)+"]", float64(k+1)); err != nil {
				t.Fatal(err)
			}
		}
	}
	sg, _ := net.CreateSpikeGenerator([]float64{5}, []float64{2.5})
	if err := net.Connect(sg.IDs(), pop.IDs()[1:], 1, 1, "syn[1]"); err != nil {
		t.Fatal(err)
	}
	mm, _ := net.CreateMultimeter([]string{"x[0]", "x[1]", "x[2]"}, 0.1)
	if err := net.Connect(mm.IDs(), pop.IDs(), 1, 1, ""); err != nil {
		t.Fatal(err)
	}
	if err := net.Simulate(30, nil); err != nil {
		t.Fatal(err)
	}
	rec, _ := net.Recorder(mm.First)
	if len(rec.Times) != 2*299 && len(rec.Times) != 2*300 {
		t.Fatalf("%d samples", len(rec.Times))
	}
	arrival := math.NaN()
	for s, tt := range rec.Times {
		second := int(rec.Senders[s]) == pop.First+1
		for k, tau := range taus {
			got := rec.Values["x["+itoa(k)+"]"][s]
			want := float64(k+1) * math.Exp(-tt/tau)
			if second && k == 1 && math.IsNaN(arrival) && math.Abs(got-want) > 1e-9 {
				arrival = tt // the first sample after the jump
			}
			if second && k == 1 && !math.IsNaN(arrival) {
				want += 2.5 * math.Exp(-(tt-arrival)/tau)
			}
			if math.Abs(got-want) > 1e-12*math.Max(1, math.Abs(want)) {
				t.Fatalf("t = %v, neuron %v, x[%d] = %.17g, want %.17g", tt, rec.Senders[s], k, got, want)
			}
		}
	}
	// sent at 5 ms with a delay of 1 ms: the spike is in the state at the
	// end of the step ending at 6 ms
	if math.Abs(arrival-6) > 1e-9 {
		t.Errorf("the spike reached x[1] at %v ms, want 6 ms", arrival)
	}
}

// TestVectorErrors checks the run-time errors of vector models: an index
// out of range, and a change of a parameter that gave a vector's size.
func TestVectorErrors(t *testing.T) {
	m := compileVec(t, `model vec_bad:
    state:
        x[3] real = 0
        j integer = 0
    update:
        j += 1
        x[j] = 1
`)
	net, _ := sim.NewNetwork(0.1)
	if _, err := net.CreatePopulation(m, 1); err != nil {
		t.Fatal(err)
	}
	err := net.Simulate(1, nil)
	if err == nil || !strings.Contains(err.Error(), "index 3 of vector x is out of range [0, 3)") {
		t.Errorf("out-of-range index: error %v", err)
	}

	net, _ = sim.NewNetwork(0.1)
	pop, err := net.CreatePopulation(compileVec(t, vecLeak), 1)
	if err != nil {
		t.Fatal(err)
	}
	if err := net.CheckVectorSizes(pop.IDs(), "n", []float64{3}); err != nil {
		t.Errorf("unchanged size refused: %v", err)
	}
	if err := net.CheckVectorSizes(pop.IDs(), "n", []float64{4}); err == nil || !strings.Contains(err.Error(), "fixed at 3") {
		t.Errorf("size change: error %v", err)
	}
	net.SetNodeValue(pop.First, "n", 4)
	if err := net.Simulate(1, nil); err == nil || !strings.Contains(err.Error(), "fixed at 3") {
		t.Errorf("simulating after a size change: error %v", err)
	}
}

// TestReceptorPort checks the NEST receptor numbering (nest_target.md §4.4)
// that connect's receptor_type uses: vector port elements from 1, an
// excitatory/inhibitory pair sharing one receptor, single-receptor models
// taking only 0, and NEST's parrot_neuron (0 and 1).
func TestReceptorPort(t *testing.T) {
	net, _ := sim.NewNetwork(0.1)
	vec, _ := net.CreatePopulation(compileVec(t, vecLeak), 1)
	pair, _ := net.CreatePopulation(compileVec(t, `model pair:
    state:
        x real = 0
    input:
        foo[2] <- spike
        bar1[2] <- excitatory spike
        bar2[2] <- inhibitory spike
    update:
        x += 1
`), 1)
	iaf, _ := net.CreatePopulation(iafPscExp(t), 1)
	parrot, _ := net.CreatePopulation(sim.ParrotModel(), 1)
	for _, tc := range []struct {
		id, r int
		port  string // "" with err: an error containing err
		err   string
	}{
		{vec.First, 1, "syn[0]", ""},
		{vec.First, 3, "syn[2]", ""},
		{vec.First, 0, "", "receptor_type 0 does not exist"},
		{vec.First, 4, "", "receptor_type 4 does not exist"},
		{pair.First, 2, "foo[1]", ""},
		{pair.First, 3, "", "shared by the ports bar1[0] and bar2[0]"},
		{pair.First, 5, "", "receptor_type 5 does not exist"},
		{iaf.First, 0, "", ""},
		{iaf.First, 1, "", "single spike receptor"},
		{parrot.First, 1, "no_repeat", ""},
	} {
		got, err := net.ReceptorPort(tc.id, tc.r)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("node %d receptor %d: error %v, want %q", tc.id, tc.r, err, tc.err)
		case tc.err == "" && (err != nil || got != tc.port):
			t.Errorf("node %d receptor %d = %q, %v; want %q", tc.id, tc.r, got, err, tc.port)
		}
	}
}
