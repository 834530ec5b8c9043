package sim

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unsafe"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/sim/native"
)

// Fused native step kernels (docs/decisions/0005-native-rkf45-kernels.md,
// "Addendum: fused step kernels").
//
// The Go engine runs a population's step as several passes over each chunk
// of neurons (steps 3–8 of runChunk: convolution states, update, onReceive
// handlers, convolution states again, spike jumps, onCondition handlers),
// one instruction at a time. With native kernels on, a population whose
// program can be expressed in C gets one generated C function instead that
// does all of it for one neuron after the other, in one pass over the
// neurons of a job, with every value of a neuron in registers. It is
// generated from the same compiled program the Go engine runs (compiled
// without broadcasting, so that parameters are inputs): each lane of the
// vector program performs exactly the operations of the scalar interpreter
// for its neuron, so a loop over neurons that runs the program's
// statements in order per neuron performs them too — the same IEEE
// operations in the same order. Products and sums are rounded one by one
// (-ffp-contract=off); comparisons, min/max (Go's semantics), sqrt, abs,
// floor, ceil, round and trunc are exact in C as in Go. Results are
// therefore bit-identical to the Go engine unless the program calls an
// elementary function of the C library (exp, pow, log, …; analytic models
// call them only in their propagators, which are computed in Go).
//
// The kernel reads parameters and internals that are equal across the
// population, and the propagator coefficients, from an array of scalars;
// per-neuron values from columns; per-neuron propagators from a table in
// the scalars with a neuron → entry column. Its source depends on which
// columns are broadcast and on which propagator coefficients are zero
// (terms the Go engine skips), not on the values: one compiled kernel
// serves every parameter set of that shape. Branches become selects and
// the loop over neurons runs in vector registers where the statements allow
// (native_step.c.tmpl), which changes no value. The Go side keeps spike delivery, the
// generators, emission bookkeeping, recording, the clearing of the ring
// slot and the latching of continuous input (runJob, runStep).
//
// Column windows cross the cgo boundary as call arguments (native.Step),
// never stored in memory passed to C; a call needs no allocation.

//go:embed native_step.c.tmpl
var stepTemplate string

const stepSymbol = "nk_step"

// stepSlot is a column argument of a step kernel: a population column, or
// (col nil) this step's summed spike weights of a port.
type stepSlot struct {
	col  []float64
	port int
}

// stepKernel is the compiled fused step of a population.
type stepKernel struct {
	k     *native.Kernel
	cols  []stepSlot
	flags []int     // the spike port of each flag argument
	scal  []float64 // the scalar inputs
	exact bool      // no C library function: bit-identical to the Go engine
	// a step with a numeric part (native_step_num.go): the addresses of
	// its RKF45 kernels, and the numeric system (failure messages)
	fns []uint64
	ni  *numInfo
}

// stepBuf holds a worker's arguments of a step-kernel call.
type stepBuf struct {
	cols  [][]float64
	flags [][]uint8
	emit  []uint64 // spike counts (uint16), four per word
	fail  [native.StepFailLen]float64
}

// errStepNumeric marks programs with a numeric part (not fused).
var errStepNumeric = errors.New("the model has a numeric (ODE solver) part")

// attachSteps builds the step kernels of the populations when native
// kernels are on; the reasons why a population keeps the Go engine are
// kept in r.stepErr.
func (r *runState) attachSteps(n *Network) {
	r.steps, r.stepErr = nil, nil
	if !n.native {
		return
	}
	r.steps = map[*Population]*stepKernel{}
	r.stepErr = map[*Population]error{}
	for _, p := range n.pops {
		k, err := p.buildStep()
		if err != nil {
			r.stepErr[p] = err
			continue
		}
		r.steps[p] = k
	}
	for _, j := range r.jobs {
		j.step = r.steps[j.p]
	}
}

// stepStatus is p's line of NativeStatus for a model without a numeric
// system: whether its step runs as a fused kernel, or why not ("" before
// the first simulation).
func (r *runState) stepStatus(p *Population) string {
	if r == nil || r.steps == nil {
		return ""
	}
	switch k := r.steps[p]; {
	case k != nil && k.exact:
		return fmt.Sprintf("%s: fused step kernel\n", p.Model.Name)
	case k != nil:
		return fmt.Sprintf("%s: fused step kernel (elementary functions of the C library)\n", p.Model.Name)
	}
	if err := r.stepErr[p]; err != nil {
		return fmt.Sprintf("%s: step in the Go engine (%v)\n", p.Model.Name, err)
	}
	return ""
}

