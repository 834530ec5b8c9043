package sim

import (
	"fmt"
	"math"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/rkf45"
)

// This file executes IntegrateODEs (numerics.md §5.4, §6.6) over a
// selection of lanes: the exact update of the listed analytic variables by
// their block's propagators (small dense matrix–vector products, unrolled
// for blocks of up to three variables with one input channel, the matrix
// broadcast when the population is homogeneous), then the numeric system
// by a lane-parallel RKF45 with GSL's step-size control, in which every
// lane keeps its own time, trial step, step memory and number of
// sub-steps, and lanes that reach the end of the step leave the active set
// while the others continue.

// rowGroup computes listed rows of one analytic block from the current
// state:
//
//	x_r = Σ_c P[r][c]·s_c + Q[r][0] + Σ_k Q[r][1+k]·u_k
//
// summed left to right from 0.0, with every product rounded (no fused
// multiply–add), exactly as the scalar interpreter did.
type rowGroup struct {
	bp    *blockProp
	st    [][]float64 // state columns of the block's variables, block order
	rows  []int       // listed rows, in listing order
	chans []vexpr     // the input channels u_k
	nv, m int
	// the propagators when every neuron shares them
	hom  bool
	P, Q []float64
}

func (c *compiler) rowGroup(b int, listed []int) (*rowGroup, error) {
	bp := c.p.props[b]
	g := &rowGroup{bp: bp, nv: len(bp.blk.Vars), m: 1 + len(bp.blk.Channels)}
	for _, v := range bp.blk.Vars {
		g.st = append(g.st, c.p.state[v])
	}
	for _, v := range listed {
		g.rows = append(g.rows, c.p.stateInBlock[v].row)
	}
	for _, u := range bp.blk.Channels {
		e, err := c.expr(u)
		if err != nil {
			return nil, err
		}
		g.chans = append(g.chans, e)
	}
	for _, e := range g.chans {
		c.release(e.res) // held until every channel is evaluated
	}
	if len(bp.entries) == 1 {
		g.hom = true
		g.P, g.Q = bp.entries[0].p, bp.entries[0].q
	}
	return g, nil
}

// compute writes the listed rows of the lanes in s into out (one slice of
// chunk lanes per listed row; it may be the state itself).
func (g *rowGroup) compute(c *chunk, s sel, out [][]float64) {
	K := len(g.chans)
	var uv [4][]float64
	var us [4]float64
	uvs, uss := uv[:0], us[:0]
	if K > len(uv) {
		uvs, uss = make([][]float64, 0, K), make([]float64, 0, K)
	}
	for k := range g.chans {
		v, x := c.eval(&g.chans[k], s)
		uvs, uss = append(uvs, v), append(uss, x)
	}
	var stBuf [3][]float64
	var st [][]float64 // the windows of this chunk
	if g.nv <= 3 {
		st = stBuf[:g.nv]
	} else {
		st = make([][]float64, g.nv)
	}
	for k, col := range g.st {
		st[k] = col[c.base : c.base+c.n]
	}
	if g.hom && g.nv <= 3 && K <= 1 {
		g.small(st, uvs, uss, out, s)
		return
	}
	if g.hom {
		g.passes(c, st, uvs, uss, out, s)
		return
	}
	g.generic(c, st, uvs, uss, out, s)
}

// passes computes the rows of a larger homogeneous block one term at a
// time over all lanes (a dense loop per term), skipping terms whose
// coefficient is zero: the blocks of kernels convolved with spikes are
// mostly zeros (iaf_psc_alpha: one block of five variables). Skipping is
// exact for finite states — the skipped term is ±0, and a sum that starts
// from +0.0 is never −0, so adding ±0 leaves it unchanged; only a state
// that is already ±Inf or NaN would have spread NaN through 0·x.
func (g *rowGroup) passes(c *chunk, st, uv [][]float64, us []float64, out [][]float64, s sel) {
	nv, m := g.nv, g.m
	tmp := c.w.rowTemps(len(g.rows))
	for j, r := range g.rows {
		d := tmp[j]
		started := false
		add := func(v []float64, p float64) {
			if !started {
				passSet(d, v, p, s)
				started = true
			} else {
				passAdd(d, v, p, s)
			}
		}
		for cc := 0; cc < nv; cc++ {
			if p := g.P[r*nv+cc]; p != 0 {
				add(st[cc], p)
			}
		}
		if !started {
			fill(d, 0, s)
			started = true
		}
		if q := g.Q[r*m]; q != 0 {
			passAddConst(d, q, s)
		}
		for k := range uv {
			q := g.Q[r*m+1+k]
			if q == 0 {
				continue
			}
			if uv[k] == nil {
				passAddConst(d, float64(q*us[k]), s)
			} else {
				passAdd(d, uv[k], q, s)
			}
		}
	}
	for j := range g.rows {
		copySel(out[j], tmp[j], 0, s)
	}
}

