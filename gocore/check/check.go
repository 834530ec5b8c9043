package check

import (
	"fmt"
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/units"
)

// Options configure the checker. The zero value checks at language level
// 9.0, not strict.
type Options struct {
	// Lang is "9.0" (default) or "8.3".
	Lang string
	// Strict turns the 8.3-compatibility warnings into errors.
	Strict bool
}

// Check resolves names and checks types, units and context conditions of
// every model of f. It never panics on any AST the parser produces.
func Check(f *ast.File, opts Options) (*Info, diag.List) {
	c := &checker{
		opts: opts,
		info: &Info{
			Types:        map[ast.Expr]Type{},
			Uses:         map[*ast.Variable]*Symbol{},
			BareUnits:    map[*ast.Variable]units.Unit{},
			LiteralUnits: map[*ast.NumberLit]units.Unit{},
			DeclTypes:    map[*ast.DataType]Type{},
		},
	}
	names := map[string]*ast.Model{}
	for _, m := range f.Models {
		if prev, ok := names[m.Name.Name]; ok {
			c.errorf(diag.ModelNameDuplicate, m.NameRng, "model %q is already declared at line %d", m.Name.Name, prev.Rng.Start.Line)
		}
		names[m.Name.Name] = m
		c.model(m)
	}
	c.diags.SetFile(f.Path)
	c.diags.Sort()
	return c.info, c.diags
}

type checker struct {
	opts  Options
	info  *Info
	diags diag.List
	mi    *ModelInfo
	// scopes of locals, innermost last
	scopes []map[string]*Symbol
	// context of the statement being checked
	inUpdate, inFunction, inEquations bool
	fnResult                          Type
	// kernelNames holds every name defined by a kernel (ODE-form kernels
	// over state variables included).
	kernelNames map[string]bool
}

func (c *checker) add(code diag.Code, sev diag.Severity, r ast.Range, hint, format string, args ...any) {
	d := diag.Diagnostic{Code: code, Severity: sev, Range: r, Message: fmt.Sprintf(format, args...), Hint: hint}
	if c.mi != nil {
		d.Model = c.mi.Model.Name.Name
		if sev == diag.Error {
			c.mi.Valid = false
		}
	}
	c.diags = append(c.diags, d)
}

func (c *checker) errorf(code diag.Code, r ast.Range, format string, args ...any) {
	c.add(code, diag.Error, r, "", format, args...)
}

func (c *checker) warnf(code diag.Code, r ast.Range, format string, args ...any) {
	c.add(code, diag.Warning, r, "", format, args...)
}

// compat reports an 8.3-compatibility finding: a warning by default, an
// error when strict.
func (c *checker) compat(code diag.Code, r ast.Range, hint, format string, args ...any) {
	sev := diag.Warning
	if c.opts.Strict {
		sev = diag.Error
	}
	c.add(code, sev, r, hint, format, args...)
}

var predefinedVars = map[string]Type{}

func init() {
	ms, _ := units.Lookup("ms")
	predefinedVars["t"] = QuantityOf(ms)
	predefinedVars["e"] = tReal
	predefinedVars["pi"] = tReal
}

func (c *checker) declare(s *Symbol) {
	mi := c.mi
	if prev, ok := mi.byName[s.Name]; ok {
		c.errorf(diag.VariableRedeclared, s.Pos, "%s %q is already declared as a %s at line %d", s.Kind, s.Name, prev.Kind, prev.Pos.Start.Line)
		return
	}
	if _, ok := predefinedVars[s.Name]; ok && s.Kind != SymFunction {
		c.errorf(diag.PredefinedVariableRedeclared, s.Pos, "%q is a predefined variable and cannot be declared", s.Name)
		return
	}
	if units.IsName(s.Name) && s.Kind != SymFunction {
		c.warnf(diag.VariableNamedLikeUnit, s.Pos, "%s %q has the name of a physical unit; inside this model the name refers to the %s", s.Kind, s.Name, s.Kind)
	}
	if strings.HasPrefix(s.Name, "__") {
		c.warnf(diag.ReservedNamePrefix, s.Pos, "names starting with __ are reserved for generated code")
	}
	mi.byName[s.Name] = s
	mi.Symbols = append(mi.Symbols, s)
}

