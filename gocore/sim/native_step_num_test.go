package sim_test

import (
	"math"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/pipeline"
	"nestml_go/gocore/sim"
)

// fusedNumericModel has a numeric part integrated in both branches of a
// refractoriness test with different selections, a convolution state, a
// local and a state assigned before the integration and read after it,
// an onReceive handler and an onCondition handler that emits.
const fusedNumericModel = `
model fused_numeric_neuron:
    state:
        V_m mV = -70 mV
        w pA = 0 pA
        refr_t ms = 0 ms
        V_old mV = -70 mV
        acc real = 0
        n_in integer = 0
    equations:
        kernel K = exp(-t / tau_syn)
        inline g nS = convolve(K, spikes) * 1 nS
        V_m' = (-g_L * (V_m - E_L) - g * (V_m - E_ex) - w + I_e + I_stim) / C_m
        w' = (a * (V_m - E_L) - w) / tau_w
        refr_t' = -1
    parameters:
        E_L mV = -70 mV
        E_ex mV = 0 mV
        g_L nS = 16.7 nS
        C_m pF = 250 pF
        tau_syn ms = 2 ms
        tau_w ms = 100 ms
        a nS = 2 nS
        b pA = 40 pA
        V_th mV = -55 mV
        refr_T ms = 2 ms
        I_e pA = 0 pA
    input:
        spikes <- spike
        I_stim pA <- continuous
    output:
        spike
    update:
        V_old = V_m
        kk real = 0.25
        if refr_t > 0 ms:
            integrate_odes(w, refr_t)
            kk = kk * 3
        else:
            integrate_odes(V_m, w, refr_t)
            if V_m > V_old:
                kk += 1
        acc = acc * 0.5 + kk
    onReceive(spikes):
        n_in += 1
    onCondition(refr_t <= 0 ms and V_m >= V_th):
        refr_t = refr_T
        V_m = E_L
        w += b
        emit_spike()
`

// fusedNumericModel2 integrates in one branch only: the other branch runs
// on to the statements after the if in the same phase (the integrating
// branch leaves the phase), with a local read across the integration.
const fusedNumericModel2 = `
model fused_numeric2_neuron:
    state:
        V_m mV = -70 mV
        refr_t ms = 0 ms
        acc mV = 0 mV
    equations:
        V_m' = (-(V_m - E_L) + Delta_T * exp((min(V_m, V_peak) - V_T) / Delta_T)) / tau_m + I_stim / C_m
    parameters:
        E_L mV = -70 mV
        Delta_T mV = 2 mV
        V_T mV = -50 mV
        tau_m ms = 10 ms
        C_m pF = 250 pF
        V_peak mV = -40 mV
        refr_T ms = 2 ms
    input:
        spikes <- spike
        I_stim pA <- continuous
    output:
        spike
    update:
        x mV = V_m
        if refr_t > 0 ms:
            refr_t -= timestep()
            V_m = E_L
        else:
            integrate_odes()
            x -= V_m
        acc = acc * 0.9 + x
    onReceive(spikes):
        V_m += spikes * 0.0001 mV * s
    onCondition(refr_t <= 0 ms and V_m >= V_peak):
        refr_t = refr_T
        V_m = E_L
        emit_spike()
`

// runUnfused runs case c with native RKF45 kernels and the rest of the
// step in the Go engine (the path the fused kernels replace).
func runUnfused(t *testing.T, m *ir.Model, c neuronCase) trace {
	t.Helper()
	defer sim.SetFuseNumeric(sim.SetFuseNumeric(false))
	net, _ := sim.NewNetwork(0.1)
	net.SetNative(true)
	got := runNeuronCase(t, &simEngine{t, net}, m, c)
	if st := nativeLanes.ReplaceAllString(net.NativeStatus(), ""); !strings.Contains(st, m.Name+": native kernel (step in the Go engine: fusion of numeric steps turned off)") {
		t.Fatalf("unfused status %q", st)
	}
	return got
}

