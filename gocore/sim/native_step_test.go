package sim_test

import (
	"bytes"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/sim"
)

// fusedControlModel exercises the statement forms a fused step kernel
// translates: locals, if/elif/else around integrate_odes, for and while
// loops (with `and`), a ternary, min/max/clip/sqrt/abs/floor, an integer
// state, refractoriness, an if inside onCondition and two spikes in one
// step.
const fusedControlModel = `
model fused_control_neuron:
    state:
        V_m mV = -70 mV
        refr_t ms = 0 ms
        n_spk integer = 0
        acc real = 0
        w real = 0
    equations:
        V_m' = -(V_m - E_L) / tau_m + I_stim / C_m
        refr_t' = -1
    parameters:
        E_L mV = -70 mV
        tau_m ms = 10 ms
        C_m pF = 250 pF
        V_th mV = -55 mV
        refr_T ms = 2 ms
        gain real = 0.5
    input:
        spikes <- spike
        I_stim pA <- continuous
    output:
        spike
    update:
        kk real = 0
        if refr_t > 0 ms:
            integrate_odes(refr_t)
        elif V_m > -60 mV:
            integrate_odes(V_m, refr_t)
            kk = 2
        else:
            integrate_odes(V_m)
            kk = 1
        i integer = 0
        for i in 1 ... 3 step 1:
            acc += i * kk * 0.001
        j integer = 0
        while j < n_spk and j < 4:
            j += 1
            acc -= 0.0005 * gain
        acc = acc > 10 ? acc / 2 : clip(acc, -5, 5)
        w = min(1, max(-1, acc)) + sqrt(abs(acc)) + floor(acc * 3)
    onReceive(spikes):
        V_m += spikes * 1 mV * s
    onCondition(refr_t <= 0 ms and V_m >= V_th):
        refr_t = refr_T
        V_m = E_L
        n_spk += 1
        if n_spk > 2 and acc > 0:
            emit_spike()
        emit_spike()
`

// TestFusedStepMatchesGoEngine runs models with fused native step kernels
// and requires traces and spikes bit-identical to the Go engine's, at 1
// and 3 threads, in one run and in three.
func TestFusedStepMatchesGoEngine(t *testing.T) {
	requireCC(t)
	control := compileModel(t, "fused_control.nestml", []byte(fusedControlModel))
	cases := []struct {
		c neuronCase
		m *ir.Model
	}{
		{c: neuronCase{model: "iaf_psc_exp_neuron", n: 6, wlo: 100, whi: 900, dc: 300}},
		{c: neuronCase{model: "iaf_psc_exp_neuron", n: 6, wlo: 100, whi: 900, dc: 300,
			hetero: map[string][]float64{"V_th": {-55, -50, -58, -55, -52, -60}, "V_reset": {-70, -65, -70, -60, -70, -68}}}},
		// per-neuron propagators
		{c: neuronCase{model: "iaf_psc_exp_neuron", n: 6, wlo: 100, whi: 900, dc: 300,
			hetero: map[string][]float64{"tau_m": {10, 12, 10, 8, 20, 10}, "I_e": {0, 100, 0, 200, 0, 50}}}},
		{c: neuronCase{model: "iaf_psc_alpha_neuron", n: 6, wlo: 100, whi: 900, dc: 300}},
		{c: neuronCase{model: "iaf_psc_alpha_neuron", n: 6, wlo: 100, whi: 900, dc: 300,
			hetero: map[string][]float64{"tau_syn_exc|tau_syn_ex": {2, 1, 2, 3, 0.5, 2}, "C_m": {250, 200, 250, 300, 250, 250}}}},
		{c: neuronCase{model: "iaf_psc_delta_neuron", n: 6, wlo: 1, whi: 8, dc: 300}},
		{c: neuronCase{model: "iaf_psc_exp_htum_neuron", n: 6, wlo: 100, whi: 900, dc: 300}},
		{c: neuronCase{model: "mat2_psc_exp_neuron", n: 6, wlo: 100, whi: 900, dc: 300}},
		{c: neuronCase{model: "izhikevich_neuron", n: 6, wlo: 1, whi: 300, dc: 300}},
		{c: neuronCase{model: "fused_control_neuron", n: 6, wlo: 1, whi: 8, dc: 500}, m: control},
	}
	for _, tc := range cases {
		c := tc.c
		label := c.model
		for name := range c.hetero {
			label += " " + name
		}
		t.Run(label, func(t *testing.T) {
			m := tc.m
			if m == nil {
				m = loadModel(t, c.model)
			}
			c.hetero = paramAliases(m, c.hetero)
			c.tsim = 300
			goNet, _ := sim.NewNetwork(0.1)
			want := runNeuronCase(t, &simEngine{t, goNet}, m, c)
			if len(want.spikes[0]) < 5 {
				t.Fatalf("the protocol gives %d spikes", len(want.spikes[0]))
			}
			checkFused(t, label, m, c, want, m.Name+": fused step kernel\n")
		})
	}
}

