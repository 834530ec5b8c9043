package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"nestml_go/gocore/codegen/loihi"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/models"
	"nestml_go/gocore/odes"
	"nestml_go/gocore/pipeline"
)

// The Loihi target's methods (loihi_target.md §8):
//
//	generate_loihi   {input_paths, target_path, module_name, suffix, codegen_opts}
//	                 → {diagnostics, files, models, connections}
//	loihi_quantize   {model, codegen_opts} → {diagnostics, report, tier, kind}
//	loihi_run        {model, codegen_opts, stimulus, runs: ["fixed","float","reference"]}
//	                 → {diagnostics, tier, kind, <run>: trace}
//	loihi_example_stimulus {model, codegen_opts, n, steps} → {stimulus}
//	loihi_nir_writer {} → {source}: the Python of nestml_go.loihi.write_nir
func init() {
	loihi.Version = Version
	register("generate_loihi", generateLoihi)
	register("loihi_quantize", loihiQuantize)
	register("loihi_run", loihiRun)
	register("loihi_example_stimulus", loihiExampleStimulus)
	register("loihi_nir_writer", func(json.RawMessage) (any, error) {
		s, err := loihi.NIRWriterSource()
		if err != nil {
			return nil, errorf(KindInternal, "%v", err)
		}
		return map[string]string{"source": s}, nil
	})
}

// loihiOptions converts the (already key-checked) codegen_opts.
func loihiOptions(o map[string]any) (loihi.Options, error) {
	var opts loihi.Options
	num := func(k string) (float64, bool, error) {
		v, ok := o[k]
		if !ok || v == nil {
			return 0, false, nil
		}
		f, isNum := v.(float64)
		if !isNum {
			return 0, false, fmt.Errorf("codegen_opts[%q] must be a number, got %v", k, v)
		}
		return f, true, nil
	}
	var err error
	var f float64
	var ok bool
	if f, ok, err = num("resolution"); err != nil {
		return opts, err
	} else if ok {
		opts.Resolution = f
	}
	if s, isStr := o["tier"].(string); isStr {
		opts.Tier = s
	}
	if p, isMap := o["parameters"].(map[string]any); isMap {
		opts.Parameters = map[string]float64{}
		for k, v := range p {
			x, isNum := v.(float64)
			if !isNum {
				return opts, fmt.Errorf("codegen_opts['parameters'][%q] must be a number (in the parameter's declared unit)", k)
			}
			opts.Parameters[k] = x
		}
	}
	if w, isMap := o["weights"].(map[string]any); isMap {
		opts.Weights = map[string][2]float64{}
		for k, v := range w {
			l, isList := v.([]any)
			if !isList || len(l) != 2 {
				return opts, fmt.Errorf("codegen_opts['weights'][%q] must be [w_min, w_max]", k)
			}
			a, ok1 := l[0].(float64)
			b, ok2 := l[1].(float64)
			if !ok1 || !ok2 {
				return opts, fmt.Errorf("codegen_opts['weights'][%q] must hold numbers", k)
			}
			opts.Weights[k] = [2]float64{a, b}
		}
	}
	if f, ok, err = num("max_simultaneous_inputs"); err != nil {
		return opts, err
	} else if ok {
		opts.MaxSimultaneousInputs = int(f)
	}
	if f, ok, err = num("max_input_rate"); err != nil {
		return opts, err
	} else if ok {
		opts.MaxInputRate = f
	}
	if f, ok, err = num("v_min"); err != nil {
		return opts, err
	} else if ok {
		opts.VMin = &f
	}
	if f, ok, err = num("headroom"); err != nil {
		return opts, err
	} else if ok {
		h := f
		opts.Headroom = &h
	}
	if f, ok, err = num("vth_mant"); err != nil {
		return opts, err
	} else if ok {
		opts.VthMant = int(f)
	}
	if f, ok, err = num("sim_steps"); err != nil {
		return opts, err
	} else if ok {
		opts.SimSteps = int(f)
	}
	if f, ok, err = num("nir_delay"); err != nil {
		return opts, err
	} else if ok {
		opts.NIRDelay = f
	}
	if s, isStr := o["continuous_ports"].(string); isStr {
		opts.ContinuousPorts = s
	}
	if s, isStr := o["nir_units"].(string); isStr {
		opts.NIRUnits = s
	}
	b := func(k string) bool { v, _ := o[k].(bool); return v }
	opts.AllowNoLeak = b("allow_no_leak")
	opts.NIRIncludeDelay = b("nir_include_delay")
	if v, isB := o["fixed_point"].(bool); isB && !v {
		opts.NoFixedPoint = true
	}
	if v, isB := o["nir"].(bool); isB {
		opts.NoNIR, opts.NIRRequested = !v, v
	}
	return opts, nil
}

