package check

import (
	"fmt"
	"sort"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
)

// NESTOptions are the code generator options (codegen_opts) that the NEST
// pre-flight checks read (nest_target.md §2.2–§2.3). The zero value means
// "no options given".
type NESTOptions struct {
	// WeightVariable maps a synapse model name to the variable that holds
	// the NEST connection weight (codegen option weight_variable). Required
	// for every synapse.
	WeightVariable map[string]string
	// DelayVariable maps a synapse model name to the variable bound to the
	// NEST connection delay (codegen option delay_variable). Optional.
	DelayVariable map[string]string
	// NeuronSynapsePairs is the codegen option neuron_synapse_pairs.
	NeuronSynapsePairs []NeuronSynapsePair
	// SynapseModels lists models to treat as synapses although their names
	// do not end in "synapse" (codegen option synapse_models).
	SynapseModels []string
	// Keys are the codegen option keys the user gave, in any order; each
	// must be known (IsKnownCodegenOption), else UNKNOWN_CODEGEN_OPTION.
	Keys []string
}

// NeuronSynapsePair is one entry of neuron_synapse_pairs:
// {"neuron": n, "synapses": {s: {"post_ports": [...], "vt_ports": [...]}}}.
type NeuronSynapsePair struct {
	Neuron   string
	Synapses map[string]PairPorts
}

// PairPorts are the port bindings of one synapse in a neuron–synapse pair.
// A post port given upstream-style as a pair ["I_post_dend", "I_dend"] is
// stored as its first element, the synapse's port.
type PairPorts struct {
	PostPorts []string
	VTPorts   []string
}

// IsKnownCodegenOption reports whether key is a codegen_opts key of the
// NEST target: an upstream-compatible key (nest_target.md §2.2) or a
// nestml_go extension (§2.3).
func IsKnownCodegenOption(key string) bool { return knownCodegenOptions[key] }

