package sim

import (
	"math"

	"nestml_go/gocore/ir"
)

// Speed of plastic synapses (docs/synapses.md, "Performance").
//
// A synapse event runs a few small programs (Update over an interval, a
// handler); their closures dominate the cost of a plastic network. Three
// things keep them short without changing what they compute:
//
//   - Folding. A group's parameters are fixed for the run (except those
//     stored per connection), so every subexpression built from them, the
//     internals and constants is evaluated once when the group is made
//     (-1/tau, alpha·lambda); x**1 becomes x (math.Pow(x, 1) = x exactly).
//   - Leaf operands. A binary +, −, ·, / whose operand is a constant or a
//     state variable reads it directly instead of through a closure, and
//     an assignment to a state variable writes it directly.
//   - Decay tables. Events lie on the time grid, so the interval between
//     two events is k steps, and a trace x' = a·x with a constant a decays
//     by exp(a·k·h): a table per such trace holds these factors for small
//     k (math.Exp beyond), shared by all synapses and goroutines (built
//     before the run, read only).

// decayLen is the number of tabulated intervals: 4096 steps (409.6 ms at
// 0.1 ms) covers nearly every interval between a synapse's events in
// spiking networks; longer ones call math.Exp.
const decayLen = 4096

// decayTable holds exp(a·k·h) for k < decayLen.
type decayTable struct {
	a float64
	v []float64
}

// fill tabulates the factors for tics per step tps.
func (d *decayTable) fill(tps int64) {
	if d.v != nil {
		return
	}
	d.v = make([]float64, decayLen)
	for k := range d.v {
		d.v[k] = math.Exp(d.a * (msPerTic * float64(int64(k)*tps)))
	}
}

// at returns exp(a·k·h) for an interval of k ≥ 0 steps.
func (d *decayTable) at(k, tps int64) float64 {
	if uint64(k) < uint64(len(d.v)) {
		return d.v[k]
	}
	return math.Exp(d.a * (msPerTic * float64(k*tps)))
}

// constant reports the value of e if the compiler folds group constants
// and e is one.
func (sc *synCompiler) constant(e ir.Expr) (float64, bool) {
	if sc.fold == nil || e == nil {
		return 0, false
	}
	if _, ok := e.(*ir.Const); ok {
		return e.(*ir.Const).Value, true
	}
	if !groupConst(e, sc.fold.perConn) {
		return 0, false
	}
	plain := &synCompiler{m: sc.m, prog: &synProg{}}
	f, err := plain.expr(e)
	if err != nil {
		return 0, false // compiled (and reported) as usual
	}
	return f(&synCtx{params: sc.fold.params, internals: sc.fold.internals}), true
}

// leaf classifies an operand: a constant (v), a state variable or a
// local (k), or neither.
func (sc *synCompiler) leaf(e ir.Expr) (kind byte, k int, v float64) {
	if v, ok := sc.constant(e); ok {
		return 'c', 0, v
	}
	if r, ok := e.(*ir.Ref); ok && r.Kind == ir.KState {
		return 's', r.Index, 0
	}
	if r, ok := e.(*ir.Ref); ok && r.Kind == ir.KLocal {
		sc.nlocals = max(sc.nlocals, r.Index+1)
		return 'l', r.Index, 0
	}
	return 0, 0, 0
}

// callLeaf returns a closure for min(a, b) or max(a, b) with a constant
// and a state variable or local as operands, or nil (same results as
// synCall).
func (sc *synCompiler) callLeaf(e *ir.Call) synFn {
	if sc.fold == nil || len(e.Args) != 2 || (e.Fn != "min" && e.Fn != "max") {
		return nil
	}
	ak, ai, av := sc.leaf(e.Args[0])
	bk, bi, bv := sc.leaf(e.Args[1])
	if ak == 'c' && (bk == 's' || bk == 'l') {
		ak, ai, bk, bv = bk, bi, ak, av // min and max commute (NaN and ±0 included)
	}
	if bk != 'c' {
		return nil
	}
	mn := e.Fn == "min"
	switch ak {
	case 's':
		if mn {
			return func(c *synCtx) float64 { return min(c.state[ai], bv) }
		}
		return func(c *synCtx) float64 { return max(c.state[ai], bv) }
	case 'l':
		if mn {
			return func(c *synCtx) float64 { return min(c.locals[ai], bv) }
		}
		return func(c *synCtx) float64 { return max(c.locals[ai], bv) }
	}
	return nil
}

