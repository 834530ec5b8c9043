package nest

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
)

// newFeatureModels returns the hand-built models using convolution
// states, spike and delta jumps and numeric systems.
func newFeatureModels() []*ir.Model {
	return []*ir.Model{
		iafPscAlphaIR(),
		iafPscDeltaIR(),
		aeifCondAlphaIR("aeif_cond_alpha_neuron", "", "", false),
		aeifCondAlphaIR("aeif_yp_numeric_neuron", "rk45", "with_respect_to_derivative", true),
		vanDerPolIR("rk45"),
		vanDerPolIR("rk4"),
		vanDerPolIR("forward-Euler"),
	}
}

func generateOne(t *testing.T, m *ir.Model) (string, map[string][]byte) {
	t.Helper()
	files, err := Generate([]*ir.Model{m}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return string(files[m.Name+".cpp"]), files
}

// inOrder checks that the strings appear in s in the given order.
func inOrder(t *testing.T, what, s string, parts ...string) {
	t.Helper()
	pos := 0
	for _, p := range parts {
		i := strings.Index(s[pos:], p)
		if i < 0 {
			t.Errorf("%s: %q missing or out of order", what, p)
			return
		}
		pos += i + len(p)
	}
}

func TestNewFeaturesDeterministic(t *testing.T) {
	a, err := Generate(newFeatureModels(), Options{ModuleName: "featuremodule"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(newFeatureModels(), Options{ModuleName: "featuremodule"})
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for n, x := range a {
		if !bytes.Equal(x, b[n]) {
			t.Errorf("%s differs between two runs", n)
		}
	}
	if a[RK45Header] == nil {
		t.Errorf("%s not copied into a module with numeric models", RK45Header)
	}
	if files, _ := Generate([]*ir.Model{iafPscAlphaIR()}, Options{}); files[RK45Header] != nil {
		t.Errorf("%s copied into a module without numeric models", RK45Header)
	}
}

func TestConvolutionStates(t *testing.T) {
	cpp, _ := generateOne(t, iafPscAlphaIR())
	const k = "S_.ode_state[ State_::I_kernel_exc__X__exc_spikes__d ]"
	// the per-step order of nest_target.md §4.5
	inOrder(t, "step order", cpp,
		"B_.spike_inputs_grid_sum_[ i ] = input[ i ];",
		"// 3. convolution states, first half",
		"const double __conv_I_kernel_exc__X__exc_spikes = V_.__P_0[ 0 ] * S_.ode_state[ State_::I_kernel_exc__X__exc_spikes ] + V_.__P_0[ 1 ] * "+k,
		"const double __conv_I_kernel_inh__X__inh_spikes__d = ",
		"// 4. update block",
		"// integrate_odes(V_m)",
		"// 5. onReceive",
		"// 6. convolution states, second half",
		k+" = __conv_I_kernel_exc__X__exc_spikes__d;",
		"// 7. spike jumps",
		"if ( B_.spike_inputs_grid_sum_[ 0 ] != 0.0 )",
		k+" += ( B_.spike_inputs_grid_sum_[ 0 ] * ( 2.718281828459045 / P_.tau_syn_exc ) );",
		"if ( B_.spike_inputs_grid_sum_[ 1 ] != 0.0 )",
		"// 8. onCondition handlers",
		"B_.continuous_inputs_grid_sum_[ i ] = input[ CONTINUOUS_CHANNEL_0 + i ];",
	)
	// integrate_odes never writes the convolution states
	upd := cpp[strings.Index(cpp, "// 4. update block"):strings.Index(cpp, "// 5. onReceive")]
	if strings.Contains(upd, "__X__exc_spikes ] =") || strings.Contains(upd, "__tmp_I_kernel") {
		t.Errorf("integrate_odes writes a convolution state:\n%s", upd)
	}
	// V_m reads the convolution states of the step start
	if !strings.Contains(upd, "const double __tmp_V_m = V_.__P_0[ 20 ] * S_.ode_state[ State_::I_kernel_exc__X__exc_spikes ]") {
		t.Errorf("V_m row not printed as expected:\n%s", upd)
	}
	// an integrate_odes listing a convolution state skips it
	m := iafPscAlphaIR()
	m.Update = []ir.Stmt{&ir.IntegrateODEs{Vars: []int{2, 3, 0}}}
	cpp, _ = generateOne(t, m)
	if strings.Contains(cpp, "__tmp_I_kernel") || !strings.Contains(cpp, "__tmp_V_m") {
		t.Errorf("listed convolution states must be skipped by integrate_odes")
	}
}

func TestDeltaJumps(t *testing.T) {
	cpp, _ := generateOne(t, iafPscDeltaIR())
	// applied after the commit of the call that integrates V_m, and only there
	inOrder(t, "delta jump", cpp,
		"// integrate_odes(refr_t)",
		"S_.ode_state[ State_::refr_t ] = __tmp_refr_t;",
		"// integrate_odes(V_m)",
		"S_.ode_state[ State_::V_m ] = __tmp_V_m;",
		"S_.ode_state[ State_::V_m ] += ( B_.spike_inputs_grid_sum_[ 0 ] * 1.0 );",
		"// 5. onReceive",
	)
	if n := strings.Count(cpp, "+= ( B_.spike_inputs_grid_sum_[ 0 ] * 1.0 )"); n != 1 {
		t.Errorf("delta jump printed %d times, want 1", n)
	}
	if strings.Contains(cpp, "// 3. convolution") || strings.Contains(cpp, "// 7. spike jumps") {
		t.Errorf("steps 3/7 printed for a model without convolutions")
	}
	// listed twice → applied twice (as the Go engine does)
	m := iafPscDeltaIR()
	m.Update = []ir.Stmt{&ir.IntegrateODEs{Vars: []int{0, 0}}}
	cpp, _ = generateOne(t, m)
	if n := strings.Count(cpp, "+= ( B_.spike_inputs_grid_sum_[ 0 ] * 1.0 )"); n != 2 {
		t.Errorf("delta jump of a twice-listed variable printed %d times, want 2", n)
	}
}

func TestNumericSystem(t *testing.T) {
	m := aeifCondAlphaIR("aeif_cond_alpha_neuron", "", "", false)
	cpp, files := generateOne(t, m)
	h := string(files["aeif_cond_alpha_neuron.h"])
	for _, w := range []string{
		`#include "nestml_go_rk45.h"`,
		"static int nestml_go_dynamics_0( double, const double ode_state[], double f[], void* pnode );",
		"static int nestml_go_dynamics_1( double, const double ode_state[], double f[], void* pnode );",
		"double __integration_step = 0;",
		"double __t = 0;",
	} {
		if !strings.Contains(h, w) {
			t.Errorf("header lacks %q", w)
		}
	}
	if strings.Contains(h, "nestml_go_dynamics_2") {
		t.Errorf("more right-hand-side functions than distinct argument lists")
	}
	// the ODE states in the order of the numeric vector
	inOrder(t, "state enum", h, "enum StateVecElems", "V_m,", "w,", "g_exc__X__exc_spikes,", "g_exc__X__exc_spikes__d,", "refr_t,", "STATE_VEC_SIZE")
	for _, w := range []string{
		"B_.__integration_step = B_.__step;",
		"B_.__t = __t; // for the numeric right-hand sides",
		`throw BadProperty( "The absolute error tolerance gsl_abs_error_tol must be > 0." );`,
		`throw BadProperty( "The relative error tolerance gsl_rel_error_tol must be >= 0." );`,
		"if ( not( P_.gsl_abs_error_tol > 0.0 ) )",
		"if ( not( P_.gsl_rel_error_tol >= 0.0 ) )",
		// the right-hand side reads the integrator's vector and the node
		"const aeif_cond_alpha_neuron& node = *( static_cast< const aeif_cond_alpha_neuron* >( pnode ) );",
		"std::min( ode_state[ 0 ], node.P_.V_peak )",
		"node.B_.continuous_inputs_grid_sum_[ 0 ]",
		"node.B_.__t",
		"node.B_.spike_inputs_grid_sum_[ 0 ]",
		"f[ 2 ] = ode_state[ 3 ]; // g_exc__X__exc_spikes",
		"f[ 4 ] = ( -1.0 ); // refr_t",
		"f[ 4 ] = 0.0; // refr_t (frozen)",
		"f[ 0 ] = 0.0; // V_m (frozen)",
	} {
		if !strings.Contains(cpp, w) {
			t.Errorf("aeif_cond_alpha_neuron.cpp lacks %q", w)
		}
	}
	// integrate_odes(w, V_m): analytic temporaries, numeric loop, commit;
	// the analytic convolution states are not written back (restored)
	call := cpp[strings.Index(cpp, "// integrate_odes(w, V_m)"):]
	call = call[:strings.Index(call, "// 5. onReceive")]
	inOrder(t, "integrate_odes(w, V_m)", call,
		"double __y[ 5 ];",
		"__y[ 0 ] = S_.ode_state[ State_::V_m ];",
		"__y[ 2 ] = S_.ode_state[ State_::g_exc__X__exc_spikes ];",
		"nestml_go_dynamics_1",
		"S_.ode_state[ State_::V_m ] = __y[ 0 ];",
		"S_.ode_state[ State_::w ] = __y[ 1 ];",
		"S_.ode_state[ State_::refr_t ] = __y[ 4 ];",
	)
	if strings.Contains(call, "S_.ode_state[ State_::g_exc__X__exc_spikes ] = __y") {
		t.Errorf("an analytic convolution state is written back from the numeric vector")
	}
	// refr_t integrated analytically as well: its temporary is committed after the loop
	call = cpp[strings.Index(cpp, "// integrate_odes(w, refr_t)"):]
	call = call[:strings.Index(call, "// integrate_odes(w, V_m)")]
	inOrder(t, "integrate_odes(w, refr_t)", call,
		"const double __tmp_refr_t = V_.__P_0[ 0 ] * S_.ode_state[ State_::refr_t ] + V_.__Q_0[ 0 ];",
		"nestml_go_dynamics_0",
		"S_.ode_state[ State_::refr_t ] = __y[ 4 ];",
		"S_.ode_state[ State_::refr_t ] = __tmp_refr_t;",
	)

	// numeric convolution states (no analytic block) are written back and
	// not propagated in steps 3 and 6
	cpp, _ = generateOne(t, aeifCondAlphaIR("aeif_yp_numeric_neuron", "rk45", "with_respect_to_derivative", true))
	if !strings.Contains(cpp, "S_.ode_state[ State_::g_exc__X__exc_spikes ] = __y[ 2 ];") {
		t.Errorf("a numeric convolution state is not written back")
	}
	if strings.Contains(cpp, "// 3. convolution") || strings.Contains(cpp, "// 6. convolution") {
		t.Errorf("steps 3/6 printed for numeric convolution states")
	}
	if !strings.Contains(cpp, "// 7. spike jumps") {
		t.Errorf("spike jumps missing")
	}
}

func TestNumericMethods(t *testing.T) {
	re := regexp.MustCompile(`nestml_go_dynamics_\d`)
	for _, method := range []string{"rk45", "rk4", "forward-Euler"} {
		m := vanDerPolIR(method)
		cpp, _ := generateOne(t, m)
		if !strings.Contains(cpp, "// numeric integration over one step ("+method+")") {
			t.Errorf("%s: method comment missing", method)
		}
		if n := len(uniq(re.FindAllString(cpp, -1))); n != 2 {
			t.Errorf("%s: %d right-hand-side functions, want 2", method, n)
		}
		if !strings.Contains(cpp, "f[ 0 ] = 0.0; // x (frozen)") || !strings.Contains(cpp, "f[ 0 ] = ode_state[ 1 ]; // x") {
			t.Errorf("%s: right-hand-side selection not printed", method)
		}
	}
}

func uniq(s []string) map[string]bool {
	out := map[string]bool{}
	for _, x := range s {
		out[x] = true
	}
	return out
}

func TestNumericErrors(t *testing.T) {
	mods := map[string]func(m *ir.Model){
		"rhs count":    func(m *ir.Model) { m.Numeric.Rhs = m.Numeric.Rhs[:1] },
		"method":       func(m *ir.Model) { m.Numeric.Method = "rk2" },
		"controller":   func(m *ir.Model) { m.Numeric.Controller = "pid" },
		"tolerance":    func(m *ir.Model) { m.Numeric.AbsTol = 99 },
		"state index":  func(m *ir.Model) { m.Numeric.Vars[0] = 99 },
		"listed twice": func(m *ir.Model) { m.Numeric.Vars[1] = m.Numeric.Vars[0] },
		"empty":        func(m *ir.Model) { m.Numeric.Vars, m.Numeric.Rhs = nil, nil },
		"kode range":   func(m *ir.Model) { m.Numeric.Rhs[0] = &ir.Ref{Kind: ir.KODE, Index: 7, Name: "q"} },
		"kode outside": func(m *ir.Model) {
			m.OnCondition[0].Cond = bin(">", &ir.Ref{Kind: ir.KODE, Index: 0, Name: "x"}, cst(1))
		},
		"local in rhs": func(m *ir.Model) { m.Numeric.Rhs[0] = &ir.Ref{Kind: ir.KLocal, Index: 0, Name: "q"} },
		"delta port":   func(m *ir.Model) { m.DeltaJumps = []*ir.Jump{{Port: 3, Var: 0, Coef: cst(1)}} },
		"spike jump":   func(m *ir.Model) { m.SpikeJumps = []*ir.Jump{{Port: 0, Var: 0, Coef: cst(1)}} },
		"conv index":   func(m *ir.Model) { m.ConvStates = []int{42} },
		"integer ode": func(m *ir.Model) {
			m.State[2].Type = ir.Integer
			m.Numeric.Vars = append(m.Numeric.Vars, 2)
			m.Numeric.Rhs = append(m.Numeric.Rhs, cst(0))
		},
	}
	for name, mod := range mods {
		m := vanDerPolIR("rk45")
		if name == "delta port" {
			m.Update = []ir.Stmt{&ir.IntegrateODEs{Vars: []int{0}}}
		}
		mod(m)
		if _, err := Generate([]*ir.Model{m}, Options{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestWriteNewFeatures writes the generated module of the hand-built models
// to $NESTML_GO_WRITE_DIR (for inspection); skipped when unset.
func TestWriteNewFeatures(t *testing.T) {
	dir := os.Getenv("NESTML_GO_WRITE_DIR")
	if dir == "" {
		t.Skip("NESTML_GO_WRITE_DIR not set")
	}
	files, err := Generate(newFeatureModels(), Options{ModuleName: "featuremodule"})
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
