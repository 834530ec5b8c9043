package loihi

import (
	"encoding/json"
	"fmt"

	"nestml_go/gocore/diag"
)

// NIRGraph is <model>.nir.json (loihi_target.md §9): the NIR node
// dictionary and edges as plain JSON, which nestml_go.loihi.write_nir (or
// the generated nir_export.py) turns into an HDF5 .nir file with the nir
// package. Every array field has the neuron shape (1,): the graph is one
// neuron driven by one input of unit NEST weight (1 pA, or 1 mV for delta
// models); scale Linear.weight by the actual weight.
type NIRGraph struct {
	Format   string                    `json:"format"`
	Nodes    map[string]map[string]any `json:"nodes"`
	Edges    [][2]string               `json:"edges"`
	Metadata map[string]any            `json:"metadata"`
}

// ExportNIR builds the NIR graph of a tier A neuron. It reports
// LOIHI_E_NIR for models NIR cannot represent.
func ExportNIR(n *Neuron, opts Options) (*NIRGraph, diag.List) {
	var ds diag.List
	opts, _ = opts.normalized()
	fail := func(why string) (*NIRGraph, diag.List) {
		ds.Add(ENIR, diag.Error, n.loc.model(), "", "loihi: '%s': not representable in NIR: %s (pass nir=False to skip the export)", n.Model.Name, why)
		return nil, ds
	}
	if n.Tier != "A" || n.NIR == nil {
		return fail("tier B models have no NIR neuron type (NIR knows LIF and CubaLIF with one synaptic current and no refractoriness)")
	}
	if n.RefrSteps > 0 {
		return fail("NIR has no refractory period")
	}
	p := n.NIR
	// unit conversion from NEST units (ms, mV, GΩ, pA)
	t, v, r, w := 1.0, 1.0, 1.0, 1.0
	units := "nest"
	if opts.NIRUnits == "SI" {
		units = "SI"
		t, v, r = 1e-3, 1e-3, 1e9
		w = 1e-15 // pA·ms = fC (psc_exp) and mV·ms/GΩ = fC… both 1e-15 in A·s or C
	}
	arr := func(x float64) []float64 { return []float64{x} }
	nodes := map[string]map[string]any{
		"input":  {"type": "Input", "shape": []int{1}},
		"output": {"type": "Output", "shape": []int{1}},
		"linear": {"type": "Linear", "weight": [][]float64{{p.WeightScale * w}}},
	}
	if n.Kind == "psc_exp" {
		nodes["neuron"] = map[string]any{
			"type": "CubaLIF", "tau_syn": arr(p.TauSyn * t), "tau_mem": arr(p.TauMem * t), "r": arr(p.R * r),
			"v_leak": arr(p.VLeak * v), "v_threshold": arr(p.VThreshold * v), "v_reset": arr(p.VReset * v), "w_in": arr(1),
		}
	} else {
		nodes["neuron"] = map[string]any{
			"type": "LIF", "tau": arr(p.TauMem * t), "r": arr(p.R * r),
			"v_leak": arr(p.VLeak * v), "v_threshold": arr(p.VThreshold * v), "v_reset": arr(p.VReset * v),
		}
	}
	edges := [][2]string{{"input", "linear"}, {"linear", "neuron"}, {"neuron", "output"}}
	if opts.NIRIncludeDelay {
		d := opts.NIRDelay
		if d == 0 {
			d = n.H
		}
		nodes["delay"] = map[string]any{"type": "Delay", "delay": arr(d * t)}
		edges = [][2]string{{"input", "linear"}, {"linear", "delay"}, {"delay", "neuron"}, {"neuron", "output"}}
	}
	return &NIRGraph{
		Format: "nestml_go.nir_json/1",
		Nodes:  nodes,
		Edges:  edges,
		Metadata: map[string]any{
			"generator": "nestml_go", "nestml_go_version": Version, "units": units,
			"dt": n.H * t, "source_model": n.Model.Name, "unit_weight": unitWeight(n),
			"note": "one neuron, one input of unit NEST weight; continuous input ports are not represented",
		},
	}, ds
}

func unitWeight(n *Neuron) string {
	if n.Kind == "psc_delta" {
		return "1 mV"
	}
	return "1 pA"
}

// MarshalIndent renders v as deterministic indented JSON with a final newline.
func marshal(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("loihi: %v", err)
	}
	return append(b, '\n'), nil
}
