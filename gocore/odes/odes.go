// Package odes analyses a model's ODE system: it writes the right-hand sides
// in internal units, splits them into x' = A·x + b + c(x), classifies every
// state as analytic (exact propagators) or numeric (RKF45) by the rules of
// numerics.md §3, and groups the analytic variables into connected blocks
// whose input channels are separated from their constant affine part (§5.2).
//
// The analysis is symbolic (package sym); numbers are produced only later,
// when parameters are bound (package expm, called by the backends).
package odes

import (
	"fmt"
	"sort"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/check"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/sym"
	"nestml_go/gocore/units"
)

// Options configure the analysis; the zero value is NESTML's default policy.
type Options struct {
	// Numeric disables propagators (codegen option solver="numeric").
	Numeric bool
}

// State is one ODE state variable.
type State struct {
	Name   string
	Symbol *check.Symbol
	Ode    *ast.OdeEquation
	Rhs    sym.Expr // right-hand side in internal units (per ms)
}

// Block is a connected analytic block x' = A·x + b0 + Σ_k BCols[k]·u_k.
type Block struct {
	Vars     []int // indices into Plan.States
	A        [][]sym.Expr
	B0       []sym.Expr
	Channels []sym.Expr
	BCols    [][]sym.Expr
}

// Plan is the result of the analysis of one model.
type Plan struct {
	Model    *check.ModelInfo
	States   []*State
	Analytic []*Block
	// Numeric lists the states (indices into States) that need numeric
	// integration.
	Numeric []int
	// Kind of every symbol name that occurs in right-hand sides.
	Kinds map[string]check.SymKind
}

// IsAnalytic reports whether state i is solved by propagators.
func (p *Plan) IsAnalytic(i int) bool {
	for _, b := range p.Analytic {
		for _, v := range b.Vars {
			if v == i {
				return true
			}
		}
	}
	return false
}

// Analyze analyses the ODEs of a checked model.
func Analyze(info *check.Info, mi *check.ModelInfo, opts Options) (*Plan, diag.List) {
	var ds diag.List
	p := &Plan{Model: mi, Kinds: map[string]check.SymKind{}}
	conv := &Converter{Info: info}
	var inlineStack []string
	conv.Resolve = func(v *ast.Variable, s *check.Symbol) (sym.Expr, error) {
		switch s.Kind {
		case check.SymInline:
			for _, n := range inlineStack {
				if n == s.Name {
					return nil, fmt.Errorf("inline expression %s refers to itself", s.Name)
				}
			}
			inlineStack = append(inlineStack, s.Name)
			defer func() { inlineStack = inlineStack[:len(inlineStack)-1] }()
			return conv.Convert(s.Init, s.Type)
		case check.SymKernel:
			return nil, fmt.Errorf("kernels are not supported by this release's analysis")
		case check.SymFunction, check.SymLocal, check.SymFuncParam:
			return nil, fmt.Errorf("%s %s cannot appear in an ODE", s.Kind, s.Name)
		}
		p.Kinds[s.Name] = s.Kind
		return sym.S(s.Name), nil
	}
	for _, ode := range mi.ODEs {
		if ode.Lhs.Order != 1 {
			ds.Add(diag.AnalysisUnsupported, diag.Error, ode.Rng, "write it as a system of first-order ODEs",
				"higher-order ODEs are not supported by this release's analysis")
			continue
		}
		s := mi.Lookup(ode.Lhs.Name)
		if s == nil {
			continue
		}
		rhs, err := conv.Convert(ode.Rhs, derivType(s.Type))
		if err != nil {
			ds.Add(diag.AnalysisUnsupported, diag.Error, ode.Rhs.Span(), "", "cannot analyse the ODE of %s: %v", s.Name, err)
			continue
		}
		p.States = append(p.States, &State{Name: s.Name, Symbol: s, Ode: ode, Rhs: rhs})
	}
	if ds.HasErrors() {
		return p, ds
	}
	p.classify(opts)
	return p, ds
}

// derivType is the type of the derivative of a state of type t: t/s, which
// the converter only uses to decide whether plain numbers need a factor.
func derivType(t check.Type) check.Type {
	if t.Kind != check.Quantity {
		return t
	}
	return check.QuantityOf(t.Unit.Div(secondUnit()))
}