// buildStep generates, compiles and loads the step kernel of p.
func (p *Population) buildStep() (*stepKernel, error) {
	m := p.Model
	if len(m.Vectors) > 0 {
		return nil, errors.New("vectors are not fused yet")
	}
	gp, err := compileProgramBroadcast(p, false)
	if err != nil {
		return nil, err
	}
	switch {
	case gp.oneJob:
		return nil, errors.New("the model draws random numbers")
	case gp.laneByLane:
		return nil, errors.New("the model prints")
	case m.Numeric != nil || gp.numeric != nil || len(gp.rhs) > 0:
		return p.buildStepNumeric(gp) // native_step_num.go
	}
	g := newStepGen(p)
	src, err := g.source(gp)
	if err != nil {
		return nil, err
	}
	return g.compile(src)
}

// compile compiles and loads the generated step kernel src, whose arguments
// g has collected.
func (g *stepGen) compile(src string) (*stepKernel, error) {
	if len(g.slots) > native.StepMaxCols || len(g.flagPorts) > native.StepMaxFlags {
		return nil, fmt.Errorf("more than %d columns or %d spike ports", native.StepMaxCols, native.StepMaxFlags)
	}
	k, err := native.Load(src, stepSymbol)
	if err != nil {
		return nil, err
	}
	return &stepKernel{k: k, cols: g.slots, flags: g.flagPorts, scal: g.scal, exact: g.exact}, nil
}

// runStep is step 3 of runJob for a population with a step kernel: the
// kernel updates the neurons of the job in one call; then the emitted
// spikes are collected, this step's ring slot cleared and continuous input
// latched, as runChunk does.
func (n *Network) runStep(r *runState, w *worker, j *job) {
	p, sk := j.p, j.step
	lo, hi := j.lo, j.hi
	m := hi - lo
	if m <= 0 {
		return
	}
	slot := int(r.step%int64(n.ringLen)) * p.N
	b := &w.step
	b.cols, b.flags = b.cols[:0], b.flags[:0]
	for _, s := range sk.cols {
		if s.col == nil {
			b.cols = append(b.cols, p.spikeRing[s.port][slot+lo:slot+hi])
		} else {
			b.cols = append(b.cols, s.col[lo:hi])
		}
	}
	for _, port := range sk.flags {
		b.flags = append(b.flags, p.flagRing[port][slot+lo:slot+hi])
	}
	if len(b.emit) < (m+3)/4 {
		b.emit = make([]uint64, (m+3)/4)
	}
	// the counts are read four at a time (most are zero)
	words := b.emit[:(m+3)/4]
	emit := unsafe.Slice((*uint16)(unsafe.Pointer(&words[0])), 4*len(words))[:m]
	// the kernel returns how many neurons emitted: the scan stops after
	// the last of them
	var spiking int
	if sk.fns == nil {
		spiking = sk.k.Step(m, n.timeEnd(), sk.scal, b.cols, b.flags, emit)
	} else {
		spiking = sk.k.StepNumeric(m, n.timeEnd(), sk.scal, b.cols, b.flags, emit, sk.fns, b.fail[:])
		if f := b.fail[:]; f[0] == -2 {
			j.err = fmt.Errorf("%s: the fused step kernel is out of memory", p.Model.Name)
		} else if f[0] >= 0 {
			// the lowest failing neuron of the job, as runChunk reports it
			lane := lo + int(f[0])
			j.err, j.errLane = laneError(p, lane, nativeFailure(sk.ni, n.h, int(f[1]), f[2:6])), lane
		}
	}
	for wi := 0; spiking > 0 && wi < len(words); wi++ {
		if words[wi] == 0 {
			continue
		}
		for i := 4 * wi; i < min(4*wi+4, m); i++ {
			cnt := emit[i]
			if cnt == 0 {
				continue
			}
			spiking--
			id := int32(p.first + lo + i)
			for ; cnt > 0; cnt-- {
				j.emitted = append(j.emitted, id)
			}
		}
	}
	for k, used := range p.spikeUsed {
		if used {
			clear(p.spikeRing[k][slot+lo : slot+hi])
			clear(p.flagRing[k][slot+lo : slot+hi])
		}
	}
	if p.contUsed {
		for k, ring := range p.contRing {
			win := ring[slot+lo : slot+hi]
			copy(p.contIn[k][lo:hi], win)
			clear(win)
		}
	}
}

