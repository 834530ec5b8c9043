package sim_test

import (
	"cmp"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/models"
	"nestml_go/gocore/sim"
)

// synapseDir holds upstream's synapse models (read in place).
const synapseDir = "../../../shared/corpus/nestml-upstream/models/synapses"

// loadSynapse compiles upstream's synapse model of that name, or, without
// the corpus, our bundled one.
func loadSynapse(t testing.TB, name string) *ir.Model {
	t.Helper()
	path := filepath.Join(synapseDir, name+".nestml")
	b, err := os.ReadFile(path)
	if err != nil {
		if src, ok := models.Source(name); ok {
			return compileModel(t, name+".nestml", src)
		}
		t.Skipf("corpus synapse %s not available: %v", name, err)
	}
	m := compileModel(t, path, b)
	if !m.IsSynapse {
		t.Fatalf("%s not lowered as a synapse", name)
	}
	return m
}

// stdpReference is NEST's stdp_synapse rule written out directly (pair
// based, all-to-all; the post trace from the spikes strictly before
// t_pre − d): the weight after each presynaptic spike.
func stdpReference(pre, post []float64, d, w, tauPlus, tauMinus, lambda, alpha, muPlus, muMinus, wmax float64) []float64 {
	var out []float64
	kplus, tlast := 0.0, 0.0
	for _, tp := range pre {
		for _, tq := range post {
			if tq > tlast-d && tq <= tp-d {
				k := kplus * math.Exp((tlast-(tq+d))/tauPlus)
				nw := w/wmax + lambda*math.Pow(1-w/wmax, muPlus)*k
				w = math.Min(nw, 1) * wmax
			}
		}
		km := 0.0
		for _, tq := range post {
			if tq < tp-d {
				km += math.Exp((tq - (tp - d)) / tauMinus)
			}
		}
		nw := w/wmax - alpha*lambda*math.Pow(w/wmax, muMinus)*km
		w = math.Max(nw, 0) * wmax
		out = append(out, w)
		kplus = kplus*math.Exp((tlast-tp)/tauPlus) + 1
		tlast = tp
	}
	return out
}

// parrotPair drives two parrot neurons with the given spike trains (delay
// 1 ms from the generators) and connects them with syn: it returns the
// weight_recorder.
func parrotPair(t *testing.T, pre, post []float64, delay, weight float64, syn *sim.SynapseSpec, tEnd float64) *sim.Recorder {
	t.Helper()
	net, _ := sim.NewNetwork(0.1)
	gpre, err := net.CreateSpikeGenerator(pre, nil)
	if err != nil {
		t.Fatal(err)
	}
	gpost, _ := net.CreateSpikeGenerator(post, nil)
	parrots, err := net.CreatePopulation(sim.ParrotModel(), 2)
	if err != nil {
		t.Fatal(err)
	}
	wr := net.CreateWeightRecorder()
	net.Connect(gpre.IDs(), []int{parrots.First}, 1, 1, "")
	net.Connect(gpost.IDs(), []int{parrots.First + 1}, 1, 1, "")
	syn.WeightRecorder = wr.First
	syn.Receptor = "no_repeat"
	if _, err := net.ConnectSynapse([]int{parrots.First}, []int{parrots.First + 1}, sim.ConnSpec{}, sim.ConstValue(weight), sim.ConstValue(delay), syn); err != nil {
		t.Fatal(err)
	}
	if err := net.Simulate(tEnd, nil); err != nil {
		t.Fatal(err)
	}
	r, _ := net.Recorder(wr.First)
	return r
}

