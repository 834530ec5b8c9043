package odes

// Conversion of function-of-time kernels to linear constant-coefficient
// ODEs (numerics.md §4.2), with the upstream sample-point method as a
// fallback (§4.3).

import (
	"errors"
	"fmt"
	"math"
	"math/rand"

	"nestml_go/gocore/diag"
	"nestml_go/gocore/sym"
)

// KernelShape is the LTI ODE a function-of-time kernel f(t) satisfies:
// K^(n) = -a_0·K - a_1·K' - … - a_{n-1}·K^(n-1), with initial values IV_k = f^(k)(0).
type KernelShape struct {
	Order  int
	Coeffs []sym.Expr // a_0 … a_{n-1} (free of t)
	IV     []sym.Expr // f(0), f'(0), …, f^(n-1)(0)
	Method string     // "structural" or "sample-points"
}

// Diagnostic codes of a failed kernel conversion.
const (
	KernelNotLTI     diag.Code = "KERNEL_NOT_LTI"
	KernelOrderLimit diag.Code = "KERNEL_ORDER_LIMIT"
	KernelSelfCheck  diag.Code = "KERNEL_SELFCHECK"
)

// KernelError is the error KernelODE returns, with its diagnostic code.
// The message does not name the kernel; the caller adds it.
type KernelError struct {
	Code diag.Code
	Msg  string
}

func (e *KernelError) Error() string { return e.Msg }

// KernelNotLTIMsg is the message of a KERNEL_NOT_LTI error.
const KernelNotLTIMsg = "kernel is not the impulse response of a finite linear time-invariant system"

// Kernel conversion methods (KernelShape.Method).
const (
	KernelStructural   = "structural"
	KernelSamplePoints = "sample-points"
)

// sampleMaxOrder is the highest order the sample-point fallback tries.
const sampleMaxOrder = 4

// maxModes bounds the number of modes during normalization.
const maxModes = 2048

// KernelODE converts the kernel f(t) (t the name of the time symbol, every
// other symbol a t-independent parameter) into the linear
// constant-coefficient ODE it satisfies: structurally (§4.2) when f
// normalizes to a finite sum of modes c·t^k·exp(λt)·{1,cos,sin}(ωt), else
// with the sample-point method (§4.3) up to order 4. maxOrder ≤ 0 means
// no limit. Errors are *KernelError with code KERNEL_NOT_LTI,
// KERNEL_ORDER_LIMIT or KERNEL_SELFCHECK.
func KernelODE(f sym.Expr, t string, maxOrder int) (*KernelShape, error) {
	d := &decomposer{t: t, tset: map[string]bool{t: true}}
	modes, err := d.modes(f)
	if err != nil {
		var ne *normError
		if !errors.As(err, &ne) {
			return nil, err
		}
		return sampleKernel(f, t, maxOrder)
	}
	groups := groupModes(modes)
	n := 0
	for _, g := range groups {
		if g.trig {
			n += 2 * (g.kmax + 1)
		} else {
			n += g.kmax + 1
		}
	}
	if n == 0 {
		return nil, &KernelError{KernelNotLTI, "kernel is identically zero"}
	}
	if maxOrder > 0 && n > maxOrder {
		return nil, orderLimitError(n, maxOrder)
	}
	// annihilating polynomial
	p := sym.Poly{sym.One}
	for _, g := range groups {
		var fac sym.Poly
		if g.trig {
			fac = sym.Poly{sym.Expand(sym.Add(sym.Pow(g.lam, sym.N(2)), sym.Pow(g.om, sym.N(2)))),
				sym.Expand(sym.Mul(sym.N(-2), g.lam)), sym.One}
		} else {
			fac = sym.Poly{sym.Expand(sym.Neg(g.lam)), sym.One}
		}
		p = sym.PolyMul(p, sym.PolyPow(fac, g.kmax+1))
	}
	if len(p) != n+1 {
		return nil, &KernelError{KernelSelfCheck, fmt.Sprintf("internal error: annihilator of degree %d for order %d", len(p)-1, n)}
	}
	shape := &KernelShape{Order: n, Coeffs: p[:n], Method: KernelStructural}
	// the normalized kernel and its derivatives
	g := normalized(groups, t)
	derivs := []sym.Expr{g}
	for k := 1; k <= n; k++ {
		dk, err := sym.D(derivs[k-1], t)
		if err != nil {
			return nil, &KernelError{KernelSelfCheck, fmt.Sprintf("internal error: %v", err)}
		}
		derivs = append(derivs, dk)
	}
	at0 := map[string]sym.Expr{t: sym.Zero}
	for k := 0; k < n; k++ {
		shape.IV = append(shape.IV, sym.Expand(sym.Subst(derivs[k], at0)))
	}
	if err := selfCheck(f, g, derivs, shape.Coeffs, t); err != nil {
		return nil, err
	}
	return shape, nil
}

