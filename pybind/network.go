package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
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

var deviceNames = map[string]bool{"spike_generator": true, "dc_generator": true, "multimeter": true, "spike_recorder": true}

// resolveModel compiles a model given as a library name, a file path or
// NESTML source text.
func (n *network) resolveModel(spec string) (*ir.Model, error) {
	if m, ok := n.models[spec]; ok {
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
			spec, "spike_generator, poisson_generator, dc_generator, multimeter, spike_recorder", strings.Join(models.Names(), ", "))
	}
	r := pipeline.Compile(path, src, pipeline.Options{})
	if r.HasErrors() {
		return nil, diagError(KindCheck, "", r.Diagnostics)
	}
	if len(r.Models) != 1 {
		return nil, argErrorf("%s defines %d models; give a file with exactly one", path, len(r.Models))
	}
	m := r.Models[0]
	n.models[spec] = m
	n.models[m.Name] = m
	return m, nil
}

type createArgs struct {
	Handle uint64         `json:"handle"`
	Model  string         `json:"model"`
	N      int            `json:"n"`
	Params map[string]any `json:"params"`
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
		for i := 0; i < a.N; i++ {
			rr, err := n.net.CreateSpikeGenerator(times, weights)
			if err != nil {
				return nil, argErrorf("%v", err)
			}
			if i == 0 {
				r = rr
			} else {
				r.N++
			}
		}
	case "poisson_generator":
		kind = "device"
		if err := known("rate", "start", "stop"); err != nil {
			return nil, err
		}
		rate, err := get("rate", 0)
		if err != nil {
			return nil, err
		}
		start, err := get("start", 0)
		if err != nil {
			return nil, err
		}
		stop, err := get("stop", math.Inf(1))
		if err != nil {
			return nil, err
		}
		for i := 0; i < a.N; i++ {
			rr, err := n.net.CreatePoissonGenerator(rate, start, stop)
			if err != nil {
				return nil, argErrorf("%v", err)
			}
			if i == 0 {
				r = rr
			} else {
				r.N++
			}
		}
	case "dc_generator":
		kind = "device"
		if err := known("amplitude", "start", "stop"); err != nil {
			return nil, err
		}
		amp, err := get("amplitude", 0)
		if err != nil {
			return nil, err
		}
		start, err := get("start", 0)
		if err != nil {
			return nil, err
		}
		stop, err := get("stop", math.Inf(1))
		if err != nil {
			return nil, err
		}
		for i := 0; i < a.N; i++ {
			rr, err := n.net.CreateDCGenerator(amp, start, stop)
			if err != nil {
				return nil, argErrorf("%v", err)
			}
			if i == 0 {
				r = rr
			} else {
				r.N++
			}
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
		for i := 0; i < a.N; i++ {
			rr, err := n.net.CreateMultimeter(from, iv)
			if err != nil {
				return nil, argErrorf("%v", err)
			}
			if i == 0 {
				r = rr
			} else {
				r.N++
			}
		}
	case "spike_recorder":
		kind = "recorder"
		if err := known(); err != nil {
			return nil, err
		}
		for i := 0; i < a.N; i++ {
			rr := n.net.CreateSpikeRecorder()
			if i == 0 {
				r = rr
			} else {
				r.N++
			}
		}
	default:
		m, err := n.resolveModel(a.Model)
		if err != nil {
			return nil, err
		}
		name = m.Name
		r, err = n.net.CreatePopulation(m, a.N)
		if err != nil {
			return nil, argErrorf("%v", err)
		}
		for k, v := range p {
			vals := []float64{}
			if list, ok := v.([]any); ok {
				if len(list) != a.N {
					return nil, argErrorf("parameter %s: %d values for %d neurons", k, len(list), a.N)
				}
				if vals, err = nums(v, k); err != nil {
					return nil, err
				}
			} else {
				f, err := num(v, k)
				if err != nil {
					return nil, err
				}
				for i := 0; i < a.N; i++ {
					vals = append(vals, f)
				}
			}
			for i, id := range r.IDs() {
				if err := n.net.SetNodeValue(id, k, vals[i]); err != nil {
					return nil, argErrorf("%v", err)
				}
			}
		}
	}
	return map[string]any{"first": r.First, "n": r.N, "kind": kind, "name": name}, nil
}

func init() {
	register("net_new", func(in json.RawMessage) (any, error) {
		var a struct {
			Resolution float64 `json:"resolution"`
			Threads    int     `json:"threads"`
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
			Handle   uint64    `json:"handle"`
			Pre      []int     `json:"pre"`
			Post     []int     `json:"post"`
			Weight   valueSpec `json:"weight"`
			Delay    valueSpec `json:"delay"`
			Port     any       `json:"port"`
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
		default:
			return nil, argErrorf("port must be a port name such as \"exc_spikes\" (receptor numbers are not supported yet), got %v", p)
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
			return map[string]any{"n": len(r.Times), "keys": keys}, nil
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