// passSet: d = 0 + p·v (the 0 + turns a −0 into +0, as the first term of
// a sum that starts from 0.0).
func passSet(d, v []float64, p float64, s sel) {
	if s.idx == nil {
		d, v := d[:s.n], v[:s.n]
		for i, x := range v {
			d[i] = 0.0 + float64(p*x)
		}
		return
	}
	for _, i := range s.idx {
		d[i] = 0.0 + float64(p*v[i])
	}
}

// passAdd: d += p·v.
func passAdd(d, v []float64, p float64, s sel) {
	if s.idx == nil {
		d, v := d[:s.n], v[:s.n]
		for i, x := range v {
			d[i] += float64(p * x)
		}
		return
	}
	for _, i := range s.idx {
		d[i] += float64(p * v[i])
	}
}

// passAddConst: d += q.
func passAddConst(d []float64, q float64, s sel) {
	if s.idx == nil {
		d := d[:s.n]
		for i := range d {
			d[i] += q
		}
		return
	}
	for _, i := range s.idx {
		d[i] += q
	}
}

// small is the unrolled kernel for homogeneous blocks of up to three
// variables and at most one channel. Missing variables, rows and the
// missing channel are padded with zero coefficients and zero values:
// adding the exact +0 they contribute leaves every partial sum unchanged,
// because a sum that starts from +0.0 is never −0.
func (g *rowGroup) small(st, uv [][]float64, us []float64, out [][]float64, s sel) {
	nv, m := g.nv, g.m
	cols := [3][]float64{zeroLanes[:], zeroLanes[:], zeroLanes[:]}
	copy(cols[:], st)
	u, uScalar := []float64(nil), 0.0
	if len(uv) == 1 {
		u, uScalar = uv[0], us[0]
	}
	var P [3][3]float64
	var Q0, Q1 [3]float64
	var dst [3][]float64
	for j, r := range g.rows {
		for cc := 0; cc < nv; cc++ {
			P[j][cc] = g.P[r*nv+cc]
		}
		Q0[j] = g.Q[r*m]
		if m > 1 {
			Q1[j] = g.Q[r*m+1]
		}
		dst[j] = out[j]
	}
	kernel3(cols[0], cols[1], cols[2], u, uScalar, &P, &Q0, &Q1, dst[0], dst[1], dst[2], s)
}

// zeroLanes is a chunk of zeros (never written).
var zeroLanes [chunkCap]float64

// kernel3 computes up to three rows x_j = 0 + P_j0·a + P_j1·b + P_j2·c +
// Q0_j + Q1_j·u per lane; a nil destination is skipped.
func kernel3(s0, s1, s2, u []float64, us float64, P *[3][3]float64, Q0, Q1 *[3]float64, d0, d1, d2 []float64, s sel) {
	p00, p01, p02, q00, q01 := P[0][0], P[0][1], P[0][2], Q0[0], Q1[0]
	p10, p11, p12, q10, q11 := P[1][0], P[1][1], P[1][2], Q0[1], Q1[1]
	p20, p21, p22, q20, q21 := P[2][0], P[2][1], P[2][2], Q0[2], Q1[2]
	row := func(a, b, c, uu, p0, p1, p2, q0, q1 float64) float64 {
		x := 0.0
		x += float64(p0 * a)
		x += float64(p1 * b)
		x += float64(p2 * c)
		x += q0
		x += float64(q1 * uu)
		return x
	}
	if s.idx == nil {
		n := s.n
		s0, s1, s2 = s0[:n], s1[:n], s2[:n]
		if u == nil {
			u = make([]float64, 0) // unused
		} else {
			u = u[:n]
		}
		for i := 0; i < n; i++ {
			a, b, c := s0[i], s1[i], s2[i]
			uu := us
			if len(u) != 0 {
				uu = u[i]
			}
			x0 := row(a, b, c, uu, p00, p01, p02, q00, q01)
			x1 := row(a, b, c, uu, p10, p11, p12, q10, q11)
			x2 := row(a, b, c, uu, p20, p21, p22, q20, q21)
			if d0 != nil {
				d0[i] = x0
			}
			if d1 != nil {
				d1[i] = x1
			}
			if d2 != nil {
				d2[i] = x2
			}
		}
		return
	}
	for _, i := range s.idx {
		a, b, c := s0[i], s1[i], s2[i]
		uu := us
		if u != nil {
			uu = u[i]
		}
		x0 := row(a, b, c, uu, p00, p01, p02, q00, q01)
		x1 := row(a, b, c, uu, p10, p11, p12, q10, q11)
		x2 := row(a, b, c, uu, p20, p21, p22, q20, q21)
		if d0 != nil {
			d0[i] = x0
		}
		if d1 != nil {
			d1[i] = x1
		}
		if d2 != nil {
			d2[i] = x2
		}
	}
}

