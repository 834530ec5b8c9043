// Command simbench runs one benchmark network of docs/benchmarks.md on the
// nestml_go engine and prints a JSON record (times, rates, memory), for the
// drivers in bench/sim to put beside NEST's and Brian2's.
//
//	go run ./bench/sim/simbench -case a -n 100000 -t 1000 -threads 2
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"syscall"
	"time"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/models"
	"nestml_go/gocore/pipeline"
	"nestml_go/gocore/sim"
)

var (
	caseName = flag.String("case", "a", "a (iaf_psc_exp+Poisson), b (aeif_cond_exp), c (hh_psc_alpha), d (Brunel), e (COBA), f (Brunel with STDP), trace (traces for -input)")
	n        = flag.Int("n", 0, "population size (0: the case's default)")
	tsim     = flag.Float64("t", 1000, "simulated time, ms")
	threads  = flag.Int("threads", 0, "threads (0: GOMAXPROCS)")
	native   = flag.Bool("native", true, "compiled C kernels: numeric parts, fused steps of models without one (false: the Go engine only)")
	method   = flag.String("method", "", "integration method of the numeric part: rk45, rk4 or forward-Euler (cases b, c, trace; default: the model's)")
	rate     = flag.Float64("rate", 0, "Poisson rate per neuron, Hz")
	weight   = flag.Float64("weight", 0, "Poisson weight (pA or nS)")
	jex      = flag.Float64("jex", 0, "Brunel: excitatory weight, pA")
	g        = flag.Float64("g", 5, "Brunel: relative inhibition")
	ce       = flag.Int("ce", 1000, "Brunel: excitatory in-degree")
	ci       = flag.Int("ci", 250, "Brunel: inhibitory in-degree")
	ne       = flag.Int("ne", 10000, "Brunel: excitatory neurons")
	ni       = flag.Int("ni", 2500, "Brunel: inhibitory neurons")
	input    = flag.String("input", "", "trace case: JSON with model, params, exc/inh spike times and weights, dc")
	corpus   = flag.String("corpus", "", "folder of upstream's neuron models (default: ../shared/corpus/... from the repository root)")
	seed     = flag.Uint64("seed", 1, "network seed")
	prob     = flag.Float64("p", 0.02, "COBA: connection probability")
	wex      = flag.Float64("wex", 6, "COBA: excitatory weight, nS")
	win      = flag.Float64("win", 67, "COBA: inhibitory weight, nS (positive; sent to the inhibitory port)")
)

type result struct {
	Engine   string               `json:"engine"`
	Case     string               `json:"case"`
	N        int                  `json:"n"`
	TMs      float64              `json:"t_ms"`
	Threads  int                  `json:"threads"`
	BuildS   float64              `json:"build_s"`
	SimS     float64              `json:"sim_s"`
	SimCPUS  float64              `json:"sim_cpu_s"`
	Spikes   int                  `json:"spikes"`
	RateHz   float64              `json:"rate_hz"`
	CV       *float64             `json:"cv_isi"` // null: no neuron spiked three times
	Synapses int                  `json:"synapses,omitempty"`
	SynBytes int64                `json:"synapse_bytes,omitempty"`
	HeapMB   float64              `json:"heap_mb"`
	Traces   map[string][]float64 `json:"traces,omitempty"`
	Plastic  int                  `json:"plastic_synapses,omitempty"`
	// PlasticBytesPer is the storage per plastic synapse, per synapse group
	PlasticBytesPer []int  `json:"plastic_bytes_per_synapse,omitempty"`
	Go              string `json:"go"`
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func fatal(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "simbench:", err)
		os.Exit(1)
	}
}

func load(name string, opts pipeline.Options) *ir.Model {
	src, ok := models.Source(name)
	path := name + ".nestml"
	if !ok {
		dir := *corpus
		if dir == "" {
			dir = filepath.Join("..", "shared", "corpus", "nestml-upstream", "models", "neurons")
		}
		path = filepath.Join(dir, name+".nestml")
		b, err := os.ReadFile(path)
		fatal(err)
		src = b
	}
	r := pipeline.Compile(path, src, opts)
	if r.HasErrors() || len(r.Models) != 1 {
		fatal(fmt.Errorf("compile %s: %v", path, r.Diagnostics))
	}
	return r.Models[0]
}

