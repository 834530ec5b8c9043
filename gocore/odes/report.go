package odes

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/check"
	"nestml_go/gocore/expm"
	"nestml_go/gocore/sym"
)

// SolverReport is the JSON solver report of numerics.md §8; its "solvers"
// entries use ODE-toolbox's field names.
type SolverReport struct {
	Format         string       `json:"format"`
	Model          string       `json:"model"`
	TimestepSymbol string       `json:"timestep_symbol"`
	Timestep       float64      `json:"timestep"`
	Solvers        []SolverDict `json:"solvers"`
	NestmlGo       ReportExtras `json:"nestml_go"`
}

// SolverDict is one ODE-toolbox-compatible solver entry.
type SolverDict struct {
	Solver            string            `json:"solver"`
	StateVariables    []string          `json:"state_variables"`
	InitialValues     map[string]string `json:"initial_values"`
	Parameters        map[string]string `json:"parameters"`
	Propagators       map[string]string `json:"propagators,omitempty"`
	UpdateExpressions map[string]string `json:"update_expressions"`
}

// ReportExtras is the nestml_go block of the report.
type ReportExtras struct {
	ClassificationPolicy string              `json:"classification_policy"`
	AnalyticStateVars    []string            `json:"analytic_state_variables"`
	NumericStateVars     []string            `json:"numeric_state_variables"`
	Blocks               []ReportBlock       `json:"blocks"`
	InputChannels        []map[string]string `json:"input_channels"`
	Kernels              []ReportKernel      `json:"kernels"`
	DeltaJumps           []map[string]string `json:"delta_jumps"`
	PropagatorMethod     string              `json:"propagator_method"`
	Stiffness            any                 `json:"stiffness"`
	Warnings             []map[string]string `json:"warnings"`
}

// ReportBlock describes one analytic block.
type ReportBlock struct {
	Variables []string `json:"variables"`
	Kind      string   `json:"kind"`
	Dynamic   bool     `json:"dynamic"`
}

// ReportKernel describes one convolution.
type ReportKernel struct {
	Kernel        string            `json:"kernel"`
	Port          string            `json:"port"`
	Order         int               `json:"order"`
	Method        string            `json:"method"`
	States        []string          `json:"states"`
	InitialValues map[string]string `json:"initial_values"`
}

// Defaults evaluates the model's parameters and internals at their default
// values (internal units), with resolution() = h.
func Defaults(info *check.Info, mi *check.ModelInfo, h float64) (map[string]float64, error) {
	env := map[string]float64{StepSymbol: h, TimeSymbol: 0}
	c := &Converter{Info: info, Function: FunctionLookup(mi)}
	c.Resolve = func(v *ast.Variable, s *check.Symbol) (sym.Expr, error) {
		if s.Kind == check.SymState {
			return sym.S(StateName(s)), nil
		}
		return sym.S(s.Name), nil
	}
	// parameters, internals and state initial values may refer to one
	// another in any order the checker accepts: evaluate to a fixed point
	type item struct {
		name string
		s    *check.Symbol
	}
	var items []item
	for _, list := range [][]*check.Symbol{mi.Params, mi.Internals, mi.State} {
		for _, s := range list {
			items = append(items, item{StateName(s), s})
		}
	}
	var lastErr error
	for pass := 0; pass <= len(items); pass++ {
		progress, missing := false, false
		for _, it := range items {
			if _, done := env[it.name]; done {
				continue
			}
			if it.s.Init == nil {
				env[it.name] = 0
				progress = true
				continue
			}
			x, err := c.Convert(it.s.Init, it.s.Type)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", it.name, err)
			}
			v, err := sym.Eval(x, env)
			if err != nil {
				missing, lastErr = true, fmt.Errorf("%s: %v", it.name, err)
				continue
			}
			env[it.name] = v
			progress = true
		}
		if !missing {
			return env, nil
		}
		if !progress {
			break
		}
	}
	return nil, lastErr
}

