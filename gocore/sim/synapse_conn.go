package sim

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"nestml_go/gocore/ir"
)

// Per-connection values of plastic synapses: parameters and initial state
// values given as arrays or distributions (SynapseSpec.PerConn, like the
// weight and delay), and the delay variable (SynapseSpec.DelayVar), a
// parameter that holds each connection's delay in ms. Parameters given per
// connection are stored in the synapse's slot after its state variables
// (like a weight that is a parameter); they are not folded into the
// group's program (synapse_fast.go).

// connVal is a value drawn for every connection of a group.
type connVal struct {
	name  string
	val   Value
	param bool // a parameter (idx into g.perConn) or a state variable (idx into the slot)
	idx   int
	v     int // parameter or state index in the model
}

// setupPerConn adds the parameters of spec.PerConn and spec.DelayVar to
// g.perConn (newGroup, after the weight).
func (n *Network) setupPerConn(g *synGroup, spec *SynapseSpec) error {
	m := g.m
	g.delayQ = -1
	names := make([]string, 0, len(spec.PerConn))
	for name := range spec.PerConn {
		names = append(names, name)
	}
	sort.Strings(names) // values are drawn in name order
	wname := spec.WeightVar
	if wname == "" {
		wname = "w"
	}
	for _, name := range names {
		if name == wname {
			return fmt.Errorf("%s is the weight of %s; give per-connection weights as the weight", name, m.Name)
		}
		if name == spec.DelayVar {
			return fmt.Errorf("%s is the delay variable of %s; give per-connection delays as the delay", name, m.Name)
		}
		if _, ok := spec.Params[name]; ok {
			return fmt.Errorf("%s of %s is given both as one value and per connection", name, m.Name)
		}
		if _, ok := spec.State[name]; ok {
			return fmt.Errorf("%s of %s is given both as one value and per connection", name, m.Name)
		}
		v := spec.PerConn[name]
		if k := varIndex(m.Params, name); k >= 0 {
			g.perConn = append(g.perConn, k)
			g.connVals = append(g.connVals, connVal{name: name, val: v, param: true, idx: len(g.perConn) - 1, v: k})
		} else if k := varIndex(m.State, name); k >= 0 {
			g.connVals = append(g.connVals, connVal{name: name, val: v, v: k})
			if g.stateConn == nil {
				g.stateConn = map[int]bool{}
			}
			g.stateConn[k] = true
		} else {
			return fmt.Errorf("synapse %s has no parameter or state variable %q", m.Name, name)
		}
	}
	if dv := spec.DelayVar; dv != "" {
		k := varIndex(m.Params, dv)
		if k < 0 {
			if varIndex(m.State, dv) >= 0 {
				return fmt.Errorf("delay_variable %s of %s is a state variable; it must name a parameter (the delay is not changed by the synapse)", dv, m.Name)
			}
			return fmt.Errorf("synapse %s has no parameter %q to hold the delay (delay_variable)", m.Name, dv)
		}
		if _, ok := spec.Params[dv]; ok {
			return fmt.Errorf("%s is the delay variable of %s; set the delay with delay, not as a parameter", dv, m.Name)
		}
		if k == g.weightParam() {
			return fmt.Errorf("%s of %s cannot be both the weight and the delay variable", dv, m.Name)
		}
		g.perConn = append(g.perConn, k)
		g.delayQ = len(g.perConn) - 1
	}
	// internals are computed once per group, from the group's values
	for _, k := range g.perConn {
		if k == g.weightParam() {
			continue
		}
		for _, v := range m.Internals {
			if uses(v.Init, map[int]bool{k: true}, nil) {
				return fmt.Errorf("parameter %s of %s cannot vary per connection: the internal %s is computed from it", m.Params[k].Name, m.Name, v.Name)
			}
		}
	}
	return nil
}

// weightParam returns the parameter index of the weight, or -1 if the
// weight is a state variable.
func (g *synGroup) weightParam() int {
	if g.wState >= 0 || len(g.perConn) == 0 {
		return -1
	}
	return g.perConn[0]
}

// uses reports whether e reads one of the parameters ps or internals is
// (nil: none).
func uses(e ir.Expr, ps, is map[int]bool) bool {
	switch e := e.(type) {
	case *ir.Ref:
		return (e.Kind == ir.KParam && ps[e.Index]) || (e.Kind == ir.KInternal && is[e.Index])
	case *ir.Unary:
		return uses(e.X, ps, is)
	case *ir.Binary:
		return uses(e.L, ps, is) || uses(e.R, ps, is)
	case *ir.Cond:
		return uses(e.C, ps, is) || uses(e.Then, ps, is) || uses(e.Else, ps, is)
	case *ir.Call:
		return slices.ContainsFunc(e.Args, func(a ir.Expr) bool { return uses(a, ps, is) })
	}
	return false
}

