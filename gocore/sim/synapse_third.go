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
// The neuron's variable is sampled when the neuron spikes — its value at
// the end of the step of the spike — and the sample is kept in the spike's
// history entry (NESTML's "post_spike_based" buffering). A synapse reads
//
//   - in the handler of a postsynaptic spike (replayed at t_post + d), the
//     sample of that spike;
//   - in the presynaptic handler (and the Update before it), the sample of
//     the latest postsynaptic spike at or before t_pre − d, 0 if the neuron
//     has not spiked.
//
// Ports not bound read 0.

// thirdBind binds continuous port port of a group to history slot slot.
type thirdBind struct {
	port, slot int
	name       string // the neuron variable
}

// popSample samples state variable state of a population into slot.
type popSample struct {
	slot, state int
}

// bindThird resolves spec.PostVars for group g (newGroup).
func (n *Network) bindThird(g *synGroup, spec *SynapseSpec) error {
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
		if g.post < 0 {
			return fmt.Errorf("synapse %s: a third-factor port (%s) is sampled at postsynaptic spikes and needs a postsynaptic spike port", m.Name, pname)
		}
		s := n.syn
		slot := slices.Index(s.slotVar, vname)
		if slot < 0 {
			if len(s.slotVar) == histSlots {
				return fmt.Errorf("synapse %s: too many postsynaptic traces and third-factor variables in one network (at most %d)", m.Name, histSlots)
			}
			slot = len(s.slotVar)
			s.slotVar = append(s.slotVar, vname)
			s.slotTrace = append(s.slotTrace, -1)
		}
		g.third = append(g.third, thirdBind{port: port, slot: slot, name: vname})
	}
	return nil
}

// sampleThird makes population p sample the variables bound by g
// (connectPlastic, when p receives a synapse of g).
func (n *Network) sampleThird(g *synGroup, p *Population) error {
	s := n.syn
	for _, b := range g.third {
		k := varIndex(p.Model.State, b.name)
		if k < 0 {
			return fmt.Errorf("post_ports: the postsynaptic neuron %s has no state variable %q (bound to port %s of %s)", p.Model.Name, b.name, g.m.ContPorts[b.port].Name, g.m.Name)
		}
		if !slices.Contains(s.samplers[p], popSample{b.slot, k}) {
			s.samplers[p] = append(s.samplers[p], popSample{b.slot, k})
		}
	}
	return nil
}

// thirdAt sets the bound ports to the samples of history entry y (-1:
// none, the ports read 0).
func (g *synGroup) thirdAt(c *synCtx, h *spikeHistory, y int) {
	for _, b := range g.third {
		if y < 0 || h == nil {
			c.cont[b.port] = 0
		} else {
			c.cont[b.port] = h.ent[y].vals[b.slot]
		}
	}
}
