package main

import (
	"math"

	"nestml_go/gocore/models"
	"nestml_go/gocore/sim"
)

// synSpecArgs is a NEST syn_spec as Python sends it (network.py splits off
// weight, delay and the receptor port): the synapse model (a library name,
// a path or NESTML source), options, and the remaining keys as values of
// the synapse's parameters or state variables.
type synSpecArgs struct {
	Model          string             `json:"synapse_model"`
	WeightVariable string             `json:"weight_variable"`
	PostPort       string             `json:"post_port"`
	WeightRecorder int                `json:"weight_recorder"`
	VolumeTrans    int                `json:"volume_transmitter"`
	ModPort        string             `json:"mod_port"`
	Values         map[string]float64 `json:"params"`
	// PerConn: parameters or initial states given as arrays or
	// distributions, one value per connection
	PerConn       map[string]valueSpec `json:"per_conn"`
	DelayVariable string               `json:"delay_variable"`
	// PostPorts binds continuous ports of the synapse to variables of the
	// postsynaptic neuron (third factors): port → neuron variable
	PostPorts map[string]string `json:"post_ports"`
	// ContinuousBuffering: how the bound ports read the neuron variables,
	// "continuous_time_buffer" (default) or "post_spike_based"
	ContinuousBuffering string `json:"continuous_state_buffering_method"`
}

// isStatic reports whether a syn_spec asks for the engine's compact static
// synapse: NEST's static_synapse with nothing but weight and delay, when no
// bundled static_synapse.nestml replaces it.
func (s *synSpecArgs) isStatic() bool {
	if s.Model != "" && s.Model != "static_synapse" {
		return false
	}
	if _, ok := models.Source("static_synapse"); ok && s.Model != "" {
		return len(s.Values) == 0 && s.WeightRecorder == 0 && s.WeightVariable == "" && s.PostPort == "" && s.VolumeTrans == 0 &&
			len(s.PerConn) == 0 && s.DelayVariable == "" && len(s.PostPorts) == 0 && s.ContinuousBuffering == ""
	}
	return true
}

// connectSynapse makes the connections of net_connect through synapses of
// a synapse model.
func (n *network) connectSynapse(pre, post []int, spec sim.ConnSpec, w, d sim.Value, port string, s *synSpecArgs) (any, error) {
	if s.isStatic() {
		if len(s.Values) > 0 || s.WeightRecorder != 0 || s.WeightVariable != "" || s.PostPort != "" ||
			len(s.PerConn) > 0 || s.DelayVariable != "" || len(s.PostPorts) > 0 || s.ContinuousBuffering != "" {
			return nil, argErrorf("static_synapse takes only weight, delay and receptor here; for a weight_recorder or further parameters pass a static_synapse model (a .nestml file) as synapse_model")
		}
		k, err := n.net.ConnectSpec(pre, post, spec, w, d, port)
		if err != nil {
			return nil, argErrorf("%v", err)
		}
		return map[string]any{"n": k}, nil
	}
	m, err := n.resolveModel(s.Model)
	if err != nil {
		return nil, err
	}
	if !m.IsSynapse {
		return nil, argErrorf("synapse_model %s is a neuron model, not a synapse", m.Name)
	}
	ss := &sim.SynapseSpec{Model: m, WeightVar: s.WeightVariable, PostPort: s.PostPort,
		Receptor: port, WeightRecorder: s.WeightRecorder, VolumeTransmitter: s.VolumeTrans, ModPort: s.ModPort, Params: map[string]float64{}, State: map[string]float64{},
		DelayVar: s.DelayVariable, PostVars: s.PostPorts, ContinuousBuffering: s.ContinuousBuffering}
	for k, v := range s.PerConn {
		val, err := v.value()
		if err != nil {
			return nil, argErrorf("syn_spec %s: %v", k, err)
		}
		if ss.PerConn == nil {
			ss.PerConn = map[string]sim.Value{}
		}
		ss.PerConn[k] = val
	}
	for k, v := range s.Values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, argErrorf("syn_spec %s must be finite", k)
		}
		isState := false
		for _, sv := range m.State {
			isState = isState || sv.Name == k
		}
		if isState {
			ss.State[k] = v
		} else {
			ss.Params[k] = v
		}
	}
	k, err := n.net.ConnectSynapse(pre, post, spec, w, d, ss)
	if err != nil {
		return nil, argErrorf("%v", err)
	}
	return map[string]any{"n": k}, nil
}
