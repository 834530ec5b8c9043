package check

import (
	"strconv"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/units"
)

// builtin describes a predefined function.
type builtin struct {
	// min/max number of arguments (-1 = any)
	minArgs, maxArgs int
	// result computes the result type from the argument types.
	result func(args []Type) Type
	void   bool
}

func realFn(args []Type) Type { return tReal }
func firstArg(args []Type) Type {
	if len(args) == 0 {
		return tInvalid
	}
	return args[0]
}

var builtins = map[string]builtin{}

func init() {
	for _, n := range []string{"exp", "expm1", "ln", "log10", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh", "erf", "erfc"} {
		builtins[n] = builtin{1, 1, realFn, false}
	}
	for _, n := range []string{"abs", "ceil", "floor", "round"} {
		builtins[n] = builtin{1, 1, firstArg, false}
	}
	builtins["min"] = builtin{2, 2, firstArg, false}
	builtins["max"] = builtin{2, 2, firstArg, false}
	builtins["clip"] = builtin{3, 3, firstArg, false}
	builtins["pow"] = builtin{2, 2, firstArg, false}
	builtins["random_normal"] = builtin{2, 2, firstArg, false}
	builtins["random_uniform"] = builtin{2, 2, firstArg, false}
	builtins["random_poisson"] = builtin{1, 1, func([]Type) Type { return tInt }, false}
	ms, _ := units.Lookup("ms")
	msT := func([]Type) Type { return QuantityOf(ms) }
	builtins["resolution"] = builtin{0, 0, msT, false}
	builtins["timestep"] = builtin{0, 0, msT, false}
	builtins["steps"] = builtin{1, 1, func([]Type) Type { return tInt }, false}
	builtins["emit_spike"] = builtin{0, -1, nil, true}
	builtins["integrate_odes"] = builtin{0, -1, nil, true}
	builtins["convolve"] = builtin{2, 2, nil, false}
	builtins["delta"] = builtin{1, 1, realFn, false}
	for _, n := range []string{"print", "println", "info", "warning"} {
		builtins[n] = builtin{1, 1, nil, true}
	}
}

// expr types e, records the type in Info.Types and returns it.
func (c *checker) expr(e ast.Expr) Type {
	t := c.expr1(e)
	c.info.Types[e] = t
	return t
}

func (c *checker) expr1(e ast.Expr) Type {
	switch e := e.(type) {
	case *ast.NumberLit:
		base := tReal
		if !e.IsFloat {
			base = tInt
		}
		if e.Unit == nil {
			return base
		}
		// A unit part that is one declared variable: `2.5 tau`.
		if e.Unit.Op == ast.UnitName {
			if s := c.lookup(e.Unit.Name); s != nil {
				c.compat(diag.LiteralFollowedByVariable, e.Rng, "write "+e.Text+" * "+e.Unit.Name, "a number followed by the variable %q is read as a product", e.Unit.Name)
				if !s.Type.Valid() {
					return tInvalid
				}
				return c.arith("*", base, s.Type, e.Rng, e)
			}
		}
		u, ds := units.FromExpr(e.Unit)
		if len(ds) > 0 {
			for _, d := range ds {
				d.Model = c.mi.Model.Name.Name
				if d.Severity == diag.Error {
					c.mi.Valid = false
				}
				c.diags = append(c.diags, d)
			}
			return tInvalid
		}
		c.info.LiteralUnits[e] = u
		return QuantityOf(u)
	case *ast.BoolLit:
		return tBool
	case *ast.StringLit:
		return tString
	case *ast.InfLit:
		return tReal
	case *ast.Paren:
		return c.expr(e.X)
	case *ast.Variable:
		return c.variable(e)
	case *ast.Call:
		return c.call(e, false)
	case *ast.Unary:
		t := c.expr(e.X)
		if !t.Valid() {
			return tInvalid
		}
		switch e.Op {
		case "not":
			if t.Kind != Boolean {
				c.errorf(diag.LogicalOperandNotBoolean, e.Rng, "not needs a boolean operand, not %s", t)
				return tInvalid
			}
			return tBool
		case "~":
			if t.Kind != Integer {
				c.errorf(diag.BitOperandType, e.Rng, "~ needs an integer operand, not %s", t)
				return tInvalid
			}
			return tInt
		default:
			if !t.IsNumeric() {
				c.errorf(diag.OperatorTypeError, e.Rng, "unary %s needs a number, not %s", e.Op, t)
				return tInvalid
			}
			return t
		}
	case *ast.Binary:
		return c.binary(e)
	case *ast.Ternary:
		ct := c.expr(e.Cond)
		a := c.expr(e.Then)
		b := c.expr(e.Else)
		if ct.Valid() && ct.Kind != Boolean {
			c.errorf(diag.ConditionNotBoolean, e.Cond.Span(), "the condition of ?: must be boolean, not %s", ct)
			return tInvalid
		}
		if !a.Valid() || !b.Valid() {
			return tInvalid
		}
		switch {
		case Same(a, b):
			return a
		case a.Kind == Quantity && b.Kind == Quantity && a.Unit.Compatible(b.Unit):
			return a
		case a.IsPlain() && b.IsPlain():
			if a.Kind == Real || b.Kind == Real {
				return tReal
			}
			return tInt
		case a.Kind == Quantity && b.IsPlain():
			c.warnf(diag.ConditionalBranchMismatch, e.Rng, "the branches of ?: have types %s and %s", a, b)
			return a
		case b.Kind == Quantity && a.IsPlain():
			c.warnf(diag.ConditionalBranchMismatch, e.Rng, "the branches of ?: have types %s and %s", a, b)
			return b
		}
		c.errorf(diag.ConditionalBranchMismatch, e.Rng, "the branches of ?: have incompatible types %s and %s", a, b)
		return tInvalid
	}
	return tInvalid
}

