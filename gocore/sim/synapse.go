package sim

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unsafe"

	"nestml_go/gocore/ir"
)

// Plastic synapses (language.md §16, nest_target.md §5).
//
// Every ConnectSynapse call makes one synapse group: one synapse model,
// one set of parameters (stored once), and per connection an 8-byte
// record (target id, packed delay and port) plus a slot of float64s — the
// model's state variables, then the parameters given per connection (the
// weight, when the weight variable is a parameter). The groups are stored
// like the static synapses: per source, sorted by target, so that a job
// finds its share of a spike's synapses by binary search and every
// synapse is updated by exactly one job.
//
// Synapses are event driven. When a presynaptic spike with stamp t is
// delivered (at the start of the step after it was emitted), each of its
// synapses onto targets of the job
//
//  1. replays the postsynaptic spikes of its target with stamps in
//     (t_last − d, t − d], d the dendritic delay (= the connection delay)
//     and t_last the stamp of the previous presynaptic spike (0 at first):
//     for each, Update advances the state to t_post + d (timestep() = the
//     interval), then the post port's handler runs;
//  2. advances the state to t and runs the pre port's handler;
//  3. sends each emit_spike(w) to its target with delay d.
//
// The previous spike time is the same for all synapses of a source, so it
// is stored once per source node, not per synapse. Postsynaptic spikes
// are kept per neuron, only for neurons with incoming synapses that have a
// post port; as in NEST's archiving node every entry counts the synapses
// that have read it and is dropped when all have (and it is old enough).
// Postsynaptic traces are kept there too, not per synapse (see
// moveTraces). Neuromodulator spikes come from a volume_transmitter and
// are replayed with the postsynaptic ones. See docs/synapses.md.

// SynapseSpec describes the synapses made by ConnectSynapse.
type SynapseSpec struct {
	// Model is a synapse model (ir.Model with IsSynapse).
	Model *ir.Model
	// WeightVar names the variable that is the connection weight ("" = "w").
	WeightVar string
	// PostPort names the postsynaptic spike port ("" = "post_spikes" if the
	// model has it; "-" = none).
	PostPort string
	// Params sets parameters for all synapses of the call; State sets
	// initial values of state variables.
	Params, State map[string]float64
	// Receptor names the target's input port ("" = route by sign).
	Receptor string
	// WeightRecorder is the node id of a weight_recorder (0 = none).
	WeightRecorder int
	// VolumeTransmitter is the node id of a volume_transmitter whose
	// spikes feed the synapse's neuromodulator port ModPort ("" =
	// "mod_spikes"); 0 = none.
	VolumeTransmitter int
	ModPort           string
	// PostVars binds continuous input ports of the synapse (third
	// factors) to state variables of the postsynaptic neuron: port name →
	// neuron variable (synapse_third.go). Ports not bound read 0.
	PostVars map[string]string
	// ContinuousBuffering is how the bound ports read the neuron
	// variables: "continuous_time_buffer" (default) or "post_spike_based"
	// (synapse_third.go).
	ContinuousBuffering string
	// PerConn gives parameters or initial values of state variables per
	// connection: an array (one value per connection, in the order they
	// are made) or a distribution (synapse_conn.go).
	PerConn map[string]Value
	// DelayVar names a parameter that holds each connection's delay in ms
	// (NESTML's delay_variable option; "" = none).
	DelayVar string
	// Generic disables the specialised STDP kernel (synapse_stdp.go), for
	// tests that compare it with the generic path.
	Generic bool
}

// plasticSyn is the record of one plastic synapse: 8 bytes, plus its slot
// of stride float64s in the group's state table.
type plasticSyn struct {
	tgt  uint32
	meta uint32 // delay (steps) << portBits | target port (portBySign: by sign)
}

type synGroup struct {
	index     int
	m         *ir.Model
	prog      *synProg
	params    []float64
	internals []float64
	perConn   []int // parameter indices stored per connection
	stride    int
	wState    int // state index of the weight, or -1
	wSlot     int // slot position of the weight
	pre, post int // spike ports (post: -1 if none)
	mod       int // neuromodulator port fed by vt, or -1
	vt        *volumeTransmitter
	init      []float64 // initial values of all state variables
	kept      []int     // state variables stored in the slot, in order
	moved     []movedTrace
	third     []thirdBind // bound continuous ports (synapse_third.go)
	decays    []fastDecay // non-nil: Update only decays these (synapse_fast.go)
	stdp      *stdpKernel // non-nil: the STDP kernel runs the group (synapse_stdp.go)
	// per-connection values (synapse_conn.go)
	connVals    []connVal
	stateConn   map[int]bool // state variables with per-connection initial values
	delayQ      int          // position of the delay variable in perConn, or -1
	made        int          // connections made so far
	guards      []guard
	guardParams []float64
	movedMask   []bool // per state variable, nil if none is moved
	slotInit    []float64
	rec         *Recorder
	seed        uint64

	// while building: per source id
	build      [][]plasticSyn
	buildSlots [][]float64
	// once running: compressed rows by source, sorted by target
	off   []int64
	syn   []plasticSyn
	slots []float64
}

// spikeHistory holds the spikes of a neuron not yet read by all its
// plastic incoming synapses, oldest first, in one contiguous slice (a
// synapse event reads its target's history: one cache line, mostly). Once
// the neuron has spiked, its latest spike is always kept.
type spikeHistory struct {
	ent []histEnt
}

