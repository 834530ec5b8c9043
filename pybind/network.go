package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"

	"nestml_go/gocore/ir"
	"nestml_go/gocore/models"
	"nestml_go/gocore/pipeline"
	"nestml_go/gocore/sim"
)

// network is the handle value behind a Python nestml_go.Network.
type network struct {
	net    *sim.Network
	models map[string]*ir.Model // compiled models by name
}

// Fill writes recorder data: {"recorder": id, "key": "times"|"senders"|var}.
func (n *network) Fill(req json.RawMessage, out []float64) error {
	var args struct {
		Recorder int    `json:"recorder"`
		Key      string `json:"key"`
	}
	if err := decode(req, &args); err != nil {
		return err
	}
	r, err := n.net.Recorder(args.Recorder)
	if err != nil {
		return argErrorf("%v", err)
	}
	var src []float64
	switch args.Key {
	case "times":
		src = r.Times
	case "senders":
		src = r.Senders
	default:
		v, ok := r.Values[args.Key]
		if !ok {
			return argErrorf("recorder %d has no data %q", args.Recorder, args.Key)
		}
		src = v
	}
	if len(src) != len(out) {
		return argErrorf("recorder %d has %d values of %q, buffer holds %d", args.Recorder, len(src), args.Key, len(out))
	}
	copy(out, src)
	return nil
}

// valueSpec is a weight or delay as Python sends it: {"const": x},
// {"array": [...]} or {"distribution": name, parameters…}; a bare number is
// accepted too.
type valueSpec struct {
	Const        *float64  `json:"const"`
	Array        []float64 `json:"array"`
	Distribution string    `json:"distribution"`
	Mean, Std    float64
	Min, Max     float64
	Mu, Sigma    float64
	Beta         float64
}

func (v *valueSpec) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err == nil {
		v.Const = &f
		return nil
	}
	type plain struct {
		Const        *float64  `json:"const"`
		Array        []float64 `json:"array"`
		Distribution string    `json:"distribution"`
		Mean         float64   `json:"mean"`
		Std          float64   `json:"std"`
		Min          float64   `json:"min"`
		Max          float64   `json:"max"`
		Mu           float64   `json:"mu"`
		Sigma        float64   `json:"sigma"`
		Beta         float64   `json:"beta"`
	}
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*v = valueSpec{Const: p.Const, Array: p.Array, Distribution: p.Distribution, Mean: p.Mean, Std: p.Std, Min: p.Min, Max: p.Max, Mu: p.Mu, Sigma: p.Sigma, Beta: p.Beta}
	return nil
}

func (v valueSpec) value() (sim.Value, error) {
	switch {
	case v.Array != nil:
		for _, x := range v.Array {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return sim.Value{}, fmt.Errorf("values must be finite")
			}
		}
		return sim.Value{Array: v.Array}, nil
	case v.Distribution != "":
		return sim.Value{Distribution: v.Distribution, Mean: v.Mean, Std: v.Std, Min: v.Min, Max: v.Max, Mu: v.Mu, Sigma: v.Sigma, Beta: v.Beta}, nil
	case v.Const != nil:
		if math.IsNaN(*v.Const) || math.IsInf(*v.Const, 0) {
			return sim.Value{}, fmt.Errorf("must be finite")
		}
		return sim.ConstValue(*v.Const), nil
	}
	return sim.ConstValue(1), nil
}

func ptr[T any](v T) *T { return &v }

var deviceNames = map[string]bool{"spike_generator": true, "dc_generator": true, "multimeter": true, "spike_recorder": true,
	"step_current_generator": true, "ac_generator": true, "noise_generator": true}

// resolveModel compiles a model given as a library name, a file path or
// NESTML source text.
func (n *network) resolveModel(spec string) (*ir.Model, error) {
	return n.resolveModelWith(spec, nil)
}