func (c *checker) variable(v *ast.Variable) Type {
	name := v.FullName()
	s := c.lookup(name)
	if s == nil {
		if t, ok := predefinedVars[name]; ok {
			return t
		}
		if v.Order == 0 && v.Index == nil {
			if u, ok := units.Lookup(v.Name); ok {
				c.compat(diag.BareUnitInExpression, v.Rng, "write 1 "+v.Name, "the unit %s is used as a value; write it after a number", v.Name)
				c.info.BareUnits[v] = u
				return QuantityOf(u)
			}
		}
		c.add(diag.VariableNotDefined, diag.Error, v.Rng, c.suggest(v.Name), "%q is not declared", name)
		return tInvalid
	}
	c.info.Uses[v] = s
	if s.Kind == SymKernel && !c.inEquations {
		c.errorf(diag.KernelOutsideConvolve, v.Rng, "kernel %q can only be used inside convolve()", name)
	}
	if v.Index != nil {
		c.index(v)
	} else if s.VectorSize != nil && s.Kind != SymSpikePort {
		c.errorf(diag.VectorWithoutIndex, v.Rng, "vector %q needs an index here", name)
	}
	return s.Type
}

func (c *checker) index(v *ast.Variable) {
	if t := c.expr(v.Index); t.Valid() && t.Kind != Integer {
		c.errorf(diag.VectorIndexNotInteger, v.Index.Span(), "a vector index must be an integer, not %s", t)
	}
}