// TestFusedNumericStepMatchesNative runs models with a numeric part with
// fused step kernels and requires traces and spikes bit-identical to the
// Go engine around the same native RKF45 kernels, at 1 and 3 threads, in
// one run and in three.
func TestFusedNumericStepMatchesNative(t *testing.T) {
	requireCC(t)
	control := compileModel(t, "fused_numeric.nestml", []byte(fusedNumericModel))
	control2 := compileModel(t, "fused_numeric2.nestml", []byte(fusedNumericModel2))
	cases := []struct {
		c      neuronCase
		m      *ir.Model
		method string
	}{
		{c: neuronCase{model: "iaf_cond_exp_neuron", n: 5, wlo: 1, whi: 30, dc: 600}},
		{c: neuronCase{model: "aeif_cond_exp_neuron", n: 5, wlo: 1, whi: 40, dc: 900,
			hetero: map[string][]float64{"a|a_sub": {4, 4, 0, 8, 4}}}},
		{c: neuronCase{model: "hh_psc_alpha_neuron", n: 4, wlo: 50, whi: 1500, dc: 900}},
		{c: neuronCase{model: "iaf_cond_alpha_neuron", n: 4, wlo: 1, whi: 30, dc: 600}},
		{c: neuronCase{model: "fused_numeric_neuron", n: 5, wlo: 1, whi: 20, dc: 500}, m: control},
		{c: neuronCase{model: "fused_numeric2_neuron", n: 5, wlo: 1, whi: 8, dc: 500}, m: control2},
		{c: neuronCase{model: "aeif_cond_exp_neuron", n: 5, wlo: 1, whi: 40, dc: 900}, method: "rk4"},
	}
	for _, tc := range cases {
		c := tc.c
		label := c.model + " " + tc.method
		t.Run(label, func(t *testing.T) {
			m := tc.m
			if m == nil {
				m = loadModel(t, c.model)
			}
			if tc.method != "" {
				m.Numeric.Method = tc.method
			}
			c.hetero = paramAliases(m, c.hetero)
			c.tsim = 210
			want := runUnfused(t, m, c)
			if len(want.spikes[0]) < 3 {
				t.Fatalf("the protocol gives %d spikes", len(want.spikes[0]))
			}
			checkFused(t, label, m, c, want, m.Name+": fused step kernel with the native kernel\n")
		})
	}
}

// TestFusedNumericStepPoisson: 600 iaf_cond_exp neurons (several chunks and
// jobs) driven by excitatory and inhibitory Poisson input and a DC
// current, fused and unfused: the same spikes and bit-identical V_m.
func TestFusedNumericStepPoisson(t *testing.T) {
	requireCC(t)
	m := loadModel(t, "iaf_cond_exp_neuron")
	run := func(fused bool, threads int) ([]float64, []float64, map[string][]float64) {
		defer sim.SetFuseNumeric(sim.SetFuseNumeric(fused))
		net, _ := sim.NewNetwork(0.1)
		net.SetNative(true)
		net.SetThreads(threads)
		net.SetSeed(5)
		e := &simEngine{t, net}
		first, n := e.pop(m, 600)
		pe, _ := net.CreatePoissonGenerator(9000, 0, math.Inf(1))
		pi, _ := net.CreatePoissonGenerator(2000, 0, math.Inf(1))
		if err := net.Connect(pe.IDs(), ids(first, n), 6, 0.1, ""); err != nil {
			t.Fatal(err)
		}
		if err := net.Connect(pi.IDs(), ids(first, n), -2, 0.1, ""); err != nil {
			t.Fatal(err)
		}
		dc := e.dc(300, 0, math.Inf(1))
		e.connect([]int{dc}, ids(first, n/2), 1, 0.1, "")
		mm := e.mm([]string{"V_m", "refr_t"}, 0.1)
		e.connect([]int{mm}, []int{first, first + 255, first + 256, first + 599}, 1, 1, "")
		sr := e.sr()
		e.connect(ids(first, n), []int{sr}, 1, 1, "")
		for k := 0; k < 2; k++ {
			if err := e.run(100); err != nil {
				t.Fatal(err)
			}
		}
		if st := net.NativeStatus(); fused != strings.Contains(st, "fused step kernel") {
			t.Fatalf("fused %v, status %q", fused, st)
		}
		st, ss, _ := e.rec(sr)
		_, _, v := e.rec(mm)
		return st, ss, v
	}
	wt, ws, wv := run(false, 2)
	if len(wt) < 100 {
		t.Fatalf("%d spikes", len(wt))
	}
	for _, th := range []int{1, 3} {
		gt, gs, gv := run(true, th)
		want := trace{values: wv, spikes: [2][]float64{wt, ws}}
		got := trace{values: gv, spikes: [2][]float64{gt, gs}}
		compareTraces(t, "poisson fused, threads="+itoa(th), want, got)
	}
}

