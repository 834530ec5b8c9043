package nest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
)

// TestCogenContinuousBuffering: the two continuous_state_buffering_method
// values for stdsp_synapse's dAP_trace bound to iaf_psc_exp_neuron's
// I_syn_exc. continuous_time_buffer (the default) makes the neuron write
// the variable at the end of every step and the synapse read the buffer at
// the post spike's arrival (__t = t_post + d) and move its hold at each pre
// spike; post_spike_based reads the value stored in the spike's entry. The
// option per pair overrides the global one; unknown values are errors.
func TestCogenContinuousBuffering(t *testing.T) {
	n := compileCorpus(t, neuCorpus, "iaf_psc_exp_neuron")
	s := compileCorpus(t, synCorpus, "stdsp_synapse")
	base := Options{WeightVariable: map[string]string{"stdsp_synapse": "w"},
		PostPorts: map[string][]string{"stdsp_synapse": {"post_spikes"}},
		ContBind:  map[string]map[string]string{"stdsp_synapse": {"dAP_trace": "I_syn_exc"}},
		Pairs:     []Pair{{Neuron: "iaf_psc_exp_neuron", Synapse: "stdsp_synapse"}}}
	const (
		nh  = "iaf_psc_exp_neuron__with_stdsp_synapse.h"
		ncc = "iaf_psc_exp_neuron__with_stdsp_synapse.cpp"
		sh  = "stdsp_synapse__with_iaf_psc_exp_neuron.h"
	)
	ctbNeuron := []string{
		"buffer__stdsp_synapse_.push_back( std::array< double, 1 > { { S_.ode_state[ State_::I_syn_exc ] } } );",
		"buffer_hold__stdsp_synapse_( Time( Time::ms( t_first_read + delay ) ).get_steps(), 1 );",
	}
	ctbUpdate := "write_buffer__stdsp_synapse_( origin.get_steps() + lag + 1 );"
	ctbSyn := []string{
		"->get_buffered__stdsp_synapse( __t, __cv );",
		"[[maybe_unused]] double dAP_trace = __cv[ 0 ];",
		"->move_buffer_hold__stdsp_synapse( t_lastspike_, __t_spike );",
	}
	psbSyn := "[[maybe_unused]] double dAP_trace = __entry.cont_[ 0 ];"
	for _, tc := range []struct {
		name       string
		global, pr string
		ctb        bool
	}{
		{"default", "", "", true},
		{"global ctb", BufferContinuousTime, "", true},
		{"global psb", BufferPostSpike, "", false},
		{"pair psb", BufferContinuousTime, BufferPostSpike, false},
		{"pair ctb", BufferPostSpike, BufferContinuousTime, true},
	} {
		o := base
		o.ContinuousBuffering = tc.global
		o.Pairs = []Pair{{Neuron: "iaf_psc_exp_neuron", Synapse: "stdsp_synapse", ContinuousBuffering: tc.pr}}
		files, err := Generate([]*ir.Model{n, s}, o)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		neuron, update, syn := string(files[nh]), string(files[ncc]), string(files[sh])
		for _, want := range ctbNeuron {
			if strings.Contains(neuron, want) != tc.ctb {
				t.Errorf("%s: neuron header contains %q: %v, want %v", tc.name, want, !tc.ctb, tc.ctb)
			}
		}
		if strings.Contains(update, ctbUpdate) != tc.ctb {
			t.Errorf("%s: update writes the buffer: %v, want %v", tc.name, !tc.ctb, tc.ctb)
		}
		for _, want := range ctbSyn {
			if strings.Contains(syn, want) != tc.ctb {
				t.Errorf("%s: synapse contains %q: %v, want %v", tc.name, want, !tc.ctb, tc.ctb)
			}
		}
		if strings.Contains(syn, psbSyn) == tc.ctb {
			t.Errorf("%s: synapse reads the spike entry: %v, want %v", tc.name, tc.ctb, !tc.ctb)
		}
		// the buffer is written after the onCondition handlers (the end of the step)
		if tc.ctb && strings.Index(update, ctbUpdate) < strings.Index(update, "// 8. onCondition handlers") {
			t.Errorf("%s: the buffer is written before the end of the step", tc.name)
		}
	}
	for _, o := range []Options{
		func() Options { o := base; o.ContinuousBuffering = "sometimes"; return o }(),
		func() Options {
			o := base
			o.Pairs = []Pair{{Neuron: "iaf_psc_exp_neuron", Synapse: "stdsp_synapse", ContinuousBuffering: "never"}}
			return o
		}(),
	} {
		if _, err := Generate([]*ir.Model{n, s}, o); err == nil || !strings.Contains(err.Error(), "unknown continuous_state_buffering_method") {
			t.Errorf("error %v, want unknown continuous_state_buffering_method", err)
		}
	}
}

// vtThirdSynapse has a volume-transmitter port and a continuous port.
const vtThirdSynapse = `model vt_third_synapse:
    state:
        w real = 1
    input:
        pre_spikes <- spike
        post_spikes <- spike
        mod_spikes <- spike
        x pA <- continuous
    output:
        spike
    onReceive(post_spikes):
        w += x / pA
    onReceive(mod_spikes):
        w += 1
    onReceive(pre_spikes):
        emit_spike(w)
`

// TestCogenContinuousBufferingVT: the continuous-time buffer is refused
// (with a hint) for a synapse with vt_ports; post_spike_based generates.
func TestCogenContinuousBufferingVT(t *testing.T) {
	n := compileCorpus(t, neuCorpus, "iaf_psc_exp_neuron")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "vt_third_synapse.nestml"), []byte(vtThirdSynapse), 0o644); err != nil {
		t.Fatal(err)
	}
	s := compileCorpus(t, dir, "vt_third_synapse")
	o := Options{WeightVariable: map[string]string{"vt_third_synapse": "w"},
		PostPorts: map[string][]string{"vt_third_synapse": {"post_spikes"}},
		VtPorts:   map[string][]string{"vt_third_synapse": {"mod_spikes"}},
		ContBind:  map[string]map[string]string{"vt_third_synapse": {"x": "I_syn_exc"}},
		Pairs:     []Pair{{Neuron: "iaf_psc_exp_neuron", Synapse: "vt_third_synapse"}}}
	if _, err := Generate([]*ir.Model{n, s}, o); err == nil || !strings.Contains(err.Error(), `need continuous_state_buffering_method "post_spike_based"`) {
		t.Errorf("continuous_time_buffer with vt_ports: error %v", err)
	}
	o.ContinuousBuffering = BufferPostSpike
	if _, err := Generate([]*ir.Model{n, s}, o); err != nil {
		t.Errorf("post_spike_based with vt_ports: %v", err)
	}
}