// histAhead is how many synapses ahead deliverPlastic loads histories.
const histAhead = 4

// histSlots is the number of values a history entry holds: postsynaptic
// traces (moveTraces; further ones stay in the synapses) and sampled
// neuron variables (third-factor ports, synapse_third.go).
const histSlots = 3

// histEnt is one spike of a neuron's history.
type histEnt struct {
	step  int64  // stamp, in steps
	reads uint32 // synapses that have read it
	// per slot (synState.slotTrace/slotVar): a trace's value just before
	// the spike, or a neuron variable at the end of the spike's step
	vals [histSlots]float64
}

// synState is the plastic-synapse part of a network.
type synState struct {
	groups []*synGroup
	// previous spike stamp (steps) per source node id - 1
	last []int64
	// per population with plastic incoming synapses that have a post port:
	// the spike history and the number of such synapses per neuron
	hist     map[*Population][]spikeHistory
	incoming map[*Population][]uint32
	traces   []traceSpec // postsynaptic traces kept per neuron
	// their decay factors (synapse_fast.go) and history slots, by trace
	traceTabs []*decayTable
	traceSlot []int
	// per history slot: the trace (or -1), or the sampled neuron
	// variable's name ("")
	slotTrace []int
	slotVar   []string
	vts       map[*Recorder]*volumeTransmitter
	vtList    []*volumeTransmitter
	// per population: the variables sampled into its spike history
	samplers map[*Population][]popSample
	// values copied into the histories after the spikes (synapse_third.go)
	third *thirdState
}

// weightEvent is one weight_recorder record, with the key that orders
// the records of a step independently of the thread count.
type weightEvent struct {
	pend      int32 // index of the spike in the step's delivery list
	group     int32
	pos       int64 // position of the synapse in its group
	sender    int32
	target    int32
	t, weight float64
}

// checkSynapseModel reports why m cannot be used as a synapse model.
func checkSynapseModel(m *ir.Model) error {
	if m == nil {
		return fmt.Errorf("no synapse model given")
	}
	if !m.IsSynapse {
		return fmt.Errorf("%s is a neuron model, not a synapse (a synapse's name ends in \"synapse\")", m.Name)
	}
	return nil
}