func orderLimitError(n, maxOrder int) error {
	return &KernelError{KernelOrderLimit, fmt.Sprintf("kernel needs an ODE of order %d, more than the limit kernel_max_order = %d", n, maxOrder)}
}

func notLTI() error { return &KernelError{KernelNotLTI, KernelNotLTIMsg} }

// ---------------------------------------------------------------------------
// Normalization into modes

// Trigonometric factor of a mode.
const (
	gOne = iota
	gCos
	gSin
)

// kmode is c·t^k·exp(lam·t)·g(om·t), with c, lam, om free of t; om is 0
// iff g is gOne.
type kmode struct {
	c       sym.Expr
	k       int
	lam, om sym.Expr
	g       int
}

func (m kmode) key() string {
	return fmt.Sprintf("%d|%d|%s|%s", m.k, m.g, m.lam, m.om)
}

// normError: f is not (recognizably) a finite sum of modes.
type normError struct{ why string }

func (e *normError) Error() string { return e.why }

func notNormal(format string, args ...any) error {
	return &normError{fmt.Sprintf(format, args...)}
}

type decomposer struct {
	t    string
	tset map[string]bool
}

func constMode(c sym.Expr) kmode { return kmode{c: c, lam: sym.Zero, om: sym.Zero, g: gOne} }

// isZero is the identically-zero test used during normalization.
func isZero(e sym.Expr) bool { return sym.IsZeroRel(e) }

// modes decomposes e into a compacted list of modes.
func (d *decomposer) modes(e sym.Expr) ([]kmode, error) {
	if sym.Free(e, d.tset) {
		return compact([]kmode{constMode(e)}), nil
	}
	switch e := e.(type) {
	case *sym.Sym: // t itself
		return []kmode{{c: sym.One, k: 1, lam: sym.Zero, om: sym.Zero, g: gOne}}, nil
	case *sym.Sum:
		var out []kmode
		for _, x := range e.Terms {
			m, err := d.modes(x)
			if err != nil {
				return nil, err
			}
			out = append(out, m...)
		}
		return compact(out), nil
	case *sym.Prod:
		acc := []kmode{constMode(sym.One)}
		for _, x := range e.Factors {
			m, err := d.modes(x)
			if err != nil {
				return nil, err
			}
			if acc, err = mulModes(acc, m); err != nil {
				return nil, err
			}
		}
		return acc, nil
	case *sym.PowE:
		return d.pow(e.Base, e.Exp)
	case *sym.Fn:
		return d.fn(e)
	}
	return nil, notNormal("unexpected expression %v", e)
}