// loadSynapse compiles a synapse of our library, else of upstream's.
func loadSynapse(name string) *ir.Model {
	src, ok := models.Source(name)
	path := name + ".nestml"
	if !ok {
		path = filepath.Join("..", "shared", "corpus", "nestml-upstream", "models", "synapses", name+".nestml")
		b, err := os.ReadFile(path)
		fatal(err)
		src = b
	}
	r := pipeline.Compile(path, src, pipeline.Options{})
	if r.HasErrors() || len(r.Models) != 1 || !r.Models[0].IsSynapse {
		fatal(fmt.Errorf("compile %s: %v", path, r.Diagnostics))
	}
	return r.Models[0]
}

func set(net *sim.Network, r sim.NodeRange, params map[string]float64) {
	for k, v := range params {
		for _, id := range r.IDs() {
			fatal(net.SetNodeValue(id, k, v))
		}
	}
	net.InitState(r.IDs())
}

// stats returns the mean rate (Hz) and the mean CV of the interspike
// intervals over neurons with at least three spikes.
func stats(rec *sim.Recorder, nNeurons int, tms float64) (float64, float64) {
	by := map[int][]float64{}
	for k, s := range rec.Senders {
		by[int(s)] = append(by[int(s)], rec.Times[k])
	}
	var cvs []float64
	for _, ts := range by {
		if len(ts) < 3 {
			continue
		}
		sort.Float64s(ts)
		var sum, sum2 float64
		for k := 1; k < len(ts); k++ {
			d := ts[k] - ts[k-1]
			sum += d
			sum2 += d * d
		}
		m := float64(len(ts) - 1)
		mean := sum / m
		sd := math.Sqrt(math.Max(sum2/m-mean*mean, 0))
		cvs = append(cvs, sd/mean)
	}
	cv := math.NaN()
	if len(cvs) > 0 {
		s := 0.0
		for _, c := range cvs {
			s += c
		}
		cv = s / float64(len(cvs))
	}
	return float64(len(rec.Times)) / float64(nNeurons) / (tms / 1000), cv
}

// brunel builds NEST's brunel_alpha network (cases d and f): stdp, when
// not nil, makes the excitatory-to-excitatory synapses plastic.
func brunel(net *sim.Network, stdp *sim.SynapseSpec, rec **sim.Recorder, nNeurons *int) {
	m := load("iaf_psc_alpha_neuron", pipeline.Options{})
	params := map[string]float64{"C_m": 250, "tau_m": 20, "tau_syn_exc": 0.5, "tau_syn_inh": 0.5, "refr_T": 2, "E_L": 0, "V_reset": 0, "V_th": 20}
	ex, err := net.CreatePopulation(m, *ne)
	fatal(err)
	in, err := net.CreatePopulation(m, *ni)
	fatal(err)
	set(net, ex, params)
	set(net, in, params)
	all := append(ex.IDs(), in.IDs()...)
	pg, err := net.CreatePoissonGenerator(*rate, 0, math.Inf(1))
	fatal(err)
	fatal(net.Connect(pg.IDs(), all, *jex, 1.5, ""))
	indeg := sim.ConnSpec{Rule: "fixed_indegree", Indegree: *ce}
	if stdp == nil {
		_, err = net.ConnectSpec(ex.IDs(), all, indeg, sim.ConstValue(*jex), sim.ConstValue(1.5), "")
		fatal(err)
	} else {
		_, err = net.ConnectSynapse(ex.IDs(), ex.IDs(), indeg, sim.ConstValue(*jex), sim.ConstValue(1.5), stdp)
		fatal(err)
		_, err = net.ConnectSpec(ex.IDs(), in.IDs(), indeg, sim.ConstValue(*jex), sim.ConstValue(1.5), "")
		fatal(err)
	}
	_, err = net.ConnectSpec(in.IDs(), all, sim.ConnSpec{Rule: "fixed_indegree", Indegree: *ci}, sim.ConstValue(-*g**jex), sim.ConstValue(1.5), "")
	fatal(err)
	sr := net.CreateSpikeRecorder()
	fatal(net.Connect(ex.IDs(), sr.IDs(), 1, 0.1, ""))
	*rec, _ = net.Recorder(sr.First)
	*nNeurons = *ne
	*n = *ne + *ni
}

