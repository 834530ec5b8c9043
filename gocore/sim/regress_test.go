package sim_test

// The regression suite of the vectorized engine: every scenario runs on the
// frozen first engine (internal/refsim, the per-neuron closure interpreter
// whose traces matched NEST's iaf_psc_exp to 1e-14) and on package sim with
// several thread counts, and every recorded number must be identical bit
// for bit. The reference engine produces its traces live on each run, so
// the comparison stays valid when the front end changes the IR.

import (
	"bytes"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/models"
	"nestml_go/gocore/pipeline"
	"nestml_go/gocore/sim"
	"nestml_go/gocore/sim/internal/refsim"
)

// corpusDir holds upstream's model library (read in place).
const corpusDir = "../../../shared/corpus/nestml-upstream/models/neurons"

// paramAliases resolves keys "x|y" of hetero to whichever of the names the
// model has as a parameter.
func paramAliases(m *ir.Model, hetero map[string][]float64) map[string][]float64 {
	out := map[string][]float64{}
	for k, v := range hetero {
		names := strings.Split(k, "|")
		k = names[0]
		for _, name := range names {
			for _, p := range m.Params {
				if p.Name == name {
					k = name
				}
			}
		}
		out[k] = v
	}
	return out
}

// loadModel compiles a library model or a corpus file name.
func loadModel(t testing.TB, name string) *ir.Model {
	t.Helper()
	src, ok := models.Source(name)
	path := name + ".nestml"
	if !ok {
		path = filepath.Join(corpusDir, name+".nestml")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Skipf("corpus model %s not available: %v", name, err)
		}
		src = b
	}
	return compileModel(t, path, src)
}

func compileModel(t testing.TB, path string, src []byte, opts ...pipeline.Options) *ir.Model {
	t.Helper()
	var o pipeline.Options
	if len(opts) > 0 {
		o = opts[0]
	}
	r := pipeline.Compile(path, src, o)
	if r.HasErrors() || len(r.Models) != 1 {
		t.Fatalf("compile %s: %v", path, r.Diagnostics)
	}
	return r.Models[0]
}

// engine is the API both simulators share, with node ranges as (first, n).
type engine interface {
	pop(m *ir.Model, n int) (int, int)
	sg(times, w []float64) int
	dc(amp, start, stop float64) int
	mm(vars []string, iv float64) int
	sr() int
	connect(pre, post []int, w, d float64, port string)
	indegree(pre, post []int, k int, w, d float64, wstd float64, dmax float64, port string)
	set(id int, name string, v float64)
	initState(ids []int)
	seed(s uint64)
	run(t float64) error
	rec(id int) ([]float64, []float64, map[string][]float64)
	setOutput(b *bytes.Buffer)
}

type refEngine struct {
	t   testing.TB
	net *refsim.Network
}

func (e *refEngine) pop(m *ir.Model, n int) (int, int) {
	r, err := e.net.CreatePopulation(m, n)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.First, r.N
}
func (e *refEngine) sg(times, w []float64) int {
	r, err := e.net.CreateSpikeGenerator(times, w)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.First
}
func (e *refEngine) dc(a, s, st float64) int {
	r, err := e.net.CreateDCGenerator(a, s, st)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.First
}
func (e *refEngine) mm(v []string, iv float64) int {
	r, err := e.net.CreateMultimeter(v, iv)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.First
}
func (e *refEngine) sr() int { return e.net.CreateSpikeRecorder().First }
func (e *refEngine) connect(pre, post []int, w, d float64, port string) {
	if err := e.net.Connect(pre, post, w, d, port); err != nil {
		e.t.Fatal(err)
	}
}
func (e *refEngine) indegree(pre, post []int, k int, w, d, wstd, dmax float64, port string) {
	wv := refsim.Value{Distribution: "normal", Mean: w, Std: wstd}
	dv := refsim.Value{Distribution: "uniform", Min: d, Max: dmax}
	if _, err := e.net.ConnectSpec(pre, post, refsim.ConnSpec{Rule: "fixed_indegree", Indegree: k}, wv, dv, port); err != nil {
		e.t.Fatal(err)
	}
}
func (e *refEngine) set(id int, name string, v float64) {
	if err := e.net.SetNodeValue(id, name, v); err != nil {
		e.t.Fatal(err)
	}
}
func (e *refEngine) initState(ids []int)       { e.net.InitState(ids) }
func (e *refEngine) seed(s uint64)             { e.net.SetSeed(s) }
func (e *refEngine) run(t float64) error       { return e.net.Simulate(t, nil) }
func (e *refEngine) setOutput(b *bytes.Buffer) { e.net.SetOutput(b) }
func (e *refEngine) rec(id int) ([]float64, []float64, map[string][]float64) {
	r, err := e.net.Recorder(id)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.Times, r.Senders, r.Values
}