func (d *decomposer) pow(base, exp sym.Expr) ([]kmode, error) {
	if sym.Free(exp, d.tset) {
		if n, ok := exp.(*sym.Num); ok && n.V >= 0 && n.V == math.Trunc(n.V) && n.V <= 64 {
			bm, err := d.modes(base)
			if err != nil {
				return nil, err
			}
			acc := []kmode{constMode(sym.One)}
			for i := 0; i < int(n.V); i++ {
				if acc, err = mulModes(acc, bm); err != nil {
					return nil, err
				}
			}
			return acc, nil
		}
		// (c·exp(λt))^p = c^p·exp(pλt) for any exponent p
		bm, err := d.modes(base)
		if err != nil {
			return nil, err
		}
		if len(bm) == 1 && bm[0].k == 0 && bm[0].g == gOne {
			m := bm[0]
			return []kmode{{c: sym.Pow(m.c, exp), lam: sym.Mul(m.lam, exp), om: sym.Zero, g: gOne}}, nil
		}
		return nil, notNormal("power %v of a t-dependent expression", exp)
	}
	// b**z with t in z: exp(z·ln b)
	if !sym.Free(base, d.tset) {
		return nil, notNormal("t in base and exponent")
	}
	var lnb sym.Expr
	if b, ok := base.(*sym.Num); ok {
		switch {
		case b.V == math.E:
			lnb = sym.One
		case b.V > 0:
			lnb = sym.N(math.Log(b.V))
		default:
			return nil, notNormal("non-positive base %v", b)
		}
	} else {
		lnb = sym.Call("ln", base)
	}
	return d.exp(sym.Mul(exp, lnb))
}

func (d *decomposer) fn(e *sym.Fn) ([]kmode, error) {
	if e.Name == "pow" && len(e.Args) == 2 {
		return d.pow(e.Args[0], e.Args[1])
	}
	if len(e.Args) != 1 {
		return nil, notNormal("%s of t", e.Name)
	}
	a := e.Args[0]
	switch e.Name {
	case "exp":
		return d.exp(a)
	case "expm1":
		m, err := d.exp(a)
		if err != nil {
			return nil, err
		}
		return compact(append(m, constMode(sym.N(-1)))), nil
	case "sinh", "cosh":
		m1, err := d.exp(a)
		if err != nil {
			return nil, err
		}
		m2, err := d.exp(sym.Neg(a))
		if err != nil {
			return nil, err
		}
		sign := sym.N(0.5)
		if e.Name == "sinh" {
			sign = sym.N(-0.5)
		}
		var out []kmode
		for _, m := range m1 {
			m.c = sym.Mul(sym.N(0.5), m.c)
			out = append(out, m)
		}
		for _, m := range m2 {
			m.c = sym.Mul(sign, m.c)
			out = append(out, m)
		}
		return compact(out), nil
	case "sin", "cos":
		om, phi, err := d.affine(a)
		if err != nil {
			return nil, err
		}
		var out []kmode
		if e.Name == "sin" {
			// sin(ωt+φ) = cos φ·sin ωt + sin φ·cos ωt
			out = append(out, trigMode(sym.Call("cos", phi), 0, sym.Zero, om, gSin)...)
			out = append(out, trigMode(sym.Call("sin", phi), 0, sym.Zero, om, gCos)...)
		} else {
			// cos(ωt+φ) = cos φ·cos ωt − sin φ·sin ωt
			out = append(out, trigMode(sym.Call("cos", phi), 0, sym.Zero, om, gCos)...)
			out = append(out, trigMode(sym.Neg(sym.Call("sin", phi)), 0, sym.Zero, om, gSin)...)
		}
		return compact(out), nil
	case "sqrt":
		return d.pow(a, sym.N(0.5))
	}
	return nil, notNormal("%s of t", e.Name)
}

// exp returns the mode of exp(a) for a affine in t.
func (d *decomposer) exp(a sym.Expr) ([]kmode, error) {
	lam, mu, err := d.affine(a)
	if err != nil {
		return nil, err
	}
	return []kmode{{c: sym.Call("exp", mu), lam: lam, om: sym.Zero, g: gOne}}, nil
}