// newGroup compiles spec into a synapse group.
func (n *Network) newGroup(spec *SynapseSpec) (*synGroup, error) {
	m := spec.Model
	if err := checkSynapseModel(m); err != nil {
		return nil, err
	}
	prog, err := compileSynapse(m, nil)
	if err != nil {
		return nil, err
	}
	g := &synGroup{m: m, prog: prog, wState: -1, post: -1, pre: -1, mod: -1}
	if n.syn == nil {
		n.initSyn()
	}
	g.index = len(n.syn.groups)
	// ports
	postName := spec.PostPort
	if postName == "" {
		postName = "post_spikes"
		found := false
		for _, p := range m.SpikePorts {
			found = found || p.Name == postName
		}
		if !found {
			postName = "-"
		}
	}
	if postName != "-" {
		for _, p := range m.SpikePorts {
			if p.Name == postName {
				g.post = p.Index
			}
		}
		if g.post < 0 {
			return nil, fmt.Errorf("synapse %s has no spike port %q to receive postsynaptic spikes (ports: %s)", m.Name, postName, portNames(m))
		}
	}
	if err := n.bindThird(g, spec); err != nil {
		return nil, err
	}
	if spec.VolumeTransmitter != 0 {
		nd, err := n.node(spec.VolumeTransmitter)
		if err != nil {
			return nil, err
		}
		if nd.rec == nil || nd.rec.Kind != "volume_transmitter" {
			return nil, fmt.Errorf("node %d is not a volume_transmitter", spec.VolumeTransmitter)
		}
		g.vt = n.syn.vts[nd.rec]
		modName := spec.ModPort
		if modName == "" {
			modName = "mod_spikes"
		}
		for _, p := range m.SpikePorts {
			if p.Name == modName && p.Index != g.post {
				g.mod = p.Index
			}
		}
		if g.mod < 0 {
			return nil, fmt.Errorf("synapse %s has no spike port %q for the volume transmitter's spikes (ports: %s)", m.Name, modName, portNames(m))
		}
	}
	for _, p := range m.SpikePorts {
		if p.Index != g.post && p.Index != g.mod {
			if g.pre >= 0 {
				return nil, fmt.Errorf("synapse %s has more than one presynaptic spike port (%s); give the neuromodulator port a volume_transmitter (syn_spec \"volume_transmitter\")", m.Name, portNames(m))
			}
			g.pre = p.Index
		}
	}
	if g.pre < 0 {
		return nil, fmt.Errorf("synapse %s has no presynaptic spike port", m.Name)
	}
	// parameters: defaults, then the values given
	g.params = make([]float64, len(m.Params))
	tmp := &synCtx{params: g.params}
	for i, v := range m.Params {
		f, err := (&synCompiler{m: m, prog: prog}).expr(v.Init)
		if err != nil {
			return nil, err
		}
		g.params[i] = f(tmp)
	}
	for name, val := range spec.Params {
		k := varIndex(m.Params, name)
		if k < 0 {
			if varIndex(m.State, name) >= 0 {
				return nil, fmt.Errorf("%s is a state variable of %s; set its initial value as a state, not as a parameter", name, m.Name)
			}
			return nil, fmt.Errorf("synapse %s has no parameter %q", m.Name, name)
		}
		if math.IsNaN(val) || math.IsInf(val, 0) {
			return nil, fmt.Errorf("parameter %s of %s must be finite", name, m.Name)
		}
		g.params[k] = val
	}
	for i, v := range m.Params {
		if v.Guard == nil {
			continue
		}
		f, err := (&synCompiler{m: m, prog: prog}).expr(v.Guard)
		if err != nil {
			return nil, err
		}
		if f(&synCtx{params: g.params}) == 0 {
			return nil, fmt.Errorf("parameter %s = %v of %s violates %s", m.Params[i].Name, g.params[i], m.Name, v.GuardText)
		}
	}
	g.internals = make([]float64, len(m.Internals))
	for i, v := range m.Internals {
		f, err := (&synCompiler{m: m, prog: prog}).expr(v.Init)
		if err != nil {
			return nil, err
		}
		g.internals[i] = f(&synCtx{params: g.params, internals: g.internals})
	}
	// the weight
	wname := spec.WeightVar
	if wname == "" {
		wname = "w"
	}
	if k := varIndex(m.State, wname); k >= 0 {
		g.wState = k
	} else if k := varIndex(m.Params, wname); k >= 0 {
		g.perConn = append(g.perConn, k)
	} else {
		hint := ""
		if spec.WeightVar == "" {
			hint = " (name it with the weight_variable option)"
		}
		return nil, fmt.Errorf("synapse %s has no weight variable %q%s", m.Name, wname, hint)
	}
	if err := n.setupPerConn(g, spec); err != nil {
		return nil, err
	}
	if err := g.perConnGuards(); err != nil {
		return nil, err
	}
	// initial state (the weight is set per connection)
	g.init = make([]float64, len(m.State))
	c := &synCtx{params: g.params, internals: g.internals, state: g.init}
	for i, v := range m.State {
		f, err := (&synCompiler{m: m, prog: prog}).expr(v.Init)
		if err != nil {
			return nil, err
		}
		g.init[i] = f(c)
	}
	for name, val := range spec.State {
		k := varIndex(m.State, name)
		if k < 0 {
			return nil, fmt.Errorf("synapse %s has no state variable %q", m.Name, name)
		}
		g.init[k] = val
	}
	// the program run by the group: its parameters folded in
	perConn := map[int]bool{}
	for _, k := range g.perConn {
		perConn[k] = true
	}
	if g.prog, err = compileSynapse(m, &foldEnv{params: g.params, internals: g.internals, perConn: perConn}); err != nil {
		return nil, err
	}
	n.moveTraces(g)
	g.planAdvance()
	if !spec.Generic {
		g.planSTDP()
	}
	g.stride = len(g.kept) + len(g.perConn)
	g.slotInit = make([]float64, g.stride)
	for q, k := range g.kept {
		g.slotInit[q] = g.init[k]
		if k == g.wState {
			g.wSlot = q
		}
	}
	if g.wState < 0 {
		g.wSlot = len(g.kept)
	}
	if spec.WeightRecorder != 0 {
		nd, err := n.node(spec.WeightRecorder)
		if err != nil {
			return nil, err
		}
		if nd.rec == nil || nd.rec.Kind != "weight_recorder" {
			return nil, fmt.Errorf("node %d is not a weight_recorder", spec.WeightRecorder)
		}
		g.rec = nd.rec
	}
	return g, nil
}

func varIndex(vs []*ir.Var, name string) int {
	for i, v := range vs {
		if v.Name == name {
			return i
		}
	}
	return -1
}

func portNames(m *ir.Model) string {
	s := ""
	for i, p := range m.SpikePorts {
		if i > 0 {
			s += ", "
		}
		s += p.Name
	}
	return s
}

// ConnectSynapse connects pre to post like ConnectSpec, through synapses
// of the model in syn; weight sets the weight variable of each synapse.
// It returns the number of connections made.
func (n *Network) ConnectSynapse(pre, post []int, spec ConnSpec, weight, delay Value, syn *SynapseSpec) (int, error) {
	if n.started {
		return 0, fmt.Errorf("connections cannot be added after the simulation has started")
	}
	if syn == nil {
		return 0, fmt.Errorf("no synapse specification given")
	}
	g, err := n.newGroup(syn)
	if err != nil {
		return 0, err
	}
	n.syn.groups = append(n.syn.groups, g)
	k, err := n.connectRule(pre, post, spec, weight, delay, syn.Receptor, g)
	if k == 0 && err == nil {
		n.syn.groups = n.syn.groups[:len(n.syn.groups)-1]
	}
	return k, err
}

