package sim_test

import (
	"math"
	"testing"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/models"
	"nestml_go/gocore/pipeline"
	"nestml_go/gocore/sim"
)

func iafPscExp(t *testing.T) *ir.Model {
	t.Helper()
	src, _ := models.Source("iaf_psc_exp_neuron")
	r := pipeline.Compile("iaf_psc_exp_neuron.nestml", src, pipeline.Options{})
	if r.HasErrors() || len(r.Models) != 1 {
		t.Fatalf("compile: %v", r.Diagnostics)
	}
	return r.Models[0]
}

// TestDCFiringRate checks the regular firing of an iaf_psc_exp neuron under
// a constant current against the closed-form interspike interval
// tau_m·ln((V∞−V_reset)/(V∞−V_th)) + t_ref, to within one step.
func TestDCFiringRate(t *testing.T) {
	net, _ := sim.NewNetwork(0.1)
	pop, err := net.CreatePopulation(iafPscExp(t), 3)
	if err != nil {
		t.Fatal(err)
	}
	dc, _ := net.CreateDCGenerator(450, 0, math.Inf(1))
	sr := net.CreateSpikeRecorder()
	if err := net.Connect(dc.IDs(), pop.IDs(), 1, 0.1, ""); err != nil {
		t.Fatal(err)
	}
	if err := net.Connect(pop.IDs(), sr.IDs(), 1, 0.1, ""); err != nil {
		t.Fatal(err)
	}
	if err := net.Simulate(500, nil); err != nil {
		t.Fatal(err)
	}
	rec, _ := net.Recorder(sr.First)
	var times []float64
	for k, s := range rec.Senders {
		if int(s) == pop.First {
			times = append(times, rec.Times[k])
		}
	}
	if len(times) != len(rec.Times)/3 {
		t.Fatalf("identical neurons fired differently: %d of %d spikes", len(times), len(rec.Times))
	}
	vinf := -70 + 450*10/250.0
	isi := 10*math.Log((vinf+70)/(vinf+55)) + 2
	for k := 1; k < len(times); k++ {
		if d := times[k] - times[k-1]; math.Abs(d-isi) > 0.1+1e-9 {
			t.Errorf("ISI %d = %v ms, want %v ± one step", k, d, isi)
		}
	}
	if len(times) < 20 {
		t.Errorf("only %d spikes", len(times))
	}
}

// TestSimulateSplit: 100 ms at once equals 10 × 10 ms, bit for bit.
func TestSimulateSplit(t *testing.T) {
	run := func(chunks int) []float64 {
		net, _ := sim.NewNetwork(0.1)
		pop, _ := net.CreatePopulation(iafPscExp(t), 1)
		sg, _ := net.CreateSpikeGenerator([]float64{5, 12.3, 40, 41, 77.7}, []float64{900, -300, 800, 800, 1200})
		mm, _ := net.CreateMultimeter([]string{"V_m", "I_syn_exc"}, 0.1)
		net.Connect(sg.IDs(), pop.IDs(), 1, 1, "")
		net.Connect(mm.IDs(), pop.IDs(), 1, 1, "")
		for i := 0; i < chunks; i++ {
			if err := net.Simulate(100/float64(chunks), nil); err != nil {
				t.Fatal(err)
			}
		}
		r, _ := net.Recorder(mm.First)
		return r.Values["V_m"]
	}
	a, b := run(1), run(10)
	if len(a) != 1000 || len(b) != 1000 {
		t.Fatalf("samples: %d, %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("sample %d: %v != %v", i, a[i], b[i])
		}
	}
}

func TestBadArguments(t *testing.T) {
	if _, err := sim.NewNetwork(0); err == nil {
		t.Error("resolution 0 accepted")
	}
	net, _ := sim.NewNetwork(0.1)
	if _, err := net.CreateSpikeGenerator([]float64{0.15}, nil); err == nil {
		t.Error("off-grid spike time accepted")
	}
	pop, _ := net.CreatePopulation(iafPscExp(t), 1)
	if err := net.Connect(pop.IDs(), []int{99}, 1, 1, ""); err == nil {
		t.Error("connection to a missing node accepted")
	}
	if err := net.Connect(pop.IDs(), pop.IDs(), 1, 0.05, ""); err == nil {
		t.Error("delay below one step accepted")
	}
	if err := net.Simulate(0.05, nil); err == nil {
		t.Error("off-grid simulation time accepted")
	}
}