// affine splits a = slope·t + offset with slope and offset free of t.
func (d *decomposer) affine(a sym.Expr) (slope, offset sym.Expr, err error) {
	m, err := d.modes(a)
	if err != nil {
		return nil, nil, err
	}
	var s, o []sym.Expr
	for _, x := range m {
		if x.g != gOne || x.k > 1 || !isZero(x.lam) {
			return nil, nil, notNormal("argument %v is not affine in t", a)
		}
		if x.k == 1 {
			s = append(s, x.c)
		} else {
			o = append(o, x.c)
		}
	}
	return sym.Add(s...), sym.Add(o...), nil
}

// negLeading reports whether e's leading numeric coefficient is negative.
func negLeading(e sym.Expr) bool {
	switch e := e.(type) {
	case *sym.Num:
		return e.V < 0
	case *sym.Prod:
		if n, ok := e.Factors[0].(*sym.Num); ok {
			return n.V < 0
		}
	case *sym.Sum:
		return negLeading(e.Terms[0])
	}
	return false
}

// trigMode builds c·t^k·exp(λt)·g(ωt) with ω normalized: ω ≡ 0 gives
// cos → 1 and sin → nothing; a negative leading sign is moved out by
// symmetry (cos(−x) = cos x, sin(−x) = −sin x).
func trigMode(c sym.Expr, k int, lam, om sym.Expr, g int) []kmode {
	if g == gOne {
		return []kmode{{c: c, k: k, lam: lam, om: sym.Zero, g: gOne}}
	}
	if isZero(om) {
		if g == gSin {
			return nil
		}
		return []kmode{{c: c, k: k, lam: lam, om: sym.Zero, g: gOne}}
	}
	if negLeading(om) {
		om = sym.Neg(om)
		if g == gSin {
			c = sym.Neg(c)
		}
	}
	return []kmode{{c: c, k: k, lam: lam, om: om, g: g}}
}

func mulMode(a, b kmode) []kmode {
	c := sym.Mul(a.c, b.c)
	k := a.k + b.k
	lam := sym.Add(a.lam, b.lam)
	if a.g == gOne {
		return trigMode(c, k, lam, b.om, b.g)
	}
	if b.g == gOne {
		return trigMode(c, k, lam, a.om, a.g)
	}
	h := sym.Mul(sym.N(0.5), c)
	nh := sym.Neg(h)
	diff, sum := sym.Sub(a.om, b.om), sym.Add(a.om, b.om)
	var out []kmode
	switch {
	case a.g == gCos && b.g == gCos: // ½cos(a−b) + ½cos(a+b)
		out = append(trigMode(h, k, lam, diff, gCos), trigMode(h, k, lam, sum, gCos)...)
	case a.g == gSin && b.g == gSin: // ½cos(a−b) − ½cos(a+b)
		out = append(trigMode(h, k, lam, diff, gCos), trigMode(nh, k, lam, sum, gCos)...)
	case a.g == gSin && b.g == gCos: // ½sin(a+b) + ½sin(a−b)
		out = append(trigMode(h, k, lam, sum, gSin), trigMode(h, k, lam, diff, gSin)...)
	default: // cos a·sin b = ½sin(a+b) − ½sin(a−b)
		out = append(trigMode(h, k, lam, sum, gSin), trigMode(nh, k, lam, diff, gSin)...)
	}
	return out
}

func mulModes(a, b []kmode) ([]kmode, error) {
	if len(a)*len(b) > maxModes {
		return nil, notNormal("too many terms")
	}
	var out []kmode
	for _, x := range a {
		for _, y := range b {
			out = append(out, mulMode(x, y)...)
		}
	}
	return compact(out), nil
}

