package check

import (
	"regexp"
	"sort"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/units"
)

// body checks the statements of an update block, a handler body or a
// function body in one new block scope (if/for/while open none,
// language.md §6.1). params are the function parameters, if any.
func (c *checker) body(b *ast.Block, params []*Symbol) {
	sc := &blockScope{names: map[string]*Symbol{}, later: map[string]ast.Pos{}, assigned: map[*Symbol]bool{}, warned: map[*Symbol]bool{}}
	for _, p := range params {
		sc.names[p.Name] = p
	}
	if b != nil {
		ast.Inspect(b, func(n ast.Node) bool {
			if d, ok := n.(*ast.DeclStmt); ok {
				for _, v := range d.Decl.Vars {
					if _, dup := sc.later[v.Name]; !dup {
						sc.later[v.Name] = v.Rng.Start
					}
				}
			}
			_, isExpr := n.(ast.Expr)
			return !isExpr
		})
	}
	outer := c.scope
	c.scope = sc
	c.stmts(b)
	c.scope = outer
}

func (c *checker) stmts(b *ast.Block) {
	if b == nil {
		return
	}
	for i, s := range b.Stmts {
		if r, ok := s.(*ast.Return); ok && i < len(b.Stmts)-1 {
			c.warnf(diag.ReturnNotLast, r.Rng, "return is not the last statement of its block")
			next := b.Stmts[i+1].Span()
			c.warnf(diag.UnreachableCode, ast.Range{Start: next.Start, End: b.Stmts[len(b.Stmts)-1].Span().End}, "unreachable code after return")
		}
		c.stmt(s)
	}
}

// function checks a user-defined function (language.md §8.7).
func (c *checker) function(f *Symbol) {
	fd := f.Decl.(*ast.FunctionDecl)
	var params []*Symbol
	seen := map[string]bool{}
	for _, p := range fd.Params {
		ps := &Symbol{Name: p.Name.Name, Kind: SymFuncParam, Type: c.info.DeclTypes[p.Type], Decl: p, Pos: p.Name.Rng}
		c.voidCheck(ps.Type, p.Type)
		if seen[ps.Name] {
			c.errorf(diag.VariableRedeclared, p.Name.Rng, "parameter %q is declared twice", ps.Name)
			continue
		}
		seen[ps.Name] = true
		if _, ok := predefinedVars[ps.Name]; ok {
			c.errorf(diag.PredefinedVariableRedeclared, p.Name.Rng, "%q is a predefined variable and cannot be declared", ps.Name)
			continue
		}
		c.nameWarnings(ps.Name, SymFuncParam, ps.Pos)
		// compartmental companion functions take the voltage as a
		// parameter named v_comp by convention (language.md §17)
		cmVoltage := c.opts.compartmental() && ps.Name == compartmentalVoltage
		if ms := c.mi.byName[ps.Name]; ms != nil && ms.Kind != SymFunction && !cmVoltage {
			c.warnf(diag.DeclarationShadowsModelVariable, ps.Pos, "parameter %q hides the model's %s of the same name", ps.Name, ms.Kind)
		}
		params = append(params, ps)
	}
	c.ctx, c.fnResult = ctxFunction, f.Type
	c.body(fd.Body, params)
	c.ctx = ctxInit
	c.returnRule(fd)
}

// returnRule applies the upstream return rule (language.md §8.7): the
// last statement of the body, or recursively of every branch of a final
// compound statement, must be a return; this applies to void functions too.
func (c *checker) returnRule(fd *ast.FunctionDecl) {
	if fd.Body == nil || len(fd.Body.Stmts) == 0 {
		if fd.Result != nil {
			c.errorf(diag.MissingReturn, fd.Name.Rng, "function %q has no return statement", fd.Name.Name)
		}
		return
	}
	var check func(b *ast.Block)
	check = func(b *ast.Block) {
		if b == nil || len(b.Stmts) == 0 {
			return
		}
		switch s := b.Stmts[len(b.Stmts)-1].(type) {
		case *ast.Return:
		case *ast.If:
			check(s.Then)
			for _, e := range s.Elifs {
				check(e.Body)
			}
			check(s.Else)
		case *ast.For:
			check(s.Body)
		case *ast.While:
			check(s.Body)
		default:
			hint := "end the function with `return`"
			if fd.Result != nil {
				hint = "end the function with `return <value>`"
			}
			c.errorh(diag.MissingReturn, s.Span(), hint, "function %q does not end with a return statement", fd.Name.Name)
		}
	}
	check(fd.Body)
}