// generic handles any block size, any number of channels and per-neuron
// propagators.
func (g *rowGroup) generic(c *chunk, st, uv [][]float64, us []float64, out [][]float64, s sel) {
	nv, m := g.nv, g.m
	perN := g.bp.perN[c.base : c.base+c.n]
	entries := g.bp.entries
	// the new values of a lane are stored after all are computed: out may
	// be the state the rows read
	var xbuf [8]float64
	xs := xbuf[:]
	if len(g.rows) > len(xbuf) {
		xs = make([]float64, len(g.rows))
	}
	forSel(s, func(i int32) {
		P, Q := g.P, g.Q
		if !g.hom {
			e := &entries[perN[i]]
			P, Q = e.p, e.q
		}
		for j, r := range g.rows {
			x := 0.0
			for cc := 0; cc < nv; cc++ {
				x += float64(P[r*nv+cc] * st[cc][i])
			}
			x += Q[r*m]
			for k := range uv {
				u := us[k]
				if uv[k] != nil {
					u = uv[k][i]
				}
				x += float64(Q[r*m+1+k] * u)
			}
			xs[j] = x
		}
		for j := range g.rows {
			out[j][i] = xs[j]
		}
	})
}

// vIntegrate is one IntegrateODEs statement.
type vIntegrate struct {
	groups []*rowGroup
	temps  [][]int32     // per group, per listed row: register of the new value
	direct bool          // write the analytic rows straight into the state
	dstCol [][][]float64 // per group, per listed row: the state column
	num    *numInfo
	listed []bool   // numeric components integrated by this call
	rhs    *rhsProg // their right-hand side
	deltas []jumpStmt
}

func (c *compiler) integrate(vars []int) (vstmt, error) {
	p, m := c.p, c.m
	st := &vIntegrate{num: c.prog.numeric}
	byBlock := map[int][]int{}
	var order []int
	for _, v := range vars {
		pos := p.stateInBlock[v]
		if p.isConv[v] || pos.block < 0 {
			continue
		}
		if byBlock[pos.block] == nil {
			order = append(order, pos.block)
		}
		byBlock[pos.block] = append(byBlock[pos.block], v)
	}
	written := map[int]bool{}
	readsWritten := false
	for _, b := range order {
		g, err := c.rowGroup(b, byBlock[b])
		if err != nil {
			return nil, err
		}
		for _, u := range p.props[b].blk.Channels {
			if readsAny(u, written) {
				readsWritten = true
			}
		}
		regs := make([]int32, len(g.rows))
		var cols [][]float64
		for k, v := range byBlock[b] {
			regs[k] = c.alloc()
			written[v] = true
			cols = append(cols, p.state[v])
		}
		st.groups = append(st.groups, g)
		st.temps = append(st.temps, regs)
		st.dstCol = append(st.dstCol, cols)
	}
	st.direct = st.num == nil && !readsWritten
	for _, regs := range st.temps {
		for _, r := range regs {
			c.free = append(c.free, r) // reused only after this statement
		}
	}
	if ns := m.Numeric; ns != nil {
		st.listed = make([]bool, len(ns.Vars))
		for k, v := range ns.Vars {
			if p.isConv[v] {
				st.listed[k] = true
				continue
			}
			for _, w := range vars {
				if w == v {
					st.listed[k] = true
				}
			}
		}
	}
	if st.listed != nil {
		var err error
		if st.rhs, err = c.rhsProgram(st.num, st.listed); err != nil {
			return nil, err
		}
		c.prog.rhs = append(c.prog.rhs, st.rhs)
	}
	for k, j := range m.DeltaJumps {
		for _, v := range vars {
			if v == j.Var {
				e, err := c.expr(j.Coef)
				if err != nil {
					return nil, err
				}
				c.release(e.res)
				st.deltas = append(st.deltas, jumpStmt{j.Port, v, e})
			}
		}
		_ = k
	}
	return st, nil
}

