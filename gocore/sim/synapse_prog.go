package sim

import (
	"fmt"
	"math"
	"math/rand/v2"

	"nestml_go/gocore/expm"
	"nestml_go/gocore/ir"
)

// This file compiles the statements of a synapse model (ir.Model with
// IsSynapse) into closures run for one synapse and one event at a time.
// Synapses are event driven (language.md §16.4): there is no lane
// parallelism to exploit inside one event, so a small closure interpreter
// is used instead of the vector machine of vm.go.

// synCtx is the state of one event being handled: the synapse's slot (its
// state variables, then its per-connection parameters), the parameters and
// internals of its group, the locals, the event time and the interval
// since the previous event.
type synCtx struct {
	state []float64
	full  []float64 // scratch for all state variables of a synapse
	moved []bool    // per state variable: kept per neuron (not propagated)
	// a few recent exp(x): the synapses of one spike mostly advance over
	// the same interval
	expX, expY    [4]float64
	expN, expNext int
	tps           int64 // tics per step (Network.stamp)
	params        []float64
	internals     []float64
	locals        []float64
	cont          []float64 // continuous ports (third factors)
	t, dt         float64
	dk            int64     // the interval in steps
	emitted       []float64 // weights passed to emit_spike, in order
	rng           *rand.Rand
	pcg           *rand.PCG
	err           error
}

type synFn func(c *synCtx) float64
type synStmt func(c *synCtx)

// synProg is a compiled synapse model.
type synProg struct {
	update  []synStmt
	recv    [][]synStmt // by spike port (nil: no handler)
	jumps   [][]synJump
	conv    []int // analytic blocks holding convolution states
	blocks  []*synBlock
	nlocals int
	random  bool
}

// synJump adds coef to state v when a spike arrives at its port.
type synJump struct {
	v    int
	coef synFn
}

// synBlock is an analytic block of a synapse, propagated over the
// (variable) interval between events.
type synBlock struct {
	vars   []int
	a      []synFn // n×n
	c      []synFn // n×(1+K): b0, then the channel columns
	chans  []synFn
	scalar bool        // 1×1 without input: x ← exp(a·Δt)·x
	decay  *decayTable // scalar with a constant a: exp(a·Δt) by steps
}

// foldEnv lets the compiler evaluate, once, every subexpression that
// depends on the group's parameters (those not stored per connection),
// internals and constants only: a group's program then reads its
// parameters as constants (synapse_fast.go).
type foldEnv struct {
	params, internals []float64
	perConn           map[int]bool
}

// compileSynapse compiles m; fold, if not nil, folds group constants.
func compileSynapse(m *ir.Model, fold *foldEnv) (*synProg, error) {
	if m.Numeric != nil {
		return nil, fmt.Errorf("synapse %s: numerically integrated ODEs are not supported in synapses by the simulator (only exactly solvable linear ones)", m.Name)
	}
	sp := &synProg{recv: make([][]synStmt, len(m.SpikePorts)), jumps: make([][]synJump, len(m.SpikePorts))}
	sc := &synCompiler{m: m, prog: sp, fold: fold}
	conv := map[int]bool{}
	for _, v := range m.ConvStates {
		conv[v] = true
	}
	for bi, b := range m.Analytic {
		sb := &synBlock{vars: b.Vars}
		n := len(b.Vars)
		for r := 0; r < n; r++ {
			for cc := 0; cc < n; cc++ {
				f, err := sc.expr(b.A[r][cc])
				if err != nil {
					return nil, err
				}
				sb.a = append(sb.a, f)
			}
		}
		for r := 0; r < n; r++ {
			f, err := sc.expr(b.B0[r])
			if err != nil {
				return nil, err
			}
			sb.c = append(sb.c, f)
			for k := range b.Channels {
				f, err := sc.expr(b.BCols[k][r])
				if err != nil {
					return nil, err
				}
				sb.c = append(sb.c, f)
			}
		}
		for _, ch := range b.Channels {
			f, err := sc.expr(ch)
			if err != nil {
				return nil, err
			}
			sb.chans = append(sb.chans, f)
		}
		sb.scalar = n == 1 && len(b.Channels) == 0 && b.B0[0] == nil
		if sb.scalar && fold != nil && groupConst(b.A[0][0], fold.perConn) {
			sb.decay = &decayTable{a: sb.a[0](&synCtx{params: fold.params, internals: fold.internals})}
		}
		sp.blocks = append(sp.blocks, sb)
		if len(b.Vars) > 0 && conv[b.Vars[0]] {
			sp.conv = append(sp.conv, bi)
		}
	}
	var err error
	if sp.update, err = sc.stmts(m.Update); err != nil {
		return nil, err
	}
	for _, h := range m.OnReceive {
		body, err := sc.stmts(h.Body)
		if err != nil {
			return nil, err
		}
		sp.recv[h.Port] = append(sp.recv[h.Port], body...)
	}
	for _, j := range m.SpikeJumps {
		f, err := sc.expr(j.Coef)
		if err != nil {
			return nil, err
		}
		sp.jumps[j.Port] = append(sp.jumps[j.Port], synJump{j.Var, f})
	}
	sp.nlocals = sc.nlocals
	return sp, nil
}