func TestSTDPSynapseMatchesPairRule(t *testing.T) {
	m := loadSynapse(t, "stdp_synapse")
	// generator times; the parrots fire 1 ms later. No post spike is
	// exactly d after a pre spike (see docs/synapses.md).
	preGen := []float64{10, 17.3, 25, 31.1, 48, 52.2, 70, 71.5, 90.4, 120, 180}
	postGen := []float64{12.4, 16, 26.7, 30, 45.5, 53, 53.1, 69.2, 100, 150}
	d := 1.5
	spec := &sim.SynapseSpec{Model: m, Params: map[string]float64{
		"tau_tr_pre": 16.8, "tau_tr_post": 33.7, "lambda": 0.05, "alpha": 1.2,
		"mu_plus": 0.4, "mu_minus": 0.6, "Wmax": 100}}
	r := parrotPair(t, preGen, postGen, d, 50, spec, 200)
	var pre, post []float64
	for _, x := range preGen {
		pre = append(pre, x+1)
	}
	for _, x := range postGen {
		post = append(post, x+1)
	}
	want := stdpReference(pre, post, d, 50, 16.8, 33.7, 0.05, 1.2, 0.4, 0.6, 100)
	got := r.Values["weights"]
	if len(got) != len(want) {
		t.Fatalf("%d weight events, want %d", len(got), len(want))
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12*math.Abs(want[i]) || math.Abs(r.Times[i]-pre[i]) > 1e-12 {
			t.Errorf("event %d: t=%v w=%.17g, want t=%v w=%.17g", i, r.Times[i], got[i], pre[i], want[i])
		}
	}
	if got[len(got)-1] == 50 {
		t.Error("the weight did not change")
	}
}

func TestTsodyksSynapseMatchesClosedForm(t *testing.T) {
	m := loadSynapse(t, "tsodyks_synapse")
	preGen := []float64{5, 10, 12, 30, 31, 60}
	spec := &sim.SynapseSpec{Model: m, Params: map[string]float64{"tau_psc": 3, "tau_rec": 400, "tau_fac": 50, "U": 0.3}}
	r := parrotPair(t, preGen, []float64{1}, 1, 2.5, spec, 80)
	// NEST's tsodyks_synapse (Tsodyks, Uziel, Markram 2000) written out
	x, y, u, tl := 1.0, 0.0, 0.3, 0.0
	for i, g := range preGen {
		tp := g + 1
		h := tp - tl
		puu := math.Exp(-h / 50)
		pyy := math.Exp(-h / 3)
		pzz := math.Exp(-h / 400)
		pxy := ((pzz-1)*400 - (pyy-1)*3) / (3 - 400)
		z := 1 - x - y
		u *= puu
		x += pxy*y + (1-pzz)*z
		y *= pyy
		u += 0.3 * (1 - u)
		dy := u * x
		x -= dy
		y += dy
		tl = tp
		if i >= len(r.Values["weights"]) {
			t.Fatalf("only %d weight events", len(r.Values["weights"]))
		}
		if got, want := r.Values["weights"][i], dy*2.5; math.Abs(got-want) > 1e-12*want {
			t.Errorf("spike %d: weight %.17g, want %.17g", i, got, want)
		}
	}
}

// plasticNet is a recurrent network with STDP, Tsodyks and noisy synapses
// driven by Poisson input.
func plasticNet(t *testing.T, threads int, chunks []float64) (*sim.Network, *sim.Recorder, *sim.Recorder) {
	net, _ := sim.NewNetwork(0.1)
	net.SetThreads(threads)
	net.SetSeed(5)
	pop, err := net.CreatePopulation(loadModel(t, "iaf_psc_alpha_neuron"), 400)
	if err != nil {
		t.Fatal(err)
	}
	pg, _ := net.CreatePoissonGenerator(8000, 0, math.Inf(1))
	net.Connect(pg.IDs(), pop.IDs(), 60, 0.1, "")
	wr := net.CreateWeightRecorder()
	for _, s := range []struct {
		name string
		w    float64
	}{{"stdp_synapse", 20}, {"tsodyks_synapse", 40}, {"noisy_synapse", -10}} {
		spec := &sim.SynapseSpec{Model: loadSynapse(t, s.name), WeightRecorder: wr.First}
		if _, err := net.ConnectSynapse(pop.IDs(), pop.IDs(), sim.ConnSpec{Rule: "fixed_indegree", Indegree: 10},
			sim.ConstValue(s.w), sim.Value{Distribution: "uniform", Min: 0.5, Max: 3}, spec); err != nil {
			t.Fatal(err)
		}
	}
	sr := net.CreateSpikeRecorder()
	net.Connect(pop.IDs(), sr.IDs(), 1, 0.1, "")
	for _, c := range chunks {
		if err := net.Simulate(c, nil); err != nil {
			t.Fatal(err)
		}
	}
	rs, _ := net.Recorder(sr.First)
	rw, _ := net.Recorder(wr.First)
	return net, rs, rw
}