// resolveModelWith is resolveModel with solver options (codegen_opts keys
// numeric_solver and gsl_adaptive_step_size_controller); a model compiled
// with options is cached under the options too.
func (n *network) resolveModelWith(spec string, solver map[string]string) (*ir.Model, error) {
	var opts pipeline.Options
	key := spec
	if len(solver) > 0 {
		for k, v := range solver {
			switch k {
			case "numeric_solver":
				opts.NumericSolver = v
			case "gsl_adaptive_step_size_controller":
				opts.Controller = v
			default:
				return nil, argErrorf("unknown solver option %q (numeric_solver, gsl_adaptive_step_size_controller)", k)
			}
		}
		if err := opts.Validate(); err != nil {
			return nil, argErrorf("%v", err)
		}
		key = spec + "\x00" + opts.NumericSolver + "\x00" + opts.Controller
	}
	if m, ok := n.models[key]; ok {
		return m, nil
	}
	if _, ok := models.Source(spec); !ok && spec == "parrot_neuron" {
		m := sim.ParrotModel()
		n.models[spec] = m
		return m, nil
	}
	var path string
	var src []byte
	if s, ok := models.Source(spec); ok {
		path, src = spec+".nestml", s
	} else if strings.Contains(spec, "model ") && strings.Contains(spec, ":") {
		path, src = "<string>", []byte(spec)
	} else if st, err := os.Stat(spec); err == nil && !st.IsDir() {
		b, err := os.ReadFile(spec)
		if err != nil {
			return nil, argErrorf("cannot read %s: %v", spec, err)
		}
		path, src = spec, b
	} else {
		return nil, argErrorf("unknown model %q: not a device (%s), not a library model (%s), not a file and not NESTML source",
			spec, "spike_generator, poisson_generator, dc_generator, step_current_generator, ac_generator, noise_generator, multimeter, spike_recorder", strings.Join(models.Names(), ", "))
	}
	r := pipeline.Compile(path, src, opts)
	if r.HasErrors() {
		return nil, diagError(KindCheck, "", r.Diagnostics)
	}
	if len(r.Models) != 1 {
		return nil, argErrorf("%s defines %d models; give a file with exactly one", path, len(r.Models))
	}
	m := r.Models[0]
	n.models[key] = m
	if len(solver) == 0 {
		n.models[m.Name] = m
	}
	return m, nil
}

type createArgs struct {
	Handle uint64            `json:"handle"`
	Model  string            `json:"model"`
	N      int               `json:"n"`
	Params map[string]any    `json:"params"`
	Solver map[string]string `json:"solver"`
}

func num(v any, name string) (float64, error) {
	f, ok := v.(float64)
	if !ok || math.IsNaN(f) {
		return 0, argErrorf("parameter %s must be a number, got %v", name, v)
	}
	return f, nil
}

