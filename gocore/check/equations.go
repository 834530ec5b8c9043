package check

import (
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/units"
)

// checkEquations checks the equations block: inline expressions, ODEs and
// kernels in source order (language.md §10, checks.md §4.10).
func (c *checker) checkEquations() {
	c.ctx = ctxEquations
	defer func() { c.ctx = ctxInit }()
	odes := map[string]*ast.OdeEquation{}
	for _, eb := range c.mi.equations {
		for _, el := range eb.Elems {
			switch el := el.(type) {
			case *ast.InlineExpr:
				s := c.mi.byName[el.Name.Name]
				t := c.top(el.Value)
				if s != nil && s.Decl == el {
					c.assignable(s.Type, t, el.Value, diag.AssignmentTypeMismatch, "define inline expression "+s.Name+" as")
				}
			case *ast.OdeEquation:
				c.ode(el, odes)
			case *ast.Kernel:
				c.kernel(el)
			}
		}
	}
}

var second = units.MustLookup("s")

// perTime returns u / s**n.
func perTime(t Type, n int) (units.Unit, bool) {
	var u units.Unit
	switch t.Kind {
	case Quantity:
		u = t.Unit
	case Real, Integer:
		u = units.One()
	default:
		return units.Unit{}, false
	}
	return u.TryDiv(second.Pow(units.NewRat(int64(n), 1)))
}

func (c *checker) ode(ode *ast.OdeEquation, seen map[string]*ast.OdeEquation) {
	lhs := ode.Lhs
	c.curODE = lhs.Name
	defer func() { c.curODE = "" }()
	if lhs.Order == 0 {
		c.errorh(diag.OdeOrderMissing, ode.Rng, "write "+lhs.Name+"' = …", "the left side of an equation must be a derivative; %q has no prime", lhs.Name)
		c.top(ode.Rhs)
		return
	}
	base := c.mi.byName[lhs.Name]
	ok := true
	switch {
	case base == nil && c.mi.byName[lhs.Name+"'"] == nil:
		hint := c.suggest(lhs.Name)
		if hint == "" {
			hint = "declare " + lhs.Name + " with an initial value in the state block"
		}
		c.errorh(diag.VariableNotDefined, lhs.Rng, hint, "the ODE is for %q, which is not declared", lhs.Name)
		ok = false
	case base != nil && base.Kind != SymState:
		c.errorf(diag.OdeVariableNotState, ode.Rng, "%q is a %s; only state variables can have ODEs", lhs.Name, base.Kind)
		ok = false
	}
	if ok {
		var missing []string
		for k := 0; k < lhs.Order; k++ {
			name := lhs.Name + strings.Repeat("'", k)
			s := c.mi.byName[name]
			if s == nil || s.Kind != SymState {
				missing = append(missing, name)
				continue
			}
			s.HasODE = true
		}
		if len(missing) > 0 {
			c.errorh(diag.OdeInitialValueMissing, ode.Rng, "declare "+strings.Join(missing, ", ")+" with initial values in the state block",
				"the ODE for %s needs the state variable(s) %s", lhs.FullName(), strings.Join(missing, ", "))
		}
		if base != nil && base.VectorSize != nil {
			c.errorf(diag.VectorOdeUnsupported, ode.Rng, "ODEs for vector state variables are not supported (%q is a vector)", lhs.Name)
		}
		if prev := seen[lhs.FullName()]; prev != nil {
			c.errorf(diag.OdeDuplicate, ode.Rng, "%s already has an ODE at line %d", lhs.FullName(), prev.Rng.Start.Line)
			c.related(diag.OdeDuplicate, ode.Rng, prev.Rng, "first ODE")
		}
		seen[lhs.FullName()] = ode
		if base != nil && base.Type.Valid() {
			for k := 1; k < lhs.Order; k++ {
				s := c.mi.byName[lhs.Name+strings.Repeat("'", k)]
				want, okU := perTime(base.Type, k)
				if s == nil || !s.Type.Valid() || !okU {
					continue
				}
				if !sameDimension(s.Type, QuantityOf(want)) {
					c.warnf(diag.DerivativeStateWrongType, s.Pos, "%s has type %s; as derivative %d of %s (%s) it should have type %s", s.Name, s.Type, k, lhs.Name, base.Type, QuantityOf(want))
				}
			}
		}
	}
	t := c.top(ode.Rhs)
	if !ok || base == nil || !t.Valid() || !base.Type.Valid() {
		return
	}
	want, okU := perTime(base.Type, lhs.Order)
	if !okU {
		return
	}
	if !c.storable(QuantityOf(want), t) {
		c.errorf(diag.OdeUnitsInconsistent, ode.Rhs.Span(), "the right side of %s has type %s, but %s has type %s, so the derivative must have type %s",
			lhs.FullName(), t, lhs.Name, base.Type, QuantityOf(want))
	}
}

