package sim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// chunkCap is the number of lanes (neurons) one pass of an instruction
// covers: small enough that a chunk's registers and columns stay in the
// first- or second-level cache, large enough that the per-instruction
// overhead vanishes.
const chunkCap = 256

// sel is a selection of lanes of a chunk: lanes [0, n) when idx is nil,
// otherwise the lanes listed in idx (ascending).
type sel struct {
	n   int
	idx []int32
}

var noLanes = []int32{}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (s sel) count() int {
	if s.idx == nil {
		return s.n
	}
	return len(s.idx)
}

// chunk is the execution context of one pass of a population's program
// over lanes [base, base+n).
type chunk struct {
	p     *Population
	w     *worker
	prog  *program
	base  int
	n     int
	regs  [][]float64
	spike [][]float64 // per spike port: this step's summed weights
	flags [][]uint8   // per spike port: a spike arrived (nil: no input)
	ode   [][]float64 // the vector a right-hand side reads (kODE)
	tEnd  float64
	emit  []uint16 // spikes emitted per lane this step
	out   *strings.Builder
	rng   *rand.Rand
	// first numeric failure (lowest lane)
	err     error
	errLane int
}

// get resolves an operand: a vector of the chunk's lanes, or (nil, scalar).
func (c *chunk) get(o operand) ([]float64, float64) {
	switch o.kind {
	case kReg:
		return c.regs[o.idx], 0
	case kCol:
		return o.col[c.base : c.base+c.n], 0
	case kSpike:
		return c.spike[o.idx], 0
	case kODE:
		return c.ode[o.idx], 0
	case kTime:
		return nil, c.tEnd
	}
	return nil, o.val
}

func fill(d []float64, v float64, s sel) {
	if s.idx == nil {
		d = d[:s.n]
		for i := range d {
			d[i] = v
		}
		return
	}
	for _, i := range s.idx {
		d[i] = v
	}
}

func copySel(d, a []float64, av float64, s sel) {
	if a == nil {
		fill(d, av, s)
		return
	}
	if s.idx == nil {
		copy(d[:s.n], a[:s.n])
		return
	}
	for _, i := range s.idx {
		d[i] = a[i]
	}
}

// eval runs an expression over s and returns its value.
func (c *chunk) eval(e *vexpr, s sel) ([]float64, float64) {
	if len(e.code) > 0 {
		c.run(e.code, s)
	}
	return c.get(e.res)
}

// evalInto runs an expression over s and stores its value in d.
func (c *chunk) evalInto(e *vexpr, d []float64, s sel) {
	v, vs := c.eval(e, s)
	copySel(d, v, vs, s)
}

func (c *chunk) run(code []instr, s sel) {
	for k := range code {
		in := &code[k]
		d := c.regs[in.dst]
		switch op := in.op; {
		case isGenBinary(op):
			a, as := c.get(in.a)
			b, bs := c.get(in.b)
			if a == nil && b == nil {
				fill(d, scalarBinary(op, as, bs), s)
			} else {
				runBinary(op, d, a, b, as, bs, s)
			}
		case isGenUnary(op):
			a, as := c.get(in.a)
			if a == nil {
				fill(d, scalarUnary(op, as), s)
			} else {
				runUnary(op, d, a, s)
			}
		default:
			c.runOther(in, d, s)
		}
	}
}

