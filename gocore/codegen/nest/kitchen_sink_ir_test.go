package nest

import "nestml_go/gocore/ir"

// kitchenSinkIR returns a model that uses every statement, operator and
// function of the IR, integer and boolean variables, non-ODE state, a
// 2×2 oscillatory block with a time-dependent channel, several unqualified
// spike ports (multi-receptor) and two continuous ports. It is not meant to
// be meaningful, only to exercise the printer (and the C++ compiler).
func kitchenSinkIR() *ir.Model {
	m := &ir.Model{Name: "kitchen_sink_neuron", SourceFile: "kitchen_sink.nestml", SourceHash: "00"}
	ref := func(v *ir.Var) *ir.Ref { return &ir.Ref{Kind: v.Kind, Index: v.Index, Name: v.Name} }
	add := func(list *[]*ir.Var, kind ir.VarKind, name string, t ir.Type, init ir.Expr, ode bool) *ir.Var {
		v := &ir.Var{Name: name, Kind: kind, Index: len(*list), Type: t, Factor: 1, Init: init, HasODE: ode}
		*list = append(*list, v)
		return v
	}
	a := add(&m.Params, ir.KParam, "a", ir.Real, cst(1.5), false)
	n := add(&m.Params, ir.KParam, "n", ir.Integer, cst(3), false)
	flag := add(&m.Params, ir.KParam, "flag", ir.Boolean, cst(1), false)
	b := add(&m.Params, ir.KParam, "b", ir.Real, bin("*", ref(a), cst(2)), false)
	f := add(&m.Params, ir.KParam, "f", ir.Real, cst(0.01), false)
	g := add(&m.Params, ir.KParam, "gamma", ir.Real, cst(0.05), false)    // "gamma": plain name
	neg := add(&m.Params, ir.KParam, "delete", ir.Real, cst(-0.0), false) // C++ keyword
	n.Guard = bin(">=", ref(n), cst(0))
	n.GuardText = "n >= 0"

	w2 := add(&m.Internals, ir.KInternal, "w2", ir.Real,
		bin("**", bin("*", bin("*", cst(2), cst(3.141592653589793)), ref(f)), cst(2)), false)
	steps := add(&m.Internals, ir.KInternal, "steps", ir.Integer,
		&ir.Call{Fn: "ceil", Args: []ir.Expr{bin("/", ref(b), &ir.Ref{Kind: ir.KStep, Name: "resolution"})}}, false)

	x := add(&m.State, ir.KState, "x", ir.Real, ref(b), true)
	y := add(&m.State, ir.KState, "y", ir.Real, cst(0), true)
	v := add(&m.State, ir.KState, "v", ir.Real, cst(0), true)
	count := add(&m.State, ir.KState, "count", ir.Integer, cst(0), false)
	active := add(&m.State, ir.KState, "active", ir.Boolean, ref(flag), false)
	z := add(&m.State, ir.KState, "z", ir.Real, ref(w2), false)
	for _, s := range m.State {
		m.Recordables = append(m.Recordables, s.Name)
	}

	m.SpikePorts = []*ir.Port{
		{Name: "AMPA", Index: 0},
		{Name: "NMDA", Index: 1},
		{Name: "exc", Index: 2, Qualifier: "excitatory"},
		{Name: "inh", Index: 3, Qualifier: "inhibitory"},
		{Name: "lone_inh", Index: 4, Qualifier: "inhibitory"},
	}
	m.ContPorts = []*ir.Port{{Name: "I_a", Index: 0}, {Name: "I_b", Index: 1}}
	Ia := &ir.Ref{Kind: ir.KContPort, Index: 0, Name: "I_a"}
	Ib := &ir.Ref{Kind: ir.KContPort, Index: 1, Name: "I_b"}
	tm := &ir.Ref{Kind: ir.KTime, Name: "t"}

	m.Analytic = []*ir.AnalyticBlock{
		{Vars: []int{x.Index}, A: [][]ir.Expr{{bin("/", cst(-1), ref(a))}}, B0: []ir.Expr{ref(neg)},
			Channels: []ir.Expr{bin("+", Ia, tm)}, BCols: [][]ir.Expr{{cst(1)}}},
		{Vars: []int{y.Index, v.Index},
			A:        [][]ir.Expr{{nil, cst(1)}, {&ir.Unary{Op: "-", X: ref(w2)}, &ir.Unary{Op: "-", X: ref(g)}}},
			Channels: []ir.Expr{bin("*", Ib, Ib), ref(z)},
			BCols:    [][]ir.Expr{{nil, cst(1)}, {nil, cst(0.5)}}},
	}

	kv := &ir.Var{Name: "k", Kind: ir.KLocal, Index: 0, Type: ir.Integer}
	rv := &ir.Var{Name: "r", Kind: ir.KLocal, Index: 1, Type: ir.Real}
	bv := &ir.Var{Name: "ok", Kind: ir.KLocal, Index: 2, Type: ir.Boolean}
	iv := &ir.Var{Name: "i", Kind: ir.KLocal, Index: 3, Type: ir.Integer}
	kr, rr, br, ir_ := ref(kv), ref(rv), ref(bv), ref(iv)
	var calls []ir.Expr
	for _, fn := range []string{"exp", "expm1", "ln", "log10", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh", "erf", "erfc", "abs", "ceil", "floor", "round"} {
		calls = append(calls, &ir.Call{Fn: fn, Args: []ir.Expr{rr}})
	}
	calls = append(calls,
		&ir.Call{Fn: "abs", Args: []ir.Expr{kr}},
		&ir.Call{Fn: "min", Args: []ir.Expr{rr, kr}},
		&ir.Call{Fn: "max", Args: []ir.Expr{kr, ref(n)}},
		&ir.Call{Fn: "clip", Args: []ir.Expr{rr, cst(-1), cst(1)}},
		&ir.Call{Fn: "pow", Args: []ir.Expr{rr, cst(0.5)}},
	)
	sum := calls[0]
	for _, c := range calls[1:] {
		sum = bin("+", sum, c)
	}
	intOps := bin("+", &ir.Binary{Op: "//", L: kr, R: ref(n), Int: true}, &ir.Binary{Op: "%", L: kr, R: cst(2), Int: true})
	for _, op := range []string{"&", "|", "^", "<<", ">>"} {
		intOps = bin("+", intOps, &ir.Binary{Op: op, L: kr, R: cst(1), Int: true})
	}
	intOps = bin("-", intOps, &ir.Unary{Op: "~", X: kr})
	cmp := bin("or", bin("and", bin("<", rr, cst(1)), bin("!=", kr, ref(n))),
		&ir.Unary{Op: "not", X: bin("==", ref(active), br)})
	cmp = bin("or", cmp, bin("and", bin(">", rr, ref(b)), bin("<=", ref(count), kr)))

	m.Update = []ir.Stmt{
		&ir.Declare{Var: kv, Init: &ir.Binary{Op: "//", L: ref(n), R: cst(2), Int: true}},
		&ir.Declare{Var: rv, Init: bin("/", kr, ref(n))},
		&ir.Declare{Var: bv, Init: bin(">=", tm, cst(10))},
		&ir.Declare{Var: iv},
		&ir.While{Cond: bin(">", kr, cst(0)), Body: []ir.Stmt{&ir.Assign{Target: kr, Op: "-=", Value: cst(1)}}},
		&ir.For{Var: ir_, From: cst(0), To: ref(n), Step: 1, Body: []ir.Stmt{
			&ir.Assign{Target: ref(z), Op: "+=", Value: ir_},
		}},
		&ir.For{Var: &ir.Ref{Kind: ir.KLocal, Index: 9, Name: "j"}, From: cst(1), To: cst(-1), Step: -0.5, Body: []ir.Stmt{
			&ir.Assign{Target: rr, Op: "+=", Value: &ir.Ref{Kind: ir.KLocal, Index: 9, Name: "j"}},
		}},
		&ir.Assign{Target: rr, Op: "=", Value: sum},
		&ir.Assign{Target: kr, Op: "=", Value: intOps},
		&ir.Assign{Target: rr, Op: "*=", Value: &ir.Cond{C: br, Then: cst(2), Else: kr}},
		&ir.Assign{Target: rr, Op: "/=", Value: bin("**", kr, cst(2))},
		&ir.Assign{Target: ref(count), Op: "+=", Value: cst(1)},
		&ir.Assign{Target: ref(count), Op: "*=", Value: cst(2)},
		&ir.Assign{Target: ref(count), Op: "//=", Value: cst(2)},
		&ir.Assign{Target: ref(count), Op: "%=", Value: ref(n)},
		&ir.Assign{Target: ref(count), Op: "/=", Value: cst(1)},
		&ir.Assign{Target: ref(active), Op: "=", Value: cmp},
		&ir.If{Cond: br, Then: []ir.Stmt{
			&ir.IntegrateODEs{Vars: []int{x.Index, y.Index, v.Index}},
		}, Else: []ir.Stmt{
			&ir.If{Cond: ref(flag), Then: []ir.Stmt{&ir.IntegrateODEs{Vars: []int{v.Index}}}},
		}},
		&ir.Print{Format: "x = {x}, count = {count} \"quoted\"?", Names: []string{"x", "count"}, Args: []ir.Expr{ref(x), ref(count)}, Newline: true},
		&ir.Print{Format: "no newline"},
		&ir.Assign{Target: ref(z), Op: "=", Value: bin("-", &ir.Unary{Op: "-", X: ref(steps)}, bin("%", rr, cst(0.3)))},
	}
	port := func(i int) ir.Expr { return &ir.Ref{Kind: ir.KSpikePort, Index: i, Name: m.SpikePorts[i].Name} }
	for i := range m.SpikePorts {
		m.OnReceive = append(m.OnReceive, &ir.OnReceive{Port: i, Body: []ir.Stmt{
			&ir.Assign{Target: ref(x), Op: "+=", Value: port(i)},
		}})
	}
	m.OnCondition = []*ir.OnCondition{
		{Cond: bin("and", ref(active), bin(">", ref(x), cst(1))), Body: []ir.Stmt{
			&ir.Assign{Target: ref(x), Op: "=", Value: cst(0)},
			&ir.EmitSpike{},
		}},
		{Cond: bin(">", ref(count), cst(1e6)), Body: []ir.Stmt{&ir.Assign{Target: ref(count), Op: "=", Value: cst(0)}}},
	}
	m.EmitsSpikes = true
	return m
}

// minimalIR returns a model without state, ports or analytic blocks.
func minimalIR() *ir.Model {
	return &ir.Model{
		Name:   "minimal_neuron",
		Params: []*ir.Var{{Name: "p", Kind: ir.KParam, Type: ir.Real, Factor: 1, Init: cst(1)}},
		Update: []ir.Stmt{&ir.Print{Format: "{p}", Names: []string{"p"}, Args: []ir.Expr{&ir.Ref{Kind: ir.KParam, Name: "p"}}}},
	}
}
