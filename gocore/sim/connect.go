package sim

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// synapse is one static connection as stored: 16 bytes. tgt is the target
// node id; meta packs the delay in steps (high 24 bits) and the target port
// (low 8 bits; portBySign: chosen per spike by the sign of its weight); w
// is the value added to the port's buffer, already negated where the
// default routing sends a negative weight to an inhibitory port.
type synapse struct {
	tgt  uint32
	meta uint32
	w    float64
}

const (
	portBits   = 8
	portMask   = 1<<portBits - 1
	portBySign = portMask
	maxDelay   = 1<<(32-portBits) - 1
)

func (s synapse) port() int  { return int(s.meta & portMask) }
func (s synapse) delay() int { return int(s.meta >> portBits) }

func packMeta(delay, port int) uint32 { return uint32(delay)<<portBits | uint32(port) }

// synTable holds the out-going synapses of every node in compressed sparse
// row form: those of node id are syn[off[id-1]:off[id]], sorted by target
// id (stable: synapses to one target keep the order they were made in).
type synTable struct {
	off []int64
	syn []synapse
}

// ConnSpec is a NEST connection rule (nest.Connect's conn_spec).
type ConnSpec struct {
	// Rule is "all_to_all" (default), "one_to_one", "fixed_indegree",
	// "fixed_outdegree", "fixed_total_number" or "pairwise_bernoulli".
	Rule      string
	Indegree  int     // fixed_indegree
	Outdegree int     // fixed_outdegree
	N         int     // fixed_total_number
	P         float64 // pairwise_bernoulli
	// AllowAutapses and AllowMultapses follow NEST's defaults (true) when
	// the pointers are nil.
	AllowAutapses, AllowMultapses *bool
}

// Value is a per-connection weight or delay: a constant, an array with one
// value per connection (in the order connections are made), or a
// distribution ("normal" with Mean/Std, "uniform" with Min/Max,
// "lognormal" with Mu/Sigma, "exponential" with Beta).
type Value struct {
	Const        float64
	Array        []float64
	Distribution string
	Mean, Std    float64
	Min, Max     float64
	Mu, Sigma    float64
	Beta         float64
}

// ConstValue returns a constant Value.
func ConstValue(v float64) Value { return Value{Const: v} }

func (v Value) draw(k int, r *rand.Rand) (float64, error) {
	switch {
	case v.Array != nil:
		if k >= len(v.Array) {
			return 0, fmt.Errorf("an array of %d values is too short for the connections made", len(v.Array))
		}
		return v.Array[k], nil
	case v.Distribution == "":
		return v.Const, nil
	case v.Distribution == "normal":
		return v.Mean + v.Std*r.NormFloat64(), nil
	case v.Distribution == "uniform":
		return v.Min + (v.Max-v.Min)*r.Float64(), nil
	case v.Distribution == "lognormal":
		return math.Exp(v.Mu + v.Sigma*r.NormFloat64()), nil
	case v.Distribution == "exponential":
		return v.Beta * r.ExpFloat64(), nil
	}
	return 0, fmt.Errorf("unknown distribution %q (normal, uniform, lognormal, exponential)", v.Distribution)
}

// SetSeed seeds the network's random number generator (connection rules,
// distributions, Poisson generators). Results are reproducible for a seed.
func (n *Network) SetSeed(seed uint64) {
	n.seed = seed
	n.rng = rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

func (n *Network) random() *rand.Rand {
	if n.rng == nil {
		n.SetSeed(12345)
	}
	return n.rng
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
	d, err := n.delaySteps(delay)
	if err != nil {
		return err
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
			if err := n.connect1(a, src, b, dst, weight, d, port); err != nil {
				return err
			}
		}
	}
	return nil
}

func (n *Network) delaySteps(delay float64) (int, error) {
	d := math.Round(delay / n.h)
	if d < 1 || math.Abs(d*n.h-delay) > 1e-9*math.Max(1, delay) {
		return 0, fmt.Errorf("delay %v ms must be a multiple of the resolution %v ms and at least one step", delay, n.h)
	}
	if d > maxDelay {
		return 0, fmt.Errorf("delay %v ms exceeds the longest supported delay (%d steps)", delay, maxDelay)
	}
	return int(d), nil
}