// stepGen translates a program into the C of a step kernel.
type stepGen struct {
	p          *Population
	homP, homI []bool
	colOf      map[*float64]ir.Ref // column → (kind, index)
	slots      []stepSlot
	slotOf     map[string]int
	flagPorts  []int
	flagOf     map[int]int
	scal       []float64
	pre        strings.Builder // before the loop: column pointers, scalars
	load       strings.Builder // per neuron, before the body
	flagBuf    strings.Builder // per block: the flags widened to doubles
	flagCopy   strings.Builder
	body       strings.Builder
	store      strings.Builder // per neuron, after the body
	loaded     map[string]bool
	tables     map[*blockProp]string // per-neuron propagator tables
	written    map[int]bool          // state variables assigned
	ind        int
	ntmp       int
	exact      bool
	// phased: the program has a numeric part and is generated in phases
	// separated by its integrations (native_step_num.go)
	phased   bool
	phase    int
	regPhase map[int32]uint64 // phases (bits) in which a register occurs
	term     bool             // the statements generated last end the phase on every path
	num      *numGen
}

func newStepGen(p *Population) *stepGen {
	g := &stepGen{p: p, colOf: map[*float64]ir.Ref{}, slotOf: map[string]int{}, flagOf: map[int]int{},
		loaded: map[string]bool{}, tables: map[*blockProp]string{}, written: map[int]bool{}, ind: 2, exact: true}
	g.homP, g.homI = homogeneous(p.params), homogeneous(p.internals)
	for _, set := range []struct {
		kind ir.VarKind
		cols [][]float64
	}{{ir.KParam, p.params}, {ir.KState, p.state}, {ir.KInternal, p.internals}, {ir.KContPort, p.contIn}} {
		for k, c := range set.cols {
			if len(c) > 0 {
				g.colOf[unsafe.SliceData(c)] = ir.Ref{Kind: set.kind, Index: k}
			}
		}
	}
	return g
}

func (g *stepGen) line(format string, a ...any) {
	g.body.WriteString(strings.Repeat("\t", g.ind))
	fmt.Fprintf(&g.body, format, a...)
	g.body.WriteByte('\n')
}

func (g *stepGen) tmp(prefix string) string {
	g.ntmp++
	return fmt.Sprintf("%s%d", prefix, g.ntmp)
}

// slot returns the pointer name of a column argument.
func (g *stepGen) slot(key string, s stepSlot) string {
	k, ok := g.slotOf[key]
	if !ok {
		k = len(g.slots)
		g.slotOf[key] = k
		g.slots = append(g.slots, s)
		fmt.Fprintf(&g.pre, "\tdouble *restrict c%d = D[%d];\n", k, k)
	}
	return fmt.Sprintf("c%d", k)
}

// scalar returns the name of a scalar input with value v.
func (g *stepGen) scalar(v float64) string {
	k := len(g.scal)
	g.scal = append(g.scal, v)
	fmt.Fprintf(&g.pre, "\tconst double S%d = S[%d];\n", k, k)
	return fmt.Sprintf("S%d", k)
}

// perNeuron returns the local holding a column's value of the neuron
// (loaded at its start; state is stored back at its end when assigned).
func (g *stepGen) perNeuron(name, key string, s stepSlot, state bool) string {
	if !g.loaded[name] {
		g.loaded[name] = true
		c := g.slot(key, s)
		if state {
			fmt.Fprintf(&g.load, "\t\tdouble %s = %s[i];\n", name, c)
		} else {
			fmt.Fprintf(&g.load, "\t\tconst double %s = %s[i];\n", name, c)
		}
	}
	return name
}