func (c *checker) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case *ast.Assign:
		c.assign(s)
	case *ast.CallStmt:
		c.callTop(s.Call)
	case *ast.DeclStmt:
		c.localDecl(s.Decl)
	case *ast.Return:
		c.ret(s)
	case *ast.If:
		c.cond(s.Cond)
		c.stmts(s.Then)
		for _, e := range s.Elifs {
			c.cond(e.Cond)
			c.stmts(e.Body)
		}
		c.stmts(s.Else)
	case *ast.While:
		c.cond(s.Cond)
		c.stmts(s.Body)
	case *ast.For:
		c.forStmt(s)
	}
}

func (c *checker) localDecl(d *ast.Declaration) {
	t := c.dataType(d.Type)
	if d.Inline {
		c.errorh(diag.InlineOutsideEquations, d.Rng, "declare inline expressions in the equations block", "the inline keyword is only allowed in the equations block")
	}
	c.voidCheck(t, d.Type)
	if d.Guard != nil {
		c.top(d.Guard)
		c.warnf(diag.GuardIgnored, d.Guard.Span(), "the guard of a local declaration is never evaluated")
	}
	c.decorators(d.Decorators, false)
	if d.Init != nil {
		c.checkRecursive(d)
		c.initializer(d, t, d.Vars[0].Index == nil)
	}
	for _, v := range d.Vars {
		name := v.FullName()
		if _, ok := predefinedVars[name]; ok {
			c.errorf(diag.PredefinedVariableRedeclared, v.Rng, "%q is a predefined variable and cannot be declared", name)
			continue
		}
		if prev := c.scope.names[name]; prev != nil {
			c.errorf(diag.VariableRedeclared, v.Rng, "%q is already declared in this block (line %d)", name, prev.Pos.Start.Line)
			c.related(diag.VariableRedeclared, v.Rng, prev.Pos, "first declaration")
			continue
		}
		c.nameWarnings(name, SymLocal, v.Rng)
		if ms := c.mi.byName[name]; ms != nil && ms.Kind != SymFunction {
			c.warnf(diag.DeclarationShadowsModelVariable, v.Rng, "local %q hides the model's %s of the same name", name, ms.Kind)
		}
		s := &Symbol{Name: name, Kind: SymLocal, Type: t, Decl: d, Var: v, Init: d.Init, Pos: v.Rng, VectorSize: v.Index}
		if v.Index != nil {
			c.localVectorSize(s, d)
		}
		c.scope.names[name] = s
	}
}

// localVectorSize checks the size of a local vector like a model-level one.
func (c *checker) localVectorSize(s *Symbol, d *ast.Declaration) {
	c.vectorSize(s, d)
}

func (c *checker) ret(s *ast.Return) {
	if c.ctx != ctxFunction {
		c.warnf(diag.ReturnOutsideFunction, s.Rng, "return outside a function ends the block")
		if s.Value != nil {
			c.top(s.Value)
		}
		return
	}
	if s.Value == nil {
		if c.fnResult.Kind != Void && c.fnResult.Valid() {
			c.errorf(diag.ReturnWithoutValue, s.Rng, "the function must return a value of type %s", c.fnResult)
		}
		return
	}
	t := c.top(s.Value)
	if c.fnResult.Kind == Void {
		c.errorh(diag.ReturnValueInVoidFunction, s.Rng, "declare the return type in the function header, or write a bare `return`", "a function without a return type cannot return a value")
		return
	}
	c.assignableAt(c.fnResult, t, s.Value, s.Rng, diag.ReturnTypeMismatch, "return a value from the function")
}

func (c *checker) cond(e ast.Expr) {
	if t := c.top(e); t.Valid() && t.Kind != Boolean {
		c.errorf(diag.ConditionNotBoolean, e.Span(), "the condition must be boolean, not %s", t)
	}
}