type synCompiler struct {
	m       *ir.Model
	prog    *synProg
	nlocals int
	fold    *foldEnv
}

func (sc *synCompiler) expr(e ir.Expr) (synFn, error) {
	if v, ok := sc.constant(e); ok {
		return func(*synCtx) float64 { return v }, nil
	}
	switch e := e.(type) {
	case nil:
		return func(*synCtx) float64 { return 0 }, nil
	case *ir.Const:
		v := e.Value
		return func(*synCtx) float64 { return v }, nil
	case *ir.Ref:
		k := e.Index
		switch e.Kind {
		case ir.KParam:
			return func(c *synCtx) float64 { return c.params[k] }, nil
		case ir.KState:
			return func(c *synCtx) float64 { return c.state[k] }, nil
		case ir.KInternal:
			return func(c *synCtx) float64 { return c.internals[k] }, nil
		case ir.KLocal:
			sc.nlocals = max(sc.nlocals, k+1)
			return func(c *synCtx) float64 { return c.locals[k] }, nil
		case ir.KTime:
			return func(c *synCtx) float64 { return c.t }, nil
		case ir.KStep:
			return func(c *synCtx) float64 { return c.dt }, nil
		case ir.KSpikePort:
			// a synapse's spike ports carry events, not values
			return func(*synCtx) float64 { return 0 }, nil
		case ir.KContPort:
			// third-factor ports (synapse_third.go); 0 when not bound
			return func(c *synCtx) float64 {
				if k < len(c.cont) {
					return c.cont[k]
				}
				return 0
			}, nil
		}
		return nil, fmt.Errorf("synapse %s: %s cannot be read here", sc.m.Name, e.Name)
	case *ir.Unary:
		x, err := sc.expr(e.X)
		if err != nil {
			return nil, err
		}
		switch e.Op {
		case "-":
			return func(c *synCtx) float64 { return -x(c) }, nil
		case "not":
			return func(c *synCtx) float64 { return b2f(x(c) == 0) }, nil
		case "~":
			return func(c *synCtx) float64 { return float64(^int64(x(c))) }, nil
		}
		return nil, fmt.Errorf("unknown unary operator %s", e.Op)
	case *ir.Binary:
		l, err := sc.expr(e.L)
		if err != nil {
			return nil, err
		}
		r, err := sc.expr(e.R)
		if err != nil {
			return nil, err
		}
		if f := sc.binaryLeaf(e, l, r); f != nil {
			return f, nil
		}
		return synBinary(e.Op, e.Int, l, r)
	case *ir.Cond:
		cf, err := sc.expr(e.C)
		if err != nil {
			return nil, err
		}
		a, err := sc.expr(e.Then)
		if err != nil {
			return nil, err
		}
		b, err := sc.expr(e.Else)
		if err != nil {
			return nil, err
		}
		return func(c *synCtx) float64 {
			if cf(c) != 0 {
				return a(c)
			}
			return b(c)
		}, nil
	case *ir.Call:
		args := make([]synFn, len(e.Args))
		for k, a := range e.Args {
			f, err := sc.expr(a)
			if err != nil {
				return nil, err
			}
			args[k] = f
		}
		switch e.Fn {
		case "random_normal", "random_uniform":
			if len(args) != 2 {
				return nil, fmt.Errorf("%s takes 2 arguments", e.Fn)
			}
			sc.prog.random = true
			x, y := args[0], args[1]
			if e.Fn == "random_normal" {
				return func(c *synCtx) float64 { return x(c) + y(c)*c.rng.NormFloat64() }, nil
			}
			return func(c *synCtx) float64 { return x(c) + y(c)*c.rng.Float64() }, nil // as the neuron engine: the lowering passes (lo, hi−lo)
		case "random_poisson":
			if len(args) != 1 {
				return nil, fmt.Errorf("random_poisson takes 1 argument")
			}
			sc.prog.random = true
			x := args[0]
			return func(c *synCtx) float64 { return float64(poisson(c.rng, x(c))) }, nil
		}
		if f := sc.callLeaf(e); f != nil {
			return f, nil
		}
		f, err := synCall(e.Fn, args)
		if err != nil {
			return nil, fmt.Errorf("synapse %s: %v", sc.m.Name, err)
		}
		return f, nil
	}
	return nil, fmt.Errorf("unknown expression %T", e)
}

