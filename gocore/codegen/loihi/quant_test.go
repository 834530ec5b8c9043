package loihi

import (
	"math"
	"testing"

	"nestml_go/gocore/models"
	"nestml_go/gocore/pipeline"
)

// analyzeLib compiles a library model and analyzes it.
func analyzeLib(t *testing.T, name string, opts Options) (*Neuron, []byte) {
	t.Helper()
	src, ok := models.Source(name)
	if !ok {
		t.Fatalf("no library model %s", name)
	}
	r := pipeline.Compile(name+".nestml", src, pipeline.Options{})
	if r.HasErrors() || len(r.Models) != 1 {
		t.Fatalf("%s: %v", name, r.Diagnostics)
	}
	an, ds := Analyze(r.Models[0], opts, src)
	if ds.HasErrors() || an == nil || an.Neuron == nil {
		t.Fatalf("%s: %v", name, ds)
	}
	return an.Neuron, src
}

func near(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Abs(want)
}

// TestWorkedExample reproduces loihi_target.md §7.2.
func TestWorkedExample(t *testing.T) {
	opts := Options{Resolution: 0.1, Parameters: map[string]float64{"refr_T": 0, "I_e": 450}}
	n, src := analyzeLib(t, "iaf_psc_exp_neuron", opts)
	if n.Tier != "A" || n.Kind != "psc_exp" {
		t.Fatalf("tier %s kind %s, want A psc_exp", n.Tier, n.Kind)
	}
	f, rep, ds := Quantize(n, opts)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	if f.DV != 41 || f.DU != 199 {
		t.Errorf("dv, du = %d, %d; want 41, 199", f.DV, f.DU)
	}
	if !near(rep.Decays["dv"].TauEffectiveMS, 9.94016007, 1e-8) || !near(rep.Decays["du"].TauEffectiveMS, 1.99758285, 1e-8) {
		t.Errorf("effective taus %v %v", rep.Decays["dv"].TauEffectiveMS, rep.Decays["du"].TauEffectiveMS)
	}
	for k, want := range map[string]float64{"A1": 559236.27, "A2": 209715.18, "A3": 790404, "A4": 337627} {
		if !near(rep.Ranges.Limits[k], want, 1e-5) {
			t.Errorf("%s = %v, want %v", k, rep.Ranges.Limits[k], want)
		}
	}
	if f.VthMant != 49151 || !near(f.A, 209710.93333333332, 1e-12) {
		t.Errorf("vth_mant %d A %v", f.VthMant, f.A)
	}
	if f.BiasMant != 2347 || f.BiasExp != 4 || !near(rep.Bias.ExactLSB, 37559.8557, 1e-8) {
		t.Errorf("bias %d·2^%d (exact %v)", f.BiasMant, f.BiasExp, rep.Bias.ExactLSB)
	}
	if j := 100 * f.JScale[0]; !near(j, 8141.06, 1e-6) {
		t.Errorf("J(100 pA) = %v", j)
	}
	// simulated: 111 float, 109 fixed, 109 float with quantized decays
	s := &Stimulus{Steps: 20000, N: 1, Spikes: [][]int{}, Weights: []float64{}}
	ref, err := RunReference(n, s)
	if err != nil {
		t.Fatal(err)
	}
	fx, err := RunFixed(n, f, s)
	if err != nil {
		t.Fatal(err)
	}
	qd, _ := RunFloat(n, s, quantizedDiag(n, f))
	fl, _ := RunFloat(n, s, nil)
	t.Logf("spikes: ref %d float %d fixed %d quantized-decay %d", ref.SpikeCount(), fl.SpikeCount(), fx.SpikeCount(), qd.SpikeCount())
	if ref.SpikeCount() != 111 || fx.SpikeCount() != 109 || qd.SpikeCount() != 109 || fl.SpikeCount() != 111 {
		t.Errorf("spike counts ref %d fixed %d qd %d float %d; want 111 109 109 111", ref.SpikeCount(), fx.SpikeCount(), qd.SpikeCount(), fl.SpikeCount())
	}
	_ = src
}

func mustLib(t *testing.T, name string) []byte {
	t.Helper()
	src, ok := models.Source(name)
	if !ok {
		t.Fatalf("no library model %s", name)
	}
	return src
}