type loihiGenArgs struct {
	InputPaths  []string       `json:"input_paths"`
	TargetPath  string         `json:"target_path"`
	ModuleName  string         `json:"module_name"`
	Suffix      string         `json:"suffix"`
	CodegenOpts map[string]any `json:"codegen_opts"`
}

// generateLoihi compiles every input file and writes the Lava package of
// the accepted models, plus report/<model>.solver.json.
func generateLoihi(in json.RawMessage) (any, error) {
	var a loihiGenArgs
	if err := decode(in, &a); err != nil {
		return nil, err
	}
	if len(a.InputPaths) == 0 {
		return nil, argErrorf("generate_loihi: no input files")
	}
	if a.TargetPath == "" {
		return nil, argErrorf("generate_loihi: missing target_path")
	}
	opts, err := loihiOptions(a.CodegenOpts)
	if err != nil {
		return nil, argErrorf("%v", err)
	}
	opts.ModuleName, opts.Suffix = a.ModuleName, a.Suffix
	var all diag.List
	var inputs []loihi.Input
	solver := map[string][]byte{}
	h := opts.Resolution
	if h == 0 {
		h = 0.1
	}
	for _, p := range a.InputPaths {
		src, rerr := os.ReadFile(p)
		r := pipeline.CompileFile(p, pipeline.Options{})
		all = append(all, r.Diagnostics...)
		if rerr != nil {
			continue
		}
		for _, m := range r.Models {
			inputs = append(inputs, loihi.Input{Model: m, Source: src})
		}
		for _, plan := range r.Plans {
			rep, err := odes.Report(r.Info, plan, h)
			if err != nil {
				continue
			}
			b, err := json.MarshalIndent(rep, "", "  ")
			if err == nil {
				solver[plan.Model.Model.Name.Name] = append(b, '\n')
			}
		}
	}
	res := map[string]any{"diagnostics": records(all), "files": []string{}, "models": []string{}, "connections": []string{}}
	if all.HasErrors() || len(inputs) == 0 {
		return res, nil
	}
	out, ds := loihi.Generate(inputs, opts)
	for i := range ds {
		if ds[i].File == "" {
			for _, in := range inputs {
				if in.Model.Name == ds[i].Model {
					ds[i].File = in.Model.SourceFile
				}
			}
		}
	}
	all = append(all, ds...)
	all.Sort()
	res["diagnostics"] = records(all)
	if out == nil {
		return res, nil
	}
	for _, name := range out.Models {
		base := strings.TrimSuffix(name, a.Suffix)
		if b, ok := solver[base]; ok {
			out.Files["report/"+name+".solver.json"] = b
		}
	}
	if err := os.MkdirAll(a.TargetPath, 0o755); err != nil {
		return nil, argErrorf("cannot create %s: %v", a.TargetPath, err)
	}
	var names []string
	for name := range out.Files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		dst := filepath.Join(a.TargetPath, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, argErrorf("cannot create %s: %v", filepath.Dir(dst), err)
		}
		if err := os.WriteFile(dst, out.Files[name], 0o644); err != nil {
			return nil, argErrorf("cannot write %s: %v", dst, err)
		}
	}
	res["files"] = names
	res["models"] = out.Models
	if out.Connections != nil {
		res["connections"] = out.Connections
	}
	return res, nil
}

