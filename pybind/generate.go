package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"

	"nestml_go/gocore/check"
	"nestml_go/gocore/codegen/nest"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/ir"
	"nestml_go/gocore/pipeline"
)

// generateArgs is the argument object of "generate_nest". The Python layer
// has already validated codegen_opts keys; the ones the generator needs are
// read here, the build-related ones stay in Python.
type generateArgs struct {
	InputPaths  []string       `json:"input_paths"`
	TargetPath  string         `json:"target_path"`
	ModuleName  string         `json:"module_name"`
	Suffix      string         `json:"suffix"`
	CodegenOpts map[string]any `json:"codegen_opts"`
}

func init() {
	register("generate_nest", generateNest)
}

// generateNest compiles every input file, and — if no model has an error —
// writes the C++ module sources into target_path. Diagnostics are returned
// as results; the caller decides whether errors are fatal.
func generateNest(in json.RawMessage) (any, error) {
	var a generateArgs
	if err := decode(in, &a); err != nil {
		return nil, err
	}
	if len(a.InputPaths) == 0 {
		return nil, argErrorf("generate_nest: no input files")
	}
	if a.TargetPath == "" {
		return nil, argErrorf("generate_nest: missing target_path")
	}
	popts := pipeline.Options{}
	if s, ok := a.CodegenOpts["solver"].(string); ok && s == "numeric" {
		popts.Odes.Numeric = true
	}
	if s, ok := a.CodegenOpts["numeric_solver"].(string); ok {
		popts.NumericSolver = s
	}
	if s, ok := a.CodegenOpts["gsl_adaptive_step_size_controller"].(string); ok {
		popts.Controller = s
	}
	if err := popts.Validate(); err != nil {
		return nil, argErrorf("%v", err)
	}
	var all diag.List
	var models []*ir.Model
	homogeneous := map[string][]string{}
	where := map[string]modelPos{}
	var infos []*check.Info
	for _, p := range a.InputPaths {
		r := pipeline.CompileFile(p, popts)
		all = append(all, r.Diagnostics...)
		models = append(models, r.Models...)
		collectModelInfo(r, homogeneous, where)
		infos = append(infos, r.Info)
	}
	// NEST pre-flight checks (checks.md §4.15): reported as diagnostics
	// before any C++ is written.
	copts, err := check.NESTOptionsFromMap(normalizePairs(a.CodegenOpts))
	if err != nil {
		return nil, argErrorf("%v", err)
	}
	all = append(all, check.PreflightNEST(infos, copts)...)
	all.Sort()
	res := map[string]any{"diagnostics": records(all), "files": []string{}, "models": []string{}}
	if all.HasErrors() || len(models) == 0 {
		return res, nil
	}
	opts := nest.Options{ModuleName: a.ModuleName, Suffix: a.Suffix}
	if s, ok := a.CodegenOpts["neuron_parent_class"].(string); ok {
		opts.ParentClass = s
	}
	if s, ok := a.CodegenOpts["neuron_parent_class_include"].(string); ok {
		opts.ParentInclude = s
	}
	if s, ok := a.CodegenOpts["nest_version"].(string); ok {
		opts.NestVersion = s
	}
	if err := synapseOptions(a.CodegenOpts, &opts); err != nil {
		return nil, argErrorf("%v", err)
	}
	opts.Homogeneous = homogeneous
	files, err := nest.Generate(models, opts)
	if err != nil {
		var pe *nest.PreflightError
		if errors.As(err, &pe) {
			// a model error the generator found: reported as a diagnostic
			all = append(all, pe.Diagnostic(where))
			res["diagnostics"] = records(all)
			return res, nil
		}
		return nil, errorf(KindCodegen, "%v", err)
	}
	if err := os.MkdirAll(a.TargetPath, 0o755); err != nil {
		return nil, argErrorf("cannot create %s: %v", a.TargetPath, err)
	}
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		dst := filepath.Join(a.TargetPath, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return nil, argErrorf("cannot create %s: %v", filepath.Dir(dst), err)
		}
		if err := os.WriteFile(dst, files[name], 0o644); err != nil {
			return nil, argErrorf("cannot write %s: %v", dst, err)
		}
	}
	var mnames []string
	for _, m := range models {
		mnames = append(mnames, m.Name+a.Suffix)
	}
	res["files"] = names
	res["models"] = mnames
	return res, nil
}
