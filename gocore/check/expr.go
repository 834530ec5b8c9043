package check

import (
	"math"
	"strconv"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/units"
)

// param is the kind of a predefined function's parameter.
type param int

const (
	pReal     param = iota // any plain number or quantity (a quantity passes its magnitude)
	pTemplate              // T: all template arguments must be mutually compatible
	pMs                    // a time
	pString                // a string
	pAny                   // anything but void
)

// builtin describes a predefined function (language.md §9.1).
type builtin struct {
	name    string
	params  []param
	minArgs int
	// result computes the result type from the argument types; nil for
	// void functions.
	result func(args []Type) Type
}

func (b builtin) exists() bool { return b.name != "" }

func realFn([]Type) Type { return tReal }
func firstArg(args []Type) Type {
	if len(args) == 0 {
		return tInvalid
	}
	return args[0]
}

var builtins = map[string]builtin{}

func init() {
	def := func(name string, result func([]Type) Type, ps ...param) {
		builtins[name] = builtin{name: name, params: ps, minArgs: len(ps), result: result}
	}
	for _, n := range []string{"exp", "expm1", "ln", "log10", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh", "erf", "erfc"} {
		def(n, realFn, pReal)
	}
	for _, n := range []string{"abs", "ceil", "floor", "round"} {
		def(n, firstArg, pTemplate)
	}
	def("min", firstArg, pTemplate, pTemplate)
	def("max", firstArg, pTemplate, pTemplate)
	def("clip", firstArg, pTemplate, pTemplate, pTemplate)
	def("pow", firstArg, pReal, pReal)
	def("random_normal", firstArg, pTemplate, pTemplate)
	def("random_uniform", firstArg, pTemplate, pTemplate)
	def("random_poisson", func([]Type) Type { return tInt }, pReal)
	ms := units.MustLookup("ms")
	msT := func([]Type) Type { return QuantityOf(ms) }
	def("resolution", msT)
	def("timestep", msT)
	def("steps", func([]Type) Type { return tInt }, pMs)
	def("delta", realFn, pMs)
	def("convolve", realFn, pAny, pAny)
	builtins["emit_spike"] = builtin{name: "emit_spike", params: []param{pReal}, minArgs: 0}
	builtins["integrate_odes"] = builtin{name: "integrate_odes", minArgs: 0}
	for _, n := range []string{"print", "println", "info", "warning"} {
		def(n, nil, pString)
	}
}

// top types a top-level expression (an initialiser, a right side, a
// condition, …). If its type cannot be derived because of an error inside
// it, one EXPRESSION_TYPE_UNDERIVABLE follow-up is reported at its start.
func (c *checker) top(e ast.Expr) Type {
	n0 := c.nerr
	t := c.expr(e)
	if !t.Valid() && c.nerr > n0 && c.propagated[ast.Unparen(e)] {
		r := e.Span()
		c.errorf(diag.ExpressionTypeUnderivable, ast.Range{Start: r.Start, End: r.Start}, "the type of this expression cannot be derived because of the error inside it")
	}
	return t
}

// callTop types a function call used as a statement.
func (c *checker) callTop(call *ast.Call) {
	n0 := c.nerr
	t := c.call(call, true)
	c.info.Types[call] = t
	if !t.Valid() && c.nerr > n0 && c.propagated[call] {
		c.errorf(diag.ExpressionTypeUnderivable, ast.Range{Start: call.Rng.Start, End: call.Rng.Start}, "the type of this expression cannot be derived because of the error inside it")
	}
}

// expr types e, records the type in Info.Types and returns it.
func (c *checker) expr(e ast.Expr) Type {
	t := c.expr1(e)
	c.info.Types[e] = t
	return t
}

// prop marks e as invalid because of a sub-expression.
func (c *checker) prop(e ast.Expr) Type {
	c.propagated[e] = true
	return tInvalid
}