func (c *checker) model(m *ast.Model) {
	mi := &ModelInfo{Model: m, byName: map[string]*Symbol{}, Valid: true}
	mi.IsSynapse = strings.HasSuffix(m.Name.Name, "synapse")
	c.mi = mi
	c.kernelNames = map[string]bool{}
	c.info.Models = append(c.info.Models, mi)
	defer func() { c.mi = nil }()

	seen := map[string]ast.Node{}
	once := func(kind string, n ast.Node) {
		if _, dup := seen[kind]; dup {
			c.errorf(diag.BlockDuplicate, m.NameRng, "the %s block is defined more than once (again at line %d)", kind, n.Span().Start.Line)
		}
		seen[kind] = n
	}
	// Pass 1: declare model-scope names.
	for _, d := range m.Body {
		switch d := d.(type) {
		case *ast.VarBlock:
			once(d.Kind.String(), d)
			for _, decl := range d.Decls {
				c.declareVars(d.Kind, decl)
			}
		case *ast.EquationsBlock:
			once("equations", d)
			for _, el := range d.Elems {
				switch el := el.(type) {
				case *ast.InlineExpr:
					s := &Symbol{Name: el.Name.Name, Kind: SymInline, Decl: el, Init: el.Value, Pos: el.Name.Rng}
					s.Type = c.dataType(el.Type)
					c.declare(s)
					mi.Inlines = append(mi.Inlines, s)
				case *ast.Kernel:
					for _, v := range el.Lhs {
						c.kernelNames[v.Name] = true
						if v.Order > 0 {
							continue
						}
						s := &Symbol{Name: v.Name, Kind: SymKernel, Decl: el, Var: v, Pos: v.Rng, Type: tReal}
						c.declare(s)
						mi.Kernels = append(mi.Kernels, s)
					}
				case *ast.OdeEquation:
					mi.ODEs = append(mi.ODEs, el)
				}
			}
		case *ast.InputBlock:
			once("input", d)
			for _, p := range d.Ports {
				s := &Symbol{Name: p.Name.Name, Decl: p, Pos: p.Name.Rng, VectorSize: p.Size, Qualifiers: p.Qualifiers}
				if p.Continuous {
					s.Kind = SymContPort
					s.Type = c.dataType(p.Type)
					mi.ContPorts = append(mi.ContPorts, s)
				} else {
					s.Kind = SymSpikePort
					hz, _ := units.Lookup("s")
					s.Type = QuantityOf(hz.Inv())
					mi.SpikePorts = append(mi.SpikePorts, s)
					seenQ := map[string]bool{}
					for _, q := range p.Qualifiers {
						if seenQ[q] {
							c.errorf(diag.InputQualifierRepeated, p.Rng, "qualifier %q is repeated", q)
						}
						seenQ[q] = true
					}
				}
				c.declare(s)
			}
		case *ast.OutputBlock:
			once("output", d)
			mi.Output = d
		case *ast.UpdateBlock:
			once("update", d)
			mi.Update = d
		case *ast.FunctionDecl:
			s := &Symbol{Name: d.Name.Name, Kind: SymFunction, Decl: d, Pos: d.Name.Rng, Type: tVoid}
			if d.Result != nil {
				s.Type = c.dataType(d.Result)
			}
			if _, ok := builtins[d.Name.Name]; ok {
				c.errorf(diag.PredefinedFunctionRedeclared, d.Name.Rng, "%q is a predefined function and cannot be redeclared", d.Name.Name)
			} else if prev := mi.byName[d.Name.Name]; prev != nil && prev.Kind == SymFunction {
				c.errorf(diag.FunctionRedeclared, d.Name.Rng, "function %q is already declared at line %d", d.Name.Name, prev.Pos.Start.Line)
			} else {
				c.declare(s)
			}
			mi.Functions = append(mi.Functions, s)
		case *ast.OnReceive:
			mi.OnReceive = append(mi.OnReceive, d)
		case *ast.OnCondition:
			mi.OnCondition = append(mi.OnCondition, d)
		}
	}
	if _, ok := seen["input"]; !ok {
		c.warnf(diag.InputBlockMissing, m.NameRng, "model %q has no input block", m.Name.Name)
	}
	if _, ok := seen["output"]; !ok {
		c.warnf(diag.OutputBlockMissing, m.NameRng, "model %q has no output block", m.Name.Name)
	}

	// Pass 2: initialisers, equations, blocks.
	for _, s := range mi.Symbols {
		decl, ok := s.Decl.(*ast.Declaration)
		if !ok {
			continue
		}
		// multi-variable declarations check their initialiser once
		if decl.Init != nil && s.Var == decl.Vars[0] {
			c.checkRecursive(s, decl)
			t := c.expr(decl.Init)
			c.assignable(s.Type, t, decl.Init, diag.AssignmentTypeMismatch, "initialise "+s.Name)
		}
		if decl.Guard != nil && s.Var == decl.Vars[0] {
			if t := c.expr(decl.Guard); t.Valid() && t.Kind != Boolean {
				c.errorf(diag.InvariantNotBoolean, decl.Guard.Span(), "the invariant must be boolean, not %s", t)
			}
		}
	}
	for _, s := range mi.Inlines {
		c.inEquations = true
		t := c.expr(s.Init)
		c.inEquations = false
		c.assignable(s.Type, t, s.Init, diag.AssignmentTypeMismatch, "define inline "+s.Name)
	}
	for _, d := range m.Body {
		eq, ok := d.(*ast.EquationsBlock)
		if !ok {
			continue
		}
		for _, el := range eq.Elems {
			if k, ok := el.(*ast.Kernel); ok {
				for i, rhs := range k.Rhs {
					for _, v := range []*ast.Variable{k.Lhs[i]} {
						if v.Order > 0 {
							c.variable(&ast.Variable{Name: v.Name, Rng: v.Rng})
						}
					}
					c.inEquations = true
					c.expr(rhs)
					c.inEquations = false
				}
			}
		}
	}
	for _, ode := range mi.ODEs {
		c.ode(ode)
	}
	if mi.Update != nil {
		c.inUpdate = true
		c.block(mi.Update.Body)
		c.inUpdate = false
	}
	for _, f := range mi.Functions {
		fd := f.Decl.(*ast.FunctionDecl)
		c.pushScope()
		for _, p := range fd.Params {
			ps := &Symbol{Name: p.Name.Name, Kind: SymFuncParam, Type: c.dataType(p.Type), Decl: p, Pos: p.Name.Rng}
			c.scopes[len(c.scopes)-1][ps.Name] = ps
		}
		c.inFunction, c.fnResult = true, f.Type
		c.stmts(fd.Body)
		c.inFunction = false
		c.popScope()
	}
	ports := map[string]*ast.OnReceive{}
	for _, h := range mi.OnReceive {
		s := mi.byName[h.Port.Name]
		switch {
		case s == nil:
			c.errorf(diag.OnreceivePortNotDeclared, h.Port.Rng, "onReceive names %q, which is not an input port", h.Port.Name)
		case s.Kind != SymSpikePort:
			c.errorf(diag.OnreceivePortNotSpike, h.Port.Rng, "onReceive needs a spike input port; %q is a %s", h.Port.Name, s.Kind)
		}
		if prev, ok := ports[h.Port.Name]; ok {
			c.errorf(diag.OnreceiveDuplicatePort, h.Rng, "a second onReceive handler for port %q (first at line %d)", h.Port.Name, prev.Rng.Start.Line)
		}
		ports[h.Port.Name] = h
		for _, cp := range h.Consts {
			if cp.Name.Name != "priority" {
				c.warnf(diag.UnknownHandlerParameter, cp.Rng, "unknown handler parameter %q (only priority is known)", cp.Name.Name)
			}
		}
		c.block(h.Body)
	}
	for _, h := range mi.OnCondition {
		if t := c.expr(h.Cond); t.Valid() && t.Kind != Boolean {
			c.errorf(diag.ConditionNotBoolean, h.Cond.Span(), "the onCondition condition must be boolean, not %s", t)
		}
		c.block(h.Body)
	}
	if len(mi.ODEs) > 0 && !mi.IsSynapse && !c.callsIntegrate(m) {
		c.warnf(diag.IntegrateOdesNotCalled, m.NameRng, "model %q has ODEs but never calls integrate_odes()", m.Name.Name)
	}
}