// KnownCodegenOptions returns the known codegen_opts keys, sorted.
func KnownCodegenOptions() []string {
	out := make([]string, 0, len(knownCodegenOptions))
	for k := range knownCodegenOptions {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// knownCodegenOptions is read-only.
var knownCodegenOptions = map[string]bool{
	// upstream-compatible
	"neuron_parent_class": true, "neuron_parent_class_include": true, "neuron_synapse_pairs": true,
	"synapse_models": true, "gap_junctions": true, "templates": true, "nest_version": true,
	"gsl_adaptive_step_size_controller": true, "numeric_solver": true,
	"continuous_state_buffering_method": true, "delay_variable": true, "weight_variable": true,
	"strictly_synaptic_vars": true, "solver": true, "preserve_expressions": true,
	"simplify_expression": true, "ode_toolbox_json_options": true, "nest_path": true,
	"max_n_compiler_processes": true, "redirect_build_output": true, "build_output_dir": true,
	// nestml_go extensions
	"build": true, "build_system": true, "nest_include_dir": true, "nest_python": true, "cxx": true,
	"cxx_abi": true, "extra_cxxflags": true, "extra_ldflags": true, "rk45_implementation": true,
	"analytic_policy": true, "kernel_max_order": true, "stiffness_check": true, "max_substeps": true,
	"fp_contract_off": true,
}

// PreflightNEST runs the NEST target pre-flight checks (checks.md §4.15)
// over the checked files that are generated together, and returns their
// diagnostics, sorted:
//
//   - UNKNOWN_CODEGEN_OPTION: a key of opts.Keys that is not known
//     (IsKnownCodegenOption; no source location, the hint suggests the
//     nearest known key);
//   - UNKNOWN_PAIRED_MODEL: a neuron or synapse of opts.NeuronSynapsePairs
//     that is none of the models of infos (no source location);
//   - WEIGHT_VARIABLE_NOT_SPECIFIED: a synapse (a model whose name ends in
//     "synapse", language.md §16.1, or listed in opts.SynapseModels)
//     without an opts.WeightVariable entry (at the model name);
//   - WEIGHT_VARIABLE_NOT_FOUND, DELAY_VARIABLE_NOT_FOUND: the option
//     names no parameter, state variable or internal of the synapse (at the
//     model name, with a did-you-mean hint);
//   - DELAY_VARIABLE_ASSIGNED: an assignment to the delay variable (at the
//     assignment; related: the declaration);
//   - EMIT_SPIKE_WEIGHT_IN_NEURON: emit_spike(w) in a neuron (at the call;
//     Check reports the same finding as a warning — merge both lists and
//     Sort, and the error replaces the warning);
//   - RANDOM_FUNCTION_OUTSIDE_HANDLER: random_normal, random_uniform or
//     random_poisson anywhere but in update, onReceive and onCondition
//     (at the call).
//
// infos are the results of Check for each file (nil entries, from files
// with syntax errors, are skipped). Every diagnostic is an error; a model
// with one must not be generated. Model-located diagnostics carry File
// (Info.Path) and Model; option diagnostics have neither and a zero Range.
//
// Typical use in a generation path, after pipeline.Compile of each file:
//
//	opts, err := check.NESTOptionsFromMap(codegenOpts) // API misuse → err
//	ds := check.PreflightNEST([]*check.Info{r1.Info, r2.Info}, opts)
//	all := append(diagnostics, ds...)
//	all.Sort()
//	if ds.HasErrors() { … refuse to generate … }
func PreflightNEST(infos []*Info, opts NESTOptions) diag.List {
	var out diag.List
	add := func(code diag.Code, file, model string, r ast.Range, hint, format string, args ...any) {
		out = append(out, diag.Diagnostic{Code: code, Severity: diag.Error, File: file, Model: model, Range: r,
			Message: fmt.Sprintf(format, args...), Hint: hint, Upstream: upstreamCode[code]})
	}
	infoOf := map[*ModelInfo]*Info{}

	// options
	keys := append([]string(nil), opts.Keys...)
	sort.Strings(keys)
	for _, k := range keys {
		if !knownCodegenOptions[k] {
			hint := ""
			if n := nearest(k, knownCodegenOptions); n != "" {
				hint = fmt.Sprintf("did you mean %q?", n)
			}
			add(diag.UnknownCodegenOption, "", "", ast.Range{}, hint, "the code generator option %q does not exist", k)
		}
	}

	models := map[string]*ModelInfo{}
	files := map[*ModelInfo]string{}
	names := map[string]bool{}
	for _, info := range infos {
		if info == nil {
			continue
		}
		for _, mi := range info.Models {
			if mi == nil || mi.Model == nil || mi.Model.Name == nil {
				continue
			}
			n := mi.Model.Name.Name
			if _, dup := models[n]; !dup {
				models[n] = mi
			}
			files[mi] = info.Path
			infoOf[mi] = info
			names[n] = true
		}
	}
	unknownModel := func(role, name string) {
		if models[name] != nil {
			return
		}
		hint := ""
		if n := nearest(name, names); n != "" {
			hint = fmt.Sprintf("did you mean %q?", n)
		}
		add(diag.UnknownPairedModel, "", "", ast.Range{}, hint,
			"neuron_synapse_pairs names the %s %q, which is not among the models being generated", role, name)
	}
	for _, p := range opts.NeuronSynapsePairs {
		unknownModel("neuron", p.Neuron)
		syns := make([]string, 0, len(p.Synapses))
		for s := range p.Synapses {
			syns = append(syns, s)
		}
		sort.Strings(syns)
		for _, s := range syns {
			unknownModel("synapse", s)
		}
	}

	synapseList := map[string]bool{}
	for _, s := range opts.SynapseModels {
		synapseList[s] = true
	}
	for _, info := range infos {
		if info == nil {
			continue
		}
		for _, mi := range info.Models {
			if mi == nil || mi.Model == nil || mi.Model.Name == nil {
				continue
			}
			p := preflight{mi: mi, info: infoOf[mi], file: files[mi], out: &out}
			if mi.IsSynapse || synapseList[mi.Model.Name.Name] {
				p.synapse(opts)
			} else {
				p.emitSpikeWeight()
			}
			p.randomCalls()
		}
	}
	out.Sort()
	return out
}

// preflight checks one model.
type preflight struct {
	mi   *ModelInfo
	info *Info
	file string
	out  *diag.List
}

// errorh reports an error in the model and returns it for adding related
// locations (valid until the next report).
func (p *preflight) errorh(code diag.Code, r ast.Range, hint, format string, args ...any) *diag.Diagnostic {
	*p.out = append(*p.out, diag.Diagnostic{Code: code, Severity: diag.Error, File: p.file, Model: p.mi.Model.Name.Name,
		Range: r, Message: fmt.Sprintf(format, args...), Hint: hint, Upstream: upstreamCode[code]})
	return &(*p.out)[len(*p.out)-1]
}

// variable returns the parameter, state variable or internal of a name.
func (p *preflight) variable(name string) *Symbol {
	s := p.mi.byName[name]
	if s == nil || (s.Kind != SymParam && s.Kind != SymState && s.Kind != SymInternal) {
		return nil
	}
	return s
}

// suggestVariable is a did-you-mean hint among the model's variables.
func (p *preflight) suggestVariable(name string) string {
	cands := map[string]bool{}
	for _, s := range p.mi.Symbols {
		if s.Kind == SymParam || s.Kind == SymState || s.Kind == SymInternal {
			cands[s.Name] = true
		}
	}
	if n := nearest(name, cands); n != "" {
		return fmt.Sprintf("did you mean %q?", n)
	}
	return ""
}

// synapse checks the weight and delay variables of a synapse model.
func (p *preflight) synapse(opts NESTOptions) {
	m := p.mi.Model
	name := m.Name.Name
	w, ok := opts.WeightVariable[name]
	switch {
	case !ok:
		hint := fmt.Sprintf(`set codegen_opts={"weight_variable": {%q: "w"}} naming the variable that holds the weight`, name)
		if p.variable("w") != nil {
			hint = fmt.Sprintf(`set codegen_opts={"weight_variable": {%q: "w"}}`, name)
		}
		p.errorh(diag.WeightVariableNotSpecified, m.NameRng, hint,
			"synapse %q has no weight variable: the code generator option weight_variable has no entry for it", name)
	case p.variable(w) == nil:
		p.errorh(diag.WeightVariableNotFound, m.NameRng, p.suggestVariable(w),
			"weight_variable names %q, which is not a parameter, state variable or internal of synapse %q", w, name)
	}
	d, ok := opts.DelayVariable[name]
	if !ok {
		return
	}
	ds := p.variable(d)
	if ds == nil {
		p.errorh(diag.DelayVariableNotFound, m.NameRng, p.suggestVariable(d),
			"delay_variable names %q, which is not a parameter, state variable or internal of synapse %q", d, name)
		return
	}
	ast.Inspect(m, func(n ast.Node) bool {
		// only assignments that resolve to the model-level variable (a
		// local of the same name shadows it)
		if a, ok := n.(*ast.Assign); ok && a.Lhs != nil && a.Lhs.Name == d && p.info != nil && p.info.Uses[a.Lhs] == ds {
			e := p.errorh(diag.DelayVariableAssigned, a.Lhs.Rng, `the delay is set by NEST when connecting: nest.Connect(…, syn_spec={"delay": …})`,
				"%q is the delay variable of synapse %q and may not be assigned to", d, name)
			e.Related = append(e.Related, diag.Related{Range: ds.Pos, Message: "delay variable declared here"})
		}
		return true
	})
}

// emitSpikeWeight reports emit_spike(w) in a neuron.
func (p *preflight) emitSpikeWeight() {
	ast.Inspect(p.mi.Model, func(n ast.Node) bool {
		if call, ok := n.(*ast.Call); ok && call.Name.Name == "emit_spike" && len(call.Args) > 0 {
			p.errorh(diag.EmitSpikeWeightInNeuron, call.Rng, "call emit_spike() without a weight; the weight belongs to the connection",
				"NEST neurons cannot send a weight with their spikes: emit_spike() in neuron %q takes no argument for the NEST target", p.mi.Model.Name.Name)
		}
		return true
	})
}

// randomCalls reports random functions outside update, onReceive and
// onCondition: in initialisers, guards and vector sizes of model-level
// declarations, in the equations block and in functions.
func (p *preflight) randomCalls() {
	for _, d := range p.mi.Model.Body {
		var where string
		switch d.(type) {
		case *ast.UpdateBlock, *ast.OnReceive, *ast.OnCondition:
			continue
		case *ast.VarBlock:
			where = "a declaration of the " + d.(*ast.VarBlock).Kind.String() + " block"
		case *ast.EquationsBlock:
			where = "the equations block"
		case *ast.FunctionDecl:
			where = "a function"
		default:
			continue
		}
		ast.Inspect(d, func(n ast.Node) bool {
			call, ok := n.(*ast.Call)
			if !ok {
				return true
			}
			switch call.Name.Name {
			case "random_normal", "random_uniform", "random_poisson":
				p.errorh(diag.RandomFunctionOutsideHandler, call.Rng, "draw random numbers in the update block or an onReceive/onCondition handler",
					"%s() cannot be used in %s for the NEST target", call.Name.Name, where)
			}
			return true
		})
	}
}

// NESTOptionsFromMap builds NESTOptions from codegen_opts as decoded from
// JSON (map[string]any). It returns an error (API misuse, not a model
// diagnostic) when weight_variable, delay_variable, synapse_models or
// neuron_synapse_pairs do not have the documented shape.
func NESTOptionsFromMap(m map[string]any) (NESTOptions, error) {
	var o NESTOptions
	for k := range m {
		o.Keys = append(o.Keys, k)
	}
	sort.Strings(o.Keys)
	strMap := func(key string) (map[string]string, error) {
		v, ok := m[key]
		if !ok || v == nil {
			return nil, nil
		}
		mm, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("codegen_opts[%q] must be a dict {model: variable}, got %T", key, v)
		}
		out := map[string]string{}
		for model, x := range mm {
			s, ok := x.(string)
			if !ok {
				return nil, fmt.Errorf("codegen_opts[%q][%q] must be a variable name (string), got %T", key, model, x)
			}
			out[model] = s
		}
		return out, nil
	}
	strList := func(v any, what string) ([]string, error) {
		if v == nil {
			return nil, nil
		}
		xs, ok := v.([]any)
		if !ok {
			return nil, fmt.Errorf("%s must be a list of strings, got %T", what, v)
		}
		var out []string
		for _, x := range xs {
			switch x := x.(type) {
			case string:
				out = append(out, x)
			case []any: // ["I_post_dend", "I_dend"]: the synapse port is the first
				if len(x) != 2 {
					return nil, fmt.Errorf("%s: a port pair must have 2 names, got %d", what, len(x))
				}
				s, ok := x[0].(string)
				if !ok {
					return nil, fmt.Errorf("%s: a port pair must hold strings", what)
				}
				out = append(out, s)
			default:
				return nil, fmt.Errorf("%s must be a list of strings, got an element of type %T", what, x)
			}
		}
		return out, nil
	}
	var err error
	if o.WeightVariable, err = strMap("weight_variable"); err != nil {
		return o, err
	}
	if o.DelayVariable, err = strMap("delay_variable"); err != nil {
		return o, err
	}
	if o.SynapseModels, err = strList(m["synapse_models"], `codegen_opts["synapse_models"]`); err != nil {
		return o, err
	}
	if v, ok := m["neuron_synapse_pairs"]; ok && v != nil {
		xs, ok := v.([]any)
		if !ok {
			return o, fmt.Errorf(`codegen_opts["neuron_synapse_pairs"] must be a list, got %T`, v)
		}
		for i, x := range xs {
			e, ok := x.(map[string]any)
			if !ok {
				return o, fmt.Errorf(`codegen_opts["neuron_synapse_pairs"][%d] must be a dict {"neuron": …, "synapses": {…}}, got %T`, i, x)
			}
			n, ok := e["neuron"].(string)
			if !ok {
				return o, fmt.Errorf(`codegen_opts["neuron_synapse_pairs"][%d]["neuron"] must be a model name`, i)
			}
			pair := NeuronSynapsePair{Neuron: n, Synapses: map[string]PairPorts{}}
			syns, ok := e["synapses"].(map[string]any)
			if !ok {
				return o, fmt.Errorf(`codegen_opts["neuron_synapse_pairs"][%d]["synapses"] must be a dict {synapse: {"post_ports": […]}}`, i)
			}
			for s, pv := range syns {
				var pp PairPorts
				if pm, ok := pv.(map[string]any); ok {
					what := fmt.Sprintf(`codegen_opts["neuron_synapse_pairs"][%d]["synapses"][%q]`, i, s)
					if pp.PostPorts, err = strList(pm["post_ports"], what+`["post_ports"]`); err != nil {
						return o, err
					}
					if pp.VTPorts, err = strList(pm["vt_ports"], what+`["vt_ports"]`); err != nil {
						return o, err
					}
				} else if pv != nil {
					return o, fmt.Errorf(`codegen_opts["neuron_synapse_pairs"][%d]["synapses"][%q] must be a dict, got %T`, i, s, pv)
				}
				pair.Synapses[s] = pp
			}
			o.NeuronSynapsePairs = append(o.NeuronSynapsePairs, pair)
		}
	}
	return o, nil
}
