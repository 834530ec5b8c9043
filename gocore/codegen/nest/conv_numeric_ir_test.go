package nest

import "nestml_go/gocore/ir"

// irBuilder builds IR models by hand in the tests.
type irBuilder struct{ m *ir.Model }

func (b *irBuilder) param(name, unit string, def float64) *ir.Var {
	v := &ir.Var{Name: name, Kind: ir.KParam, Index: len(b.m.Params), Type: ir.Real, Unit: unit, Factor: 1, Init: cst(def)}
	b.m.Params = append(b.m.Params, v)
	return v
}

func (b *irBuilder) state(name, unit string, init ir.Expr, ode bool) *ir.Var {
	v := &ir.Var{Name: name, Kind: ir.KState, Index: len(b.m.State), Type: ir.Real, Unit: unit, Factor: 1, Init: init, HasODE: ode}
	b.m.State = append(b.m.State, v)
	b.m.Recordables = append(b.m.Recordables, name)
	return v
}

func (b *irBuilder) conv(name string) *ir.Var {
	v := b.state(name, "", cst(0), true)
	b.m.ConvStates = append(b.m.ConvStates, v.Index)
	return v
}

func (b *irBuilder) internal(name string, init ir.Expr) *ir.Var {
	v := &ir.Var{Name: name, Kind: ir.KInternal, Index: len(b.m.Internals), Type: ir.Real, Factor: 1, Init: init}
	b.m.Internals = append(b.m.Internals, v)
	return v
}

func ref(v *ir.Var) *ir.Ref { return &ir.Ref{Kind: v.Kind, Index: v.Index, Name: v.Name} }
func neg(e ir.Expr) ir.Expr { return &ir.Unary{Op: "-", X: e} }
func spikeW(i int, name string) *ir.Ref {
	return &ir.Ref{Kind: ir.KSpikePort, Index: i, Name: name}
}

// refractoryUpdate is the library's timer idiom: integrate the listed
// variables and refr_t while refractory, otherwise the listed and V_m, and
// the threshold check with reset.
func refractoryUpdate(m *ir.Model, refr, vm, vth, vreset, refrT *ir.Var, always ...int) {
	m.Update = []ir.Stmt{
		&ir.If{
			Cond: bin(">", ref(refr), cst(0)),
			Then: []ir.Stmt{&ir.IntegrateODEs{Vars: append(append([]int{}, always...), refr.Index)}},
			Else: []ir.Stmt{&ir.IntegrateODEs{Vars: append(append([]int{}, always...), vm.Index)}},
		},
	}
	m.OnCondition = []*ir.OnCondition{{
		Cond: bin("and", bin("<=", ref(refr), cst(0)), bin(">=", ref(vm), ref(vth))),
		Body: []ir.Stmt{
			&ir.Assign{Target: ref(refr), Op: "=", Value: ref(refrT)},
			&ir.Assign{Target: ref(vm), Op: "=", Value: ref(vreset)},
			&ir.EmitSpike{},
		},
	}}
	m.EmitsSpikes = true
}

