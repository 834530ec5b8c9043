package loihi

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"nestml_go/gocore/diag"
	"nestml_go/gocore/pipeline"
)

const corpus = "../../../../shared/corpus/nestml-upstream/models"

// analyzeFile compiles one corpus file and analyzes its model.
func analyzeFile(t *testing.T, path string, opts Options) (*Analysis, diag.List) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	r := pipeline.Compile(path, src, pipeline.Options{})
	if r.HasErrors() || len(r.Models) != 1 {
		t.Fatalf("%s: %v", path, r.Diagnostics.Errors())
	}
	return Analyze(r.Models[0], opts, src)
}

func errorCodes(ds diag.List) string {
	var c []string
	for _, d := range ds.Errors() {
		c = append(c, string(d.Code))
	}
	sort.Strings(c)
	return strings.Join(c, " ")
}

// TestRejectionTable is loihi_target.md §10 G5 plus the tiers of §6.1 over
// upstream's model library: every model is accepted in its tier or
// rejected with the codes that name why.
func TestRejectionTable(t *testing.T) {
	want := map[string]string{
		"neurons/aeif_cond_exp_neuron":        "LOIHI_E_CONDUCTANCE LOIHI_E_NONLINEAR",
		"neurons/aeif_cond_alpha_neuron":      "LOIHI_E_CONDUCTANCE LOIHI_E_NONLINEAR",
		"neurons/aeif_psc_exp_neuron":         "LOIHI_E_NONLINEAR",
		"neurons/hh_psc_alpha_neuron":         "LOIHI_E_NONLINEAR",
		"neurons/iaf_cond_exp_neuron":         "LOIHI_E_CONDUCTANCE",
		"neurons/iaf_cond_alpha_neuron":       "LOIHI_E_CONDUCTANCE",
		"neurons/iaf_cond_beta_neuron":        "LOIHI_E_CONDUCTANCE",
		"neurons/izhikevich_neuron":           "LOIHI_E_NONLINEAR",
		"neurons/hh_cond_exp_destexhe_neuron": "LOIHI_E_CONDUCTANCE LOIHI_E_NONLINEAR LOIHI_E_STOCHASTIC",
		"synapses/stdp_synapse":               "LOIHI_E_PLASTIC_SYNAPSE",
		"synapses/tsodyks_synapse":            "LOIHI_E_PLASTIC_SYNAPSE",
		"synapses/noisy_synapse":              "LOIHI_E_STOCHASTIC",
		"synapses/static_synapse":             "connection",
		"neurons/iaf_psc_exp_neuron":          "B",
		"neurons/iaf_psc_alpha_neuron":        "B",
		"neurons/iaf_psc_delta_neuron":        "B",
		"neurons/mat2_psc_exp_neuron":         "LOIHI_E_UNSUPPORTED",
		"neurons/ignore_and_fire_neuron":      "LOIHI_E_UNSUPPORTED",
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			an, ds := analyzeFile(t, filepath.Join(corpus, name+".nestml"), Options{})
			got := errorCodes(ds)
			switch {
			case an != nil && an.Connection:
				got = "connection"
			case an != nil && an.Neuron != nil:
				got = an.Neuron.Tier
			}
			if got != w {
				t.Errorf("got %q, want %q; diagnostics:\n%v", got, w, ds)
			}
			for _, d := range ds.Errors() {
				if d.Range.Start.Line == 0 || !strings.Contains(d.Message, "cannot map") {
					t.Errorf("diagnostic without position or reason: %v", d)
				}
			}
		})
	}
}

// TestTierA: the library models with refr_T = 0 (and equal time
// constants) are tier A; unequal time constants make iaf_psc_exp tier B,
// and asking for tier A is then an error.
func TestTierA(t *testing.T) {
	zero := map[string]float64{"refr_T": 0}
	for _, m := range []string{"iaf_psc_exp_neuron", "iaf_psc_delta_neuron"} {
		n, _ := analyzeLib(t, m, Options{Parameters: zero})
		if n.Tier != "A" {
			t.Errorf("%s: tier %s", m, n.Tier)
		}
	}
	n, _ := analyzeLib(t, "iaf_psc_exp_neuron", Options{Parameters: map[string]float64{"refr_T": 0, "tau_syn_inh": 5}})
	if n.Tier != "B" {
		t.Errorf("unequal tau_syn: tier %s", n.Tier)
	}
	if _, err := ExportNIR(n, Options{}); !err.HasErrors() || err[0].Code != ENIR {
		t.Errorf("NIR of tier B: %v", err)
	}
	src := mustLib(t, "iaf_psc_exp_neuron")
	r := pipeline.Compile("iaf_psc_exp_neuron.nestml", src, pipeline.Options{})
	_, ds := Analyze(r.Models[0], Options{Tier: "A", Parameters: map[string]float64{"refr_T": 2}}, src)
	if errorCodes(ds) != "LOIHI_E_TIER" {
		t.Errorf("tier A with refractoriness: %v", ds)
	}
	_, ds = Analyze(r.Models[0], Options{ContinuousPorts: "error"}, src)
	if errorCodes(ds) != "LOIHI_E_PORT" {
		t.Errorf("continuous_ports=error: %v", ds)
	}
	_, ds = Analyze(r.Models[0], Options{Parameters: map[string]float64{"tau_m": 1000}}, src)
	if ds.HasErrors() {
		t.Fatal(ds)
	}
	an, _ := Analyze(r.Models[0], Options{Parameters: map[string]float64{"tau_m": 1000}}, src)
	if _, _, qds := Quantize(an.Neuron, Options{}); errorCodes(qds) != "LOIHI_E_DECAY_UNDERFLOW" {
		t.Errorf("tau_m = 1000 ms: %v", qds)
	}
}

// TestVectorRejected: vector state and vector ports have no Loihi form.
func TestVectorRejected(t *testing.T) {
	src := []byte(`model vec_neuron:
    state:
        V_m[3] mV = -70 mV
    parameters:
        tau_m ms = 10 ms
    input:
        spikes[3] <- spike
    output:
        spike
    update:
        i integer = 0
        for i in 0 ... 3 step 1:
            V_m[i] = V_m[i] * exp(-resolution() / tau_m)
`)
	r := pipeline.Compile("vec.nestml", src, pipeline.Options{})
	if r.HasErrors() || len(r.Models) != 1 {
		t.Fatalf("%v", r.Diagnostics.Errors())
	}
	_, ds := Analyze(r.Models[0], Options{}, src)
	n := 0
	for _, d := range ds.Errors() {
		if d.Code == EVector {
			n++
			if d.Range.Start.Line == 0 || !strings.Contains(d.Message, "vector of 3 elements") {
				t.Errorf("diagnostic without position or reason: %v", d)
			}
		}
	}
	if n != 2 {
		t.Fatalf("want LOIHI_E_VECTOR for V_m and spikes, got:\n%v", ds)
	}
}