var synFuncs1 = map[string]func(float64) float64{
	"exp": math.Exp, "expm1": math.Expm1, "ln": math.Log, "log10": math.Log10,
	"sqrt": math.Sqrt, "sin": math.Sin, "cos": math.Cos, "tan": math.Tan,
	"sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh, "erf": math.Erf,
	"erfc": math.Erfc, "abs": math.Abs, "ceil": math.Ceil, "floor": math.Floor,
	"round": math.Round,
}

// synCall binds a math function (the same functions, with the same
// semantics, as the scalar evaluator's call).
func synCall(fn string, a []synFn) (synFn, error) {
	if f, ok := synFuncs1[fn]; ok {
		if len(a) != 1 {
			return nil, fmt.Errorf("%s takes 1 argument", fn)
		}
		x := a[0]
		return func(c *synCtx) float64 { return f(x(c)) }, nil
	}
	switch fn {
	case "min", "max", "pow":
		if len(a) != 2 {
			return nil, fmt.Errorf("%s takes 2 arguments", fn)
		}
		x, y := a[0], a[1]
		switch fn {
		case "min":
			return func(c *synCtx) float64 { return min(x(c), y(c)) }, nil // the builtin: math.Min's semantics, inlined
		case "max":
			return func(c *synCtx) float64 { return max(x(c), y(c)) }, nil
		}
		return func(c *synCtx) float64 { return math.Pow(x(c), y(c)) }, nil
	case "clip":
		if len(a) != 3 {
			return nil, fmt.Errorf("clip takes 3 arguments")
		}
		x, lo, hi := a[0], a[1], a[2]
		return func(c *synCtx) float64 { return min(max(x(c), lo(c)), hi(c)) }, nil
	}
	return nil, fmt.Errorf("function %s is not supported by the simulator", fn)
}

