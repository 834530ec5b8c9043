package nest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"nestml_go/gocore/ir"
)

const neuCorpus = "../../../../shared/corpus/nestml-upstream/models/neurons"

// cogenFiles co-generates iaf_psc_exp_neuron with each named corpus synapse.
func cogenFiles(t *testing.T, syns []string, opts Options) map[string][]byte {
	t.Helper()
	models := []*ir.Model{compileCorpus(t, neuCorpus, "iaf_psc_exp_neuron")}
	opts.WeightVariable = map[string]string{}
	if opts.PostPorts == nil {
		opts.PostPorts = map[string][]string{}
	}
	for _, s := range syns {
		models = append(models, compileCorpus(t, synCorpus, s))
		opts.WeightVariable[s] = "w"
		opts.PostPorts[s] = []string{"post_spikes"}
		opts.Pairs = append(opts.Pairs, Pair{Neuron: "iaf_psc_exp_neuron", Synapse: s})
	}
	files, err := Generate(models, opts)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestCogenMovesPostTraces checks which variables move into the neuron for
// every STDP synapse of the corpus (the post-synaptic traces, nothing else)
// and that strictly_synaptic_vars keeps them in the synapse.
func TestCogenMovesPostTraces(t *testing.T) {
	moved := map[string][]string{
		"stdp_synapse":                 {"post_trace"},
		"stdp_nn_symm_synapse":         {"post_trace"},
		"stdp_nn_pre_centered_synapse": {"post_trace"},
		"stdp_nn_restr_symm_synapse":   {"post_trace"},
		"stdp_triplet_synapse":         {"tr_o1", "tr_o2"},
		"neuromodulated_stdp_synapse":  {"post_tr"},
	}
	stays := map[string][]string{
		"stdp_synapse":                 {"pre_trace", "w"},
		"stdp_nn_symm_synapse":         {"pre_trace", "w"},
		"stdp_nn_pre_centered_synapse": {"pre_trace", "w"},
		"stdp_nn_restr_symm_synapse":   {"pre_trace", "w", "pre_handled"},
		"stdp_triplet_synapse":         {"tr_r1", "tr_r2", "w"},
		"neuromodulated_stdp_synapse":  {"pre_tr", "w", "c", "n"},
	}
	for syn, vars := range moved {
		opts := Options{Suffix: "_nestml"}
		if syn == "neuromodulated_stdp_synapse" {
			opts.VtPorts = map[string][]string{syn: {"mod_spikes"}}
		}
		files := cogenFiles(t, []string{syn}, opts)
		nh := string(files["iaf_psc_exp_neuron_nestml__with_"+syn+"_nestml.h"])
		sh := string(files[syn+"_nestml__with_iaf_psc_exp_neuron_nestml.h"])
		for _, v := range vars {
			key := `"` + v + `__for_` + syn + `_nestml"`
			if !strings.Contains(nh, key) {
				t.Errorf("%s: the neuron has no status key %s", syn, key)
			}
			if strings.Contains(sh, `( "`+v+`" )`) {
				t.Errorf("%s: %s is still a status key of the synapse", syn, v)
			}
		}
		for _, x := range stays[syn] {
			if !strings.Contains(sh, `( "`+x+`" )`) {
				t.Errorf("%s: %s left the synapse", syn, x)
			}
			if strings.Contains(nh, `"`+x+`__for_`) {
				t.Errorf("%s: %s moved into the neuron", syn, x)
			}
		}
		// the plain synapse keeps everything
		ph := string(files[syn+"_nestml.h"])
		for _, v := range vars {
			if !strings.Contains(ph, `( "`+v+`" )`) {
				t.Errorf("%s: the plain synapse lost %s", syn, v)
			}
		}
	}
	// strictly_synaptic_vars
	files := cogenFiles(t, []string{"stdp_synapse"}, Options{Suffix: "_nestml",
		StrictlySynaptic: map[string][]string{"stdp_synapse": {"post_trace"}}})
	sh := string(files["stdp_synapse_nestml__with_iaf_psc_exp_neuron_nestml.h"])
	nh := string(files["iaf_psc_exp_neuron_nestml__with_stdp_synapse_nestml.h"])
	if !strings.Contains(sh, `( "post_trace" )`) || strings.Contains(nh, "post_trace__for_") {
		t.Errorf("strictly_synaptic_vars did not keep post_trace in the synapse")
	}
}

// TestCogenCompiles compiles the co-generated pairs of every STDP variant
// with -Wall -Wextra -Werror (syntax only).
func TestCogenCompiles(t *testing.T) {
	cxx, inc := compilerAndNest(t)
	files := cogenFiles(t, []string{"stdp_synapse", "stdp_triplet_synapse", "neuromodulated_stdp_synapse", "stdsp_synapse"},
		Options{Suffix: "_nestml", ModuleName: "cogentestmodule",
			VtPorts:  map[string][]string{"neuromodulated_stdp_synapse": {"mod_spikes"}},
			ContBind: map[string]map[string]string{"stdsp_synapse": {"dAP_trace": "I_syn_exc"}}})
	dir := t.TempDir()
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for _, src := range []string{"cogentestmodule.cpp", "iaf_psc_exp_neuron_nestml__with_stdp_triplet_synapse_nestml.cpp",
		"iaf_psc_exp_neuron_nestml__with_stdsp_synapse_nestml.cpp"} {
		wg.Add(1)
		go func(src string) {
			defer wg.Done()
			args := []string{"-std=c++20", "-fopenmp", "-ffp-contract=off", "-DLTX_MODULE", "-Wall", "-Wextra", "-Werror",
				"-fsyntax-only", "-isystem", inc, "-I" + dir, filepath.Join(dir, src)}
			cmd := exec.Command(cxx, args...)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				t.Errorf("%s %s: %v\n%s", cxx, src, err, out.String())
			}
		}(src)
	}
	wg.Wait()
}