// column returns the C expression of a column operand.
func (g *stepGen) column(col []float64) (string, error) {
	if len(col) == 0 {
		return "", errors.New("internal: empty column")
	}
	ref, ok := g.colOf[unsafe.SliceData(col)]
	if !ok {
		return "", errors.New("a column of an unsupported kind")
	}
	k := ref.Index
	key := fmt.Sprintf("%d:%d", ref.Kind, k)
	p := g.p
	switch ref.Kind {
	case ir.KState:
		return g.perNeuron(fmt.Sprintf("s%d", k), key, stepSlot{col: p.state[k]}, true), nil
	case ir.KParam:
		if g.homP[k] {
			return g.shared(fmt.Sprintf("P%d", k), p.params[k][0]), nil
		}
		return g.perNeuron(fmt.Sprintf("p%d", k), key, stepSlot{col: p.params[k]}, false), nil
	case ir.KInternal:
		if g.homI[k] {
			return g.shared(fmt.Sprintf("I%d", k), p.internals[k][0]), nil
		}
		return g.perNeuron(fmt.Sprintf("q%d", k), key, stepSlot{col: p.internals[k]}, false), nil
	case ir.KContPort:
		return g.perNeuron(fmt.Sprintf("u%d", k), key, stepSlot{col: p.contIn[k]}, false), nil
	}
	return "", errors.New("a column of an unsupported kind")
}

// shared returns the local name of a value equal across the population
// (a parameter or internal), read once from the scalars before the loop.
func (g *stepGen) shared(name string, v float64) string {
	if !g.loaded[name] {
		g.loaded[name] = true
		fmt.Fprintf(&g.pre, "\tconst double %s = %s;\n", name, g.scalar(v))
	}
	return name
}

// state returns the local of the state column col, to be assigned.
func (g *stepGen) state(col []float64) (string, error) {
	ref, ok := g.colOf[unsafe.SliceData(col)]
	if !ok || ref.Kind != ir.KState {
		return "", errors.New("internal: assignment to a column that is not state")
	}
	name, err := g.column(col)
	if err == nil && !g.written[ref.Index] {
		g.written[ref.Index] = true
		fmt.Fprintf(&g.store, "\t\tc%d[i] = %s;\n", g.slotOf[fmt.Sprintf("%d:%d", ir.KState, ref.Index)], name)
	}
	return name, err
}

// spike returns this step's summed weight of a spike port (0 when nothing
// is connected to it, as the Go engine reads zeros).
func (g *stepGen) spike(port int) string {
	if port >= len(g.p.spikeUsed) || !g.p.spikeUsed[port] {
		return "0.0"
	}
	return g.perNeuron(fmt.Sprintf("w%d", port), fmt.Sprintf("spike%d", port), stepSlot{port: port}, false)
}

// flag returns the "a spike arrived" flag of a (connected) port.
func (g *stepGen) flag(port int) string {
	name := fmt.Sprintf("fl%d", port)
	if !g.loaded[name] {
		g.loaded[name] = true
		k := len(g.flagPorts)
		g.flagOf[port] = k
		g.flagPorts = append(g.flagPorts, port)
		fmt.Fprintf(&g.pre, "\tconst uint8_t *restrict f%d = F[%d];\n", k, k)
		if g.phased { // no blocks: read where needed
			fmt.Fprintf(&g.load, "\t\tconst double %s = (double)f%d[i];\n", name, k)
			return name
		}
		fmt.Fprintf(&g.flagBuf, "\tdouble flb%d[NK_BLOCK];\n", k)
		fmt.Fprintf(&g.flagCopy, "\t\tfor (int32_t j = 0; j < nb; j++) flb%d[j] = (double)f%d[b + j];\n", k, k)
		fmt.Fprintf(&g.load, "\t\tconst double %s = flb%d[j];\n", name, k)
	}
	return name
}

func (g *stepGen) opnd(o operand) (string, error) {
	switch o.kind {
	case kReg:
		g.useReg(o.idx)
		return fmt.Sprintf("r%d", o.idx), nil
	case kConst:
		return cFloat(o.val), nil
	case kTime:
		return "t_end", nil
	case kSpike:
		return g.spike(int(o.idx)), nil
	case kCol:
		return g.column(o.col)
	}
	return "", fmt.Errorf("operand kind %d has no C form", o.kind)
}

// exactFunc1 are the functions whose C form is exact, as Go's.
var exactFunc1 = map[string]bool{"sqrt": true, "abs": true, "ceil": true, "floor": true, "round": true}