// sameDimension reports whether a and b are numeric types of the same
// dimension (plain numbers are dimensionless).
func sameDimension(a, b Type) bool {
	if !a.IsNumeric() || !b.IsNumeric() {
		return false
	}
	da, db := units.One(), units.One()
	if a.Kind == Quantity {
		da = a.Unit
	}
	if b.Kind == Quantity {
		db = b.Unit
	}
	return da.Compatible(db)
}

// storable reports whether a value of type v can be stored into type t
// without an error (language.md §7.6), silently.
func (c *checker) storable(t, v Type) bool {
	if !t.Valid() || !v.Valid() || Same(t, v) {
		return true
	}
	switch t.Kind {
	case Quantity:
		return (v.Kind == Quantity && t.Unit.Compatible(v.Unit)) || (v.IsPlain() && t.Unit.IsDimensionless() && !c.opts.is83())
	case Real:
		return v.Kind == Integer || v.Kind == Quantity || v.Kind == Boolean
	case Integer:
		return v.Kind == Real
	case Boolean:
		return v.Kind == Real
	}
	return false
}

// kernel checks a kernel definition (language.md §10.5).
func (c *checker) kernel(k *ast.Kernel) {
	c.curKernel = k
	defer func() { c.curKernel = nil }()
	ms := units.MustLookup("ms")
	for i, v := range k.Lhs {
		if i >= len(k.Rhs) {
			break
		}
		rhs := k.Rhs[i]
		if v.Order == 0 {
			if call, ok := ast.Unparen(rhs).(*ast.Call); ok && call.Name.Name == "delta" {
				c.deltaCall(call, true)
				c.info.Types[rhs] = tReal
				continue
			}
			t := c.top(rhs)
			if t.Valid() && t.Kind != Real && t.Kind != Integer {
				c.errorf(diag.KernelWrongType, k.Rng, "kernel %s must have type real, not %s", v.Name, t)
			}
			continue
		}
		t := c.top(rhs)
		want := ms.Pow(units.NewRat(-int64(v.Order), 1))
		if t.Valid() && !(t.Kind == Quantity && t.Unit.Compatible(want)) {
			c.errorf(diag.KernelWrongType, k.Rng, "the right side of kernel %s has type %s; a kernel of order %d must have type %s", v.FullName(), t, v.Order, QuantityOf(want))
		}
		var missing []string
		for o := 0; o < v.Order; o++ {
			name := v.Name + strings.Repeat("'", o)
			s := c.mi.byName[name]
			if s == nil || s.Kind != SymState {
				missing = append(missing, name)
				continue
			}
			if !s.Type.Valid() {
				continue
			}
			if o == 0 {
				if s.Type.Kind != Real {
					c.warnf(diag.KernelStateNotReal, k.Rng, "the state %s of kernel %s has type %s; it should be real", name, v.Name, s.Type)
				}
				continue
			}
			w := ms.Pow(units.NewRat(-int64(o), 1))
			if !(s.Type.Kind == Quantity && s.Type.Unit.Compatible(w)) {
				c.errorf(diag.KernelInitialValueWrongType, k.Rng, "the state %s of kernel %s has type %s; it must have type %s", name, v.Name, s.Type, QuantityOf(w))
			}
		}
		if len(missing) > 0 {
			c.errorh(diag.KernelInitialValueMissing, k.Rng, "declare "+strings.Join(missing, ", ")+" with initial values in the state block",
				"kernel %s needs the state variable(s) %s", v.FullName(), strings.Join(missing, ", "))
		}
	}
}