// connectPlastic adds one synapse of group g.
func (n *Network) connectPlastic(g *synGroup, aid int, src *node, bid int, dst *node, w float64, d int, port string) error {
	if src.pop == nil {
		if src.gen != nil {
			return fmt.Errorf("node %d is a %s; plastic synapses connect neurons (route generator spikes through a parrot_neuron)", aid, src.gen.kind)
		}
		return fmt.Errorf("node %d cannot be the source of a synapse", aid)
	}
	if dst.pop == nil {
		return fmt.Errorf("node %d is a device and cannot receive a synapse", bid)
	}
	m := dst.pop.Model
	if len(m.SpikePorts) == 0 {
		return fmt.Errorf("%s has no spike input port", m.Name)
	}
	if len(m.SpikePorts) >= portBySign {
		return fmt.Errorf("%s has too many spike ports (%d)", m.Name, len(m.SpikePorts))
	}
	sp := portBySign
	if port != "" {
		sp = -1
		for _, p := range m.SpikePorts {
			if p.Name == port {
				sp = p.Index
			}
		}
		if sp < 0 {
			return fmt.Errorf("%s has no spike input port %q", m.Name, port)
		}
		dst.pop.spikeUsed[sp] = true
	} else {
		for _, pt := range m.SpikePorts {
			dst.pop.spikeUsed[pt.Index] = true
		}
	}
	slot := slices.Clone(g.slotInit)
	slot[g.wSlot] = w
	if err := n.fillConn(g, slot, d); err != nil {
		return err
	}
	for len(g.build) < aid {
		g.build = append(g.build, nil)
		g.buildSlots = append(g.buildSlots, nil)
	}
	g.build[aid-1] = append(g.build[aid-1], plasticSyn{uint32(bid), packMeta(d, sp)})
	g.buildSlots[aid-1] = append(g.buildSlots[aid-1], slot...)
	if g.vt != nil {
		g.vt.readers++
	}
	if len(g.third) > 0 {
		if err := n.sampleThird(g, dst.pop, d); err != nil {
			return err
		}
	}
	if g.post >= 0 {
		s := n.syn
		inc := s.incoming[dst.pop]
		if inc == nil {
			inc = make([]uint32, dst.pop.N)
			s.incoming[dst.pop] = inc
			s.hist[dst.pop] = make([]spikeHistory, dst.pop.N)
		}
		inc[dst.index]++
	}
	return nil
}

// finishPlastic sorts every group's synapses into rows by source, by
// target; it returns the longest delay.
func (n *Network) finishPlastic() int {
	maxD := 1
	if n.syn == nil {
		return maxD
	}
	n.syn.last = make([]int64, len(n.nodes))
	n.random() // the seed of the synapses' random streams
	tps := int64(math.Round(n.h * 1000))
	for _, d := range n.syn.traceTabs {
		d.fill(tps)
	}
	for _, g := range n.syn.groups {
		total := 0
		for _, b := range g.build {
			total += len(b)
		}
		g.off = make([]int64, len(n.nodes)+1)
		g.syn = make([]plasticSyn, 0, total)
		g.slots = make([]float64, 0, total*g.stride)
		for id := 1; id <= len(n.nodes); id++ {
			if id-1 < len(g.build) {
				b, sl := g.build[id-1], g.buildSlots[id-1]
				perm := make([]int, len(b))
				for i := range perm {
					perm[i] = i
				}
				slices.SortStableFunc(perm, func(x, y int) int { return cmp.Compare(b[x].tgt, b[y].tgt) })
				for _, i := range perm {
					g.syn = append(g.syn, b[i])
					g.slots = append(g.slots, sl[i*g.stride:(i+1)*g.stride]...)
					maxD = max(maxD, int(b[i].meta>>portBits))
				}
			}
			g.off[id] = int64(len(g.syn))
		}
		g.build, g.buildSlots = nil, nil
		for _, b := range g.prog.blocks {
			if b.decay != nil {
				b.decay.fill(tps)
			}
		}
		g.seed = n.seed ^ uint64(g.index+1)*0x9e3779b97f4a7c15
	}
	return maxD
}

// PlasticMemory returns the number of plastic synapses and the bytes per
// synapse of each group (record plus slot), in group order.
func (n *Network) PlasticMemory() (count int, bytesPer []int) {
	if n.syn == nil {
		return 0, nil
	}
	for _, g := range n.syn.groups {
		c := len(g.syn)
		if g.syn == nil {
			for _, b := range g.build {
				c += len(b)
			}
		}
		count += c
		bytesPer = append(bytesPer, g.bytesPerSynapse())
	}
	return count, bytesPer
}

func (g *synGroup) bytesPerSynapse() int {
	return int(sizeofPlasticSyn) + 8*g.stride
}

const sizeofPlasticSyn = 8

