package sim

import (
	"fmt"
	"math"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/sym"
)

// This file compiles a model's per-step program (ir.Model.Update,
// OnReceive, OnCondition, the IntegrateODEs statements and the numeric
// right-hand sides) into a program for a small vector machine. Every
// instruction runs over a chunk of neurons (up to chunkCap lanes): a
// register is a []float64 of one value per lane, and an operand is a
// register, a window of a population column, a spike-port buffer, a
// component of the RKF45 stage vector, or a scalar. Statements run over a
// selection of lanes (all lanes of the chunk, or an index list); an if
// splits the selection by its condition, a while loop shrinks it. Each
// lane therefore performs exactly the operations, in exactly the order,
// that the scalar interpreter performed for that neuron, so results are
// bit-identical; only the loop nest is turned inside out.
//
// Parameters and internals with one value across the population are
// broadcast as scalars, and instructions whose operands are all scalars
// are folded when the program is built (the same IEEE operations,
// performed once).

type opcode uint8

const (
	opCopy opcode = opFirstHandWritten + iota
	opFunc1
	opFunc2
	opSelect
	opClip
	opRandNormal
	opRandUniform
	opRandPoisson
	opBranch
	opPowI   // x ** n for a constant n in {2, 3, 4} (powInt)
	opGather // a vector element with a run-time index (vector.go)
)

// operand kinds
const (
	kReg uint8 = iota
	kCol
	kConst
	kSpike // spike port input of this step
	kODE   // component of the numeric state vector being evaluated
	kTime  // t at the end of the step
)

type operand struct {
	kind uint8
	idx  int32
	col  []float64
	val  float64
}

func constOp(v float64) operand { return operand{kind: kConst, val: v} }

type instr struct {
	op      opcode
	dst     int32
	a, b, c operand
	f1      func(float64) float64
	f2      func(float64, float64) float64
	br      *branch
	vec     *vecAccess // opGather
	name    string     // the NESTML function of an opFunc1 (for native kernels)
}

// branch evaluates a conditional expression whose branches have side
// effects (random draws): only the lanes that take a branch evaluate it.
type branch struct {
	cond       vexpr
	then, els  vexpr
	thenConst  bool // kind of and/or: then is b2f(then != 0)
	isAnd      bool
	isOr       bool
	andOrRight vexpr
}

// vexpr is a compiled expression: instructions, then the operand holding
// the result.
type vexpr struct {
	code []instr
	res  operand
}

// vstmt is a compiled statement.
type vstmt interface {
	exec(c *chunk, s sel)
}

// program is the per-step program of one population for its current
// parameter values.
type program struct {
	update []vstmt
	recv   []recvHandler
	conds  []condHandler
	conv   []*rowGroup // convolution states (steps 3 and 6)
	convTo [][]int32   // per conv group: registers of the new values, by listed row
	jumps  []jumpStmt
	nregs  int
	// laneByLane runs the program one neuron at a time in neuron order
	// (models that print); oneJob additionally keeps the whole population
	// in one job (models that draw random numbers from the population's
	// generator, whose draws must stay in neuron order).
	laneByLane, oneJob bool
	numeric            *numInfo
	rhs                []*rhsProg // every right-hand side (native.go attaches kernels)
}

type recvHandler struct {
	port int
	size int // ports port … port+size-1 (a vector port); 0 or 1: one port
	body []vstmt
	// addTo: the body is `state += port`, run as one fused loop
	addTo []float64
}

type condHandler struct {
	cond *vcond
	body []vstmt
}

// vcond is a compiled condition that splits a selection directly:
// comparisons split in one pass without materialising 0/1 values, and
// `a and b` evaluates b only on the lanes where a holds (exactly where the
// scalar interpreter evaluated it).
type vcond struct {
	kind int
	pre  []instr // the code of the operands (condCmp) or of the expression
	op   opcode
	a, b operand
	l, r *vcond
	res  operand // condGeneric
}

const (
	condGeneric = iota
	condCmp
	condAnd
)

var cmpOps = map[string]opcode{"<": opLt, "<=": opLe, ">": opGt, ">=": opGe, "==": opEq, "!=": opNe}