// binaryLeaf returns a closure for e with its constant and state operands
// read directly, or nil if no such form applies. l and r are the
// operands' closures. Results are those of synBinary.
func (sc *synCompiler) binaryLeaf(e *ir.Binary, l, r synFn) synFn {
	if sc.fold == nil {
		return nil
	}
	lk, li, lv := sc.leaf(e.L)
	rk, ri, rv := sc.leaf(e.R)
	if e.Op == "**" && rk == 'c' && rv == 1 {
		return l // math.Pow(x, 1) = x
	}
	if f := sc.ratioLeaf(e, l, r, lk, lv); f != nil {
		return f
	}
	switch e.Op {
	case "+":
		switch {
		case lk == 's' && rk == 'c':
			return func(c *synCtx) float64 { return c.state[li] + rv }
		case lk == 'c' && rk == 's':
			return func(c *synCtx) float64 { return lv + c.state[ri] }
		case lk == 's' && rk == 's':
			return func(c *synCtx) float64 { return c.state[li] + c.state[ri] }
		case rk == 'c':
			return func(c *synCtx) float64 { return l(c) + rv }
		case lk == 'c':
			return func(c *synCtx) float64 { return lv + r(c) }
		case rk == 's':
			return func(c *synCtx) float64 { return l(c) + c.state[ri] }
		case lk == 's':
			return func(c *synCtx) float64 { return c.state[li] + r(c) }
		}
	case "-":
		switch {
		case lk == 's' && rk == 'c':
			return func(c *synCtx) float64 { return c.state[li] - rv }
		case lk == 'c' && rk == 's':
			return func(c *synCtx) float64 { return lv - c.state[ri] }
		case lk == 's' && rk == 's':
			return func(c *synCtx) float64 { return c.state[li] - c.state[ri] }
		case rk == 'c':
			return func(c *synCtx) float64 { return l(c) - rv }
		case lk == 'c':
			return func(c *synCtx) float64 { return lv - r(c) }
		case rk == 's':
			return func(c *synCtx) float64 { return l(c) - c.state[ri] }
		case lk == 's':
			return func(c *synCtx) float64 { return c.state[li] - r(c) }
		}
	case "*":
		switch {
		case lk == 's' && rk == 'c':
			return func(c *synCtx) float64 { return float64(c.state[li] * rv) }
		case lk == 'c' && rk == 's':
			return func(c *synCtx) float64 { return float64(lv * c.state[ri]) }
		case lk == 's' && rk == 's':
			return func(c *synCtx) float64 { return float64(c.state[li] * c.state[ri]) }
		case rk == 'c':
			return func(c *synCtx) float64 { return float64(l(c) * rv) }
		case lk == 'c':
			return func(c *synCtx) float64 { return float64(lv * r(c)) }
		case rk == 's':
			return func(c *synCtx) float64 { return float64(l(c) * c.state[ri]) }
		case lk == 's':
			return func(c *synCtx) float64 { return float64(c.state[li] * r(c)) }
		}
	case "/":
		switch {
		case lk == 's' && rk == 'c':
			return func(c *synCtx) float64 { return c.state[li] / rv }
		case lk == 'c' && rk == 's':
			return func(c *synCtx) float64 { return lv / c.state[ri] }
		case lk == 's' && rk == 's':
			return func(c *synCtx) float64 { return c.state[li] / c.state[ri] }
		case rk == 'c':
			return func(c *synCtx) float64 { return l(c) / rv }
		case lk == 'c':
			return func(c *synCtx) float64 { return lv / r(c) }
		case rk == 's':
			return func(c *synCtx) float64 { return l(c) / c.state[ri] }
		case lk == 's':
			return func(c *synCtx) float64 { return c.state[li] / r(c) }
		}
	}
	return nil
}