// deliverPlastic runs the synapses of the previous step's spikes onto the
// job's targets [lo, hi) (step.go, phase 1).
func (n *Network) deliverPlastic(r *runState, w *worker, j *job, lo, hi uint32) {
	s := n.syn
	p := j.p
	S := r.step // the spikes' stamp, in steps
	hist := s.hist[p]
	var ports []*portInfo
	ctx := &w.syn
	ctx.tps = int64(math.Round(n.h * 1000))
	for k, id := range n.pending {
		tl := s.last[id-1]
		if k > 0 && n.pending[k-1] == id {
			tl = S // a second spike of the same step
		}
		for _, g := range s.groups {
			row := g.syn[g.off[id-1]:g.off[id]]
			if len(row) == 0 {
				continue
			}
			a, b := plasticRange(row, lo, hi)
			if a == b {
				continue
			}
			if len(ctx.locals) < g.prog.nlocals {
				ctx.locals = make([]float64, g.prog.nlocals)
			}
			if len(ctx.full) < len(g.init) {
				ctx.full = make([]float64, len(g.init))
			}
			ctx.params = append(ctx.params[:0], g.params...)
			ctx.internals = g.internals
			if nc := len(g.m.ContPorts); nc > 0 {
				if cap(ctx.cont) < nc {
					ctx.cont = make([]float64, nc)
				}
				ctx.cont = ctx.cont[:nc]
				clear(ctx.cont) // ports not bound read 0
			}
			ctx.moved = g.movedMask
			base := g.off[id-1]
			// the volume transmitter's spikes in (tl, S]: the same for
			// every synapse of the row
			y0, y1 := 0, 0
			if g.vt != nil {
				vs := g.vt.steps
				y0 = sort.Search(len(vs), func(i int) bool { return vs[i] > tl })
				y1 = y0 + sort.Search(len(vs)-y0, func(i int) bool { return vs[y0+i] > S })
			}
			for e := a; e < b; e++ {
				c := row[e]
				pos := base + int64(e)
				if g.post >= 0 && hist != nil {
					// fetch the histories of the targets a few synapses
					// ahead: their headers, then (once those are in the
					// cache) their entries
					if f := e + 2*histAhead; f < b {
						prefetch(unsafe.Pointer(&hist[int(row[f].tgt)-p.first]))
					}
					if f := e + histAhead; f < b {
						if es := hist[int(row[f].tgt)-p.first].ent; len(es) > 0 {
							prefetch(unsafe.Pointer(&es[0]))
						}
					}
				}
				slot := g.slots[pos*int64(g.stride) : (pos+1)*int64(g.stride)]
				full := ctx.full[:len(g.init)]
				if g.stdp == nil {
					for q, k := range g.kept {
						full[k] = slot[q]
					}
					for q, k := range g.perConn {
						ctx.params[k] = slot[len(g.kept)+q]
					}
					ctx.state = full
					if g.prog.random {
						ctx.seedFor(g.seed, uint64(pos), uint64(S))
					}
				}
				D := int64(c.meta >> portBits)
				cur := tl
				// 1. postsynaptic spikes in (tl − D, S − D] at t_post + D,
				// and the volume transmitter's spikes in (tl, S], in time
				// order (neuromodulator spikes first at equal times)
				var h *spikeHistory
				x, xEnd := 0, 0
				if g.post >= 0 && hist != nil {
					// histories are short (the entries not yet read by
					// every synapse): scan them
					h = &hist[int(c.tgt)-p.first]
					hs := h.ent
					for x < len(hs) && hs[x].step <= tl-D {
						x++
					}
					xEnd = x
					for xEnd < len(hs) && hs[xEnd].step <= S-D {
						xEnd++
					}
				}
				if k := g.stdp; k != nil {
					// the STDP kernel (synapse_stdp.go): the operations of
					// the generic path below, without closures
					wv, pv := slot[k.w], slot[k.p]
					for ; x < xEnd; x++ {
						he := &h.ent[x]
						tp := he.step + D
						if tp != cur {
							pv = float64(k.pTab.at(tp-cur, ctx.tps) * pv)
						}
						wv = k.postSpike(wv, pv)
						cur = tp
						he.reads++
					}
					if S != cur {
						pv = float64(k.pTab.at(S-cur, ctx.tps) * pv)
					}
					qv := 0.0
					if y := xEnd - 1; y >= 0 {
						mv := g.moved[k.q]
						e := &h.ent[y]
						qv = float64(s.traceTabs[mv.trace].at(S-D-e.step, ctx.tps) * s.traces[mv.trace].after(e.vals[mv.slot]))
					}
					pv++
					wv = k.preSpike(wv, qv)
					slot[k.w], slot[k.p] = wv, pv
					ctx.emitted = append(ctx.emitted, wv)
				} else {
					y, yEnd := y0, y1
					if len(g.third) > 0 {
						g.thirdAt(ctx, h, x-1, p, int(c.tgt)-p.first)
					}
					for x < xEnd || y < yEnd {
						if y < yEnd && (x >= xEnd || g.vt.steps[y] <= h.ent[x].step+D) {
							tm := g.vt.steps[y]
							g.advance(n, ctx, cur, tm)
							g.handle(ctx, g.mod)
							cur = tm
							atomic.AddUint32(&g.vt.reads[y], 1)
							y++
							continue
						}
						he := &h.ent[x]
						tp := he.step + D
						g.advance(n, ctx, cur, tp)
						for _, mv := range g.moved {
							full[mv.v] = he.vals[mv.slot]
						}
						if len(g.third) > 0 {
							g.thirdPost(ctx, he, D)
						}
						g.handle(ctx, g.post)
						cur = tp
						he.reads++
						x++
					}
					// 2. the presynaptic spike
					g.advance(n, ctx, cur, S)
					if len(g.moved) > 0 {
						n.tracesAt(ctx, g, h, xEnd-1, S-D, full)
					}
					if len(g.third) > 0 {
						g.thirdAt(ctx, h, xEnd-1, p, int(c.tgt)-p.first)
					}
					g.handle(ctx, g.pre)
					for q, k := range g.kept {
						slot[q] = full[k]
					}
					if ctx.err != nil && j.synErr == nil {
						j.synErr = fmt.Errorf("synapse %s from node %d to node %d: %v", g.m.Name, id, c.tgt, ctx.err)
					}
					ctx.err = nil
				}
				// 3. transmission
				for _, v := range ctx.emitted {
					port := int(c.meta & portMask)
					val := v
					if port == portBySign {
						if ports == nil {
							ports = p.ports()
						}
						if port, val = route(ports, v); port < 0 {
							continue
						}
					}
					x := w.prev[D] + int(c.tgt) - p.first
					p.spikeRing[port][x] += val
					p.flagRing[port][x] = 1
					if g.rec != nil {
						j.wev = append(j.wev, weightEvent{pend: int32(k), group: int32(g.index), pos: pos,
							sender: id, target: int32(c.tgt), t: n.stamp(S), weight: v})
					}
				}
				ctx.emitted = ctx.emitted[:0]
			}
		}
	}
}

