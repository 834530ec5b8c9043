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
			spec, "spike_generator, dc_generator, multimeter, spike_recorder", strings.Join(models.Names(), ", "))
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
		}
		a.Resolution = 0.1
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		net, err := sim.NewNetwork(a.Resolution)
		if err != nil {
			return nil, argErrorf("%v", err)
		}
		return map[string]any{"handle": newHandle(&network{net: net, models: map[string]*ir.Model{}})}, nil
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
			Handle uint64   `json:"handle"`
			Pre    []int    `json:"pre"`
			Post   []int    `json:"post"`
			Weight *float64 `json:"weight"`
			Delay  *float64 `json:"delay"`
			Port   any      `json:"port"`
			Rule   string   `json:"rule"`
		}
		if err := decode(in, &a); err != nil {
			return nil, err
		}
		if a.Rule != "" && a.Rule != "all_to_all" {
			return nil, argErrorf("connection rule %q is not supported yet (all_to_all)", a.Rule)
		}
		return withObject(a.Handle, func(n *network) (any, error) {
			w, d, port := 1.0, 1.0, ""
			if a.Weight != nil {
				w = *a.Weight
			}
			if a.Delay != nil {
				d = *a.Delay
			}
			switch p := a.Port.(type) {
			case nil:
			case string:
				port = p
			default:
				return nil, argErrorf("port must be a port name such as \"exc_spikes\" (receptor numbers are not supported yet), got %v", p)
			}
			if err := n.net.Connect(a.Pre, a.Post, w, d, port); err != nil {
				return nil, argErrorf("%v", err)
			}
			return struct{}{}, nil
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