func nums(v any, name string) ([]float64, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, argErrorf("parameter %s must be a list of numbers", name)
	}
	out := make([]float64, len(list))
	for i, x := range list {
		f, err := num(x, name)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

func (n *network) create(a createArgs) (any, error) {
	if a.N < 1 {
		return nil, argErrorf("n must be ≥ 1, got %d", a.N)
	}
	var r sim.NodeRange
	var err error
	kind := "neuron"
	name := a.Model
	p := a.Params
	get := func(key string, def float64) (float64, error) {
		if v, ok := p[key]; ok {
			return num(v, key)
		}
		return def, nil
	}
	known := func(keys ...string) error {
		for k := range p {
			ok := false
			for _, kk := range keys {
				ok = ok || k == kk
			}
			if !ok {
				return argErrorf("%s has no parameter %q (known: %s)", a.Model, k, strings.Join(keys, ", "))
			}
		}
		return nil
	}
	switch a.Model {
	case "spike_generator":
		kind = "device"
		if err := known("spike_times", "spike_weights"); err != nil {
			return nil, err
		}
		var times, weights []float64
		if v, ok := p["spike_times"]; ok {
			if times, err = nums(v, "spike_times"); err != nil {
				return nil, err
			}
		}
		if v, ok := p["spike_weights"]; ok {
			if weights, err = nums(v, "spike_weights"); err != nil {
				return nil, err
			}
		}
		if r, err = createN(a.N, func() (sim.NodeRange, error) { return n.net.CreateSpikeGenerator(times, weights) }); err != nil {
			return nil, err
		}
	case "poisson_generator", "dc_generator":
		kind = "device"
		key := "rate"
		if a.Model == "dc_generator" {
			key = "amplitude"
		}
		if err := known(key, "start", "stop"); err != nil {
			return nil, err
		}
		var x, start, stop float64
		for _, v := range []struct {
			p    *float64
			name string
			def  float64
		}{{&x, key, 0}, {&start, "start", 0}, {&stop, "stop", math.Inf(1)}} {
			if *v.p, err = get(v.name, v.def); err != nil {
				return nil, err
			}
		}
		mk := n.net.CreatePoissonGenerator
		if a.Model == "dc_generator" {
			mk = n.net.CreateDCGenerator
		}
		if r, err = createN(a.N, func() (sim.NodeRange, error) { return mk(x, start, stop) }); err != nil {
			return nil, err
		}
	case "step_current_generator", "ac_generator", "noise_generator":
		kind = "device"
		if r, err = n.createCurrentGenerators(a); err != nil {
			return nil, err
		}
	case "weight_recorder", "volume_transmitter":
		kind = "recorder"
		if err := known(); err != nil {
			return nil, err
		}
		mk := n.net.CreateWeightRecorder
		if a.Model == "volume_transmitter" {
			mk = n.net.CreateVolumeTransmitter
		}
		if r, err = createN(a.N, func() (sim.NodeRange, error) { return mk(), nil }); err != nil {
			return nil, err
		}
	case "multimeter":
		kind = "recorder"
		if err := known("record_from", "interval"); err != nil {
			return nil, err
		}
		var from []string
		if v, ok := p["record_from"]; ok {
			list, ok := v.([]any)
			if !ok {
				return nil, argErrorf("record_from must be a list of names")
			}
			for _, x := range list {
				s, ok := x.(string)
				if !ok {
					return nil, argErrorf("record_from must be a list of names")
				}
				from = append(from, s)
			}
		}
		iv, err := get("interval", 1.0)
		if err != nil {
			return nil, err
		}
		if r, err = createN(a.N, func() (sim.NodeRange, error) { return n.net.CreateMultimeter(from, iv) }); err != nil {
			return nil, err
		}
	case "spike_recorder":
		kind = "recorder"
		if err := known(); err != nil {
			return nil, err
		}
		if r, err = createN(a.N, func() (sim.NodeRange, error) { return n.net.CreateSpikeRecorder(), nil }); err != nil {
			return nil, err
		}
	default:
		m, err := n.resolveModelWith(a.Model, a.Solver)
		if err != nil {
			return nil, err
		}
		name = m.Name
		r, err = n.net.CreatePopulation(m, a.N)
		if err != nil {
			return nil, argErrorf("%v", err)
		}
		if err := n.setValues(r.IDs(), p); err != nil {
			return nil, err
		}
	}
	return map[string]any{"first": r.First, "n": r.N, "kind": kind, "name": name}, nil
}

// createN creates k devices with mk; their node ids are consecutive, so
// the result is one range.
func createN(k int, mk func() (sim.NodeRange, error)) (sim.NodeRange, error) {
	var r sim.NodeRange
	for i := 0; i < k; i++ {
		rr, err := mk()
		if err != nil {
			return sim.NodeRange{}, argErrorf("%v", err)
		}
		if i == 0 {
			r = rr
		} else {
			r.N++
		}
	}
	return r, nil
}

func init() {
	register("net_new", func(in json.RawMessage) (any, error) {
		var a struct {
			Resolution float64 `json:"resolution"`
			Threads    int     `json:"threads"`
			Native     bool    `json:"native"`
		}
		a.Resolution = 0.1
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		if a.Threads < 0 {
			return nil, argErrorf("threads must be ≥ 0 (0: all cores), got %d", a.Threads)
		}
		net, err := sim.NewNetwork(a.Resolution)
		if err != nil {
			return nil, argErrorf("%v", err)
		}
		net.SetThreads(a.Threads)
		net.SetNative(a.Native)
		return map[string]any{"handle": newHandle(&network{net: net, models: map[string]*ir.Model{}}), "threads": net.Threads()}, nil
	})
	register("net_create", func(in json.RawMessage) (any, error) {
		a := createArgs{N: 1}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		return withObject(a.Handle, func(n *network) (any, error) { return n.create(a) })
	})
	register("net_connect", func(in json.RawMessage) (any, error) {
		var a struct {
			Handle   uint64       `json:"handle"`
			Pre      []int        `json:"pre"`
			Post     []int        `json:"post"`
			Weight   valueSpec    `json:"weight"`
			Delay    valueSpec    `json:"delay"`
			Port     any          `json:"port"`
			SynSpec  *synSpecArgs `json:"syn_spec"` // synapses.go
			ConnSpec *struct {
				Rule           string   `json:"rule"`
				Indegree       int      `json:"indegree"`
				Outdegree      int      `json:"outdegree"`
				N              int      `json:"N"`
				P              *float64 `json:"p"`
				AllowAutapses  *bool    `json:"allow_autapses"`
				AllowMultapses *bool    `json:"allow_multapses"`
			} `json:"conn_spec"`
		}
		a.Weight.Const, a.Delay.Const = ptr(1.0), ptr(1.0)
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		spec := sim.ConnSpec{Rule: "all_to_all"}
		if c := a.ConnSpec; c != nil {
			spec = sim.ConnSpec{Rule: c.Rule, Indegree: c.Indegree, Outdegree: c.Outdegree, N: c.N,
				AllowAutapses: c.AllowAutapses, AllowMultapses: c.AllowMultapses}
			if c.P != nil {
				spec.P = *c.P
			}
		}
		port := ""
		switch p := a.Port.(type) {
		case nil:
		case string:
			port = p
		case float64:
			// a NEST receptor number: resolved to a port name below
			if p != math.Trunc(p) || math.Abs(p) > 1<<30 {
				return nil, argErrorf("receptor_type must be an integer, got %v", p)
			}
		default:
			return nil, argErrorf("port must be a port name such as \"exc_spikes\" or a receptor number, got %v", p)
		}
		w, err := a.Weight.value()
		if err != nil {
			return nil, argErrorf("weight: %v", err)
		}
		d, err := a.Delay.value()
		if err != nil {
			return nil, argErrorf("delay: %v", err)
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			if r, ok := a.Port.(float64); ok {
				// the port of NEST receptor r (the same in every target)
				for k, id := range a.Post {
					name, err := n.net.ReceptorPort(id, int(r))
					if err != nil {
						return nil, argErrorf("%v", err)
					}
					if k > 0 && name != port {
						return nil, argErrorf("receptor_type %v names different ports (%q, %q) in the targets", r, port, name)
					}
					port = name
				}
			}
			if a.SynSpec != nil {
				return n.connectSynapse(a.Pre, a.Post, spec, w, d, port, a.SynSpec)
			}
			k, err := n.net.ConnectSpec(a.Pre, a.Post, spec, w, d, port)
			if err != nil {
				return nil, argErrorf("%v", err)
			}
			return map[string]any{"n": k}, nil
		})
	})
	register("net_seed", func(in json.RawMessage) (any, error) {
		var a struct {
			Handle uint64 `json:"handle"`
			Seed   uint64 `json:"seed"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			n.net.SetSeed(a.Seed)
			return struct{}{}, nil
		})
	})
	register("net_native", func(in json.RawMessage) (any, error) {
		var a struct {
			Handle uint64 `json:"handle"`
			Native *bool  `json:"native"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			if a.Native != nil {
				n.net.SetNative(*a.Native)
			}
			return map[string]any{"native": n.net.Native(), "status": n.net.NativeStatus()}, nil
		})
	})
	register("net_threads", func(in json.RawMessage) (any, error) {
		var a struct {
			Handle  uint64 `json:"handle"`
			Threads *int   `json:"threads"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			if a.Threads != nil {
				if *a.Threads < 0 {
					return nil, argErrorf("threads must be ≥ 0 (0: all cores), got %d", *a.Threads)
				}
				n.net.SetThreads(*a.Threads)
			}
			return map[string]any{"threads": n.net.Threads()}, nil
		})
	})
	register("net_simulate", func(in json.RawMessage) (any, error) {
		var a struct {
			Handle uint64  `json:"handle"`
			T      float64 `json:"t"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			if err := n.net.Simulate(a.T, nil); err != nil {
				return nil, errorf(KindSimulation, "%v", err)
			}
			return map[string]any{"time": n.net.Time()}, nil
		})
	})
	register("net_events_meta", func(in json.RawMessage) (any, error) {
		var a struct {
			Handle   uint64 `json:"handle"`
			Recorder int    `json:"recorder"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			r, err := n.net.Recorder(a.Recorder)
			if err != nil {
				return nil, argErrorf("%v", err)
			}
			keys := []string{"times", "senders"}
			keys = append(keys, r.RecordFrom...)
			units := r.Units()
			units["times"] = "ms"
			return map[string]any{"n": len(r.Times), "keys": keys, "units": units}, nil
		})
	})
}

var _ = fmt.Sprint

func init() {
	// library {"name": str|null} -> {"names": [...], "source": str}
	register("library", func(in json.RawMessage) (any, error) {
		var a struct {
			Name *string `json:"name"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		res := map[string]any{"names": models.Names()}
		if a.Name != nil {
			src, ok := models.Source(*a.Name)
			if !ok {
				return nil, argErrorf("no library model %q (available: %s)", *a.Name, strings.Join(models.Names(), ", "))
			}
			res["source"] = string(src)
		}
		return res, nil
	})
}