// code translates straight-line instructions.
func (g *stepGen) code(code []instr) error {
	for k := range code {
		in := &code[k]
		a, err := g.opnd(in.a)
		if err != nil {
			return err
		}
		var e string
		switch op := in.op; {
		case isGenBinary(op):
			b, err := g.opnd(in.b)
			if err != nil {
				return err
			}
			if op == opPow {
				g.exact = false
			}
			e = fmt.Sprintf(cBinary[op], a, b)
		case op == opNeg:
			e = "(-" + a + ")"
		case op == opNot:
			e = "(double)(" + a + " == 0)"
		case op == opExp:
			g.exact = false
			e = "exp(" + a + ")"
		case op == opFunc1:
			f, ok := cFunc1[in.name]
			if !ok {
				return fmt.Errorf("operation %q has no C form", in.name)
			}
			if !exactFunc1[in.name] {
				g.exact = false
			}
			e = f + "(" + a + ")"
		case op == opCopy:
			e = a
		case op == opPowI:
			e = fmt.Sprintf("pow_int(%s, %d)", a, int(in.b.val))
		case op == opSelect, op == opClip:
			b, err := g.opnd(in.b)
			if err != nil {
				return err
			}
			c, err := g.opnd(in.c)
			if err != nil {
				return err
			}
			if op == opSelect {
				e = fmt.Sprintf("(%s != 0 ? %s : %s)", a, b, c)
			} else {
				e = fmt.Sprintf("go_min(go_max(%s, %s), %s)", a, b, c)
			}
		case op == opFunc2:
			return errors.New("integer and bitwise operators (//, %, &, |, ^, <<, >>) have no C form yet")
		default:
			return fmt.Errorf("operation %d has no C form", op)
		}
		g.useReg(in.dst)
		g.line("r%d = %s;", in.dst, e)
	}
	return nil
}

var cCmp = map[opcode]string{opLt: "<", opLe: "<=", opGt: ">", opGe: ">=", opEq: "==", opNe: "!="}

// cond translates a condition into statements that set an int local, and
// returns its name; the right side of `and` runs only where the left
// holds, as in the Go engine.
func (g *stepGen) cond(vc *vcond) (string, error) {
	k := g.tmp("k")
	switch vc.kind {
	case condCmp:
		if err := g.code(vc.pre); err != nil {
			return "", err
		}
		a, err := g.opnd(vc.a)
		if err != nil {
			return "", err
		}
		b, err := g.opnd(vc.b)
		if err != nil {
			return "", err
		}
		op, ok := cCmp[vc.op]
		if !ok {
			return "", fmt.Errorf("comparison %d has no C form", vc.op)
		}
		g.line("const int %s = (%s %s %s);", k, a, op, b)
	case condAnd:
		l, err := g.cond(vc.l)
		if err != nil {
			return "", err
		}
		g.line("int %s = %s;", k, l)
		g.line("if (%s) {", k)
		g.ind++
		r, err := g.cond(vc.r)
		if err != nil {
			return "", err
		}
		g.line("%s = %s;", k, r)
		g.ind--
		g.line("}")
	default:
		if err := g.code(vc.pre); err != nil {
			return "", err
		}
		v, err := g.opnd(vc.res)
		if err != nil {
			return "", err
		}
		g.line("const int %s = (%s != 0);", k, v)
	}
	return k, nil
}

// target returns the C lvalue of an assignment target.
func (g *stepGen) target(o operand) (string, error) {
	switch o.kind {
	case kReg:
		g.useReg(o.idx)
		return fmt.Sprintf("r%d", o.idx), nil
	case kCol:
		return g.state(o.col)
	}
	return "", fmt.Errorf("cannot assign to operand kind %d", o.kind)
}

var cAssignOp = map[opcode]string{opAdd: "+", opSub: "-", opMul: "*", opDiv: "/"}

func (g *stepGen) block(ss []vstmt) error {
	g.ind++
	err := g.stmts(ss)
	g.ind--
	return err
}

// stmts translates statements; in a phased program it stops after a
// statement that ends the phase on every path (an integration).
func (g *stepGen) stmts(ss []vstmt) error {
	g.term = false
	for _, s := range ss {
		if err := g.stmt(s); err != nil {
			return err
		}
		if g.term {
			return nil
		}
	}
	return nil
}