func readsAny(e ir.Expr, vars map[int]bool) bool {
	switch e := e.(type) {
	case *ir.Ref:
		return e.Kind == ir.KState && vars[e.Index]
	case *ir.Unary:
		return readsAny(e.X, vars)
	case *ir.Binary:
		return readsAny(e.L, vars) || readsAny(e.R, vars)
	case *ir.Cond:
		return readsAny(e.C, vars) || readsAny(e.Then, vars) || readsAny(e.Else, vars)
	case *ir.Call:
		for _, a := range e.Args {
			if readsAny(a, vars) {
				return true
			}
		}
	}
	return false
}

func (st *vIntegrate) exec(c *chunk, s sel) {
	var outBuf [4][]float64
	for gi, g := range st.groups {
		out := outBuf[:0]
		for k, r := range st.temps[gi] {
			if st.direct {
				col := st.dstCol[gi][k]
				out = append(out, col[c.base:c.base+c.n])
			} else {
				out = append(out, c.regs[r])
			}
		}
		g.compute(c, s, out)
	}
	if st.num != nil && c.err == nil {
		c.integrateNumeric(st.num, st.rhs, s)
	}
	if !st.direct {
		for gi := range st.groups {
			for k, r := range st.temps[gi] {
				col := st.dstCol[gi][k]
				copySel(col[c.base:c.base+c.n], c.regs[r], 0, s)
			}
		}
	}
	for k := range st.deltas {
		d := &st.deltas[k]
		w := c.spike[d.port]
		col := c.p.state[d.v][c.base : c.base+c.n]
		v, vs := c.eval(&d.coef, s)
		forSel(s, func(i int32) {
			x := vs
			if v != nil {
				x = v[i]
			}
			col[i] += float64(w[i] * x)
		})
	}
}

// numInfo is a population's numeric system, compiled.
type numInfo struct {
	ns     *ir.NumericSystem
	ncomp  int
	cols   [][]float64 // state column of each component
	commit []bool      // the integrated value is stored back
	absTol operand
	relTol operand
	yp     bool
	maxSub int
}

// numericInfo compiles the right-hand sides. They get registers of their
// own (never handed out again), because they run in the middle of an
// IntegrateODEs statement while other registers hold live values.
func (c *compiler) numericInfo() (*numInfo, error) {
	p, ns := c.p, c.m.Numeric
	ni := &numInfo{ns: ns, ncomp: len(ns.Vars), maxSub: ns.MaxSubsteps, yp: ns.Controller == "with_respect_to_derivative"}
	if ni.maxSub <= 0 {
		ni.maxSub = rkf45.DefaultMaxSubsteps
	}
	for _, v := range ns.Vars {
		ni.cols = append(ni.cols, p.state[v])
		ni.commit = append(ni.commit, !p.isConv[v] || p.stateInBlock[v].block < 0)
	}
	// compile once to report errors early; each IntegrateODEs compiles
	// its own selection
	if _, err := c.rhsProgram(ni, nil); err != nil {
		return nil, err
	}
	if ns.Method == "" || ns.Method == "rk45" {
		if ns.AbsTol < 0 || ns.AbsTol >= len(p.params) || ns.RelTol < 0 || ns.RelTol >= len(p.params) {
			return nil, fmt.Errorf("%s: the numeric system names no tolerance parameters", c.m.Name)
		}
		var err error
		if ni.absTol, err = c.ref(&ir.Ref{Kind: ir.KParam, Index: ns.AbsTol}); err != nil {
			return nil, err
		}
		if ni.relTol, err = c.ref(&ir.Ref{Kind: ir.KParam, Index: ns.RelTol}); err != nil {
			return nil, err
		}
	}
	return ni, nil
}

// numBuf holds a worker's RKF45 vectors for one population: each [comp][lane].
type numBuf struct {
	ncomp                      int
	y, y0, yt, yerr, dydt      [][]float64
	k1, k2, k3, k4, k5, k6     [][]float64
	t, h0                      []float64
	final, dead                []bool
	nsub                       []int32
	active, start, next, nextS []int32
}

func newNumBuf(n int) *numBuf {
	b := &numBuf{ncomp: n}
	mk := func() [][]float64 {
		out := make([][]float64, n)
		for k := range out {
			out[k] = make([]float64, chunkCap)
		}
		return out
	}
	b.y, b.y0, b.yt, b.yerr, b.dydt = mk(), mk(), mk(), mk(), mk()
	b.k1, b.k2, b.k3, b.k4, b.k5, b.k6 = mk(), mk(), mk(), mk(), mk(), mk()
	b.t, b.h0 = make([]float64, chunkCap), make([]float64, chunkCap)
	b.final, b.dead = make([]bool, chunkCap), make([]bool, chunkCap)
	b.nsub = make([]int32, chunkCap)
	b.active, b.start = make([]int32, 0, chunkCap), make([]int32, 0, chunkCap)
	b.next, b.nextS = make([]int32, 0, chunkCap), make([]int32, 0, chunkCap)
	return b
}