// iafPscAlphaIR returns an iaf_psc_alpha-like model as the front end lowers
// it: two second-order convolution states per port (K, K__d) in one
// analytic block with V_m, spike jumps into K__d, refr_t as its own block.
func iafPscAlphaIR() *ir.Model {
	b := &irBuilder{m: &ir.Model{Name: "iaf_psc_alpha_neuron", SourceFile: "iaf_psc_alpha_neuron.nestml", SourceHash: "01"}}
	m := b.m
	Cm := b.param("C_m", "pF", 250)
	tauM := b.param("tau_m", "ms", 10)
	tauI := b.param("tau_syn_inh", "ms", 2)
	tauE := b.param("tau_syn_exc", "ms", 2)
	refrT := b.param("refr_T", "ms", 2)
	EL := b.param("E_L", "mV", -70)
	Vreset := b.param("V_reset", "mV", -70)
	Vth := b.param("V_th", "mV", -55)
	Ie := b.param("I_e", "pA", 0)
	Vm := b.state("V_m", "mV", ref(EL), true)
	refr := b.state("refr_t", "ms", cst(0), true)
	ke := b.conv("I_kernel_exc__X__exc_spikes")
	ked := b.conv("I_kernel_exc__X__exc_spikes__d")
	ki := b.conv("I_kernel_inh__X__inh_spikes")
	kid := b.conv("I_kernel_inh__X__inh_spikes__d")
	m.SpikePorts = []*ir.Port{{Name: "exc_spikes", Index: 0, Qualifier: "excitatory"}, {Name: "inh_spikes", Index: 1, Qualifier: "inhibitory"}}
	m.ContPorts = []*ir.Port{{Name: "I_stim", Index: 0, Unit: "pA"}}
	sq := func(v *ir.Var) ir.Expr { return bin("*", ref(v), ref(v)) }
	invC := bin("/", cst(1), ref(Cm))
	m.Analytic = []*ir.AnalyticBlock{
		{
			// ke, ked, ki, kid, V_m
			Vars: []int{ke.Index, ked.Index, ki.Index, kid.Index, Vm.Index},
			A: [][]ir.Expr{
				{nil, cst(1), nil, nil, nil},
				{neg(bin("/", cst(1), sq(tauE))), neg(bin("/", cst(2), ref(tauE))), nil, nil, nil},
				{nil, nil, nil, cst(1), nil},
				{nil, nil, neg(bin("/", cst(1), sq(tauI))), neg(bin("/", cst(2), ref(tauI))), nil},
				{invC, nil, neg(invC), nil, neg(bin("/", cst(1), ref(tauM)))},
			},
			B0:       []ir.Expr{nil, nil, nil, nil, bin("+", bin("/", ref(EL), ref(tauM)), bin("/", ref(Ie), ref(Cm)))},
			Channels: []ir.Expr{&ir.Ref{Kind: ir.KContPort, Index: 0, Name: "I_stim"}},
			BCols:    [][]ir.Expr{{nil, nil, nil, nil, invC}},
		},
		{Vars: []int{refr.Index}, A: [][]ir.Expr{{cst(0)}}, B0: []ir.Expr{cst(-1)}},
	}
	e := cst(2.718281828459045)
	m.SpikeJumps = []*ir.Jump{
		{Port: 0, Var: ked.Index, Coef: bin("/", e, ref(tauE))},
		{Port: 1, Var: kid.Index, Coef: bin("/", e, ref(tauI))},
	}
	refractoryUpdate(m, refr, Vm, Vth, Vreset, refrT)
	return m
}

// iafPscDeltaIR returns an iaf_psc_delta-like model: V_m jumps by the
// summed weight at the end of the integrate_odes call that integrates it.
func iafPscDeltaIR() *ir.Model {
	b := &irBuilder{m: &ir.Model{Name: "iaf_psc_delta_neuron", SourceFile: "iaf_psc_delta_neuron.nestml", SourceHash: "02"}}
	m := b.m
	tauM := b.param("tau_m", "ms", 10)
	Cm := b.param("C_m", "pF", 250)
	refrT := b.param("refr_T", "ms", 2)
	EL := b.param("E_L", "mV", -70)
	Vreset := b.param("V_reset", "mV", -70)
	Vth := b.param("V_th", "mV", -55)
	Ie := b.param("I_e", "pA", 0)
	Vm := b.state("V_m", "mV", ref(EL), true)
	refr := b.state("refr_t", "ms", cst(0), true)
	m.SpikePorts = []*ir.Port{{Name: "spikes", Index: 0}}
	m.ContPorts = []*ir.Port{{Name: "I_stim", Index: 0, Unit: "pA"}}
	m.Analytic = []*ir.AnalyticBlock{
		{
			Vars:     []int{Vm.Index},
			A:        [][]ir.Expr{{neg(bin("/", cst(1), ref(tauM)))}},
			B0:       []ir.Expr{bin("+", bin("/", ref(EL), ref(tauM)), bin("/", ref(Ie), ref(Cm)))},
			Channels: []ir.Expr{&ir.Ref{Kind: ir.KContPort, Index: 0, Name: "I_stim"}},
			BCols:    [][]ir.Expr{{bin("/", cst(1), ref(Cm))}},
		},
		{Vars: []int{refr.Index}, A: [][]ir.Expr{{cst(0)}}, B0: []ir.Expr{cst(-1)}},
	}
	m.DeltaJumps = []*ir.Jump{{Port: 0, Var: Vm.Index, Coef: cst(1)}}
	refractoryUpdate(m, refr, Vm, Vth, Vreset, refrT)
	return m
}