type simEngine struct {
	t   testing.TB
	net *sim.Network
}

func (e *simEngine) pop(m *ir.Model, n int) (int, int) {
	r, err := e.net.CreatePopulation(m, n)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.First, r.N
}
func (e *simEngine) sg(times, w []float64) int {
	r, err := e.net.CreateSpikeGenerator(times, w)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.First
}
func (e *simEngine) dc(a, s, st float64) int {
	r, err := e.net.CreateDCGenerator(a, s, st)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.First
}
func (e *simEngine) mm(v []string, iv float64) int {
	r, err := e.net.CreateMultimeter(v, iv)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.First
}
func (e *simEngine) sr() int { return e.net.CreateSpikeRecorder().First }
func (e *simEngine) connect(pre, post []int, w, d float64, port string) {
	if err := e.net.Connect(pre, post, w, d, port); err != nil {
		e.t.Fatal(err)
	}
}
func (e *simEngine) indegree(pre, post []int, k int, w, d, wstd, dmax float64, port string) {
	wv := sim.Value{Distribution: "normal", Mean: w, Std: wstd}
	dv := sim.Value{Distribution: "uniform", Min: d, Max: dmax}
	if _, err := e.net.ConnectSpec(pre, post, sim.ConnSpec{Rule: "fixed_indegree", Indegree: k}, wv, dv, port); err != nil {
		e.t.Fatal(err)
	}
}
func (e *simEngine) set(id int, name string, v float64) {
	if err := e.net.SetNodeValue(id, name, v); err != nil {
		e.t.Fatal(err)
	}
}
func (e *simEngine) initState(ids []int)       { e.net.InitState(ids) }
func (e *simEngine) seed(s uint64)             { e.net.SetSeed(s) }
func (e *simEngine) run(t float64) error       { return e.net.Simulate(t, nil) }
func (e *simEngine) setOutput(b *bytes.Buffer) { e.net.SetOutput(b) }
func (e *simEngine) rec(id int) ([]float64, []float64, map[string][]float64) {
	r, err := e.net.Recorder(id)
	if err != nil {
		e.t.Fatal(err)
	}
	return r.Times, r.Senders, r.Values
}

func ids(first, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = first + i
	}
	return out
}

// stimulus is a reproducible set of excitatory and inhibitory spike trains.
func stimulus(seed uint64, tmax float64, n int, wlo, whi float64) (times, weights []float64) {
	r := rand.New(rand.NewPCG(seed, 7))
	last := 0.0
	for len(times) < n {
		last += math.Round((0.1+r.ExpFloat64()*tmax/float64(n))*10) / 10
		if last > tmax {
			break
		}
		w := wlo + (whi-wlo)*r.Float64()
		if r.IntN(3) == 0 {
			w = -w
		}
		times = append(times, math.Round(last*10)/10)
		weights = append(weights, math.Round(w*1000)/1000)
	}
	return
}