func (c *compiler) cond(e ir.Expr) (*vcond, error) {
	if x, ok := e.(*ir.Binary); ok {
		if op, ok := cmpOps[x.Op]; ok {
			var code []instr
			l, err := c.emitExpr(x.L, &code)
			if err != nil {
				return nil, err
			}
			r, err := c.emitExpr(x.R, &code)
			if err != nil {
				return nil, err
			}
			c.release(l)
			c.release(r)
			if !(isConst(l) && isConst(r)) {
				return &vcond{kind: condCmp, pre: code, op: op, a: l, b: r}, nil
			}
			return &vcond{kind: condGeneric, pre: code, res: constOp(scalarBinary(op, l.val, r.val))}, nil
		}
		if x.Op == "and" {
			l, err := c.cond(x.L)
			if err != nil {
				return nil, err
			}
			r, err := c.cond(x.R)
			if err != nil {
				return nil, err
			}
			return &vcond{kind: condAnd, l: l, r: r}, nil
		}
	}
	v, err := c.expr(e)
	if err != nil {
		return nil, err
	}
	c.release(v.res)
	return &vcond{kind: condGeneric, pre: v.code, res: v.res}, nil
}

type jumpStmt struct {
	port, v int
	coef    vexpr
}

// compiler holds the state of one program compilation.
type compiler struct {
	p      *Population
	m      *ir.Model
	hom    func(kind ir.VarKind, idx int) (float64, bool) // broadcast value of a column
	free   []int32
	nregs  int32
	locals map[int]int32
	prog   *program
	impure bool // an expression draws random numbers
	prints bool
	// fresh: every instruction gets a register of its own that is never
	// reused, and identical pure instructions are computed once (memo);
	// used for right-hand sides, which run in the middle of a statement
	fresh bool
	memo  map[string]operand
}

// opKey describes an operand for common-subexpression elimination.
func opKey(o operand) string {
	switch o.kind {
	case kCol:
		return fmt.Sprintf("c%p", &o.col[0])
	case kConst:
		return fmt.Sprintf("k%x", math.Float64bits(o.val))
	}
	return fmt.Sprintf("%d:%d", o.kind, o.idx)
}

// cse returns the register of an identical earlier instruction, if any.
func (c *compiler) cse(key string) (operand, bool) {
	if c.memo == nil {
		return operand{}, false
	}
	o, ok := c.memo[key]
	return o, ok
}

func (c *compiler) remember(key string, o operand) operand {
	if c.memo != nil {
		c.memo[key] = o
	}
	return o
}

func (c *compiler) alloc() int32 {
	if c.fresh {
		c.nregs++
		return c.nregs - 1
	}
	if n := len(c.free); n > 0 {
		r := c.free[n-1]
		c.free = c.free[:n-1]
		return r
	}
	c.nregs++
	return c.nregs - 1
}

func (c *compiler) release(o operand) {
	if c.fresh {
		return
	}
	if o.kind == kReg && o.idx >= 0 && !c.isLocalReg(o.idx) {
		c.free = append(c.free, o.idx)
	}
}

func (c *compiler) isLocalReg(r int32) bool {
	for _, l := range c.locals {
		if l == r {
			return true
		}
	}
	return false
}

func (c *compiler) localReg(k int) int32 {
	if r, ok := c.locals[k]; ok {
		return r
	}
	c.nregs++
	r := c.nregs - 1
	c.locals[k] = r
	return r
}

// compileProgram builds the vector program of p for its current
// parameters (broadcasting homogeneous parameter and internal columns).
func compileProgram(p *Population) (*program, error) {
	return compileProgramBroadcast(p, true)
}