// Report builds the solver report of a plan, with propagators evaluated at
// the default parameters and step h.
func Report(info *check.Info, p *Plan, h float64) (*SolverReport, error) {
	env, err := Defaults(info, p.Model, h)
	if err != nil {
		return nil, err
	}
	r := &SolverReport{
		Format: "nestml_go.solver_report/1", Model: p.Model.Model.Name.Name,
		TimestepSymbol: StepSymbol, Timestep: h,
		NestmlGo: ReportExtras{ClassificationPolicy: "nestml", PropagatorMethod: "pade13-ss-balanced",
			AnalyticStateVars: []string{}, NumericStateVars: []string{}, Blocks: []ReportBlock{},
			InputChannels: []map[string]string{}, Kernels: []ReportKernel{}, DeltaJumps: []map[string]string{}, Warnings: []map[string]string{}},
	}
	iv := func(st *State) string {
		if st.Conv != nil {
			for k, si := range st.Conv.States {
				if p.States[si] == st {
					return sym.Print(st.Conv.IV[k], sym.Plain)
				}
			}
		}
		if st.Symbol != nil && st.Symbol.Init != nil {
			c := &Converter{Info: info, Resolve: resolveToName}
			if x, err := c.Convert(st.Symbol.Init, st.Symbol.Type); err == nil {
				return sym.Print(x, sym.Plain)
			}
		}
		return "0"
	}
	params := func(exprs []sym.Expr) map[string]string {
		out := map[string]string{}
		for _, e := range exprs {
			if e == nil {
				continue
			}
			for _, s := range sym.Symbols(e) {
				if k, ok := p.Kinds[s]; ok && (k == check.SymParam || k == check.SymInternal) {
					out[s] = fmtNum(env[s])
				}
			}
		}
		return out
	}
	if len(p.Analytic) > 0 {
		sd := SolverDict{Solver: "analytical", InitialValues: map[string]string{}, Propagators: map[string]string{}, UpdateExpressions: map[string]string{}}
		var used []sym.Expr
		chanSeen := map[string]bool{}
		for _, b := range p.Analytic {
			n := len(b.Vars)
			m := 1 + len(b.Channels)
			a := make([]float64, n*n)
			cm := make([]float64, n*m)
			var names []string
			for r, si := range b.Vars {
				names = append(names, p.States[si].Name)
				for c := 0; c < n; c++ {
					if b.A[r][c] != nil {
						used = append(used, b.A[r][c])
						v, err := sym.Eval(b.A[r][c], env)
						if err != nil {
							return nil, err
						}
						a[r*n+c] = v
					}
				}
				if b.B0[r] != nil {
					used = append(used, b.B0[r])
					v, err := sym.Eval(b.B0[r], env)
					if err != nil {
						return nil, err
					}
					cm[r*m] = v
				}
				for k := range b.Channels {
					if e := b.BCols[k][r]; e != nil {
						used = append(used, e)
						v, err := sym.Eval(e, env)
						if err != nil {
							return nil, err
						}
						cm[r*m+1+k] = v
					}
				}
			}
			kind := "general"
			if n == 1 {
				kind = "scalar"
				if a[0] == 0 {
					kind = "integrator"
				}
			}
			r.NestmlGo.Blocks = append(r.NestmlGo.Blocks, ReportBlock{Variables: names, Kind: kind})
			for _, u := range b.Channels {
				if !chanSeen[sym.Print(u, sym.Plain)] {
					chanSeen[sym.Print(u, sym.Plain)] = true
					r.NestmlGo.InputChannels = append(r.NestmlGo.InputChannels, map[string]string{"name": sym.Print(u, sym.Plain), "expression": sym.Print(u, sym.Plain)})
				}
			}
			P, Q, err := expm.Propagator(a, n, cm, m, h)
			if err != nil {
				return nil, err
			}
			for rr, si := range b.Vars {
				name := p.States[si].Name
				sd.StateVariables = append(sd.StateVariables, name)
				r.NestmlGo.AnalyticStateVars = append(r.NestmlGo.AnalyticStateVars, name)
				sd.InitialValues[name] = iv(p.States[si])
				var terms []string
				for c := 0; c < n; c++ {
					if P[rr*n+c] == 0 {
						continue
					}
					key := "__P__" + name + "__" + p.States[b.Vars[c]].Name
					sd.Propagators[key] = closedForm(b, rr, c, h, P[rr*n+c])
					terms = append(terms, key+"*"+p.States[b.Vars[c]].Name)
				}
				if Q[rr*m] != 0 {
					key := "__Q__" + name
					sd.Propagators[key] = fmtNum(Q[rr*m])
					terms = append(terms, key)
				}
				for k, u := range b.Channels {
					if Q[rr*m+1+k] != 0 {
						key := "__Q__" + name + "__" + sym.Print(u, sym.Plain)
						sd.Propagators[key] = fmtNum(Q[rr*m+1+k])
						terms = append(terms, key+"*"+sym.Print(u, sym.Plain))
					}
				}
				if len(terms) == 0 {
					terms = []string{"0"}
				}
				sd.UpdateExpressions[name] = strings.Join(terms, " + ")
			}
		}
		sd.Parameters = params(used)
		r.Solvers = append(r.Solvers, sd)
	}
	if len(p.Numeric) > 0 {
		sd := SolverDict{Solver: "numeric", InitialValues: map[string]string{}, UpdateExpressions: map[string]string{}}
		var used []sym.Expr
		for _, st := range p.States {
			sd.StateVariables = append(sd.StateVariables, st.Name)
			r.NestmlGo.NumericStateVars = append(r.NestmlGo.NumericStateVars, st.Name)
			sd.InitialValues[st.Name] = iv(st)
			sd.UpdateExpressions[st.Name] = sym.Print(st.Rhs, sym.Plain)
			used = append(used, st.Rhs)
		}
		sd.Parameters = params(used)
		r.Solvers = append(r.Solvers, sd)
	}
	for _, c := range p.Convs {
		k := ReportKernel{Kernel: c.Kernel, Port: c.Port, Order: len(c.States), Method: "ode", InitialValues: map[string]string{}}
		if c.Shape != nil {
			k.Method = c.Shape.Method
		}
		for i, si := range c.States {
			k.States = append(k.States, p.States[si].Name)
			k.InitialValues[p.States[si].Name] = sym.Print(c.IV[i], sym.Plain)
		}
		r.NestmlGo.Kernels = append(r.NestmlGo.Kernels, k)
	}
	for _, j := range p.DeltaJumps {
		r.NestmlGo.DeltaJumps = append(r.NestmlGo.DeltaJumps, map[string]string{"target": p.States[j.State].Name, "port": j.Port, "factor": sym.Print(j.Coef, sym.Plain)})
	}
	return r, nil
}

func resolveToName(_ *ast.Variable, s *check.Symbol) (sym.Expr, error) { return sym.S(s.Name), nil }

// closedForm prints a propagator entry in closed form where numerics.md
// §5.3 computes it so (integrators, scalar decays, source rows), else the
// number.
func closedForm(b *Block, r, c int, h float64, v float64) string {
	if r != c {
		return fmtNum(v)
	}
	for cc := range b.A[r] {
		if cc != r && b.A[r][cc] != nil {
			return fmtNum(v)
		}
	}
	if b.A[r][r] == nil {
		return "1"
	}
	return "exp(" + sym.Print(sym.Mul(sym.S(StepSymbol), b.A[r][r]), sym.Plain) + ")"
}

func fmtNum(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', 17, 64)
}