// aeifCondAlphaIR returns an aeif_cond_alpha-like model with a numeric
// system over every ODE state: V_m and w numeric, the alpha conductances
// as analytic convolution states (restored after the numeric loop),
// refr_t analytic. The right-hand side of V_m also reads t, the continuous
// input and a spike port, to exercise the printer. method and controller
// select the integrator; numericConv makes the conductances numeric (no
// analytic block, as with solver="numeric").
func aeifCondAlphaIR(name, method, controller string, numericConv bool) *ir.Model {
	b := &irBuilder{m: &ir.Model{Name: name, SourceFile: name + ".nestml", SourceHash: "03"}}
	m := b.m
	Cm := b.param("C_m", "pF", 281)
	refrT := b.param("refr_T", "ms", 0)
	Vreset := b.param("V_reset", "mV", -60)
	gL := b.param("g_L", "nS", 30)
	EL := b.param("E_L", "mV", -70.6)
	a := b.param("a", "nS", 4)
	bb := b.param("b", "pA", 80.5)
	DT := b.param("Delta_T", "mV", 2)
	tauW := b.param("tau_w", "ms", 144)
	VT := b.param("V_th", "mV", -50.4)
	Vpeak := b.param("V_peak", "mV", 0)
	Eex := b.param("E_exc", "mV", 0)
	tauE := b.param("tau_syn_exc", "ms", 0.2)
	Ie := b.param("I_e", "pA", 0)
	abs := b.param("gsl_abs_error_tol", "", 1e-6)
	rel := b.param("gsl_rel_error_tol", "", 1e-6)
	Vm := b.state("V_m", "mV", ref(EL), true)
	w := b.state("w", "pA", cst(0), true)
	refr := b.state("refr_t", "ms", cst(0), true)
	spikes := b.state("n_spikes", "", cst(0), false)
	spikes.Type = ir.Integer
	g := b.conv("g_exc__X__exc_spikes")
	gd := b.conv("g_exc__X__exc_spikes__d")
	m.SpikePorts = []*ir.Port{{Name: "exc_spikes", Index: 0}}
	m.ContPorts = []*ir.Port{{Name: "I_stim", Index: 0, Unit: "pA"}}
	sq := func(v *ir.Var) ir.Expr { return bin("*", ref(v), ref(v)) }
	m.Analytic = []*ir.AnalyticBlock{{Vars: []int{refr.Index}, A: [][]ir.Expr{{cst(0)}}, B0: []ir.Expr{cst(-1)}}}
	if !numericConv {
		m.Analytic = append(m.Analytic, &ir.AnalyticBlock{
			Vars: []int{g.Index, gd.Index},
			A:    [][]ir.Expr{{nil, cst(1)}, {neg(bin("/", cst(1), sq(tauE))), neg(bin("/", cst(2), ref(tauE)))}},
		})
	}
	m.SpikeJumps = []*ir.Jump{{Port: 0, Var: gd.Index, Coef: bin("/", cst(2.718281828459045), ref(tauE))}}
	// numeric vector: V_m, w, g, g__d, refr_t
	kode := func(i int, n string) ir.Expr { return &ir.Ref{Kind: ir.KODE, Index: i, Name: n} }
	V, W, G, GD := kode(0, "V_m"), kode(1, "w"), kode(2, g.Name), kode(3, gd.Name)
	Vb := &ir.Call{Fn: "min", Args: []ir.Expr{V, ref(Vpeak)}}
	exp := &ir.Call{Fn: "exp", Args: []ir.Expr{bin("/", bin("-", Vb, ref(VT)), ref(DT))}}
	I := bin("+", bin("+", ref(Ie), &ir.Ref{Kind: ir.KContPort, Index: 0, Name: "I_stim"}),
		bin("*", cst(0), bin("+", &ir.Ref{Kind: ir.KTime, Name: "t"}, spikeW(0, "exc_spikes"))))
	dV := bin("/",
		bin("+", bin("-", bin("-", bin("+", neg(bin("*", ref(gL), bin("-", Vb, ref(EL)))), bin("*", bin("*", ref(gL), ref(DT)), exp)),
			bin("*", G, bin("-", Vb, ref(Eex)))), W), I),
		ref(Cm))
	dW := bin("/", bin("-", bin("*", ref(a), bin("-", Vb, ref(EL))), W), ref(tauW))
	dG := GD
	dGD := bin("-", neg(bin("/", G, sq(tauE))), bin("/", bin("*", cst(2), GD), ref(tauE)))
	m.Numeric = &ir.NumericSystem{
		Vars:        []int{Vm.Index, w.Index, g.Index, gd.Index, refr.Index},
		Rhs:         []ir.Expr{dV, dW, dG, dGD, cst(-1)},
		Method:      method,
		Controller:  controller,
		AbsTol:      abs.Index,
		RelTol:      rel.Index,
		MaxSubsteps: 100000,
	}
	refractoryUpdate(m, refr, Vm, Vpeak, Vreset, refrT, w.Index)
	m.OnCondition[0].Body = append(m.OnCondition[0].Body,
		&ir.Assign{Target: ref(w), Op: "+=", Value: ref(bb)},
		&ir.Assign{Target: ref(spikes), Op: "+=", Value: cst(1)})
	return m
}

