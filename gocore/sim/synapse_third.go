package sim

import (
	"fmt"
	"slices"
	"sort"
)

// Third-factor ports (language.md §16.2, pynestml's "post_ports" pairs):
// a continuous input port of a synapse bound to a state variable of the
// postsynaptic neuron, such as stdsp_synapse's dAP_trace.
//
// The synapse reads the neuron variable in one of pynestml's two ways
// (SynapseSpec.ContinuousBuffering, codegen option
// continuous_state_buffering_method), each as the generated NEST code does:
//
//   - "continuous_time_buffer" (the default, as in pynestml): at the
//     events' times at the synapse. The handler of a postsynaptic spike
//     (replayed at t_post + d) reads the value at t_post + d; the
//     presynaptic handler (and the Update before it) the value at t_pre.
//     A value is the variable at the end of the step that ends at that
//     time. NEST's neuron appends the value every step to a buffer; here
//     nothing is stored per step: the value at t_pre is the neuron's
//     current state when the spike is delivered (the start of the step
//     after t_pre), and the value at t_post + d is copied into the spike's
//     history entry at the end of that step (one history slot per bound
//     variable and distinct delay d, filled by fillThird).
//   - "post_spike_based": the variable is sampled when the neuron spikes
//     — its value at the end of the step of the spike — into the spike's
//     history entry. The post handler reads the sample of that spike, the
//     presynaptic handler the sample of the latest postsynaptic spike at
//     or before t_pre − d, 0 if the neuron has not spiked.
//
// Ports not bound read 0.

// The values of SynapseSpec.ContinuousBuffering.
const (
	BufferContinuousTime = "continuous_time_buffer"
	BufferPostSpike      = "post_spike_based"
)

// thirdBind binds continuous port port of a group to a neuron variable.
type thirdBind struct {
	port int
	name string // the neuron variable
	// post_spike_based: the history slot of the samples at the spikes
	slot int
	// continuous_time_buffer: the history slot of the value d steps after
	// the spike, per connection delay d, and the variable's state index in
	// each target population
	ctb  bool
	lags []lagSlot
	live map[*Population]int
}

// lagSlot is the history slot of a variable's value lag steps after a
// spike.
type lagSlot struct {
	lag  int64
	slot int
}

// slotFor returns the history slot the post handler of a synapse with
// delay d (steps) reads, or -1.
func (b *thirdBind) slotFor(d int64) int {
	if !b.ctb {
		return b.slot
	}
	for _, l := range b.lags {
		if l.lag == d {
			return l.slot
		}
	}
	return -1
}

// popSample samples state variable state of a population into slot.
type popSample struct {
	slot, state int
}

// thirdState is the network's bookkeeping of the continuous_time_buffer
// values (synState.third).
type thirdState struct {
	lagOf  map[int]int64 // history slot → lag (steps) of its values
	lagged map[*Population][]lagSample
	maxLag int64
	// spikes of the last maxLag steps of neurons with lagged samples, in
	// stamp order
	pend []thirdPend
}

// lagSample copies state variable state into history slot slot, lag
// steps after each spike.
type lagSample struct {
	slot, state int
	lag         int64
}

type thirdPend struct {
	pop  *Population
	idx  int
	step int64
}

// thirdSlot returns the history slot for the values of neuron variable
// vname lag steps after the spikes (lag 0: at the spike), allocating one.
func (n *Network) thirdSlot(vname string, lag int64, syn string) (int, error) {
	s := n.syn
	if s.third == nil {
		s.third = &thirdState{lagOf: map[int]int64{}, lagged: map[*Population][]lagSample{}}
	}
	for k, v := range s.slotVar {
		if v == vname && s.slotTrace[k] < 0 && s.third.lagOf[k] == lag {
			return k, nil
		}
	}
	if len(s.slotVar) == histSlots {
		return -1, fmt.Errorf("synapse %s: too many postsynaptic traces and third-factor variables in one network (at most %d; with continuous_time_buffer each distinct delay of a bound variable counts: use fewer distinct delays, or continuous_state_buffering_method %q)", syn, histSlots, BufferPostSpike)
	}
	k := len(s.slotVar)
	s.slotVar = append(s.slotVar, vname)
	s.slotTrace = append(s.slotTrace, -1)
	if lag != 0 {
		s.third.lagOf[k] = lag
	}
	return k, nil
}