// deltaCall checks a call of delta(): only `delta(t)` as the complete right
// side of a kernel is allowed.
func (c *checker) deltaCall(call *ast.Call, kernelRHS bool) {
	if !kernelRHS {
		c.errorh(diag.DeltaFunctionMisused, call.Rng, "write `kernel K = delta(t)` and convolve K with a spike port",
			"delta() may only be the complete right side of a kernel")
		return
	}
	if len(call.Args) != 1 {
		c.errorf(diag.DeltaFunctionMisused, call.Rng, "delta() takes exactly the argument t")
		return
	}
	if v, ok := ast.Unparen(call.Args[0]).(*ast.Variable); !ok || v.Name != "t" || v.Order > 0 || v.Index != nil || c.lookup("t") != nil {
		c.errorf(diag.DeltaFunctionMisused, call.Args[0].Span(), "the argument of delta() must be t")
		return
	}
	c.info.Types[call.Args[0]] = predefinedVars["t"]
	c.info.Types[call] = tReal
}

// convolve checks convolve(K, p) (language.md §10.4).
func (c *checker) convolve(call *ast.Call) Type {
	if len(call.Args) != 2 {
		c.errorf(diag.ConvolveArgCount, call.Rng, "convolve() takes 2 arguments (a kernel and a spike port), got %d", len(call.Args))
		return tInvalid
	}
	if c.ctx != ctxEquations {
		c.errorh(diag.ConvolveOutsideEquations, call.Rng, "define `inline x real = convolve(…)` in the equations block and read x here",
			"convolve() is only allowed in the equations block")
	}
	k, ok1 := ast.Unparen(call.Args[0]).(*ast.Variable)
	p, ok2 := ast.Unparen(call.Args[1]).(*ast.Variable)
	if !ok1 || k.Index != nil || k.Order > 0 {
		c.errorf(diag.ConvolveArgNotVariable, call.Args[0].Span(), "the first argument of convolve() must be the name of a kernel")
		ok1 = false
	}
	if !ok2 || (p.Index != nil && !c.isConstIndex(p.Index)) || p.Order > 0 {
		c.errorf(diag.ConvolveArgNotVariable, call.Args[1].Span(), "the second argument of convolve() must be the name of a spike input port")
		ok2 = false
	}
	if !ok1 || !ok2 {
		return tInvalid
	}
	ks, ps := c.lookup(k.Name), c.lookup(p.Name)
	kt := tReal
	if ks == nil || (ks.Kind != SymKernel && c.kernelNames[k.Name] == nil) {
		what := "not declared"
		if ks != nil {
			what = "a " + ks.Kind.String()
		}
		c.errorf(diag.ConvolveFirstArgNotKernel, k.Rng, "the first argument of convolve() must be a kernel; %q is %s", k.Name, what)
		ok1 = false
	} else {
		c.info.Uses[k] = ks
		// A kernel given as a function of time is a plain shape: the
		// convolution (summed weights × shape) is real. A kernel in ODE
		// form over a declared state has that state's type.
		if ks.Kind == SymState {
			kt = ks.Type
		}
		c.info.Types[call.Args[0]] = kt
	}
	if ps == nil || ps.Kind != SymSpikePort {
		what := "not declared"
		if ps != nil {
			what = "a " + ps.Kind.String()
		}
		c.errorf(diag.ConvolveSecondArgNotSpikePort, p.Rng, "the second argument of convolve() must be a spike input port; %q is %s", p.Name, what)
		ok2 = false
	} else {
		c.info.Uses[p] = ps
		if p.Index != nil {
			c.index(p)
		}
		c.info.Types[call.Args[1]] = ps.Type
	}
	if !ok1 || !ok2 {
		return tInvalid
	}
	return kt
}

// isConstIndex reports whether e is an integer literal or a parameter or
// internal.
func (c *checker) isConstIndex(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.NumberLit:
		return true
	case *ast.Variable:
		s := c.lookup(e.Name)
		return s != nil && (s.Kind == SymParam || s.Kind == SymInternal)
	}
	return false
}