// synBinary binds a binary operator (the scalar evaluator's semantics;
// products rounded explicitly so that no fused multiply-add changes them).
func synBinary(op string, isInt bool, l, r synFn) (synFn, error) {
	i64 := func(f func(a, b int64) int64) synFn {
		return func(c *synCtx) float64 { return float64(f(int64(l(c)), int64(r(c)))) }
	}
	switch op {
	case "+":
		return func(c *synCtx) float64 { return l(c) + r(c) }, nil
	case "-":
		return func(c *synCtx) float64 { return l(c) - r(c) }, nil
	case "*":
		return func(c *synCtx) float64 { return float64(l(c) * r(c)) }, nil
	case "/":
		return func(c *synCtx) float64 { return l(c) / r(c) }, nil
	case "**":
		return func(c *synCtx) float64 { return math.Pow(l(c), r(c)) }, nil // x**1 is folded in binaryLeaf
	case "//":
		if isInt {
			return func(c *synCtx) float64 {
				d := int64(r(c))
				if d == 0 {
					return math.NaN()
				}
				return float64(int64(l(c)) / d)
			}, nil
		}
		return func(c *synCtx) float64 { return math.Trunc(l(c) / r(c)) }, nil
	case "%":
		return func(c *synCtx) float64 {
			d := int64(r(c))
			if d == 0 {
				return math.NaN()
			}
			return float64(int64(l(c)) % d)
		}, nil
	case "<":
		return func(c *synCtx) float64 { return b2f(l(c) < r(c)) }, nil
	case "<=":
		return func(c *synCtx) float64 { return b2f(l(c) <= r(c)) }, nil
	case ">":
		return func(c *synCtx) float64 { return b2f(l(c) > r(c)) }, nil
	case ">=":
		return func(c *synCtx) float64 { return b2f(l(c) >= r(c)) }, nil
	case "==":
		return func(c *synCtx) float64 { return b2f(l(c) == r(c)) }, nil
	case "!=":
		return func(c *synCtx) float64 { return b2f(l(c) != r(c)) }, nil
	case "and":
		return func(c *synCtx) float64 { return b2f(l(c) != 0 && r(c) != 0) }, nil
	case "or":
		return func(c *synCtx) float64 { return b2f(l(c) != 0 || r(c) != 0) }, nil
	case "&":
		return i64(func(a, b int64) int64 { return a & b }), nil
	case "|":
		return i64(func(a, b int64) int64 { return a | b }), nil
	case "^":
		return i64(func(a, b int64) int64 { return a ^ b }), nil
	case "<<":
		return i64(func(a, b int64) int64 { return a << uint64(b) }), nil
	case ">>":
		return i64(func(a, b int64) int64 { return a >> uint64(b) }), nil
	}
	return nil, fmt.Errorf("unknown operator %s", op)
}

