package sim

import (
	_ "embed"
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"unsafe"

	"nestml_go/gocore/ir"
)

// Fused step kernels for models with a numeric part
// (docs/decisions/0005-native-rkf45-kernels.md, "Addendum: fused steps
// with a numeric part").
//
// The step of such a model is generated as in native_step.go, from the
// same compiled program, with its integrations (IntegrateODEs statements
// with a numeric system) as phase boundaries: phase 0 runs the convolution
// states and the update of every neuron up to the integration it reaches,
// which the neuron records (pc) before its values are stored; then, for
// each integration in program order, the neurons that reached it are
// gathered into the records of the model's RKF45 kernel (native.go,
// native_rkf45.c.tmpl: the same compiled kernel the Go engine calls per
// chunk, called here through its address), integrated, stored back, and
// continued from the statement after the integration to the next
// integration or to the end of the step (handlers, spike jumps,
// onCondition). Values that live across a boundary — the new values of
// convolution states, the analytic rows an integration computes before its
// numeric part and stores after it, registers (locals of the update block)
// used in more than one phase — are kept per neuron in scratch slots.
//
// Each neuron thus performs exactly the operations of the Go engine with
// native RKF45 kernels, in the same order: the kernel integrates each
// neuron by the same arithmetic whichever lane or call it lands in.
// Failures are reported as there: a failing neuron keeps its state, the
// lowest failing neuron of the job is named with rkf45's error, and a
// chunk of 256 neurons in which an integration failed skips the later
// integrations of the step, as runChunk does (c.err).
//
// Not fused (the Go engine runs the step around the native RKF45 kernel):
// an integration inside a loop or a handler, random numbers, print,
// vectors, or a numeric part without native kernels.

//go:embed native_step_num.c.tmpl
var stepNumTemplate string

// fuseNumeric turns the fusion of steps with a numeric part on (tests
// compare with the Go engine around the native RKF45 kernel).
var fuseNumeric = true

// pathElem locates a statement: list[idx].
type pathElem struct {
	list []vstmt
	idx  int
}

// numCall is one integration of a phased program.
type numCall struct {
	st   *vIntegrate
	id   int        // its phase, from 1
	path []pathElem // from the update block down to the statement
	pend [][]int    // per group, per row: the slot of the analytic row's new value
	nk   *nativeRKF45
}

// numGen is the state of a phased program's generation.
type numGen struct {
	calls  []*numCall
	byStmt map[*vIntegrate]*numCall
	nsp    int // scratch slots
}

func (n *numGen) slot() int {
	n.nsp++
	return n.nsp - 1
}

func (g *stepGen) useReg(r int32) {
	if g.phased {
		g.regPhase[r] |= 1 << uint(g.phase)
	}
}

// integrations lists the integrations of ss in program order with their
// paths; one inside a loop is an error.
func integrations(ss []vstmt, path []pathElem, inLoop bool, out *[]*numCall) error {
	for i, s := range ss {
		p := append(path[:len(path):len(path)], pathElem{ss, i})
		switch s := s.(type) {
		case *vIntegrate:
			if inLoop {
				return errors.New("integrate_odes inside a loop is not fused")
			}
			*out = append(*out, &numCall{st: s, path: p})
		case *vIf:
			if err := integrations(s.then, p, inLoop, out); err != nil {
				return err
			}
			if err := integrations(s.els, p, inLoop, out); err != nil {
				return err
			}
		case *vWhile:
			if err := integrations(s.body, p, true, out); err != nil {
				return err
			}
		case *vFor:
			if err := integrations(s.body, p, true, out); err != nil {
				return err
			}
		}
	}
	return nil
}