// vanDerPolIR returns a Van der Pol oscillator driven by its continuous
// input, integrated with the given method (no analytic part at all), with
// two integrate_odes calls of different argument lists.
func vanDerPolIR(method string) *ir.Model {
	b := &irBuilder{m: &ir.Model{Name: "van_der_pol_" + map[string]string{"": "rk45", "rk45": "rk45", "rk4": "rk4", "forward-Euler": "euler"}[method] + "_neuron",
		SourceFile: "van_der_pol.nestml", SourceHash: "04"}}
	m := b.m
	mu := b.param("mu", "", 10)
	abs := b.param("gsl_abs_error_tol", "", 1e-6)
	rel := b.param("gsl_rel_error_tol", "", 1e-6)
	x := b.state("x", "", cst(2), true)
	y := b.state("y", "", cst(0), true)
	hold := b.state("hold", "", cst(0), false)
	hold.Type = ir.Boolean
	m.ContPorts = []*ir.Port{{Name: "I_stim", Index: 0}}
	X := &ir.Ref{Kind: ir.KODE, Index: 0, Name: "x"}
	Y := &ir.Ref{Kind: ir.KODE, Index: 1, Name: "y"}
	m.Numeric = &ir.NumericSystem{
		Vars: []int{x.Index, y.Index},
		Rhs: []ir.Expr{Y, bin("+", bin("-", bin("*", bin("*", ref(mu), bin("-", cst(1), bin("*", X, X))), Y), X),
			&ir.Ref{Kind: ir.KContPort, Index: 0, Name: "I_stim"})},
		Method: method, AbsTol: abs.Index, RelTol: rel.Index, MaxSubsteps: 1000,
	}
	m.Update = []ir.Stmt{&ir.If{
		Cond: ref(hold),
		Then: []ir.Stmt{&ir.IntegrateODEs{Vars: []int{y.Index}}},
		Else: []ir.Stmt{&ir.IntegrateODEs{Vars: []int{x.Index, y.Index}}},
	}}
	m.OnCondition = []*ir.OnCondition{{Cond: bin(">", ref(x), cst(1.9)), Body: []ir.Stmt{&ir.EmitSpike{}}}}
	m.EmitsSpikes = true
	return m
}