// createCurrentGenerators creates a.N step_current_generator,
// ac_generator or noise_generator nodes with NEST's parameter names.
func (n *network) createCurrentGenerators(a createArgs) (sim.NodeRange, error) {
	p := a.Params
	keys := map[string][]string{
		"step_current_generator": {"amplitude_times", "amplitude_values", "allow_offgrid_times", "start", "stop"},
		"ac_generator":           {"amplitude", "offset", "phase", "frequency", "start", "stop"},
		"noise_generator":        {"mean", "std", "dt", "start", "stop", "std_mod", "frequency", "phase"},
	}[a.Model]
	for k := range p {
		if !slices.Contains(keys, k) {
			msg := fmt.Sprintf("%s has no parameter %q (known: %s)", a.Model, k, strings.Join(keys, ", "))
			return sim.NodeRange{}, argErrorf("%s", msg)
		}
	}
	get := func(key string, def float64) (float64, error) {
		if v, ok := p[key]; ok {
			return num(v, key)
		}
		return def, nil
	}
	var vals [8]float64
	defs := map[string]float64{"stop": math.Inf(1), "dt": 1.0}
	for i, k := range keys {
		if k == "amplitude_times" || k == "amplitude_values" || k == "allow_offgrid_times" {
			continue
		}
		v, err := get(k, defs[k])
		if err != nil {
			return sim.NodeRange{}, err
		}
		vals[i] = v
	}
	var times, values []float64
	offgrid := false
	if a.Model == "step_current_generator" {
		var err error
		if v, ok := p["amplitude_times"]; ok {
			if times, err = nums(v, "amplitude_times"); err != nil {
				return sim.NodeRange{}, err
			}
		}
		if v, ok := p["amplitude_values"]; ok {
			if values, err = nums(v, "amplitude_values"); err != nil {
				return sim.NodeRange{}, err
			}
		}
		if v, ok := p["allow_offgrid_times"]; ok {
			b, isBool := v.(bool)
			if !isBool {
				return sim.NodeRange{}, argErrorf("allow_offgrid_times must be true or false, got %v", v)
			}
			offgrid = b
		}
	}
	var r sim.NodeRange
	for i := 0; i < a.N; i++ {
		var rr sim.NodeRange
		var err error
		switch a.Model {
		case "step_current_generator":
			rr, err = n.net.CreateStepCurrentGenerator(times, values, offgrid, vals[3], vals[4])
		case "ac_generator":
			rr, err = n.net.CreateACGenerator(vals[0], vals[1], vals[2], vals[3], vals[4], vals[5])
		case "noise_generator":
			rr, err = n.net.CreateNoiseGenerator(sim.NoiseSpec{Mean: vals[0], Std: vals[1], Dt: vals[2], Start: vals[3], Stop: vals[4],
				StdMod: vals[5], Frequency: vals[6], Phase: vals[7]})
		}
		if err != nil {
			return sim.NodeRange{}, argErrorf("%s: %v", a.Model, err)
		}
		if i == 0 {
			r = rr
		} else {
			r.N++
		}
	}
	return r, nil
}