func (c *chunk) runOther(in *instr, d []float64, s sel) {
	a, as := c.get(in.a)
	at := func(i int32) float64 {
		if a == nil {
			return as
		}
		return a[i]
	}
	switch in.op {
	case opCopy:
		copySel(d, a, as, s)
	case opFunc1:
		f := in.f1
		if a != nil && s.idx == nil {
			d, a := d[:s.n], a[:s.n]
			for i, x := range a {
				d[i] = f(x)
			}
			break
		}
		forSel(s, func(i int32) { d[i] = f(at(i)) })
	case opFunc2:
		b, bs := c.get(in.b)
		f := in.f2
		forSel(s, func(i int32) {
			y := bs
			if b != nil {
				y = b[i]
			}
			d[i] = f(at(i), y)
		})
	case opSelect:
		// a: condition, b: then, c: else
		b, bs := c.get(in.b)
		e, es := c.get(in.c)
		forSel(s, func(i int32) {
			if at(i) != 0 {
				if b != nil {
					d[i] = b[i]
				} else {
					d[i] = bs
				}
			} else if e != nil {
				d[i] = e[i]
			} else {
				d[i] = es
			}
		})
	case opClip:
		b, bs := c.get(in.b)
		e, es := c.get(in.c)
		forSel(s, func(i int32) {
			lo, hi := bs, es
			if b != nil {
				lo = b[i]
			}
			if e != nil {
				hi = e[i]
			}
			d[i] = math.Min(math.Max(at(i), lo), hi)
		})
	case opRandNormal, opRandUniform:
		b, bs := c.get(in.b)
		r := c.rng
		normal := in.op == opRandNormal
		forSel(s, func(i int32) {
			y := bs
			if b != nil {
				y = b[i]
			}
			if normal {
				d[i] = at(i) + y*r.NormFloat64()
			} else {
				d[i] = at(i) + y*r.Float64()
			}
		})
	case opRandPoisson:
		r := c.rng
		forSel(s, func(i int32) { d[i] = float64(poisson(r, at(i))) })
	case opBranch:
		c.runBranch(in.br, d, s)
	case opGather:
		c.runGather(in, d, s)
	case opPowI:
		k := int(in.b.val)
		if a == nil {
			fill(d, powInt(as, k), s)
		} else if s.idx == nil {
			d, a := d[:s.n], a[:s.n]
			for i, x := range a {
				d[i] = powInt(x, k)
			}
		} else {
			for _, i := range s.idx {
				d[i] = powInt(a[i], k)
			}
		}
	default:
		panic(fmt.Sprintf("sim: unknown opcode %d", in.op))
	}
}

func forSel(s sel, f func(i int32)) {
	if s.idx == nil {
		for i := 0; i < s.n; i++ {
			f(int32(i))
		}
		return
	}
	for _, i := range s.idx {
		f(i)
	}
}

func (c *chunk) runBranch(br *branch, d []float64, s sel) {
	mark := c.w.top
	defer func() { c.w.top = mark }()
	cv, cs := c.eval(&br.cond, s)
	t, f := c.split(s, cv, cs)
	switch {
	case br.isAnd: // l and r: r where l != 0
		if t.count() > 0 {
			v, vs := c.eval(&br.andOrRight, t)
			forSel(t, func(i int32) {
				x := vs
				if v != nil {
					x = v[i]
				}
				d[i] = b2f(x != 0)
			})
		}
		fill(d, 0, f)
	case br.isOr: // l or r: r where l == 0
		fill(d, 1, t)
		if f.count() > 0 {
			v, vs := c.eval(&br.andOrRight, f)
			forSel(f, func(i int32) {
				x := vs
				if v != nil {
					x = v[i]
				}
				d[i] = b2f(x != 0)
			})
		}
	default:
		if t.count() > 0 {
			c.evalInto(&br.then, d, t)
		}
		if f.count() > 0 {
			c.evalInto(&br.els, d, f)
		}
	}
}

// takeIdx returns an empty index list with room for n lanes from the
// worker's arena (released by resetting w.top).
func (c *chunk) takeIdx(n int) []int32 {
	w := c.w
	if w.top+n <= len(w.arena) {
		s := w.arena[w.top : w.top : w.top+n]
		w.top += n
		return s
	}
	return make([]int32, 0, n)
}

// split divides s by a condition into the lanes where it holds and the
// others. A dense selection where the condition holds everywhere stays
// dense.
func (c *chunk) split(s sel, cv []float64, cs float64) (t, f sel) {
	empty := sel{idx: noLanes}
	if cv == nil {
		if cs != 0 {
			return s, empty
		}
		return empty, s
	}
	n := s.count()
	ti, fi := c.takeIdx(n), c.takeIdx(n)
	if s.idx == nil {
		cv := cv[:s.n]
		for i, v := range cv {
			if v != 0 {
				ti = append(ti, int32(i))
			} else {
				fi = append(fi, int32(i))
			}
		}
		if len(fi) == 0 {
			return s, empty
		}
		if len(ti) == 0 {
			return empty, s
		}
	} else {
		for _, i := range s.idx {
			if cv[i] != 0 {
				ti = append(ti, i)
			} else {
				fi = append(fi, i)
			}
		}
	}
	return sel{idx: ti}, sel{idx: fi}
}

// flagged returns the lanes of the chunk whose flag is set.
func (c *chunk) flagged(fl []uint8) sel {
	idx := c.takeIdx(c.n)[:c.n]
	n := 0
	for i, v := range fl[:c.n] {
		idx[n] = int32(i)
		n += b2i(v != 0)
	}
	return sel{idx: idx[:n]}
}

func (c *chunk) execAll(ss []vstmt, s sel) {
	for _, st := range ss {
		st.exec(c, s)
	}
}