// compileProgramBroadcast is compileProgram; with broadcast false no
// parameter or internal is treated as homogeneous, so that the program does
// not depend on their values (the form native kernels are generated from).
func compileProgramBroadcast(p *Population, broadcast bool) (*program, error) {
	m := p.Model
	if p.net.started { // at creation the parameters are not set yet
		if err := checkVectorSizes(p); err != nil {
			return nil, err
		}
	}
	homP := homogeneous(p.params)
	homI := homogeneous(p.internals)
	if !broadcast {
		clear(homP)
		clear(homI)
	}
	c := &compiler{p: p, m: m, locals: map[int]int32{}, prog: &program{}}
	c.hom = func(kind ir.VarKind, idx int) (float64, bool) {
		switch kind {
		case ir.KParam:
			if homP[idx] {
				return p.params[idx][0], true
			}
		case ir.KInternal:
			if homI[idx] {
				return p.internals[idx][0], true
			}
		case ir.KContPort:
			if !p.contUsed {
				return 0, true
			}
		case ir.KStep:
			return p.net.h, true
		}
		return 0, false
	}
	pr := c.prog
	if m.Numeric != nil {
		ni, err := c.numericInfo()
		if err != nil {
			return nil, err
		}
		pr.numeric = ni
	}
	var err error
	// convolution states in analytic blocks: new values from the state at
	// the start of the step
	byBlock := map[int][]int{}
	var blocks []int
	for _, v := range m.ConvStates {
		if pos := p.stateInBlock[v]; pos.block >= 0 {
			if byBlock[pos.block] == nil {
				blocks = append(blocks, pos.block)
			}
			byBlock[pos.block] = append(byBlock[pos.block], v)
		}
	}
	for _, b := range blocks {
		g, err := c.rowGroup(b, byBlock[b])
		if err != nil {
			return nil, err
		}
		regs := make([]int32, len(g.rows))
		for k := range regs {
			regs[k] = c.alloc() // held for the whole step
		}
		pr.conv = append(pr.conv, g)
		pr.convTo = append(pr.convTo, regs)
	}
	if pr.update, err = c.stmts(m.Update); err != nil {
		return nil, err
	}
	for _, h := range m.OnReceive {
		b, err := c.stmts(h.Body)
		if err != nil {
			return nil, err
		}
		rh := recvHandler{port: h.Port, size: h.Size, body: b}
		if len(b) == 1 && h.Size <= 1 {
			if a, ok := b[0].(*vAssign); ok && a.op == opAdd && !a.asInt && a.target.kind == kCol &&
				len(a.val.code) == 0 && a.val.res.kind == kSpike && int(a.val.res.idx) == h.Port {
				rh.addTo = a.target.col
			}
		}
		pr.recv = append(pr.recv, rh)
	}
	for _, j := range m.SpikeJumps {
		e, err := c.expr(j.Coef)
		if err != nil {
			return nil, err
		}
		c.release(e.res)
		pr.jumps = append(pr.jumps, jumpStmt{j.Port, j.Var, e})
	}
	for _, h := range m.OnCondition {
		e, err := c.cond(h.Cond)
		if err != nil {
			return nil, err
		}
		b, err := c.stmts(h.Body)
		if err != nil {
			return nil, err
		}
		pr.conds = append(pr.conds, condHandler{e, b})
	}
	pr.nregs = int(c.nregs)
	pr.oneJob = c.impure
	pr.laneByLane = c.impure || c.prints
	return pr, nil
}

// homogeneous reports for each column whether all its values have the same
// bits.
func homogeneous(cols [][]float64) []bool {
	out := make([]bool, len(cols))
	for j, col := range cols {
		out[j] = true
		if len(col) == 0 {
			continue
		}
		b := math.Float64bits(col[0])
		for _, v := range col[1:] {
			if math.Float64bits(v) != b {
				out[j] = false
				break
			}
		}
	}
	return out
}

// ref returns the operand reading r.
func (c *compiler) ref(r *ir.Ref) (operand, error) {
	if v, ok := c.hom(r.Kind, r.Index); ok {
		return constOp(v), nil
	}
	p := c.p
	k := r.Index
	switch r.Kind {
	case ir.KParam:
		return operand{kind: kCol, col: p.params[k]}, nil
	case ir.KState:
		return operand{kind: kCol, col: p.state[k]}, nil
	case ir.KInternal:
		return operand{kind: kCol, col: p.internals[k]}, nil
	case ir.KSpikePort:
		return operand{kind: kSpike, idx: int32(k)}, nil
	case ir.KContPort:
		return operand{kind: kCol, col: p.contIn[k]}, nil
	case ir.KLocal:
		return operand{kind: kReg, idx: c.localReg(k)}, nil
	case ir.KODE:
		return operand{kind: kODE, idx: int32(k)}, nil
	case ir.KTime:
		return operand{kind: kTime}, nil
	}
	return operand{}, fmt.Errorf("unknown reference kind %d", r.Kind)
}

// expr compiles an expression.
func (c *compiler) expr(e ir.Expr) (vexpr, error) {
	var code []instr
	res, err := c.emitExpr(e, &code)
	return vexpr{code, res}, err
}

func isConst(o operand) bool { return o.kind == kConst }