// forStmt checks `for v in a ... b step s` (language.md §14.5).
func (c *checker) forStmt(s *ast.For) {
	from, to := c.top(s.From), c.top(s.To)
	for i, b := range []ast.Expr{s.From, s.To} {
		t := []Type{from, to}[i]
		if t.Valid() && !t.IsPlain() {
			c.errorf(diag.ForBoundNotNumeric, b.Span(), "a loop bound must be integer or real, not %s", t)
		}
	}
	intStep := s.Step != nil && !s.Step.IsFloat
	if s.Step != nil {
		c.info.Types[s.Step] = tReal
		if intStep {
			c.info.Types[s.Step] = tInt
		}
		if s.Step.Value == 0 {
			c.errorf(diag.ForStepZero, s.Rng, "the loop step cannot be 0")
		}
	}
	sym := c.lookup(s.Var.Name)
	if sym == nil {
		if p, later := c.scope.later[s.Var.Name]; later && s.Var.Rng.Start.Before(p) {
			c.errorf(diag.VariableUsedBeforeDeclaration, s.Var.Rng, "loop variable %q is used before its declaration at line %d", s.Var.Name, p.Line)
		}
		t := tReal
		if from.Kind == Integer && to.Kind == Integer && intStep {
			t = tInt
		}
		c.warnh(diag.ForVariableNotDeclared, s.Rng, "declare `"+s.Var.Name+" "+t.String()+"` before the loop",
			"the loop variable %q is not declared; it is declared implicitly as %s", s.Var.Name, t)
		sym = &Symbol{Name: s.Var.Name, Kind: SymLocal, Type: t, Pos: s.Var.Rng}
		c.scope.names[s.Var.Name] = sym
	} else {
		switch {
		case !sym.Type.Valid():
		case !sym.Type.IsPlain():
			c.errorf(diag.ForVariableNotNumeric, s.Rng, "the loop variable %q must be integer or real, not %s", s.Var.Name, sym.Type)
		case sym.Type.Kind == Integer && s.Step != nil && s.Step.Value != float64(int64(s.Step.Value)):
			c.errorf(diag.ForStepTypeMismatch, s.Rng, "the step %s is not an integer, but the loop variable %q is", s.Step.Text, s.Var.Name)
		}
		c.assignTo(sym, s.Var.Rng, "the loop")
	}
	if sym.Kind == SymLocal {
		c.scope.assigned[sym] = true
	}
	c.stmts(s.Body)
}

// assign checks an assignment statement (language.md §14.1).
func (c *checker) assign(s *ast.Assign) {
	v := s.Lhs
	name := v.FullName()
	rt := c.top(s.Rhs)
	sym := c.lookup(name)
	if sym == nil {
		switch {
		case predefinedVars[name].Valid():
			c.errorf(diag.PredefinedVariableAssigned, s.Rng, "%q is predefined and cannot be assigned", name)
		case c.usedBeforeDecl(v):
		case units.IsName(v.Name) && v.Order == 0 && v.Index == nil:
			c.errorh(diag.AssignmentToUnit, s.Rng, c.suggest(v.Name), "%q is a physical unit, not a variable; it cannot be assigned", v.Name)
		default:
			c.errorh(diag.VariableNotDefined, v.Rng, c.suggest(v.Name), "%q is not declared", name)
		}
		return
	}
	c.info.Uses[v] = sym
	if v.Index != nil {
		c.index(v)
	} else if sym.VectorSize != nil {
		c.errorh(diag.VectorWithoutIndex, v.Rng, "write "+name+"[i]", "vector %q needs an index here", name)
	}
	if !c.assignTo(sym, s.Rng, "") {
		return
	}
	if sym.Kind == SymLocal && s.Op == "=" {
		c.scope.assigned[sym] = true
	}
	if !rt.Valid() || !sym.Type.Valid() {
		return
	}
	switch s.Op {
	case "=", "+=", "-=":
		c.assignable(sym.Type, rt, s.Rhs, diag.AssignmentTypeMismatch, "assign to "+name)
	case "*=", "/=":
		res := c.arith(s.Op[:1], sym.Type, rt, s.Rng, nil)
		if res.Valid() {
			c.assignable(sym.Type, res, s.Rhs, diag.AssignmentTypeMismatch, "assign "+name+" "+s.Op[:1]+" value to "+name)
		}
	case "//=":
		switch {
		case sym.Type.Kind == Real && rt.IsPlain():
			c.warnf(diag.IntegerDivisionOfReal, s.Rng, "//= on a real variable truncates the quotient")
		case sym.Type.Kind == Integer && rt.Kind == Integer:
		case sym.Type.Kind == Integer && rt.Kind == Real:
			c.warnf(diag.IntegerDivisionOfReal, s.Rng, "//= with a real operand truncates the quotient")
		default:
			c.errorf(diag.OperatorTypeError, s.Rng, "//= needs an integer or real variable and operand, not %s and %s", sym.Type, rt)
		}
	}
}

// assignTo reports assignments to things that cannot be assigned and
// returns whether sym is assignable.
func (c *checker) assignTo(sym *Symbol, r ast.Range, by string) bool {
	name := sym.Name
	switch sym.Kind {
	case SymParam:
		c.errorf(diag.ParameterAssigned, r, "parameter %q cannot be assigned; parameters are set from outside the model", name)
	case SymInternal:
		c.errorf(diag.InternalAssigned, r, "internal %q cannot be assigned; internals are computed from their initial values", name)
	case SymInline:
		c.errorf(diag.InlineAssigned, r, "inline expression %q cannot be assigned", name)
	case SymSpikePort, SymContPort:
		c.errorf(diag.InputPortAssigned, r, "input port %q cannot be assigned", name)
	case SymKernel:
		c.errorf(diag.KernelAssigned, r, "kernel %q cannot be assigned", name)
	case SymFunction:
		c.errorh(diag.VariableNotDefined, r, c.suggest(name), "%q is a function, not a variable", name)
	default:
		return true
	}
	return false
}