// buildStepNumeric generates, compiles and loads the fused step of p, whose
// model has a numeric part; gp is its program compiled without
// broadcasting.
func (p *Population) buildStepNumeric(gp *program) (*stepKernel, error) {
	if !fuseNumeric {
		return nil, errors.New("fusion of numeric steps turned off")
	}
	if p.prog == nil || p.nativeErr != nil || len(p.prog.rhs) != len(gp.rhs) || gp.numeric == nil {
		return nil, errors.New("no native RKF45 kernel")
	}
	rhsIdx := map[*rhsProg]int{}
	for k, rp := range gp.rhs {
		rhsIdx[rp] = k
		if p.prog.rhs[k].nat == nil {
			return nil, errors.New("no native RKF45 kernel")
		}
	}
	ng := &numGen{byStmt: map[*vIntegrate]*numCall{}}
	if err := integrations(gp.update, nil, false, &ng.calls); err != nil {
		return nil, err
	}
	var inHandler []*numCall
	for _, h := range gp.recv {
		if err := integrations(h.body, nil, false, &inHandler); err != nil {
			return nil, err
		}
	}
	for _, h := range gp.conds {
		if err := integrations(h.body, nil, false, &inHandler); err != nil {
			return nil, err
		}
	}
	if len(inHandler) > 0 {
		return nil, errors.New("integrate_odes in a handler is not fused")
	}
	switch {
	case len(ng.calls) == 0:
		return nil, errors.New("the update block has no integrate_odes")
	case len(ng.calls) > 62: // phases are bits of regPhase
		return nil, fmt.Errorf("%d integrate_odes statements (at most 62 are fused)", len(ng.calls))
	}
	for k, nc := range ng.calls {
		nc.id = k + 1
		ng.byStmt[nc.st] = nc
		if nc.st.num == nil || nc.st.rhs == nil {
			return nil, errors.New("internal: an integration without a numeric part")
		}
		ri, ok := rhsIdx[nc.st.rhs]
		if !ok {
			return nil, errors.New("internal: an integration's right-hand side is not in the program")
		}
		nc.nk = p.prog.rhs[ri].nat
		for _, grp := range nc.st.groups {
			var slots []int
			for range grp.rows {
				slots = append(slots, ng.slot())
			}
			nc.pend = append(nc.pend, slots)
		}
	}
	g := newStepGen(p)
	g.phased, g.num, g.regPhase = true, ng, map[int32]uint64{}
	src, err := g.sourceNumeric(gp)
	if err != nil {
		return nil, err
	}
	sk, err := g.compile(src)
	if err != nil {
		return nil, err
	}
	sk.ni = gp.numeric
	for _, nc := range ng.calls {
		sk.fns = append(sk.fns, nc.nk.k.Addr())
	}
	return sk, nil
}

// phaseCode is the generated body of one phase.
type phaseCode struct {
	body, store string
	term        bool // every path ends in an integration
}

func (g *stepGen) beginPhase(ph int) {
	g.phase = ph
	g.body.Reset()
	g.store.Reset()
	g.written = map[int]bool{}
	g.term = false
	g.ind = 2
}

func (g *stepGen) endPhase() phaseCode {
	return phaseCode{body: g.body.String(), store: g.store.String(), term: g.term}
}

// integrateNumeric translates an integration of a phased program: the
// analytic rows (kept until the integration is done), then the end of the
// phase.
func (g *stepGen) integrateNumeric(st *vIntegrate) error {
	nc := g.num.byStmt[st]
	if nc == nil {
		return errors.New("internal: an unknown integration")
	}
	for gi, grp := range st.groups {
		xs, err := g.rows(grp)
		if err != nil {
			return err
		}
		for k, x := range xs {
			g.line("SPV(%d) = %s;", nc.pend[gi][k], x)
		}
	}
	g.line("pc[i] = %d;", nc.id)
	g.line("goto park%d;", g.phase)
	g.term = true
	return nil
}

// resume translates what follows the numeric part of integration nc: the
// analytic rows stored, the delta jumps, the rest of the enclosing blocks.
func (g *stepGen) resume(nc *numCall) error {
	st := nc.st
	for gi := range st.groups {
		for k := range st.groups[gi].rows {
			s, err := g.state(st.dstCol[gi][k])
			if err != nil {
				return err
			}
			g.line("%s = SPV(%d);", s, nc.pend[gi][k])
		}
	}
	if err := g.deltas(st); err != nil {
		return err
	}
	g.term = false
	for d := len(nc.path) - 1; d >= 0; d-- {
		pe := nc.path[d]
		if err := g.stmts(pe.list[pe.idx+1:]); err != nil {
			return err
		}
		if g.term {
			break
		}
	}
	return nil
}

// gatherSrc returns how the kernel's input o is read for neuron l: a
// column pointer (indexed by l), or a value shared by all neurons.
func (g *stepGen) gatherSrc(o operand) (ptr, shared string, err error) {
	switch o.kind {
	case kConst:
		return "", cFloat(o.val), nil
	case kTime:
		return "", "t_end", nil
	case kSpike:
		port := int(o.idx)
		if port >= len(g.p.spikeUsed) || !g.p.spikeUsed[port] {
			return "", "0.0", nil
		}
		return g.slot(fmt.Sprintf("spike%d", port), stepSlot{port: port}), "", nil
	case kCol:
		ref, ok := g.colOf[unsafe.SliceData(o.col)]
		if !ok {
			return "", "", errors.New("a kernel input of an unsupported kind")
		}
		if (ref.Kind == ir.KParam && g.homP[ref.Index]) || (ref.Kind == ir.KInternal && g.homI[ref.Index]) {
			name, err := g.column(o.col) // the broadcast scalar
			return "", name, err
		}
		var col []float64
		switch ref.Kind {
		case ir.KState:
			col = g.p.state[ref.Index]
		case ir.KParam:
			col = g.p.params[ref.Index]
		case ir.KInternal:
			col = g.p.internals[ref.Index]
		case ir.KContPort:
			col = g.p.contIn[ref.Index]
		default:
			return "", "", errors.New("a kernel input of an unsupported kind")
		}
		return g.slot(fmt.Sprintf("%d:%d", ref.Kind, ref.Index), stepSlot{col: col}), "", nil
	}
	return "", "", fmt.Errorf("kernel input kind %d has no C form", o.kind)
}