func TestPlasticSynapsesThreadIndependent(t *testing.T) {
	net, s1, w1 := plasticNet(t, 1, []float64{80})
	if len(s1.Times) < 200 || len(w1.Times) < 1000 {
		t.Fatalf("only %d spikes and %d weight events", len(s1.Times), len(w1.Times))
	}
	n, per := net.PlasticMemory()
	if n != 3*400*10 {
		t.Errorf("%d plastic synapses, want %d", n, 3*400*10)
	}
	// stdp_synapse: record 8 B + w, pre_trace (post_trace is kept per
	// neuron); tsodyks: 8 B + x, y, u, t_last_update + the weight
	// parameter; noisy: 8 B + the weight parameter
	if want := []int{24, 48, 16}; len(per) != 3 || per[0] != want[0] || per[1] != want[1] || per[2] != want[2] {
		t.Errorf("bytes per synapse %v, want %v", per, want)
	}
	for _, c := range []struct {
		threads int
		chunks  []float64
	}{{2, []float64{80}}, {3, []float64{30, 0.1, 49.9}}} {
		_, s2, w2 := plasticNet(t, c.threads, c.chunks)
		for _, k := range []struct {
			name string
			a, b []float64
		}{{"spike times", s1.Times, s2.Times}, {"spike senders", s1.Senders, s2.Senders},
			{"weight times", w1.Times, w2.Times}, {"weight senders", w1.Senders, w2.Senders},
			{"weight targets", w1.Values["targets"], w2.Values["targets"]}, {"weights", w1.Values["weights"], w2.Values["weights"]}} {
			if i, ok := sameBits(k.a, k.b); !ok {
				t.Errorf("threads=%d chunks=%v: %s differ at %d (%d vs %d)", c.threads, c.chunks, k.name, i, len(k.a), len(k.b))
			}
		}
	}
}

func TestSynapseErrors(t *testing.T) {
	stdp := loadSynapse(t, "stdp_synapse")
	neuron := loadModel(t, "iaf_psc_alpha_neuron")
	net, _ := sim.NewNetwork(0.1)
	pop, _ := net.CreatePopulation(neuron, 2)
	gen, _ := net.CreateSpikeGenerator([]float64{1}, nil)
	for _, c := range []struct {
		pre  []int
		spec sim.SynapseSpec
		want string
	}{
		{pop.IDs(), sim.SynapseSpec{Model: neuron}, "not a synapse"},
		{pop.IDs(), sim.SynapseSpec{Model: stdp, WeightVar: "g"}, "no weight variable \"g\""},
		{pop.IDs(), sim.SynapseSpec{Model: stdp, PostPort: "post"}, "no spike port \"post\""},
		{pop.IDs(), sim.SynapseSpec{Model: stdp, Params: map[string]float64{"tau": 1}}, "no parameter \"tau\""},
		{pop.IDs(), sim.SynapseSpec{Model: stdp, Params: map[string]float64{"Wmax": -1}}, "violates"},
		{pop.IDs(), sim.SynapseSpec{Model: stdp, Receptor: "nope"}, "no spike input port \"nope\""},
		{gen.IDs(), sim.SynapseSpec{Model: stdp}, "parrot_neuron"},
	} {
		_, err := net.ConnectSynapse(c.pre, pop.IDs(), sim.ConnSpec{}, sim.ConstValue(1), sim.ConstValue(1), &c.spec)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want %q", c.spec, err, c.want)
		}
	}
}