// compact sums the coefficients of structurally equal modes and drops
// modes whose coefficient is identically zero.
func compact(ms []kmode) []kmode {
	idx := map[string]int{}
	var cs [][]sym.Expr
	var out []kmode
	for _, m := range ms {
		k := m.key()
		if i, ok := idx[k]; ok {
			cs[i] = append(cs[i], m.c)
			continue
		}
		idx[k] = len(out)
		out = append(out, m)
		cs = append(cs, []sym.Expr{m.c})
	}
	res := out[:0]
	for i, m := range out {
		if len(cs[i]) > 1 {
			m.c = sym.Add(cs[i]...)
		}
		if isZero(m.c) {
			continue
		}
		res = append(res, m)
	}
	return res
}

// ---------------------------------------------------------------------------
// Grouping by (λ, ω)

type kterm struct {
	k, g int
	c    sym.Expr
}

type kgroup struct {
	lam, om sym.Expr
	trig    bool
	terms   []kterm
	kmax    int
}

// sameExpr: structurally equal, or equal identically (numeric test).
func sameExpr(a, b sym.Expr) bool {
	return a.String() == b.String() || isZero(sym.Sub(a, b))
}

// groupModes groups the modes by (λ, ω) (ω up to sign), sums the
// coefficients of equal (k, g), drops identically zero terms and empty
// groups, and records each group's maximal power of t.
func groupModes(ms []kmode) []*kgroup {
	var groups []*kgroup
	for _, m := range ms {
		var grp *kgroup
		flip := false
		for _, g := range groups {
			if g.trig != (m.g != gOne) || !sameExpr(g.lam, m.lam) {
				continue
			}
			if !g.trig || sameExpr(g.om, m.om) {
				grp = g
				break
			}
			if sameExpr(g.om, sym.Neg(m.om)) {
				grp, flip = g, true
				break
			}
		}
		if grp == nil {
			grp = &kgroup{lam: m.lam, om: m.om, trig: m.g != gOne}
			groups = append(groups, grp)
		}
		c := m.c
		if flip && m.g == gSin {
			c = sym.Neg(c)
		}
		found := false
		for i := range grp.terms {
			if grp.terms[i].k == m.k && grp.terms[i].g == m.g {
				grp.terms[i].c = sym.Add(grp.terms[i].c, c)
				found = true
				break
			}
		}
		if !found {
			grp.terms = append(grp.terms, kterm{m.k, m.g, c})
		}
	}
	var out []*kgroup
	for _, g := range groups {
		terms := g.terms[:0]
		g.kmax = -1
		for _, x := range g.terms {
			if isZero(x.c) {
				continue
			}
			terms = append(terms, x)
			if x.k > g.kmax {
				g.kmax = x.k
			}
		}
		g.terms = terms
		if len(terms) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// normalized rebuilds the kernel from its grouped modes.
func normalized(groups []*kgroup, t string) sym.Expr {
	ts := sym.S(t)
	var terms []sym.Expr
	for _, g := range groups {
		e := sym.Call("exp", sym.Mul(g.lam, ts))
		for _, x := range g.terms {
			fs := []sym.Expr{x.c, sym.Pow(ts, sym.N(float64(x.k))), e}
			switch x.g {
			case gCos:
				fs = append(fs, sym.Call("cos", sym.Mul(g.om, ts)))
			case gSin:
				fs = append(fs, sym.Call("sin", sym.Mul(g.om, ts)))
			}
			terms = append(terms, sym.Mul(fs...))
		}
	}
	return sym.Add(terms...)
}

// ---------------------------------------------------------------------------
// Self-check (§4.2 step 6)

const (
	selfCheckTol    = 1e-9
	selfCheckFloor  = 1e-12
	selfCheckPoints = 3
	selfCheckTimes  = 5
	selfCheckTMax   = 5.0
)

// selfCheck evaluates, at random parameter points and times in [0, 5],
// that the normalized kernel g equals f and that g^(n) + Σ a_k g^(k)
// vanishes, both relative to the magnitude of the terms. derivs holds
// g, g', …, g^(n).
func selfCheck(f, g sym.Expr, derivs, coeffs []sym.Expr, t string) error {
	n := len(coeffs)
	syms := map[string]bool{}
	var names []string
	for _, e := range append([]sym.Expr{f}, derivs...) {
		for _, s := range sym.Symbols(e) {
			if s != t && !syms[s] {
				syms[s] = true
				names = append(names, s)
			}
		}
	}
	r := rand.New(rand.NewSource(42))
	valid := 0
	for attempt := 0; attempt < 30 && valid < selfCheckPoints; attempt++ {
		env := map[string]float64{}
		for _, s := range names {
			env[s] = 0.5 + 1.5*r.Float64()
		}
		a := make([]float64, n)
		am := make([]float64, n) // rounding scale of a_k
		ok := true
		for k, c := range coeffs {
			v, m, err := sym.EvalMag(c, env)
			if err != nil || !finite(v) || !finite(m) {
				ok = false
				break
			}
			a[k], am[k] = v, m
		}
		if !ok {
			continue
		}
		type sample struct{ t, fv, gv, fscale, res, scale float64 }
		var samples []sample
		maxF, maxS := 0.0, 0.0
		for i := 0; i < selfCheckTimes && ok; i++ {
			tv := selfCheckTMax * float64(i) / float64(selfCheckTimes-1)
			if i > 0 && i < selfCheckTimes-1 {
				tv = selfCheckTMax * r.Float64()
			}
			env[t] = tv
			fv, err1 := sym.Eval(f, env)
			gv, gm, err2 := sym.EvalMag(g, env)
			if err1 != nil || err2 != nil || !finite(fv) || !finite(gv) || !finite(gm) {
				ok = false
				break
			}
			res, scale := 0.0, 0.0
			for k := 0; k <= n; k++ {
				v, m, err := sym.EvalMag(derivs[k], env)
				if err != nil || !finite(v) || !finite(m) {
					ok = false
					break
				}
				if k < n {
					res += a[k] * v
					scale += am[k] * m
				} else {
					res += v
					scale += m
				}
			}
			smp := sample{tv, fv, gv, math.Abs(fv) + gm, res, scale}
			samples = append(samples, smp)
			maxF = math.Max(maxF, smp.fscale)
			maxS = math.Max(maxS, smp.scale)
		}
		if !ok {
			continue
		}
		// Each value must vanish relative to its own scale, except for
		// rounding noise far below the largest scale seen on [0, 5]
		// (a kernel value or derivative that is exactly zero at a point
		// makes the point's own scale zero).
		for _, smp := range samples {
			if d := math.Abs(smp.fv - smp.gv); d > selfCheckTol*smp.fscale && d > selfCheckFloor*maxF {
				return &KernelError{KernelSelfCheck, fmt.Sprintf("internal error: kernel self-check failed: normalized kernel differs at t=%g: %g vs %g", smp.t, smp.gv, smp.fv)}
			}
			if d := math.Abs(smp.res); d > selfCheckTol*smp.scale && d > selfCheckFloor*maxS {
				return &KernelError{KernelSelfCheck, fmt.Sprintf("internal error: kernel self-check failed: ODE residual %g (scale %g) at t=%g", smp.res, smp.scale, smp.t)}
			}
		}
		valid++
	}
	if valid == 0 {
		return &KernelError{KernelSelfCheck, "internal error: kernel self-check could not evaluate the kernel at any parameter point"}
	}
	return nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// ---------------------------------------------------------------------------
// Sample-point fallback (§4.3)

// sampleKernel finds the lowest order n ≤ 4 (and ≤ maxOrder) for which
// f^(n) = Σ b_k f^(k) with t-free b_k, by solving the linear system at
// integer sample points symbolically (Cramer's rule) and verifying the
// identity with a numeric zero test.
func sampleKernel(f sym.Expr, t string, maxOrder int) (*KernelShape, error) {
	top := sampleMaxOrder
	if maxOrder > 0 && maxOrder < top {
		top = maxOrder
	}
	derivs := []sym.Expr{f}
	for k := 1; k <= top; k++ {
		dk, err := sym.D(derivs[k-1], t)
		if err != nil {
			return nil, notLTI()
		}
		derivs = append(derivs, dk)
	}
	at := func(e sym.Expr, tv float64) sym.Expr {
		return sym.Subst(e, map[string]sym.Expr{t: sym.N(tv)})
	}
	// the first integer t* in 0..99 where f is not zero
	tstar := -1
	for i := 0; i < 100; i++ {
		if !isZero(at(f, float64(i))) {
			tstar = i
			break
		}
	}
	if tstar < 0 {
		return nil, notLTI()
	}
	var b []sym.Expr // f^(n) = Σ b_k f^(k)
	n := 0
	for order := 1; order <= top && b == nil; order++ {
		var cand []sym.Expr
		if order == 1 {
			cand = []sym.Expr{sym.Div(at(derivs[1], float64(tstar)), at(f, float64(tstar)))}
		} else {
			for t0 := 1; t0 <= 100; t0++ {
				X := make([][]sym.Expr, order)
				Y := make([]sym.Expr, order)
				for i := range X {
					X[i] = make([]sym.Expr, order)
					for j := range X[i] {
						X[i][j] = at(derivs[j], float64(t0+i))
					}
					Y[i] = at(derivs[order], float64(t0+i))
				}
				det := determinant(X)
				if isZero(det) {
					continue
				}
				cand = make([]sym.Expr, order)
				for k := range cand {
					Xk := make([][]sym.Expr, order)
					for i := range X {
						Xk[i] = append([]sym.Expr(nil), X[i]...)
						Xk[i][k] = Y[i]
					}
					cand[k] = sym.Div(determinant(Xk), det)
				}
				break
			}
		}
		if cand == nil {
			continue
		}
		snapNumeric(cand)
		terms := []sym.Expr{derivs[order]}
		for k, bk := range cand {
			terms = append(terms, sym.Neg(sym.Mul(bk, derivs[k])))
		}
		if isZero(sym.Add(terms...)) {
			b, n = cand, order
		}
	}
	if b == nil {
		return nil, notLTI()
	}
	shape := &KernelShape{Order: n, Method: KernelSamplePoints}
	for k := 0; k < n; k++ {
		shape.Coeffs = append(shape.Coeffs, sym.Neg(b[k]))
		shape.IV = append(shape.IV, at(derivs[k], 0))
	}
	if err := selfCheck(f, f, derivs[:n+1], shape.Coeffs, t); err != nil {
		return nil, err
	}
	return shape, nil
}

// snapNumeric sets purely numeric coefficients that are rounding noise
// (below 1e-12 of the largest) to zero.
func snapNumeric(cs []sym.Expr) {
	big := 0.0
	for _, c := range cs {
		n, ok := c.(*sym.Num)
		if !ok {
			return
		}
		big = math.Max(big, math.Abs(n.V))
	}
	for i, c := range cs {
		if math.Abs(c.(*sym.Num).V) <= 1e-12*big {
			cs[i] = sym.Zero
		}
	}
}

// determinant by cofactor expansion along the first row (n ≤ 4).
func determinant(m [][]sym.Expr) sym.Expr {
	n := len(m)
	if n == 1 {
		return m[0][0]
	}
	var terms []sym.Expr
	for j := 0; j < n; j++ {
		minor := make([][]sym.Expr, n-1)
		for i := 1; i < n; i++ {
			row := make([]sym.Expr, 0, n-1)
			row = append(row, m[i][:j]...)
			row = append(row, m[i][j+1:]...)
			minor[i-1] = row
		}
		term := sym.Mul(m[0][j], determinant(minor))
		if j%2 == 1 {
			term = sym.Neg(term)
		}
		terms = append(terms, term)
	}
	return sym.Add(terms...)
}