// rhsProg is the right-hand side of one integrate_odes call (numerics.md
// §6.6): the listed components and the convolution states get their
// right-hand side, every other component 0. It is one straight-line
// program over all components, each instruction with a register of its
// own, so that subexpressions shared between components (min(V_m, V_peak)
// in the aeif models) are computed once.
type rhsProg struct {
	code []instr
	res  []operand
	nat  *nativeRKF45 // the compiled C kernel, if any (native.go)
}

// rhsProgram compiles the right-hand side for a selection (nil: all).
func (c *compiler) rhsProgram(ni *numInfo, listed []bool) (*rhsProg, error) {
	savedFresh, savedMemo := c.fresh, c.memo
	c.fresh, c.memo = true, map[string]operand{}
	defer func() { c.fresh, c.memo = savedFresh, savedMemo }()
	rp := &rhsProg{}
	for k, r := range ni.ns.Rhs {
		if listed != nil && !listed[k] {
			rp.res = append(rp.res, constOp(0))
			continue
		}
		o, err := c.emitExpr(r, &rp.code)
		if err != nil {
			return nil, err
		}
		rp.res = append(rp.res, o)
	}
	rp.code = deadCode(rp.code, rp.res)
	return rp, nil
}

// rhs evaluates a right-hand side at the vectors in (read through kODE
// operands) into out, over s.
func (c *chunk) rhs(rp *rhsProg, in, out [][]float64, s sel) {
	saved := c.ode
	c.ode = in
	c.run(rp.code, s)
	for k, o := range rp.res {
		v, vs := c.get(o)
		copySel(out[k], v, vs, s)
	}
	c.ode = saved
}

// The order of the controller and its starting error ratio (DBL_MIN), as
// in package rkf45 (numerics.md §6.2); the Fehlberg coefficients are
// rkf45's exported constants.
const (
	rkOrder   = 5
	minNormal = 0x1p-1022
)

// integrateNumeric runs the per-step loop of numerics.md §6.4 over the
// lanes of s with the right-hand-side selection listed, then stores the
// integrated components (convolution states in analytic blocks are left
// as they were: their propagators advance them).
func (c *chunk) integrateNumeric(ni *numInfo, rp *rhsProg, s sel) {
	if rp.nat != nil {
		c.rkf45Native(ni, rp.nat, c.p.net.h, s)
		return
	}
	b := c.w.numBuf(ni.ncomp)
	n := ni.ncomp
	base, nl := c.base, c.n
	for k := 0; k < n; k++ {
		copySel(b.y[k], ni.cols[k][base:base+nl], 0, s)
	}
	h := c.p.net.h
	forSel(s, func(i int32) { b.dead[i] = false })
	switch ni.ns.Method {
	case "forward-Euler":
		c.rhs(rp, b.y, b.k1, s)
		for k := 0; k < n; k++ {
			y, kk := b.y[k], b.k1[k]
			forSel(s, func(i int32) { y[i] += float64(h * kk[i]) })
		}
	case "rk4":
		c.rk4(ni, rp, b, h, s)
	default:
		c.rkf45(ni, rp, b, h, s)
	}
	for k := 0; k < n; k++ {
		if !ni.commit[k] {
			continue
		}
		col, y := ni.cols[k][base:base+nl], b.y[k]
		dead := b.dead
		forSel(s, func(i int32) {
			if dead[i] {
				return // a failing neuron keeps its state, as before
			}
			col[i] = y[i]
		})
	}
}