func main() {
	flag.Parse()
	res := result{Engine: "nestml_go", Case: *caseName, TMs: *tsim, Go: runtime.Version()}
	t0 := time.Now()
	net, _ := sim.NewNetwork(0.1)
	net.SetThreads(*threads)
	net.SetNative(*native)
	net.SetSeed(*seed)
	res.Threads = net.Threads()
	var rec *sim.Recorder
	nNeurons := 0
	finish := func() {}
	poissonPop := func(model string, opts pipeline.Options, params map[string]float64, def int, r, w float64) {
		m := load(model, opts)
		if *method != "" && m.Numeric != nil {
			m.Numeric.Method = *method
		}
		if *n == 0 {
			*n = def
		}
		pop, err := net.CreatePopulation(m, *n)
		fatal(err)
		set(net, pop, params)
		pg, err := net.CreatePoissonGenerator(r, 0, math.Inf(1))
		fatal(err)
		fatal(net.Connect(pg.IDs(), pop.IDs(), w, 0.1, ""))
		sr := net.CreateSpikeRecorder()
		fatal(net.Connect(pop.IDs(), sr.IDs(), 1, 0.1, ""))
		rec, _ = net.Recorder(sr.First)
		nNeurons = *n
	}
	switch *caseName {
	case "a":
		poissonPop("iaf_psc_exp_neuron", pipeline.Options{}, nil, 100000, *rate, *weight)
	case "b":
		// NEST's aeif models control the error with respect to the derivative
		poissonPop("aeif_cond_exp_neuron", pipeline.Options{Controller: "with_respect_to_derivative"}, nil, 10000, *rate, *weight)
	case "c":
		// NEST's hh_psc_alpha integrates with abs. tolerance 1e-3, rel. 0
		poissonPop("hh_psc_alpha_neuron", pipeline.Options{}, map[string]float64{"gsl_abs_error_tol": 1e-3, "gsl_rel_error_tol": 0}, 10000, *rate, *weight)
	case "d":
		brunel(net, nil, &rec, &nNeurons)
	case "f":
		// the Brunel network of case d with plastic excitatory-to-excitatory
		// synapses: stdp_synapse (multiplicative, NEST's defaults), Wmax = 2·J
		brunel(net, &sim.SynapseSpec{Model: loadSynapse("stdp_synapse"), Params: map[string]float64{
			"lambda": 0.01, "alpha": 1, "mu_plus": 1, "mu_minus": 1, "tau_tr_pre": 20, "tau_tr_post": 20, "Wmax": 2 * *jex}},
			&rec, &nNeurons)
		finish = func() {
			cnt, per := net.PlasticMemory()
			res.Plastic, res.PlasticBytesPer = cnt, per
		}
	case "e":
		// Vogels–Abbott COBA network as in Brette et al. (2007), benchmark 1:
		// 3200 + 800 conductance-based LIF neurons, 2 % connectivity, 6 nS /
		// 67 nS synapses, self-sustained from random initial V and conductances.
		m := load("iaf_cond_exp_neuron", pipeline.Options{})
		params := map[string]float64{"C_m": 200, "g_L": 10, "E_L": -60, "V_th": -50, "V_reset": -60, "refr_T": 5,
			"E_exc": 0, "E_inh": -80, "tau_syn_exc": 5, "tau_syn_inh": 10}
		ex, err := net.CreatePopulation(m, *ne)
		fatal(err)
		in, err := net.CreatePopulation(m, *ni)
		fatal(err)
		set(net, ex, params)
		set(net, in, params)
		all := append(ex.IDs(), in.IDs()...)
		rng := rand.New(rand.NewPCG(*seed, 2))
		for _, id := range all {
			fatal(net.SetNodeValue(id, "V_m", -60+10*rng.Float64()))
			fatal(net.SetNodeValue(id, "K_exc__X__exc_spikes", 10*(4+1.5*rng.NormFloat64())))
			fatal(net.SetNodeValue(id, "K_inh__X__inh_spikes", 10*(20+12*rng.NormFloat64())))
		}
		no := false
		spec := sim.ConnSpec{Rule: "pairwise_bernoulli", P: *prob, AllowAutapses: &no}
		_, err = net.ConnectSpec(ex.IDs(), all, spec, sim.ConstValue(*wex), sim.ConstValue(0.1), "")
		fatal(err)
		_, err = net.ConnectSpec(in.IDs(), all, spec, sim.ConstValue(-*win), sim.ConstValue(0.1), "")
		fatal(err)
		sr := net.CreateSpikeRecorder()
		fatal(net.Connect(all, sr.IDs(), 1, 0.1, ""))
		rec, _ = net.Recorder(sr.First)
		nNeurons = *ne + *ni
		*n = nNeurons
	case "trace":
		var in struct {
			Model  string             `json:"model"`
			Params map[string]float64 `json:"params"`
			N      int                `json:"n"`
			Exc    [][]float64        `json:"exc_times"`
			ExcW   [][]float64        `json:"exc_weights"`
			DC     float64            `json:"dc"`
			Record []string           `json:"record"`
			// the numeric solver's step-size controller (default: the model's)
			Controller string `json:"controller"`
		}
		b, err := os.ReadFile(*input)
		fatal(err)
		fatal(json.Unmarshal(b, &in))
		m := load(in.Model, pipeline.Options{Controller: in.Controller})
		if *method != "" && m.Numeric != nil {
			m.Numeric.Method = *method
		}
		pop, err := net.CreatePopulation(m, in.N)
		fatal(err)
		set(net, pop, in.Params)
		for i := 0; i < in.N; i++ {
			sg, err := net.CreateSpikeGenerator(in.Exc[i], in.ExcW[i])
			fatal(err)
			fatal(net.Connect(sg.IDs(), []int{pop.First + i}, 1, 0.1, ""))
		}
		if in.DC != 0 {
			dc, err := net.CreateDCGenerator(in.DC, 0, math.Inf(1))
			fatal(err)
			fatal(net.Connect(dc.IDs(), pop.IDs(), 1, 0.1, ""))
		}
		mm, err := net.CreateMultimeter(in.Record, 0.1)
		fatal(err)
		fatal(net.Connect(mm.IDs(), pop.IDs(), 1, 0.1, ""))
		sr := net.CreateSpikeRecorder()
		fatal(net.Connect(pop.IDs(), sr.IDs(), 1, 0.1, ""))
		rec, _ = net.Recorder(sr.First)
		nNeurons = in.N
		*n = in.N
		finish = func() {
			r, _ := net.Recorder(mm.First)
			res.Traces = map[string][]float64{"times": r.Times, "senders": r.Senders, "spike_times": rec.Times, "spike_senders": rec.Senders}
			for _, k := range in.Record {
				res.Traces[k] = r.Values[k]
			}
		}
	default:
		fatal(fmt.Errorf("unknown case %q", *caseName))
	}
	res.N = *n
	// the first step prepares tables and propagators: part of building
	fatal(net.Simulate(0.1, nil))
	res.BuildS = time.Since(t0).Seconds()
	if path := os.Getenv("SIMBENCH_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		fatal(err)
		fatal(pprof.StartCPUProfile(f))
		defer pprof.StopCPUProfile()
	}
	c0, w0 := cpuTime(), time.Now()
	fatal(net.Simulate(*tsim-0.1, nil))
	res.SimS = time.Since(w0).Seconds()
	res.SimCPUS = (cpuTime() - c0).Seconds()
	res.Spikes = len(rec.Times)
	var cv float64
	res.RateHz, cv = stats(rec, nNeurons, *tsim)
	if !math.IsNaN(cv) {
		res.CV = &cv
	}
	res.Synapses, res.SynBytes = net.SynapseMemory()
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	res.HeapMB = float64(ms.HeapAlloc) / 1e6
	runtime.KeepAlive(net)
	finish()
	b, err := json.Marshal(res)
	fatal(err)
	os.Stdout.Write(append(b, '\n'))
}