func (c *compiler) emitExpr(e ir.Expr, code *[]instr) (operand, error) {
	switch e := e.(type) {
	case nil:
		return constOp(0), nil
	case *ir.Const:
		return constOp(e.Value), nil
	case *ir.Ref:
		if e.Idx != nil {
			return c.gather(e, code)
		}
		return c.ref(e)
	case *ir.Unary:
		x, err := c.emitExpr(e.X, code)
		if err != nil {
			return operand{}, err
		}
		switch e.Op {
		case "-":
			return c.unary(opNeg, nil, x, code), nil
		case "not":
			return c.unary(opNot, nil, x, code), nil
		case "~":
			return c.unary(opFunc1, func(v float64) float64 { return float64(^int64(v)) }, x, code), nil
		}
		return operand{}, fmt.Errorf("unknown unary operator %s", e.Op)
	case *ir.Binary:
		if (e.Op == "and" || e.Op == "or") && hasRandom(e.R) {
			return c.shortCircuit(e, code)
		}
		l, err := c.emitExpr(e.L, code)
		if err != nil {
			return operand{}, err
		}
		r, err := c.emitExpr(e.R, code)
		if err != nil {
			return operand{}, err
		}
		op, f2, err := binaryOp(e.Op, e.Int)
		if err != nil {
			return operand{}, err
		}
		return c.binary(op, f2, l, r, code), nil
	case *ir.Cond:
		if hasRandom(e.Then) || hasRandom(e.Else) {
			return c.condBranch(e, code)
		}
		cc, err := c.emitExpr(e.C, code)
		if err != nil {
			return operand{}, err
		}
		a, err := c.emitExpr(e.Then, code)
		if err != nil {
			return operand{}, err
		}
		b, err := c.emitExpr(e.Else, code)
		if err != nil {
			return operand{}, err
		}
		if isConst(cc) {
			if cc.val != 0 {
				c.release(b)
				return a, nil
			}
			c.release(a)
			return b, nil
		}
		return c.emit3(opSelect, cc, a, b, code), nil
	case *ir.Call:
		args := make([]operand, len(e.Args))
		for k, a := range e.Args {
			o, err := c.emitExpr(a, code)
			if err != nil {
				return operand{}, err
			}
			args[k] = o
		}
		return c.call(e.Fn, args, code)
	}
	return operand{}, fmt.Errorf("unknown expression %T", e)
}

func hasRandom(e ir.Expr) bool {
	switch e := e.(type) {
	case *ir.Unary:
		return hasRandom(e.X)
	case *ir.Binary:
		return hasRandom(e.L) || hasRandom(e.R)
	case *ir.Cond:
		return hasRandom(e.C) || hasRandom(e.Then) || hasRandom(e.Else)
	case *ir.Call:
		switch e.Fn {
		case "random_normal", "random_uniform", "random_poisson":
			return true
		}
		for _, a := range e.Args {
			if hasRandom(a) {
				return true
			}
		}
	}
	return false
}

func binaryOp(op string, isInt bool) (opcode, func(float64, float64) float64, error) {
	switch op {
	case "+":
		return opAdd, nil, nil
	case "-":
		return opSub, nil, nil
	case "*":
		return opMul, nil, nil
	case "/":
		return opDiv, nil, nil
	case "**":
		return opPow, nil, nil
	case "<":
		return opLt, nil, nil
	case "<=":
		return opLe, nil, nil
	case ">":
		return opGt, nil, nil
	case ">=":
		return opGe, nil, nil
	case "==":
		return opEq, nil, nil
	case "!=":
		return opNe, nil, nil
	case "and":
		return opAnd, nil, nil
	case "or":
		return opOr, nil, nil
	case "//":
		if isInt {
			return opFunc2, func(l, r float64) float64 {
				d := int64(r)
				if d == 0 {
					return math.NaN()
				}
				return float64(int64(l) / d)
			}, nil
		}
		return opFunc2, func(l, r float64) float64 { return math.Trunc(l / r) }, nil
	case "%":
		return opFunc2, func(l, r float64) float64 {
			d := int64(r)
			if d == 0 {
				return math.NaN()
			}
			return float64(int64(l) % d)
		}, nil
	case "&":
		return opFunc2, func(l, r float64) float64 { return float64(int64(l) & int64(r)) }, nil
	case "|":
		return opFunc2, func(l, r float64) float64 { return float64(int64(l) | int64(r)) }, nil
	case "^":
		return opFunc2, func(l, r float64) float64 { return float64(int64(l) ^ int64(r)) }, nil
	case "<<":
		return opFunc2, func(l, r float64) float64 { return float64(int64(l) << uint64(r)) }, nil
	case ">>":
		return opFunc2, func(l, r float64) float64 { return float64(int64(l) >> uint64(r)) }, nil
	}
	return 0, nil, fmt.Errorf("unknown operator %s", op)
}

