package sim

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unsafe"

	"nestml_go/gocore/rkf45"
	"nestml_go/gocore/sim/native"
)

// Native RKF45 kernels (docs/decisions/0005-native-rkf45-kernels.md).
//
// With Network.SetNative(true), every adaptive RKF45 right-hand side of a
// population is translated into C — the straight-line program of
// rhsProgram, one C local per register — together with the per-neuron
// driver of numerics.md §6.4, compiled by the system's C compiler (package
// native, cached by content hash) and called once per chunk. Each neuron
// runs the same algorithm as the lane-parallel Go driver below (GSL's
// rkf45 step, standard controller, step memory, sub-step limit, non-finite
// check), with every product and sum rounded separately
// (-ffp-contract=off). The elementary functions are the C library's
// (exp, pow, …, as in the generated NEST code) instead of Go's, which can
// differ in the last bit: native results agree with the Go engine to
// rounding, not bit for bit, and remain independent of the thread count.
//
// Data crosses the boundary in column-major records gathered into worker
// buffers (no Go pointers inside): y[ncomp][m] the state, aux[naux][m] the
// other columns and spike inputs the right-hand side reads, hint[m] the
// step memory, tol[2][m] the absolute and relative tolerances; the kernel
// returns status[m] (0 done, 1 sub-step limit, 2 non-finite state) and
// info[m][4] describing a failure.

// nativeRKF45 is a compiled right-hand side with its driver.
type nativeRKF45 struct {
	k     *native.Kernel
	ncomp int
	aux   []operand // the operands gathered per lane, in aux order
	// one[k] = 1: aux k is a parameter or internal column whose values are
	// all equal (passed once, not per lane)
	one []int32
}

const nativeSymbol = "nk_rkf45"

// nativeMethod numbers the integration methods for the kernel template
// (NK_METHOD): the adaptive RKF45 and the fixed-step methods, which take
// the same arguments and ignore the step memory and tolerances.
var nativeMethod = map[string]int{"": 0, "rk45": 0, "rk4": 1, "forward-Euler": 2}

//go:embed native_rkf45.c.tmpl
var nativeTemplate string

// SetNative selects native kernels for the numeric (RKF45) parts of
// models (on) or the Go engine only (off, the default). It takes effect at
// the next Simulate. A model whose kernel cannot be built (no C compiler,
// an operation without a C form) runs in the Go engine; NativeStatus
// reports why.
func (n *Network) SetNative(on bool) {
	if n.native != on {
		n.native = on
		for _, p := range n.pops {
			p.dirty = true
		}
	}
}

// Native reports whether native kernels are on.
func (n *Network) Native() bool { return n.native }

// NativeStatus reports which populations run native kernels and why the
// others do not: one line per population, "" when native kernels are off.
// A model with a numeric system runs a native integration kernel, and,
// once it has been simulated, the rest of its step in a fused step kernel
// around it (native_step_num.go) or, with the reason, in the Go engine; a
// model without one runs a fused step kernel (native_step.go), reported
// once it has been simulated.
func (n *Network) NativeStatus() string {
	if !n.native {
		return ""
	}
	var b strings.Builder
	for _, p := range n.pops {
		if p.prog == nil || len(p.prog.rhs) == 0 {
			b.WriteString(n.run.stepStatus(p))
			continue
		}
		// the lanes of the numeric kernels (all built with the same flags)
		lanes := ""
		switch nk := p.prog.rhs[0].nat; {
		case nk == nil:
		case nk.k.Lanes == 1:
			lanes = " (scalar)"
		case nk.k.Lanes > 1:
			lanes = fmt.Sprintf(" (%d lanes)", nk.k.Lanes)
		}
		switch {
		case p.nativeErr != nil:
			fmt.Fprintf(&b, "%s: Go engine (%v)\n", p.Model.Name, p.nativeErr)
		case n.run != nil && n.run.steps[p] != nil:
			fmt.Fprintf(&b, "%s: fused step kernel with the native kernel%s\n", p.Model.Name, lanes)
		case n.run != nil && n.run.stepErr[p] != nil:
			fmt.Fprintf(&b, "%s: native kernel%s (step in the Go engine: %v)\n", p.Model.Name, lanes, n.run.stepErr[p])
		default:
			fmt.Fprintf(&b, "%s: native kernel%s\n", p.Model.Name, lanes)
		}
	}
	return b.String()
}