// TestCogenThirdFactorErrors: a continuous port of a co-generated synapse
// must be bound to a real state variable of the neuron.
func TestCogenThirdFactorErrors(t *testing.T) {
	n := compileCorpus(t, neuCorpus, "iaf_psc_exp_neuron")
	s := compileCorpus(t, synCorpus, "stdsp_synapse")
	base := Options{WeightVariable: map[string]string{"stdsp_synapse": "w"},
		PostPorts: map[string][]string{"stdsp_synapse": {"post_spikes"}},
		Pairs:     []Pair{{Neuron: "iaf_psc_exp_neuron", Synapse: "stdsp_synapse"}}}
	for _, tc := range []struct {
		bind map[string]string
		want string
	}{
		{nil, "continuous input port dAP_trace (third-factor plasticity) is not bound"},
		{map[string]string{"dAP_trace": "no_var"}, `neuron iaf_psc_exp_neuron has no state variable "no_var"`},
		{map[string]string{"dAP_trace": "V_m"}, "the port is in pA but the neuron variable in mV"},
		{map[string]string{"dAP_trace": "I_syn_exc", "nope": "V_m"}, `"nope" is not a continuous input port`},
	} {
		o := base
		o.ContBind = map[string]map[string]string{"stdsp_synapse": tc.bind}
		_, err := Generate([]*ir.Model{n, s}, o)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("bind %v: error %v, want %q", tc.bind, err, tc.want)
		}
	}
	// bound to a neuron current: generated, only the co-generated class
	o := base
	o.ContBind = map[string]map[string]string{"stdsp_synapse": {"dAP_trace": "I_syn_exc"}}
	files, err := Generate([]*ir.Model{n, s}, o)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["stdsp_synapse.h"]; ok {
		t.Errorf("the plain stdsp_synapse class was generated")
	}
	nh := string(files["iaf_psc_exp_neuron__with_stdsp_synapse.h"])
	if !strings.Contains(nh, "__e.cont_[ 0 ] = S_.ode_state[ State_::I_syn_exc ]; // I_syn_exc") {
		t.Errorf("the neuron does not store I_syn_exc in its history")
	}
}
