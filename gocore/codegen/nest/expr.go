package nest

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"nestml_go/gocore/ir"
)

// ctype is the C++ type of a printed expression. IR expressions are float64
// valued; the printer keeps integer and boolean variables in their natural
// C++ types and inserts conversions wherever C++ would otherwise compute
// something different from the IR's float64 semantics (e.g. '/' of two
// integers is true division in the IR).
type ctype int

const (
	tDouble ctype = iota
	tLong
	tBool
)

func (t ctype) String() string {
	switch t {
	case tLong:
		return "long"
	case tBool:
		return "bool"
	}
	return "double"
}

func typeOf(t ir.Type) (ctype, error) {
	switch t {
	case ir.Real:
		return tDouble, nil
	case ir.Integer:
		return tLong, nil
	case ir.Boolean:
		return tBool, nil
	}
	return tDouble, fmt.Errorf("type %v is not supported for variables", t)
}

// printer prints IR expressions and statements of one model into C++.
type printer struct {
	m *ir.Model
	// prefixes of the structs holding parameters, state, internals and
	// buffers, e.g. "P_." in member functions, "node.P_." in the numeric
	// right-hand-side functions.
	params, state, internals, bufs string
	// inUpdate is set while printing the body of update(): t, the ports and
	// emit_spike are available only there.
	inUpdate bool
	// inRHS is set while printing a numeric right-hand side: KODE refs read
	// the integrator's vector ode_state[], t reads node.B_.__t, the ports
	// their latched values.
	inRHS bool
	// locals: scopes of local variables, innermost last.
	scopes []map[string]*ir.Var
	// analytic lookup for IntegrateODEs: state index → block / row.
	blockOf map[int][2]int
	// nIntegrate counts the integrate_odes calls printed.
	nIntegrate int
	// isConv marks the convolution states (Model.ConvStates).
	isConv map[int]bool
	// rhs collects the numeric right-hand-side selections met while
	// printing integrate_odes calls; rhsIndex maps a selection key to its
	// position.
	rhs      []rhsFunc
	rhsIndex map[string]int
	// paramExpr overrides the C++ expression of individual parameters
	// (synapses: @homogeneous parameters live in the common properties,
	// the delay variable is the connection delay).
	paramExpr map[int]string
	// syn is set while printing the event handlers of a synapse (synapse.go).
	syn *synapseCtx
	// gsl selects GSL's RKF45 for the numeric integration
	// (rk45_implementation = "gsl").
	gsl bool
}

func newPrinter(m *ir.Model) *printer {
	p := &printer{m: m, params: "P_.", state: "S_.", internals: "V_.", bufs: "B_.", blockOf: map[int][2]int{},
		isConv: map[int]bool{}, rhsIndex: map[string]int{}}
	for b, blk := range m.Analytic {
		if blk == nil {
			continue
		}
		for r, si := range blk.Vars {
			p.blockOf[si] = [2]int{b, r}
		}
	}
	for _, si := range m.ConvStates {
		p.isConv[si] = true
	}
	return p
}

// fmtDouble prints v so that it is read back as exactly v by a C++ compiler
// and has type double.
func fmtDouble(v float64) string {
	switch {
	case math.IsNaN(v):
		return "std::numeric_limits< double >::quiet_NaN()"
	case math.IsInf(v, 1):
		return "std::numeric_limits< double >::infinity()"
	case math.IsInf(v, -1):
		return "( -std::numeric_limits< double >::infinity() )"
	}
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	if v < 0 || (v == 0 && math.Signbit(v)) {
		s = "( " + s + " )"
	}
	return s
}

func (p *printer) pushScope() { p.scopes = append(p.scopes, map[string]*ir.Var{}) }
func (p *printer) popScope()  { p.scopes = p.scopes[:len(p.scopes)-1] }

func (p *printer) declareLocal(v *ir.Var) {
	if len(p.scopes) == 0 {
		p.pushScope()
	}
	p.scopes[len(p.scopes)-1][v.Name] = v
}

func (p *printer) lookupLocal(r *ir.Ref) *ir.Var {
	for i := len(p.scopes) - 1; i >= 0; i-- {
		if v, ok := p.scopes[i][r.Name]; ok {
			return v
		}
	}
	return nil
}

func (p *printer) varOf(kind ir.VarKind, idx int, name string) (*ir.Var, error) {
	var list []*ir.Var
	what := ""
	switch kind {
	case ir.KParam:
		list, what = p.m.Params, "parameter"
	case ir.KState:
		list, what = p.m.State, "state variable"
	case ir.KInternal:
		list, what = p.m.Internals, "internal"
	default:
		return nil, fmt.Errorf("not a model variable: %q", name)
	}
	if idx < 0 || idx >= len(list) || list[idx] == nil {
		return nil, fmt.Errorf("%s index %d (%q) out of range", what, idx, name)
	}
	return list[idx], nil
}

