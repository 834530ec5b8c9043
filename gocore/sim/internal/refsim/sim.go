// Package refsim is a frozen copy of the first simulation engine (the
// per-neuron closure interpreter), kept as the reference that the
// vectorized engine of package sim must reproduce bit for bit; it is used
// by tests only and is not to be extended.
//
// The original package documentation follows. Package sim is the in-process simulation engine: populations of IR models
// stored as structure-of-arrays columns, NEST-style devices and recorders,
// and a time-driven loop that follows NEST's per-step order and spike
// delivery timing exactly, so that traces agree with NEST running the same
// model.
//
// Timing (as NEST): step s covers the interval (s·h, (s+1)·h]. A spike
// emitted during step s carries the time stamp (s+1)·h; with a delay of D
// steps it is read by its target at the start of step s+D. A current sent
// during step s with delay D is latched at the end of step s+D and acts
// during step s+D+1. Recorders stamp step s with (s+1)·h.
package refsim

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"

	"nestml_go/gocore/expm"
	"nestml_go/gocore/ir"
	"nestml_go/gocore/rkf45"
)

// Network holds nodes and connections and advances time.
type Network struct {
	h     float64
	step  int64 // steps simulated so far
	nodes []node
	pops  []*Population
	gens  []*generator
	recs  []*Recorder
	// delivery ring length (max delay + 1), fixed when simulation starts
	ringLen int
	started bool
	out     io.Writer
	seed    uint64
	rng     *rand.Rand
}

// node is one NEST-style node (a neuron of a population or a device).
type node struct {
	pop   *Population
	index int // neuron index within pop
	gen   *generator
	rec   *Recorder
}

// NewNetwork returns an empty network with step size h (ms).
func NewNetwork(h float64) (*Network, error) {
	if !(h > 0) || math.IsInf(h, 0) {
		return nil, fmt.Errorf("resolution must be a positive finite number of ms, got %v", h)
	}
	return &Network{h: h, out: os.Stdout}, nil
}

// SetOutput redirects print()/println() output of models.
func (n *Network) SetOutput(w io.Writer) { n.out = w }

func (n *Network) print(s string) { io.WriteString(n.out, s) }

// Resolution returns h in ms.
func (n *Network) Resolution() float64 { return n.h }

// Time returns the simulated time in ms.
func (n *Network) Time() float64 { return n.stamp(n.step) }

func (n *Network) timeEnd() float64 { return n.stamp(n.step + 1) }

// stamp returns the time of the end of step s-1 (s·h) in ms, computed as
// NEST does, from integer tics (1000 tics per ms), so that recorded times
// are the same floating-point numbers NEST reports (NEST multiplies the
// tic count by ms-per-tic).
func (n *Network) stamp(s int64) float64 {
	tps := int64(math.Round(n.h * 1000))
	return msPerTic * float64(s*tps)
}

// msPerTic is NEST's Range::MS_PER_TIC (1/1000 with the default 1000 tics per ms).
const msPerTic = 1.0 / 1000

// NodeRange is a contiguous range of node ids, [First, First+N).
type NodeRange struct {
	First, N int
}

// IDs returns the ids of r.
func (r NodeRange) IDs() []int {
	out := make([]int, r.N)
	for i := range out {
		out[i] = r.First + i
	}
	return out
}

func (n *Network) addNodes(k int, mk func(i int) node) NodeRange {
	first := len(n.nodes) + 1
	for i := 0; i < k; i++ {
		n.nodes = append(n.nodes, mk(i))
	}
	return NodeRange{first, k}
}

func (n *Network) node(id int) (*node, error) {
	if id < 1 || id > len(n.nodes) {
		return nil, fmt.Errorf("node id %d does not exist (the network has %d nodes)", id, len(n.nodes))
	}
	return &n.nodes[id-1], nil
}