// parrotSTDP runs STDP synapses between parrot neurons driven by Poisson
// trains (receptor no_repeat: the weights do not change the spikes).
func parrotSTDP(t *testing.T, state map[string]float64) ([]float64, []int) {
	net, _ := sim.NewNetwork(0.1)
	net.SetSeed(11)
	pg, _ := net.CreatePoissonGenerator(40, 0, math.Inf(1))
	parrots, err := net.CreatePopulation(sim.ParrotModel(), 100)
	if err != nil {
		t.Fatal(err)
	}
	net.Connect(pg.IDs(), parrots.IDs(), 1, 0.1, "")
	wr := net.CreateWeightRecorder()
	spec := &sim.SynapseSpec{Model: loadSynapse(t, "stdp_synapse"), WeightRecorder: wr.First, Receptor: "no_repeat",
		State: state, Params: map[string]float64{"lambda": 0.05, "tau_tr_post": 33.7}}
	if _, err := net.ConnectSynapse(parrots.IDs(), parrots.IDs(), sim.ConnSpec{Rule: "fixed_indegree", Indegree: 10},
		sim.ConstValue(50), sim.Value{Distribution: "uniform", Min: 0.1, Max: 5}, spec); err != nil {
		t.Fatal(err)
	}
	if err := net.Simulate(2000, nil); err != nil {
		t.Fatal(err)
	}
	r, _ := net.Recorder(wr.First)
	_, per := net.PlasticMemory()
	return r.Values["weights"], per
}

// The post trace kept per neuron (24-byte synapses) gives the weights of
// the same trace kept in every synapse (an initial value ≠ 0 keeps it
// there), through long runs with history trimming.
func TestPostTraceKeptPerNeuronMatchesPerSynapse(t *testing.T) {
	moved, perMoved := parrotSTDP(t, nil)
	kept, perKept := parrotSTDP(t, map[string]float64{"post_trace": 1e-300})
	if perMoved[0] != 24 || perKept[0] != 32 {
		t.Fatalf("bytes per synapse %v and %v, want 24 and 32", perMoved, perKept)
	}
	if len(moved) != len(kept) || len(moved) < 50000 {
		t.Fatalf("%d and %d weight events", len(moved), len(kept))
	}
	changed := 0
	for i := range moved {
		if math.Abs(moved[i]-kept[i]) > 1e-12*math.Abs(kept[i]) {
			t.Fatalf("event %d: weight %.17g, per-synapse trace gives %.17g", i, moved[i], kept[i])
		}
		if moved[i] != 50 {
			changed++
		}
	}
	if changed < len(moved)/2 {
		t.Errorf("only %d of %d weights changed", changed, len(moved))
	}
}

// Every corpus synapse without a volume transmitter simulates in a small
// recurrent network; the neuromodulated one is refused with a clear error.
func TestCorpusSynapsesSimulate(t *testing.T) {
	bytes := map[string]int{"static_synapse": 16, "stdp_synapse": 24, "stdp_nn_symm_synapse": 24,
		"stdp_nn_pre_centered_synapse": 24, "stdp_nn_restr_symm_synapse": 32, "stdp_triplet_synapse": 32,
		"tsodyks_synapse": 48, "noisy_synapse": 16, "stdsp_synapse": 40}
	for name, want := range bytes {
		net, _ := sim.NewNetwork(0.1)
		pop, _ := net.CreatePopulation(loadModel(t, "iaf_psc_exp_neuron"), 50)
		pg, _ := net.CreatePoissonGenerator(20000, 0, math.Inf(1))
		net.Connect(pg.IDs(), pop.IDs(), 30, 0.1, "")
		wr := net.CreateWeightRecorder()
		spec := &sim.SynapseSpec{Model: loadSynapse(t, name), WeightRecorder: wr.First}
		if _, err := net.ConnectSynapse(pop.IDs(), pop.IDs(), sim.ConnSpec{Rule: "fixed_indegree", Indegree: 5},
			sim.ConstValue(20), sim.ConstValue(1), spec); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := net.Simulate(100, nil); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		r, _ := net.Recorder(wr.First)
		_, per := net.PlasticMemory()
		// stdsp_synapse transmits only above its permanence threshold,
		// which its defaults never reach
		if (len(r.Times) < 100 && name != "stdsp_synapse") || per[0] != want {
			t.Errorf("%s: %d weight events, %d bytes per synapse (want %d)", name, len(r.Times), per[0], want)
		}
	}
	net, _ := sim.NewNetwork(0.1)
	pop, _ := net.CreatePopulation(loadModel(t, "iaf_psc_exp_neuron"), 2)
	_, err := net.ConnectSynapse(pop.IDs(), pop.IDs(), sim.ConnSpec{}, sim.ConstValue(1), sim.ConstValue(1),
		&sim.SynapseSpec{Model: loadSynapse(t, "neuromodulated_stdp_synapse")})
	if err == nil || !strings.Contains(err.Error(), "volume") {
		t.Errorf("neuromodulated_stdp_synapse without a volume transmitter: error %v", err)
	}
}