// integrateOdes checks a call of integrate_odes (language.md §10.6).
func (c *checker) integrateOdes(call *ast.Call) {
	switch c.ctx {
	case ctxUpdate:
	case ctxFunction:
		c.warnf(diag.SideEffectInFunction, call.Rng, "integrate_odes() called in a function")
	default:
		c.warnf(diag.IntegrateOdesOutsideUpdate, call.Rng, "integrate_odes() outside the update block; its timing is target-specific")
	}
	for _, a := range call.Args {
		v, isVar := ast.Unparen(a).(*ast.Variable)
		if !isVar || v.Index != nil {
			c.top(a)
			c.errorf(diag.IntegrateOdesArgNotState, call.Rng, "the arguments of integrate_odes() must be names of state variables")
			continue
		}
		if v.Order > 0 {
			c.errorh(diag.IntegrateOdesArgDerivative, call.Rng, "write integrate_odes("+v.Name+"), which integrates the whole chain",
				"integrate_odes() takes state variables without primes, not %s", v.FullName())
			continue
		}
		s := c.lookup(v.Name)
		if s == nil {
			c.errorh(diag.VariableNotDefined, v.Rng, c.suggest(v.Name), "%q is not declared", v.Name)
			continue
		}
		c.info.Uses[v] = s
		c.info.Types[a] = s.Type
		if s.Kind != SymState {
			c.errorf(diag.IntegrateOdesArgNotState, call.Rng, "the arguments of integrate_odes() must be state variables; %q is a %s", v.Name, s.Kind)
			continue
		}
		if !s.HasODE {
			c.warnf(diag.IntegrateOdesArgWithoutOde, call.Rng, "state variable %q has no ODE; integrate_odes() leaves it unchanged", v.Name)
		}
	}
}

// checkIntegrateOdesCalled reports a model with ODEs (not counting
// kernels) that never calls integrate_odes.
func (c *checker) checkIntegrateOdesCalled() {
	m := c.mi.Model
	if len(c.mi.ODEs) == 0 || c.opts.compartmental() {
		// the compartmental target integrates every ODE itself (L§17)
		return
	}
	found := false
	ast.Inspect(m, func(n ast.Node) bool {
		if call, ok := n.(*ast.Call); ok && call.Name.Name == "integrate_odes" {
			found = true
		}
		return !found
	})
	if !found {
		c.errorh(diag.IntegrateOdesNotCalled, m.NameRng, "call integrate_odes() in the update block",
			"model %q has ODEs but never calls integrate_odes()", m.Name.Name)
	}
}

// delayedVariable checks `x(t - d)`, the delayed value of a state
// variable with an ODE (language.md §10.7).
func (c *checker) delayedVariable(call *ast.Call, s *Symbol) Type {
	name := call.Name.Name
	if c.ctx != ctxEquations || len(call.Args) != 1 {
		c.errorf(diag.FunctionNotDefined, call.Name.Rng, "%q is a state variable, not a function; a delayed value %s(t - d) may only be read in an ODE", name, name)
		return tInvalid
	}
	arg := ast.Unparen(call.Args[0])
	b, ok := arg.(*ast.Binary)
	tv, okT := ast.Expr(nil), false
	if ok && b.Op == "-" {
		tv = ast.Unparen(b.L)
		v, isV := tv.(*ast.Variable)
		okT = isV && v.Name == "t" && v.Order == 0 && c.lookup("t") == nil
	}
	if !okT {
		c.errorf(diag.FunctionNotDefined, call.Name.Rng, "%q is a state variable, not a function; a delayed value is written %s(t - d)", name, name)
		return tInvalid
	}
	c.top(call.Args[0])
	d := ast.Unparen(b.R)
	switch d := d.(type) {
	case *ast.NumberLit:
	case *ast.Variable:
		if ds := c.lookup(d.Name); ds != nil && ds.Kind != SymParam {
			c.errorf(diag.DdeDelayNotConstant, d.Rng, "the delay must be a literal or a parameter; %q is a %s", d.Name, ds.Kind)
		}
	default:
		c.errorf(diag.DdeDelayNotConstant, d.Span(), "the delay must be a literal or a parameter")
	}
	text := exprKey(d)
	if prev, ok := c.delays[name]; ok && prev != text {
		c.errorf(diag.DdeMultipleDelays, call.Rng, "%q is already read with the delay %s; only one delay per variable is supported", name, prev)
	} else {
		c.delays[name] = text
	}
	if c.curODE == name {
		c.errorf(diag.DdeSelfDelay, call.Rng, "the ODE of %q may not read its own delayed value", name)
	}
	return s.Type
}