// setValues sets parameters/state of neurons from Python values: a number
// or list of numbers (one per node) in the declared unit, a boolean, or
// {"value": number|list, "unit": "ms"} converted from that unit to the
// declared one (units.go). Invariants are checked; on error nothing changes.
func (n *network) setValues(ids []int, params map[string]any) error {
	if len(ids) == 0 || len(params) == 0 {
		return nil
	}
	values := map[string][]float64{}
	for name, v := range params {
		info, err := n.net.VarOf(ids[0], name)
		if err != nil {
			return argErrorf("%v", err)
		}
		unit := ""
		hasUnit := false
		if m, ok := v.(map[string]any); ok {
			u, ok := m["unit"].(string)
			if !ok {
				return argErrorf("%s: a value with a unit is {\"value\": ..., \"unit\": \"ms\"}", name)
			}
			unit, hasUnit, v = u, true, m["value"]
		}
		var vals []float64
		switch x := v.(type) {
		case bool:
			vals = []float64{0}
			if x {
				vals[0] = 1
			}
		case []any:
			if len(x) != len(ids) {
				return argErrorf("%s: %d values for %d nodes", name, len(x), len(ids))
			}
			for _, e := range x {
				if b, ok := e.(bool); ok {
					f := 0.0
					if b {
						f = 1
					}
					vals = append(vals, f)
					continue
				}
				f, err := num(e, name)
				if err != nil {
					return err
				}
				vals = append(vals, f)
			}
		default:
			f, err := num(v, name)
			if err != nil {
				return err
			}
			vals = []float64{f}
		}
		if hasUnit {
			f, _, _, err := convertUnits(unit, info.Unit)
			if err != nil {
				return argErrorf("%s (declared in %s): %s", name, displayUnit(info.Unit), err.(*apiError).Message)
			}
			for i := range vals {
				vals[i] *= f
			}
		}
		values[name] = vals
	}
	for name, vals := range values {
		// vector sizes are fixed at compilation (sim.CheckVectorSizes)
		if err := n.net.CheckVectorSizes(ids, name, vals); err != nil {
			return argErrorf("%v", err)
		}
	}
	if err := n.net.SetValues(ids, values); err != nil {
		return argErrorf("%v", err)
	}
	return nil
}