func (a *vAssign) exec(c *chunk, s sel) {
	d, _ := c.get(a.target)
	v, vs := c.eval(&a.val, s)
	if a.op == opCopy {
		copySel(d, v, vs, s)
	} else {
		runBinary(a.op, d, d, v, 0, vs, s)
	}
	if a.asInt {
		forSel(s, func(i int32) { d[i] = math.Trunc(d[i]) })
	}
}

func (st *vIf) exec(c *chunk, s sel) {
	mark := c.w.top
	t, f := c.splitCond(st.cond, s, len(st.els) > 0)
	if t.count() > 0 {
		c.execAll(st.then, t)
	}
	if f.count() > 0 && len(st.els) > 0 {
		c.execAll(st.els, f)
	}
	c.w.top = mark
}

func (st *vWhile) exec(c *chunk, s sel) {
	mark := c.w.top
	for s.count() > 0 {
		t, _ := c.splitCond(st.cond, s, false)
		if t.count() == 0 {
			break
		}
		c.execAll(st.body, t)
		s = t
	}
	c.w.top = mark
}

func (st *vFor) exec(c *chunk, s sel) {
	mark := c.w.top
	d, _ := c.get(st.v)
	c.evalInto(&st.from, d, s)
	step := st.step
	for s.count() > 0 {
		to, tos := c.eval(&st.to, s)
		ti := c.takeIdx(s.count())
		forSel(s, func(i int32) {
			lim := tos
			if to != nil {
				lim = to[i]
			}
			if (step > 0 && d[i] <= lim) || (step < 0 && d[i] >= lim) {
				ti = append(ti, i)
			}
		})
		if len(ti) == 0 {
			break
		}
		t := sel{idx: ti}
		c.execAll(st.body, t)
		forSel(t, func(i int32) { d[i] = d[i] + step })
		s = t
	}
	c.w.top = mark
}

func (vEmit) exec(c *chunk, s sel) {
	forSel(s, func(i int32) { c.emit[i]++ })
}

func (st *vPrint) exec(c *chunk, s sel) {
	vals := make([][]float64, len(st.args))
	scal := make([]float64, len(st.args))
	mark := c.w.top
	// every argument is evaluated over all lanes first; their registers
	// are distinct (vm.go)
	for k := range st.args {
		vals[k], scal[k] = c.eval(&st.args[k], s)
	}
	forSel(s, func(i int32) {
		out := st.format
		for k, n := range st.names {
			v := scal[k]
			if vals[k] != nil {
				v = vals[k][i]
			}
			out = strings.Replace(out, "{"+n+"}", fmt.Sprint(v), 1)
		}
		if st.newline {
			out += "\n"
		}
		c.out.WriteString(out)
	})
	c.w.top = mark
}

// splitCond divides s into the lanes where the condition holds and (when
// needF) the others, both ascending.
func (c *chunk) splitCond(vc *vcond, s sel, needF bool) (t, f sel) {
	empty := sel{idx: noLanes}
	switch vc.kind {
	case condCmp:
		if len(vc.pre) > 0 {
			c.run(vc.pre, s)
		}
		a, as := c.get(vc.a)
		b, bs := c.get(vc.b)
		if a == nil && b == nil {
			if scalarBinary(vc.op, as, bs) != 0 {
				return s, empty
			}
			return empty, s
		}
		n := s.count()
		ti, fi := splitCmp(vc.op, a, b, as, bs, s, c.takeIdx(n), c.takeIdx(n))
		switch {
		case len(fi) == 0:
			return s, empty
		case len(ti) == 0:
			return empty, s
		}
		return sel{idx: ti}, sel{idx: fi}
	case condAnd:
		t1, f1 := c.splitCond(vc.l, s, needF)
		if t1.count() == 0 {
			return t1, f1
		}
		t2, f2 := c.splitCond(vc.r, t1, needF)
		if !needF || f1.count() == 0 {
			return t2, f2
		}
		if f2.count() == 0 {
			return t2, f1
		}
		// merge the two ascending lists of lanes that fail
		m := c.takeIdx(f1.count() + f2.count())
		x, y := f1.idx, f2.idx
		for len(x) > 0 && len(y) > 0 {
			if x[0] < y[0] {
				m, x = append(m, x[0]), x[1:]
			} else {
				m, y = append(m, y[0]), y[1:]
			}
		}
		m = append(append(m, x...), y...)
		return t2, sel{idx: m}
	}
	if len(vc.pre) > 0 {
		c.run(vc.pre, s)
	}
	cv, cs := c.get(vc.res)
	return c.split(s, cv, cs)
}