func (c *chunk) rk4(ni *numInfo, rp *rhsProg, b *numBuf, h float64, s sel) {
	n := ni.ncomp
	half := 0.5 * h
	sixth := h / 6
	c.rhs(rp, b.y, b.k1, s)
	for k := 0; k < n; k++ {
		y, k1, yt := b.y[k], b.k1[k], b.yt[k]
		forSel(s, func(i int32) { yt[i] = y[i] + float64(half*k1[i]) })
	}
	c.rhs(rp, b.yt, b.k2, s)
	for k := 0; k < n; k++ {
		y, k2, yt := b.y[k], b.k2[k], b.yt[k]
		forSel(s, func(i int32) { yt[i] = y[i] + float64(half*k2[i]) })
	}
	c.rhs(rp, b.yt, b.k3, s)
	for k := 0; k < n; k++ {
		y, k3, yt := b.y[k], b.k3[k], b.yt[k]
		forSel(s, func(i int32) { yt[i] = y[i] + float64(h*k3[i]) })
	}
	c.rhs(rp, b.yt, b.k4, s)
	for k := 0; k < n; k++ {
		y, k1, k2, k3, k4 := b.y[k], b.k1[k], b.k2[k], b.k3[k], b.k4[k]
		forSel(s, func(i int32) {
			sum := k1[i] + float64(2*k2[i]) + float64(2*k3[i]) + k4[i]
			y[i] += float64(sixth * sum)
		})
	}
}

func lanesOf(s sel, buf []int32) []int32 {
	buf = buf[:0]
	if s.idx == nil {
		for i := 0; i < s.n; i++ {
			buf = append(buf, int32(i))
		}
		return buf
	}
	return append(buf, s.idx...)
}

// asSel returns a selection of the lanes in idx, dense when they are
// exactly 0..n-1 of a full chunk.
func asSel(idx []int32, n int) sel {
	if len(idx) == n && (n == 0 || int(idx[n-1]) == n-1) {
		return sel{n: n}
	}
	return sel{idx: idx}
}