// advance advances the synapse in c from stamp `from` to stamp `to`:
// convolution states, then Update with timestep() = the interval.
func (g *synGroup) advance(n *Network, c *synCtx, from, to int64) {
	c.t = c.stamp(to)
	c.dt = c.t - c.stamp(from)
	c.dk = to - from
	if g.decays != nil {
		if to != from {
			for _, d := range g.decays {
				c.state[d.v] = float64(d.tab.at(c.dk, c.tps) * c.state[d.v])
			}
		}
		return
	}
	for _, bi := range g.prog.conv {
		g.prog.blocks[bi].advance(c)
	}
	runStmts(g.prog.update, c)
}

// handle runs the handler of port and its convolution jumps.
func (g *synGroup) handle(c *synCtx, port int) {
	runStmts(g.prog.recv[port], c)
	for _, jp := range g.prog.jumps[port] {
		// a convolution with this port: a spike of weight 1
		c.state[jp.v] += jp.coef(c)
	}
}

// stamp is Network.stamp with the tics per step computed once.
func (c *synCtx) stamp(s int64) float64 { return msPerTic * float64(s*c.tps) }

// seedFor seeds the context's random stream for one synapse and event, so
// that draws do not depend on which goroutine handles the synapse.
func (c *synCtx) seedFor(seed, pos, step uint64) {
	if c.pcg == nil {
		c.pcg = rand.NewPCG(0, 0)
		c.rng = rand.New(c.pcg)
	}
	c.pcg.Seed(seed^pos*0xbf58476d1ce4e5b9, step*0x94d049bb133111eb+pos)
}

// plasticRange returns the index range of the synapses in row (sorted by
// target) whose target lies in [lo, hi).
func plasticRange(row []plasticSyn, lo, hi uint32) (int, int) {
	a := sort.Search(len(row), func(i int) bool { return row[i].tgt >= lo })
	b := a + sort.Search(len(row)-a, func(i int) bool { return row[a+i].tgt >= hi })
	return a, b
}

// afterPlastic runs in the serial phase of a step, after the spikes of
// the previous step were delivered and before pending holds this step's
// spikes: it records the delivered spikes' stamps as the sources' last
// spikes and passes the weight events of the jobs to their recorders.
func (n *Network) afterPlastic(r *runState) error {
	s := n.syn
	S := r.step
	for _, id := range n.pending {
		s.last[id-1] = S
	}
	var evs []weightEvent
	var err error
	for _, j := range r.jobs {
		evs = append(evs, j.wev...)
		j.wev = j.wev[:0]
		if j.synErr != nil && err == nil {
			err = j.synErr
		}
		j.synErr = nil
	}
	if len(evs) == 0 {
		return err
	}
	slices.SortStableFunc(evs, func(a, b weightEvent) int {
		if c := cmp.Compare(a.pend, b.pend); c != 0 {
			return c
		}
		if c := cmp.Compare(a.group, b.group); c != 0 {
			return c
		}
		return cmp.Compare(a.pos, b.pos)
	})
	for _, e := range evs {
		rec := s.groups[e.group].rec
		rec.Times = append(rec.Times, e.t)
		rec.Senders = append(rec.Senders, float64(e.sender))
		rec.Values["targets"] = append(rec.Values["targets"], float64(e.target))
		rec.Values["weights"] = append(rec.Values["weights"], e.weight)
	}
	return err
}

// recordPostSpikes appends this step's spikes (stamp step+1) to the
// histories of neurons with plastic incoming synapses and drops the
// entries every such synapse has read.
func (n *Network) recordPostSpikes(step int64, spikes []int32) {
	s := n.syn
	if len(s.hist) == 0 && len(s.vtList) == 0 {
		return
	}
	keep := int64(n.ringLen) // longest delay + 1 step
	tps := int64(math.Round(n.h * 1000))
	for _, vt := range s.vtList {
		vt.collect(n, step, spikes)
	}
	for _, id := range spikes {
		nd := &n.nodes[id-1]
		hs := s.hist[nd.pop]
		if hs == nil {
			continue
		}
		h := &hs[nd.index]
		inc := s.incoming[nd.pop][nd.index]
		t := step + 1
		// as NEST's archiving node: the oldest entry goes when every
		// synapse has read it and the next one is more than the longest
		// delay + 1 step old (so that the trace at t_pre − d of any
		// synapse can still be computed from the entries kept)
		es := h.ent
		k := 0
		for k+1 < len(es) && es[k].reads >= inc && t-es[k+1].step > keep {
			k++
		}
		if k > 0 {
			es = append(es[:0], es[k:]...)
		}
		e := histEnt{step: t}
		for slot, q := range s.slotTrace {
			if q < 0 {
				continue
			}
			if len(es) > 0 { // the value after the latest spike, decayed
				prev := &es[len(es)-1]
				e.vals[slot] = float64(s.traceTabs[q].at(t-prev.step, tps) * s.traces[q].after(prev.vals[slot]))
			}
		}
		for _, sv := range s.samplers[nd.pop] {
			e.vals[sv.slot] = nd.pop.state[sv.state][nd.index]
		}
		h.ent = append(es, e)
	}
	n.fillThird(step, spikes)
}

