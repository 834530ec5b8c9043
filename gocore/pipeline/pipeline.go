// Package pipeline chains the front end and the analysis stages — parse,
// check, ODE analysis, lowering — into one call that turns NESTML source
// into IR models plus every diagnostic found on the way. Backends (sim,
// codegen) start from its result; it imports none of them.
package pipeline

import (
	"fmt"
	"os"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/check"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/ir"
	"nestml_go/gocore/odes"
	"nestml_go/gocore/syntax"
)

// Options configure all stages; the zero value is the default (language
// level 9.0, lenient, NESTML's analytic policy).
type Options struct {
	Check check.Options
	Odes  odes.Options
	// CheckOnly stops after the checker (no analysis, no lowering).
	CheckOnly bool
	// NumericSolver is "rk45" (default), "rk4" or "forward-Euler"
	// (codegen option numeric_solver); Controller is
	// "with_respect_to_solution" (default) or "with_respect_to_derivative"
	// (codegen option gsl_adaptive_step_size_controller).
	NumericSolver, Controller string
}

// Validate reports an error for unknown option values.
func (o Options) Validate() error {
	switch o.NumericSolver {
	case "", "rk45", "rk4", "forward-Euler":
	default:
		return fmt.Errorf("unknown numeric_solver %q (rk45, rk4, forward-Euler)", o.NumericSolver)
	}
	switch o.Controller {
	case "", "with_respect_to_solution", "with_respect_to_derivative":
	default:
		return fmt.Errorf("unknown gsl_adaptive_step_size_controller %q (with_respect_to_solution, with_respect_to_derivative)", o.Controller)
	}
	return nil
}

// Result is what the pipeline produced for one source file.
type Result struct {
	Path        string
	File        *ast.File
	Info        *check.Info
	Plans       []*odes.Plan
	Models      []*ir.Model // one per model without errors
	Diagnostics diag.List
}

// HasErrors reports whether any stage reported an error.
func (r *Result) HasErrors() bool { return r.Diagnostics.HasErrors() }

// Compile runs the pipeline over one source text.
func Compile(path string, src []byte, opts Options) *Result {
	r := &Result{Path: path}
	f, ds := syntax.Parse(path, src)
	r.File = f
	r.Diagnostics = append(r.Diagnostics, ds...)
	if ds.HasErrors() {
		// lexical and syntax errors invalidate the whole file
		r.finish()
		return r
	}
	info, cds := check.Check(f, opts.Check)
	r.Info = info
	r.Diagnostics = append(r.Diagnostics, cds...)
	if opts.CheckOnly {
		r.finish()
		return r
	}
	for _, mi := range info.Models {
		if !mi.Valid {
			continue
		}
		plan, pds := odes.Analyze(info, mi, opts.Odes)
		setModel(pds, mi)
		r.Diagnostics = append(r.Diagnostics, pds...)
		if pds.HasErrors() {
			continue
		}
		r.Plans = append(r.Plans, plan)
		m, lds := ir.Lower(src, path, info, mi, plan)
		setModel(lds, mi)
		r.Diagnostics = append(r.Diagnostics, lds...)
		if !lds.HasErrors() {
			if m.Numeric != nil {
				if opts.NumericSolver != "" {
					m.Numeric.Method = opts.NumericSolver
				}
				if opts.Controller != "" {
					m.Numeric.Controller = opts.Controller
				}
			}
			r.Models = append(r.Models, m)
		}
	}
	r.finish()
	return r
}

func setModel(ds diag.List, mi *check.ModelInfo) {
	for i := range ds {
		if ds[i].Model == "" {
			ds[i].Model = mi.Model.Name.Name
		}
	}
}

func (r *Result) finish() {
	r.Diagnostics.SetFile(r.Path)
	r.Diagnostics.Sort()
}

// CompileFile reads and compiles a file.
func CompileFile(path string, opts Options) *Result {
	src, err := os.ReadFile(path)
	if err != nil {
		r := &Result{Path: path, File: &ast.File{Path: path}}
		r.Diagnostics.Add(diag.IOError, diag.Error, ast.Range{}, "", "cannot read %s: %v", path, err)
		r.finish()
		return r
	}
	return Compile(path, src, opts)
}