// loihiModel compiles a model given as a library name, a file or NESTML
// source (exactly one neuron model) and analyzes it.
func loihiModel(spec string, copts map[string]any) (*loihi.Neuron, loihi.Options, []byte, diag.List, error) {
	opts, err := loihiOptions(copts)
	if err != nil {
		return nil, opts, nil, nil, argErrorf("%v", err)
	}
	var path string
	var src []byte
	if s, ok := models.Source(spec); ok {
		path, src = spec+".nestml", s
	} else if strings.Contains(spec, "model ") && strings.Contains(spec, ":") {
		path, src = "<string>", []byte(spec)
	} else if b, err := os.ReadFile(spec); err == nil {
		path, src = spec, b
	} else {
		return nil, opts, nil, nil, argErrorf("unknown model %q: not a library model (%s), not a file and not NESTML source", spec, strings.Join(models.Names(), ", "))
	}
	r := pipeline.Compile(path, src, pipeline.Options{})
	if r.HasErrors() {
		return nil, opts, src, r.Diagnostics, nil
	}
	if len(r.Models) != 1 {
		return nil, opts, src, nil, argErrorf("%s defines %d models; give exactly one", path, len(r.Models))
	}
	an, ds := loihi.Analyze(r.Models[0], opts, src)
	ds.SetFile(path)
	if ds.HasErrors() || an == nil || an.Neuron == nil {
		if !ds.HasErrors() {
			return nil, opts, src, ds, argErrorf("%s is mapped to a plain connection; there is no neuron to run", r.Models[0].Name)
		}
		return nil, opts, src, ds, nil
	}
	return an.Neuron, opts, src, ds, nil
}

func loihiQuantize(in json.RawMessage) (any, error) {
	var a struct {
		Model       string         `json:"model"`
		CodegenOpts map[string]any `json:"codegen_opts"`
		Simulate    bool           `json:"simulate"`
	}
	if err := decode(in, &a); err != nil {
		return nil, err
	}
	n, opts, src, ds, err := loihiModel(a.Model, a.CodegenOpts)
	if err != nil {
		return nil, err
	}
	res := map[string]any{"diagnostics": records(ds)}
	if n == nil {
		return res, nil
	}
	var rep *loihi.QuantizationReport
	var qds diag.List
	if a.Simulate {
		_, rep, qds = loihi.Report(n, opts, src)
	} else {
		_, rep, qds = loihi.Quantize(n, opts)
	}
	ds = append(ds, qds...)
	res["diagnostics"] = records(ds)
	res["report"] = rep
	res["tier"], res["kind"] = n.Tier, n.Kind
	return res, nil
}

func loihiRun(in json.RawMessage) (any, error) {
	var a struct {
		Model       string          `json:"model"`
		CodegenOpts map[string]any  `json:"codegen_opts"`
		Stimulus    *loihi.Stimulus `json:"stimulus"`
		Runs        []string        `json:"runs"`
	}
	if err := decode(in, &a); err != nil {
		return nil, err
	}
	n, opts, _, ds, err := loihiModel(a.Model, a.CodegenOpts)
	if err != nil {
		return nil, err
	}
	res := map[string]any{"diagnostics": records(ds)}
	if n == nil {
		return res, nil
	}
	res["tier"], res["kind"] = n.Tier, n.Kind
	if a.Stimulus == nil {
		return nil, argErrorf("loihi_run: missing stimulus")
	}
	f, _, qds := loihi.Quantize(n, opts)
	ds = append(ds, qds...)
	res["diagnostics"] = records(ds)
	if qds.HasErrors() {
		return res, nil
	}
	if len(a.Runs) == 0 {
		a.Runs = []string{"fixed"}
	}
	for _, run := range a.Runs {
		var tr *loihi.Trace
		var err error
		switch run {
		case "fixed":
			tr, err = loihi.RunFixed(n, f, a.Stimulus)
		case "float":
			tr, err = loihi.RunFloat(n, a.Stimulus, nil)
		case "reference":
			tr, err = loihi.RunReference(n, a.Stimulus)
		default:
			return nil, argErrorf("loihi_run: unknown run %q (fixed, float, reference)", run)
		}
		if err != nil {
			return nil, errorf(KindSimulation, "loihi_run %s: %v", run, err)
		}
		res[run] = tr
	}
	res["voltage_scale"] = f.A
	return res, nil
}

func loihiExampleStimulus(in json.RawMessage) (any, error) {
	var a struct {
		Model       string         `json:"model"`
		CodegenOpts map[string]any `json:"codegen_opts"`
		N           int            `json:"n"`
		Steps       int            `json:"steps"`
	}
	a.N, a.Steps = 4, 1000
	if err := decode(in, &a); err != nil {
		return nil, err
	}
	n, opts, _, ds, err := loihiModel(a.Model, a.CodegenOpts)
	if err != nil {
		return nil, err
	}
	if n == nil {
		return nil, diagError(KindCodegen, "", ds)
	}
	return map[string]any{"stimulus": loihi.ExampleStimulus(n, opts, a.N, a.Steps)}, nil
}
