package main

import (
	"encoding/json"
	"os"

	"nestml_go/gocore/odes"
	"nestml_go/gocore/pipeline"
)

func init() {
	register("odes", odesHandler)
}

// odesHandler returns the solver report (numerics.md §8) of every model of
// one source: {"path"|"source", "timestep"} → {"reports": [...],
// "diagnostics": [...]}. Models with errors have no report; their
// diagnostics say why.
func odesHandler(in json.RawMessage) (any, error) {
	var a struct {
		Path     *string  `json:"path"`
		Source   *string  `json:"source"`
		Timestep *float64 `json:"timestep"`
		Solver   string   `json:"solver"`
	}
	if err := decode(in, &a); err != nil {
		return nil, err
	}
	h := 0.1
	if a.Timestep != nil {
		if !(*a.Timestep > 0) {
			return nil, argErrorf("timestep must be positive, got %v", *a.Timestep)
		}
		h = *a.Timestep
	}
	name := "<string>"
	var src []byte
	switch {
	case a.Source != nil:
		src = []byte(*a.Source)
		if a.Path != nil {
			name = *a.Path
		}
	case a.Path != nil:
		name = *a.Path
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, argErrorf("cannot read %s: %v", name, err)
		}
		src = b
	default:
		return nil, argErrorf("odes: give \"path\" or \"source\"")
	}
	opts := pipeline.Options{}
	if a.Solver == "numeric" {
		opts.Odes.Numeric = true
	}
	r := pipeline.Compile(name, src, opts)
	reports := []*odes.SolverReport{}
	for _, p := range r.Plans {
		rep, err := odes.Report(r.Info, p, h)
		if err != nil {
			return nil, errorf(KindSolver, "%s: %v", p.Model.Model.Name.Name, err)
		}
		reports = append(reports, rep)
	}
	return map[string]any{"reports": reports, "diagnostics": records(r.Diagnostics)}, nil
}