func (c *checker) callsIntegrate(m *ast.Model) bool {
	found := false
	ast.Inspect(m, func(n ast.Node) bool {
		if call, ok := n.(*ast.Call); ok && call.Name.Name == "integrate_odes" {
			found = true
		}
		return !found
	})
	return found
}

func (c *checker) declareVars(kind ast.BlockKind, d *ast.Declaration) {
	t := c.dataType(d.Type)
	if d.Inline {
		c.errorf(diag.InlineOutsideEquations, d.Rng, "the inline keyword is only allowed in the equations block")
	}
	if t.Kind == Void {
		c.errorf(diag.VoidVariable, d.Rng, "a variable cannot have type void")
	}
	for _, v := range d.Vars {
		s := &Symbol{Name: v.Name, Order: v.Order, Type: t, Decl: d, Var: v, Init: d.Init, Pos: v.Rng, VectorSize: v.Index}
		switch kind {
		case ast.StateBlock:
			s.Kind = SymState
			if d.Init == nil {
				c.errorf(diag.StateVariableNotInitialized, d.Rng, "state variable %q has no initial value", v.Name)
			}
			c.mi.State = append(c.mi.State, s)
		case ast.ParametersBlock:
			s.Kind = SymParam
			c.mi.Params = append(c.mi.Params, s)
		case ast.InternalsBlock:
			s.Kind = SymInternal
			c.mi.Internals = append(c.mi.Internals, s)
		}
		if d.Init == nil && kind != ast.StateBlock {
			c.warnf(diag.MissingInitializer, d.Rng, "%s %q has no initial value; it starts at 0", s.Kind, v.Name)
		}
		name := v.Name
		if v.Order > 0 {
			name = v.FullName()
		}
		s.Name = name
		c.declare(s)
	}
}