// ref prints a variable reference (usable as an lvalue for state and locals).
func (p *printer) ref(r *ir.Ref) (string, ctype, error) {
	if r.Idx != nil {
		return p.indexed(r)
	}
	switch r.Kind {
	case ir.KParam, ir.KState, ir.KInternal:
		v, err := p.varOf(r.Kind, r.Index, r.Name)
		if err != nil {
			return "", 0, err
		}
		t, err := typeOf(v.Type)
		if err != nil {
			return "", 0, fmt.Errorf("%s: %v", v.Name, err)
		}
		if vec := p.m.VectorOf(r.Kind, r.Index); vec != nil {
			// an element of a std::vector member
			el := fmt.Sprintf("%s[ %d ]", cppName(vec.Name), r.Index-vec.First)
			switch r.Kind {
			case ir.KParam:
				return p.params + el, t, nil
			case ir.KInternal:
				return p.internals + el, t, nil
			}
			return p.state + el, t, nil
		}
		switch r.Kind {
		case ir.KParam:
			if e, ok := p.paramExpr[r.Index]; ok {
				return e, t, nil
			}
			return p.params + cppName(v.Name), t, nil
		case ir.KInternal:
			return p.internals + cppName(v.Name), t, nil
		}
		if v.HasODE {
			return p.state + "ode_state[ State_::" + cppName(v.Name) + " ]", t, nil
		}
		return p.state + cppName(v.Name), t, nil
	case ir.KSpikePort:
		if !p.inUpdate && !p.inRHS {
			return "", 0, fmt.Errorf("spike port %q read outside the update step", r.Name)
		}
		if r.Index < 0 || r.Index >= len(p.m.SpikePorts) {
			return "", 0, fmt.Errorf("spike port index %d (%q) out of range", r.Index, r.Name)
		}
		return fmt.Sprintf("%sspike_inputs_grid_sum_[ %d ]", p.bufs, r.Index), tDouble, nil
	case ir.KContPort:
		if !p.inUpdate && !p.inRHS {
			return "", 0, fmt.Errorf("continuous port %q read outside the update step", r.Name)
		}
		if r.Index < 0 || r.Index >= len(p.m.ContPorts) {
			return "", 0, fmt.Errorf("continuous port index %d (%q) out of range", r.Index, r.Name)
		}
		return fmt.Sprintf("%scontinuous_inputs_grid_sum_[ %d ]", p.bufs, r.Index), tDouble, nil
	case ir.KTime:
		if p.syn != nil {
			return "__t", tDouble, nil
		}
		if p.inRHS {
			// the time at the end of the current step, as in update()
			return p.bufs + "__t", tDouble, nil
		}
		if !p.inUpdate {
			return "", 0, fmt.Errorf("the time t is read outside the update step")
		}
		return "__t", tDouble, nil
	case ir.KODE:
		if !p.inRHS {
			return "", 0, fmt.Errorf("numeric vector component %d (%q) read outside a numeric right-hand side", r.Index, r.Name)
		}
		if p.m.Numeric == nil || r.Index < 0 || r.Index >= len(p.m.Numeric.Vars) {
			return "", 0, fmt.Errorf("numeric vector component %d (%q) out of range", r.Index, r.Name)
		}
		return fmt.Sprintf("ode_state[ %d ]", r.Index), tDouble, nil
	case ir.KStep:
		return p.internals + "__h", tDouble, nil
	case ir.KLocal:
		v := p.lookupLocal(r)
		if v == nil {
			return "", 0, fmt.Errorf("local variable %q used before its declaration", r.Name)
		}
		t, err := typeOf(v.Type)
		if err != nil {
			return "", 0, fmt.Errorf("%s: %v", v.Name, err)
		}
		return cppName(v.Name), t, nil
	}
	return "", 0, fmt.Errorf("unknown variable kind %d of %q", r.Kind, r.Name)
}

func toDouble(s string, t ctype) string {
	if t == tDouble {
		return s
	}
	return "static_cast< double >( " + s + " )"
}

func toLong(s string, t ctype) string {
	if t == tLong {
		return s
	}
	return "static_cast< long >( " + s + " )"
}

func toBool(s string, t ctype) string {
	if t == tBool {
		return s
	}
	return "( " + s + " != 0 )"
}

// convert converts an expression of type from to type to (assignments).
func convert(s string, from, to ctype) string {
	switch to {
	case tLong:
		return toLong(s, from)
	case tBool:
		return toBool(s, from)
	}
	return toDouble(s, from)
}

