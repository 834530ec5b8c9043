package sim

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

	threads int
	native  bool // numeric parts in compiled C kernels (native.go)
	// out-going synapses of neurons: per source node id while the network
	// is built, a compressed sparse row table once it runs (connect.go)
	build   [][]synapse // by source node id - 1
	csr     synTable
	pending []spikeRef // spikes of the last step, delivered at the start of the next
	syn     *synState  // plastic synapses (synapse.go), nil if none
	run     *runState
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

// SetThreads sets the number of goroutines that advance the network
// (k ≤ 0: GOMAXPROCS, the default). Results do not depend on it: every
// neuron is updated by the same arithmetic whatever range it falls in, and
// every input buffer receives its additions in the same order.
func (n *Network) SetThreads(k int) {
	if k <= 0 {
		k = 0
	}
	n.threads = k
	n.run = nil
}

// Threads returns the number of goroutines a simulation uses.
func (n *Network) Threads() int {
	if n.threads > 0 {
		return n.threads
	}
	return defaultThreads()
}

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

// Population is N neurons of one IR model, stored as columns (one
// []float64 per parameter, state variable and internal).
type Population struct {
	net   *Network
	Model *ir.Model
	N     int
	first int // node id of neuron 0
	// why the numeric part runs in the Go engine although native kernels
	// are on (native.go)
	nativeErr error

	params, state, internals [][]float64
	contIn                   [][]float64 // latched continuous input per port
	// input rings, [port][slot*N + i]: summed spike weights, "a spike
	// arrived" flags, continuous input
	spikeRing [][]float64
	flagRing  [][]uint8
	contRing  [][]float64
	spikeUsed []bool // per spike port: some connection targets it
	portInfo  []*portInfo
	contUsed  bool // some current source targets the population

	hint   []float64 // per-neuron RKF45 step memory (numerics.md §6.4)
	random *rand.Rand

	// values bound once (scalar.go): defaults, initialisers, internals
	paramDefaults []evalFn
	stateInits    []evalFn
	internalFns   []evalFn
	props         []*blockProp // per analytic block
	stateInBlock  []blockPos
	isConv        []bool

	prog  *program // the per-step program for the current parameters
	dirty bool     // parameters or internals changed since prog was built
	// rebind: parameters were set (SetValues); internals and propagators
	// are recomputed before the next step
	rebind bool
}

type blockPos struct{ block, row int }

// blockProp caches the propagators of one analytic block. The block's
// numbers depend on parameters only, so they are computed per distinct
// parameter tuple (one entry for a homogeneous population).
type blockProp struct {
	blk     *ir.AnalyticBlock
	aFns    [][]evalFn
	cFns    [][]evalFn // n × (1+K): b0 then B columns
	perN    []int32    // neuron → entry
	entries []propEntry
}

type propEntry struct {
	p, q []float64 // n×n and n×(1+K)
}