// exprKey is a canonical text of simple delay expressions.
func exprKey(e ast.Expr) string {
	switch e := ast.Unparen(e).(type) {
	case *ast.NumberLit:
		return e.Text
	case *ast.Variable:
		return e.FullName()
	}
	return e.Span().Start.String()
}

// checkRepeatedIntegration warns when a state variable whose ODE receives
// delta-kernel or direct spike-port input is integrated by more than one
// integrate_odes call on one execution path of the update block
// (language.md §10.5: nestml_go applies the jump only once).
func (c *checker) checkRepeatedIntegration() {
	mi := c.mi
	if mi.Update == nil {
		return
	}
	jump := map[string]bool{}
	var all []string
	for _, ode := range mi.ODEs {
		if ode.Lhs.Order == 0 {
			continue
		}
		all = append(all, ode.Lhs.Name)
		if c.hasSpikeInput(ode.Rhs, map[*Symbol]bool{}) {
			jump[ode.Lhs.Name] = true
		}
	}
	if len(jump) == 0 {
		return
	}
	var walk func(b *ast.Block, done map[string]bool) map[string]bool
	copyOf := func(m map[string]bool) map[string]bool {
		n := make(map[string]bool, len(m))
		for k, v := range m {
			n[k] = v
		}
		return n
	}
	union := func(ms ...map[string]bool) map[string]bool {
		out := map[string]bool{}
		for _, m := range ms {
			for k := range m {
				out[k] = true
			}
		}
		return out
	}
	walk = func(b *ast.Block, done map[string]bool) map[string]bool {
		if b == nil {
			return done
		}
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *ast.CallStmt:
				if s.Call.Name.Name != "integrate_odes" {
					continue
				}
				vars := all
				if len(s.Call.Args) > 0 {
					vars = nil
					for _, a := range s.Call.Args {
						if v, ok := ast.Unparen(a).(*ast.Variable); ok {
							vars = append(vars, v.Name)
						}
					}
				}
				for _, v := range vars {
					if jump[v] && done[v] {
						c.warnf(diag.IntegrateOdesRepeated, s.Call.Rng, "%q, which receives spike input, is integrated a second time in this step; its input jump is applied only once, at the first integration", v)
						break
					}
				}
				for _, v := range vars {
					done[v] = true
				}
			case *ast.If:
				outs := []map[string]bool{walk(s.Then, copyOf(done))}
				for _, e := range s.Elifs {
					outs = append(outs, walk(e.Body, copyOf(done)))
				}
				if s.Else != nil {
					outs = append(outs, walk(s.Else, copyOf(done)))
				} else {
					outs = append(outs, done)
				}
				done = union(outs...)
			case *ast.For:
				done = union(done, walk(s.Body, copyOf(done)))
			case *ast.While:
				done = union(done, walk(s.Body, copyOf(done)))
			}
		}
		return done
	}
	walk(mi.Update.Body, map[string]bool{})
}

// hasSpikeInput reports whether e reads a spike port directly or convolves
// with a delta kernel, also through inline expressions.
func (c *checker) hasSpikeInput(e ast.Expr, seen map[*Symbol]bool) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Call:
			if n.Name.Name == "convolve" && len(n.Args) == 2 {
				if k, ok := ast.Unparen(n.Args[0]).(*ast.Variable); ok {
					if kd := c.kernelNames[k.Name]; kd != nil && len(kd.Rhs) == 1 {
						if call, ok := ast.Unparen(kd.Rhs[0]).(*ast.Call); ok && call.Name.Name == "delta" {
							found = true
						}
					}
				}
				return false
			}
		case *ast.Variable:
			s := c.info.Uses[n]
			switch {
			case s == nil:
			case s.Kind == SymSpikePort:
				found = true
			case s.Kind == SymInline && !seen[s] && s.Init != nil:
				seen[s] = true
				found = c.hasSpikeInput(s.Init, seen)
			}
		}
		return true
	})
	return found
}