// attachNative compiles the kernels of prog's RKF45 right-hand sides. On
// any failure the program keeps the Go engine and the reason is kept in
// p.nativeErr.
func (p *Population) attachNative(prog *program) {
	p.nativeErr = nil
	ni := prog.numeric
	if ni == nil || len(prog.rhs) == 0 {
		return
	}
	if _, ok := nativeMethod[ni.ns.Method]; !ok {
		p.nativeErr = fmt.Errorf("no kernel for the method %q", ni.ns.Method)
		return
	}
	// the kernels are generated from the program without broadcast
	// parameters, so that one kernel per model serves all parameter values
	gp, err := compileProgramBroadcast(p, false)
	if err == nil && len(gp.rhs) != len(prog.rhs) {
		err = fmt.Errorf("internal: %d right-hand sides, expected %d", len(gp.rhs), len(prog.rhs))
	}
	if err != nil {
		p.nativeErr = err
		return
	}
	kernels := make([]*nativeRKF45, len(prog.rhs))
	for k, rp := range gp.rhs {
		src, aux, err := nativeSource(gp.numeric, rp)
		if err == nil {
			var kern *native.Kernel
			if kern, err = native.Load(src, nativeSymbol); err == nil {
				kernels[k] = &nativeRKF45{k: kern, ncomp: ni.ncomp, aux: aux}
				continue
			}
		}
		p.nativeErr = err
		return
	}
	for k, rp := range prog.rhs {
		nk := kernels[k]
		nk.one = make([]int32, max(len(nk.aux), 1))
		for j, o := range nk.aux {
			if o.kind == kCol && p.isParamOrInternal(o.col) && allEqual(o.col) {
				nk.one[j] = 1
			}
		}
		rp.nat = nk
	}
}

// isParamOrInternal reports whether col is a parameter or internal column
// (whose values change only with a new program).
func (p *Population) isParamOrInternal(col []float64) bool {
	for _, cols := range [][][]float64{p.params, p.internals} {
		for _, c := range cols {
			if len(c) > 0 && len(col) > 0 && &c[0] == &col[0] {
				return true
			}
		}
	}
	return false
}

func allEqual(col []float64) bool {
	for _, v := range col {
		if math.Float64bits(v) != math.Float64bits(col[0]) {
			return false
		}
	}
	return true
}

// cFloat prints v as an exact C constant.
func cFloat(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NAN"
	case math.IsInf(v, 1):
		return "INFINITY"
	case math.IsInf(v, -1):
		return "(-INFINITY)"
	case v == 0 && math.Signbit(v):
		return "(-0.0)"
	}
	return "(" + strconv.FormatFloat(v, 'x', -1, 64) + ")"
}

// cFunc1 maps NESTML's one-argument functions (sym.Func1) to the C library.
var cFunc1 = map[string]string{
	"exp": "exp", "expm1": "expm1", "ln": "log", "log10": "log10", "sqrt": "sqrt",
	"sin": "sin", "cos": "cos", "tan": "tan", "sinh": "sinh", "cosh": "cosh", "tanh": "tanh",
	"erf": "erf", "erfc": "erfc", "abs": "fabs", "ceil": "ceil", "floor": "floor", "round": "round",
}

