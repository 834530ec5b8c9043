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
	"math"
	"sort"
	"strings"

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
	Symbol *check.Symbol    // nil for convolution states
	Ode    *ast.OdeEquation // nil for convolution states
	Rhs    sym.Expr         // right-hand side in internal units (per ms)
	Conv   *Conv            // the convolution this state belongs to, or nil
}

// Conv is a kernel convolved with a spike port: the states K__X__p,
// K__X__p__d, … hold the convolution and its derivatives, and jump by
// W_p·IV at each spike (numerics.md §4.1).
type Conv struct {
	Kernel, Port string
	States       []int      // indices into Plan.States
	IV           []sym.Expr // jump vector, internal units
	Shape        *KernelShape
	// F is the kernel as a function of time (symbol TimeSymbol) for
	// function-of-time kernels, nil for ODE-form kernels.
	F sym.Expr
}

// Jump is a direct spike effect x += W_port·Coef applied when x is
// integrated (delta kernels and spike ports read in ODEs, numerics.md §4.5).
type Jump struct {
	State int // index into Plan.States
	Port  string
	Coef  sym.Expr
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
	Convs []*Conv
	// DeltaJumps are the direct spike jumps of delta kernels and spike
	// ports read in ODEs.
	DeltaJumps []*Jump
}

// FunctionLookup returns a lookup of the model's user-defined functions
// for Converter.Function.
func FunctionLookup(mi *check.ModelInfo) func(string) *check.Symbol {
	return func(name string) *check.Symbol {
		for _, f := range mi.Functions {
			if f.Name == name {
				return f
			}
		}
		return nil
	}
}

// HasRandom reports whether e calls a random-number function.
func HasRandom(e sym.Expr) bool {
	found := false
	sym.Walk(e, func(x sym.Expr) {
		if f, ok := x.(*sym.Fn); ok && strings.HasPrefix(f.Name, "random_") {
			found = true
		}
	})
	return found
}

func hasConvolve(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && c.Name.Name == "convolve" {
			found = true
		}
		return !found
	})
	return found
}

// StateName is the name of the state that holds symbol s in the analysis
// and the IR: a primed state variable g' (g”) becomes g__d (g__d__d), as
// upstream names it; other names are unchanged.
func StateName(s *check.Symbol) string {
	if s.Order == 0 {
		return s.Name
	}
	return strings.TrimRight(s.Name, "'") + strings.Repeat("__d", s.Order)
}

// ConvState returns the name of the state holding convolve(kernel, port)
// (derivative level d), as upstream names it.
func ConvState(kernel, port string, d int) string {
	n := strings.ReplaceAll(kernel, "$", "__DOLLAR") + "__X__" + port
	for i := 0; i < d; i++ {
		n += "__d"
	}
	return n
}