// TestFusedNumericStepFailures: a state that becomes infinite and a
// sub-step limit give the same errors fused as unfused.
func TestFusedNumericStepFailures(t *testing.T) {
	requireCC(t)
	blowup := compileModel(t, "blowup.nestml", []byte(`model blowup_neuron:
    state:
        x real = 1
    equations:
        x' = x * x / ms
    update:
        integrate_odes()
`))
	stall := compileModel(t, corpusDir+"/aeif_cond_exp_neuron.nestml", mustReadT(t, corpusDir+"/aeif_cond_exp_neuron.nestml"), pipeline.Options{})
	stall.Numeric.MaxSubsteps = 3
	run := func(m *ir.Model, fused bool, setup func(net *sim.Network, pop sim.NodeRange)) (error, string) {
		defer sim.SetFuseNumeric(sim.SetFuseNumeric(fused))
		net, _ := sim.NewNetwork(0.1)
		net.SetNative(true)
		pop, err := net.CreatePopulation(m, 300)
		if err != nil {
			t.Fatal(err)
		}
		if setup != nil {
			setup(net, pop)
		}
		return net.Simulate(50, nil), net.NativeStatus()
	}
	cases := []struct {
		m      *ir.Model
		code   string
		neuron string
		setup  func(net *sim.Network, pop sim.NodeRange)
	}{
		{m: blowup, code: "NUMERIC_NONFINITE", neuron: "(neuron 270)", setup: func(net *sim.Network, pop sim.NodeRange) {
			// neuron 270 (in the second chunk) blows up first
			for k, id := range pop.IDs() {
				x := 0.01
				if k == 269 {
					x = 1
				}
				if err := net.SetNodeValue(id, "x", x); err != nil {
					t.Fatal(err)
				}
			}
		}},
		{m: stall, code: "NUMERIC_STALL", neuron: "(neuron 41)", setup: func(net *sim.Network, pop sim.NodeRange) {
			for k, id := range pop.IDs() {
				if k >= 40 {
					if err := net.SetNodeValue(id, "I_e", 2000); err != nil {
						t.Fatal(err)
					}
				}
			}
		}},
	}
	for _, tc := range cases {
		errU, _ := run(tc.m, false, tc.setup)
		errF, st := run(tc.m, true, tc.setup)
		if !strings.Contains(st, "fused step kernel") {
			t.Fatalf("not fused: %q", st)
		}
		if errU == nil || errF == nil || !strings.Contains(errF.Error(), tc.code) {
			t.Fatalf("expected %s failures, got %v and %v", tc.code, errU, errF)
		}
		if !strings.Contains(errF.Error(), tc.neuron) {
			t.Errorf("the lowest failing neuron should be named %s: %v", tc.neuron, errF)
		}
		if errU.Error() != errF.Error() {
			t.Errorf("different failures:\nunfused: %v\nfused:   %v", errU, errF)
		}
	}
}

// TestFusedNumericStepFallback: a model with a numeric part that cannot be
// fused (it draws random numbers) runs the Go engine around its native
// kernel and says why.
func TestFusedNumericStepFallback(t *testing.T) {
	requireCC(t)
	m := compileModel(t, "noisy.nestml", []byte(`model noisy_neuron:
    state:
        x real = 1
    equations:
        x' = -x * x / ms
    update:
        integrate_odes()
        x += random_normal(0, 1) * 0.001
`))
	net, _ := sim.NewNetwork(0.1)
	net.SetNative(true)
	if _, err := net.CreatePopulation(m, 10); err != nil {
		t.Fatal(err)
	}
	if err := net.Simulate(5, nil); err != nil {
		t.Fatal(err)
	}
	if st := nativeLanes.ReplaceAllString(net.NativeStatus(), ""); st != "noisy_neuron: native kernel (step in the Go engine: the model draws random numbers)\n" {
		t.Fatalf("status %q", st)
	}
}

// TestFusedNumericStepAllocations: a step of a fused model with a numeric
// part allocates nothing (see TestFusedStepAllocations).
func TestFusedNumericStepAllocations(t *testing.T) {
	requireCC(t)
	checkStepAllocs(t, "iaf_cond_exp_neuron", 20000, 4, "fused step kernel with the native kernel")
}
