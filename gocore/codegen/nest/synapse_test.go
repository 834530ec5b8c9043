package nest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nestml_go/gocore/diag"
	"nestml_go/gocore/ir"
	"nestml_go/gocore/pipeline"
)

const synCorpus = "../../../../shared/corpus/nestml-upstream/models/synapses"

func compileCorpus(t *testing.T, dir, name string) *ir.Model {
	t.Helper()
	p := filepath.Join(dir, name+".nestml")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	r := pipeline.CompileFile(p, pipeline.Options{})
	if r.HasErrors() || len(r.Models) != 1 {
		t.Fatalf("%s: %v", name, r.Diagnostics)
	}
	return r.Models[0]
}

// TestSynapseGenerate generates stdp_synapse and checks the parts of the
// class that NEST needs.
func TestSynapseGenerate(t *testing.T) {
	m := compileCorpus(t, synCorpus, "stdp_synapse")
	files, err := Generate([]*ir.Model{m}, Options{Suffix: "_nestml", WeightVariable: map[string]string{"stdp_synapse": "w"}})
	if err != nil {
		t.Fatal(err)
	}
	h := string(files["stdp_synapse_nestml.h"])
	if os.Getenv("SHOW") != "" {
		t.Log(h)
	}
	for _, want := range []string{
		"class stdp_synapse_nestml : public Connection< targetidentifierT >",
		"t.register_stdp_connection( t_lastspike_ - get_delay(), get_delay() );",
		"__target->get_history( t_lastspike_ - __dendritic_delay, __t_spike - __dendritic_delay, &__start, &__finish );",
		"e.set_weight( S_.w );",
		"S_.w = w;",
		"register_connection_model< stdp_synapse_nestml >( name );",
		"nestml_go::propagator(",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("generated header lacks %q", want)
		}
	}
	if _, ok := files["stdp_synapse_nestml.cpp"]; ok {
		t.Errorf("a synapse is header-only")
	}
	if !strings.Contains(string(files["nestmlmodule.cpp"]), `nest::register_stdp_synapse_nestml( "stdp_synapse_nestml" );`) {
		t.Errorf("module does not register the synapse")
	}
}

// TestSynapseWeightVariable: a synapse without weight_variable (or with an
// unknown one) is a pre-flight error with its diagnostic code.
func TestSynapseWeightVariable(t *testing.T) {
	m := compileCorpus(t, synCorpus, "static_synapse")
	for _, tc := range []struct {
		wv   map[string]string
		code diag.Code
	}{
		{nil, diag.WeightVariableNotSpecified},
		{map[string]string{"static_synapse": "nope"}, diag.WeightVariableNotFound},
	} {
		_, err := Generate([]*ir.Model{m}, Options{WeightVariable: tc.wv})
		var pe *PreflightError
		if !errors.As(err, &pe) || pe.Code != tc.code || pe.Model != "static_synapse" {
			t.Errorf("weight_variable %v: got %v, want %s", tc.wv, err, tc.code)
		}
	}
}

// TestSynapsePairNames: co-generation adds the two renamed classes.
func TestSynapsePairNames(t *testing.T) {
	s := compileCorpus(t, synCorpus, "stdp_synapse")
	n := compileCorpus(t, "../../../../shared/corpus/nestml-upstream/models/neurons", "iaf_psc_exp_neuron")
	files, err := Generate([]*ir.Model{n, s}, Options{Suffix: "_nestml", WeightVariable: map[string]string{"stdp_synapse": "w"},
		Pairs: []Pair{{Neuron: "iaf_psc_exp_neuron", Synapse: "stdp_synapse"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"iaf_psc_exp_neuron_nestml.h", "stdp_synapse_nestml.h",
		"iaf_psc_exp_neuron_nestml__with_stdp_synapse_nestml.cpp", "stdp_synapse_nestml__with_iaf_psc_exp_neuron_nestml.h"} {
		if _, ok := files[f]; !ok {
			t.Errorf("missing %s", f)
		}
	}
	_, err = Generate([]*ir.Model{n, s}, Options{WeightVariable: map[string]string{"stdp_synapse": "w"},
		Pairs: []Pair{{Neuron: "stdp_synapse", Synapse: "iaf_psc_exp_neuron"}}})
	if err == nil {
		t.Errorf("a pair with neuron and synapse swapped is accepted")
	}
}

// TestSynapseVolumeTransmitter generates neuromodulated_stdp_synapse with
// its vt port: the neuromodulator handler runs from the transmitter's spike
// list (not as a second pre-synaptic port), the common properties hold the
// transmitter, and wrong vt_ports are errors.
func TestSynapseVolumeTransmitter(t *testing.T) {
	m := compileCorpus(t, synCorpus, "neuromodulated_stdp_synapse")
	wv := map[string]string{"neuromodulated_stdp_synapse": "w"}
	if _, err := Generate([]*ir.Model{m}, Options{WeightVariable: wv}); err == nil ||
		!strings.Contains(err.Error(), "vt_ports") || !strings.Contains(err.Error(), "mod_spikes") {
		t.Fatalf("without vt_ports: want an error naming vt_ports and mod_spikes, got %v", err)
	}
	files, err := Generate([]*ir.Model{m}, Options{WeightVariable: wv,
		VtPorts: map[string][]string{"neuromodulated_stdp_synapse": {"mod_spikes"}}})
	if err != nil {
		t.Fatal(err)
	}
	h := string(files["neuromodulated_stdp_synapse.h"])
	for _, want := range []string{
		`#include "volume_transmitter.h"`,
		"volume_transmitter* volume_transmitter_ = nullptr;",
		"get_vt_node_id() const",
		"void trigger_update_weight( size_t tid,",
		"cp.volume_transmitter_->deliver_spikes();",
		"S_.n += ( 1.0 / P_.tau_n );", // the mod_spikes handler
		"No volume transmitter has been assigned",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("generated header lacks %q", want)
		}
	}
	// the mod handler is printed once (in process_vt_spikes_), not in send()
	if n := strings.Count(h, "S_.n += ( 1.0 / P_.tau_n )"); n != 1 {
		t.Errorf("the mod_spikes handler is printed %d times, want 1", n)
	}
	for _, bad := range []map[string][]string{
		{"neuromodulated_stdp_synapse": {"no_port"}},
		{"neuromodulated_stdp_synapse": {"post_spikes"}},
	} {
		_, err := Generate([]*ir.Model{m}, Options{WeightVariable: wv, VtPorts: bad,
			PostPorts: map[string][]string{"neuromodulated_stdp_synapse": {"post_spikes"}}})
		if err == nil {
			t.Errorf("vt_ports %v: no error", bad)
		}
	}
}