func (g *stepGen) stmt(s vstmt) error {
	switch s := s.(type) {
	case *vAssign:
		if err := g.code(s.val.code); err != nil {
			return err
		}
		v, err := g.opnd(s.val.res)
		if err != nil {
			return err
		}
		t, err := g.target(s.target)
		if err != nil {
			return err
		}
		if s.op == opCopy {
			g.line("%s = %s;", t, v)
		} else {
			op, ok := cAssignOp[s.op]
			if !ok {
				return fmt.Errorf("assignment operator %d has no C form", s.op)
			}
			g.line("%s = %s %s %s;", t, t, op, v)
		}
		if s.asInt {
			g.line("%s = trunc(%s);", t, t)
		}
	case *vIf:
		k, err := g.cond(s.cond)
		if err != nil {
			return err
		}
		g.line("if (%s) {", k)
		if err := g.block(s.then); err != nil {
			return err
		}
		thenEnds := g.term
		g.term = false
		if len(s.els) > 0 {
			g.line("} else {")
			if err := g.block(s.els); err != nil {
				return err
			}
		}
		g.line("}")
		g.term = thenEnds && g.term && len(s.els) > 0
	case *vWhile:
		g.line("for (;;) {")
		g.ind++
		k, err := g.cond(s.cond)
		if err != nil {
			return err
		}
		g.line("if (!%s) break;", k)
		if err := g.stmts(s.body); err != nil {
			return err
		}
		g.ind--
		g.line("}")
	case *vFor:
		t, err := g.target(s.v)
		if err != nil {
			return err
		}
		if err := g.code(s.from.code); err != nil {
			return err
		}
		from, err := g.opnd(s.from.res)
		if err != nil {
			return err
		}
		g.line("%s = %s;", t, from)
		g.line("for (;;) {")
		g.ind++
		if err := g.code(s.to.code); err != nil {
			return err
		}
		to, err := g.opnd(s.to.res)
		if err != nil {
			return err
		}
		switch {
		case s.step > 0:
			g.line("if (!(%s <= %s)) break;", t, to)
		case s.step < 0:
			g.line("if (!(%s >= %s)) break;", t, to)
		default:
			g.line("break;")
		}
		if err := g.stmts(s.body); err != nil {
			return err
		}
		g.line("%s = %s + %s;", t, t, cFloat(s.step))
		g.ind--
		g.line("}")
	case vEmit:
		g.line("em = em + 1;")
	case *vIntegrate:
		return g.integrate(s)
	default:
		return fmt.Errorf("statement %T has no C form", s)
	}
	return nil
}

// rows computes the listed rows of an analytic block into new locals, with
// the terms and the order of the Go kernel the block uses (rowGroup.small
// or rowGroup.passes), and returns their names.
func (g *stepGen) rows(grp *rowGroup) ([]string, error) {
	var ch []string
	for k := range grp.chans {
		if err := g.code(grp.chans[k].code); err != nil {
			return nil, err
		}
		v, err := g.opnd(grp.chans[k].res)
		if err != nil {
			return nil, err
		}
		name := g.tmp("ch")
		g.line("const double %s = %s;", name, v)
		ch = append(ch, name)
	}
	var st []string
	for _, col := range grp.st {
		s, err := g.column(col)
		if err != nil {
			return nil, err
		}
		st = append(st, s)
	}
	nv, m := grp.nv, grp.m
	if !grp.hom {
		return g.generic(grp, st, ch), nil
	}
	small := nv <= 3 && len(grp.chans) <= 1
	var out []string
	for _, r := range grp.rows {
		x := g.tmp("x")
		if small {
			// rowGroup.small: every coefficient of the block's variables,
			// the constant, the one channel (padding terms are +0 and
			// change no sum that starts from +0.0)
			g.line("double %s = 0.0;", x)
			for cc := 0; cc < nv; cc++ {
				g.line("%s = %s + (%s * %s);", x, x, g.scalar(grp.P[r*nv+cc]), st[cc])
			}
			g.line("%s = %s + %s;", x, x, g.scalar(grp.Q[r*m]))
			if m > 1 {
				g.line("%s = %s + (%s * %s);", x, x, g.scalar(grp.Q[r*m+1]), ch[0])
			}
		} else {
			// rowGroup.passes: the non-zero terms only
			started := false
			for cc := 0; cc < nv; cc++ {
				if pv := grp.P[r*nv+cc]; pv != 0 {
					if !started {
						g.line("double %s = 0.0 + (%s * %s);", x, g.scalar(pv), st[cc])
						started = true
					} else {
						g.line("%s = %s + (%s * %s);", x, x, g.scalar(pv), st[cc])
					}
				}
			}
			if !started {
				g.line("double %s = 0.0;", x)
			}
			if q := grp.Q[r*m]; q != 0 {
				g.line("%s = %s + %s;", x, x, g.scalar(q))
			}
			for k := range ch {
				if q := grp.Q[r*m+1+k]; q != 0 {
					g.line("%s = %s + (%s * %s);", x, x, g.scalar(q), ch[k])
				}
			}
		}
		out = append(out, x)
	}
	return out, nil
}

