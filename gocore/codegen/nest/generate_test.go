package nest

import (
	"bytes"
	"nestml_go/gocore/ir"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func TestGenerateIafPscExpFileSet(t *testing.T) {
	files, err := Generate([]*ir.Model{iafPscExpIR()}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	want := []string{"CMakeLists.txt", "iaf_psc_exp_neuron.cpp", "iaf_psc_exp_neuron.h", "nestml_go_expm.h", "nestmlmodule.cpp", "nestmlmodule.h"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Fatalf("files = %v, want %v", names, want)
	}
	// Deterministic output.
	again, err := Generate([]*ir.Model{iafPscExpIR()}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for n, b := range files {
		if !bytes.Equal(b, again[n]) {
			t.Errorf("%s differs between two runs", n)
		}
	}
	m := iafPscExpIR()
	for _, n := range []string{"iaf_psc_exp_neuron.cpp", "iaf_psc_exp_neuron.h", "nestmlmodule.cpp", "nestmlmodule.h", "CMakeLists.txt"} {
		s := string(files[n])
		for _, w := range []string{"nestml_go " + Version, "NEST Simulator 3.10", m.SourceFile, m.SourceHash} {
			if !strings.Contains(s, w) {
				t.Errorf("%s: header lacks %q", n, w)
			}
		}
	}
	cpp := string(files["iaf_psc_exp_neuron.cpp"])
	for _, w := range []string{
		"register_node_model< iaf_psc_exp_neuron >( name );",
		"nestml_go::propagator( A, 3, C, 2, V_.__h, V_.__P_0, V_.__Q_0 );",
		"nestml_go::propagator( A, 1, C, 1, V_.__h, V_.__P_1, V_.__Q_1 );",
		"update_value_param( d, iaf_psc_exp_neuron_names::_C_m, ptmp.C_m, this );",
		"update_value_param( d, iaf_psc_exp_neuron_names::_V_m, stmp.ode_state[ State_::V_m ], this );",
		"throw BadProperty( \"The constraint 'C_m > 0 pF' is violated!\" );",
		"S_.ode_state[ State_::V_m ] = P_.E_L;",
		"set_spiketime( nest::Time::step( origin.get_steps() + lag + 1 ) );",
		"nest::kernel().event_delivery_manager.send( *this, se, lag );",
		"B_.inputs_.add_value( slot, 1, -s );",
		"const double __u_0_0 = B_.continuous_inputs_grid_sum_[ 0 ];",
		"const double __tmp_V_m = V_.__P_0[ 6 ] * S_.ode_state[ State_::I_syn_exc ] + V_.__P_0[ 7 ] * S_.ode_state[ State_::I_syn_inh ] + V_.__P_0[ 8 ] * S_.ode_state[ State_::V_m ] + V_.__Q_0[ 4 ] + V_.__Q_0[ 5 ] * __u_0_0;",
		"insert_( iaf_psc_exp_neuron_names::_V_m, &iaf_psc_exp_neuron::get_V_m );",
		"if ( B_.spike_input_received_grid_sum_[ 0 ] != 0.0 ) // onReceive(exc_spikes)",
	} {
		if !strings.Contains(cpp, w) {
			t.Errorf("iaf_psc_exp_neuron.cpp lacks %q", w)
		}
	}
	mod := string(files["nestmlmodule.cpp"])
	for _, w := range []string{"nestmlmodule nestmlmodule_LTX_module;", `nest::register_iaf_psc_exp_neuron( "iaf_psc_exp_neuron" );`} {
		if !strings.Contains(mod, w) {
			t.Errorf("nestmlmodule.cpp lacks %q", w)
		}
	}
	if !strings.Contains(string(files["CMakeLists.txt"]), "iaf_psc_exp_neuron.cpp") {
		t.Errorf("CMakeLists.txt does not list the model source")
	}
}

func TestGenerateOptions(t *testing.T) {
	files, err := Generate([]*ir.Model{iafPscExpIR()}, Options{ModuleName: "testmodule", Suffix: "_nestml",
		ParentClass: "StructuralPlasticityNode", NestVersion: "v3.10"})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"iaf_psc_exp_neuron_nestml.h", "iaf_psc_exp_neuron_nestml.cpp", "testmodule.h", "testmodule.cpp"} {
		if files[n] == nil {
			t.Errorf("missing %s", n)
		}
	}
	h := string(files["iaf_psc_exp_neuron_nestml.h"])
	if !strings.Contains(h, `#include "structural_plasticity_node.h"`) || !strings.Contains(h, "public StructuralPlasticityNode") {
		t.Errorf("parent class not applied")
	}
	for _, bad := range []Options{{ModuleName: "foo"}, {NestVersion: "3.8"}, {NestVersion: "2.20"}, {Suffix: "-x"}} {
		if _, err := Generate([]*ir.Model{iafPscExpIR()}, bad); err == nil {
			t.Errorf("Options %+v: no error", bad)
		}
	}
	if _, err := Generate([]*ir.Model{iafPscExpIR(), iafPscExpIR()}, Options{}); err == nil {
		t.Errorf("duplicate models: no error")
	}
}

// TestWriteIafPscExp writes the generated module of the hand-built
// iaf_psc_exp IR to $NESTML_GO_WRITE_IAF_DIR (for building it in NEST by
// hand); skipped when the variable is unset.
func TestWriteIafPscExp(t *testing.T) {
	dir := os.Getenv("NESTML_GO_WRITE_IAF_DIR")
	if dir == "" {
		t.Skip("NESTML_GO_WRITE_IAF_DIR not set")
	}
	opts := Options{ModuleName: os.Getenv("NESTML_GO_WRITE_IAF_MODULE")}
	files, err := Generate([]*ir.Model{iafPscExpIR()}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