// negated reports whether o is the result of the last instruction of
// code, a negation used nowhere else, and then drops that instruction and
// returns its operand.
func (c *compiler) negated(o operand, code *[]instr) (operand, bool) {
	n := len(*code)
	if o.kind != kReg || n == 0 {
		return operand{}, false
	}
	if c.fresh {
		// registers are never reused here, and the negation may be shared
		// through the memo: read through it and let deadCode drop it
		for k := n - 1; k >= 0; k-- {
			if in := (*code)[k]; in.dst == o.idx {
				if in.op == opNeg {
					return in.a, true
				}
				break
			}
		}
		return operand{}, false
	}
	last := (*code)[n-1]
	if last.op != opNeg || last.dst != o.idx {
		return operand{}, false
	}
	*code = (*code)[:n-1]
	return last.a, true
}

// unary emits d = op x; name identifies f1 for common-subexpression
// elimination ("" = never shared).
func (c *compiler) unary(op opcode, f1 func(float64) float64, x operand, code *[]instr, name ...string) operand {
	if isConst(x) {
		if op == opFunc1 {
			return constOp(f1(x.val))
		}
		return constOp(scalarUnary(op, x.val))
	}
	key := ""
	if op != opFunc1 || len(name) > 0 {
		key = fmt.Sprint("u", op, name, opKey(x))
		if o, ok := c.cse(key); ok {
			return o
		}
	}
	c.release(x)
	d := c.alloc()
	in := instr{op: op, dst: d, a: x, f1: f1}
	if len(name) > 0 {
		in.name = name[0]
	}
	*code = append(*code, in)
	o := operand{kind: kReg, idx: d}
	if key != "" {
		c.remember(key, o)
	}
	return o
}

func (c *compiler) binary(op opcode, f2 func(float64, float64) float64, l, r operand, code *[]instr) operand {
	// IEEE 754 defines x − y as x + (−y): adding a negation is the
	// subtraction, bit for bit, and needs no instruction for the negation
	if op == opAdd {
		if nr, ok := c.negated(r, code); ok {
			op, r = opSub, nr
		} else if nl, ok := c.negated(l, code); ok {
			op, l, r = opSub, r, nl
		}
	}
	if isConst(l) && isConst(r) {
		if op == opFunc2 {
			return constOp(f2(l.val, r.val))
		}
		return constOp(scalarBinary(op, l.val, r.val))
	}
	if op == opPow && isConst(r) && (r.val == 2 || r.val == 3 || r.val == 4) {
		op = opPowI
	}
	key := ""
	if op != opFunc2 {
		key = fmt.Sprint("b", op, opKey(l), opKey(r))
		if o, ok := c.cse(key); ok {
			return o
		}
	}
	c.release(l)
	c.release(r)
	d := c.alloc()
	*code = append(*code, instr{op: op, dst: d, a: l, b: r, f2: f2})
	o := operand{kind: kReg, idx: d}
	if key != "" {
		c.remember(key, o)
	}
	return o
}

func (c *compiler) emit3(op opcode, a, b, cc operand, code *[]instr) operand {
	key := fmt.Sprint("t", op, opKey(a), opKey(b), opKey(cc))
	if o, ok := c.cse(key); ok {
		return o
	}
	c.release(a)
	c.release(b)
	c.release(cc)
	d := c.alloc()
	*code = append(*code, instr{op: op, dst: d, a: a, b: b, c: cc})
	return c.remember(key, operand{kind: kReg, idx: d})
}

// condBranch compiles C ? Then : Else where a branch draws random numbers.
func (c *compiler) condBranch(e *ir.Cond, code *[]instr) (operand, error) {
	c.impure = true
	cond, err := c.expr(e.C)
	if err != nil {
		return operand{}, err
	}
	d := c.alloc()
	c.release(cond.res)
	th, err := c.expr(e.Then)
	if err != nil {
		return operand{}, err
	}
	c.release(th.res)
	el, err := c.expr(e.Else)
	if err != nil {
		return operand{}, err
	}
	c.release(el.res)
	*code = append(*code, instr{op: opBranch, dst: d, br: &branch{cond: cond, then: th, els: el}})
	return operand{kind: kReg, idx: d}, nil
}