func (c *checker) call(call *ast.Call, stmt bool) Type {
	name := call.Name.Name
	var args []Type
	typeArgs := func() bool {
		ok := true
		for _, a := range call.Args {
			t := c.expr(a)
			args = append(args, t)
			if !t.Valid() {
				ok = false
			}
		}
		return ok
	}
	if b, ok := builtins[name]; ok {
		switch name {
		case "integrate_odes":
			for _, a := range call.Args {
				v, isVar := ast.Unparen(a).(*ast.Variable)
				if !isVar {
					c.errorf(diag.IntegrateOdesArgNotState, a.Span(), "integrate_odes() takes state variable names")
					continue
				}
				s := c.lookup(v.Name)
				if s == nil {
					c.add(diag.VariableNotDefined, diag.Error, v.Rng, c.suggest(v.Name), "%q is not declared", v.Name)
					continue
				}
				c.info.Uses[v] = s
				if s.Kind != SymState {
					c.errorf(diag.IntegrateOdesArgNotState, v.Rng, "%q is a %s, not a state variable", v.Name, s.Kind)
				}
			}
			return tVoid
		case "convolve":
			if len(call.Args) != 2 {
				c.errorf(diag.ConvolveArgCount, call.Rng, "convolve() takes 2 arguments, got %d", len(call.Args))
				return tInvalid
			}
			if !c.inEquations {
				c.errorf(diag.ConvolveOutsideEquations, call.Rng, "convolve() is only allowed in the equations block")
			}
			k, ok1 := ast.Unparen(call.Args[0]).(*ast.Variable)
			p, ok2 := ast.Unparen(call.Args[1]).(*ast.Variable)
			if !ok1 || !ok2 {
				c.errorf(diag.ConvolveArgNotVariable, call.Rng, "convolve() takes a kernel name and a spike port name")
				return tInvalid
			}
			ks, ps := c.lookup(k.Name), c.lookup(p.Name)
			if ks == nil || (ks.Kind != SymKernel && !c.kernelNames[k.Name]) {
				c.errorf(diag.ConvolveFirstArgNotKernel, k.Rng, "%q is not a kernel", k.Name)
				return tInvalid
			}
			if ps == nil || ps.Kind != SymSpikePort {
				c.errorf(diag.ConvolveSecondArgNotSpikePort, p.Rng, "%q is not a spike input port", p.Name)
				return tInvalid
			}
			c.info.Uses[k] = ks
			c.info.Uses[p] = ps
			// A kernel given as a function of time is a plain shape: the
			// convolution (summed weights × shape) is real. A kernel in ODE
			// form over a declared state has that state's type.
			kt := tReal
			if ks.Kind == SymState {
				kt = ks.Type
			}
			c.info.Types[call.Args[0]] = kt
			c.info.Types[call.Args[1]] = ps.Type
			return kt
		}
		valid := typeArgs()
		n := len(call.Args)
		if n < b.minArgs || (b.maxArgs >= 0 && n > b.maxArgs) {
			code := diag.FunctionArgCount
			if name == "emit_spike" {
				code = diag.EmitSpikeArgCount
			}
			c.errorf(code, call.Rng, "%s() takes %s, got %d", name, argCount(b), n)
			return tInvalid
		}
		if name == "emit_spike" {
			if c.mi.Output == nil || c.mi.Output.Kind != "spike" {
				c.errorf(diag.EmitSpikeWithoutSpikeOutput, call.Rng, "emit_spike() needs `output: spike`")
			}
			if n > 0 && !c.mi.IsSynapse {
				c.errorf(diag.EmitSpikeWeightInNeuron, call.Rng, "a neuron's emit_spike() takes no weight")
			}
		}
		if b.void {
			if !stmt {
				c.errorf(diag.VoidFunctionInExpression, call.Rng, "%s() returns nothing and cannot be used in an expression", name)
				return tInvalid
			}
			return tVoid
		}
		if !valid {
			return tInvalid
		}
		if name == "min" || name == "max" || name == "clip" {
			for _, a := range args[1:] {
				if !(Same(a, args[0]) || (a.Kind == Quantity && args[0].Kind == Quantity && a.Unit.Compatible(args[0].Unit)) || (a.IsPlain() && args[0].IsPlain())) {
					c.errorf(diag.TemplateArgsInconsistent, call.Rng, "the arguments of %s() must have compatible types, got %s and %s", name, args[0], a)
					return tInvalid
				}
			}
		}
		return b.result(args)
	}
	s := c.lookup(name)
	if s == nil || s.Kind != SymFunction {
		typeArgs()
		c.add(diag.FunctionNotDefined, diag.Error, call.Name.Rng, "", "function %q is not defined", name)
		return tInvalid
	}
	fd := s.Decl.(*ast.FunctionDecl)
	valid := typeArgs()
	if len(call.Args) != len(fd.Params) {
		c.errorf(diag.FunctionArgCount, call.Rng, "%s() takes %d arguments, got %d", name, len(fd.Params), len(call.Args))
		return tInvalid
	}
	if valid {
		for i, p := range fd.Params {
			c.assignable(c.info.DeclTypes[p.Type], args[i], call.Args[i], diag.ArgumentTypeMismatch, "pass argument "+p.Name.Name)
		}
	}
	if s.Type.Kind == Void && !stmt {
		c.errorf(diag.VoidFunctionInExpression, call.Rng, "%s() returns nothing and cannot be used in an expression", name)
		return tInvalid
	}
	return s.Type
}

func argCount(b builtin) string {
	switch {
	case b.maxArgs < 0:
		return "any number of arguments"
	case b.minArgs == b.maxArgs && b.minArgs == 1:
		return "1 argument"
	case b.minArgs == b.maxArgs:
		return strconv.Itoa(b.minArgs) + " arguments"
	}
	return strconv.Itoa(b.minArgs) + " to " + strconv.Itoa(b.maxArgs) + " arguments"
}