// bindThird resolves spec.PostVars for group g (newGroup).
func (n *Network) bindThird(g *synGroup, spec *SynapseSpec) error {
	ctb := true
	switch spec.ContinuousBuffering {
	case "", BufferContinuousTime:
	case BufferPostSpike:
		ctb = false
	default:
		return fmt.Errorf("continuous_state_buffering_method must be %q or %q, not %q", BufferContinuousTime, BufferPostSpike, spec.ContinuousBuffering)
	}
	if len(spec.PostVars) == 0 {
		return nil
	}
	m := g.m
	names := make([]string, 0, len(spec.PostVars))
	for p := range spec.PostVars {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, pname := range names {
		vname := spec.PostVars[pname]
		port := -1
		for _, p := range m.ContPorts {
			if p.Name == pname {
				port = p.Index
			}
		}
		if port < 0 {
			var cont []string
			for _, p := range m.ContPorts {
				cont = append(cont, p.Name)
			}
			if len(cont) == 0 {
				return fmt.Errorf("synapse %s has no continuous input port to bind %q to (post_ports binds a synapse's continuous port to a neuron variable)", m.Name, pname)
			}
			return fmt.Errorf("synapse %s has no continuous input port %q (ports: %v)", m.Name, pname, cont)
		}
		if vname == "" {
			return fmt.Errorf("post_ports: no neuron variable given for port %q of %s", pname, m.Name)
		}
		b := thirdBind{port: port, name: vname, slot: -1, ctb: ctb}
		if ctb {
			b.live = map[*Population]int{}
		} else {
			if g.post < 0 {
				return fmt.Errorf("synapse %s: a third-factor port (%s) sampled at postsynaptic spikes (post_spike_based) needs a postsynaptic spike port", m.Name, pname)
			}
			slot, err := n.thirdSlot(vname, 0, m.Name)
			if err != nil {
				return err
			}
			b.slot = slot
		}
		g.third = append(g.third, b)
	}
	return nil
}

// sampleThird makes population p provide the variables bound by g to a
// synapse with delay d steps (connectPlastic, when p receives a synapse
// of g).
func (n *Network) sampleThird(g *synGroup, p *Population, d int) error {
	s := n.syn
	for i := range g.third {
		b := &g.third[i]
		k := varIndex(p.Model.State, b.name)
		if k < 0 {
			return fmt.Errorf("post_ports: the postsynaptic neuron %s has no state variable %q (bound to port %s of %s)", p.Model.Name, b.name, g.m.ContPorts[b.port].Name, g.m.Name)
		}
		if !b.ctb {
			if !slices.Contains(s.samplers[p], popSample{b.slot, k}) {
				s.samplers[p] = append(s.samplers[p], popSample{b.slot, k})
			}
			continue
		}
		b.live[p] = k
		if g.post < 0 {
			continue // no postsynaptic spikes: only the values at t_pre
		}
		lag := int64(d)
		slot := b.slotFor(lag)
		if slot < 0 {
			var err error
			if slot, err = n.thirdSlot(b.name, lag, g.m.Name); err != nil {
				return err
			}
			b.lags = append(b.lags, lagSlot{lag, slot})
		}
		ts := s.third
		if !slices.Contains(ts.lagged[p], lagSample{slot, k, lag}) {
			ts.lagged[p] = append(ts.lagged[p], lagSample{slot, k, lag})
		}
		ts.maxLag = max(ts.maxLag, lag)
	}
	return nil
}

// thirdAt sets the bound ports for the presynaptic handler of a synapse
// onto neuron i of population p: post_spike_based, the samples of
// history entry y (-1: none, the ports read 0); continuous_time_buffer,
// the neuron's current values (the values at t_pre, see above).
func (g *synGroup) thirdAt(c *synCtx, h *spikeHistory, y int, p *Population, i int) {
	for _, b := range g.third {
		switch {
		case b.ctb:
			c.cont[b.port] = p.state[b.live[p]][i]
		case y < 0 || h == nil:
			c.cont[b.port] = 0
		default:
			c.cont[b.port] = h.ent[y].vals[b.slot]
		}
	}
}

// thirdPost sets the bound ports for the handler of the postsynaptic spike
// of history entry e, replayed by a synapse with delay d steps.
func (g *synGroup) thirdPost(c *synCtx, e *histEnt, d int64) {
	for i := range g.third {
		b := &g.third[i]
		if k := b.slotFor(d); k >= 0 {
			c.cont[b.port] = e.vals[k]
		} else {
			c.cont[b.port] = 0
		}
	}
}

// fillThird runs after recordPostSpikes has recorded the spikes of step
// (stamp step+1): it copies the values at the end of the step into the
// history entries of the spikes lag steps earlier (continuous_time_buffer).
func (n *Network) fillThird(step int64, spikes []int32) {
	ts := n.syn.third
	if ts == nil || len(ts.lagged) == 0 {
		return
	}
	T := step + 1
	for _, id := range spikes {
		nd := &n.nodes[id-1]
		if len(ts.lagged[nd.pop]) > 0 {
			ts.pend = append(ts.pend, thirdPend{nd.pop, nd.index, T})
		}
	}
	k := 0
	for k < len(ts.pend) && ts.pend[k].step < T-ts.maxLag {
		k++
	}
	if k > 0 {
		ts.pend = append(ts.pend[:0], ts.pend[k:]...)
	}
	for _, e := range ts.pend {
		lag := T - e.step
		if lag == 0 {
			break // the spikes of this step (the last ones)
		}
		var ent *histEnt
		for _, ls := range ts.lagged[e.pop] {
			if ls.lag != lag {
				continue
			}
			if ent == nil {
				es := n.syn.hist[e.pop][e.idx].ent
				for x := len(es) - 1; x >= 0 && es[x].step >= e.step; x-- {
					if es[x].step == e.step {
						ent = &es[x]
					}
				}
				if ent == nil {
					break // already dropped
				}
			}
			ent.vals[ls.slot] = e.pop.state[ls.state][e.idx]
		}
	}
}