// CreateWeightRecorder adds a weight_recorder. Synapses made with
// SynapseSpec.WeightRecorder naming it record, for every spike they
// transmit, the sender, the target, the spike's time stamp and the
// weight sent (NEST's events senders, targets, times, weights).
func (n *Network) CreateWeightRecorder() NodeRange {
	r := &Recorder{Kind: "weight_recorder", RecordFrom: []string{"targets", "weights"},
		Values: map[string][]float64{"targets": nil, "weights": nil}}
	n.recs = append(n.recs, r)
	return n.addNodes(1, func(int) node { return node{rec: r} })
}

// Postsynaptic traces kept per neuron (nest_target.md §5.3, what NEST's
// archiving node does for Kminus and NESTML's co-generation does for
// traces that depend on postsynaptic spikes only).
//
// A state variable v of a synapse is such a trace when it is exactly
// solvable alone (v' = a·v, a from the group's parameters), starts at 0,
// and is assigned only by one top-level `v = c` or `v += c` in the post
// port's handler (c from the group's parameters), while Update only
// integrates ODEs. Its value in a synapse with delay d at time t is then
// the neuron-side trace at t − d, which the neuron's spike history holds:
// the value just before each spike; the synapse's slot does not store it.
// For stdp_synapse this leaves w and pre_trace: 8 + 16 = 24 bytes.

// traceSpec is one distinct postsynaptic trace rule.
type traceSpec struct {
	a   float64 // v' = a·v
	set bool    // v = c (else v += c)
	c   float64
}

func (tr traceSpec) after(v float64) float64 {
	if tr.set {
		return tr.c
	}
	return v + tr.c
}

// movedTrace is a synapse state variable read from the neuron's history.
type movedTrace struct {
	v     int // state index
	trace int // index into synState.traces
	slot  int // its history slot
}

// moveTraces finds the postsynaptic traces of g and sets g.kept to the
// other state variables.
func (n *Network) moveTraces(g *synGroup) {
	m := g.m
	g.kept = g.kept[:0]
	perConn := map[int]bool{}
	for _, k := range g.perConn {
		perConn[k] = true
	}
	updateOK := g.post >= 0
	for _, s := range m.Update {
		if _, ok := s.(*ir.IntegrateODEs); !ok {
			updateOK = false
		}
	}
	conv := map[int]bool{}
	for _, v := range m.ConvStates {
		conv[v] = true
	}
	for v := range m.State {
		tr, ok := traceSpec{}, updateOK && v != g.wState && !conv[v] && g.init[v] == 0 && !g.stateConn[v]
		if ok {
			tr, ok = g.traceRule(v, perConn)
		}
		if !ok {
			g.kept = append(g.kept, v)
			continue
		}
		k := slices.Index(n.syn.traces, tr)
		if k < 0 {
			if len(n.syn.slotTrace) == histSlots {
				// no history slot left: the trace stays in the synapse
				g.kept = append(g.kept, v)
				continue
			}
			k = len(n.syn.traces)
			n.syn.traces = append(n.syn.traces, tr)
			n.syn.traceTabs = append(n.syn.traceTabs, &decayTable{a: tr.a})
			n.syn.traceSlot = append(n.syn.traceSlot, len(n.syn.slotTrace))
			n.syn.slotTrace = append(n.syn.slotTrace, k)
			n.syn.slotVar = append(n.syn.slotVar, "")
		}
		g.moved = append(g.moved, movedTrace{v, k, n.syn.traceSlot[k]})
		if g.movedMask == nil {
			g.movedMask = make([]bool, len(m.State))
		}
		g.movedMask[v] = true
	}
}

// traceRule returns the trace rule of state variable v if v is a
// postsynaptic trace (see above).
func (g *synGroup) traceRule(v int, perConn map[int]bool) (traceSpec, bool) {
	m := g.m
	var blk *ir.AnalyticBlock
	for _, b := range m.Analytic {
		if slices.Contains(b.Vars, v) {
			blk = b
		}
	}
	if blk == nil || len(blk.Vars) != 1 || len(blk.Channels) != 0 || blk.B0[0] != nil || !groupConst(blk.A[0][0], perConn) {
		return traceSpec{}, false
	}
	// every assignment of v: where it is and what it is
	var found []*ir.Assign
	bad := false
	var walk func(ss []ir.Stmt, top bool, port int)
	walk = func(ss []ir.Stmt, top bool, port int) {
		for _, s := range ss {
			switch s := s.(type) {
			case *ir.Assign:
				if s.Target.Kind == ir.KState && s.Target.Index == v {
					if top && port == g.post && (s.Op == "=" || s.Op == "+=") && groupConst(s.Value, perConn) {
						found = append(found, s)
					} else {
						bad = true
					}
				}
			case *ir.If:
				walk(s.Then, false, port)
				walk(s.Else, false, port)
			case *ir.While:
				walk(s.Body, false, port)
			case *ir.For:
				if s.Var.Kind == ir.KState && s.Var.Index == v {
					bad = true
				}
				walk(s.Body, false, port)
			}
		}
	}
	walk(m.Update, false, -1)
	for _, h := range m.OnReceive {
		walk(h.Body, true, h.Port)
	}
	if bad || len(found) != 1 {
		return traceSpec{}, false
	}
	sc := &synCompiler{m: m, prog: g.prog}
	fa, err1 := sc.expr(blk.A[0][0])
	fc, err2 := sc.expr(found[0].Value)
	if err1 != nil || err2 != nil {
		return traceSpec{}, false
	}
	c := &synCtx{params: g.params, internals: g.internals}
	return traceSpec{a: fa(c), set: found[0].Op == "=", c: fc(c)}, true
}