// generic is rows for per-neuron propagators (rowGroup.generic): the
// neuron's entry of the block's table, every term. The table is part of the
// scalars; the neuron → entry map is a column (entry numbers as float64).
func (g *stepGen) generic(grp *rowGroup, st, ch []string) []string {
	bp := grp.bp
	nv, m := grp.nv, grp.m
	stride := nv*nv + nv*m
	key := fmt.Sprintf("perN%p", bp)
	tab, ok := g.tables[bp]
	if !ok {
		tab = fmt.Sprintf("T%d", len(g.tables))
		g.tables[bp] = tab
		fmt.Fprintf(&g.pre, "\tconst double *const %s = S + %d;\n", tab, len(g.scal))
		for _, e := range bp.entries {
			g.scal = append(g.scal, e.p...)
			g.scal = append(g.scal, e.q...)
		}
		col := make([]float64, len(bp.perN))
		for i, e := range bp.perN {
			col[i] = float64(e)
		}
		c := g.slot(key, stepSlot{col: col})
		fmt.Fprintf(&g.load, "\t\tconst double *const %s_e = %s + %d * (int32_t)%s[i];\n", tab, tab, stride, c)
	}
	e := tab + "_e"
	var out []string
	for _, r := range grp.rows {
		x := g.tmp("x")
		g.line("double %s = 0.0;", x)
		for cc := 0; cc < nv; cc++ {
			g.line("%s = %s + (%s[%d] * %s);", x, x, e, r*nv+cc, st[cc])
		}
		g.line("%s = %s + %s[%d];", x, x, e, nv*nv+r*m)
		for k := range ch {
			g.line("%s = %s + (%s[%d] * %s);", x, x, e, nv*nv+r*m+1+k, ch[k])
		}
		out = append(out, x)
	}
	return out
}

func (g *stepGen) integrate(st *vIntegrate) error {
	if st.num != nil {
		if !g.phased {
			return errStepNumeric
		}
		return g.integrateNumeric(st)
	}
	var pending [][2]string // state local, new value
	for gi, grp := range st.groups {
		xs, err := g.rows(grp)
		if err != nil {
			return err
		}
		for k, x := range xs {
			s, err := g.state(st.dstCol[gi][k])
			if err != nil {
				return err
			}
			if st.direct {
				g.line("%s = %s;", s, x)
			} else {
				pending = append(pending, [2]string{s, x})
			}
		}
	}
	for _, a := range pending {
		g.line("%s = %s;", a[0], a[1])
	}
	return g.deltas(st)
}

// deltas emits the spike jumps of delta kernels that follow an
// integration.
func (g *stepGen) deltas(st *vIntegrate) error {
	for k := range st.deltas {
		d := &st.deltas[k]
		if err := g.code(d.coef.code); err != nil {
			return err
		}
		v, err := g.opnd(d.coef.res)
		if err != nil {
			return err
		}
		s, err := g.state(g.p.state[d.v])
		if err != nil {
			return err
		}
		g.line("%s = %s + (%s * %s);", s, s, g.spike(d.port), v)
	}
	return nil
}