// shortCircuit compiles `l and r` / `l or r` whose right side draws random
// numbers: r is evaluated only where the scalar interpreter evaluated it.
func (c *compiler) shortCircuit(e *ir.Binary, code *[]instr) (operand, error) {
	c.impure = true
	l, err := c.expr(e.L)
	if err != nil {
		return operand{}, err
	}
	d := c.alloc()
	c.release(l.res)
	r, err := c.expr(e.R)
	if err != nil {
		return operand{}, err
	}
	c.release(r.res)
	*code = append(*code, instr{op: opBranch, dst: d, br: &branch{cond: l, andOrRight: r, isAnd: e.Op == "and", isOr: e.Op == "or"}})
	return operand{kind: kReg, idx: d}, nil
}

func (c *compiler) call(fn string, a []operand, code *[]instr) (operand, error) {
	one := func(f func(float64) float64) (operand, error) {
		if len(a) != 1 {
			return operand{}, fmt.Errorf("%s takes 1 argument", fn)
		}
		return c.unary(opFunc1, f, a[0], code, fn), nil
	}
	if f, ok := sym.Func1[fn]; ok && fn != "exp" { // exp has its own opcode
		return one(f)
	}
	switch fn {
	case "exp":
		if len(a) != 1 {
			return operand{}, fmt.Errorf("%s takes 1 argument", fn)
		}
		return c.unary(opExp, nil, a[0], code), nil
	case "min", "max", "pow":
		if len(a) != 2 {
			return operand{}, fmt.Errorf("%s takes 2 arguments", fn)
		}
		op := map[string]opcode{"min": opMin, "max": opMax, "pow": opPow}[fn]
		return c.binary(op, nil, a[0], a[1], code), nil
	case "random_normal", "random_uniform":
		if len(a) != 2 {
			return operand{}, fmt.Errorf("%s takes 2 arguments", fn)
		}
		c.impure = true
		op := opRandNormal
		if fn == "random_uniform" {
			op = opRandUniform
		}
		c.release(a[0])
		c.release(a[1])
		d := c.alloc()
		*code = append(*code, instr{op: op, dst: d, a: a[0], b: a[1]})
		return operand{kind: kReg, idx: d}, nil
	case "random_poisson":
		if len(a) != 1 {
			return operand{}, fmt.Errorf("random_poisson takes 1 argument")
		}
		c.impure = true
		c.release(a[0])
		d := c.alloc()
		*code = append(*code, instr{op: opRandPoisson, dst: d, a: a[0]})
		return operand{kind: kReg, idx: d}, nil
	case "clip":
		if len(a) != 3 {
			return operand{}, fmt.Errorf("clip takes 3 arguments")
		}
		if isConst(a[0]) && isConst(a[1]) && isConst(a[2]) {
			return constOp(math.Min(math.Max(a[0].val, a[1].val), a[2].val)), nil
		}
		return c.emit3(opClip, a[0], a[1], a[2], code), nil
	}
	return operand{}, fmt.Errorf("function %s is not supported by the simulator", fn)
}

// statements

type vAssign struct {
	target operand // kCol (state) or kReg (local)
	op     opcode  // opCopy for "="
	val    vexpr
	asInt  bool
}

type vIf struct {
	cond      *vcond
	then, els []vstmt
}

type vWhile struct {
	cond *vcond
	body []vstmt
}

type vFor struct {
	v        operand
	from, to vexpr
	step     float64
	body     []vstmt
}

type vEmit struct{}

type vPrint struct {
	format  string
	names   []string
	args    []vexpr
	newline bool
}