// CreatePopulation adds n neurons of model m with default parameters.
func (n *Network) CreatePopulation(m *ir.Model, k int) (NodeRange, error) {
	if k < 1 {
		return NodeRange{}, fmt.Errorf("n must be ≥ 1, got %d", k)
	}
	if n.started {
		return NodeRange{}, fmt.Errorf("nodes cannot be created after the simulation has started")
	}
	if len(n.nodes)+k >= math.MaxUint32/2 {
		return NodeRange{}, fmt.Errorf("too many nodes")
	}
	p := &Population{net: n, Model: m, N: k, first: len(n.nodes) + 1, dirty: true}
	col := func(c int) [][]float64 {
		out := make([][]float64, c)
		for i := range out {
			out[i] = make([]float64, k)
		}
		return out
	}
	p.params, p.state, p.internals = col(len(m.Params)), col(len(m.State)), col(len(m.Internals))
	p.contIn = col(len(m.ContPorts))
	p.spikeUsed = make([]bool, len(m.SpikePorts))
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
	p.stateInBlock = make([]blockPos, len(m.State))
	for i := range p.stateInBlock {
		p.stateInBlock[i] = blockPos{-1, -1}
	}
	for bi, b := range m.Analytic {
		bp := &blockProp{blk: b, perN: make([]int32, k)}
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
		p.props = append(p.props, bp)
	}
	p.isConv = make([]bool, len(m.State))
	for _, v := range m.ConvStates {
		p.isConv[v] = true
	}
	if ns := m.Numeric; ns != nil {
		switch ns.Method {
		case "", "rk45", "rk4", "forward-Euler":
		default:
			return NodeRange{}, fmt.Errorf("unknown numeric method %q (rk45, rk4, forward-Euler)", ns.Method)
		}
		p.hint = make([]float64, k)
		for i := range p.hint {
			p.hint[i] = n.h
		}
	}
	// the per-step program is compiled now, so that unsupported constructs
	// are reported when the population is created
	if _, err := compileProgram(p); err != nil {
		return NodeRange{}, err
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

// recomputeInternals evaluates the internals (in order) for every neuron.
func (p *Population) recomputeInternals() {
	for i := 0; i < p.N; i++ {
		for j, f := range p.internalFns {
			p.internals[j][i] = f(p, i)
		}
	}
	p.dirty = true
}

// bind computes the propagators of every block for the bound parameters.
func (p *Population) bind() error {
	p.recomputeInternals()
	for _, bp := range p.props {
		nv := len(bp.blk.Vars)
		m := 1 + len(bp.blk.Channels)
		bp.entries = bp.entries[:0]
		keys := map[string]int32{}
		a := make([]float64, nv*nv)
		c := make([]float64, nv*m)
		key := make([]byte, 0, 8*(len(a)+len(c)))
		for i := 0; i < p.N; i++ {
			for r := 0; r < nv; r++ {
				for cc := 0; cc < nv; cc++ {
					a[r*nv+cc] = bp.aFns[r][cc](p, i)
				}
				for cc := 0; cc < m; cc++ {
					c[r*m+cc] = bp.cFns[r][cc](p, i)
				}
			}
			key = key[:0]
			for _, v := range a {
				key = appendBits(key, v)
			}
			for _, v := range c {
				key = appendBits(key, v)
			}
			if e, ok := keys[string(key)]; ok {
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
			e := int32(len(bp.entries))
			keys[string(key)] = e
			bp.perN[i] = e
			bp.entries = append(bp.entries, propEntry{pm, qm})
		}
	}
	p.dirty = true
	return nil
}

func appendBits(b []byte, v float64) []byte {
	u := math.Float64bits(v)
	return append(b, byte(u), byte(u>>8), byte(u>>16), byte(u>>24), byte(u>>32), byte(u>>40), byte(u>>48), byte(u>>56))
}

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

// column returns the column of a parameter or state variable.
func (p *Population) column(name string) ([]float64, bool, error) {
	for j, v := range p.Model.Params {
		if v.Name == name {
			return p.params[j], true, nil
		}
	}
	for j, v := range p.Model.State {
		if v.Name == name {
			return p.state[j], false, nil
		}
	}
	return nil, false, fmt.Errorf("%s has no parameter or state variable %q", p.Model.Name, name)
}

// SetNodeValue sets a parameter or state variable of node id (internal
// units). The state keeps its value when a parameter changes (call
// InitState to re-derive it); internals and propagators follow a changed
// parameter at the next Simulate. SetValues (devices_status.go) also
// converts from declared units and checks invariants.
func (n *Network) SetNodeValue(id int, name string, v float64) error {
	nd, err := n.node(id)
	if err != nil {
		return err
	}
	if nd.pop != nil {
		col, isParam, err := nd.pop.column(name)
		if err != nil {
			return err
		}
		col[nd.index] = v
		if isParam {
			nd.pop.dirty = true
			nd.pop.rebind = true
		}
		return nil
	}
	return fmt.Errorf("node %d is a device; set its parameters when creating it", id)
}

// resetState re-evaluates the state initialisers of the population's
// neurons in ids (used after parameters were set at creation, so that e.g.
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
	var order []*Population
	for _, id := range ids {
		nd, err := n.node(id)
		if err != nil || nd.pop == nil {
			continue
		}
		if byPop[nd.pop] == nil {
			byPop[nd.pop] = map[int]bool{}
			order = append(order, nd.pop)
		}
		byPop[nd.pop][id] = true
	}
	for _, p := range order {
		p.resetState(byPop[p])
	}
}

// generator is a stimulation device.
type generator struct {
	kind string
	id   int // node id
	// spike_generator: sorted spike steps (stamp steps) and weights
	spikeSteps []int64
	weights    []float64
	next       int
	// dc_generator amplitude (pA), poisson_generator rate (Hz)
	amplitude           float64
	startStep, stopStep int64
	targets             []synapse // in connection order while building, by target once running
	streams             []pcg     // poisson_generator: one random stream per connection
	pois                *poissonTable
	dev                 *currentDevice // step_current/ac/noise_generator (devices.go)
	// this step: the first and end index of the spikes sent (spike_generator)
	from, to int
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
	return n.addGenerator(g), nil
}

func (n *Network) addGenerator(g *generator) NodeRange {
	n.gens = append(n.gens, g)
	r := n.addNodes(1, func(int) node { return node{gen: g} })
	g.id = r.First
	return r
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
	return n.addGenerator(g), nil
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

	cols [][][]float64 // multimeter: per source, the recorded columns
	// spike_recorder: position of the first connection of each node id
	// (-1: none) and the further positions of nodes connected twice
	pos   []int32
	extra map[int32][]int32
	hits  []int32
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