var cBinary = map[opcode]string{
	opAdd: "(%s + %s)", opSub: "(%s - %s)", opMul: "(%s * %s)", opDiv: "(%s / %s)",
	opLt: "(double)(%s < %s)", opLe: "(double)(%s <= %s)", opGt: "(double)(%s > %s)",
	opGe: "(double)(%s >= %s)", opEq: "(double)(%s == %s)", opNe: "(double)(%s != %s)",
	opAnd: "(double)(%s != 0 && %s != 0)", opOr: "(double)(%s != 0 || %s != 0)",
	opMin: "go_min(%s, %s)", opMax: "go_max(%s, %s)", opPow: "pow(%s, %s)",
}

// vecFunc1 are the functions with vector forms in glibc's libmvec (since
// glibc 2.22), used by the vector kernel: macros of the kernel template,
// which picks the AVX-512 or the AVX2 form.
var vecFunc1 = map[string]string{"exp": "VEXP", "ln": "VLOG", "sin": "VSIN", "cos": "VCOS"}

// vecMinMax are the vector kernel's forms of go_min and go_max (same
// results, blends instead of a branch per lane).
var vecMinMax = map[opcode]string{opMin: "go_vmin", opMax: "go_vmax"}

// nativeSource translates rp and the RKF45 driver into C: a scalar kernel
// and a vector kernel (four neurons in lock step, AVX2 and libmvec), of
// which the compiler keeps the one the flags allow.
func nativeSource(ni *numInfo, rp *rhsProg) (string, []operand, error) {
	var aux []operand
	auxIdx := map[string]int{}
	// opnd prints an operand; vec appends the lane index [w] to arrays
	opnd := func(o operand, vec bool) (string, error) {
		w := ""
		if vec {
			w = "[w]"
		}
		switch o.kind {
		case kReg:
			return fmt.Sprintf("r%d%s", o.idx, w), nil
		case kConst:
			return cFloat(o.val), nil
		case kODE:
			return fmt.Sprintf("y[%d]%s", o.idx, w), nil
		case kTime:
			return "t_end", nil
		case kCol, kSpike:
			key := fmt.Sprintf("s%d", o.idx)
			if o.kind == kCol {
				key = fmt.Sprintf("c%p:%d", unsafe.SliceData(o.col), len(o.col))
			}
			k, ok := auxIdx[key]
			if !ok {
				k = len(aux)
				auxIdx[key] = k
				aux = append(aux, o)
			}
			return fmt.Sprintf("a[%d]%s", k, w), nil
		}
		return "", fmt.Errorf("operand kind %d has no C form", o.kind)
	}
	// vload turns an operand of the vector kernel (an array element
	// "x[w]" or a scalar) into a load of the V lanes from v_ on
	vload := func(s string) string {
		if base, ok := strings.CutSuffix(s, "[w]"); ok {
			return "VLOADU(" + base + " + v_)"
		}
		return "VSET1(" + s + ")"
	}
	body := func(vec bool) (string, error) {
		var out strings.Builder
		for k := range rp.code {
			in := &rp.code[k]
			a, err := opnd(in.a, vec)
			if err != nil {
				return "", err
			}
			var e string
			switch op := in.op; {
			case isGenBinary(op):
				b, err := opnd(in.b, vec)
				if err != nil {
					return "", err
				}
				if vf, ok := vecMinMax[op]; ok && vec {
					fmt.Fprintf(&out, "\tdouble r%d[W];\n\tVCALL2(%s, r%d, %s, %s);\n", in.dst, vf, in.dst, vload(a), vload(b))
					continue
				}
				e = fmt.Sprintf(cBinary[op], a, b)
			case op == opNeg:
				e = "(-" + a + ")"
			case op == opNot:
				e = "(double)(" + a + " == 0)"
			case op == opExp, op == opFunc1:
				name := in.name
				if op == opExp {
					name = "exp"
				}
				f, ok := cFunc1[name]
				if !ok {
					return "", fmt.Errorf("function %q has no C form", in.name)
				}
				if vf, ok := vecFunc1[name]; ok && vec {
					fmt.Fprintf(&out, "\tdouble r%d[W];\n\tVCALL1(%s, r%d, %s);\n", in.dst, vf, in.dst, vload(a))
					continue
				}
				e = f + "(" + a + ")"
			case op == opCopy:
				e = a
			case op == opPowI:
				n := int(in.b.val)
				if vec {
					// products over the lanes, then pow where they are out
					// of pow_int's range (a loop the compiler vectorises)
					prod := map[int]string{2: "%[1]s * %[1]s", 3: "%[1]s * (%[1]s * %[1]s)", 4: "(%[1]s * %[1]s) * (%[1]s * %[1]s)"}[n]
					fmt.Fprintf(&out, "\tdouble r%d[W];\n\tfor (int w = 0; w < W; w++) r%d[w] = %s;\n", in.dst, in.dst, fmt.Sprintf(prod, a))
					// (the range test over all lanes first: one branch)
					fmt.Fprintf(&out, "\t{\n\t\tint out_ = 0;\n\t\tfor (int w = 0; w < W; w++) out_ |= !(fabs(%[2]s) >= 1e-70 && fabs(%[2]s) <= 1e70);\n"+
						"\t\tif (out_)\n\t\t\tfor (int w = 0; w < W; w++) if (!(fabs(%[2]s) >= 1e-70 && fabs(%[2]s) <= 1e70)) r%[1]d[w] = pow(%[2]s, %[3]d);\n\t}\n", in.dst, a, n)
					continue
				}
				e = fmt.Sprintf("pow_int(%s, %d)", a, n)
			case op == opSelect, op == opClip:
				b, err := opnd(in.b, vec)
				if err != nil {
					return "", err
				}
				c, err := opnd(in.c, vec)
				if err != nil {
					return "", err
				}
				if op == opSelect {
					e = fmt.Sprintf("(%s != 0 ? %s : %s)", a, b, c)
				} else if vec {
					fmt.Fprintf(&out, "\tdouble r%d_max[W], r%d[W];\n\tVCALL2(go_vmax, r%d_max, %s, %s);\n\tVCALL2(go_vmin, r%d, %s, %s);\n",
						in.dst, in.dst, in.dst, vload(a), vload(b), in.dst, vload(fmt.Sprintf("r%d_max[w]", in.dst)), vload(c))
					continue
				} else {
					e = fmt.Sprintf("go_min(go_max(%s, %s), %s)", a, b, c)
				}
			default:
				return "", fmt.Errorf("operation %d has no C form", op)
			}
			if vec {
				fmt.Fprintf(&out, "\tdouble r%d[W];\n\tfor (int w = 0; w < W; w++) r%d[w] = %s;\n", in.dst, in.dst, e)
			} else {
				fmt.Fprintf(&out, "\tconst double r%d = %s;\n", in.dst, e)
			}
		}
		for k, o := range rp.res {
			s, err := opnd(o, vec)
			if err != nil {
				return "", err
			}
			if vec {
				fmt.Fprintf(&out, "\tfor (int w = 0; w < W; w++) f[%d][w] = %s;\n", k, s)
			} else {
				fmt.Fprintf(&out, "\tf[%d] = %s;\n", k, s)
			}
		}
		return out.String(), nil
	}
	scalar, err := body(false)
	if err != nil {
		return "", nil, err
	}
	vector, err := body(true)
	if err != nil {
		return "", nil, err
	}
	sets := nativeComponentSets(ni.ncomp, rp)
	aY, aD, yp := "1.0", "0.0", "0"
	if ni.yp {
		aY, aD, yp = "0.0", "1.0", "1"
	}
	var coefs strings.Builder
	for _, c := range []struct {
		name string
		v    float64
	}{{"ah1", rkf45.Ah1}, {"b31", rkf45.B31}, {"b32", rkf45.B32},
		{"b41", rkf45.B41}, {"b42", rkf45.B42}, {"b43", rkf45.B43},
		{"b51", rkf45.B51}, {"b52", rkf45.B52}, {"b53", rkf45.B53}, {"b54", rkf45.B54},
		{"b61", rkf45.B61}, {"b62", rkf45.B62}, {"b63", rkf45.B63}, {"b64", rkf45.B64}, {"b65", rkf45.B65},
		{"c1", rkf45.C1}, {"c3", rkf45.C3}, {"c4", rkf45.C4}, {"c5", rkf45.C5}, {"c6", rkf45.C6},
		{"e1", rkf45.E1}, {"e3", rkf45.E3}, {"e4", rkf45.E4}, {"e5", rkf45.E5}, {"e6", rkf45.E6}} {
		fmt.Fprintf(&coefs, "static const double %s = %s;\n", c.name, cFloat(c.v))
	}
	src := strings.NewReplacer(
		"@N@", strconv.Itoa(ni.ncomp), "@NAUX@", strconv.Itoa(max(len(aux), 1)),
		"@AY@", aY, "@AD@", aD, "@YP@", yp, "@COEFS@", coefs.String(), "@METHOD@", strconv.Itoa(nativeMethod[ni.ns.Method]),
		"@RHS@", scalar, "@RHS_VEC@", vector, "@SETS@", sets,
	).Replace(nativeTemplate)
	return src, aux, nil
}

