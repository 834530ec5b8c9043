// Package nest prints a NEST Simulator extension module (C++) from lowered
// ir.Model values (nest_target.md §1–§7). It is a printer of the IR: every
// semantic decision (step order, integration, resets) comes from the IR, and
// the C++ skeletons come from the text/template files embedded from
// cpp_templates/.
package nest

import (
	"fmt"
	"strings"
)

// Version is the nestml_go version written into the header comment of every
// generated file. The default is a placeholder; the library entry point sets
// it to the real version (pybind/version.go) before generating.
var Version = "0.1.0"

// Options configure Generate. The zero value is usable: every empty field
// takes the default given in its comment.
type Options struct {
	// ModuleName is the name of the extension module (file <ModuleName>.so,
	// global <ModuleName>_LTX_module); it must end in "module".
	// Default "nestmlmodule".
	ModuleName string
	// Suffix is appended to every model name (class, file and NEST model
	// name), e.g. "_nestml". Default "".
	Suffix string
	// ParentClass is the base class of generated neurons, "ArchivingNode"
	// (default) or "StructuralPlasticityNode"; ParentInclude is its header
	// (default "archiving_node.h", resp. "structural_plasticity_node.h").
	ParentClass, ParentInclude string
	// NestVersion is the targeted NEST version: "3.10" (default), "v3.10" or
	// "main" (treated as 3.10). Older versions (SLI dictionary API) are not
	// supported by this printer yet.
	NestVersion string

	// Synapses (nest_target.md §5, codegen options of §2.2), keyed by the
	// synapse's model name (without suffix):
	// WeightVariable names the variable that is NEST's connection weight
	// (required for every synapse); DelayVariable the parameter that reads
	// the connection delay.
	WeightVariable, DelayVariable map[string]string
	// Homogeneous lists the @homogeneous parameters of each synapse (they
	// live in the common synapse properties).
	Homogeneous map[string][]string
	// PostPorts lists the post-synaptic spike ports of each synapse (from
	// neuron_synapse_pairs); a synapse not listed treats its spike ports
	// whose name contains "post" as post-synaptic.
	PostPorts map[string][]string
	// VtPorts lists the volume-transmitter (neuromodulator) spike ports of
	// each synapse (vt_ports of neuron_synapse_pairs): their spikes come
	// from the volume_transmitter node in the common properties.
	VtPorts map[string][]string
	// ContBind binds continuous input ports of a co-generated synapse to
	// state variables of its neuron (post_ports entries
	// [synapse_port, neuron_variable]): synapse → port → variable.
	ContBind map[string]map[string]string
	// StrictlySynaptic lists, per synapse, the variables that co-generation
	// must keep in the synapse (strictly_synaptic_vars).
	StrictlySynaptic map[string][]string
	// SynapseModels names further models to generate as synapses.
	SynapseModels []string
	// Pairs are the neuron–synapse pairs to co-generate (neuron_synapse_pairs):
	// each adds the classes <neuron><suffix>__with_<synapse><suffix> and
	// <synapse><suffix>__with_<neuron><suffix>.
	Pairs []Pair
	// ContinuousBuffering is how a co-generated synapse reads the neuron
	// variables bound to its continuous ports (codegen option
	// continuous_state_buffering_method, cogen.go): "continuous_time_buffer"
	// (default, as upstream) or "post_spike_based". Pair.ContinuousBuffering
	// overrides it for one pair.
	ContinuousBuffering string
	// RK45Implementation is "builtin" (default: nestml_go_rk45.h) or "gsl"
	// (GSL's gsl_odeiv2 rkf45 driver; the module must link -lgsl).
	RK45Implementation string
}

// Pair is one neuron–synapse pair of the neuron_synapse_pairs option.
type Pair struct {
	Neuron, Synapse string
	// ContinuousBuffering overrides Options.ContinuousBuffering for this
	// pair ("" = the option's value).
	ContinuousBuffering string
}

// The values of continuous_state_buffering_method.
const (
	BufferContinuousTime = "continuous_time_buffer"
	BufferPostSpike      = "post_spike_based"
)

// pairBufferings returns the buffering methods set per pair.
func pairBufferings(ps []Pair) []string {
	var out []string
	for _, p := range ps {
		if p.ContinuousBuffering != "" {
			out = append(out, p.ContinuousBuffering)
		}
	}
	return out
}

// normalized returns a copy of o with defaults filled in, or an error for
// invalid values.
func (o Options) normalized() (Options, error) {
	if o.ModuleName == "" {
		o.ModuleName = "nestmlmodule"
	}
	if !strings.HasSuffix(o.ModuleName, "module") {
		return o, fmt.Errorf("nest codegen: module name %q must end in \"module\"", o.ModuleName)
	}
	if !isIdent(o.ModuleName) {
		return o, fmt.Errorf("nest codegen: module name %q is not a valid C++ identifier", o.ModuleName)
	}
	if o.Suffix != "" && !isIdentTail(o.Suffix) {
		return o, fmt.Errorf("nest codegen: suffix %q may contain only letters, digits and '_'", o.Suffix)
	}
	if o.ParentClass == "" {
		o.ParentClass = "ArchivingNode"
	}
	if o.ParentInclude == "" {
		switch o.ParentClass {
		case "StructuralPlasticityNode":
			o.ParentInclude = "structural_plasticity_node.h"
		default:
			o.ParentInclude = "archiving_node.h"
		}
	}
	if !isIdent(o.ParentClass) {
		return o, fmt.Errorf("nest codegen: parent class %q is not a valid C++ identifier", o.ParentClass)
	}
	v := strings.TrimPrefix(strings.TrimSpace(o.NestVersion), "v")
	switch {
	case v == "":
		v = "3.10"
	case v == "main":
		v = "3.10"
	case v == "3.10" || strings.HasPrefix(v, "3.10."):
		v = "3.10"
	case v == "3.8" || v == "3.9" || strings.HasPrefix(v, "3.8.") || strings.HasPrefix(v, "3.9."):
		return o, fmt.Errorf("nest codegen: NEST %s (SLI DictionaryDatum API) is not supported by this generator yet; use NEST 3.10", o.NestVersion)
	default:
		return o, fmt.Errorf("nest codegen: unsupported NEST version %q (supported: 3.10, main)", o.NestVersion)
	}
	o.NestVersion = v
	if o.ContinuousBuffering == "" {
		o.ContinuousBuffering = BufferContinuousTime
	}
	for _, m := range append([]string{o.ContinuousBuffering}, pairBufferings(o.Pairs)...) {
		if m != BufferContinuousTime && m != BufferPostSpike {
			return o, fmt.Errorf("nest codegen: unknown continuous_state_buffering_method %q (%s, %s)", m, BufferContinuousTime, BufferPostSpike)
		}
	}
	switch o.RK45Implementation {
	case "":
		o.RK45Implementation = "builtin"
	case "builtin", "gsl":
	default:
		return o, fmt.Errorf("nest codegen: unknown rk45_implementation %q (builtin, gsl)", o.RK45Implementation)
	}
	return o, nil
}