func (c *checker) checkRecursive(s *Symbol, d *ast.Declaration) {
	ast.Inspect(d.Init, func(n ast.Node) bool {
		if v, ok := n.(*ast.Variable); ok && v.Name == s.Name && v.Order == 0 {
			c.errorf(diag.VariableDefinedRecursively, d.Rng, "the initial value of %q refers to %q itself", s.Name, s.Name)
			return false
		}
		return true
	})
}

func (c *checker) dataType(dt *ast.DataType) Type {
	if dt == nil {
		return tInvalid
	}
	var t Type
	switch dt.Primitive {
	case "integer":
		t = tInt
	case "real":
		t = tReal
	case "boolean":
		t = tBool
	case "string":
		t = tString
	case "void":
		t = tVoid
	default:
		u, ds := units.FromExpr(dt.Unit)
		if len(ds) > 0 {
			for _, d := range ds {
				if c.mi != nil {
					d.Model = c.mi.Model.Name.Name
					if d.Severity == diag.Error {
						c.mi.Valid = false
					}
				}
				c.diags = append(c.diags, d)
			}
			t = tInvalid
		} else {
			t = QuantityOf(u)
		}
	}
	c.info.DeclTypes[dt] = t
	return t
}

func (c *checker) ode(ode *ast.OdeEquation) {
	lhs := ode.Lhs
	base := c.mi.byName[lhs.Name]
	// the state holding the (order-1)-th derivative
	target := lhs.Name
	for i := 0; i < lhs.Order-1; i++ {
		target += "'"
	}
	ts := c.mi.byName[target]
	switch {
	case base == nil && ts == nil:
		c.errorf(diag.VariableNotDefined, lhs.Rng, "the ODE defines %q, which is not declared (declare it in the state block)", lhs.FullName())
		c.inEquations = true
		c.expr(ode.Rhs)
		c.inEquations = false
		return
	case ts == nil:
		c.errorf(diag.OdeInitialValueMissing, lhs.Rng, "the ODE for %s needs the state variable %s with an initial value", lhs.FullName(), target)
	case ts.Kind != SymState:
		c.errorf(diag.OdeVariableNotState, lhs.Rng, "%q is a %s; only state variables can have ODEs", target, ts.Kind)
	default:
		if ts.HasODE {
			c.errorf(diag.OdeDuplicate, ode.Rng, "%q already has an ODE", lhs.FullName())
		}
		ts.HasODE = true
		if base != nil && base != ts {
			base.HasODE = true
		}
	}
	c.inEquations = true
	t := c.expr(ode.Rhs)
	c.inEquations = false
	if ts == nil || !t.Valid() || !ts.Type.Valid() {
		return
	}
	// expected: type(x^(n-1)) / s
	sec, _ := units.Lookup("s")
	var want units.Unit
	switch ts.Type.Kind {
	case Quantity:
		want = ts.Type.Unit.Div(sec)
	case Real, Integer:
		want = sec.Inv()
	default:
		return
	}
	wt := QuantityOf(want)
	switch {
	case t.Kind == Quantity && t.Unit.Compatible(want):
	case t.IsPlain() && want.IsDimensionless():
		// [9.0] a plain number is a pure dimensionless value (ms/s)
		if c.opts.Lang == "8.3" {
			c.errorf(diag.OdeUnitsInconsistent, ode.Rhs.Span(), "the right-hand side of %s has type %s, expected %s", lhs.FullName(), t, wt)
		}
	case t.IsPlain() && ts.Type.IsPlain():
	default:
		c.errorf(diag.OdeUnitsInconsistent, ode.Rhs.Span(), "the right-hand side of %s has type %s, but %s has type %s, so the derivative must have type %s", lhs.FullName(), t, target, ts.Type, wt)
	}
}