func (c *checker) expr1(e ast.Expr) Type {
	switch e := e.(type) {
	case *ast.NumberLit:
		return c.number(e)
	case *ast.BoolLit:
		return tBool
	case *ast.StringLit:
		return tString
	case *ast.InfLit:
		return tReal
	case *ast.Paren:
		t := c.expr(e.X)
		if !t.Valid() && c.propagated[ast.Unparen(e.X)] {
			c.propagated[e] = true
		}
		return t
	case *ast.Variable:
		return c.variable(e)
	case *ast.Call:
		return c.call(e, false)
	case *ast.Unary:
		t := c.expr(e.X)
		if !t.Valid() {
			return c.prop(e)
		}
		switch e.Op {
		case "not":
			if t.Kind != Boolean {
				c.errorf(diag.LogicalOperandNotBoolean, e.X.Span(), "not needs a boolean operand, not %s", t)
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
		return c.ternary(e)
	}
	return tInvalid
}

// number types a numeric literal, splitting declared variables off its
// unit part (language.md §4.12).
func (c *checker) number(e *ast.NumberLit) Type {
	base := tReal
	if !e.IsFloat {
		base = tInt
	}
	if e.Unit == nil {
		return base
	}
	// A unit part that is one declared variable: `2.5 tau`.
	if e.Unit.Op == ast.UnitName {
		if s := c.lookup(e.Unit.Name); s != nil && s.Kind != SymFunction {
			c.compat(diag.LiteralFollowedByVariable, e.Unit.Rng, "write "+e.Text+" * "+e.Unit.Name,
				"a number followed by the variable %q is read as a product", e.Unit.Name)
			v := c.literalVar(e, s, e.Unit)
			c.info.LiteralVars[e] = []LiteralFactor{{Var: v, Sym: s, Exp: units.NewRat(1, 1)}}
			if !s.Type.Valid() {
				return tInvalid
			}
			return c.arith("*", base, s.Type, e.Rng, nil)
		}
	}
	var factors []unitFactor
	flattenUnit(e.Unit, 1, &factors)
	split := false
	for _, f := range factors {
		if f.name != "" {
			if s := c.lookup(f.name); s != nil && s.Kind != SymFunction {
				split = true
			}
		}
	}
	if !split {
		u, ds := units.FromExpr(e.Unit)
		if len(ds) > 0 {
			c.addDiags(ds)
		}
		if ds.HasErrors() || !u.IsValid() {
			return tInvalid
		}
		c.info.LiteralUnits[e] = u
		return QuantityOf(u)
	}
	// Split the factors that name declared variables off the unit part.
	u := units.One()
	t := base
	var vars []LiteralFactor
	ok := true
	for _, f := range factors {
		var s *Symbol
		if f.name != "" {
			s = c.lookup(f.name)
			if s != nil && s.Kind == SymFunction {
				s = nil
			}
		}
		if s == nil {
			fu, ds := units.FromExpr(f.node)
			c.addDiags(ds)
			if ds.HasErrors() || !fu.IsValid() {
				ok = false
				continue
			}
			if f.sign < 0 {
				fu = fu.Inv()
			}
			u = u.Mul(fu)
			continue
		}
		c.warnh(diag.LiteralFollowedByVariable, f.nameRng, "write the variable as an ordinary operand: "+e.Text+" … * "+f.name,
			"%q in the unit part of this literal is the declared %s, not the unit", f.name, s.Kind)
		v := c.literalVar(e, s, f.nameNode)
		exp := f.exp
		if f.sign < 0 {
			exp = exp.Neg()
		}
		vars = append(vars, LiteralFactor{Var: v, Sym: s, Exp: exp})
		if !s.Type.Valid() {
			ok = false
			continue
		}
		vt := s.Type
		if !exp.IsInt() || exp.Num() != 1 {
			switch vt.Kind {
			case Quantity:
				vt = QuantityOf(vt.Unit.Pow(exp))
			case Integer, Real:
				vt = tReal
			default:
				c.errorf(diag.OperatorTypeError, f.nameRng, "%q of type %s cannot be a factor of a number", f.name, vt)
				ok = false
				continue
			}
		}
		t = c.arith("*", t, vt, f.nameRng, nil)
		if !t.Valid() {
			ok = false
		}
	}
	c.info.LiteralVars[e] = vars
	if !ok {
		return tInvalid
	}
	c.info.LiteralUnits[e] = u
	return c.arith("*", t, QuantityOf(u), e.Rng, nil)
}

// literalVar synthesises a reference to a variable named inside a literal.
func (c *checker) literalVar(e *ast.NumberLit, s *Symbol, u *ast.UnitExpr) *ast.Variable {
	v := &ast.Variable{Name: s.Name, Rng: u.Rng}
	c.info.Uses[v] = s
	c.info.Types[v] = s.Type
	return v
}

// unitFactor is one factor of the top-level product of a literal's unit
// part: a name (possibly raised to a constant power) or any other unit
// expression.
type unitFactor struct {
	node     *ast.UnitExpr
	sign     int
	name     string // for NAME and NAME ** e
	nameNode *ast.UnitExpr
	nameRng  ast.Range
	exp      units.Rat
}

func flattenUnit(u *ast.UnitExpr, sign int, out *[]unitFactor) {
	if u == nil {
		return
	}
	switch u.Op {
	case ast.UnitMul:
		flattenUnit(u.L, sign, out)
		flattenUnit(u.R, sign, out)
		return
	case ast.UnitDiv:
		flattenUnit(u.L, sign, out)
		flattenUnit(u.R, -sign, out)
		return
	case ast.UnitName:
		*out = append(*out, unitFactor{node: u, sign: sign, name: u.Name, nameNode: u, nameRng: u.Rng, exp: units.NewRat(1, 1)})
		return
	case ast.UnitPow:
		if u.L != nil && u.L.Op == ast.UnitName && u.ExpDen >= 0 {
			den := u.ExpDen
			if den == 0 {
				den = 1
			}
			*out = append(*out, unitFactor{node: u, sign: sign, name: u.L.Name, nameNode: u.L, nameRng: u.L.Rng, exp: units.NewRat(u.ExpNum, den)})
			return
		}
	}
	*out = append(*out, unitFactor{node: u, sign: sign})
}

// usedBeforeDecl reports VARIABLE_USED_BEFORE_DECLARATION for a local
// that is declared later in its block.
func (c *checker) usedBeforeDecl(v *ast.Variable) bool {
	if c.scope == nil {
		return false
	}
	if p, ok := c.scope.later[v.FullName()]; ok && v.Rng.Start.Before(p) {
		c.errorf(diag.VariableUsedBeforeDeclaration, v.Rng, "%q is used before its declaration at line %d", v.FullName(), p.Line)
		return true
	}
	return false
}

func (c *checker) variable(v *ast.Variable) Type {
	name := v.FullName()
	s := c.lookup(name)
	if s == nil {
		if t, ok := predefinedVars[name]; ok && v.Index == nil {
			return t
		}
		if c.usedBeforeDecl(v) {
			return tInvalid
		}
		if v.Order == 0 && v.Index == nil {
			if u, ok := units.Lookup(v.Name); ok {
				c.compat(diag.BareUnitInExpression, v.Rng, "write 1 "+v.Name, "the unit %s is used as a value; write it after a number", v.Name)
				c.info.BareUnits[v] = u
				return QuantityOf(u)
			}
		}
		c.errorh(diag.VariableNotDefined, v.Rng, c.suggest(v.Name), "%q is not declared", name)
		return tInvalid
	}
	if s.Kind == SymFunction {
		c.errorh(diag.VariableNotDefined, v.Rng, "call it: "+name+"(…)", "%q is a function, not a variable", name)
		return tInvalid
	}
	c.info.Uses[v] = s
	switch s.Kind {
	case SymInline:
		if v.Rng.Start.Before(s.Pos.Start) {
			c.errorf(diag.VariableUsedBeforeDeclaration, v.Rng, "inline expression %q is used before its declaration at line %d", name, s.Pos.Start.Line)
			return tInvalid
		}
	case SymKernel:
		if c.curKernel == nil || s.Decl != ast.Node(c.curKernel) {
			c.errorh(diag.KernelOutsideConvolve, v.Rng, "write convolve("+name+", <spike port>)", "kernel %q can only be used as the first argument of convolve()", name)
			return tInvalid
		}
	case SymLocal:
		if s.Init == nil && c.scope != nil && !c.scope.assigned[s] && !c.scope.warned[s] {
			c.scope.warned[s] = true
			c.warnf(diag.LocalReadBeforeAssignment, v.Rng, "local %q is read before any assignment; it is 0", name)
		}
	}
	if v.Index != nil {
		c.index(v)
	} else if s.VectorSize != nil && s.Kind != SymSpikePort && !c.printArg {
		if c.scalarDecl != nil {
			if !c.vecInDecl {
				c.errorh(diag.VectorInScalarDeclaration, c.scalarDecl.Rng, "write "+name+"[i]", "the vector %q is used without an index in the initial value of a scalar", name)
			}
			c.vecInDecl = true
		} else {
			c.errorh(diag.VectorWithoutIndex, v.Rng, "write "+name+"[i]", "vector %q needs an index here", name)
		}
	}
	return s.Type
}

func (c *checker) index(v *ast.Variable) {
	idx := ast.Unparen(v.Index)
	if u, ok := idx.(*ast.Unary); ok && u.Op == "-" {
		if n, ok := ast.Unparen(u.X).(*ast.NumberLit); ok && n.Value != 0 {
			c.expr(v.Index)
			c.errorf(diag.VectorIndexNegative, v.Index.Span(), "a vector index cannot be negative")
			return
		}
	}
	outer := c.scalarDecl
	c.scalarDecl = nil
	t := c.expr(v.Index)
	c.scalarDecl = outer
	if t.Valid() && t.Kind != Integer {
		c.errorf(diag.VectorIndexNotInteger, v.Index.Span(), "a vector index must be an integer, not %s", t)
	}
}

func (c *checker) call(call *ast.Call, stmt bool) Type {
	name := call.Name.Name
	b, isBuiltin := builtins[name]
	if !isBuiltin {
		return c.userCall(call, stmt)
	}
	switch name {
	case "integrate_odes":
		c.integrateOdes(call)
		return c.voidResult(call, name, stmt)
	case "convolve":
		return c.convolve(call)
	case "delta":
		c.deltaCall(call, false)
		for _, a := range call.Args {
			c.expr(a)
		}
		return tReal
	}
	c.callContext(call)
	// type the arguments
	print := name == "print" || name == "println"
	args := make([]Type, len(call.Args))
	valid := true
	for i, a := range call.Args {
		c.printArg = print
		args[i] = c.expr(a)
		c.printArg = false
		if !args[i].Valid() {
			valid = false
		}
	}
	n := len(call.Args)
	if n < b.minArgs || n > len(b.params) {
		if name == "emit_spike" {
			hint := ""
			if n == 2 {
				hint = "since NESTML 8.3 emit_spike takes at most one argument (the weight); set the delay through the delay_variable code generator option"
			}
			c.errorh(diag.EmitSpikeArgCount, call.Rng, hint, "emit_spike() takes at most 1 argument (the weight), got %d", n)
		} else {
			c.errorf(diag.FunctionArgCount, call.Rng, "%s() takes %s, got %d", name, argCount(b.minArgs, len(b.params)), n)
		}
		if b.result == nil {
			return c.voidResult(call, name, stmt)
		}
		return tInvalid
	}
	if print {
		c.printPlaceholders(call)
	}
	if name == "emit_spike" {
		c.emitSpike(call)
	}
	derivable := valid
	if valid {
		var tmpl []int
		for i, p := range b.params[:n] {
			switch p {
			case pReal:
				if !args[i].IsNumeric() && args[i].Kind != Boolean {
					c.errorf(diag.ArgumentTypeMismatch, call.Args[i].Span(), "argument %d of %s() must be a number, not %s", i+1, name, args[i])
				} else if args[i].Kind == Boolean {
					c.warnf(diag.BooleanNumberConversion, call.Args[i].Span(), "boolean converted to a number")
				} else if args[i].Kind == Quantity {
					c.infof(diag.UnitStripped, call.Args[i].Span(), "%s() receives the magnitude of this %s quantity in %s", name, args[i], args[i])
				}
			case pMs:
				c.assignable(QuantityOf(units.MustLookup("ms")), args[i], call.Args[i], diag.ArgumentTypeMismatch, "pass argument "+strconv.Itoa(i+1)+" to "+name+"()")
			case pString:
				if args[i].Kind != String {
					c.errorh(diag.ArgumentTypeMismatch, call.Args[i].Span(), "write the value into the text with a placeholder: \"{name}\"", "%s() takes a string, not %s", name, args[i])
				}
			case pTemplate:
				if !args[i].IsNumeric() {
					c.errorf(diag.ArgumentTypeMismatch, call.Args[i].Span(), "argument %d of %s() must be a number, not %s", i+1, name, args[i])
					valid = false
				}
				tmpl = append(tmpl, i)
			}
		}
		if valid && len(tmpl) > 1 {
			first := args[tmpl[0]]
			for _, i := range tmpl[1:] {
				a := args[i]
				if !(Same(a, first) || (a.Kind == Quantity && first.Kind == Quantity && a.Unit.Compatible(first.Unit)) || (a.IsPlain() && first.IsPlain())) {
					c.errorf(diag.TemplateArgsInconsistent, call.Rng, "the arguments of %s() must have compatible types, got %s and %s", name, first, a)
					valid = false
					break
				}
			}
		}
	}
	if b.result == nil {
		return c.voidResult(call, name, stmt)
	}
	if !derivable {
		return c.prop(call)
	}
	if !valid {
		return tInvalid
	}
	return b.result(args)
}

func (c *checker) voidResult(call *ast.Call, name string, stmt bool) Type {
	if !stmt {
		c.errorf(diag.VoidFunctionInExpression, call.Rng, "%s() returns nothing and cannot be used in an expression", name)
		return tInvalid
	}
	return tVoid
}

// callContext checks where time and random functions may be called
// (checks.md §4.13).
func (c *checker) callContext(call *ast.Call) {
	name := call.Name.Name
	switch name {
	case "resolution", "steps":
		if c.ctx == ctxEquations || c.ctx == ctxFunction {
			where := "the equations block"
			if c.ctx == ctxFunction {
				where = "a function"
			}
			code := diag.ResolutionIllegalContext
			if name == "steps" {
				code = diag.StepsIllegalContext
			}
			c.errorh(code, call.Rng, "compute it as an internal: __h ms = resolution()", "%s() cannot be used in %s", name, where)
			return
		}
		c.warnf(diag.FixedTimestepFunctionUsed, call.Rng, "%s() ties the model to a fixed simulation step", name)
	case "timestep":
		if c.ctx != ctxUpdate {
			c.errorf(diag.TimestepOutsideUpdate, call.Rng, "timestep() can only be used in the update block")
		}
	case "random_normal", "random_uniform", "random_poisson":
		if c.ctx == ctxEquations {
			c.warnf(diag.RandomFunctionInEquations, call.Rng, "%s() in the equations block is re-evaluated at every solver stage", name)
		}
	}
}

// emitSpike checks the context of emit_spike (language.md §12).
func (c *checker) emitSpike(call *ast.Call) {
	mi := c.mi
	switch {
	case mi.Output == nil:
		c.errorh(diag.EmitSpikeWithoutSpikeOutput, call.Rng, "add `output:` with `spike`", "emit_spike() needs an output block `output: spike`")
	case mi.Output.Kind != "spike":
		c.errorf(diag.EmitSpikeWithoutSpikeOutput, mi.Output.Rng, "emit_spike() is called (line %d) but the output is %s, not spike", call.Rng.Start.Line, mi.Output.Kind)
		c.related(diag.EmitSpikeWithoutSpikeOutput, mi.Output.Rng, call.Rng, "emit_spike call")
	}
	if len(call.Args) > 0 && !mi.IsSynapse {
		c.warnf(diag.EmitSpikeWeightInNeuron, call.Rng, "a weight passed to emit_spike() in a neuron is ignored by NEST")
	}
	if c.ctx == ctxFunction {
		c.warnf(diag.SideEffectInFunction, call.Rng, "emit_spike() called in a function")
	}
}

// userCall types a call of a user-defined function (or a delayed
// variable, language.md §10.7).
func (c *checker) userCall(call *ast.Call, stmt bool) Type {
	name := call.Name.Name
	s := c.mi.fnByName[name]
	if s == nil {
		if vs := c.lookup(name); vs != nil && vs.Kind == SymState && vs.HasODE {
			return c.delayedVariable(call, vs)
		}
		for _, a := range call.Args {
			c.expr(a)
		}
		c.errorh(diag.FunctionNotDefined, call.Name.Rng, c.suggestFunction(name), "function %q is not defined", name)
		return tInvalid
	}
	fd := s.Decl.(*ast.FunctionDecl)
	args := make([]Type, len(call.Args))
	valid := true
	for i, a := range call.Args {
		args[i] = c.expr(a)
		if !args[i].Valid() {
			valid = false
		}
	}
	if len(call.Args) != len(fd.Params) {
		c.errorf(diag.FunctionArgCount, call.Rng, "%s() takes %s, got %d", name, argCount(len(fd.Params), len(fd.Params)), len(call.Args))
		return tInvalid
	}
	if valid {
		for i, p := range fd.Params {
			c.assignable(c.info.DeclTypes[p.Type], args[i], call.Args[i], diag.ArgumentTypeMismatch, "pass argument "+p.Name.Name+" to "+name+"()")
		}
	}
	if s.Type.Kind == Void {
		return c.voidResult(call, name, stmt)
	}
	if !valid {
		return c.prop(call)
	}
	return s.Type
}

func argCount(lo, hi int) string {
	plural := func(n int) string {
		if n == 1 {
			return "1 argument"
		}
		return strconv.Itoa(n) + " arguments"
	}
	if lo == hi {
		return plural(lo)
	}
	return strconv.Itoa(lo) + " to " + plural(hi)
}

func (c *checker) ternary(e *ast.Ternary) Type {
	if _, ok := e.Cond.(*ast.Ternary); ok {
		c.warnh(diag.NestedConditionalWithoutParentheses, e.Rng, "parenthesise the nested conditional",
			"a ? b : c ? d : e means (a ? b : c) ? d : e")
	} else if _, ok := e.Else.(*ast.Ternary); ok {
		c.warnh(diag.NestedConditionalWithoutParentheses, e.Rng, "parenthesise the nested conditional", "nested conditional without parentheses")
	}
	ct := c.expr(e.Cond)
	a := c.expr(e.Then)
	b := c.expr(e.Else)
	if ct.Valid() && ct.Kind != Boolean {
		c.errorf(diag.ConditionNotBoolean, e.Cond.Span(), "the condition of ?: must be boolean, not %s", ct)
		return tInvalid
	}
	if !ct.Valid() || !a.Valid() || !b.Valid() {
		return c.prop(e)
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
		c.warnf(diag.ConditionalBranchMismatch, e.Rng, "the branches of ?: have types %s and %s; the number is read in %s", a, b, a)
		return a
	case b.Kind == Quantity && a.IsPlain():
		c.warnf(diag.ConditionalBranchMismatch, e.Rng, "the branches of ?: have types %s and %s; the number is read in %s", a, b, b)
		return b
	}
	c.errorf(diag.ConditionalBranchMismatch, e.Rng, "the branches of ?: have incompatible types %s and %s", a, b)
	return tInvalid
}

func (c *checker) binary(e *ast.Binary) Type {
	if e.Op == "and" || e.Op == "or" {
		for _, side := range []ast.Expr{e.L, e.R} {
			if o, ok := side.(*ast.Binary); ok && (o.Op == "and" || o.Op == "or") && o.Op != e.Op {
				c.warnh(diag.MixedAndOrWithoutParentheses, e.Rng, "add parentheses",
					"and and or have the same precedence and group from the left; parenthesise to make the intent explicit")
				break
			}
		}
	}
	if e.Op == "*" {
		c.spikeScaling(e)
	}
	a := c.expr(e.L)
	b := c.expr(e.R)
	if !a.Valid() || !b.Valid() {
		return c.prop(e)
	}
	switch e.Op {
	case "and", "or":
		for i, t := range []Type{a, b} {
			if t.Kind != Boolean {
				side := []ast.Expr{e.L, e.R}[i]
				c.errorf(diag.LogicalOperandNotBoolean, side.Span(), "the operands of %s must be boolean; this one is %s", e.Op, t)
				return tInvalid
			}
		}
		return tBool
	case "<", "<=", ">", ">=", "==", "!=", "<>":
		if l, ok := e.L.(*ast.Binary); ok && isComparison(l.Op) {
			c.errorh(diag.ChainedComparison, e.Rng, "write (a "+l.Op+" b) and (b "+e.Op+" c)", "comparisons cannot be chained")
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

// spikeScaling warns about the 9.0-library idiom `… * spikes * 1E3 s`
// (language.md §20 item 22).
func (c *checker) spikeScaling(e *ast.Binary) {
	var factors []ast.Expr
	var flat func(x ast.Expr)
	flat = func(x ast.Expr) {
		if b, ok := x.(*ast.Binary); ok && b.Op == "*" {
			flat(b.L)
			flat(b.R)
			return
		}
		factors = append(factors, x)
	}
	flat(e)
	var lit *ast.NumberLit
	port := false
	for _, f := range factors {
		switch f := ast.Unparen(f).(type) {
		case *ast.NumberLit:
			if f.Value == 1000 && f.Unit != nil && f.Unit.Op == ast.UnitName && f.Unit.Name == "s" {
				lit = f
			}
		case *ast.Variable:
			if s := c.lookup(f.Name); s != nil && s.Kind == SymSpikePort {
				port = true
			}
		}
	}
	if lit != nil && port {
		c.warnh(diag.SuspiciousSpikeScaling, lit.Rng, "write 1 s: a spike port reads the summed weights per second",
			"the factor %s s compensates for a unit-scaling quirk of upstream's generated code; nestml_go evaluates units exactly", lit.Text)
	}
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

// arith types +, -, *, /, //, % (language.md §7.5). e is the expression
// (nil for compound assignments, where no warning about mixing applies).
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
			if f := units.ConversionFactor(b.Unit, a.Unit); f != 1 && e != nil {
				c.infof(diag.ImplicitMagnitudeConversion, r, "the right operand (%s) is converted to %s (factor %g)", b, a, f)
			}
			return a
		case a.Kind == Quantity && b.IsPlain(), a.IsPlain() && b.Kind == Quantity:
			q := pick(a, b)
			if e != nil {
				c.warnf(diag.QuantityMixedWithPlainNumber, r, "a plain number is mixed with a quantity of type %s; it is read in that unit", q)
			}
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
			u, ok := a.Unit.TryMul(b.Unit)
			if !ok {
				c.errorf(diag.UnitExponentNotRational, r, "the unit of this product is out of range")
				return tInvalid
			}
			return QuantityOf(u)
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
			u, ok := a.Unit.TryDiv(b.Unit)
			if !ok {
				c.errorf(diag.UnitExponentNotRational, r, "the unit of this quotient is out of range")
				return tInvalid
			}
			return QuantityOf(u)
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
	if !b.IsNumeric() || !a.IsNumeric() {
		c.errorf(diag.OperatorTypeError, e.Rng, "operator ** cannot combine %s and %s", a, b)
		return tInvalid
	}
	if a.Kind != Quantity {
		if a.Kind == Integer && b.Kind == Integer {
			return tInt
		}
		return tReal
	}
	r, st := c.constRational(e.R, 0)
	switch st {
	case expNotConstant:
		c.errorf(diag.UnitExponentNotConstant, e.R.Span(), "the exponent of a quantity of type %s must be a constant number", a)
		return tInvalid
	case expNotRational:
		c.errorf(diag.UnitExponentNotRational, e.R.Span(), "the exponent of a quantity of type %s must be a rational number", a)
		return tInvalid
	}
	u, ok := a.Unit.TryPow(r)
	if !ok {
		c.errorf(diag.UnitExponentNotRational, e.R.Span(), "the unit %s ** %s is out of range", a, r)
		return tInvalid
	}
	return QuantityOf(u)
}

type expStatus int

const (
	expOK expStatus = iota
	expNotConstant
	expNotRational
)

// constRational evaluates the constant exponent of a unit-typed base:
// literals, parentheses, unary minus, + - * / of constants, and names of
// parameters and internals with a constant initialiser.
//
// Names of parameters and internals contribute their declared default
// (warning UNIT_EXPONENT_FROM_PARAMETER); a unit on a constant is ignored,
// as upstream does (warning UNIT_IN_EXPONENT).
func (c *checker) constRational(e ast.Expr, depth int) (units.Rat, expStatus) {
	return c.constRat(e, depth, false)
}

func (c *checker) constRat(e ast.Expr, depth int, viaName bool) (units.Rat, expStatus) {
	if depth > 16 {
		return units.Rat{}, expNotConstant
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Variable:
		s := c.lookup(e.Name)
		if s == nil || (s.Kind != SymParam && s.Kind != SymInternal) || s.Init == nil || e.Index != nil {
			return units.Rat{}, expNotConstant
		}
		c.warnf(diag.UnitExponentFromParameter, e.Rng, "the exponent uses the default value of %s %q; changing it at run time would change the physical dimension", s.Kind, s.Name)
		if s.Type.Kind == Quantity {
			c.warnf(diag.UnitInExponent, e.Rng, "the unit of %q is ignored in the exponent", s.Name)
		}
		return c.constRat(s.Init, depth+1, true)
	case *ast.InfLit:
		return units.Rat{}, expNotRational
	case *ast.NumberLit:
		if e.Unit != nil && !viaName {
			c.warnf(diag.UnitInExponent, e.Rng, "the unit of this constant is ignored in the exponent")
		}
		if !e.IsFloat {
			return units.NewRat(e.Int, 1), expOK
		}
		return floatRat(e.Value)
	case *ast.Unary:
		if e.Op == "-" || e.Op == "+" {
			r, st := c.constRat(e.X, depth+1, viaName)
			if st == expOK && e.Op == "-" {
				r = r.Neg()
			}
			return r, st
		}
	case *ast.Binary:
		switch e.Op {
		case "+", "-", "*", "/":
			r1, s1 := c.constRat(e.L, depth+1, viaName)
			if s1 != expOK {
				return r1, s1
			}
			r2, s2 := c.constRat(e.R, depth+1, viaName)
			if s2 != expOK {
				return r2, s2
			}
			return ratOp(e.Op, r1, r2)
		}
	}
	return units.Rat{}, expNotConstant
}

// ratOp applies op to two rationals, reporting overflow and division by
// zero as not rational.
func ratOp(op string, a, b units.Rat) (r units.Rat, st expStatus) {
	defer func() {
		if recover() != nil {
			r, st = units.Rat{}, expNotRational
		}
	}()
	switch op {
	case "+":
		return a.Add(b), expOK
	case "-":
		return a.Sub(b), expOK
	case "*":
		return a.Mul(b), expOK
	}
	if b.IsZero() {
		return units.Rat{}, expNotRational
	}
	return a.Div(b), expOK
}

// floatRat reads a decimal float exactly (0.5 is 1/2, 1.25 is 5/4).
func floatRat(v float64) (units.Rat, expStatus) {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return units.Rat{}, expNotRational
	}
	for den := int64(1); den <= 1_000_000; den *= 10 {
		x := v * float64(den)
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return units.NewRat(int64(x), den), expOK
		}
	}
	return units.Rat{}, expNotRational
}

// assignable applies language.md §7.6 for storing a value of type v into a
// target of type t; a mismatch is reported at the value.
func (c *checker) assignable(t, v Type, e ast.Expr, code diag.Code, what string) {
	c.assignableAt(t, v, e, e.Span(), code, what)
}

// assignableAt is assignable with the mismatch reported at r.
func (c *checker) assignableAt(t, v Type, e ast.Expr, r ast.Range, code diag.Code, what string) {
	if !t.Valid() || !v.Valid() || Same(t, v) {
		return
	}
	vr := e.Span()
	mismatch := func(hint string) {
		c.errorh(code, r, hint, "cannot %s: the value has type %s, expected %s", what, v, t)
	}
	switch t.Kind {
	case Quantity:
		switch {
		case v.Kind == Quantity && t.Unit.Compatible(v.Unit):
			if f := units.ConversionFactor(v.Unit, t.Unit); f != 1 {
				c.infof(diag.ImplicitMagnitudeConversion, vr, "the value of type %s is converted to %s (factor %g)", v, t, f)
			}
		case v.IsPlain() && t.Unit.IsDimensionless() && !c.opts.is83():
		case v.IsPlain():
			mismatch("write the number with its unit, e.g. `" + plainExample(e) + " " + t.String() + "`")
		default:
			mismatch("")
		}
	case Real:
		switch v.Kind {
		case Integer:
		case Quantity:
			c.infof(diag.UnitStripped, vr, "the quantity of type %s is stored as a real number (its magnitude in %s)", v, v)
		case Boolean:
			c.warnf(diag.BooleanNumberConversion, vr, "boolean converted to a number")
		default:
			mismatch("")
		}
	case Integer:
		switch v.Kind {
		case Real:
			c.warnf(diag.NarrowingConversion, vr, "real value truncated to integer")
		default:
			mismatch("")
		}
	case Boolean:
		if v.Kind == Real {
			c.warnf(diag.BooleanNumberConversion, vr, "number converted to a boolean")
		} else {
			mismatch("")
		}
	case Void:
		c.errorf(diag.VoidVariable, r, "cannot store a value into void")
	default:
		mismatch("")
	}
}

// plainExample returns the text of a literal value for a hint, or "0".
func plainExample(e ast.Expr) string {
	x := ast.Unparen(e)
	neg := ""
	if u, ok := x.(*ast.Unary); ok && u.Op == "-" {
		neg, x = "-", ast.Unparen(u.X)
	}
	if n, ok := x.(*ast.NumberLit); ok && n.Unit == nil {
		return neg + n.Text
	}
	return "1"
}
