package sim

import "nestml_go/gocore/ir"

// ParrotModel returns NEST's parrot_neuron as an IR model: it repeats every
// spike it receives, in the step the spike arrives, so that the spike's
// time stamp is kept (plus the connection delay). As in NEST, the weight
// of an incoming spike is not passed on; a spike of weight k (k ≥ 1,
// rounded), e.g. k spikes of weight 1 arriving together, is repeated k
// times (NEST's multiplicity). Spikes arriving at the second port,
// "no_repeat" (NEST's receptor_type 1), are not repeated: it takes plastic
// synapses whose target is to record the postsynaptic spike history only.
// Its spike history serves plastic synapses like any neuron's.
func ParrotModel() *ir.Model {
	port := &ir.Port{Name: "spikes", Index: 0}
	in := &ir.Ref{Kind: ir.KSpikePort, Index: 0, Name: "spikes"}
	k := &ir.Ref{Kind: ir.KLocal, Index: 0, Name: "k"}
	body := []ir.Stmt{
		&ir.Declare{Var: &ir.Var{Name: "k", Kind: ir.KLocal, Index: 0, Factor: 1},
			Init: &ir.Call{Fn: "round", Args: []ir.Expr{in}}},
		&ir.If{Cond: &ir.Binary{Op: "<", L: k, R: &ir.Const{Value: 1}},
			Then: []ir.Stmt{&ir.Assign{Target: k, Op: "=", Value: &ir.Const{Value: 1}}}},
		&ir.While{Cond: &ir.Binary{Op: ">=", L: k, R: &ir.Const{Value: 1}},
			Body: []ir.Stmt{
				&ir.EmitSpike{},
				&ir.Assign{Target: k, Op: "-=", Value: &ir.Const{Value: 1}},
			}},
	}
	return &ir.Model{
		Name:        "parrot_neuron",
		SpikePorts:  []*ir.Port{port, {Name: "no_repeat", Index: 1}},
		OnReceive:   []*ir.OnReceive{{Port: 0, Body: body}},
		EmitsSpikes: true,
	}
}