func (c *checker) pushScope() { c.scopes = append(c.scopes, map[string]*Symbol{}) }
func (c *checker) popScope()  { c.scopes = c.scopes[:len(c.scopes)-1] }

func (c *checker) block(b *ast.Block) {
	c.pushScope()
	c.stmts(b)
	c.popScope()
}

func (c *checker) stmts(b *ast.Block) {
	if b == nil {
		return
	}
	for _, s := range b.Stmts {
		c.stmt(s)
	}
}

func (c *checker) lookup(name string) *Symbol {
	for i := len(c.scopes) - 1; i >= 0; i-- {
		if s, ok := c.scopes[i][name]; ok {
			return s
		}
	}
	if c.mi != nil {
		if s, ok := c.mi.byName[name]; ok {
			return s
		}
	}
	return nil
}

func (c *checker) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Assign:
		c.assign(s)
	case *ast.CallStmt:
		c.call(s.Call, true)
	case *ast.DeclStmt:
		d := s.Decl
		t := c.dataType(d.Type)
		if d.Init != nil {
			vt := c.expr(d.Init)
			c.assignable(t, vt, d.Init, diag.AssignmentTypeMismatch, "initialise "+d.Vars[0].Name)
		}
		for _, v := range d.Vars {
			if prev := c.scopes[len(c.scopes)-1][v.Name]; prev != nil {
				c.errorf(diag.VariableRedeclared, v.Rng, "%q is already declared in this block", v.Name)
				continue
			}
			if c.mi.byName[v.Name] != nil {
				c.warnf(diag.DeclarationShadowsModelVariable, v.Rng, "local %q hides the model's %s of the same name", v.Name, c.mi.byName[v.Name].Kind)
			}
			c.scopes[len(c.scopes)-1][v.Name] = &Symbol{Name: v.Name, Kind: SymLocal, Type: t, Decl: d, Var: v, Init: d.Init, Pos: v.Rng}
		}
	case *ast.Return:
		if !c.inFunction {
			c.errorf(diag.ReturnOutsideFunction, s.Rng, "return outside a function")
			return
		}
		if s.Value == nil {
			if c.fnResult.Kind != Void {
				c.errorf(diag.ReturnWithoutValue, s.Rng, "the function must return a value of type %s", c.fnResult)
			}
			return
		}
		t := c.expr(s.Value)
		if c.fnResult.Kind == Void {
			c.errorf(diag.ReturnValueInVoidFunction, s.Rng, "a function without a return type cannot return a value")
			return
		}
		c.assignable(c.fnResult, t, s.Value, diag.ReturnTypeMismatch, "return")
	case *ast.If:
		c.cond(s.Cond)
		c.block(s.Then)
		for _, e := range s.Elifs {
			c.cond(e.Cond)
			c.block(e.Body)
		}
		if s.Else != nil {
			c.block(s.Else)
		}
	case *ast.While:
		c.cond(s.Cond)
		c.block(s.Body)
	case *ast.For:
		sym := c.lookup(s.Var.Name)
		if sym == nil {
			// upstream declares an undeclared loop variable implicitly, with
			// the type of the lower bound
			t := c.expr(s.From)
			if !t.Valid() {
				t = tInt
			}
			sym = &Symbol{Name: s.Var.Name, Kind: SymLocal, Type: t, Pos: s.Var.Rng}
			c.scopes[len(c.scopes)-1][s.Var.Name] = sym
		} else if !sym.Type.IsNumeric() {
			c.errorf(diag.ForVariableNotNumeric, s.Var.Rng, "the loop variable %q must be numeric, not %s", s.Var.Name, sym.Type)
		}
		for _, b := range []ast.Expr{s.From, s.To} {
			if t := c.expr(b); t.Valid() && !t.IsNumeric() {
				c.errorf(diag.ForBoundNotNumeric, b.Span(), "loop bounds must be numeric, not %s", t)
			}
		}
		if s.Step != nil && s.Step.Value == 0 {
			c.errorf(diag.ForStepZero, s.Step.Rng, "the loop step cannot be 0")
		}
		c.block(s.Body)
	}
}