// nativeFrozenSets enables the component sets below (off: every component
// in every set but FRZ, the kernel before them; for tests that check the
// two are bit-identical).
var nativeFrozenSets = true

// nativeComponentSets declares, for the kernel template, which components
// of the numeric state need which work in an RKF45 trial:
//
//   - STG: the components the right-hand side reads, whose stage values
//     (y0 + h·Σ b·k) are formed;
//   - CTL: the components with a derivative other than the constant +0,
//     whose new value and error are formed and weighed by the controller;
//   - FRZ: the others, frozen by the right-hand-side selection (numerics.md
//     §6.6, derivative +0).
//
// A frozen component's stages are all +0, so its new value y0 + h·(+0) is
// y0 + 0.0 and its error 0, whose ratio (0 or NaN) never raises the
// controller's maximum: the kernel forms exactly these, and the results
// are bit-identical to integrating every component. The non-finite check
// still covers all components.
func nativeComponentSets(n int, rp *rhsProg) string {
	read := make([]bool, n)
	all := !nativeFrozenSets
	mark := func(o operand) {
		if o.kind == kODE && int(o.idx) < n {
			read[o.idx] = true
		}
	}
	for k := range rp.code {
		in := &rp.code[k]
		all = all || in.br != nil || in.vec != nil // nested code: assume every component is read
		mark(in.a)
		mark(in.b)
		mark(in.c)
	}
	for _, o := range rp.res {
		mark(o)
	}
	var stg, ctl, frz []string
	for k := 0; k < n; k++ {
		if all || read[k] {
			stg = append(stg, strconv.Itoa(k))
		}
		if o := rp.res[k]; nativeFrozenSets && o.kind == kConst && o.val == 0 && !math.Signbit(o.val) {
			frz = append(frz, strconv.Itoa(k))
		} else {
			ctl = append(ctl, strconv.Itoa(k))
		}
	}
	// FOR_<set>(X) expands to X(k) for each member k: constant indices,
	// straight-line code
	var b strings.Builder
	for _, s := range []struct {
		name string
		ks   []string
	}{{"STG", stg}, {"CTL", ctl}, {"FRZ", frz}} {
		fmt.Fprintf(&b, "#define FOR_%s(X)", s.name)
		for _, k := range s.ks {
			fmt.Fprintf(&b, " X(%s)", k)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// nativeBuf holds a worker's per-lane records for a kernel call.
type nativeBuf struct {
	y, aux, hint, tol, info []float64
	status                  []int32
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

// rkf45Native integrates the numeric system of the lanes of s over dt in
// the compiled kernel: the state is gathered from the columns into the
// kernel's column-major record (component k of lane j at k·m + j) and the
// new state of the lanes that succeeded is stored back; failing lanes keep
// their state and are reported as by rkf45.
func (c *chunk) rkf45Native(ni *numInfo, nk *nativeRKF45, dt float64, s sel) {
	m := s.count()
	n, na := nk.ncomp, max(len(nk.aux), 1)
	if m == 0 {
		return
	}
	base, nl := c.base, c.n
	nb := &c.w.nat
	nb.y, nb.aux = grow(nb.y, m*n), grow(nb.aux, m*na)
	nb.hint, nb.tol, nb.info = grow(nb.hint, m), grow(nb.tol, 2*m), grow(nb.info, 4*m)
	if cap(nb.status) < m {
		nb.status = make([]int32, m)
	}
	nb.status = nb.status[:m]
	// gather copies v (or the scalar vs) at the lanes of s into d
	gather := func(d, v []float64, vs float64) {
		switch {
		case v == nil:
			for j := range d {
				d[j] = vs
			}
		case s.idx == nil:
			copy(d, v[:m])
		default:
			for j, i := range s.idx {
				d[j] = v[i]
			}
		}
	}
	hint := c.p.hint[c.base : c.base+c.n]
	for k := 0; k < n; k++ {
		gather(nb.y[k*m:(k+1)*m], ni.cols[k][base:base+nl], 0)
	}
	at := 0
	for k, o := range nk.aux {
		v, vs := c.get(o)
		if nk.one[k] == 1 {
			nb.aux[at] = v[0]
			at++
			continue
		}
		gather(nb.aux[at:at+m], v, vs)
		at += m
	}
	gather(nb.hint, hint, 0) // unused by the fixed-step methods, stored back unchanged
	if nativeMethod[ni.ns.Method] == 0 {
		absV, absS := c.get(ni.absTol)
		relV, relS := c.get(ni.relTol)
		gather(nb.tol[:m], absV, absS)
		gather(nb.tol[m:], relV, relS)
	}
	nk.k.RKF45(m, dt, c.tEnd, ni.maxSub, nb.y, nb.aux, nk.one, nb.hint, nb.tol, nb.status, nb.info)
	// scatter: states and step memory of the lanes that succeeded
	failed := false
	for _, st := range nb.status {
		failed = failed || st != 0
	}
	if !failed && s.idx == nil {
		for k := 0; k < n; k++ {
			if ni.commit[k] {
				copy(ni.cols[k][base:base+m], nb.y[k*m:(k+1)*m])
			}
		}
		copy(hint[:m], nb.hint)
		return
	}
	for j := 0; j < m; j++ {
		i := int32(j)
		if s.idx != nil {
			i = s.idx[j]
		}
		switch nb.status[j] {
		case 0:
			hint[i] = nb.hint[j]
			for k := 0; k < n; k++ {
				if ni.commit[k] {
					ni.cols[k][base+int(i)] = nb.y[k*m+j]
				}
			}
		case 1, 3:
			c.fail(int(i), nativeFailure(ni, dt, int(nb.status[j]), nb.info[4*j:4*j+4]))
		default:
			hint[i] = nb.hint[j]
			c.fail(int(i), nativeFailure(ni, dt, 2, nb.info[4*j:4*j+4]))
		}
	}
}

// nativeFailure is the error of a neuron whose native integration failed
// with status (1 sub-step limit, 2 non-finite state, 3 no memory for the
// kernel's buffer) and info, in the words of the Go driver (rkf45).
func nativeFailure(ni *numInfo, dt float64, status int, info []float64) error {
	switch status {
	case 3:
		return errors.New("the native RKF45 kernel could not allocate its buffer (out of memory)")
	case 1:
		return fmt.Errorf("%w: more than %d sub-steps, stopped at t = %v of %v (step memory %v)", rkf45.ErrStall, ni.maxSub, info[0], dt, info[1])
	}
	return fmt.Errorf("%w: component %d is %v at t = %v of %v after %d sub-steps", rkf45.ErrNonfinite, int(info[0]), info[1], info[2], dt, int(info[3]))
}