func (p *Plan) classify(opts Options) {
	n := len(p.States)
	stateSet := map[string]bool{}
	for _, s := range p.States {
		stateSet[s.Name] = true
	}
	A := make([][]sym.Expr, n)
	b := make([]sym.Expr, n)
	linear := make([]bool, n)
	deps := make([]map[int]bool, n)
	zero := map[string]sym.Expr{}
	for _, s := range p.States {
		zero[s.Name] = sym.Zero
	}
	for i, s := range p.States {
		A[i] = make([]sym.Expr, n)
		deps[i] = map[int]bool{}
		linear[i] = !opts.Numeric
		lin := sym.Expr(sym.Zero)
		for j, x := range p.States {
			occurs := !sym.Free(s.Rhs, map[string]bool{x.Name: true})
			if !occurs {
				continue
			}
			deps[i][j] = true
			d, err := sym.D(s.Rhs, x.Name)
			if err != nil || !sym.Free(d, stateSet) {
				linear[i] = false
				continue
			}
			if !sym.IsZero(d) {
				A[i][j] = d
				lin = sym.Add(lin, sym.Mul(d, sym.S(x.Name)))
			}
		}
		b[i] = sym.Subst(s.Rhs, zero)
		if linear[i] && !sym.IsZero(sym.Sub(s.Rhs, sym.Add(lin, b[i]))) {
			linear[i] = false
		}
		// per-step quantities multiplying a state would make the block
		// dynamic; this release treats such rows as numeric.
		for j := range A[i] {
			if A[i][j] != nil && !p.constant(A[i][j]) {
				linear[i] = false
			}
		}
	}
	analytic := append([]bool(nil), linear...)
	// (E1) inhomogeneous variable inside a cycle of A
	comp := scc(n, func(i, j int) bool { return A[i][j] != nil })
	size := map[int]int{}
	for _, c := range comp {
		size[c]++
	}
	for i := range p.States {
		if analytic[i] && !sym.IsZero(b[i]) && size[comp[i]] > 1 {
			analytic[i] = false
		}
	}
	// (E2) coupling to an inhomogeneous variable
	for i := range p.States {
		for j := range p.States {
			if j != i && A[i][j] != nil && !sym.IsZero(b[j]) {
				analytic[i] = false
			}
		}
	}
	// propagation: anything depending on a non-analytic variable
	changed := true
	for changed {
		changed = false
		for i := range p.States {
			if !analytic[i] {
				continue
			}
			for j := range deps[i] {
				if !analytic[j] {
					analytic[i] = false
					changed = true
					break
				}
			}
		}
	}
	// blocks: connected components of the undirected pattern of A
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			i = parent[i]
		}
		return i
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if analytic[i] && analytic[j] && A[i][j] != nil {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := 0; i < n; i++ {
		if !analytic[i] {
			p.Numeric = append(p.Numeric, i)
			continue
		}
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	sort.Slice(roots, func(x, y int) bool { return groups[roots[x]][0] < groups[roots[y]][0] })
	for _, r := range roots {
		vars := groups[r]
		blk := &Block{Vars: vars}
		chanIdx := map[string]int{}
		for bi, i := range vars {
			row := make([]sym.Expr, len(vars))
			for bj, j := range vars {
				row[bj] = A[i][j]
			}
			blk.A = append(blk.A, row)
			var b0 []sym.Expr
			for _, term := range terms(b[i]) {
				if p.constant(term) {
					b0 = append(b0, term)
					continue
				}
				u, coef := p.channel(term)
				k, ok := chanIdx[u.String()]
				if !ok {
					k = len(blk.Channels)
					chanIdx[u.String()] = k
					blk.Channels = append(blk.Channels, u)
					blk.BCols = append(blk.BCols, make([]sym.Expr, len(vars)))
				}
				if blk.BCols[k][bi] == nil {
					blk.BCols[k][bi] = coef
				} else {
					blk.BCols[k][bi] = sym.Add(blk.BCols[k][bi], coef)
				}
			}
			if len(b0) > 0 {
				blk.B0 = append(blk.B0, sym.Add(b0...))
			} else {
				blk.B0 = append(blk.B0, nil)
			}
		}
		p.Analytic = append(p.Analytic, blk)
	}
}

// constant reports whether e depends only on binding-time constants
// (parameters, internals, the step size).
func (p *Plan) constant(e sym.Expr) bool {
	for _, s := range sym.Symbols(e) {
		if s == StepSymbol {
			continue
		}
		k, ok := p.Kinds[s]
		if !ok || (k != check.SymParam && k != check.SymInternal) {
			return false
		}
	}
	return true
}

// channel splits a non-constant additive term into an input u and its
// constant coefficient: the term is linear in exactly one per-step symbol
// with a constant coefficient, or else it is its own channel.
func (p *Plan) channel(term sym.Expr) (u, coef sym.Expr) {
	var perStep []string
	for _, s := range sym.Symbols(term) {
		if s == StepSymbol {
			continue
		}
		if k, ok := p.Kinds[s]; !ok || (k != check.SymParam && k != check.SymInternal) {
			perStep = append(perStep, s)
		}
	}
	if len(perStep) == 1 {
		d, err := sym.D(term, perStep[0])
		if err == nil && p.constant(d) && sym.IsZero(sym.Sub(term, sym.Mul(d, sym.S(perStep[0])))) {
			return sym.S(perStep[0]), d
		}
	}
	return term, sym.One
}

func terms(e sym.Expr) []sym.Expr {
	if s, ok := e.(*sym.Sum); ok {
		return s.Terms
	}
	if n, ok := e.(*sym.Num); ok && n.V == 0 {
		return nil
	}
	return []sym.Expr{e}
}

// scc returns the strongly connected component id of each node.
func scc(n int, edge func(i, j int) bool) []int {
	index := make([]int, n)
	low := make([]int, n)
	on := make([]bool, n)
	comp := make([]int, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next, ncomp := 0, 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		on[v] = true
		for w := 0; w < n; w++ {
			if !edge(v, w) {
				continue
			}
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if on[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[w] = false
				comp[w] = ncomp
				if w == v {
					break
				}
			}
			ncomp++
		}
	}
	for v := 0; v < n; v++ {
		if index[v] < 0 {
			visit(v)
		}
	}
	return comp
}

func secondUnit() units.Unit { return units.MustLookup("s") }