// Population is N neurons of one IR model.
type Population struct {
	net   *Network
	Model *ir.Model
	N     int
	first int // node id of neuron 0

	params, state, internals [][]float64
	spikeIn                  [][]float64 // latched summed weights per port
	spikeCnt                 [][]float64 // latched counts per port
	contIn                   [][]float64 // latched continuous input per port
	spikeRing, cntRing       [][]float64 // [port][slot*N + i]
	contRing                 [][]float64
	locals                   []float64

	// numeric integration (Model.Numeric)
	y        []float64 // the numeric vector being integrated (read by KODE refs)
	hint     []float64 // per-neuron persistent step memory
	rhsFns   []evalFn
	ws       *rkf45.Workspace
	isConv   []bool // per state index
	convNew  [][]float64
	jumpFns  []evalFn // SpikeJumps coefficients
	deltaFns []evalFn // DeltaJumps coefficients
	err      error
	random   *rand.Rand

	update, cond  execFn
	recv          []execFn
	condFns       []evalFn
	condBodies    []execFn
	props         []*blockProp // per analytic block
	stateInBlock  []blockPos
	emitted       []int // neuron indices that spiked in the current step
	paramDefaults []evalFn
	stateInits    []evalFn
	internalFns   []evalFn

	out []*conn // outgoing connections per neuron (flattened by neuron)
	// outgoing connections per neuron
	targets [][]conn
}

type blockPos struct{ block, row int }

// blockProp caches the propagators of one analytic block. The block's
// numbers depend on parameters only, so they are computed per distinct
// parameter tuple (one entry for a homogeneous population).
type blockProp struct {
	blk      *ir.AnalyticBlock
	aFns     [][]evalFn
	cFns     [][]evalFn // n × (1+K): b0 then B columns
	chanFns  []evalFn
	perN     []int // neuron → entry
	entries  []propEntry
	tmp      []float64
	scratchA []float64
	scratchC []float64
}

type propEntry struct {
	p, q []float64 // n×n and n×(1+K)
}

type conn struct {
	pop    *Population
	index  int
	port   int
	weight float64
	delay  int // steps
}