// checkHandlers checks onReceive and onCondition blocks (language.md §13).
func (c *checker) checkHandlers() {
	mi := c.mi
	ports := map[string]*ast.OnReceive{}
	type prio struct {
		h *ast.OnReceive
		v int64
	}
	var prios []prio
	for _, h := range mi.OnReceive {
		s := mi.byName[h.Port.Name]
		switch {
		case s == nil && h.Port.Name == "self_spikes":
		case s == nil:
			c.errorh(diag.OnreceivePortNotDeclared, h.Rng, c.suggest(h.Port.Name), "onReceive names %q, which is not an input port", h.Port.Name)
		case s.Kind != SymSpikePort:
			c.errorf(diag.OnreceivePortNotSpike, h.Rng, "onReceive needs a spike input port; %q is a %s", h.Port.Name, s.Kind)
		}
		if prev, ok := ports[h.Port.Name]; ok {
			c.errorf(diag.OnreceiveDuplicatePort, h.Rng, "a second onReceive handler for port %q (first at line %d)", h.Port.Name, prev.Rng.Start.Line)
			c.related(diag.OnreceiveDuplicatePort, h.Rng, prev.Rng, "first handler")
		}
		ports[h.Port.Name] = h
		for _, cp := range h.Consts {
			if cp.Name.Name != "priority" {
				c.warnf(diag.UnknownHandlerParameter, h.Rng, "unknown handler parameter %q (only priority is known)", cp.Name.Name)
				continue
			}
			n, ok := ast.Unparen(cp.Value).(*ast.NumberLit)
			if !ok || n.IsFloat || n.Unit != nil {
				c.errorf(diag.PriorityNotInteger, h.Rng, "the priority must be an integer literal")
				continue
			}
			prios = append(prios, prio{h, n.Int})
		}
		c.ctx = ctxOnReceive
		c.body(h.Body, nil)
	}
	if len(prios) == 1 {
		c.errorh(diag.PriorityOnSingleHandler, prios[0].h.Rng, "give every prioritised handler a priority, or remove it",
			"only one onReceive handler has a priority; priorities order several handlers")
	}
	byValue := map[int64][]*ast.OnReceive{}
	var values []int64
	for _, p := range prios {
		if _, ok := byValue[p.v]; !ok {
			values = append(values, p.v)
		}
		byValue[p.v] = append(byValue[p.v], p.h)
	}
	sort.Slice(values, func(i, j int) bool { return values[i] < values[j] })
	for _, v := range values {
		hs := byValue[v]
		if len(hs) < 2 {
			continue
		}
		for _, h := range hs {
			c.errorf(diag.PriorityDuplicate, h.Rng, "priority %d is given to %d handlers; priorities must be distinct", v, len(hs))
			for _, o := range hs {
				if o != h {
					c.related(diag.PriorityDuplicate, h.Rng, o.Rng, "same priority")
				}
			}
		}
	}
	for _, h := range mi.OnCondition {
		c.ctx = ctxOnCondCond
		if t := c.top(h.Cond); t.Valid() && t.Kind != Boolean {
			c.errorf(diag.ConditionNotBoolean, h.Cond.Span(), "the onCondition condition must be boolean, not %s", t)
		}
		for _, cp := range h.Consts {
			c.warnf(diag.UnknownHandlerParameter, h.Rng, "onCondition takes no parameters; %q has no effect", cp.Name.Name)
		}
		c.ctx = ctxOnCondBody
		c.body(h.Body, nil)
	}
	c.ctx = ctxInit
}

var placeholder = regexp.MustCompile(`\{([^{}]*)\}`)

// printPlaceholders warns about {name} placeholders that resolve to nothing.
func (c *checker) printPlaceholders(call *ast.Call) {
	for _, a := range call.Args {
		s, ok := ast.Unparen(a).(*ast.StringLit)
		if !ok {
			continue
		}
		for _, m := range placeholder.FindAllStringSubmatch(s.Value, -1) {
			name := m[1]
			if name == "" {
				continue
			}
			if c.lookup(name) != nil || predefinedVars[name].Valid() {
				continue
			}
			c.warnh(diag.PrintPlaceholderUnknown, call.Rng, c.suggest(name), "the placeholder {%s} names no variable", name)
		}
	}
}