// Options.KernelMaxOrder default.
const defaultKernelMaxOrder = 8

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
		if s.Kind == check.SymState {
			p.Kinds[StateName(s)] = s.Kind
			return sym.S(StateName(s)), nil
		}
		p.Kinds[s.Name] = s.Kind
		return sym.S(s.Name), nil
	}
	// an equation may read a vector element with a constant index; it is
	// the symbol "x[k]" (the name of the element in the IR)
	conv.Index = func(v *ast.Variable, s *check.Symbol, idx sym.Expr) (sym.Expr, error) {
		n, ok := idx.(*sym.Num)
		if !ok || n.V != math.Trunc(n.V) || n.V < 0 {
			return nil, fmt.Errorf("the index of %s in an equation must be a constant non-negative integer", v.Name)
		}
		name := fmt.Sprintf("%s[%d]", s.Name, int(n.V))
		p.Kinds[name] = s.Kind
		return sym.S(name), nil
	}
	a := &analyzer{p: p, conv: conv, mi: mi, info: info, convs: map[string]*Conv{}, placeholders: map[string]string{}}
	conv.Convolve = a.convolve
	conv.Function = FunctionLookup(mi)
	var convStates []*State
	a.addConvState = func(st *State) int {
		convStates = append(convStates, st)
		return -len(convStates) // provisional, fixed below
	}
	for _, ode := range mi.ODEs {
		// an order-n ODE x^(n) = f defines the chain x' = x__d, …, and
		// x__d^(n-1)' = f over the states x, x', …, x^(n-1) of the state block
		n := ode.Lhs.Order
		prime := func(d int) string { return ode.Lhs.Name + strings.Repeat("'", d) }
		missing := false
		for d := 0; d < n; d++ {
			if s := mi.Lookup(prime(d)); s == nil || s.Kind != check.SymState {
				missing = true
			}
		}
		if missing {
			continue // reported by the checker
		}
		for d := 0; d < n-1; d++ {
			s := mi.Lookup(prime(d))
			p.Kinds[StateName(s)] = check.SymState
			p.States = append(p.States, &State{Name: StateName(s), Symbol: s, Ode: ode, Rhs: sym.S(StateName(mi.Lookup(prime(d + 1))))})
		}
		s := mi.Lookup(prime(n - 1))
		rhs, err := conv.Convert(ode.Rhs, derivType(s.Type))
		if err != nil {
			ds.Add(a.code(err), diag.Error, ode.Rhs.Span(), "", "cannot analyse the ODE of %s: %v", s.Name, err)
			continue
		}
		// direct spike effects: delta kernels and spike ports
		for _, name := range sym.Symbols(rhs) {
			port, isDelta := a.placeholders[name]
			if !isDelta {
				if k, ok := p.Kinds[name]; ok && k == check.SymSpikePort {
					port, isDelta = name, true
				}
			}
			if !isDelta {
				continue
			}
			coef, err := sym.D(rhs, name)
			stateSyms := map[string]bool{name: true}
			for _, st := range mi.State {
				stateSyms[StateName(st)] = true
			}
			if err != nil || !sym.Free(coef, stateSyms) {
				ds.Add(diag.Code("DELTA_NONLINEAR"), diag.Error, ode.Rhs.Span(), "",
					"a delta-kernel convolution or spike port must enter the equation of %s linearly", s.Name)
				continue
			}
			rhs = sym.Subst(rhs, map[string]sym.Expr{name: sym.Zero})
			p.DeltaJumps = append(p.DeltaJumps, &Jump{State: len(p.States), Port: port, Coef: coef})
		}
		p.States = append(p.States, &State{Name: StateName(s), Symbol: s, Ode: ode, Rhs: rhs})
	}
	// convolutions used only in inline expressions still get their states
	// (upstream creates them too; statements may read them)
	for _, s := range mi.Inlines {
		if s.Init == nil || !hasConvolve(s.Init) {
			continue
		}
		if _, err := conv.Convert(s.Init, s.Type); err != nil {
			ds.Add(a.code(err), diag.Error, s.Init.Span(), "", "cannot analyse inline expression %s: %v", s.Name, err)
		}
	}
	if a.err != nil {
		ds.Add(a.errCode, diag.Error, a.errRange, "", "%v", a.err)
	}
	if ds.HasErrors() {
		return p, ds
	}
	// convolution states follow the ODE states
	base := len(p.States)
	for _, st := range convStates {
		p.States = append(p.States, st)
	}
	for _, c := range p.Convs {
		for i := range c.States {
			c.States[i] = base + (-c.States[i] - 1)
		}
	}
	// convolution state right-hand sides were built with provisional names;
	// they refer to states by name, so nothing else needs fixing.
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
			if rem, us, coefs, ok := p.linearChannels(b[i]); ok {
				if !sym.IsZero(rem) {
					b0 = append(b0, rem)
				}
				for ci, u := range us {
					k, ok := chanIdx[u]
					if !ok {
						k = len(blk.Channels)
						chanIdx[u] = k
						blk.Channels = append(blk.Channels, sym.S(u))
						blk.BCols = append(blk.BCols, make([]sym.Expr, len(vars)))
					}
					blk.BCols[k][bi] = coefs[ci]
				}
				if len(b0) > 0 {
					blk.B0 = append(blk.B0, sym.Add(b0...))
				} else {
					blk.B0 = append(blk.B0, nil)
				}
				continue
			}
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
	if HasRandom(e) {
		return false
	}
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

// linearChannels writes b = rem + Σ coef_k·u_k with constant rem and coef_k
// over the per-step symbols u_k of b (continuous inputs, runtime-assigned
// state, t), when b is linear in them; ok is false otherwise.
func (p *Plan) linearChannels(b sym.Expr) (rem sym.Expr, us []string, coefs []sym.Expr, ok bool) {
	zero := map[string]sym.Expr{}
	for _, s := range sym.Symbols(b) {
		if s == StepSymbol {
			continue
		}
		if k, isK := p.Kinds[s]; !isK || (k != check.SymParam && k != check.SymInternal) {
			us = append(us, s)
			zero[s] = sym.Zero
		}
	}
	if HasRandom(b) {
		return nil, nil, nil, false
	}
	rem = sym.Subst(b, zero)
	if !p.constant(rem) {
		return nil, nil, nil, false
	}
	lin := rem
	for _, u := range us {
		d, err := sym.D(b, u)
		if err != nil || !p.constant(d) {
			return nil, nil, nil, false
		}
		coefs = append(coefs, d)
		lin = sym.Add(lin, sym.Mul(d, sym.S(u)))
	}
	if !sym.IsZero(sym.Sub(b, lin)) {
		return nil, nil, nil, false
	}
	return rem, us, coefs, true
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