// route returns the port and the value added for a spike of weight w sent
// without a port name (nest_target.md §4.4): the first port without
// qualifier takes every spike; otherwise excitatory/inhibitory ports by
// sign, the inhibitory one receiving −w. -1: the model cannot receive it.
func route(ports []*portInfo, w float64) (int, float64) {
	exc, inh := -1, -1
	for _, pt := range ports {
		switch pt.qualifier {
		case "":
			return pt.index, w
		case "excitatory":
			if exc < 0 {
				exc = pt.index
			}
		case "inhibitory":
			if inh < 0 {
				inh = pt.index
			}
		}
	}
	switch {
	case w >= 0 && exc >= 0:
		return exc, w
	case w < 0 && inh >= 0:
		return inh, -w
	case exc >= 0:
		return exc, w
	case inh >= 0:
		return inh, w
	}
	return -1, 0
}

type portInfo struct {
	qualifier string
	index     int
}

// ports returns the spike ports' routing information.
func (p *Population) ports() []*portInfo {
	if p.portInfo == nil {
		p.portInfo = make([]*portInfo, len(p.Model.SpikePorts))
		for i, pt := range p.Model.SpikePorts {
			p.portInfo[i] = &portInfo{pt.Qualifier, pt.Index}
		}
	}
	return p.portInfo
}

