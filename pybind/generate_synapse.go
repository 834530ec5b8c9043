package main

import (
	"fmt"
	"sort"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/codegen/nest"
	"nestml_go/gocore/pipeline"
)

// modelPos is where a model is declared (for diagnostics found while
// generating).
type modelPos = nest.ModelPos

// collectModelInfo records the @homogeneous parameters and the declaration
// position of every model of r.
func collectModelInfo(r *pipeline.Result, homogeneous map[string][]string, where map[string]modelPos) {
	if r == nil || r.File == nil {
		return
	}
	for _, m := range r.File.Models {
		if m == nil || m.Name == nil {
			continue
		}
		where[m.Name.Name] = modelPos{File: r.Path, Range: m.NameRng}
		for _, b := range m.Blocks(ast.ParametersBlock) {
			for _, d := range b.Decls {
				hom := false
				for _, dec := range d.Decorators {
					if dec != nil && dec.Namespace == "" && dec.Name == "homogeneous" {
						hom = true
					}
				}
				if !hom {
					continue
				}
				for _, v := range d.Vars {
					homogeneous[m.Name.Name] = append(homogeneous[m.Name.Name], v.Name)
				}
			}
		}
	}
}

// synapseOptions reads the synapse-related codegen options (nest_target.md
// §2.2): weight_variable, delay_variable, synapse_models,
// neuron_synapse_pairs (both upstream forms: {"neuron", "synapse",
// "post_ports", "vt_ports"} and {"neuron", "synapses": {s: {"post_ports",
// "vt_ports"}}}), continuous_state_buffering_method (also per pair, our
// extension: the key in a pair's dict or a synapse's dict) and
// rk45_implementation.
func synapseOptions(co map[string]any, o *nest.Options) error {
	strMap := func(key string) (map[string]string, error) {
		v, ok := co[key]
		if !ok || v == nil {
			return nil, nil
		}
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("codegen_opts[%q] must be a dict of strings", key)
		}
		out := map[string]string{}
		for k, x := range m {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("codegen_opts[%q][%q] must be a string", key, k)
			}
			out[k] = s
		}
		return out, nil
	}
	var err error
	if o.WeightVariable, err = strMap("weight_variable"); err != nil {
		return err
	}
	if o.DelayVariable, err = strMap("delay_variable"); err != nil {
		return err
	}
	if v, ok := co["synapse_models"].([]any); ok {
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return fmt.Errorf("codegen_opts[\"synapse_models\"] must be a list of strings")
			}
			o.SynapseModels = append(o.SynapseModels, s)
		}
	}
	if s, ok := co["rk45_implementation"].(string); ok {
		o.RK45Implementation = s
	}
	buffering := func(where string, v any) (string, error) {
		if v == nil {
			return "", nil
		}
		s, ok := v.(string)
		if !ok || (s != nest.BufferContinuousTime && s != nest.BufferPostSpike) {
			return "", fmt.Errorf("%s: continuous_state_buffering_method must be %q or %q, not %v", where, nest.BufferContinuousTime, nest.BufferPostSpike, v)
		}
		return s, nil
	}
	if o.ContinuousBuffering, err = buffering("codegen_opts", co["continuous_state_buffering_method"]); err != nil {
		return err
	}
	o.StrictlySynaptic = map[string][]string{}
	if v, ok := co["strictly_synaptic_vars"]; ok && v != nil {
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("codegen_opts[\"strictly_synaptic_vars\"] must be a dict {synapse: [variables]}")
		}
		for _, syn := range sortedKeys(m) {
			vars, ok := m[syn].([]any)
			if !ok {
				return fmt.Errorf("codegen_opts[\"strictly_synaptic_vars\"][%q] must be a list of variable names", syn)
			}
			for _, x := range vars {
				s, ok := x.(string)
				if !ok || s == "" {
					return fmt.Errorf("codegen_opts[\"strictly_synaptic_vars\"][%q]: %v is not a variable name", syn, x)
				}
				o.StrictlySynaptic[syn] = append(o.StrictlySynaptic[syn], s)
			}
		}
	}
	pairs, ok := co["neuron_synapse_pairs"]
	if !ok || pairs == nil {
		return nil
	}
	list, ok := pairs.([]any)
	if !ok {
		return fmt.Errorf("codegen_opts[\"neuron_synapse_pairs\"] must be a list")
	}
	o.PostPorts = map[string][]string{}
	o.VtPorts = map[string][]string{}
	o.ContBind = map[string]map[string]string{}
	addStrict := func(syn string, v any) error {
		if v == nil {
			return nil
		}
		vars, ok := v.([]any)
		if !ok {
			return fmt.Errorf("strictly_synaptic_vars of %q must be a list of variable names", syn)
		}
		for _, x := range vars {
			s, ok := x.(string)
			if !ok || s == "" {
				return fmt.Errorf("strictly_synaptic_vars of %q: %v is not a variable name", syn, x)
			}
			o.StrictlySynaptic[syn] = append(o.StrictlySynaptic[syn], s)
		}
		return nil
	}
	addVt := func(syn string, v any) error {
		if v == nil {
			return nil
		}
		ports, ok := v.([]any)
		if !ok {
			return fmt.Errorf("neuron_synapse_pairs: vt_ports of %q must be a list of port names", syn)
		}
		for _, p := range ports {
			s, ok := p.(string)
			if !ok || s == "" {
				return fmt.Errorf("neuron_synapse_pairs: vt port %v of %q must be a port name", p, syn)
			}
			o.VtPorts[syn] = append(o.VtPorts[syn], s)
		}
		return nil
	}
	addPorts := func(syn string, v any) error {
		if v == nil {
			return nil
		}
		ports, ok := v.([]any)
		if !ok {
			return fmt.Errorf("neuron_synapse_pairs: post_ports of %q must be a list", syn)
		}
		if _, seen := o.PostPorts[syn]; !seen {
			o.PostPorts[syn] = []string{}
		}
		for _, p := range ports {
			switch p := p.(type) {
			case string:
				o.PostPorts[syn] = append(o.PostPorts[syn], p)
			case []any:
				if len(p) != 2 {
					return fmt.Errorf("neuron_synapse_pairs: a bound post port of %q must be [synapse_port, neuron_variable]", syn)
				}
				// continuous third-factor port bound to a neuron variable
				sp, ok1 := p[0].(string)
				nv, ok2 := p[1].(string)
				if !ok1 || !ok2 || sp == "" || nv == "" {
					return fmt.Errorf("neuron_synapse_pairs: a bound post port of %q must be [synapse_port, neuron_variable] (two names)", syn)
				}
				if o.ContBind[syn] == nil {
					o.ContBind[syn] = map[string]string{}
				}
				if prev, dup := o.ContBind[syn][sp]; dup && prev != nv {
					return fmt.Errorf("neuron_synapse_pairs: port %q of %q is bound to both %q and %q", sp, syn, prev, nv)
				}
				o.ContBind[syn][sp] = nv
			default:
				return fmt.Errorf("neuron_synapse_pairs: post port %v of %q must be a string or a pair", p, syn)
			}
		}
		return nil
	}
	for i, e := range list {
		m, ok := e.(map[string]any)
		if !ok {
			return fmt.Errorf("neuron_synapse_pairs[%d] must be a dict", i)
		}
		n, ok := m["neuron"].(string)
		if !ok || n == "" {
			return fmt.Errorf("neuron_synapse_pairs[%d]: missing \"neuron\"", i)
		}
		pairBuf, err := buffering(fmt.Sprintf("neuron_synapse_pairs[%d]", i), m["continuous_state_buffering_method"])
		if err != nil {
			return err
		}
		if s, ok := m["synapse"].(string); ok && s != "" {
			o.Pairs = append(o.Pairs, nest.Pair{Neuron: n, Synapse: s, ContinuousBuffering: pairBuf})
			if err := addPorts(s, m["post_ports"]); err != nil {
				return err
			}
			if err := addVt(s, m["vt_ports"]); err != nil {
				return err
			}
			if err := addStrict(s, m["strictly_synaptic_vars"]); err != nil {
				return err
			}
		}
		if syns, ok := m["synapses"].(map[string]any); ok {
			for _, s := range sortedKeys(syns) {
				o.Pairs = append(o.Pairs, nest.Pair{Neuron: n, Synapse: s, ContinuousBuffering: pairBuf})
				if sm, ok := syns[s].(map[string]any); ok {
					b, err := buffering(fmt.Sprintf("neuron_synapse_pairs[%d][\"synapses\"][%q]", i, s), sm["continuous_state_buffering_method"])
					if err != nil {
						return err
					}
					if b != "" {
						o.Pairs[len(o.Pairs)-1].ContinuousBuffering = b
					}
					if err := addPorts(s, sm["post_ports"]); err != nil {
						return err
					}
					if err := addVt(s, sm["vt_ports"]); err != nil {
						return err
					}
					if err := addStrict(s, sm["strictly_synaptic_vars"]); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// normalizePairs returns codegen_opts with every neuron_synapse_pairs entry
// of the older upstream form {"neuron": n, "synapse": s, "post_ports": [...],
// "vt_ports": [...]} rewritten to {"neuron": n, "synapses": {s: {...}}},
// the form the pre-flight checks read. Other values are kept as they are.
func normalizePairs(co map[string]any) map[string]any {
	list, ok := co["neuron_synapse_pairs"].([]any)
	if !ok {
		return co
	}
	out := make(map[string]any, len(co))
	for k, v := range co {
		out[k] = v
	}
	nl := make([]any, len(list))
	for i, e := range list {
		m, ok := e.(map[string]any)
		s, isOld := m["synapse"].(string)
		if !ok || !isOld {
			nl[i] = e
			continue
		}
		ports := map[string]any{}
		for _, k := range []string{"post_ports", "vt_ports"} {
			if v, ok := m[k]; ok {
				ports[k] = v
			}
		}
		syns := map[string]any{s: ports}
		if old, ok := m["synapses"].(map[string]any); ok {
			for k, v := range old {
				syns[k] = v
			}
		}
		nl[i] = map[string]any{"neuron": m["neuron"], "synapses": syns}
	}
	out["neuron_synapse_pairs"] = nl
	return out
}