// nativeLanes matches the lanes NativeStatus reports for a numeric kernel
// (they depend on the machine).
var nativeLanes = regexp.MustCompile(` \((\d+ lanes|scalar)\)`)

// checkFused runs case c of m with native kernels at 1 thread in one
// Simulate call and at 3 threads in three, checks that NativeStatus is
// status (apart from the lanes of a numeric kernel), and compares the
// traces with want bit for bit.
func checkFused(t *testing.T, label string, m *ir.Model, c neuronCase, want trace, status string) {
	t.Helper()
	for k, th := range []int{1, 3} {
		net, _ := sim.NewNetwork(0.1)
		net.SetThreads(th)
		net.SetNative(true)
		cc := c
		cc.splits = 1 + 2*k
		got := runNeuronCase(t, &simEngine{t, net}, m, cc)
		if st := nativeLanes.ReplaceAllString(net.NativeStatus(), ""); st != status {
			t.Fatalf("native status %q, want %q", st, status)
		}
		compareTraces(t, label+" fused, threads="+itoa(th), want, got)
	}
}

// TestFusedStepFallback: models that cannot be fused run in the Go engine
// with the reason in NativeStatus, and give the Go engine's results.
func TestFusedStepFallback(t *testing.T) {
	requireCC(t)
	feature := compileModel(t, "feature.nestml", []byte(featureModel))
	cases := []struct {
		c      neuronCase
		m      *ir.Model
		reason string
	}{
		// random numbers and print
		{c: neuronCase{model: "feature", n: 4, wlo: 1, whi: 8, dc: 500}, m: feature, reason: "random numbers"},
	}
	for _, tc := range cases {
		c := tc.c
		t.Run(c.model, func(t *testing.T) {
			m := tc.m
			if m == nil {
				m = loadModel(t, c.model)
			}
			c.tsim = 100
			run := func(native bool) (trace, string) {
				net, _ := sim.NewNetwork(0.1)
				net.SetNative(native)
				net.SetThreads(2)
				se := &simEngine{t, net}
				se.seed(9)
				var out bytes.Buffer
				se.setOutput(&out)
				tr := runNeuronCase(t, se, m, c)
				tr.out = out.String()
				return tr, net.NativeStatus()
			}
			want, _ := run(false)
			got, status := run(true)
			if !strings.Contains(status, m.Name+": step in the Go engine (") || !strings.Contains(status, tc.reason) {
				t.Fatalf("NativeStatus %q does not give the reason %q", status, tc.reason)
			}
			compareTraces(t, c.model+" fallback", want, got)
		})
	}
}