func (sc *synCompiler) stmts(ss []ir.Stmt) ([]synStmt, error) {
	out := make([]synStmt, 0, len(ss))
	for _, s := range ss {
		f, err := sc.stmt(s)
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func runStmts(ss []synStmt, c *synCtx) {
	for _, s := range ss {
		s(c)
	}
}

func (sc *synCompiler) store(r *ir.Ref) (func(c *synCtx) *float64, error) {
	k := r.Index
	switch r.Kind {
	case ir.KState:
		return func(c *synCtx) *float64 { return &c.state[k] }, nil
	case ir.KLocal:
		sc.nlocals = max(sc.nlocals, k+1)
		return func(c *synCtx) *float64 { return &c.locals[k] }, nil
	}
	return nil, fmt.Errorf("synapse %s: %s cannot be assigned", sc.m.Name, r.Name)
}

func (sc *synCompiler) stmt(s ir.Stmt) (synStmt, error) {
	switch s := s.(type) {
	case *ir.Assign:
		dst, err := sc.store(s.Target)
		if err != nil {
			return nil, err
		}
		v, err := sc.expr(s.Value)
		if err != nil {
			return nil, err
		}
		if f := sc.assignLeaf(s, v); f != nil {
			return f, nil
		}
		switch s.Op {
		case "=":
			return func(c *synCtx) { *dst(c) = v(c) }, nil
		case "+=":
			return func(c *synCtx) { x := v(c); *dst(c) += x }, nil
		case "-=":
			return func(c *synCtx) { x := v(c); *dst(c) -= x }, nil
		case "*=":
			return func(c *synCtx) { x := v(c); p := dst(c); *p = float64(*p * x) }, nil
		case "/=":
			return func(c *synCtx) { x := v(c); *dst(c) /= x }, nil
		}
		return nil, fmt.Errorf("unknown assignment %s", s.Op)
	case *ir.Declare:
		k := s.Var.Index
		sc.nlocals = max(sc.nlocals, k+1)
		v, err := sc.expr(s.Init)
		if err != nil {
			return nil, err
		}
		return func(c *synCtx) { c.locals[k] = v(c) }, nil
	case *ir.If:
		cond, err := sc.expr(s.Cond)
		if err != nil {
			return nil, err
		}
		th, err := sc.stmts(s.Then)
		if err != nil {
			return nil, err
		}
		el, err := sc.stmts(s.Else)
		if err != nil {
			return nil, err
		}
		return func(c *synCtx) {
			if cond(c) != 0 {
				runStmts(th, c)
			} else {
				runStmts(el, c)
			}
		}, nil
	case *ir.While:
		cond, err := sc.expr(s.Cond)
		if err != nil {
			return nil, err
		}
		body, err := sc.stmts(s.Body)
		if err != nil {
			return nil, err
		}
		return func(c *synCtx) {
			for n := 0; cond(c) != 0; n++ {
				if n > 1e7 {
					c.err = fmt.Errorf("synapse %s: while loop did not end after 10⁷ iterations", sc.m.Name)
					return
				}
				runStmts(body, c)
			}
		}, nil
	case *ir.For:
		dst, err := sc.store(s.Var)
		if err != nil {
			return nil, err
		}
		from, err := sc.expr(s.From)
		if err != nil {
			return nil, err
		}
		to, err := sc.expr(s.To)
		if err != nil {
			return nil, err
		}
		body, err := sc.stmts(s.Body)
		if err != nil {
			return nil, err
		}
		step := s.Step
		return func(c *synCtx) {
			end := to(c)
			for *dst(c) = from(c); (step > 0 && *dst(c) <= end) || (step < 0 && *dst(c) >= end); *dst(c) += step {
				runStmts(body, c)
			}
		}, nil
	case *ir.IntegrateODEs:
		listed := map[int]bool{}
		for _, v := range s.Vars {
			listed[v] = true
		}
		var blocks []*synBlock
		for _, b := range sc.prog.blocks {
			if len(b.vars) > 0 && listed[b.vars[0]] {
				blocks = append(blocks, b)
			}
		}
		return func(c *synCtx) {
			for _, b := range blocks {
				b.advance(c)
			}
		}, nil
	case *ir.EmitSpike:
		if s.Weight == nil {
			return func(c *synCtx) { c.emitted = append(c.emitted, 1) }, nil
		}
		v, err := sc.expr(s.Weight)
		if err != nil {
			return nil, err
		}
		if kind, k, _ := sc.leaf(s.Weight); kind == 's' {
			return func(c *synCtx) { c.emitted = append(c.emitted, c.state[k]) }, nil
		}
		return func(c *synCtx) { c.emitted = append(c.emitted, v(c)) }, nil
	case *ir.Print:
		// synapses print nothing in the simulator (their events are
		// handled in parallel, out of any printable order)
		return func(*synCtx) {}, nil
	}
	return nil, fmt.Errorf("synapse %s: unknown statement %T", sc.m.Name, s)
}

// exp returns math.Exp(x), from a small cache of recent arguments.
func (c *synCtx) exp(x float64) float64 {
	for k := 0; k < c.expN; k++ {
		if c.expX[k] == x {
			return c.expY[k]
		}
	}
	y := math.Exp(x)
	k := c.expNext
	c.expNext = (k + 1) % len(c.expX)
	c.expX[k], c.expY[k] = x, y
	c.expN = min(c.expN+1, len(c.expX))
	return y
}

// advance propagates the block's variables over c.dt exactly.
func (b *synBlock) advance(c *synCtx) {
	if c.dt == 0 {
		return
	}
	if b.scalar {
		v := b.vars[0]
		if c.moved != nil && c.moved[v] {
			return // set from the neuron's history (synapse.go)
		}
		if b.decay != nil && c.dk >= 0 {
			c.state[v] = float64(b.decay.at(c.dk, c.tps) * c.state[v])
			return
		}
		a := b.a[0](c)
		c.state[v] = float64(c.exp(float64(a*c.dt)) * c.state[v])
		return
	}
	n := len(b.vars)
	m := 1 + len(b.chans)
	a := make([]float64, n*n)
	for i, f := range b.a {
		a[i] = f(c)
	}
	cm := make([]float64, n*m)
	for i, f := range b.c {
		cm[i] = f(c)
	}
	p, q, err := expm.Propagator(a, n, cm, m, c.dt)
	if err != nil {
		c.err = err
		return
	}
	u := make([]float64, m)
	u[0] = 1
	for k, f := range b.chans {
		u[1+k] = f(c)
	}
	x := make([]float64, n)
	for r := 0; r < n; r++ {
		s := 0.0
		for cc := 0; cc < n; cc++ {
			s += float64(p[r*n+cc] * c.state[b.vars[cc]])
		}
		for k := 0; k < m; k++ {
			s += float64(q[r*m+k] * u[k])
		}
		x[r] = s
	}
	for r, v := range b.vars {
		c.state[v] = x[r]
	}
}