// integration generates the numeric part of integration nc over the
// neurons that reached it: gather, the kernel's call, store back.
func (g *stepGen) integration(nc *numCall, out *strings.Builder, dt, maxSub string) error {
	ni, nk := nc.st.num, nc.nk
	n := nk.ncomp
	method := nativeMethod[ni.ns.Method]
	w := func(format string, a ...any) { fmt.Fprintf(out, format, a...) }
	// cl: the neurons that reached it; idx: those of them in chunks
	// without a failure (lists built without branches)
	w("\t/* integration %d */\n\tmc = 0;\n", nc.id)
	w("\tfor (int32_t i = 0; i < n; i++) {\n\t\tcl[mc] = i;\n\t\tmc += (pc[i] == %d);\n\t}\n", nc.id)
	w("\t{\n\t\tint32_t m = 0;\n")
	w("\t\tfor (int32_t q = 0; q < mc; q++) {\n\t\t\tidx[m] = cl[q];\n\t\t\tm += !chf[cl[q] >> 8];\n\t\t}\n")
	w("\t\tif (m > 0) {\n")
	// the state
	ys := make([]string, n)
	for k := 0; k < n; k++ {
		ptr, _, err := g.gatherSrc(operand{kind: kCol, col: ni.cols[k]})
		if err != nil || ptr == "" {
			return errors.New("internal: a numeric component is not a state column")
		}
		ys[k] = ptr
	}
	w("\t\t\tfor (int32_t j = 0; j < m; j++) {\n\t\t\t\tconst int32_t l = idx[j];\n")
	for k := 0; k < n; k++ {
		w("\t\t\t\tyb[(size_t)%d * m + j] = %s[l];\n", k, ys[k])
	}
	hint := g.slot("hint", stepSlot{col: g.p.hint})
	w("\t\t\t\thb[j] = %s[l];\n", hint)
	if method == 0 {
		for k, o := range []operand{ni.absTol, ni.relTol} {
			ptr, shared, err := g.gatherSrc(o)
			if err != nil {
				return err
			}
			if ptr != "" {
				shared = ptr + "[l]"
			}
			w("\t\t\t\ttb[%d * (size_t)m + j] = %s;\n", k, shared)
		}
	}
	w("\t\t\t}\n")
	// the other inputs: a column per neuron, or one value
	var one []string
	w("\t\t\tsize_t ao = 0;\n")
	for _, o := range nk.aux {
		ptr, shared, err := g.gatherSrc(o)
		if err != nil {
			return err
		}
		if ptr == "" {
			one = append(one, "1")
			w("\t\t\tab[ao++] = %s;\n", shared)
			continue
		}
		one = append(one, "0")
		w("\t\t\tfor (int32_t j = 0; j < m; j++) ab[ao + j] = %s[idx[j]];\n\t\t\tao += m;\n", ptr)
	}
	if len(one) == 0 {
		one = []string{"0"}
	}
	w("\t\t\t(void)ao;\n")
	w("\t\t\tstatic const int32_t one[%d] = {%s};\n", len(one), strings.Join(one, ", "))
	w("\t\t\t((nk_rkf45_fn)(uintptr_t)fns[%d])(m, %s, t_end, %s, yb, ab, one, hb, tb, stb, ib);\n", nc.id-1, dt, maxSub)
	// store back: a failing neuron keeps its state (and, beyond the
	// sub-step limit, its step memory)
	w("\t\t\tfor (int32_t j = 0; j < m; j++) {\n\t\t\t\tconst int32_t l = idx[j];\n")
	w("\t\t\t\tif (stb[j] == 0) {\n")
	w("\t\t\t\t\t%s[l] = hb[j];\n", hint)
	for k := 0; k < n; k++ {
		if ni.commit[k] {
			w("\t\t\t\t\t%s[l] = yb[(size_t)%d * m + j];\n", ys[k], k)
		}
	}
	w("\t\t\t\t\tcontinue;\n\t\t\t\t}\n")
	w("\t\t\t\tif (stb[j] == 2) %s[l] = hb[j];\n", hint)
	w("\t\t\t\tchf[l >> 8] = 1;\n")
	w("\t\t\t\tif (fail[0] < 0 || l < fail[0]) {\n")
	w("\t\t\t\t\tfail[0] = l;\n\t\t\t\t\tfail[1] = stb[j];\n")
	w("\t\t\t\t\tfor (int q = 0; q < 4; q++) fail[2 + q] = ib[4 * (size_t)j + q];\n")
	w("\t\t\t\t}\n\t\t\t}\n\t\t}\n\t}\n")
	return nil
}

