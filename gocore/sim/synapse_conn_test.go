package sim_test

import (
	"math"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/models"
	"nestml_go/gocore/sim"
)

// tfNeuron spikes every 100 steps (10 ms at 0.1 ms, from 10 ms on); at the
// end of step s its I_dend is 0.004·(s+1) pA, so at a spike stamped t ms
// it is 0.04·t pA.
const tfNeuron = `
model tf_neuron:
    state:
        n integer = 0
        I_dend pA = 0 pA
    input:
        spikes <- spike
    output:
        spike
    update:
        n += 1
        I_dend = n * 0.004 pA
        if n % 100 == 0:
            emit_spike()
`

// stdspReference is stdsp_synapse written out for pre spikes at pre and
// post spikes at post (each with the neuron's dAP value at the spike), delay
// d: the permanence after each pre spike.
func stdspReference(pre, post, dap []float64, d float64, p map[string]float64) []float64 {
	perm, tLast, trace, tTrace := p["permanence"], 0.0, 0.0, 0.0
	decay := func(t float64) {
		trace *= math.Exp(-(t - tTrace) / p["tau_pre_trace"])
		tTrace = t
	}
	var out []float64
	q := 0
	for _, tp := range pre {
		for ; q < len(post) && post[q] <= tp-d; q++ {
			t := post[q] + d
			decay(t)
			if dt := t - tLast; dt < p["dt_max"] && dt > p["dt_min"] {
				norm := perm/p["permanence_max"] + p["lambda_plus"]*trace
				perm = math.Min(norm*p["permanence_max"], p["permanence_max"])
				perm += p["lambda_h"] * (p["zt"] - dap[q]) * p["permanence_max"]
				perm = math.Max(math.Min(perm, p["permanence_max"]), p["permanence_min"])
			}
		}
		decay(tp)
		tLast = tp
		trace++
		perm = math.Max(perm-p["lambda_minus"]*p["permanence_max"], p["permanence_min"])
		out = append(out, perm)
	}
	return out
}

// stdsp_synapse's third factor dAP_trace bound to the postsynaptic
// neuron's I_dend: the permanence follows the rule with the neuron's
// I_dend (0.04·t at the end of the step that ends at t) at each post
// spike's arrival t_post + d (continuous_time_buffer, the default) or at
// the post spike (post_spike_based), and, unbound, with 0.
func TestStdspThirdFactorReadsNeuronVariable(t *testing.T) {
	m := loadSynapse(t, "stdsp_synapse")
	params := map[string]float64{"lambda_h": 0.01, "zt": 1, "lambda_plus": 0.01, "lambda_minus": 0.02,
		"permanence_max": 100, "permanence_min": 0, "dt_min": 4, "dt_max": 100, "permanence_threshold": 5, "tau_pre_trace": 80}
	preGen := []float64{5, 14, 24, 34, 44}
	var pre []float64
	for _, g := range preGen {
		pre = append(pre, g+1) // the parrot fires 1 ms later
	}
	post := []float64{10, 20, 30, 40}
	d := 1.0
	for _, method := range []string{"", sim.BufferContinuousTime, sim.BufferPostSpike, "unbound"} {
		bound := method != "unbound"
		net, _ := sim.NewNetwork(0.1)
		gen, _ := net.CreateSpikeGenerator(preGen, nil)
		parrot, _ := net.CreatePopulation(sim.ParrotModel(), 1)
		nrn, err := net.CreatePopulation(compileModel(t, "tf_neuron.nestml", []byte(tfNeuron)), 1)
		if err != nil {
			t.Fatal(err)
		}
		net.Connect(gen.IDs(), parrot.IDs(), 1, 1, "")
		sp := map[string]float64{}
		for k, v := range params {
			sp[k] = v
		}
		spec := &sim.SynapseSpec{Model: m, Params: sp, State: map[string]float64{"permanence": 10}}
		dap := []float64{0, 0, 0, 0}
		if bound {
			spec.PostVars = map[string]string{"dAP_trace": "I_dend"}
			spec.ContinuousBuffering = method
			lag := d
			if method == sim.BufferPostSpike {
				lag = 0
			}
			dap = nil
			for _, tp := range post {
				dap = append(dap, 0.04*(tp+lag))
			}
		}
		if _, err := net.ConnectSynapse(parrot.IDs(), nrn.IDs(), sim.ConnSpec{}, sim.ConstValue(1), sim.ConstValue(d), spec); err != nil {
			t.Fatal(err)
		}
		p := map[string]float64{"permanence": 10}
		for k, v := range params {
			p[k] = v
		}
		want := stdspReference(pre, post, dap, d, p)
		done := 0.0
		for i, tp := range pre {
			if err := net.Simulate(tp+0.5-done, nil); err != nil {
				t.Fatal(err)
			}
			done = tp + 0.5
			_, _, got, err := net.SynapseValues("stdsp_synapse", "permanence")
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got[0]-want[i]) > 1e-12*math.Abs(want[i]) {
				t.Errorf("%q: permanence after the pre spike at %v ms = %.17g, want %.17g", method, tp, got[0], want[i])
			}
		}
		if bound && math.Abs(want[len(want)-1]-stdspReference(pre, post, []float64{0, 0, 0, 0}, d, p)[len(want)-1]) < 1 {
			t.Fatal("test setup: the third factor does not change the permanence")
		}
	}
}