func (c *checker) binary(e *ast.Binary) Type {
	a := c.expr(e.L)
	b := c.expr(e.R)
	if !a.Valid() || !b.Valid() {
		return tInvalid
	}
	switch e.Op {
	case "and", "or":
		if a.Kind != Boolean || b.Kind != Boolean {
			c.errorf(diag.LogicalOperandNotBoolean, e.Rng, "%s needs boolean operands, got %s and %s", e.Op, a, b)
			return tInvalid
		}
		return tBool
	case "<", "<=", ">", ">=", "==", "!=", "<>":
		if l, ok := ast.Unparen(e.L).(*ast.Binary); ok && isComparison(l.Op) && e.L == ast.Expr(l) {
			c.errorf(diag.ChainedComparison, e.Rng, "comparisons cannot be chained; write (a %s b) and (b %s c)", l.Op, e.Op)
			return tInvalid
		}
		switch {
		case a.IsPlain() && b.IsPlain():
		case a.Kind == Quantity && b.Kind == Quantity:
			if !a.Unit.Compatible(b.Unit) {
				c.errorf(diag.ComparisonIncompatible, e.Rng, "cannot compare %s with %s", a, b)
				return tInvalid
			}
		case a.Kind == Quantity && b.IsPlain(), a.IsPlain() && b.Kind == Quantity:
			other := e.R
			if a.IsPlain() {
				other = e.L
			}
			if !isZeroOrInf(other) {
				c.warnf(diag.ComparisonWithPlainNumber, e.Rng, "comparison of a quantity (%s) with a plain number; the number is read in that unit", pick(a, b))
			}
		case a.Kind == Boolean && b.Kind == Boolean, a.Kind == String && b.Kind == String:
		default:
			c.errorf(diag.ComparisonIncompatible, e.Rng, "cannot compare %s with %s", a, b)
			return tInvalid
		}
		return tBool
	case "&", "|", "^":
		if a.Kind == Integer && b.Kind == Integer {
			return tInt
		}
		if a.Kind == Boolean && b.Kind == Boolean {
			return tBool
		}
		c.errorf(diag.BitOperandType, e.Rng, "%s needs two integers or two booleans, got %s and %s", e.Op, a, b)
		return tInvalid
	case "<<", ">>":
		if a.Kind == Integer && b.Kind == Integer {
			return tInt
		}
		c.errorf(diag.BitOperandType, e.Rng, "%s needs integers, got %s and %s", e.Op, a, b)
		return tInvalid
	case "**":
		return c.power(e, a, b)
	}
	return c.arith(e.Op, a, b, e.Rng, e)
}

func pick(a, b Type) Type {
	if a.Kind == Quantity {
		return a
	}
	return b
}

func isComparison(op string) bool {
	switch op {
	case "<", "<=", ">", ">=", "==", "!=", "<>":
		return true
	}
	return false
}

func isZeroOrInf(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.Unary); ok && u.Op == "-" {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.InfLit:
		return true
	case *ast.NumberLit:
		return e.Unit == nil && e.Value == 0
	}
	return false
}

// arith types +, -, *, /, //, % (language.md §7.5).
func (c *checker) arith(op string, a, b Type, r ast.Range, e ast.Node) Type {
	bad := func() Type {
		c.errorf(diag.OperatorTypeError, r, "operator %s cannot combine %s and %s", op, a, b)
		return tInvalid
	}
	switch op {
	case "+", "-":
		switch {
		case a.Kind == String || b.Kind == String:
			if op == "+" && a.Kind != Void && b.Kind != Void {
				return tString
			}
			return bad()
		case a.Kind == Integer && b.Kind == Integer:
			return tInt
		case a.IsPlain() && b.IsPlain():
			return tReal
		case a.Kind == Quantity && b.Kind == Quantity:
			if !a.Unit.Compatible(b.Unit) {
				return bad()
			}
			return a
		case a.Kind == Quantity && b.IsPlain(), a.IsPlain() && b.Kind == Quantity:
			q := pick(a, b)
			c.warnf(diag.QuantityMixedWithPlainNumber, r, "a plain number is mixed with a quantity of type %s; it is read in that unit", q)
			return q
		}
		return bad()
	case "*":
		switch {
		case a.Kind == Integer && b.Kind == Integer:
			return tInt
		case a.IsPlain() && b.IsPlain():
			return tReal
		case a.Kind == Quantity && b.IsPlain():
			return a
		case a.IsPlain() && b.Kind == Quantity:
			return b
		case a.Kind == Quantity && b.Kind == Quantity:
			return QuantityOf(a.Unit.Mul(b.Unit))
		}
		return bad()
	case "/":
		switch {
		case a.IsPlain() && b.IsPlain():
			return tReal
		case a.Kind == Quantity && b.IsPlain():
			return a
		case a.IsPlain() && b.Kind == Quantity:
			return QuantityOf(b.Unit.Inv())
		case a.Kind == Quantity && b.Kind == Quantity:
			return QuantityOf(a.Unit.Div(b.Unit))
		}
		return bad()
	case "//":
		switch {
		case a.Kind == Integer && b.Kind == Integer:
			return tInt
		case a.IsPlain() && b.IsPlain():
			c.warnf(diag.IntegerDivisionOfReal, r, "// of a real operand truncates the quotient")
			return tReal
		}
		return bad()
	case "%":
		if a.Kind == Integer && b.Kind == Integer {
			return tInt
		}
		return bad()
	}
	return bad()
}