func (c *compiler) stmts(ss []ir.Stmt) ([]vstmt, error) {
	var out []vstmt
	for _, s := range ss {
		v, err := c.stmt(s)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (c *compiler) target(r *ir.Ref) (operand, error) {
	switch r.Kind {
	case ir.KState:
		return operand{kind: kCol, col: c.p.state[r.Index]}, nil
	case ir.KLocal:
		return operand{kind: kReg, idx: c.localReg(r.Index)}, nil
	}
	return operand{}, fmt.Errorf("cannot assign to %s", r.Name)
}

func (c *compiler) stmt(s ir.Stmt) (vstmt, error) {
	switch s := s.(type) {
	case *ir.Assign:
		if s.Target.Idx != nil {
			return c.assignIdx(s)
		}
		t, err := c.target(s.Target)
		if err != nil {
			return nil, err
		}
		val, err := c.expr(s.Value)
		if err != nil {
			return nil, err
		}
		c.release(val.res)
		op := map[string]opcode{"=": opCopy, "+=": opAdd, "-=": opSub, "*=": opMul, "/=": opDiv}[s.Op]
		if op == 0 {
			return nil, fmt.Errorf("unknown assignment %s", s.Op)
		}
		asInt := s.Target.Kind == ir.KState && c.m.State[s.Target.Index].Type == ir.Integer
		return &vAssign{t, op, val, asInt}, nil
	case *ir.Declare:
		val, err := c.expr(s.Init)
		if err != nil {
			return nil, err
		}
		c.release(val.res)
		return &vAssign{operand{kind: kReg, idx: c.localReg(s.Var.Index)}, opCopy, val, false}, nil
	case *ir.If:
		cond, err := c.cond(s.Cond)
		if err != nil {
			return nil, err
		}
		th, err := c.stmts(s.Then)
		if err != nil {
			return nil, err
		}
		el, err := c.stmts(s.Else)
		if err != nil {
			return nil, err
		}
		return &vIf{cond, th, el}, nil
	case *ir.While:
		cond, err := c.cond(s.Cond)
		if err != nil {
			return nil, err
		}
		body, err := c.stmts(s.Body)
		if err != nil {
			return nil, err
		}
		return &vWhile{cond, body}, nil
	case *ir.For:
		v, err := c.target(s.Var)
		if err != nil {
			return nil, err
		}
		from, err := c.expr(s.From)
		if err != nil {
			return nil, err
		}
		c.release(from.res)
		to, err := c.expr(s.To)
		if err != nil {
			return nil, err
		}
		c.release(to.res)
		body, err := c.stmts(s.Body)
		if err != nil {
			return nil, err
		}
		return &vFor{v, from, to, s.Step, body}, nil
	case *ir.IntegrateODEs:
		return c.integrate(s.Vars)
	case *ir.EmitSpike:
		return vEmit{}, nil
	case *ir.Print:
		c.prints = true
		ps := &vPrint{format: s.Format, names: s.Names, newline: s.Newline}
		for _, a := range s.Args {
			e, err := c.expr(a)
			if err != nil {
				return nil, err
			}
			// the argument registers stay reserved: all are read after all
			// are evaluated
			ps.args = append(ps.args, e)
		}
		for _, a := range ps.args {
			c.release(a.res)
		}
		return ps, nil
	}
	return nil, fmt.Errorf("unknown statement %T", s)
}

// powInt returns math.Pow(x, n) for n = 2, 3, 4, bit for bit, faster:
// math.Pow multiplies by repeated squaring on the mantissa with exact
// power-of-two rescaling, so for results in the normal range it equals
// x·x, x·(x·x) and (x·x)·(x·x) rounded once per product
// (TestPowIntMatchesMathPow); elsewhere it calls math.Pow.
func powInt(x float64, n int) float64 {
	if ax := math.Abs(x); !(ax >= 1e-70 && ax <= 1e70) {
		return math.Pow(x, float64(n))
	}
	x2 := float64(x * x)
	switch n {
	case 2:
		return x2
	case 3:
		return float64(x * x2)
	}
	return float64(x2 * x2)
}

// deadCode removes the instructions whose results nothing reads (code in
// which every instruction has a register of its own).
func deadCode(code []instr, results []operand) []instr {
	live := map[int32]bool{}
	mark := func(o operand) {
		if o.kind == kReg {
			live[o.idx] = true
		}
	}
	for _, r := range results {
		mark(r)
	}
	keep := make([]bool, len(code))
	for k := len(code) - 1; k >= 0; k-- {
		in := &code[k]
		if !live[in.dst] && in.br == nil && in.op != opRandNormal && in.op != opRandUniform && in.op != opRandPoisson {
			continue
		}
		keep[k] = true
		mark(in.a)
		mark(in.b)
		mark(in.c)
		if in.br != nil {
			return code // branches read registers of their own code: keep all
		}
	}
	out := code[:0:0]
	for k, in := range code {
		if keep[k] {
			out = append(out, in)
		}
	}
	return out
}
