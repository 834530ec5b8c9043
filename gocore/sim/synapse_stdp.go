package sim

import (
	"maps"
	"math"

	"nestml_go/gocore/ir"
)

// A specialised kernel for the common pair-based STDP form (stdp_synapse,
// upstream's and ours): state w, a presynaptic trace P kept per synapse and
// a postsynaptic trace Q kept per neuron (moveTraces), Update only
// integrate_odes(), and, with r = w/Wmax,
//
//	post spike:  Q += 1;  w = min(Wmax, (r + (-r + 1)**mu_plus·lambda·P)·Wmax)
//	pre spike:   P += 1;  w = max(Wmin, (r − r**mu_minus·alpha·lambda·Q)·Wmax);  emit_spike(w)
//
// (the lowered, canonical form; locals are inlined before matching, so
// `w_ = …; w = min(Wmax, w_)` and `w_norm = …; w = min(Wmax, w_norm·Wmax)`
// are the same). The kernel performs exactly the operations of the
// generic path (synapse_prog.go), in the same order, without closures:
// its weights are bit-identical (TestSTDPKernelMatchesGenericPath).
// Anything else — other handlers, per-connection parameters, volume
// transmitters, third factors, random numbers — runs the generic path.

// stdpKernel holds the roles of a group that has the STDP form.
type stdpKernel struct {
	w, p       int // slot positions of w and P
	q          int // index into g.moved of Q
	pTab       *decayTable
	wmax, wmin float64 // group parameters
	lambda     float64
	alpha      float64
	muPlus     float64
	muMinus    float64
}

// planSTDP sets g.stdp if g has the STDP form.
func (g *synGroup) planSTDP() {
	g.stdp = nil
	m := g.m
	if g.decays == nil || len(g.decays) != 1 || len(g.moved) != 1 || len(g.kept) != 2 || g.wState < 0 ||
		g.vt != nil || len(g.third) > 0 || len(g.perConn) > 0 || g.prog.random || g.post < 0 || len(m.OnReceive) != 2 {
		return
	}
	P, Q := g.decays[0].v, g.moved[0].v
	if P == g.wState || Q == g.wState {
		return
	}
	// parameters bound by the patterns, by role
	roles := map[string]int{}
	mt := &stdpMatcher{g: g, roles: roles, w: g.wState, P: P, Q: Q}
	var post, pre []ir.Stmt
	for _, h := range m.OnReceive {
		switch h.Port {
		case g.post:
			post = h.Body
		case g.pre:
			pre = h.Body
		}
	}
	if len(g.prog.jumps[g.post]) > 0 || len(g.prog.jumps[g.pre]) > 0 {
		return
	}
	// post: Q += …; w = min(Wmax, (r + (-r + 1)**mu_plus*lambda*P)*Wmax)
	wPost, ok := mt.handler(post, Q, false)
	if !ok || !mt.match(wPost, pCall("min", pPar("Wmax"),
		pMul(pBin("+", pRatio(), pBin("*", pBin("*", pBin("**", pBin("+", pUn("-", pRatio()), pOne()), pPar("mu_plus")), pPar("lambda")), pSt("P"))), pPar("Wmax")))) {
		return
	}
	// pre: P += 1; w = max(Wmin, (r - r**mu_minus*alpha*lambda*Q)*Wmax); emit_spike(w)
	wPre, ok := mt.handler(pre, P, true)
	if !ok || !mt.match(wPre, pCall("max", pPar("Wmin"),
		pMul(pBin("-", pRatio(), pBin("*", pBin("*", pBin("*", pBin("**", pRatio(), pPar("mu_minus")), pPar("alpha")), pPar("lambda")), pSt("Q"))), pPar("Wmax")))) {
		return
	}
	k := &stdpKernel{q: 0, pTab: g.decays[0].tab}
	for i, v := range g.kept {
		switch v {
		case g.wState:
			k.w = i
		case P:
			k.p = i
		}
	}
	k.wmax, k.wmin = g.params[roles["Wmax"]], g.params[roles["Wmin"]]
	k.lambda, k.alpha = g.params[roles["lambda"]], g.params[roles["alpha"]]
	k.muPlus, k.muMinus = g.params[roles["mu_plus"]], g.params[roles["mu_minus"]]
	g.stdp = k
}

// pattern is an expression pattern: an ir.Expr shape whose leaves are
// roles ("w", "P", "Q", a parameter role) or the constant 1.
type pattern struct {
	kind string // "bin", "mul" (either order), "un", "call", "st", "par", "one"
	op   string // operator, function or role
	args []*pattern
}

func pBin(op string, l, r *pattern) *pattern { return &pattern{"bin", op, []*pattern{l, r}} }
func pUn(op string, x *pattern) *pattern     { return &pattern{"un", op, []*pattern{x}} }

// pMul matches l·r and r·l (IEEE multiplication commutes exactly).
func pMul(l, r *pattern) *pattern { return &pattern{"mul", "*", []*pattern{l, r}} }
func pCall(fn string, a ...*pattern) *pattern {
	return &pattern{"call", fn, a}
}
func pSt(role string) *pattern  { return &pattern{kind: "st", op: role} }
func pPar(role string) *pattern { return &pattern{kind: "par", op: role} }
func pOne() *pattern            { return &pattern{kind: "one"} }
func pRatio() *pattern          { return pBin("/", pSt("w"), pPar("Wmax")) }