func displayUnit(u string) string {
	if u == "" || u == "1" {
		return "plain numbers"
	}
	return u
}

func init() {
	// net_vars {"handle", "id"} -> {"names": [...], "units": [...], "params": [bool...]}
	register("net_vars", func(in json.RawMessage) (any, error) {
		var a struct {
			Handle uint64 `json:"handle"`
			ID     int    `json:"id"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			vs, err := n.net.NodeVars(a.ID)
			if err != nil {
				return nil, argErrorf("%v", err)
			}
			names, unitsOut, isParam, types := []string{}, []string{}, []bool{}, []string{}
			for _, v := range vs {
				names = append(names, v.Name)
				unitsOut = append(unitsOut, v.Unit)
				isParam = append(isParam, v.IsParam)
				types = append(types, map[ir.Type]string{ir.Real: "real", ir.Integer: "integer", ir.Boolean: "boolean", ir.String: "string"}[v.Type])
			}
			return map[string]any{"names": names, "units": unitsOut, "params": isParam, "types": types}, nil
		})
	})
	// net_get {"handle", "ids": [...], "name"} -> {"values": [...], "unit": "mV", "type": "real"}
	register("net_get", func(in json.RawMessage) (any, error) {
		var a struct {
			Handle uint64 `json:"handle"`
			IDs    []int  `json:"ids"`
			Name   string `json:"name"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			if len(a.IDs) == 0 {
				return map[string]any{"values": []float64{}, "unit": ""}, nil
			}
			if elems := n.net.VectorElements(a.IDs[0], a.Name); elems != nil {
				// a whole vector: one row per node, one column per element
				info, err := n.net.VarOf(a.IDs[0], elems[0])
				if err != nil {
					return nil, argErrorf("%v", err)
				}
				rows := make([][]float64, len(a.IDs))
				for _, e := range elems {
					vals, err := n.net.GetValues(a.IDs, e)
					if err != nil {
						return nil, argErrorf("%v", err)
					}
					for i, v := range vals {
						rows[i] = append(rows[i], v)
					}
				}
				return map[string]any{"values": rows, "unit": info.Unit, "type": map[ir.Type]string{ir.Real: "real", ir.Integer: "integer", ir.Boolean: "boolean", ir.String: "string"}[info.Type]}, nil
			}
			info, err := n.net.VarOf(a.IDs[0], a.Name)
			if err != nil {
				return nil, argErrorf("%v", err)
			}
			vals, err := n.net.GetValues(a.IDs, a.Name)
			if err != nil {
				return nil, argErrorf("%v", err)
			}
			return map[string]any{"values": vals, "unit": info.Unit, "type": map[ir.Type]string{ir.Real: "real", ir.Integer: "integer", ir.Boolean: "boolean", ir.String: "string"}[info.Type]}, nil
		})
	})
	// net_set {"handle", "ids": [...], "params": {name: value}} (values as setValues)
	register("net_set", func(in json.RawMessage) (any, error) {
		var a struct {
			Handle uint64         `json:"handle"`
			IDs    []int          `json:"ids"`
			Params map[string]any `json:"params"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			if err := n.setValues(a.IDs, a.Params); err != nil {
				return nil, err
			}
			return struct{}{}, nil
		})
	})
}