func TestThirdFactorErrors(t *testing.T) {
	m := loadSynapse(t, "stdsp_synapse")
	net, _ := sim.NewNetwork(0.1)
	a, _ := net.CreatePopulation(loadModel(t, "iaf_psc_exp_neuron"), 2)
	for _, c := range []struct {
		bind map[string]string
		want string
	}{
		{map[string]string{"nope": "V_m"}, `no continuous input port "nope"`},
		{map[string]string{"dAP_trace": "I_dend"}, `no state variable "I_dend"`},
		{map[string]string{"dAP_trace": ""}, "no neuron variable"},
	} {
		_, err := net.ConnectSynapse(a.IDs(), a.IDs(), sim.ConnSpec{}, sim.ConstValue(1), sim.ConstValue(1), &sim.SynapseSpec{Model: m, PostVars: c.bind})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: error %v, want %q", c.bind, err, c.want)
		}
	}
	_, err := net.ConnectSynapse(a.IDs(), a.IDs(), sim.ConnSpec{}, sim.ConstValue(1), sim.ConstValue(1),
		&sim.SynapseSpec{Model: loadSynapse(t, "stdp_synapse"), PostVars: map[string]string{"x": "V_m"}})
	if err == nil || !strings.Contains(err.Error(), "no continuous input port") {
		t.Errorf("stdp_synapse: %v", err)
	}
}