// CreatePopulation adds n neurons of model m with default parameters.
func (n *Network) CreatePopulation(m *ir.Model, k int) (NodeRange, error) {
	if k < 1 {
		return NodeRange{}, fmt.Errorf("n must be ≥ 1, got %d", k)
	}
	if n.started {
		return NodeRange{}, fmt.Errorf("nodes cannot be created after the simulation has started")
	}
	p := &Population{net: n, Model: m, N: k, first: len(n.nodes) + 1}
	col := func(c int) [][]float64 {
		out := make([][]float64, c)
		for i := range out {
			out[i] = make([]float64, k)
		}
		return out
	}
	p.params, p.state, p.internals = col(len(m.Params)), col(len(m.State)), col(len(m.Internals))
	p.spikeIn, p.spikeCnt, p.contIn = col(len(m.SpikePorts)), col(len(m.SpikePorts)), col(len(m.ContPorts))
	p.locals = make([]float64, 64)
	p.targets = make([][]conn, k)
	var err error
	compile := func(vars []*ir.Var) ([]evalFn, error) {
		out := make([]evalFn, len(vars))
		for i, v := range vars {
			if out[i], err = compileExpr(v.Init); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	if p.paramDefaults, err = compile(m.Params); err != nil {
		return NodeRange{}, err
	}
	if p.internalFns, err = compile(m.Internals); err != nil {
		return NodeRange{}, err
	}
	if p.stateInits, err = compile(m.State); err != nil {
		return NodeRange{}, err
	}
	maxLocal := 0
	countLocals(m, &maxLocal)
	if maxLocal > len(p.locals) {
		p.locals = make([]float64, maxLocal)
	}
	if p.update, err = compileStmts(m.Update, m); err != nil {
		return NodeRange{}, err
	}
	for _, h := range m.OnReceive {
		f, err := compileStmts(h.Body, m)
		if err != nil {
			return NodeRange{}, err
		}
		p.recv = append(p.recv, f)
	}
	for _, h := range m.OnCondition {
		c, err := compileExpr(h.Cond)
		if err != nil {
			return NodeRange{}, err
		}
		b, err := compileStmts(h.Body, m)
		if err != nil {
			return NodeRange{}, err
		}
		p.condFns = append(p.condFns, c)
		p.condBodies = append(p.condBodies, b)
	}
	p.stateInBlock = make([]blockPos, len(m.State))
	for i := range p.stateInBlock {
		p.stateInBlock[i] = blockPos{-1, -1}
	}
	for bi, b := range m.Analytic {
		bp := &blockProp{blk: b, perN: make([]int, k)}
		nv := len(b.Vars)
		for r, v := range b.Vars {
			p.stateInBlock[v] = blockPos{bi, r}
		}
		bp.aFns = make([][]evalFn, nv)
		bp.cFns = make([][]evalFn, nv)
		for r := 0; r < nv; r++ {
			bp.aFns[r] = make([]evalFn, nv)
			for c := 0; c < nv; c++ {
				if bp.aFns[r][c], err = compileExpr(b.A[r][c]); err != nil {
					return NodeRange{}, err
				}
			}
			bp.cFns[r] = make([]evalFn, 1+len(b.Channels))
			if bp.cFns[r][0], err = compileExpr(b.B0[r]); err != nil {
				return NodeRange{}, err
			}
			for kk := range b.Channels {
				if bp.cFns[r][1+kk], err = compileExpr(b.BCols[kk][r]); err != nil {
					return NodeRange{}, err
				}
			}
		}
		for _, u := range b.Channels {
			f, err := compileExpr(u)
			if err != nil {
				return NodeRange{}, err
			}
			bp.chanFns = append(bp.chanFns, f)
		}
		bp.tmp = make([]float64, nv)
		p.props = append(p.props, bp)
	}
	p.isConv = make([]bool, len(m.State))
	for _, v := range m.ConvStates {
		p.isConv[v] = true
	}
	p.convNew = col(len(m.ConvStates))
	for _, j := range m.SpikeJumps {
		f, err := compileExpr(j.Coef)
		if err != nil {
			return NodeRange{}, err
		}
		p.jumpFns = append(p.jumpFns, f)
	}
	for _, j := range m.DeltaJumps {
		f, err := compileExpr(j.Coef)
		if err != nil {
			return NodeRange{}, err
		}
		p.deltaFns = append(p.deltaFns, f)
	}
	if ns := m.Numeric; ns != nil {
		for _, r := range ns.Rhs {
			f, err := compileExpr(r)
			if err != nil {
				return NodeRange{}, err
			}
			p.rhsFns = append(p.rhsFns, f)
		}
		switch ns.Method {
		case "", "rk45", "rk4", "forward-Euler":
		default:
			return NodeRange{}, fmt.Errorf("unknown numeric method %q (rk45, rk4, forward-Euler)", ns.Method)
		}
		p.y = make([]float64, len(ns.Vars))
		p.hint = make([]float64, k)
		for i := range p.hint {
			p.hint[i] = n.h
		}
		p.ws = rkf45.NewWorkspace(len(ns.Vars))
	}
	for i := 0; i < k; i++ {
		for j, f := range p.paramDefaults {
			p.params[j][i] = f(p, i)
		}
	}
	p.recomputeInternals()
	for i := 0; i < k; i++ {
		for j, f := range p.stateInits {
			p.state[j][i] = f(p, i)
		}
	}
	n.pops = append(n.pops, p)
	return n.addNodes(k, func(i int) node { return node{pop: p, index: i} }), nil
}

func countLocals(m *ir.Model, max *int) {
	var walk func([]ir.Stmt)
	walk = func(ss []ir.Stmt) {
		for _, s := range ss {
			switch s := s.(type) {
			case *ir.Declare:
				if s.Var.Index+1 > *max {
					*max = s.Var.Index + 1
				}
			case *ir.If:
				walk(s.Then)
				walk(s.Else)
			case *ir.While:
				walk(s.Body)
			case *ir.For:
				walk(s.Body)
			}
		}
	}
	walk(m.Update)
	for _, h := range m.OnReceive {
		walk(h.Body)
	}
	for _, h := range m.OnCondition {
		walk(h.Body)
	}
}

// recomputeInternals evaluates the internals (in order) for every neuron.
func (p *Population) recomputeInternals() {
	for i := 0; i < p.N; i++ {
		for j, f := range p.internalFns {
			p.internals[j][i] = f(p, i)
		}
	}
}

// bind computes the propagators of every block for the bound parameters.
func (p *Population) bind() error {
	p.recomputeInternals()
	for bi, bp := range p.props {
		nv := len(bp.blk.Vars)
		m := 1 + len(bp.blk.Channels)
		bp.entries = bp.entries[:0]
		keys := map[string]int{}
		a := make([]float64, nv*nv)
		c := make([]float64, nv*m)
		for i := 0; i < p.N; i++ {
			for r := 0; r < nv; r++ {
				for cc := 0; cc < nv; cc++ {
					a[r*nv+cc] = bp.aFns[r][cc](p, i)
				}
				for cc := 0; cc < m; cc++ {
					c[r*m+cc] = bp.cFns[r][cc](p, i)
				}
			}
			key := fmt.Sprint(a, c)
			if e, ok := keys[key]; ok {
				bp.perN[i] = e
				continue
			}
			pm, qm, err := expm.Propagator(a, nv, c, m, p.net.h)
			if err != nil {
				var names []string
				for _, v := range bp.blk.Vars {
					names = append(names, p.Model.State[v].Name)
				}
				return fmt.Errorf("propagator of block {%s} of %s (neuron %d): %v", strings.Join(names, ", "), p.Model.Name, p.first+i, err)
			}
			keys[key] = len(bp.entries)
			bp.perN[i] = len(bp.entries)
			bp.entries = append(bp.entries, propEntry{pm, qm})
		}
		_ = bi
	}
	return nil
}

// integrate advances the listed states of neuron i over one step: every
// listed analytic row is computed from the old state (a simultaneous
// update), then committed.
func (p *Population) integrate(vars []int, i int) {
	type upd struct {
		v   int
		val float64
	}
	var buf [16]upd
	ups := buf[:0]
	for _, v := range vars {
		if p.isConv[v] || p.stateInBlock[v].block < 0 {
			continue
		}
		ups = append(ups, upd{v, p.propagate(v, i)})
	}
	if ns := p.Model.Numeric; ns != nil && p.err == nil {
		p.integrateNumeric(ns, vars, i)
	}
	for _, u := range ups {
		p.state[u.v][i] = u.val
	}
	for k, j := range p.Model.DeltaJumps {
		for _, v := range vars {
			if v == j.Var {
				p.state[v][i] += p.spikeIn[j.Port][i] * p.deltaFns[k](p, i)
			}
		}
	}
}

// propagate returns the new value of analytic state v of neuron i after
// one step, from the current (old) state.
func (p *Population) propagate(v, i int) float64 {
	pos := p.stateInBlock[v]
	bp := p.props[pos.block]
	e := bp.entries[bp.perN[i]]
	nv := len(bp.blk.Vars)
	m := 1 + len(bp.blk.Channels)
	r := pos.row
	x := 0.0
	for c := 0; c < nv; c++ {
		x += e.p[r*nv+c] * p.state[bp.blk.Vars[c]][i]
	}
	x += e.q[r*m]
	for k, u := range bp.chanFns {
		x += e.q[r*m+1+k] * u(p, i)
	}
	return x
}

// integrateNumeric runs the per-step RKF45 loop (numerics.md §6.4, §6.6)
// for neuron i with the right-hand-side selection of one integrate_odes
// call: listed variables and convolution states get their right-hand
// side, every other component 0. Convolution states are restored after.
func (p *Population) integrateNumeric(ns *ir.NumericSystem, vars []int, i int) {
	listed := make([]bool, len(ns.Vars))
	for k, v := range ns.Vars {
		if p.isConv[v] {
			listed[k] = true
			continue
		}
		for _, w := range vars {
			if w == v {
				listed[k] = true
			}
		}
	}
	y := p.y
	for k, v := range ns.Vars {
		y[k] = p.state[v][i]
	}
	f := func(t float64, yy, dydt []float64) {
		saved := p.y
		p.y = yy
		for k := range dydt {
			if listed[k] {
				dydt[k] = p.rhsFns[k](p, i)
			} else {
				dydt[k] = 0
			}
		}
		p.y = saved
	}
	h := p.net.h
	var err error
	switch ns.Method {
	case "forward-Euler":
		rkf45.Euler(f, 0, h, y, p.ws.Scratch())
	case "rk4":
		rkf45.RK4(f, 0, h, y, p.ws)
	default:
		c := rkf45.ControlY(p.params[ns.AbsTol][i], p.params[ns.RelTol][i])
		if ns.Controller == "with_respect_to_derivative" {
			c = rkf45.ControlYP(p.params[ns.AbsTol][i], p.params[ns.RelTol][i])
		}
		err = p.ws.Step(f, c, h, &p.hint[i], y, ns.MaxSubsteps, nil)
	}
	if err != nil {
		p.err = fmt.Errorf("%s (neuron %d) at t = %v ms: %v", p.Model.Name, p.first+i, p.net.Time(), err)
		return
	}
	for k, v := range ns.Vars {
		// analytic convolution states are restored: they advance by their
		// propagators (steps 3 and 6), not by the integrator
		if !p.isConv[v] || p.stateInBlock[v].block < 0 {
			p.state[v][i] = y[k]
		}
	}
}

func (p *Population) emit(i int) { p.emitted = append(p.emitted, i) }

// rng returns the population's random generator, derived from the network
// seed and the population's first node id, so results do not depend on the
// order in which populations draw.
func (p *Population) rng() *rand.Rand {
	if p.random == nil {
		p.net.random() // make sure the network seed is set
		p.random = rand.New(rand.NewPCG(p.net.seed, uint64(p.first)))
	}
	return p.random
}

// Param returns the column of parameter name, or an error.
func (p *Population) column(name string) ([]float64, error) {
	for j, v := range p.Model.Params {
		if v.Name == name {
			return p.params[j], nil
		}
	}
	for j, v := range p.Model.State {
		if v.Name == name {
			return p.state[j], nil
		}
	}
	return nil, fmt.Errorf("%s has no parameter or state variable %q", p.Model.Name, name)
}

// Set sets a parameter or state variable of neuron index i (internal units)
// and, for parameters, re-derives the initial state like NEST does not: the
// state keeps its value.
func (n *Network) SetNodeValue(id int, name string, v float64) error {
	nd, err := n.node(id)
	if err != nil {
		return err
	}
	if nd.pop != nil {
		col, err := nd.pop.column(name)
		if err != nil {
			return err
		}
		col[nd.index] = v
		return nil
	}
	return fmt.Errorf("node %d is a device; set its parameters when creating it", id)
}

// ResetStateFromParams re-evaluates the state initialisers of population
// nodes (used after parameters were set at creation, so that e.g.
// V_m = E_L follows a new E_L).
func (p *Population) resetState(ids map[int]bool) {
	p.recomputeInternals()
	for i := 0; i < p.N; i++ {
		if !ids[p.first+i] {
			continue
		}
		for j, f := range p.stateInits {
			p.state[j][i] = f(p, i)
		}
	}
}

// InitState re-evaluates the state initialisers of the given nodes.
func (n *Network) InitState(ids []int) {
	byPop := map[*Population]map[int]bool{}
	for _, id := range ids {
		nd, err := n.node(id)
		if err != nil || nd.pop == nil {
			continue
		}
		if byPop[nd.pop] == nil {
			byPop[nd.pop] = map[int]bool{}
		}
		byPop[nd.pop][id] = true
	}
	for p, set := range byPop {
		p.resetState(set)
	}
}

// generator is a stimulation device.
type generator struct {
	kind string
	// spike_generator: sorted spike steps (stamp steps) and weights
	spikeSteps []int64
	weights    []float64
	next       int
	// dc_generator
	amplitude           float64
	startStep, stopStep int64
	targets             []conn
}

// CreateSpikeGenerator adds a spike_generator with spike times in ms (each
// must lie on the grid and be > 0) and optional per-spike weights.
func (n *Network) CreateSpikeGenerator(times, weights []float64) (NodeRange, error) {
	if len(weights) > 0 && len(weights) != len(times) {
		return NodeRange{}, fmt.Errorf("spike_weights must have the same length as spike_times (%d vs %d)", len(weights), len(times))
	}
	g := &generator{kind: "spike_generator"}
	type sp struct {
		s int64
		w float64
	}
	var sps []sp
	for k, t := range times {
		if math.IsNaN(t) || math.IsInf(t, 0) || t <= 0 {
			return NodeRange{}, fmt.Errorf("spike time %v must be a finite positive number of ms", t)
		}
		s := math.Round(t / n.h)
		if math.Abs(s*n.h-t) > 1e-9*math.Max(1, t) {
			return NodeRange{}, fmt.Errorf("spike time %v ms is not a multiple of the resolution %v ms", t, n.h)
		}
		w := 1.0
		if len(weights) > 0 {
			w = weights[k]
		}
		sps = append(sps, sp{int64(s), w})
	}
	sort.SliceStable(sps, func(i, j int) bool { return sps[i].s < sps[j].s })
	for _, s := range sps {
		g.spikeSteps = append(g.spikeSteps, s.s)
		g.weights = append(g.weights, s.w)
	}
	n.gens = append(n.gens, g)
	return n.addNodes(1, func(int) node { return node{gen: g} }), nil
}

// CreateDCGenerator adds a dc_generator of the given amplitude (pA), active
// for start < t ≤ stop (ms).
func (n *Network) CreateDCGenerator(amplitude, start, stop float64) (NodeRange, error) {
	if math.IsNaN(amplitude) || math.IsInf(amplitude, 0) {
		return NodeRange{}, fmt.Errorf("amplitude must be finite")
	}
	g := &generator{kind: "dc_generator", amplitude: amplitude, startStep: int64(math.Round(start / n.h)), stopStep: math.MaxInt64}
	if stop/n.h < float64(math.MaxInt64/2) {
		g.stopStep = int64(math.Round(stop / n.h))
	}
	n.gens = append(n.gens, g)
	return n.addNodes(1, func(int) node { return node{gen: g} }), nil
}

// Recorder is a multimeter or spike recorder.
type Recorder struct {
	Kind       string // "multimeter" or "spike_recorder"
	RecordFrom []string
	interval   int64 // steps
	sources    []*node
	srcIDs     []int
	Times      []float64
	Senders    []float64
	Values     map[string][]float64
}

// CreateMultimeter adds a multimeter recording the named variables every
// interval ms (a multiple of the resolution).
func (n *Network) CreateMultimeter(recordFrom []string, interval float64) (NodeRange, error) {
	iv := math.Round(interval / n.h)
	if iv < 1 || math.Abs(iv*n.h-interval) > 1e-9*math.Max(1, interval) {
		return NodeRange{}, fmt.Errorf("interval %v ms must be a positive multiple of the resolution %v ms", interval, n.h)
	}
	r := &Recorder{Kind: "multimeter", RecordFrom: recordFrom, interval: int64(iv), Values: map[string][]float64{}}
	for _, k := range recordFrom {
		r.Values[k] = nil
	}
	n.recs = append(n.recs, r)
	return n.addNodes(1, func(int) node { return node{rec: r} }), nil
}

// CreateSpikeRecorder adds a spike_recorder.
func (n *Network) CreateSpikeRecorder() NodeRange {
	r := &Recorder{Kind: "spike_recorder", Values: map[string][]float64{}}
	n.recs = append(n.recs, r)
	return n.addNodes(1, func(int) node { return node{rec: r} })
}

// Recorder returns the recorder with node id.
func (n *Network) Recorder(id int) (*Recorder, error) {
	nd, err := n.node(id)
	if err != nil {
		return nil, err
	}
	if nd.rec == nil {
		return nil, fmt.Errorf("node %d is not a recorder", id)
	}
	return nd.rec, nil
}

// Connect connects pre to post (all to all) with weight and delay (ms) on
// the named port ("" = the default: all spike ports by sign, or continuous
// port 0 for currents).
func (n *Network) Connect(pre, post []int, weight, delay float64, port string) error {
	if n.started {
		return fmt.Errorf("connections cannot be added after the simulation has started")
	}
	if math.IsNaN(weight) || math.IsInf(weight, 0) {
		return fmt.Errorf("weight must be finite")
	}
	d := math.Round(delay / n.h)
	if d < 1 || math.Abs(d*n.h-delay) > 1e-9*math.Max(1, delay) {
		return fmt.Errorf("delay %v ms must be a multiple of the resolution %v ms and at least one step", delay, n.h)
	}
	for _, a := range pre {
		src, err := n.node(a)
		if err != nil {
			return err
		}
		for _, b := range post {
			dst, err := n.node(b)
			if err != nil {
				return err
			}
			if err := n.connect1(a, src, b, dst, weight, int(d), port); err != nil {
				return err
			}
		}
	}
	return nil
}

func (n *Network) connect1(aid int, src *node, bid int, dst *node, w float64, d int, port string) error {
	switch {
	case src.rec != nil && src.rec.Kind == "multimeter":
		if dst.pop == nil {
			return fmt.Errorf("a multimeter records from neurons; node %d is a device", bid)
		}
		for _, k := range src.rec.RecordFrom {
			if _, err := dst.pop.column(k); err != nil {
				return fmt.Errorf("multimeter cannot record %q: %v", k, err)
			}
		}
		src.rec.sources = append(src.rec.sources, dst)
		src.rec.srcIDs = append(src.rec.srcIDs, bid)
		return nil
	case dst.rec != nil && dst.rec.Kind == "spike_recorder":
		if src.pop == nil {
			return fmt.Errorf("a spike_recorder records neurons; node %d is a device", aid)
		}
		dst.rec.sources = append(dst.rec.sources, src)
		dst.rec.srcIDs = append(dst.rec.srcIDs, aid)
		return nil
	case src.rec != nil || dst.rec != nil:
		return fmt.Errorf("cannot connect node %d to node %d: recorders connect as multimeter→neuron and neuron→spike_recorder", aid, bid)
	case dst.pop == nil:
		return fmt.Errorf("node %d is a device and cannot receive connections", bid)
	}
	m := dst.pop.Model
	c := conn{pop: dst.pop, index: dst.index, port: -1, weight: w, delay: d}
	isCurrent := src.gen != nil && src.gen.kind == "dc_generator"
	if isCurrent {
		if len(m.ContPorts) == 0 {
			return fmt.Errorf("%s has no continuous input port to receive a current", m.Name)
		}
		c.port = 0
		if port != "" {
			c.port = -2
			for _, p := range m.ContPorts {
				if p.Name == port {
					c.port = p.Index
				}
			}
			if c.port == -2 {
				return fmt.Errorf("%s has no continuous input port %q", m.Name, port)
			}
		}
		src.gen.targets = append(src.gen.targets, c)
		return nil
	}
	if len(m.SpikePorts) == 0 {
		return fmt.Errorf("%s has no spike input port", m.Name)
	}
	if port != "" {
		c.port = -2
		for _, p := range m.SpikePorts {
			if p.Name == port {
				c.port = p.Index
			}
		}
		if c.port == -2 {
			return fmt.Errorf("%s has no spike input port %q", m.Name, port)
		}
	}
	if src.gen != nil {
		src.gen.targets = append(src.gen.targets, c)
	} else {
		src.pop.targets[src.index] = append(src.pop.targets[src.index], c)
	}
	return nil
}

func (n *Network) prepare() error {
	if n.started {
		return nil
	}
	maxD := 1
	visit := func(cs []conn) {
		for _, c := range cs {
			if c.delay > maxD {
				maxD = c.delay
			}
		}
	}
	for _, g := range n.gens {
		visit(g.targets)
	}
	for _, p := range n.pops {
		for _, t := range p.targets {
			visit(t)
		}
	}
	n.ringLen = maxD + 1
	for _, p := range n.pops {
		ring := func(c int) [][]float64 {
			out := make([][]float64, c)
			for i := range out {
				out[i] = make([]float64, n.ringLen*p.N)
			}
			return out
		}
		p.spikeRing, p.cntRing, p.contRing = ring(len(p.Model.SpikePorts)), ring(len(p.Model.SpikePorts)), ring(len(p.Model.ContPorts))
		if err := p.bind(); err != nil {
			return err
		}
	}
	n.started = true
	return nil
}

// deliverSpike routes weight w to the target's port buffers by the sign
// rules of nest_target.md §4.4, for reading at step s.
func (n *Network) deliverSpike(c conn, w float64, s int64) {
	p := c.pop
	slot := int(s%int64(n.ringLen))*p.N + c.index
	add := func(port int, v float64) {
		p.spikeRing[port][slot] += v
		p.cntRing[port][slot]++
	}
	if c.port >= 0 {
		add(c.port, w)
		return
	}
	// default routing: the first unqualified port takes all; otherwise the
	// excitatory/inhibitory pair by sign
	var exc, inh = -1, -1
	for _, pt := range p.Model.SpikePorts {
		switch pt.Qualifier {
		case "":
			add(pt.Index, w)
			return
		case "excitatory":
			if exc < 0 {
				exc = pt.Index
			}
		case "inhibitory":
			if inh < 0 {
				inh = pt.Index
			}
		}
	}
	switch {
	case w >= 0 && exc >= 0:
		add(exc, w)
	case w < 0 && inh >= 0:
		add(inh, -w)
	case exc >= 0:
		add(exc, w)
	case inh >= 0:
		add(inh, w)
	}
}

// Simulate advances the network by t ms (a multiple of the resolution).
// cancel, if non-nil, is polled every few steps; a true result stops the
// run early with an error, leaving the network in a consistent state.
func (n *Network) Simulate(t float64, cancel func(done, total int64) bool) error {
	steps := math.Round(t / n.h)
	if !(t >= 0) || math.IsInf(t, 0) || math.Abs(steps*n.h-t) > 1e-9*math.Max(1, t) {
		return fmt.Errorf("simulation time %v ms must be a non-negative multiple of the resolution %v ms", t, n.h)
	}
	if err := n.prepare(); err != nil {
		return err
	}
	total := int64(steps)
	for k := int64(0); k < total; k++ {
		if cancel != nil && k%256 == 0 && cancel(k, total) {
			return fmt.Errorf("simulation interrupted at t = %v ms", n.Time())
		}
		n.advance()
		for _, p := range n.pops {
			if p.err != nil {
				return p.err
			}
		}
	}
	if cancel != nil {
		cancel(total, total)
	}
	return nil
}

func (n *Network) advance() {
	s := n.step
	// devices emit during step s
	for _, g := range n.gens {
		switch g.kind {
		case "spike_generator":
			// a spike stamped (s+1)·h is emitted in step s
			for g.next < len(g.spikeSteps) && g.spikeSteps[g.next] <= s+1 {
				if g.spikeSteps[g.next] == s+1 {
					for _, c := range g.targets {
						n.deliverSpike(c, c.weight*g.weights[g.next], s+int64(c.delay))
					}
				}
				g.next++
			}
		case "poisson_generator":
			if s >= g.startStep && s < g.stopStep {
				lambda := g.amplitude * n.h * 1e-3
				r := n.random()
				for _, c := range g.targets {
					if k := poisson(r, lambda); k > 0 {
						n.deliverSpike(c, c.weight*float64(k), s+int64(c.delay))
					}
				}
			}
		case "dc_generator":
			// Deliberate change after the freeze (mirrors gocore/sim): NEST's
			// current generators are active for the steps s with
			// start ≤ (s+1)·h < stop; the first engine started one step late.
			if s+1 >= g.startStep && s+1 < g.stopStep {
				for _, c := range g.targets {
					p := c.pop
					slot := int((s+int64(c.delay))%int64(n.ringLen))*p.N + c.index
					p.contRing[c.port][slot] += c.weight * g.amplitude
				}
			}
		}
	}
	for _, p := range n.pops {
		p.step(s)
	}
	// deliver spikes and record
	for _, p := range n.pops {
		for _, i := range p.emitted {
			for _, c := range p.targets[i] {
				n.deliverSpike(c, c.weight, s+int64(c.delay))
			}
		}
	}
	stamp := n.stamp(s + 1)
	for _, r := range n.recs {
		switch r.Kind {
		case "spike_recorder":
			for k, src := range r.sources {
				for _, i := range src.pop.emitted {
					if i == src.index {
						r.Times = append(r.Times, stamp)
						r.Senders = append(r.Senders, float64(r.srcIDs[k]))
					}
				}
			}
		case "multimeter":
			if (s+1)%r.interval != 0 {
				continue
			}
			for k, src := range r.sources {
				r.Times = append(r.Times, stamp)
				r.Senders = append(r.Senders, float64(r.srcIDs[k]))
				for _, name := range r.RecordFrom {
					col, _ := src.pop.column(name)
					r.Values[name] = append(r.Values[name], col[src.index])
				}
			}
		}
	}
	for _, p := range n.pops {
		p.emitted = p.emitted[:0]
	}
	n.step++
}

// step runs one time step of every neuron, in NEST's order.
func (p *Population) step(s int64) {
	slot := int(s%int64(p.net.ringLen)) * p.N
	for k := range p.spikeIn {
		ring, cnt := p.spikeRing[k][slot:slot+p.N], p.cntRing[k][slot:slot+p.N]
		copy(p.spikeIn[k], ring)
		copy(p.spikeCnt[k], cnt)
		clear(ring)
		clear(cnt)
	}
	for i := 0; i < p.N; i++ {
		// 3. convolution states, first half (from the step-start state)
		for k, v := range p.Model.ConvStates {
			if p.stateInBlock[v].block >= 0 {
				p.convNew[k][i] = p.propagate(v, i)
			}
		}
		p.update(p, i)
		for h, f := range p.recv {
			if p.spikeCnt[p.Model.OnReceive[h].Port][i] != 0 {
				f(p, i)
			}
		}
		// 6. convolution states, second half; 7. spike jumps
		for k, v := range p.Model.ConvStates {
			if p.stateInBlock[v].block >= 0 {
				p.state[v][i] = p.convNew[k][i]
			}
		}
		for k, j := range p.Model.SpikeJumps {
			if w := p.spikeIn[j.Port][i]; w != 0 {
				p.state[j.Var][i] += w * p.jumpFns[k](p, i)
			}
		}
		for c, f := range p.condFns {
			if f(p, i) != 0 {
				p.condBodies[c](p, i)
			}
		}
	}
	for k := range p.contIn {
		ring := p.contRing[k][slot : slot+p.N]
		copy(p.contIn[k], ring)
		clear(ring)
	}
}