// groupConst reports whether e depends on the group's parameters,
// internals and constants only.
func groupConst(e ir.Expr, perConn map[int]bool) bool {
	switch e := e.(type) {
	case nil, *ir.Const:
		return true
	case *ir.Ref:
		return (e.Kind == ir.KParam && !perConn[e.Index]) || e.Kind == ir.KInternal
	case *ir.Unary:
		return groupConst(e.X, perConn)
	case *ir.Binary:
		return groupConst(e.L, perConn) && groupConst(e.R, perConn)
	case *ir.Cond:
		return groupConst(e.C, perConn) && groupConst(e.Then, perConn) && groupConst(e.Else, perConn)
	case *ir.Call:
		if strings.HasPrefix(e.Fn, "random") {
			return false
		}
		for _, a := range e.Args {
			if !groupConst(a, perConn) {
				return false
			}
		}
		return true
	}
	return false
}

// tracesAt sets the moved traces of g in full to their values at stamp
// step t (the neuron-side trace, spikes at t included); y is the last
// history entry at or before t (-1: none).
func (n *Network) tracesAt(ctx *synCtx, g *synGroup, h *spikeHistory, y int, t int64, full []float64) {
	for _, mv := range g.moved {
		if y < 0 {
			full[mv.v] = 0
			continue
		}
		e := &h.ent[y]
		after := n.syn.traces[mv.trace].after(e.vals[mv.slot])
		full[mv.v] = float64(n.syn.traceTabs[mv.trace].at(t-e.step, ctx.tps) * after)
	}
}

func (n *Network) initSyn() {
	if n.syn == nil {
		n.syn = &synState{hist: map[*Population][]spikeHistory{}, incoming: map[*Population][]uint32{},
			vts: map[*Recorder]*volumeTransmitter{}, samplers: map[*Population][]popSample{}}
	}
}

// volumeTransmitter is NEST's volume_transmitter: it collects the spikes of
// the neurons connected to it (e.g. dopaminergic ones), at their arrival
// times (stamp + connection delay) as NEST's does; synapses whose
// SynapseSpec names it receive them at their neuromodulator port at those
// times, interleaved with their other events.
type volumeTransmitter struct {
	rec     *Recorder
	sources map[int32][]int64 // source node id → delays (steps) of its connections
	steps   []int64           // stamps (steps) of the spikes not yet read by all synapses
	reads   []uint32          // how many synapses read each
	readers uint32            // synapses fed by it
}

// CreateVolumeTransmitter adds a volume_transmitter. Connect neurons to
// it (Connect(neurons, vt)); its events record the spikes it received.
func (n *Network) CreateVolumeTransmitter() NodeRange {
	n.initSyn()
	r := &Recorder{Kind: "volume_transmitter", Values: map[string][]float64{}}
	vt := &volumeTransmitter{rec: r, sources: map[int32][]int64{}}
	n.syn.vts[r] = vt
	n.syn.vtList = append(n.syn.vtList, vt)
	n.recs = append(n.recs, r)
	return n.addNodes(1, func(int) node { return node{rec: r} })
}

// connectVolumeTransmitter makes neuron aid a source of the transmitter
// (connect.go).
func (n *Network) connectVolumeTransmitter(aid int, src *node, r *Recorder, d int) error {
	if src.pop == nil {
		return fmt.Errorf("a volume_transmitter collects spikes of neurons; node %d is a device", aid)
	}
	vt := n.syn.vts[r]
	vt.sources[int32(aid)] = append(vt.sources[int32(aid)], int64(d))
	return nil
}

// collect adds the spikes of step (stamp step+1) of the transmitter's
// sources, at their arrival times, and drops the entries every synapse
// has read. The entries stay sorted by time.
func (vt *volumeTransmitter) collect(n *Network, step int64, spikes []int32) {
	k := 0
	for k < len(vt.reads) && vt.reads[k] >= vt.readers {
		k++
	}
	if k > 0 {
		vt.steps = append(vt.steps[:0], vt.steps[k:]...)
		vt.reads = append(vt.reads[:0], vt.reads[k:]...)
	}
	for _, id := range spikes {
		for _, d := range vt.sources[id] {
			t := step + 1 + d
			k := len(vt.steps)
			for k > 0 && vt.steps[k-1] > t {
				k--
			}
			vt.steps = slices.Insert(vt.steps, k, t)
			vt.reads = slices.Insert(vt.reads, k, 0)
			vt.rec.Times = append(vt.rec.Times, n.stamp(t))
			vt.rec.Senders = append(vt.rec.Senders, float64(id))
		}
	}
}