// neuromodulated_stdp_synapse with a volume_transmitter: the dopamine
// spikes (no delay), the postsynaptic spikes (at t_post + d) and the
// presynaptic spikes are handled in time order; the reference below runs
// the model's rules over the merged event list directly.
func TestNeuromodulatedSynapseWithVolumeTransmitter(t *testing.T) {
	m := loadSynapse(t, "neuromodulated_stdp_synapse")
	preGen := []float64{10, 30, 52.5, 80, 120, 160}
	postGen := []float64{14, 33.3, 60, 100, 140.1}
	dopaGen := []float64{20, 31.2, 90, 130}
	const d, w0, b = 2.0, 100.0, 0.01
	net, _ := sim.NewNetwork(0.1)
	gens := make([]sim.NodeRange, 3)
	for k, tr := range [][]float64{preGen, postGen, dopaGen} {
		gens[k], _ = net.CreateSpikeGenerator(tr, nil)
	}
	parrots, _ := net.CreatePopulation(sim.ParrotModel(), 3)
	for k := range gens {
		net.Connect(gens[k].IDs(), []int{parrots.First + k}, 1, 1, "")
	}
	vt := net.CreateVolumeTransmitter()
	if err := net.Connect([]int{parrots.First + 2}, vt.IDs(), 1, 1, ""); err != nil {
		t.Fatal(err)
	}
	wr := net.CreateWeightRecorder()
	spec := &sim.SynapseSpec{Model: m, WeightRecorder: wr.First, VolumeTransmitter: vt.First, Receptor: "no_repeat",
		Params: map[string]float64{"b": b, "A_plus": 50, "A_minus": 60, "tau_c": 100}}
	if _, err := net.ConnectSynapse([]int{parrots.First}, []int{parrots.First + 1}, sim.ConnSpec{}, sim.ConstValue(w0), sim.ConstValue(d), spec); err != nil {
		t.Fatal(err)
	}
	if err := net.Simulate(200, nil); err != nil {
		t.Fatal(err)
	}
	r, _ := net.Recorder(wr.First)
	// reference: events (time, kind 0 = dopamine, 1 = post, 2 = pre)
	type ev struct {
		t    float64
		kind int
	}
	var evs []ev
	for _, x := range dopaGen {
		evs = append(evs, ev{x + 1 + 1, 0}) // generator → parrot → transmitter: 1 ms each
	}
	for _, x := range postGen {
		evs = append(evs, ev{x + 1 + d, 1})
	}
	for _, x := range preGen {
		evs = append(evs, ev{x + 1, 2})
	}
	slices.SortStableFunc(evs, func(a, b ev) int {
		if a.t != b.t {
			return cmp.Compare(a.t, b.t)
		}
		return cmp.Compare(a.kind, b.kind)
	})
	tauPre, tauPost, tauC, tauN := 20.0, 20.0, 100.0, 200.0
	tauS := (tauC + tauN) / (tauC * tauN)
	w, n, c, pre, post, last := w0, 0.0, 0.0, 0.0, 0.0, 0.0
	var want []float64
	for _, e := range evs {
		dt := e.t - last
		w -= c * (n/tauS*math.Expm1(-tauS*dt) - b*tauC*math.Expm1(-dt/tauC))
		c *= math.Exp(-dt / tauC)
		n *= math.Exp(-dt / tauN)
		pre *= math.Exp(-dt / tauPre)
		post *= math.Exp(-dt / tauPost)
		last = e.t
		switch e.kind {
		case 0:
			n += 1 / tauN
		case 1:
			post++
			c += 50 * pre
		case 2:
			pre++
			c -= 60 * post
			want = append(want, w)
		}
	}
	got := r.Values["weights"]
	if len(got) != len(want) {
		t.Fatalf("%d weight events, want %d", len(got), len(want))
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-11*math.Abs(want[i]) {
			t.Errorf("pre spike %d: w = %.17g, want %.17g", i, got[i], want[i])
		}
	}
	if want[len(want)-1] == w0 {
		t.Error("the weight did not change")
	}
}