// neuronCase drives a few neurons of one model with spike trains (both
// signs, default routing), port-addressed spikes, two DC generators and
// heterogeneous parameters, and records every state variable.
type neuronCase struct {
	model       string
	n           int
	wlo, whi    float64 // spike weights
	dc          float64 // DC amplitude for neurons 0..n/2
	port        string  // a spike port addressed by name (optional)
	hetero      map[string][]float64
	tsim        float64
	splits      int
	threadsList []int
}

type trace struct {
	times, senders []float64
	values         map[string][]float64
	spikes         [2][]float64
	out            string
}

func runNeuronCase(t testing.TB, e engine, m *ir.Model, c neuronCase) trace {
	first, n := e.pop(m, c.n)
	for name, vals := range c.hetero {
		for i, v := range vals {
			e.set(first+i, name, v)
		}
	}
	e.initState(ids(first, n))
	times, weights := stimulus(11, c.tsim-5, int(c.tsim/2), c.wlo, c.whi)
	sg := e.sg(times, weights)
	e.connect([]int{sg}, ids(first, n), 1, 1, "")
	if c.port != "" {
		t2, w2 := stimulus(12, c.tsim-5, int(c.tsim/10), c.wlo, c.whi)
		for i := range w2 {
			w2[i] = math.Abs(w2[i])
		}
		sg2 := e.sg(t2, w2)
		e.connect([]int{sg2}, ids(first, n), 0.5, 2, c.port)
	}
	if c.dc != 0 {
		dc := e.dc(c.dc, 0, math.Inf(1))
		e.connect([]int{dc}, ids(first, (n+1)/2), 1, 0.1, "")
		dc2 := e.dc(c.dc/3, c.tsim/4, c.tsim/2)
		e.connect([]int{dc2}, ids(first, n), 1, 0.3, "")
	}
	var vars []string
	for _, v := range m.State {
		vars = append(vars, v.Name)
	}
	mm := e.mm(vars, 0.1)
	e.connect([]int{mm}, ids(first, n), 1, 1, "")
	sr := e.sr()
	e.connect(ids(first, n), []int{sr}, 1, 1, "")
	splits := c.splits
	if splits < 1 {
		splits = 1
	}
	for k := 0; k < splits; k++ {
		if err := e.run(c.tsim / float64(splits)); err != nil {
			t.Fatal(err)
		}
	}
	var tr trace
	tr.times, tr.senders, tr.values = e.rec(mm)
	st, ss, _ := e.rec(sr)
	tr.spikes = [2][]float64{st, ss}
	return tr
}

func sameBits(a, b []float64) (int, bool) {
	if len(a) != len(b) {
		return -1, false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return i, false
		}
	}
	return 0, true
}

func compareTraces(t *testing.T, label string, want, got trace) {
	t.Helper()
	if i, ok := sameBits(want.times, got.times); !ok {
		t.Errorf("%s: multimeter times differ at %d (len %d vs %d)", label, i, len(want.times), len(got.times))
		return
	}
	if i, ok := sameBits(want.senders, got.senders); !ok {
		t.Errorf("%s: multimeter senders differ at %d", label, i)
	}
	for k, w := range want.values {
		g := got.values[k]
		if i, ok := sameBits(w, g); !ok {
			if i >= 0 {
				t.Errorf("%s: %s differs first at sample %d (t = %v, sender %v): %v (reference) vs %v", label, k, i, want.times[i], want.senders[i], w[i], g[i])
			} else {
				t.Errorf("%s: %s has %d samples, reference %d", label, k, len(g), len(w))
			}
		}
	}
	for j, name := range []string{"spike times", "spike senders"} {
		if i, ok := sameBits(want.spikes[j], got.spikes[j]); !ok {
			t.Errorf("%s: %s differ at %d (%d vs %d spikes)", label, name, i, len(want.spikes[j]), len(got.spikes[j]))
		}
	}
	if want.out != got.out {
		t.Errorf("%s: printed output differs:\n%q\nvs\n%q", label, want.out, got.out)
	}
}