// fillConn writes the per-connection values of the group's next
// connection into its slot; d is the delay in steps.
func (n *Network) fillConn(g *synGroup, slot []float64, d int) error {
	k := g.made
	g.made++
	base := len(g.kept)
	if g.delayQ >= 0 {
		slot[base+g.delayQ] = n.stamp(int64(d))
	}
	if len(g.connVals) == 0 {
		return nil
	}
	for _, cv := range g.connVals {
		x, err := cv.val.draw(k, n.random())
		if err != nil {
			return fmt.Errorf("%s: %v", cv.name, err)
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%s of %s must be finite", cv.name, g.m.Name)
		}
		if cv.param {
			slot[base+cv.idx] = x
			continue
		}
		q := slices.Index(g.kept, cv.v)
		slot[q] = x
	}
	// parameter guards, with this connection's values
	for i, f := range g.guards {
		if i == 0 {
			g.guardParams = append(g.guardParams[:0], g.params...)
		}
		for q, pk := range g.perConn {
			g.guardParams[pk] = slot[base+q]
		}
		if f.fn(&synCtx{params: g.guardParams, internals: g.internals}) == 0 {
			return fmt.Errorf("parameter %s = %v of %s violates %s (connection %d)", g.m.Params[f.param].Name, g.guardParams[f.param], g.m.Name, g.m.Params[f.param].GuardText, k)
		}
	}
	return nil
}

// guard is a parameter guard checked per connection.
type guard struct {
	param int
	fn    synFn
}

// perConnGuards compiles the guards of the parameters given per
// connection (newGroup).
func (g *synGroup) perConnGuards() error {
	for _, cv := range g.connVals {
		if !cv.param || g.m.Params[cv.v].Guard == nil {
			continue
		}
		f, err := (&synCompiler{m: g.m, prog: &synProg{}}).expr(g.m.Params[cv.v].Guard)
		if err != nil {
			return err
		}
		g.guards = append(g.guards, guard{cv.v, f})
	}
	return nil
}

// SynapseValues returns, for every plastic synapse of the model named
// model, its source and target node ids and the current value of its
// parameter or state variable name (NEST's GetConnections(...).get(name)),
// in group order, then by source and, once the simulation has started,
// by target (before, in connection order). Postsynaptic traces kept per
// neuron are not stored in synapses and cannot be read here.
func (n *Network) SynapseValues(model, name string) (pre, post []int, vals []float64, err error) {
	if n.syn == nil {
		return nil, nil, nil, fmt.Errorf("the network has no plastic synapses")
	}
	found := false
	for _, g := range n.syn.groups {
		if g.m.Name != model {
			continue
		}
		found = true
		// where the value is: a slot position, or a group parameter
		q, gv := -1, math.NaN()
		if k := varIndex(g.m.State, name); k >= 0 {
			if g.movedMask != nil && g.movedMask[k] {
				return nil, nil, nil, fmt.Errorf("%s of %s is a postsynaptic trace kept per neuron, not per synapse", name, model)
			}
			q = slices.Index(g.kept, k)
		} else if k := varIndex(g.m.Params, name); k >= 0 {
			if i := slices.Index(g.perConn, k); i >= 0 {
				q = len(g.kept) + i
			} else {
				gv = g.params[k]
			}
		} else {
			return nil, nil, nil, fmt.Errorf("synapse %s has no parameter or state variable %q", model, name)
		}
		emit := func(src int, s plasticSyn, slot []float64) {
			pre = append(pre, src)
			post = append(post, int(s.tgt))
			if q >= 0 {
				vals = append(vals, slot[q])
			} else {
				vals = append(vals, gv)
			}
		}
		if g.syn != nil {
			for id := 1; id < len(g.off); id++ {
				for pos := g.off[id-1]; pos < g.off[id]; pos++ {
					emit(id, g.syn[pos], g.slots[pos*int64(g.stride):])
				}
			}
			continue
		}
		for id, b := range g.build {
			for i, s := range b {
				emit(id+1, s, g.buildSlots[id][i*g.stride:])
			}
		}
	}
	if !found {
		return nil, nil, nil, fmt.Errorf("no plastic synapses of model %q", model)
	}
	return pre, post, vals, nil
}