func (c *checker) power(e *ast.Binary, a, b Type) Type {
	if b.Kind == Quantity && a.Kind != Quantity {
		c.errorf(diag.OperatorTypeError, e.R.Span(), "an exponent cannot have a unit (%s)", b)
		return tInvalid
	}
	if !b.IsNumeric() || !(a.IsNumeric()) {
		c.errorf(diag.OperatorTypeError, e.Rng, "operator ** cannot combine %s and %s", a, b)
		return tInvalid
	}
	if a.Kind != Quantity {
		if a.Kind == Integer && b.Kind == Integer {
			return tInt
		}
		return tReal
	}
	num, den, ok := c.constRational(e.R, 0)
	if !ok {
		c.errorf(diag.UnitExponentNotConstant, e.R.Span(), "the exponent of a quantity of type %s must be a constant number", a)
		return tInvalid
	}
	return QuantityOf(a.Unit.Pow(units.NewRat(num, den)))
}

// constRational evaluates a constant exponent made of literals, unary
// minus, parentheses and division of integers.
//
// Names of parameters and internals contribute their declared default
// (warning UNIT_EXPONENT_FROM_PARAMETER); a unit on a constant is ignored,
// as upstream does (warning UNIT_IN_EXPONENT).
func (c *checker) constRational(e ast.Expr, depth int) (int64, int64, bool) {
	if depth > 16 {
		return 0, 0, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Variable:
		s := c.lookup(e.Name)
		if s == nil || (s.Kind != SymParam && s.Kind != SymInternal) || s.Init == nil || e.Index != nil {
			return 0, 0, false
		}
		c.warnf(diag.UnitExponentFromParameter, e.Rng, "the exponent uses the default value of %s %q; changing it at run time would change the physical dimension", s.Kind, s.Name)
		if s.Type.Kind == Quantity {
			c.warnf(diag.UnitInExponent, e.Rng, "the unit of %q is ignored in the exponent", s.Name)
		}
		return c.constRational(s.Init, depth+1)
	case *ast.NumberLit:
		if e.Unit != nil {
			c.warnf(diag.UnitInExponent, e.Rng, "the unit of this constant is ignored in the exponent")
		}
		if !e.IsFloat {
			return e.Int, 1, true
		}
		// decimal fractions read exactly
		for den := int64(1); den <= 1_000_000; den *= 10 {
			v := e.Value * float64(den)
			if v == float64(int64(v)) {
				return int64(v), den, true
			}
		}
		return 0, 0, false
	case *ast.Unary:
		if e.Op == "-" || e.Op == "+" {
			n, d, ok := c.constRational(e.X, depth+1)
			if e.Op == "-" {
				n = -n
			}
			return n, d, ok
		}
	case *ast.Binary:
		if e.Op == "/" {
			n1, d1, ok1 := c.constRational(e.L, depth+1)
			n2, d2, ok2 := c.constRational(e.R, depth+1)
			if ok1 && ok2 && n2 != 0 {
				return n1 * d2, d1 * n2, true
			}
		}
		if e.Op == "+" || e.Op == "-" || e.Op == "*" {
			n1, d1, ok1 := c.constRational(e.L, depth+1)
			n2, d2, ok2 := c.constRational(e.R, depth+1)
			if ok1 && ok2 {
				switch e.Op {
				case "+":
					return n1*d2 + n2*d1, d1 * d2, true
				case "-":
					return n1*d2 - n2*d1, d1 * d2, true
				}
				return n1 * n2, d1 * d2, true
			}
		}
	}
	return 0, 0, false
}