var threadCounts = []int{1, 2, 3, 8}

func TestRegressionNeuronModels(t *testing.T) {
	cases := []neuronCase{
		{model: "iaf_psc_exp_neuron", n: 6, wlo: 50, whi: 400, dc: 420, port: "inh_spikes",
			hetero: map[string][]float64{"tau_m": {10, 10, 10, 10, 2, 10}, "tau_syn_exc": {2, 2, 2, 2, 2, 10}, "C_m": {250, 200, 250, 250, 250, 250}}},
		{model: "iaf_psc_alpha_neuron", n: 5, wlo: 50, whi: 400, dc: 420, port: "exc_spikes",
			hetero: map[string][]float64{"tau_syn_exc": {2, 2, 0.5, 2, 10}}},
		{model: "iaf_psc_delta_neuron", n: 5, wlo: 0.5, whi: 3, dc: 420, splits: 6, tsim: 300},
		{model: "iaf_cond_exp_neuron", n: 5, wlo: 1, whi: 30, dc: 600},
		{model: "aeif_cond_exp_neuron", n: 5, wlo: 1, whi: 40, dc: 900,
			// NEST's a; our library's aeif_cond_exp_neuron calls it a_sub (a is a unit name)
			hetero: map[string][]float64{"a|a_sub": {4, 4, 0, 8, 4}}},
		{model: "izhikevich_neuron", n: 4, wlo: 1, whi: 10, dc: 8, splits: 3},
		{model: "hh_psc_alpha_neuron", n: 4, wlo: 50, whi: 1500, dc: 900},
	}
	for _, c := range cases {
		c := c
		t.Run(c.model, func(t *testing.T) {
			m := loadModel(t, c.model)
			c.hetero = paramAliases(m, c.hetero)
			if c.tsim == 0 {
				c.tsim = 300
			}
			refNet, _ := refsim.NewNetwork(0.1)
			want := runNeuronCase(t, &refEngine{t, refNet}, m, c)
			if len(want.spikes[0]) == 0 {
				t.Logf("%s: no spikes in the reference run", c.model)
			}
			for _, th := range threadCounts {
				net, _ := sim.NewNetwork(0.1)
				net.SetThreads(th)
				got := runNeuronCase(t, &simEngine{t, net}, m, c)
				compareTraces(t, c.model+" threads="+itoa(th), want, got)
			}
		})
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// TestRegressionNetwork runs a recurrent network of two populations (two
// models) with random connectivity, multapses, per-connection weights and
// delays, and a named port, driven by spike and DC generators.
func TestRegressionNetwork(t *testing.T) {
	mA := loadModel(t, "iaf_psc_alpha_neuron")
	mB := loadModel(t, "iaf_psc_exp_neuron")
	build := func(e engine) (int, int, int, int) {
		e.seed(4242)
		a, na := e.pop(mA, 60)
		b, nb := e.pop(mB, 25)
		for i := 0; i < na; i += 7 {
			e.set(a+i, "V_th", -56)
		}
		e.indegree(ids(a, na), ids(a, na), 8, 40, 0.5, 15, 3.0, "")
		e.indegree(ids(b, nb), ids(a, na), 4, -90, 1.0, 20, 2.0, "")
		e.indegree(ids(a, na), ids(b, nb), 10, 35, 0.1, 10, 4.0, "")
		e.indegree(ids(b, nb), ids(b, nb), 3, 25, 0.2, 5, 1.0, "exc_spikes")
		times, weights := stimulus(5, 395, 300, 100, 500)
		sg := e.sg(times, weights)
		e.connect([]int{sg}, ids(a, na), 1, 1, "")
		e.connect([]int{sg}, ids(b, nb), 0.7, 1.5, "")
		dc := e.dc(380, 0, math.Inf(1))
		e.connect([]int{dc}, ids(a, na), 1, 0.1, "")
		e.connect([]int{dc}, ids(b, nb), 1.1, 0.1, "")
		mm := e.mm([]string{"V_m"}, 0.5)
		e.connect([]int{mm}, append(ids(a, 5), ids(b, 5)...), 1, 1, "")
		sr := e.sr()
		e.connect(append(ids(b, nb), ids(a, na)...), []int{sr}, 1, 1, "")
		e.connect(ids(a, 3), []int{sr}, 1, 1, "") // recorded twice
		return a, b, mm, sr
	}
	collect := func(e engine, mm, sr int) trace {
		var tr trace
		tr.times, tr.senders, tr.values = e.rec(mm)
		st, ss, _ := e.rec(sr)
		tr.spikes = [2][]float64{st, ss}
		return tr
	}
	refNet, _ := refsim.NewNetwork(0.1)
	re := &refEngine{t, refNet}
	_, _, mm, sr := build(re)
	for _, tt := range []float64{150, 250} {
		if err := re.run(tt); err != nil {
			t.Fatal(err)
		}
	}
	want := collect(re, mm, sr)
	if len(want.spikes[0]) < 100 {
		t.Fatalf("the network is too quiet: %d spikes", len(want.spikes[0]))
	}
	for _, th := range threadCounts {
		net, _ := sim.NewNetwork(0.1)
		net.SetThreads(th)
		se := &simEngine{t, net}
		_, _, mm, sr := build(se)
		for _, tt := range []float64{150, 250} {
			if err := se.run(tt); err != nil {
				t.Fatal(err)
			}
		}
		compareTraces(t, "network threads="+itoa(th), want, collect(se, mm, sr))
	}
}

// featureModel exercises the statement forms: integer state, locals,
// if/elif/else, for and while loops, ternaries, functions, a random draw
// and print.
const featureModel = `
model feature_neuron:
    state:
        V_m mV = -70 mV
        refr_t ms = 0 ms
        n_spk integer = 0
        acc real = 0
        noise real = 0
    equations:
        V_m' = -(V_m - E_L) / tau_m + I_stim / C_m
        refr_t' = -1
    parameters:
        E_L mV = -70 mV
        tau_m ms = 10 ms
        C_m pF = 250 pF
        V_th mV = -55 mV
        refr_T ms = 2 ms
        sigma real = 0.5
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
        while j < n_spk % 3:
            j += 1
            acc -= 0.0005
        acc = acc > 10 ? acc / 2 : clip(acc, -5, 5)
        noise = random_normal(0, sigma) + min(1, max(-1, acc))
    onReceive(spikes):
        V_m += spikes * 1 mV * s
    onCondition(refr_t <= 0 ms and V_m >= V_th):
        refr_t = refr_T
        V_m = E_L
        n_spk += 1
        if n_spk % 5 == 0:
            println("neuron spiked {n_spk} times, acc={acc}")
        emit_spike()
`

func TestRegressionFeatures(t *testing.T) {
	m := compileModel(t, "feature.nestml", []byte(featureModel))
	c := neuronCase{model: "feature", n: 4, wlo: 1, whi: 8, dc: 500, tsim: 200, splits: 2}
	refNet, _ := refsim.NewNetwork(0.1)
	var rb bytes.Buffer
	re := &refEngine{t, refNet}
	re.seed(9)
	re.setOutput(&rb)
	want := runNeuronCase(t, re, m, c)
	want.out = rb.String()
	if len(want.out) == 0 {
		t.Fatal("the feature model printed nothing")
	}
	for _, th := range threadCounts {
		net, _ := sim.NewNetwork(0.1)
		net.SetThreads(th)
		var b bytes.Buffer
		se := &simEngine{t, net}
		se.seed(9)
		se.setOutput(&b)
		got := runNeuronCase(t, se, m, c)
		got.out = b.String()
		compareTraces(t, "feature threads="+itoa(th), want, got)
	}
}