// sourceNumeric translates a phased program into the kernel's C source.
func (g *stepGen) sourceNumeric(pr *program) (string, error) {
	ng := g.num
	p := g.p
	// phase 0: convolution states (first half), the update up to an
	// integration, or the whole step
	g.beginPhase(0)
	var convSlots [][]string
	for _, grp := range pr.conv {
		xs, err := g.rows(grp)
		if err != nil {
			return "", err
		}
		var names []string
		for _, x := range xs {
			k := ng.slot()
			g.line("SPV(%d) = %s;", k, x)
			names = append(names, fmt.Sprintf("SPV(%d)", k))
		}
		convSlots = append(convSlots, names)
	}
	if err := g.stmts(pr.update); err != nil {
		return "", err
	}
	finish := func() error {
		if g.term {
			return nil
		}
		return g.tail(pr, convSlots)
	}
	if err := finish(); err != nil {
		return "", err
	}
	phases := []phaseCode{g.endPhase()}
	for _, nc := range ng.calls {
		g.beginPhase(nc.id)
		if err := g.resume(nc); err != nil {
			return "", err
		}
		if err := finish(); err != nil {
			return "", err
		}
		phases = append(phases, g.endPhase())
	}
	dt := g.scalar(p.net.h)
	maxSub := fmt.Sprintf("%d", g.num.calls[0].st.num.maxSub)
	// registers used in more than one phase are kept in slots
	var regs []int32
	for r := range g.regPhase {
		regs = append(regs, r)
	}
	sort.Slice(regs, func(a, b int) bool { return regs[a] < regs[b] })
	regSlot := map[int32]int{}
	for _, r := range regs {
		if bits.OnesCount64(g.regPhase[r]) > 1 {
			regSlot[r] = ng.slot()
		}
	}
	maxY, maxA := 1, 1
	for _, nc := range ng.calls {
		maxY = max(maxY, nc.nk.ncomp)
		maxA = max(maxA, len(nc.nk.aux))
	}
	var out strings.Builder
	load := g.load.String()
	for ph, pc := range phases {
		if ph > 0 {
			nc := ng.calls[ph-1]
			if err := g.integration(nc, &out, dt, maxSub); err != nil {
				return "", err
			}
		}
		body := pc.body
		if pc.term {
			// every path ends in an integration, after which nothing
			// follows: the jumps to the end of the phase go, and the
			// compiler may turn the branches into selects
			body = strings.ReplaceAll(body, fmt.Sprintf("goto park%d;", ph), "/* end of phase */")
		}
		if ph == 0 {
			out.WriteString("\t/* phase 0 */\n")
			if pc.term {
				out.WriteString("#pragma GCC ivdep\n")
			}
			out.WriteString("\tfor (int32_t i = 0; i < n; i++) {\n")
		} else {
			fmt.Fprintf(&out, "\t/* phase %d: the neurons that reached integration %d */\n", ph, ph)
			fmt.Fprintf(&out, "\tfor (int32_t q = 0; q < mc; q++) {\n\t\tconst int32_t i = cl[q];\n")
		}
		out.WriteString(load)
		if ph == 0 {
			out.WriteString("\t\tint64_t em = 0;\n")
		} else {
			out.WriteString("\t\tint64_t em = emc[i];\n")
		}
		out.WriteString(regDecls(pr.nregs))
		var spillLoad, spillStore strings.Builder
		for _, r := range regs {
			if k, ok := regSlot[r]; ok && g.regPhase[r]&(1<<uint(ph)) != 0 {
				fmt.Fprintf(&spillLoad, "\t\tr%d = SPV(%d);\n", r, k)
				fmt.Fprintf(&spillStore, "\t\tSPV(%d) = r%d;\n", k, r)
			}
		}
		if ph > 0 {
			out.WriteString(spillLoad.String())
		}
		out.WriteString(body)
		if !pc.term {
			out.WriteString("\t\tpc[i] = -1;\n")
			fmt.Fprintf(&out, "\tpark%d:;\n", ph)
		}
		out.WriteString(pc.store)
		out.WriteString(spillStore.String())
		out.WriteString("\t\temc[i] = em;\n\t}\n")
	}
	return strings.NewReplacer("@MODEL@", p.Model.Name, "@PRE@", strings.TrimRight(g.pre.String(), "\n"),
		"@NSP@", fmt.Sprint(ng.nsp), "@NY@", fmt.Sprint(maxY), "@NA@", fmt.Sprint(maxA),
		"@PHASES@", strings.TrimRight(out.String(), "\n")).Replace(stepNumTemplate), nil
}