func (n *Network) connect1(aid int, src *node, bid int, dst *node, w float64, d int, port string) error {
	switch {
	case src.rec != nil && src.rec.Kind == "multimeter":
		if dst.pop == nil {
			return fmt.Errorf("a multimeter records from neurons; node %d is a device", bid)
		}
		for _, k := range src.rec.RecordFrom {
			if _, _, err := dst.pop.column(k); err != nil {
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
	case dst.rec != nil && dst.rec.Kind == "volume_transmitter":
		return n.connectVolumeTransmitter(aid, src, dst.rec, d) // synapse.go
	case src.rec != nil || dst.rec != nil:
		return fmt.Errorf("cannot connect node %d to node %d: recorders connect as multimeter→neuron and neuron→spike_recorder", aid, bid)
	case dst.pop == nil:
		return fmt.Errorf("node %d is a device and cannot receive connections", bid)
	}
	m := dst.pop.Model
	isCurrent := src.gen != nil && isCurrentSource(src.gen.kind)
	if isCurrent {
		if len(m.ContPorts) == 0 {
			return fmt.Errorf("%s has no continuous input port to receive a current", m.Name)
		}
		cp := 0
		if port != "" {
			cp = -2
			for _, p := range m.ContPorts {
				if p.Name == port {
					cp = p.Index
				}
			}
			if cp == -2 {
				return fmt.Errorf("%s has no continuous input port %q", m.Name, port)
			}
		}
		dst.pop.contUsed = true
		src.gen.targets = append(src.gen.targets, synapse{uint32(bid), packMeta(d, cp), w})
		return nil
	}
	if len(m.SpikePorts) == 0 {
		return fmt.Errorf("%s has no spike input port", m.Name)
	}
	if len(m.SpikePorts) >= portBySign {
		return fmt.Errorf("%s has too many spike ports (%d)", m.Name, len(m.SpikePorts))
	}
	sp := -1
	if port != "" {
		sp = -2
		for _, p := range m.SpikePorts {
			if p.Name == port {
				sp = p.Index
			}
		}
		if sp == -2 {
			return fmt.Errorf("%s has no spike input port %q", m.Name, port)
		}
	}
	if src.gen != nil && src.gen.kind == "spike_generator" {
		// the weight of each spike multiplies w: its sign picks the port
		// when no port is named
		if sp < 0 {
			sp = portBySign
			for _, pt := range m.SpikePorts {
				dst.pop.spikeUsed[pt.Index] = true
			}
		} else {
			dst.pop.spikeUsed[sp] = true
		}
		src.gen.targets = append(src.gen.targets, synapse{uint32(bid), packMeta(d, sp), w})
		return nil
	}
	val := w
	if sp < 0 {
		// the sign of w (poisson_generator: of w·k, k ≥ 1) picks the port
		sp, val = route(dst.pop.ports(), w)
		if sp < 0 {
			return nil // as before: a spike no port takes is dropped
		}
	}
	dst.pop.spikeUsed[sp] = true
	s := synapse{uint32(bid), packMeta(d, sp), val}
	if src.gen != nil {
		src.gen.targets = append(src.gen.targets, s)
		return nil
	}
	for len(n.build) < aid {
		n.build = append(n.build, nil)
	}
	n.build[aid-1] = append(n.build[aid-1], s)
	return nil
}

// ConnectSpec connects pre to post with a NEST connection rule, weights and
// delays (ms); port names the target's input port ("" = default routing).
// It returns the number of connections made.
func (n *Network) ConnectSpec(pre, post []int, spec ConnSpec, weight, delay Value, port string) (int, error) {
	return n.connectRule(pre, post, spec, weight, delay, port, nil)
}

// connectRule makes the connections of a rule: static ones (g == nil) or
// synapses of group g (synapse.go).
func (n *Network) connectRule(pre, post []int, spec ConnSpec, weight, delay Value, port string, g *synGroup) (int, error) {
	if n.started {
		return 0, fmt.Errorf("connections cannot be added after the simulation has started")
	}
	if len(pre) == 0 || len(post) == 0 {
		return 0, fmt.Errorf("pre and post must not be empty")
	}
	autapses := spec.AllowAutapses == nil || *spec.AllowAutapses
	multapses := spec.AllowMultapses == nil || *spec.AllowMultapses
	r := n.random()
	var pairs [][2]int32
	add := func(a, b int) { pairs = append(pairs, [2]int32{int32(a), int32(b)}) }
	switch spec.Rule {
	case "", "all_to_all":
		pairs = make([][2]int32, 0, len(pre)*len(post))
		for _, a := range pre {
			for _, b := range post {
				if a != b || autapses {
					add(a, b)
				}
			}
		}
	case "one_to_one":
		if len(pre) != len(post) {
			return 0, fmt.Errorf("one_to_one needs as many sources as targets (%d vs %d)", len(pre), len(post))
		}
		for i := range pre {
			if pre[i] != post[i] || autapses {
				add(pre[i], post[i])
			}
		}
	case "fixed_indegree", "fixed_outdegree":
		from, to, k := pre, post, spec.Indegree
		if spec.Rule == "fixed_outdegree" {
			from, to, k = post, pre, spec.Outdegree
		}
		if k < 0 {
			return 0, fmt.Errorf("%s: the degree must be ≥ 0, got %d", spec.Rule, k)
		}
		if !multapses && k > len(from) {
			return 0, fmt.Errorf("%s: degree %d exceeds the %d candidates and multapses are not allowed", spec.Rule, k, len(from))
		}
		pairs = make([][2]int32, 0, k*len(to))
		for _, b := range to {
			var chosen map[int]bool
			if !multapses {
				chosen = map[int]bool{}
			}
			for c := 0; c < k; {
				a := from[r.IntN(len(from))]
				if (a == b && !autapses) || (!multapses && chosen[a]) {
					if !autapses && len(from) == 1 {
						return 0, fmt.Errorf("%s: no candidate other than the node itself", spec.Rule)
					}
					continue
				}
				if chosen != nil {
					chosen[a] = true
				}
				if spec.Rule == "fixed_indegree" {
					add(a, b)
				} else {
					add(b, a)
				}
				c++
			}
		}
	case "fixed_total_number":
		if spec.N < 0 {
			return 0, fmt.Errorf("fixed_total_number: N must be ≥ 0, got %d", spec.N)
		}
		for c := 0; c < spec.N; {
			a, b := pre[r.IntN(len(pre))], post[r.IntN(len(post))]
			if a == b && !autapses {
				continue
			}
			add(a, b)
			c++
		}
	case "pairwise_bernoulli":
		if spec.P < 0 || spec.P > 1 || math.IsNaN(spec.P) {
			return 0, fmt.Errorf("pairwise_bernoulli: p must lie in [0, 1], got %v", spec.P)
		}
		for _, a := range pre {
			for _, b := range post {
				if (a != b || autapses) && r.Float64() < spec.P {
					add(a, b)
				}
			}
		}
	default:
		return 0, fmt.Errorf("unknown connection rule %q (all_to_all, one_to_one, fixed_indegree, fixed_outdegree, fixed_total_number, pairwise_bernoulli)", spec.Rule)
	}
	for k, pr := range pairs {
		w, err := weight.draw(k, r)
		if err != nil {
			return 0, fmt.Errorf("weight: %v", err)
		}
		d, err := delay.draw(k, r)
		if err != nil {
			return 0, fmt.Errorf("delay: %v", err)
		}
		// NEST rounds delays to the grid
		d = math.Max(math.Round(d/n.h)*n.h, n.h)
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return k, fmt.Errorf("weight must be finite")
		}
		ds, err := n.delaySteps(d)
		if err != nil {
			return k, err
		}
		a, b := int(pr[0]), int(pr[1])
		src, err := n.node(a)
		if err != nil {
			return k, err
		}
		dst, err := n.node(b)
		if err != nil {
			return k, err
		}
		if g != nil {
			err = n.connectPlastic(g, a, src, b, dst, w, ds, port)
		} else {
			err = n.connect1(a, src, b, dst, w, ds, port)
		}
		if err != nil {
			return k, err
		}
	}
	return len(pairs), nil
}

// finishSynapses turns the per-source lists into the sorted compressed
// table and sorts every generator's targets; it returns the longest delay.
func (n *Network) finishSynapses() int {
	maxD := 1
	byTarget := func(a, b synapse) int { return cmp.Compare(a.tgt, b.tgt) }
	sortTargets := func(s []synapse) {
		for _, x := range s {
			if d := x.delay(); d > maxD {
				maxD = d
			}
		}
		if !slices.IsSortedFunc(s, byTarget) {
			slices.SortStableFunc(s, byTarget)
		}
	}
	total := 0
	for _, s := range n.build {
		total += len(s)
	}
	n.csr.off = make([]int64, len(n.nodes)+1)
	n.csr.syn = make([]synapse, 0, total)
	for id := 1; id <= len(n.nodes); id++ {
		if id-1 < len(n.build) {
			s := n.build[id-1]
			sortTargets(s)
			n.csr.syn = append(n.csr.syn, s...)
			n.build[id-1] = nil
		}
		n.csr.off[id] = int64(len(n.csr.syn))
	}
	n.build = nil
	for _, g := range n.gens {
		sortTargets(g.targets)
	}
	return maxD
}

// SynapseMemory returns the number of static synapses between neurons and
// the bytes that hold them (the 16-byte records plus the row offsets);
// valid once the simulation has started.
func (n *Network) SynapseMemory() (count int, bytes int64) {
	return len(n.csr.syn), int64(len(n.csr.syn))*16 + int64(len(n.csr.off))*8
}

// CreatePoissonGenerator adds a poisson_generator with the given rate (Hz),
// active for start < t ≤ stop. Like NEST's, it sends an independent Poisson
// spike train to each of its targets (poisson.go).
func (n *Network) CreatePoissonGenerator(rate, start, stop float64) (NodeRange, error) {
	if !(rate >= 0) || math.IsInf(rate, 0) {
		return NodeRange{}, fmt.Errorf("rate must be a finite number of Hz ≥ 0, got %v", rate)
	}
	g := &generator{kind: "poisson_generator", amplitude: rate, startStep: int64(math.Round(start / n.h)), stopStep: math.MaxInt64}
	if stop/n.h < float64(math.MaxInt64/2) {
		g.stopStep = int64(math.Round(stop / n.h))
	}
	return n.addGenerator(g), nil
}