// Parameters and initial states given per connection (arrays and
// distributions) and the delay variable reach each synapse.
func TestPerConnectionSynapseValues(t *testing.T) {
	m := loadSynapse(t, "stdp_synapse")
	net, _ := sim.NewNetwork(0.1)
	pop, _ := net.CreatePopulation(sim.ParrotModel(), 4)
	spec := &sim.SynapseSpec{Model: m, PerConn: map[string]sim.Value{
		"Wmax":      {Array: []float64{10, 20, 30, 40}},
		"pre_trace": {Array: []float64{0.1, 0.2, 0.3, 0.4}},
		"lambda":    {Distribution: "uniform", Min: 0.01, Max: 0.02},
	}}
	ids := pop.IDs()
	k, err := net.ConnectSynapse(ids, ids, sim.ConnSpec{Rule: "one_to_one"}, sim.ConstValue(1), sim.Value{Array: []float64{1, 2, 3, 4}}, spec)
	if err != nil || k != 4 {
		t.Fatal(k, err)
	}
	for name, want := range map[string][]float64{"Wmax": {10, 20, 30, 40}, "pre_trace": {0.1, 0.2, 0.3, 0.4}, "alpha": {1, 1, 1, 1}} {
		_, post, got, err := net.SynapseValues("stdp_synapse", name)
		if err != nil {
			t.Fatal(err)
		}
		for i := range got {
			if got[i] != want[post[i]-ids[0]] {
				t.Errorf("%s of the synapse onto %d = %v, want %v", name, post[i], got[i], want[post[i]-ids[0]])
			}
		}
	}
	_, _, lam, _ := net.SynapseValues("stdp_synapse", "lambda")
	for _, x := range lam {
		if x < 0.01 || x >= 0.02 {
			t.Errorf("lambda %v outside [0.01, 0.02)", x)
		}
	}
	if lam[0] == lam[1] && lam[1] == lam[2] {
		t.Error("lambda was not drawn per connection")
	}
	if _, _, _, err := net.SynapseValues("stdp_synapse", "post_trace"); err == nil {
		t.Error("a trace kept per neuron was read from synapses")
	}
	// unknown names, the weight, too short arrays, values violating a
	// guard (Wmin >= 0): refused
	for name, v := range map[string]sim.Value{
		"nope": {Array: []float64{1}}, "w": {Array: []float64{1}}, "Wmax": {Array: []float64{1}},
		"Wmin": {Array: []float64{-1, -1, -1, -1}},
	} {
		_, err := net.ConnectSynapse(ids, ids, sim.ConnSpec{Rule: "one_to_one"}, sim.ConstValue(1), sim.ConstValue(1),
			&sim.SynapseSpec{Model: m, PerConn: map[string]sim.Value{name: v}})
		if err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// The delay variable holds each connection's delay, and a per-connection
// Wmax caps potentiation per synapse (the weights reach their Wmax).
func TestDelayVariableAndPerConnectionWmax(t *testing.T) {
	src := `
model dly_synapse:
    state:
        w real = 1
    parameters:
        d ms = 1 ms
        Wmax real = 100
    input:
        pre_spikes <- spike
    output:
        spike
    onReceive(pre_spikes):
        w = min(w + d / ms, Wmax)
        emit_spike(w)
`
	m := compileModel(t, "dly_synapse.nestml", []byte(src))
	net, _ := sim.NewNetwork(0.1)
	gen, _ := net.CreateSpikeGenerator([]float64{1, 2, 3, 4, 5, 6, 7, 8}, nil)
	pop, _ := net.CreatePopulation(sim.ParrotModel(), 4)
	ids := pop.IDs()
	net.Connect(gen.IDs(), ids[:1], 1, 0.1, "")
	wr := net.CreateWeightRecorder()
	spec := &sim.SynapseSpec{Model: m, DelayVar: "d", WeightRecorder: wr.First, Receptor: "no_repeat",
		PerConn: map[string]sim.Value{"Wmax": {Array: []float64{100, 5, 100}}}}
	delays := []float64{0.5, 1.2, 2.0}
	if _, err := net.ConnectSynapse(ids[:1], ids[1:], sim.ConnSpec{Rule: "all_to_all"}, sim.ConstValue(0), sim.Value{Array: delays}, spec); err != nil {
		t.Fatal(err)
	}
	if err := net.Simulate(20, nil); err != nil {
		t.Fatal(err)
	}
	_, post, d, err := net.SynapseValues("dly_synapse", "d")
	if err != nil {
		t.Fatal(err)
	}
	for i := range d {
		if want := delays[post[i]-ids[1]]; math.Abs(d[i]-want) > 1e-12 {
			t.Errorf("d of the synapse onto %d = %v, want %v", post[i], d[i], want)
		}
	}
	r, _ := net.Recorder(wr.First)
	last := map[int]float64{}
	for i, tg := range r.Values["targets"] {
		last[int(tg)] = r.Values["weights"][i]
	}
	// 8 pre spikes: w = 8·d, capped by Wmax
	for k, want := range []float64{8 * 0.5, 5, 8 * 2.0} {
		if got := last[ids[1+k]]; math.Abs(got-want) > 1e-12 {
			t.Errorf("synapse onto %d: last weight %v, want %v", ids[1+k], got, want)
		}
	}
	for _, bad := range []*sim.SynapseSpec{
		{Model: m, DelayVar: "x"},
		{Model: m, DelayVar: "w"},
		{Model: m, DelayVar: "d", Params: map[string]float64{"d": 2}},
		{Model: m, DelayVar: "d", PerConn: map[string]sim.Value{"d": {Array: []float64{1}}}},
	} {
		if _, err := net2(t).ConnectSynapse([]int{1}, []int{2}, sim.ConnSpec{}, sim.ConstValue(1), sim.ConstValue(1), bad); err == nil {
			t.Errorf("delay variable %q with %v %v: no error", bad.DelayVar, bad.Params, bad.PerConn)
		}
	}
	// an internal computed from a parameter: the parameter cannot vary
	// per connection
	nm := loadSynapse(t, "neuromodulated_stdp_synapse")
	net = net2(t)
	vt := net.CreateVolumeTransmitter()
	_, err = net.ConnectSynapse([]int{1}, []int{2}, sim.ConnSpec{}, sim.ConstValue(1), sim.ConstValue(1),
		&sim.SynapseSpec{Model: nm, VolumeTransmitter: vt.First, PerConn: map[string]sim.Value{"tau_c": {Array: []float64{100}}}})
	if err == nil || !strings.Contains(err.Error(), "internal tau_s") {
		t.Errorf("per-connection tau_c: %v", err)
	}
}

// net2 is a network of two parrots (ids 1 and 2).
func net2(t *testing.T) *sim.Network {
	net, _ := sim.NewNetwork(0.1)
	if _, err := net.CreatePopulation(sim.ParrotModel(), 2); err != nil {
		t.Fatal(err)
	}
	return net
}

// The STDP kernel gives bit-identical weights to the generic path, for
// upstream's and our stdp_synapse, with mu ≠ 1 (math.Pow) and mu = 1.
func TestSTDPKernelMatchesGenericPath(t *testing.T) {
	corpus := loadSynapse(t, "stdp_synapse")
	src, ok := models.Source("stdp_synapse")
	if !ok {
		t.Fatal("no bundled stdp_synapse")
	}
	lib := compileModel(t, "stdp_synapse.nestml", src)
	run := func(m *ir.Model, params map[string]float64, generic bool) ([]float64, []bool) {
		net, _ := sim.NewNetwork(0.1)
		net.SetThreads(2)
		net.SetSeed(7)
		pop, _ := net.CreatePopulation(loadModel(t, "iaf_psc_alpha_neuron"), 200)
		pg, _ := net.CreatePoissonGenerator(8000, 0, math.Inf(1))
		net.Connect(pg.IDs(), pop.IDs(), 60, 0.1, "")
		wr := net.CreateWeightRecorder()
		spec := &sim.SynapseSpec{Model: m, WeightRecorder: wr.First, Params: params, Generic: generic}
		if _, err := net.ConnectSynapse(pop.IDs(), pop.IDs(), sim.ConnSpec{Rule: "fixed_indegree", Indegree: 20},
			sim.ConstValue(40), sim.Value{Distribution: "uniform", Min: 0.5, Max: 3}, spec); err != nil {
			t.Fatal(err)
		}
		if err := net.Simulate(100, nil); err != nil {
			t.Fatal(err)
		}
		r, _ := net.Recorder(wr.First)
		return r.Values["weights"], sim.STDPKernels(net)
	}
	for name, m := range map[string]*ir.Model{"corpus": corpus, "library": lib} {
		for _, params := range []map[string]float64{
			{"Wmax": 60, "lambda": 0.05},
			{"Wmax": 60, "lambda": 0.05, "mu_plus": 0.4, "mu_minus": 0.6, "alpha": 1.2, "tau_tr_pre": 16.8, "tau_tr_post": 33.7},
		} {
			fast, used := run(m, params, false)
			slow, notUsed := run(m, params, true)
			if len(used) != 1 || !used[0] || notUsed[0] {
				t.Fatalf("%s: kernel used %v (generic run: %v)", name, used, notUsed)
			}
			if len(fast) != len(slow) || len(fast) < 1000 {
				t.Fatalf("%s: %d and %d weight events", name, len(fast), len(slow))
			}
			changed := 0
			for i := range fast {
				if fast[i] != slow[i] {
					t.Fatalf("%s %v: event %d: kernel %.17g, generic %.17g", name, params, i, fast[i], slow[i])
				}
				if fast[i] != 40 {
					changed++
				}
			}
			if changed < len(fast)/2 {
				t.Errorf("%s: only %d of %d weights changed", name, changed, len(fast))
			}
		}
	}
}

// TestThirdFactorManyDelays: with continuous_time_buffer every distinct
// delay of a bound variable takes a history slot; past the limit the
// error names the way out, and post_spike_based (one slot) connects.
func TestThirdFactorManyDelays(t *testing.T) {
	m := loadSynapse(t, "stdsp_synapse")
	for _, method := range []string{sim.BufferContinuousTime, sim.BufferPostSpike} {
		net, _ := sim.NewNetwork(0.1)
		parrots, _ := net.CreatePopulation(sim.ParrotModel(), 4)
		nrn, err := net.CreatePopulation(compileModel(t, "tf_neuron.nestml", []byte(tfNeuron)), 1)
		if err != nil {
			t.Fatal(err)
		}
		var errs []error
		for k, id := range parrots.IDs() {
			spec := &sim.SynapseSpec{Model: m, PostVars: map[string]string{"dAP_trace": "I_dend"}, ContinuousBuffering: method}
			if _, err := net.ConnectSynapse([]int{id}, nrn.IDs(), sim.ConnSpec{}, sim.ConstValue(1), sim.ConstValue(float64(k+1)), spec); err != nil {
				errs = append(errs, err)
			}
		}
		if err := net.Simulate(1, nil); err != nil {
			errs = append(errs, err)
		}
		switch {
		case method == sim.BufferPostSpike && len(errs) > 0:
			t.Errorf("post_spike_based: %v", errs[0])
		case method == sim.BufferContinuousTime && (len(errs) == 0 || !strings.Contains(errs[0].Error(), sim.BufferPostSpike)):
			t.Errorf("continuous_time_buffer with four delays: want an error naming %q, got %v", sim.BufferPostSpike, errs)
		}
	}
}