type stdpMatcher struct {
	g       *synGroup
	roles   map[string]int // parameter role → parameter index
	w, P, Q int
}

// handler checks that body is `T += 1` (T = trace), then assignments of
// locals and one assignment of w (then emit_spike(w) if emit), and
// returns the new value of w with the locals inlined.
func (mt *stdpMatcher) handler(body []ir.Stmt, trace int, emit bool) (ir.Expr, bool) {
	if len(body) < 2 {
		return nil, false
	}
	a, ok := body[0].(*ir.Assign)
	if !ok || a.Target.Kind != ir.KState || a.Target.Index != trace || a.Target.Idx != nil || a.Op != "+=" {
		return nil, false
	}
	if c, ok := a.Value.(*ir.Const); !ok || c.Value != 1 {
		return nil, false
	}
	locals := map[int]ir.Expr{}
	var wNew ir.Expr
	rest := body[1:]
	if emit {
		e, ok := rest[len(rest)-1].(*ir.EmitSpike)
		if !ok {
			return nil, false
		}
		if r, ok := e.Weight.(*ir.Ref); !ok || r.Kind != ir.KState || r.Index != mt.w || r.Idx != nil {
			return nil, false
		}
		rest = rest[:len(rest)-1]
	}
	for i, s := range rest {
		switch s := s.(type) {
		case *ir.Declare:
			if s.Init == nil || wNew != nil {
				return nil, false
			}
			locals[s.Var.Index] = inline(s.Init, locals)
		case *ir.Assign:
			if s.Target.Kind != ir.KState || s.Target.Index != mt.w || s.Target.Idx != nil || s.Op != "=" || i != len(rest)-1 {
				return nil, false
			}
			wNew = inline(s.Value, locals)
		default:
			return nil, false
		}
	}
	return wNew, wNew != nil
}

// inline replaces the locals in e by their values (nil: a local not
// declared before, which fails the match).
func inline(e ir.Expr, locals map[int]ir.Expr) ir.Expr {
	switch e := e.(type) {
	case *ir.Ref:
		if e.Kind == ir.KLocal {
			return locals[e.Index]
		}
		return e
	case *ir.Unary:
		return &ir.Unary{Op: e.Op, X: inline(e.X, locals)}
	case *ir.Binary:
		return &ir.Binary{Op: e.Op, L: inline(e.L, locals), R: inline(e.R, locals), Int: e.Int}
	case *ir.Call:
		args := make([]ir.Expr, len(e.Args))
		for i, a := range e.Args {
			args[i] = inline(a, locals)
		}
		return &ir.Call{Fn: e.Fn, Args: args}
	}
	return e
}

// match reports whether e has the shape of p, binding parameter roles.
func (mt *stdpMatcher) match(e ir.Expr, p *pattern) bool {
	switch p.kind {
	case "bin":
		b, ok := e.(*ir.Binary)
		return ok && b.Op == p.op && !b.Int && mt.match(b.L, p.args[0]) && mt.match(b.R, p.args[1])
	case "mul":
		b, ok := e.(*ir.Binary)
		if !ok || b.Op != "*" || b.Int {
			return false
		}
		saved := maps.Clone(mt.roles)
		if mt.match(b.L, p.args[0]) && mt.match(b.R, p.args[1]) {
			return true
		}
		maps.Copy(mt.roles, saved)
		for k := range mt.roles {
			if _, ok := saved[k]; !ok {
				delete(mt.roles, k)
			}
		}
		return mt.match(b.L, p.args[1]) && mt.match(b.R, p.args[0])
	case "un":
		u, ok := e.(*ir.Unary)
		return ok && u.Op == p.op && mt.match(u.X, p.args[0])
	case "call":
		c, ok := e.(*ir.Call)
		if !ok || c.Fn != p.op || len(c.Args) != len(p.args) {
			return false
		}
		for i := range c.Args {
			if !mt.match(c.Args[i], p.args[i]) {
				return false
			}
		}
		return true
	case "one":
		c, ok := e.(*ir.Const)
		return ok && c.Value == 1
	case "st":
		r, ok := e.(*ir.Ref)
		want := map[string]int{"w": mt.w, "P": mt.P, "Q": mt.Q}[p.op]
		return ok && r.Kind == ir.KState && r.Idx == nil && r.Index == want
	case "par":
		r, ok := e.(*ir.Ref)
		if !ok || r.Kind != ir.KParam || r.Idx != nil {
			return false
		}
		if k, bound := mt.roles[p.op]; bound {
			return k == r.Index
		}
		mt.roles[p.op] = r.Index
		return true
	}
	return false
}

// postSpike runs the post handler on w given the presynaptic trace p.
func (k *stdpKernel) postSpike(w, p float64) float64 {
	r := w / k.wmax
	x := -r + 1
	if k.muPlus != 1 {
		x = math.Pow(x, k.muPlus)
	}
	return min(k.wmax, float64((r+float64(float64(x*k.lambda)*p))*k.wmax))
}

// preSpike runs the pre handler's weight update given the postsynaptic
// trace q.
func (k *stdpKernel) preSpike(w, q float64) float64 {
	r := w / k.wmax
	x := r
	if k.muMinus != 1 {
		x = math.Pow(x, k.muMinus)
	}
	return max(k.wmin, float64((r-float64(float64(float64(x*k.alpha)*k.lambda)*q))*k.wmax))
}