// source translates the program into the kernel's C source.
func (g *stepGen) source(pr *program) (string, error) {
	p := g.p
	// 3. convolution states, first half
	var conv [][]string
	for _, grp := range pr.conv {
		xs, err := g.rows(grp)
		if err != nil {
			return "", err
		}
		conv = append(conv, xs)
	}
	// 4. update
	if err := g.stmts(pr.update); err != nil {
		return "", err
	}
	if err := g.tail(pr, conv); err != nil {
		return "", err
	}
	var body strings.Builder
	body.WriteString(g.load.String())
	body.WriteString("\t\tint64_t em = 0;\n")
	body.WriteString(regDecls(pr.nregs))
	body.WriteString(g.body.String())
	body.WriteString(g.store.String())
	// one more tab: the loop over neurons is inside the loop over blocks
	lines := strings.Split(strings.TrimRight(body.String(), "\n"), "\n")
	for k, l := range lines {
		lines[k] = "\t" + l
	}
	return strings.NewReplacer("@MODEL@", p.Model.Name, "@PRE@", strings.TrimRight(g.pre.String(), "\n"),
		"@FLAGBUF@", strings.TrimRight(g.flagBuf.String(), "\n"), "@FLAGCOPY@", strings.TrimRight(g.flagCopy.String(), "\n"),
		"@BODY@", strings.Join(lines, "\n")).Replace(stepTemplate), nil
}

// tail translates steps 5–8 of runChunk (onReceive handlers, convolution
// states from their new values conv, spike jumps, onCondition handlers).
func (g *stepGen) tail(pr *program, conv [][]string) error {
	p := g.p
	// 5. onReceive handlers of connected ports
	for _, h := range pr.recv {
		if h.size > 1 {
			return errors.New("vector ports are not fused yet")
		}
		if h.port >= len(p.spikeUsed) || !p.spikeUsed[h.port] {
			continue
		}
		fl := g.flag(h.port)
		if h.addTo != nil {
			s, err := g.state(h.addTo)
			if err != nil {
				return err
			}
			if g.phased {
				g.line("%s = nk_sel(%s != 0, %s + %s, %s);", s, fl, s, g.spike(h.port), s)
			} else {
				g.line("if (%s != 0) %s = %s + %s;", fl, s, s, g.spike(h.port))
			}
			continue
		}
		g.line("if (%s != 0) {", fl)
		if err := g.block(h.body); err != nil {
			return err
		}
		g.line("}")
	}
	// 6. convolution states, second half
	for gi, grp := range pr.conv {
		for k, row := range grp.rows {
			s, err := g.state(p.state[grp.bp.blk.Vars[row]])
			if err != nil {
				return err
			}
			g.line("%s = %s;", s, conv[gi][k])
		}
	}
	// 7. spike jumps where spikes arrived with a non-zero sum
	for k := range pr.jumps {
		jp := &pr.jumps[k]
		if jp.port >= len(p.spikeUsed) || !p.spikeUsed[jp.port] {
			continue
		}
		w := g.spike(jp.port)
		if g.phased && len(jp.coef.code) == 0 {
			// a select, not a branch on random spike arrivals (the
			// phases' loops are not vectorised; the same value; nk_sel
			// of native_step_num.c.tmpl)
			v, err := g.opnd(jp.coef.res)
			if err != nil {
				return err
			}
			s, err := g.state(p.state[jp.v])
			if err != nil {
				return err
			}
			g.line("%s = nk_sel(%s != 0, %s + (%s * %s), %s);", s, w, s, w, v, s)
			continue
		}
		g.line("if (%s != 0) {", w)
		g.ind++
		if err := g.code(jp.coef.code); err != nil {
			return err
		}
		v, err := g.opnd(jp.coef.res)
		if err != nil {
			return err
		}
		s, err := g.state(p.state[jp.v])
		if err != nil {
			return err
		}
		g.line("%s = %s + (%s * %s);", s, s, w, v)
		g.ind--
		g.line("}")
	}
	// 8. onCondition handlers
	for k := range pr.conds {
		h := &pr.conds[k]
		c, err := g.cond(h.cond)
		if err != nil {
			return err
		}
		g.line("if (%s) {", c)
		if err := g.block(h.body); err != nil {
			return err
		}
		g.line("}")
	}
	return nil
}

// regDecls declares the kernel's registers r0 … r(n-1), zeroed.
func regDecls(n int) string {
	if n == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\t\tdouble ")
	for r := 0; r < n; r++ {
		if r > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "r%d = 0", r)
	}
	b.WriteString(";\n")
	return b.String()
}