func (c *checker) cond(e ast.Expr) {
	if t := c.expr(e); t.Valid() && t.Kind != Boolean {
		c.errorf(diag.ConditionNotBoolean, e.Span(), "the condition must be boolean, not %s", t)
	}
}

func (c *checker) assign(s *ast.Assign) {
	v := s.Lhs
	name := v.FullName()
	sym := c.lookup(name)
	rt := c.expr(s.Rhs)
	if sym == nil {
		if units.IsName(v.Name) && v.Order == 0 {
			c.errorf(diag.AssignmentToUnit, v.Rng, "%q is a physical unit, not a variable; it cannot be assigned", v.Name)
		} else {
			c.add(diag.VariableNotDefined, diag.Error, v.Rng, c.suggest(v.Name), "%q is not declared", name)
		}
		return
	}
	c.info.Uses[v] = sym
	if v.Index != nil {
		c.index(v)
	}
	switch sym.Kind {
	case SymParam:
		c.errorf(diag.ParameterAssigned, s.Rng, "parameter %q cannot be assigned; parameters are set from outside the model", name)
		return
	case SymInternal:
		c.errorf(diag.InternalAssigned, s.Rng, "internal %q cannot be assigned", name)
		return
	case SymInline:
		c.errorf(diag.InlineAssigned, s.Rng, "inline expression %q cannot be assigned", name)
		return
	case SymSpikePort, SymContPort:
		c.errorf(diag.InputPortAssigned, s.Rng, "input port %q cannot be assigned", name)
		return
	case SymKernel:
		c.errorf(diag.KernelAssigned, s.Rng, "kernel %q cannot be assigned", name)
		return
	case SymPredefined:
		c.errorf(diag.PredefinedVariableAssigned, s.Rng, "%q is predefined and cannot be assigned", name)
		return
	}
	if !rt.Valid() || !sym.Type.Valid() {
		return
	}
	switch s.Op {
	case "=", "+=", "-=":
		c.assignable(sym.Type, rt, s.Rhs, diag.AssignmentTypeMismatch, "assign to "+name)
	case "*=", "/=":
		op := s.Op[:1]
		res := c.arith(op, sym.Type, rt, s.Rng, s.Rhs)
		if res.Valid() {
			c.assignable(sym.Type, res, s.Rhs, diag.AssignmentTypeMismatch, "assign to "+name)
		}
	case "//=":
		if sym.Type.Kind == Real {
			c.warnf(diag.IntegerDivisionOfReal, s.Rng, "//= on a real variable truncates the quotient")
		} else if sym.Type.Kind != Integer {
			c.errorf(diag.OperatorTypeError, s.Rng, "//= needs an integer variable, not %s", sym.Type)
		}
	}
}

// assignable applies language.md §7.6 for storing a value of type v into a
// target of type t.
func (c *checker) assignable(t, v Type, e ast.Expr, code diag.Code, what string) {
	if !t.Valid() || !v.Valid() || Same(t, v) {
		return
	}
	r := e.Span()
	mismatch := func() {
		c.errorf(code, r, "cannot %s: the value has type %s, expected %s", what, v, t)
	}
	switch t.Kind {
	case Quantity:
		switch {
		case v.Kind == Quantity && t.Unit.Compatible(v.Unit):
		case v.IsPlain() && t.Unit.IsDimensionless() && c.opts.Lang != "8.3":
		default:
			mismatch()
		}
	case Real:
		switch v.Kind {
		case Integer, Quantity:
		case Boolean:
			c.warnf(diag.BooleanNumberConversion, r, "boolean converted to a number")
		default:
			mismatch()
		}
	case Integer:
		switch v.Kind {
		case Real:
			c.warnf(diag.NarrowingConversion, r, "real value truncated to integer")
		default:
			mismatch()
		}
	case Boolean:
		if v.Kind == Real {
			c.warnf(diag.BooleanNumberConversion, r, "number converted to a boolean")
		} else {
			mismatch()
		}
	case Void:
		c.errorf(diag.VoidVariable, r, "cannot store a value into void")
	default:
		mismatch()
	}
}

func (c *checker) suggest(name string) string {
	best, bd := "", 3
	cands := map[string]bool{}
	for _, s := range c.mi.Symbols {
		cands[s.Name] = true
	}
	for _, sc := range c.scopes {
		for n := range sc {
			cands[n] = true
		}
	}
	for n := range cands {
		if d := editDistance(name, n); d < bd || (d == bd && n < best) {
			best, bd = n, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("did you mean %q?", best)
}

func editDistance(a, b string) int {
	if a == b {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