// assignLeaf returns a statement that writes state variable s.Target
// directly, or nil if s assigns something else.
func (sc *synCompiler) assignLeaf(s *ir.Assign, v synFn) synStmt {
	if s.Target.Kind != ir.KState {
		return nil
	}
	k := s.Target.Index
	if kind, _, x := sc.leaf(s.Value); kind == 'c' {
		switch s.Op {
		case "=":
			return func(c *synCtx) { c.state[k] = x }
		case "+=":
			return func(c *synCtx) { c.state[k] += x }
		case "-=":
			return func(c *synCtx) { c.state[k] -= x }
		}
	}
	switch s.Op {
	case "=":
		return func(c *synCtx) { c.state[k] = v(c) }
	case "+=":
		return func(c *synCtx) { x := v(c); c.state[k] += x }
	case "-=":
		return func(c *synCtx) { x := v(c); c.state[k] -= x }
	case "*=":
		return func(c *synCtx) { x := v(c); c.state[k] = float64(c.state[k] * x) }
	case "/=":
		return func(c *synCtx) { x := v(c); c.state[k] /= x }
	}
	return nil
}

// fastDecay is a state variable that Update multiplies by a tabulated
// decay factor.
type fastDecay struct {
	v   int
	tab *decayTable
}

// planAdvance sets g.decays when Update does nothing but integrate_odes()
// over scalar linear decays with constant rates (the traces of STDP
// rules): advancing a synapse is then one multiplication per kept trace.
// Traces kept per neuron (moved) are skipped, as synBlock.advance does.
func (g *synGroup) planAdvance() {
	g.decays = nil
	m := g.m
	if len(g.prog.conv) > 0 || len(m.Update) != 1 {
		return
	}
	io, ok := m.Update[0].(*ir.IntegrateODEs)
	if !ok {
		return
	}
	listed := map[int]bool{}
	for _, v := range io.Vars {
		listed[v] = true
	}
	decays := []fastDecay{}
	for _, b := range g.prog.blocks {
		if len(b.vars) == 0 || !listed[b.vars[0]] {
			continue
		}
		if b.decay == nil {
			return
		}
		if g.movedMask != nil && g.movedMask[b.vars[0]] {
			continue
		}
		decays = append(decays, fastDecay{b.vars[0], b.decay})
	}
	g.decays = decays
}

// ratio reports whether e is x/c, x a state variable and c a constant (a
// normalised weight such as w/Wmax): it returns x's index and c.
func (sc *synCompiler) ratio(e ir.Expr) (int, float64, bool) {
	b, ok := e.(*ir.Binary)
	if !ok || b.Op != "/" || b.Int {
		return 0, 0, false
	}
	if lk, li, _ := sc.leaf(b.L); lk == 's' {
		if rk, _, rv := sc.leaf(b.R); rk == 'c' {
			return li, rv, true
		}
	}
	return 0, 0, false
}

// ratioLeaf fuses a ratio operand (see ratio) into +, − and · with a
// general or constant other operand: one closure instead of two.
func (sc *synCompiler) ratioLeaf(e *ir.Binary, l, r synFn, lk byte, lv float64) synFn {
	if xi, xc, ok := sc.ratio(e.L); ok {
		switch e.Op {
		case "+":
			return func(c *synCtx) float64 { return c.state[xi]/xc + r(c) }
		case "-":
			return func(c *synCtx) float64 { return c.state[xi]/xc - r(c) }
		case "*":
			return func(c *synCtx) float64 { return float64(c.state[xi] / xc * r(c)) }
		}
	}
	if xi, xc, ok := sc.ratio(e.R); ok && lk == 'c' {
		switch e.Op {
		case "+":
			return func(c *synCtx) float64 { return lv + c.state[xi]/xc }
		case "-":
			return func(c *synCtx) float64 { return lv - c.state[xi]/xc }
		case "*":
			return func(c *synCtx) float64 { return float64(lv * (c.state[xi] / xc)) }
		}
	}
	return nil
}