// expr prints e.
func (p *printer) expr(e ir.Expr) (string, ctype, error) {
	switch e := e.(type) {
	case nil:
		return "0.0", tDouble, nil
	case *ir.Const:
		return fmtDouble(e.Value), tDouble, nil
	case *ir.Ref:
		return p.ref(e)
	case *ir.Unary:
		x, t, err := p.expr(e.X)
		if err != nil {
			return "", 0, err
		}
		switch e.Op {
		case "-":
			if t == tBool {
				x, t = toDouble(x, t), tDouble
			}
			return "( -" + x + " )", t, nil
		case "+":
			return x, t, nil
		case "not", "!":
			return "( not " + toBool(x, t) + " )", tBool, nil
		case "~":
			return "( ~" + toLong(x, t) + " )", tLong, nil
		}
		return "", 0, fmt.Errorf("unknown unary operator %q", e.Op)
	case *ir.Binary:
		return p.binary(e)
	case *ir.Cond:
		c, ct, err := p.expr(e.C)
		if err != nil {
			return "", 0, err
		}
		a, at, err := p.expr(e.Then)
		if err != nil {
			return "", 0, err
		}
		b, bt, err := p.expr(e.Else)
		if err != nil {
			return "", 0, err
		}
		t := at
		if at != bt {
			t = tDouble
			a, b = toDouble(a, at), toDouble(b, bt)
		}
		return "( " + toBool(c, ct) + " ? " + a + " : " + b + " )", t, nil
	case *ir.Call:
		return p.call(e)
	}
	return "", 0, fmt.Errorf("unknown expression type %T", e)
}

func (p *printer) binary(e *ir.Binary) (string, ctype, error) {
	l, lt, err := p.expr(e.L)
	if err != nil {
		return "", 0, err
	}
	r, rt, err := p.expr(e.R)
	if err != nil {
		return "", 0, err
	}
	bin := func(op, a, b string) string { return "( " + a + " " + op + " " + b + " )" }
	switch e.Op {
	case "+", "-", "*":
		if lt == tLong && rt == tLong {
			return bin(e.Op, l, r), tLong, nil
		}
		return bin(e.Op, toDouble(l, lt), toDouble(r, rt)), tDouble, nil
	case "/":
		return bin("/", toDouble(l, lt), toDouble(r, rt)), tDouble, nil
	case "//":
		if e.Int || (lt == tLong && rt == tLong) {
			return bin("/", toLong(l, lt), toLong(r, rt)), tLong, nil
		}
		return "std::trunc( " + toDouble(l, lt) + " / " + toDouble(r, rt) + " )", tDouble, nil
	case "%":
		if e.Int || (lt == tLong && rt == tLong) {
			return bin("%", toLong(l, lt), toLong(r, rt)), tLong, nil
		}
		return "std::fmod( " + toDouble(l, lt) + ", " + toDouble(r, rt) + " )", tDouble, nil
	case "**":
		return "std::pow( " + toDouble(l, lt) + ", " + toDouble(r, rt) + " )", tDouble, nil
	case "<", "<=", ">", ">=", "==", "!=":
		if lt == tLong && rt == tLong || lt == tBool && rt == tBool {
			return bin(e.Op, l, r), tBool, nil
		}
		return bin(e.Op, toDouble(l, lt), toDouble(r, rt)), tBool, nil
	case "<>":
		return bin("!=", toDouble(l, lt), toDouble(r, rt)), tBool, nil
	case "and", "&&":
		return bin("and", toBool(l, lt), toBool(r, rt)), tBool, nil
	case "or", "||":
		return bin("or", toBool(l, lt), toBool(r, rt)), tBool, nil
	case "&", "|", "^", "<<", ">>":
		return bin(e.Op, toLong(l, lt), toLong(r, rt)), tLong, nil
	}
	return "", 0, fmt.Errorf("unknown binary operator %q", e.Op)
}

var unaryMath = map[string]string{
	"exp": "std::exp", "expm1": "std::expm1", "ln": "std::log", "log": "std::log",
	"log10": "std::log10", "sqrt": "std::sqrt", "sin": "std::sin", "cos": "std::cos",
	"tan": "std::tan", "sinh": "std::sinh", "cosh": "std::cosh", "tanh": "std::tanh",
	"erf": "std::erf", "erfc": "std::erfc", "ceil": "std::ceil", "floor": "std::floor",
	"round": "std::round",
}

