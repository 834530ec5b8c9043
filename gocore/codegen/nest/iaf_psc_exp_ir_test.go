package nest

import "nestml_go/gocore/ir"

// Helpers to build IR expressions by hand.
func cst(v float64) ir.Expr { return &ir.Const{Value: v} }
func bin(op string, l, r ir.Expr) ir.Expr {
	return &ir.Binary{Op: op, L: l, R: r}
}

// iafPscExpIR returns the lowered iaf_psc_exp_neuron of the NESTML model
// library (numerics.md §9.1), built by hand:
//
//	I_syn_exc' = -I_syn_exc/tau_syn_exc; I_syn_inh' = -I_syn_inh/tau_syn_inh
//	V_m' = -(V_m - E_L)/tau_m + (I_syn_exc - I_syn_inh + I_e + I_stim)/C_m
//	refr_t' = -1
func iafPscExpIR() *ir.Model {
	m := &ir.Model{
		Name:       "iaf_psc_exp_neuron",
		SourceFile: "models/neurons/iaf_psc_exp_neuron.nestml",
		SourceHash: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
	}
	param := func(name, unit string, def float64) *ir.Var {
		v := &ir.Var{Name: name, Kind: ir.KParam, Index: len(m.Params), Type: ir.Real, Unit: unit, Factor: 1, Init: cst(def)}
		m.Params = append(m.Params, v)
		return v
	}
	ref := func(v *ir.Var) *ir.Ref { return &ir.Ref{Kind: v.Kind, Index: v.Index, Name: v.Name} }

	Cm := param("C_m", "pF", 250)
	tauM := param("tau_m", "ms", 10)
	tauInh := param("tau_syn_inh", "ms", 2)
	tauExc := param("tau_syn_exc", "ms", 2)
	refrT := param("refr_T", "ms", 2)
	EL := param("E_L", "mV", -70)
	Vreset := param("V_reset", "mV", -70)
	Vth := param("V_th", "mV", -55)
	Ie := param("I_e", "pA", 0)
	Cm.Guard = bin(">", ref(Cm), cst(0))
	Cm.GuardText = "C_m > 0 pF"
	refrT.Guard = bin(">=", ref(refrT), cst(0))
	refrT.GuardText = "refr_T >= 0 ms"

	state := func(name, unit string, init ir.Expr) *ir.Var {
		v := &ir.Var{Name: name, Kind: ir.KState, Index: len(m.State), Type: ir.Real, Unit: unit, Factor: 1, Init: init, HasODE: true}
		m.State = append(m.State, v)
		m.Recordables = append(m.Recordables, name)
		return v
	}
	Iexc := state("I_syn_exc", "pA", cst(0))
	Iinh := state("I_syn_inh", "pA", cst(0))
	Vm := state("V_m", "mV", ref(EL))
	refr := state("refr_t", "ms", cst(0))

	unitPsc := &ir.Var{Name: "unit_psc", Kind: ir.KInternal, Index: 0, Type: ir.Real, Unit: "pA", Factor: 1, Init: cst(1)}
	m.Internals = []*ir.Var{unitPsc}

	m.SpikePorts = []*ir.Port{
		{Name: "exc_spikes", Index: 0, Qualifier: "excitatory"},
		{Name: "inh_spikes", Index: 1, Qualifier: "inhibitory"},
	}
	m.ContPorts = []*ir.Port{{Name: "I_stim", Index: 0, Unit: "pA"}}

	inv := func(v *ir.Var) ir.Expr { return bin("/", cst(-1), ref(v)) }
	m.Analytic = []*ir.AnalyticBlock{
		{
			Vars: []int{Iexc.Index, Iinh.Index, Vm.Index},
			A: [][]ir.Expr{
				{inv(tauExc), nil, nil},
				{nil, inv(tauInh), nil},
				{bin("/", cst(1), ref(Cm)), bin("/", cst(-1), ref(Cm)), inv(tauM)},
			},
			B0:       []ir.Expr{nil, nil, bin("+", bin("/", ref(EL), ref(tauM)), bin("/", ref(Ie), ref(Cm)))},
			Channels: []ir.Expr{&ir.Ref{Kind: ir.KContPort, Index: 0, Name: "I_stim"}},
			BCols:    [][]ir.Expr{{nil, nil, bin("/", cst(1), ref(Cm))}},
		},
		{
			Vars: []int{refr.Index},
			A:    [][]ir.Expr{{cst(0)}},
			B0:   []ir.Expr{cst(-1)},
		},
	}

	m.Update = []ir.Stmt{
		&ir.If{
			Cond: bin(">", ref(refr), cst(0)),
			Then: []ir.Stmt{&ir.IntegrateODEs{Vars: []int{Iexc.Index, Iinh.Index, refr.Index}}},
			Else: []ir.Stmt{&ir.IntegrateODEs{Vars: []int{Iexc.Index, Iinh.Index, Vm.Index}}},
		},
	}
	jump := func(target *ir.Var, port int, name string) ir.Stmt {
		w := &ir.Ref{Kind: ir.KSpikePort, Index: port, Name: name}
		return &ir.Assign{Target: ref(target), Op: "+=",
			Value: bin("*", bin("*", bin("*", ref(unitPsc), w), cst(1e-3)), cst(1000))}
	}
	m.OnReceive = []*ir.OnReceive{
		{Port: 0, Body: []ir.Stmt{jump(Iexc, 0, "exc_spikes")}},
		{Port: 1, Body: []ir.Stmt{jump(Iinh, 1, "inh_spikes")}},
	}
	m.OnCondition = []*ir.OnCondition{{
		Cond: bin("and", bin("<=", ref(refr), cst(0)), bin(">=", ref(Vm), ref(Vth))),
		Body: []ir.Stmt{
			&ir.Assign{Target: ref(refr), Op: "=", Value: ref(refrT)},
			&ir.Assign{Target: ref(Vm), Op: "=", Value: ref(Vreset)},
			&ir.EmitSpike{},
		},
	}}
	m.EmitsSpikes = true
	return m
}
