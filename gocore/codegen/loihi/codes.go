package loihi

import (
	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
)

// Diagnostic codes of the Loihi target (loihi_target.md §6.2). Codes are
// stable and append-only; each comment names the condition and a minimal
// example.
const (
	// ENonlinear (error): a state is integrated numerically (its ODE is not
	// linear with constant coefficients), so no propagator exists.
	//	Example: V_m' = ... + Delta_T*exp((V_m - V_T)/Delta_T) / C_m   (aeif_*)
	ENonlinear diag.Code = "LOIHI_E_NONLINEAR"
	// EConductance (error): a state multiplies another state in an ODE, as a
	// conductance multiplies the driving force g·(E − V).
	//	Example: V_m' = ... - g_exc*(V_m - E_exc)/C_m   (iaf_cond_*)
	EConductance diag.Code = "LOIHI_E_CONDUCTANCE"
	// EStochastic (error): random_normal, random_uniform or random_poisson.
	//	Example: V_m += random_normal(0 mV, 1 mV)
	EStochastic diag.Code = "LOIHI_E_STOCHASTIC"
	// EPlasticSynapse (error): a synapse model with state or a
	// post-synaptic port (learning rules are out of scope).
	//	Example: stdp_synapse
	EPlasticSynapse diag.Code = "LOIHI_E_PLASTIC_SYNAPSE"
	// EPort (error): a continuous input port with continuous_ports="error".
	//	Example: I_stim pA <- continuous
	EPort diag.Code = "LOIHI_E_PORT"
	// ETime (error): the predefined time t in equations, conditions or
	// update statements.
	//	Example: V_m' = ... + sin(t/ms)*pA/C_m
	ETime diag.Code = "LOIHI_E_TIME"
	// EDelayEq (error): a delay differential equation.
	//	Example: x' = -x(t - d)/tau
	EDelayEq diag.Code = "LOIHI_E_DELAY_EQ"
	// EVector (error): vector states or vector ports.
	//	Example: spikes[2] <- spike
	EVector diag.Code = "LOIHI_E_VECTOR"
	// EDecayUnderflow (error): a decay rounds to 0 ((1 − P)·4096 < 0.5),
	// i.e. τ > ~8192·h; allow_no_leak=True accepts a non-leaking membrane.
	//	Example: tau_m = 1000 ms at h = 0.1 ms
	EDecayUnderflow diag.Code = "LOIHI_E_DECAY_UNDERFLOW"
	// ERange (error): no integer scale satisfies the range constraints of
	// §7 (vth_mant < 1, inputs too large, a growing propagator).
	//	Example: V_th = V_reset
	ERange diag.Code = "LOIHI_E_RANGE"
	// ENIR (error): NIR export requested for a model NIR cannot represent
	// (tier B, refractoriness, non-uniform delays).
	//	Example: iaf_psc_exp_neuron with tau_syn_exc != tau_syn_inh, nir=True
	ENIR diag.Code = "LOIHI_E_NIR"
	// EUnsupported (error): the model is linear, but its per-step program
	// has a construct outside the shape the generator maps (a statement in
	// update other than the refractory branch, a state without an ODE, a
	// threshold that moves, …). Added in this release; not in §6.2's first
	// table.
	//	Example: mat2_psc_exp_neuron (adaptive threshold states)
	EUnsupported diag.Code = "LOIHI_E_UNSUPPORTED"
	// ETier (error): codegen_opts tier "A" was requested for a model that
	// only fits tier B (or "B" for a static connection).
	//	Example: iaf_psc_alpha_neuron with tier="A"
	ETier diag.Code = "LOIHI_E_TIER"
	// EOption (error): an invalid Loihi codegen option value.
	//	Example: headroom = 1.5
	EOption diag.Code = "LOIHI_E_OPTION"

	// WTauError (warning): an effective time constant is off by more than 1%.
	//	Example: tau_syn = 0.5 ms at h = 0.1 ms
	WTauError diag.Code = "LOIHI_W_TAU_ERROR"
	// WPortDropped (warning): a continuous input port is fixed at 0.
	//	Example: I_stim pA <- continuous
	WPortDropped diag.Code = "LOIHI_W_PORT_DROPPED"
	// WWeightError (warning): a weight at the end of its range is off by more
	// than 1%.
	//	Example: weights {"exc_spikes": [0, 0.001]}
	WWeightError diag.Code = "LOIHI_W_WEIGHT_ERROR"
	// WMixedSign (warning): a projection range mixes signs on one port;
	// split it (connections.py does) to keep 8 bits of magnitude.
	//	Example: weights {"spikes": [-10, 10]} for a single-port model
	WMixedSign diag.Code = "LOIHI_W_MIXED_SIGN"
	// WConnection (info): a stateless synapse model is mapped to a plain
	// Dense/DelayDense connection; no process is generated for it.
	//	Example: static_synapse
	WConnection diag.Code = "LOIHI_I_CONNECTION"
)

var rangeZero = ast.Range{}