// rkf45 is the lane-parallel form of rkf45.Workspace.Step with
// EvolveApply and the standard controller (numerics.md §6.1–6.4).
//
// The controller's error scale is eps_rel·(a_y·|y| + a_dydt·|h·y'|) +
// eps_abs at the new state. With a_dydt = 0 (every controller but the
// derivative one) GSL still evaluates y' there, for a term of +0; the
// engine leaves out the term and the evaluation. The scale is the same,
// except where y' is not finite at a finite new state: GSL's 0·∞ = NaN
// then drops that component's ratio, and the neuron's next sub-step,
// which starts from y', fails in both.
func (c *chunk) rkf45(ni *numInfo, rp *rhsProg, b *numBuf, dt float64, s sel) {
	n := ni.ncomp
	base := c.base
	hint := c.p.hint[base : base+c.n]
	absV, absS := c.get(ni.absTol)
	relV, relS := c.get(ni.relTol)
	aY, aDydt := 1.0, 0.0
	if ni.yp {
		aY, aDydt = 0.0, 1.0
	}
	active := lanesOf(s, b.active)
	start := append(b.start[:0], active...)
	for _, i := range active {
		b.t[i] = 0
		b.nsub[i] = 0
		b.dead[i] = false
	}
	for len(active) > 0 {
		if len(start) > 0 {
			// new evolve_apply calls: guard, save y, first stage
			keep := start[:0]
			for _, i := range start {
				if int(b.nsub[i]) == ni.maxSub {
					c.fail(int(i), fmt.Errorf("%w: more than %d sub-steps, stopped at t = %v of %v (step memory %v)", rkf45.ErrStall, ni.maxSub, b.t[i], dt, hint[i]))
					b.dead[i] = true
					continue
				}
				for k := 0; k < n; k++ {
					b.y0[k][i] = b.y[k][i]
				}
				b.h0[i] = hint[i]
				keep = append(keep, i)
			}
			if len(keep) != len(start) {
				out := active[:0]
				for _, i := range active {
					if !b.dead[i] {
						out = append(out, i)
					}
				}
				active = out
			}
			start = keep
			if len(start) > 0 {
				c.rhs(rp, b.y0, b.k1, asSel(start, c.n))
			}
		}
		if len(active) == 0 {
			break
		}
		as := asSel(active, c.n)
		for _, i := range active {
			d := dt - b.t[i]
			b.final[i] = false
			if b.h0[i] > d {
				b.h0[i] = d
				b.final[i] = true
			}
		}
		h0 := b.h0
		nl := c.n
		// Stage vectors and right-hand sides are scratch: when most lanes
		// are active they are computed for every lane of the chunk (dense
		// loops are about twice as fast as indexed ones; values computed for
		// inactive lanes are never read). The first stage, the new state and
		// the error estimate are written for the active lanes only.
		rs := as
		if as.idx != nil && 5*len(active) >= 2*nl {
			rs = sel{n: nl}
		}
		dense := rs.idx == nil
		// the stage vectors (numerics.md §6.1), dense loops when every lane
		// of the chunk is active
		for k := 0; k < n; k++ {
			y0, k1, yt := b.y0[k][:nl], b.k1[k][:nl], b.yt[k][:nl]
			if dense {
				h0 := h0[:nl]
				for i := range yt {
					h1 := float64(rkf45.Ah1 * h0[i])
					yt[i] = y0[i] + float64(h1*k1[i])
				}
				continue
			}
			for _, i := range active {
				h1 := float64(rkf45.Ah1 * h0[i])
				yt[i] = y0[i] + float64(h1*k1[i])
			}
		}
		c.rhs(rp, b.yt, b.k2, rs)
		for k := 0; k < n; k++ {
			y0, k1, k2, yt := b.y0[k][:nl], b.k1[k][:nl], b.k2[k][:nl], b.yt[k][:nl]
			if dense {
				h0 := h0[:nl]
				for i := range yt {
					sum := float64(rkf45.B31*k1[i]) + float64(rkf45.B32*k2[i])
					yt[i] = y0[i] + float64(h0[i]*sum)
				}
				continue
			}
			for _, i := range active {
				sum := float64(rkf45.B31*k1[i]) + float64(rkf45.B32*k2[i])
				yt[i] = y0[i] + float64(h0[i]*sum)
			}
		}
		c.rhs(rp, b.yt, b.k3, rs)
		for k := 0; k < n; k++ {
			y0, k1, k2, k3, yt := b.y0[k][:nl], b.k1[k][:nl], b.k2[k][:nl], b.k3[k][:nl], b.yt[k][:nl]
			if dense {
				h0 := h0[:nl]
				for i := range yt {
					sum := float64(rkf45.B41*k1[i]) + float64(rkf45.B42*k2[i]) + float64(rkf45.B43*k3[i])
					yt[i] = y0[i] + float64(h0[i]*sum)
				}
				continue
			}
			for _, i := range active {
				sum := float64(rkf45.B41*k1[i]) + float64(rkf45.B42*k2[i]) + float64(rkf45.B43*k3[i])
				yt[i] = y0[i] + float64(h0[i]*sum)
			}
		}
		c.rhs(rp, b.yt, b.k4, rs)
		for k := 0; k < n; k++ {
			y0, k1, k2, k3, k4, yt := b.y0[k][:nl], b.k1[k][:nl], b.k2[k][:nl], b.k3[k][:nl], b.k4[k][:nl], b.yt[k][:nl]
			if dense {
				h0 := h0[:nl]
				for i := range yt {
					sum := float64(rkf45.B51*k1[i]) + float64(rkf45.B52*k2[i]) + float64(rkf45.B53*k3[i]) + float64(rkf45.B54*k4[i])
					yt[i] = y0[i] + float64(h0[i]*sum)
				}
				continue
			}
			for _, i := range active {
				sum := float64(rkf45.B51*k1[i]) + float64(rkf45.B52*k2[i]) + float64(rkf45.B53*k3[i]) + float64(rkf45.B54*k4[i])
				yt[i] = y0[i] + float64(h0[i]*sum)
			}
		}
		c.rhs(rp, b.yt, b.k5, rs)
		for k := 0; k < n; k++ {
			y0, k1, k2, k3, k4, k5, yt := b.y0[k][:nl], b.k1[k][:nl], b.k2[k][:nl], b.k3[k][:nl], b.k4[k][:nl], b.k5[k][:nl], b.yt[k][:nl]
			if dense {
				h0 := h0[:nl]
				for i := range yt {
					sum := float64(rkf45.B61*k1[i]) + float64(rkf45.B62*k2[i]) + float64(rkf45.B63*k3[i]) + float64(rkf45.B64*k4[i]) + float64(rkf45.B65*k5[i])
					yt[i] = y0[i] + float64(h0[i]*sum)
				}
				continue
			}
			for _, i := range active {
				sum := float64(rkf45.B61*k1[i]) + float64(rkf45.B62*k2[i]) + float64(rkf45.B63*k3[i]) + float64(rkf45.B64*k4[i]) + float64(rkf45.B65*k5[i])
				yt[i] = y0[i] + float64(h0[i]*sum)
			}
		}
		c.rhs(rp, b.yt, b.k6, rs)
		for k := 0; k < n; k++ {
			y, y0, yerr := b.y[k][:nl], b.y0[k][:nl], b.yerr[k][:nl]
			k1, k3, k4, k5, k6 := b.k1[k][:nl], b.k3[k][:nl], b.k4[k][:nl], b.k5[k][:nl], b.k6[k][:nl]
			if as.idx == nil {
				h0 := h0[:nl]
				for i := range y {
					d := float64(rkf45.C1*k1[i]) + float64(rkf45.C3*k3[i]) + float64(rkf45.C4*k4[i]) + float64(rkf45.C5*k5[i]) + float64(rkf45.C6*k6[i])
					y[i] = y0[i] + float64(h0[i]*d)
					e := float64(rkf45.E1*k1[i]) + float64(rkf45.E3*k3[i]) + float64(rkf45.E4*k4[i]) + float64(rkf45.E5*k5[i]) + float64(rkf45.E6*k6[i])
					yerr[i] = float64(h0[i] * e)
				}
				continue
			}
			for _, i := range active {
				d := float64(rkf45.C1*k1[i]) + float64(rkf45.C3*k3[i]) + float64(rkf45.C4*k4[i]) + float64(rkf45.C5*k5[i]) + float64(rkf45.C6*k6[i])
				y[i] = y0[i] + float64(h0[i]*d)
				e := float64(rkf45.E1*k1[i]) + float64(rkf45.E3*k3[i]) + float64(rkf45.E4*k4[i]) + float64(rkf45.E5*k5[i]) + float64(rkf45.E6*k6[i])
				yerr[i] = float64(h0[i] * e)
			}
		}
		if ni.yp {
			// the derivative at the new state, which only this controller
			// weighs (the first stage of a next sub-step is evaluated
			// when it starts)
			c.rhs(rp, b.y, b.dydt, rs)
		}
		// control, per lane
		next, nextS := b.next[:0], b.nextS[:0]
		for _, i := range active {
			epsAbs, epsRel := absS, relS
			if absV != nil {
				epsAbs = absV[i]
			}
			if relV != nil {
				epsRel = relV[i]
			}
			hOld := h0[i]
			rmax := minNormal
			for k := 0; k < n; k++ {
				yi := b.y[k][i]
				var d float64
				if ni.yp {
					d = float64(epsRel*(float64(aY*math.Abs(yi))+float64(aDydt*math.Abs(float64(hOld*b.dydt[k][i]))))) + epsAbs
				} else {
					d = float64(epsRel*math.Abs(yi)) + epsAbs
				}
				r := math.Abs(b.yerr[k][i]) / math.Abs(d)
				if r > rmax { // a NaN ratio is ignored
					rmax = r
				}
			}
			hAdj, decrease := hOld, false
			switch {
			case rmax > 1.1:
				r := 0.9 / ctlPow(rmax, 1.0/rkOrder)
				if r < 0.2 {
					r = 0.2
				}
				hAdj, decrease = float64(r*hOld), true
			case rmax < 0.5:
				r := 0.9 / ctlPow(rmax, 1.0/(rkOrder+1.0))
				if r > 5.0 {
					r = 5.0
				}
				if r < 1.0 {
					r = 1.0
				}
				hAdj = float64(r * hOld)
			}
			tNew := b.t[i] + hOld
			if b.final[i] {
				tNew = dt
			}
			if decrease {
				if math.Abs(hAdj) < math.Abs(hOld) && tNew+hAdj != tNew {
					h0[i] = hAdj // retry from y0 with the same first stage
					next = append(next, i)
					continue
				}
				hAdj = hOld
			}
			// accepted
			hint[i] = hAdj
			b.t[i] = tNew
			b.nsub[i]++
			bad := -1
			for k := 0; k < n; k++ {
				if v := b.y[k][i]; math.IsNaN(v) || math.IsInf(v, 0) {
					bad = k
					break
				}
			}
			if bad >= 0 {
				b.dead[i] = true
				c.fail(int(i), fmt.Errorf("%w: component %d is %v at t = %v of %v after %d sub-steps", rkf45.ErrNonfinite, bad, b.y[bad][i], tNew, dt, b.nsub[i]))
				continue
			}
			if tNew < dt {
				next = append(next, i)
				nextS = append(nextS, i)
			}
		}
		// next and nextS are ascending: they are filtered from active
		b.active, b.next = next, active[:0]
		b.start, b.nextS = nextS, start[:0]
		active, start = b.active, b.start
	}
}

// fail records a numeric failure of lane i; the lowest failing neuron of
// the chunk wins.
func (c *chunk) fail(i int, err error) {
	lane := c.base + i
	if c.err == nil || lane < c.errLane {
		c.err = laneError(c.p, lane, err)
		c.errLane = lane
	}
}

// laneError names the neuron (population index lane) and the time of a
// numeric failure.
func laneError(p *Population, lane int, err error) error {
	return fmt.Errorf("%s (neuron %d) at t = %v ms: %v", p.Model.Name, p.first+lane, p.net.Time(), err)
}