func (p *printer) call(c *ir.Call) (string, ctype, error) {
	args := make([]string, len(c.Args))
	types := make([]ctype, len(c.Args))
	for i, a := range c.Args {
		s, t, err := p.expr(a)
		if err != nil {
			return "", 0, err
		}
		args[i], types[i] = s, t
	}
	nargs := func(n int) error {
		if len(args) != n {
			return fmt.Errorf("%s() takes %d argument(s), got %d", c.Fn, n, len(args))
		}
		return nil
	}
	if p.syn != nil {
		if s, ok, err := p.syn.call(c.Fn, args, types); ok {
			return s, tDouble, err
		}
	}
	if fn, ok := unaryMath[c.Fn]; ok {
		if err := nargs(1); err != nil {
			return "", 0, err
		}
		return fn + "( " + toDouble(args[0], types[0]) + " )", tDouble, nil
	}
	// allLong reports whether every argument is an integer.
	allLong := true
	for _, t := range types {
		allLong = allLong && t == tLong
	}
	conv := func() {
		if !allLong {
			for i := range args {
				args[i] = toDouble(args[i], types[i])
			}
		}
	}
	rt := tDouble
	if allLong {
		rt = tLong
	}
	switch c.Fn {
	case "random_normal", "random_uniform":
		// Drawn from NEST's random generator of the calling thread
		// (nestml_go_random_*_ in neuron.cpp.tmpl).
		if err := nargs(2); err != nil {
			return "", 0, err
		}
		return "nestml_go_" + c.Fn + "_( " + toDouble(args[0], types[0]) + ", " + toDouble(args[1], types[1]) + " )", tDouble, nil
	case "abs":
		if err := nargs(1); err != nil {
			return "", 0, err
		}
		if types[0] == tLong {
			return "std::labs( " + args[0] + " )", tLong, nil
		}
		return "std::fabs( " + toDouble(args[0], types[0]) + " )", tDouble, nil
	case "pow":
		if err := nargs(2); err != nil {
			return "", 0, err
		}
		return "std::pow( " + toDouble(args[0], types[0]) + ", " + toDouble(args[1], types[1]) + " )", tDouble, nil
	case "min", "max":
		if err := nargs(2); err != nil {
			return "", 0, err
		}
		conv()
		return "std::" + c.Fn + "( " + args[0] + ", " + args[1] + " )", rt, nil
	case "clip":
		if err := nargs(3); err != nil {
			return "", 0, err
		}
		conv()
		return "std::min( std::max( " + args[0] + ", " + args[1] + " ), " + args[2] + " )", rt, nil
	}
	return "", 0, fmt.Errorf("function %q is not supported by the NEST target", c.Fn)
}

// indexed prints a vector element with a run-time index (ir.Ref.Idx): an
// index outside the vector throws std::out_of_range (language.md §8.4
// leaves bounds checks to the target).
func (p *printer) indexed(r *ir.Ref) (string, ctype, error) {
	vec := p.m.VectorOf(r.Kind, r.Index)
	if vec == nil || vec.First != r.Index {
		return "", 0, fmt.Errorf("%s[…]: no vector starts at entry %d", r.Name, r.Index)
	}
	is, it, err := p.expr(r.Idx)
	if err != nil {
		return "", 0, fmt.Errorf("index of %s: %v", r.Name, err)
	}
	idx := "static_cast< size_t >( " + toLong(is, it) + " )"
	switch r.Kind {
	case ir.KParam, ir.KState, ir.KInternal:
		v, err := p.varOf(r.Kind, r.Index, r.Name)
		if err != nil {
			return "", 0, err
		}
		t, err := typeOf(v.Type)
		if err != nil {
			return "", 0, fmt.Errorf("%s: %v", v.Name, err)
		}
		prefix := map[ir.VarKind]string{ir.KParam: p.params, ir.KState: p.state, ir.KInternal: p.internals}[r.Kind]
		return fmt.Sprintf("%s%s.at( %s )", prefix, cppName(vec.Name), idx), t, nil
	case ir.KSpikePort, ir.KContPort:
		if !p.inUpdate {
			return "", 0, fmt.Errorf("port %q read outside the update step", r.Name)
		}
		buf := "spike_inputs_grid_sum_"
		if r.Kind == ir.KContPort {
			buf = "continuous_inputs_grid_sum_"
		}
		// the element's buffer, checked against the vector's size
		check := fmt.Sprintf("[&]() { const size_t __k = %s; if ( __k >= %d ) { throw std::out_of_range( %s ); } return __k; }()",
			idx, vec.Size, cString("index out of range of the vector port "+vec.Name))
		return fmt.Sprintf("%s%s[ %d + %s ]", p.bufs, buf, vec.First, check), tDouble, nil
	}
	return "", 0, fmt.Errorf("%s[…] cannot be indexed at run time", r.Name)
}