// TestFusedStepAllocations: a step with a fused kernel allocates nothing
// (a Simulate call allocates about the same whether it runs 1 step or 50:
// an allocation per step would add 49; the slack of 2 allows the rare
// amortised growth of a spike list when a step emits more spikes than
// any before).
func TestFusedStepAllocations(t *testing.T) {
	requireCC(t)
	net := checkStepAllocs(t, "iaf_psc_exp_neuron", 40000, 60, "fused step kernel")
	// turned off, the Go engine runs and nothing is reported
	net.SetNative(false)
	if err := net.Simulate(1, nil); err != nil {
		t.Fatal(err)
	}
	if st := net.NativeStatus(); st != "" {
		t.Errorf("native kernels off, status %q", st)
	}
}

const minMaxModel = `
model minmax_neuron:
    state:
        x real = 0
        y real = 0
        z real = 0
    parameters:
        a real = 1
        b real = 2
    update:
        x = min(a, b)
        y = max(a, b)
        z = clip(a - b, a, b)
`

// TestFusedStepSpecialValues: min, max and clip with infinities, NaN and
// signed zeros give the Go engine's bits (Go's special cases, its NaN).
func TestFusedStepSpecialValues(t *testing.T) {
	requireCC(t)
	m := compileModel(t, "minmax.nestml", []byte(minMaxModel))
	inf, nan := math.Inf(1), math.NaN()
	as := []float64{nan, -inf, inf, math.Copysign(0, -1), 0, 1, -inf, nan}
	bs := []float64{-inf, nan, nan, 0, math.Copysign(0, -1), nan, inf, inf}
	run := func(native bool) (trace, string) {
		net, _ := sim.NewNetwork(0.1)
		net.SetNative(native)
		e := &simEngine{t, net}
		first, n := e.pop(m, len(as))
		for i := range as {
			e.set(first+i, "a", as[i])
			e.set(first+i, "b", bs[i])
		}
		mm := e.mm([]string{"x", "y", "z"}, 0.1)
		e.connect([]int{mm}, ids(first, n), 1, 1, "")
		if err := e.run(0.5); err != nil {
			t.Fatal(err)
		}
		var tr trace
		tr.times, tr.senders, tr.values = e.rec(mm)
		return tr, net.NativeStatus()
	}
	want, _ := run(false)
	got, st := run(true)
	if st != "minmax_neuron: fused step kernel\n" {
		t.Fatalf("step kernel status %q", st)
	}
	if len(want.values["x"]) != 5*len(as) {
		t.Fatalf("%d samples", len(want.values["x"]))
	}
	compareTraces(t, "min/max/clip", want, got)
}

// checkStepAllocs runs 600 neurons of model, driven by a poisson_generator
// (rate, weight), with native kernels at 2 threads, checks that
// NativeStatus contains status, and that a Simulate call of 50 steps
// allocates at most 2 times more than one of a single step (workers spin
// without bound meanwhile: a parked worker may allocate the runtime's wait
// record, which is not the engine's allocation). It returns the network.
func checkStepAllocs(t *testing.T, model string, rate, weight float64, status string) *sim.Network {
	t.Helper()
	m := loadModel(t, model)
	net, _ := sim.NewNetwork(0.1)
	net.SetNative(true)
	net.SetThreads(2)
	pop, err := net.CreatePopulation(m, 600)
	if err != nil {
		t.Fatal(err)
	}
	pg, _ := net.CreatePoissonGenerator(rate, 0, math.Inf(1))
	if err := net.Connect(pg.IDs(), pop.IDs(), weight, 0.1, ""); err != nil {
		t.Fatal(err)
	}
	if err := net.Simulate(50, nil); err != nil { // kernel, buffers, first spikes
		t.Fatal(err)
	}
	if st := net.NativeStatus(); !strings.Contains(st, status) {
		t.Fatalf("not fused: %q", st)
	}
	defer sim.SetTeamSpin(sim.SetTeamSpin(time.Hour))
	one := testing.AllocsPerRun(20, func() { _ = net.Simulate(0.1, nil) })
	many := testing.AllocsPerRun(20, func() { _ = net.Simulate(5, nil) })
	if many > one+2 {
		t.Errorf("50 steps allocate %v times, 1 step %v times", many, one)
	}
	return net
}
