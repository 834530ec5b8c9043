package ir

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/check"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/odes"
	"nestml_go/gocore/sym"
)

// Lower turns a checked, analysed model into its IR. The model must have no
// check errors. Constructs this release cannot lower are reported as
// LOWERING_UNSUPPORTED diagnostics.
func Lower(src []byte, path string, info *check.Info, mi *check.ModelInfo, plan *odes.Plan) (model *Model, diags diag.List) {
	sum := sha256.Sum256(src)
	l := &lowerer{
		info: info, mi: mi, plan: plan,
		m:      &Model{Name: mi.Model.Name.Name, SourceFile: path, SourceHash: hex.EncodeToString(sum[:]), IsSynapse: mi.IsSynapse},
		byName: map[string]*Ref{},
	}
	l.conv = &odes.Converter{Info: info, Resolve: l.resolve, Convolve: l.convolve, Function: odes.FunctionLookup(mi)}
	l.conv.Index = l.index
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(lowerError); ok {
				l.diags.Add(diag.LoweringUnsupported, diag.Error, e.rng, "", "%s", e.msg)
				model, diags = l.m, l.diags
				return
			}
			panic(r)
		}
	}()
	l.lower()
	return l.m, l.diags
}

type lowerError struct {
	rng ast.Range
	msg string
}

type lowerer struct {
	info   *check.Info
	mi     *check.ModelInfo
	plan   *odes.Plan
	m      *Model
	conv   *odes.Converter
	diags  diag.List
	byName map[string]*Ref
	// locals: scopes of name → local ref
	scopes      []map[string]*Ref
	nlocals     int
	inlineStack []string
	// odeIndex maps state names to numeric-vector components while the
	// numeric right-hand sides are lowered.
	odeIndex map[string]int
	// vectors by name (variables and ports)
	vectors map[string]*Vector
}

func (l *lowerer) fail(r ast.Range, format string, args ...any) {
	panic(lowerError{r, fmt.Sprintf(format, args...)})
}

func irType(t check.Type) Type {
	switch t.Kind {
	case check.Integer:
		return Integer
	case check.Boolean:
		return Boolean
	case check.String:
		return String
	}
	return Real
}

func unitInfo(t check.Type) (string, float64) {
	if t.Kind != check.Quantity {
		return "", 1
	}
	return t.Unit.String(), t.Unit.ToInternal()
}

func (l *lowerer) lower() {
	m := l.m
	l.vectors = map[string]*Vector{}
	add := func(list *[]*Var, s *check.Symbol, kind VarKind) {
		if s.VectorSize != nil && l.mi.IsSynapse {
			l.fail(s.Pos, "vector variables in synapses are not supported by this release's lowering")
		}
		u, f := unitInfo(s.Type)
		name := odes.StateName(s)
		if s.VectorSize != nil {
			vec := l.vector(s, kind, len(*list))
			for k := 0; k < vec.Size; k++ {
				en := elemName(name, k)
				v := &Var{Name: en, Kind: kind, Index: len(*list), Type: irType(s.Type), Unit: u, Factor: f}
				*list = append(*list, v)
				l.byName[en] = &Ref{Kind: kind, Index: v.Index, Name: en}
			}
			return
		}
		v := &Var{Name: name, Kind: kind, Index: len(*list), Type: irType(s.Type), Unit: u, Factor: f, HasODE: s.HasODE}
		*list = append(*list, v)
		l.byName[name] = &Ref{Kind: kind, Index: v.Index, Name: name}
	}
	for _, s := range l.mi.Params {
		add(&m.Params, s, KParam)
	}
	for _, s := range l.mi.State {
		add(&m.State, s, KState)
	}
	// convolution states
	for _, st := range l.plan.States {
		if st.Conv == nil {
			continue
		}
		v := &Var{Name: st.Name, Kind: KState, Index: len(m.State), Type: Real, Factor: 1, HasODE: true, Init: &Const{0}}
		m.State = append(m.State, v)
		m.ConvStates = append(m.ConvStates, v.Index)
		l.byName[st.Name] = &Ref{Kind: KState, Index: v.Index, Name: st.Name}
	}
	if len(l.plan.Numeric) > 0 {
		for _, name := range []string{"gsl_abs_error_tol", "gsl_rel_error_tol"} {
			v := &Var{Name: name, Kind: KParam, Index: len(m.Params), Type: Real, Factor: 1, Init: &Const{1e-6}}
			m.Params = append(m.Params, v)
			l.byName[name] = &Ref{Kind: KParam, Index: v.Index, Name: name}
		}
	}
	for _, s := range l.mi.Internals {
		add(&m.Internals, s, KInternal)
	}
	// ports: a vector port of size N becomes N ports "p[0]" … "p[N-1]"
	addPort := func(list *[]*Port, s *check.Symbol, kind VarKind, proto Port) {
		if s.VectorSize == nil {
			p := proto
			p.Name, p.Index = s.Name, len(*list)
			*list = append(*list, &p)
			l.byName[s.Name] = &Ref{Kind: kind, Index: p.Index, Name: s.Name}
			return
		}
		if l.mi.IsSynapse {
			l.fail(s.Pos, "vector ports in synapses are not supported by this release's lowering")
		}
		vec := l.vector(s, kind, len(*list))
		for k := 0; k < vec.Size; k++ {
			p := proto
			p.Name, p.Index = elemName(s.Name, k), len(*list)
			*list = append(*list, &p)
			l.byName[p.Name] = &Ref{Kind: kind, Index: p.Index, Name: p.Name}
		}
	}
	for _, s := range l.mi.SpikePorts {
		q := ""
		exc, inh := has(s.Qualifiers, "excitatory"), has(s.Qualifiers, "inhibitory")
		if exc && !inh {
			q = "excitatory"
		} else if inh && !exc {
			q = "inhibitory"
		}
		addPort(&m.SpikePorts, s, KSpikePort, Port{Qualifier: q})
	}
	for _, s := range l.mi.ContPorts {
		u, _ := unitInfo(s.Type)
		addPort(&m.ContPorts, s, KContPort, Port{Unit: u})
	}
	// initial values (every element of a vector gets its declaration's)
	first := func(s *check.Symbol) string {
		if s.VectorSize != nil {
			return elemName(odes.StateName(s), 0)
		}
		return odes.StateName(s)
	}
	for _, s := range l.mi.Params {
		i := l.byName[first(s)].Index
		for _, v := range l.elems(m.Params, s, i) {
			v.Init = l.init(s)
		}
		if d, ok := s.Decl.(*ast.Declaration); ok && d.Guard != nil {
			if s.VectorSize != nil {
				l.fail(d.Guard.Span(), "guards of vector parameters are not supported by this release's lowering")
			}
			m.Params[i].Guard = l.expr(d.Guard)
			m.Params[i].GuardText = exprText(d.Guard)
		}
	}
	for _, s := range l.mi.Internals {
		for _, v := range l.elems(m.Internals, s, l.byName[first(s)].Index) {
			v.Init = l.init(s)
		}
	}
	for _, s := range l.mi.State {
		for _, v := range l.elems(m.State, s, l.byName[first(s)].Index) {
			v.Init = l.init(s)
		}
	}
	for _, v := range m.State {
		m.Recordables = append(m.Recordables, v.Name)
	}
	// spike jumps of the convolutions, delta jumps
	portIndex := func(name string) int { return l.byName[name].Index }
	for _, c := range l.plan.Convs {
		for k, si := range c.States {
			if sym.IsZero(c.IV[k]) {
				continue
			}
			m.SpikeJumps = append(m.SpikeJumps, &Jump{Port: portIndex(c.Port), Var: l.byName[l.plan.States[si].Name].Index, Coef: l.fromSym(c.IV[k])})
		}
	}
	for _, j := range l.plan.DeltaJumps {
		m.DeltaJumps = append(m.DeltaJumps, &Jump{Port: portIndex(j.Port), Var: l.byName[l.plan.States[j.State].Name].Index, Coef: l.fromSym(j.Coef)})
	}
	// numeric system: every ODE state, with right-hand sides over KODE refs
	if len(l.plan.Numeric) > 0 {
		ns := &NumericSystem{Method: "rk45", Controller: "with_respect_to_solution", MaxSubsteps: 100000,
			AbsTol: l.byName["gsl_abs_error_tol"].Index, RelTol: l.byName["gsl_rel_error_tol"].Index}
		l.odeIndex = map[string]int{}
		for i, st := range l.plan.States {
			ns.Vars = append(ns.Vars, l.byName[st.Name].Index)
			l.odeIndex[st.Name] = i
		}
		for _, st := range l.plan.States {
			ns.Rhs = append(ns.Rhs, l.fromSym(st.Rhs))
		}
		l.odeIndex = nil
		m.Numeric = ns
	}
	for _, b := range l.plan.Analytic {
		ab := &AnalyticBlock{}
		for _, i := range b.Vars {
			ab.Vars = append(ab.Vars, l.byName[l.plan.States[i].Name].Index)
		}
		for _, row := range b.A {
			r := make([]Expr, len(row))
			for j, e := range row {
				if e != nil {
					r[j] = l.fromSym(e)
				}
			}
			ab.A = append(ab.A, r)
		}
		for _, e := range b.B0 {
			if e != nil {
				ab.B0 = append(ab.B0, l.fromSym(e))
			} else {
				ab.B0 = append(ab.B0, nil)
			}
		}
		for k, u := range b.Channels {
			ab.Channels = append(ab.Channels, l.fromSym(u))
			col := make([]Expr, len(b.Vars))
			for r, e := range b.BCols[k] {
				if e != nil {
					col[r] = l.fromSym(e)
				}
			}
			ab.BCols = append(ab.BCols, col)
		}
		m.Analytic = append(m.Analytic, ab)
	}
	// program
	if l.mi.Update != nil {
		m.Update = l.block(l.mi.Update.Body)
	}
	type rec struct {
		h    *OnReceive
		prio bool
		pos  int
	}
	var recs []rec
	for pos, h := range l.mi.OnReceive {
		r := &OnReceive{Port: l.portFirst(h.Port.Name), Size: 1, Body: l.block(h.Body)}
		if vec := l.vectors[h.Port.Name]; vec != nil {
			r.Size = vec.Size
		}
		hasPrio := false
		for _, cp := range h.Consts {
			if cp.Name.Name == "priority" {
				if n, ok := cp.Value.(*ast.NumberLit); ok {
					r.Priority = int(n.Value)
					hasPrio = true
				}
			}
		}
		recs = append(recs, rec{r, hasPrio, pos})
	}
	sort.SliceStable(recs, func(i, j int) bool {
		a, b := recs[i], recs[j]
		if a.prio != b.prio {
			return a.prio
		}
		if a.prio {
			return a.h.Priority > b.h.Priority
		}
		return a.pos < b.pos
	})
	for _, r := range recs {
		m.OnReceive = append(m.OnReceive, r.h)
	}
	for _, h := range l.mi.OnCondition {
		m.OnCondition = append(m.OnCondition, &OnCondition{Cond: l.expr(h.Cond), Body: l.block(h.Body)})
	}
	ast.Inspect(l.mi.Model, func(n ast.Node) bool {
		if c, ok := n.(*ast.Call); ok && c.Name.Name == "emit_spike" {
			m.EmitsSpikes = true
		}
		return true
	})
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (l *lowerer) init(s *check.Symbol) Expr {
	if s.Init == nil {
		return &Const{0}
	}
	x, err := l.conv.Convert(s.Init, s.Type)
	if err != nil {
		l.fail(s.Init.Span(), "cannot lower the initial value of %s: %v", s.Name, err)
	}
	return l.fromSym(x)
}

// resolve maps a variable to its symbolic name (inline expressions are
// expanded).
func (l *lowerer) resolve(v *ast.Variable, s *check.Symbol) (sym.Expr, error) {
	if s.Kind == check.SymInline {
		for _, n := range l.inlineStack {
			if n == s.Name {
				return nil, fmt.Errorf("inline expression %s refers to itself", s.Name)
			}
		}
		l.inlineStack = append(l.inlineStack, s.Name)
		defer func() { l.inlineStack = l.inlineStack[:len(l.inlineStack)-1] }()
		return l.conv.Convert(s.Init, s.Type)
	}
	if s.Kind == check.SymLocal {
		if r := l.local(s.Name); r != nil {
			return sym.S(localName(r.Index)), nil
		}
		return nil, fmt.Errorf("local %s is not in scope", s.Name)
	}
	if _, ok := l.byName[odes.StateName(s)]; !ok {
		return nil, fmt.Errorf("%s %s is not supported here by this release's lowering", s.Kind, s.Name)
	}
	return sym.S(odes.StateName(s)), nil
}

// convolve reads a convolution in a statement (through an inline
// expression): the value of its first state.
func (l *lowerer) convolve(k, p *ast.Variable) (sym.Expr, error) {
	name := odes.ConvState(k.Name, p.Name, 0)
	if _, ok := l.byName[name]; !ok {
		return nil, fmt.Errorf("convolve(%s, %s) is not used in any equation; statements can read a convolution only through an inline expression used in the equations", k.Name, p.Name)
	}
	return sym.S(name), nil
}

func localName(i int) string { return "__local" + strconv.Itoa(i) }

func (l *lowerer) local(name string) *Ref {
	for i := len(l.scopes) - 1; i >= 0; i-- {
		if r, ok := l.scopes[i][name]; ok {
			return r
		}
	}
	return nil
}

func (l *lowerer) expr(e ast.Expr) Expr {
	x, err := l.conv.Expr(e)
	if err != nil {
		l.fail(e.Span(), "cannot lower expression: %v", err)
	}
	return l.fromSym(x)
}

func (l *lowerer) convert(e ast.Expr, t check.Type) Expr {
	x, err := l.conv.Convert(e, t)
	if err != nil {
		l.fail(e.Span(), "cannot lower expression: %v", err)
	}
	return l.fromSym(x)
}

func (l *lowerer) ref(name string) *Ref {
	switch name {
	case odes.TimeSymbol:
		return &Ref{Kind: KTime, Name: "t"}
	case odes.StepSymbol:
		return &Ref{Kind: KStep, Name: "__h"}
	}
	if i, ok := l.odeIndex[name]; ok {
		return &Ref{Kind: KODE, Index: i, Name: name}
	}
	if strings.HasPrefix(name, "__local") {
		i, _ := strconv.Atoi(name[len("__local"):])
		// Refs carry the declared name, as those of assignments do.
		for j := len(l.scopes) - 1; j >= 0; j-- {
			for _, r := range l.scopes[j] {
				if r.Index == i {
					return &Ref{Kind: KLocal, Index: i, Name: r.Name}
				}
			}
		}
		return &Ref{Kind: KLocal, Index: i, Name: name}
	}
	r, ok := l.byName[name]
	if !ok {
		if i := strings.IndexByte(name, '['); i > 0 && l.vectors[name[:i]] != nil {
			// an element index out of range in an equation (odes names it)
			panic(lowerError{msg: fmt.Sprintf("index %s of %s is out of range [0, %d)", name[i+1:len(name)-1], name[:i], l.vectors[name[:i]].Size)})
		}
		panic(lowerError{msg: "internal: unknown symbol " + name})
	}
	return &Ref{Kind: r.Kind, Index: r.Index, Name: r.Name}
}

// fromSym converts a symbolic expression into IR, writing products with
// negative powers as divisions.
func (l *lowerer) fromSym(e sym.Expr) Expr {
	switch e := e.(type) {
	case *sym.Num:
		return &Const{e.V}
	case *sym.Sym:
		return l.ref(e.Name)
	case *sym.Sum:
		var out Expr
		for _, t := range e.Terms {
			neg := false
			if p, ok := t.(*sym.Prod); ok {
				if n, ok := p.Factors[0].(*sym.Num); ok && n.V < 0 {
					neg = true
					t = sym.Mul(sym.N(-n.V), &sym.Prod{Factors: p.Factors[1:]})
				}
			} else if n, ok := t.(*sym.Num); ok && n.V < 0 {
				neg = true
				t = sym.N(-n.V)
			}
			x := l.fromSym(t)
			switch {
			case out == nil && neg:
				out = &Unary{Op: "-", X: x}
			case out == nil:
				out = x
			case neg:
				out = &Binary{Op: "-", L: out, R: x}
			default:
				out = &Binary{Op: "+", L: out, R: x}
			}
		}
		return out
	case *sym.Prod:
		var num, den []Expr
		sign := 1.0
		for _, f := range e.Factors {
			if n, ok := f.(*sym.Num); ok && n.V == -1 {
				sign = -1
				continue
			}
			if p, ok := f.(*sym.PowE); ok {
				if n, ok := p.Exp.(*sym.Num); ok && n.V < 0 {
					den = append(den, l.fromSym(sym.Pow(p.Base, sym.N(-n.V))))
					continue
				}
			}
			num = append(num, l.fromSym(f))
		}
		var out Expr
		for _, x := range num {
			if out == nil {
				out = x
			} else {
				out = &Binary{Op: "*", L: out, R: x}
			}
		}
		if out == nil {
			out = &Const{1}
		}
		for _, x := range den {
			out = &Binary{Op: "/", L: out, R: x}
		}
		if sign < 0 {
			out = &Unary{Op: "-", X: out}
		}
		return out
	case *sym.PowE:
		if n, ok := e.Exp.(*sym.Num); ok && n.V < 0 {
			return &Binary{Op: "/", L: &Const{1}, R: l.fromSym(sym.Pow(e.Base, sym.N(-n.V)))}
		}
		return &Binary{Op: "**", L: l.fromSym(e.Base), R: l.fromSym(e.Exp)}
	case *sym.Fn:
		args := make([]Expr, len(e.Args))
		for i, a := range e.Args {
			args[i] = l.fromSym(a)
		}
		if strings.HasPrefix(e.Name, elemFn) {
			vec := l.vectors[e.Name[len(elemFn):]]
			return &Ref{Kind: vec.Kind, Index: vec.First, Name: vec.Name, Idx: args[0]}
		}
		switch e.Name {
		case "cond":
			return &Cond{C: args[0], Then: args[1], Else: args[2]}
		case "not", "~":
			return &Unary{Op: e.Name, X: args[0]}
		case "<", "<=", ">", ">=", "==", "!=", "and", "or", "&", "|", "^", "<<", ">>", "//", "%":
			return &Binary{Op: e.Name, L: args[0], R: args[1], Int: isIntOp(e.Name)}
		}
		return &Call{Fn: e.Name, Args: args}
	}
	panic(lowerError{msg: fmt.Sprintf("internal: unknown symbolic node %T", e)})
}

func isIntOp(op string) bool {
	switch op {
	case "//", "%", "&", "|", "^", "<<", ">>":
		return true
	}
	return false
}

func (l *lowerer) block(b *ast.Block) []Stmt {
	l.scopes = append(l.scopes, map[string]*Ref{})
	defer func() { l.scopes = l.scopes[:len(l.scopes)-1] }()
	var out []Stmt
	if b == nil {
		return nil
	}
	for _, s := range b.Stmts {
		out = append(out, l.stmt(s)...)
	}
	return out
}

func (l *lowerer) target(v *ast.Variable) (*Ref, check.Type) {
	s := l.info.Uses[v]
	if s == nil {
		l.fail(v.Rng, "cannot assign to %s", v.FullName())
	}
	if v.Index != nil {
		idx, err := l.conv.Expr(v.Index)
		if err != nil {
			l.fail(v.Index.Span(), "cannot lower the index of %s: %v", v.Name, err)
		}
		x, err := l.index(v, s, idx)
		if err != nil {
			l.fail(v.Rng, "%v", err)
		}
		r := l.fromSym(x).(*Ref)
		if r.Kind != KState && r.Kind != KLocal {
			l.fail(v.Rng, "cannot assign to %s %s", s.Kind, s.Name)
		}
		return r, s.Type
	}
	if s.Kind == check.SymLocal {
		return l.local(s.Name), s.Type
	}
	r, ok := l.byName[odes.StateName(s)]
	if !ok {
		l.fail(v.Rng, "cannot assign to %s %s", s.Kind, s.Name)
	}
	return &Ref{Kind: r.Kind, Index: r.Index, Name: r.Name}, s.Type
}

func (l *lowerer) stmt(s ast.Stmt) []Stmt {
	switch s := s.(type) {
	case *ast.Assign:
		tgt, t := l.target(s.Lhs)
		switch s.Op {
		case "=", "+=", "-=":
			return []Stmt{&Assign{Target: tgt, Op: s.Op, Value: l.convert(s.Rhs, t)}}
		case "*=", "/=":
			return []Stmt{&Assign{Target: tgt, Op: s.Op, Value: l.expr(s.Rhs)}}
		case "//=":
			return []Stmt{&Assign{Target: tgt, Op: "=", Value: &Binary{Op: "//", L: tgt, R: l.expr(s.Rhs), Int: t.Kind == check.Integer}}}
		}
		l.fail(s.Rng, "unknown assignment operator %s", s.Op)
	case *ast.DeclStmt:
		var out []Stmt
		t := l.info.DeclTypes[s.Decl.Type]
		var init Expr
		if s.Decl.Init != nil {
			init = l.convert(s.Decl.Init, t)
		}
		for _, v := range s.Decl.Vars {
			u, f := unitInfo(t)
			lv := &Var{Name: v.Name, Kind: KLocal, Index: l.nlocals, Type: irType(t), Unit: u, Factor: f}
			l.nlocals++
			l.scopes[len(l.scopes)-1][v.Name] = &Ref{Kind: KLocal, Index: lv.Index, Name: v.Name}
			out = append(out, &Declare{Var: lv, Init: init})
		}
		return out
	case *ast.If:
		top := &If{Cond: l.expr(s.Cond), Then: l.block(s.Then)}
		cur := top
		for _, e := range s.Elifs {
			n := &If{Cond: l.expr(e.Cond), Then: l.block(e.Body)}
			cur.Else = []Stmt{n}
			cur = n
		}
		if s.Else != nil {
			cur.Else = l.block(s.Else)
		}
		return []Stmt{top}
	case *ast.While:
		return []Stmt{&While{Cond: l.expr(s.Cond), Body: l.block(s.Body)}}
	case *ast.For:
		// `for v in a ... b step s` runs v = a; while v < b (v > b for a
		// negative step): body; v += s (language.md §14.5: half-open, b
		// re-evaluated before every test). It is lowered to exactly that.
		var out []Stmt
		var r *Ref
		if r = l.local(s.Var.Name); r == nil {
			if sy := l.mi.Lookup(s.Var.Name); sy != nil {
				if br, ok := l.byName[odes.StateName(sy)]; ok && br.Kind == KState {
					r = &Ref{Kind: br.Kind, Index: br.Index, Name: br.Name}
				} else {
					l.fail(s.Var.Rng, "the loop variable %s must be a local or state variable", s.Var.Name)
				}
			} else {
				// not declared (FOR_VARIABLE_NOT_DECLARED): not lowered yet
				l.fail(s.Var.Rng, "unknown loop variable %s", s.Var.Name)
			}
		}
		cmp := "<"
		if s.Step.Value < 0 {
			cmp = ">"
		}
		body := l.block(s.Body)
		body = append(body, &Assign{Target: r, Op: "+=", Value: &Const{s.Step.Value}})
		out = append(out,
			&Assign{Target: r, Op: "=", Value: l.expr(s.From)},
			&While{Cond: &Binary{Op: cmp, L: r, R: l.expr(s.To)}, Body: body})
		return out
	case *ast.CallStmt:
		c := s.Call
		switch c.Name.Name {
		case "integrate_odes":
			in := &IntegrateODEs{}
			if len(c.Args) == 0 {
				for i, st := range l.m.State {
					if st.HasODE {
						in.Vars = append(in.Vars, i)
					}
				}
			}
			for _, a := range c.Args {
				v := ast.Unparen(a).(*ast.Variable)
				in.Vars = append(in.Vars, l.byName[v.Name].Index)
				// a higher-order variable is integrated with its derivatives
				for d := "__d"; ; d += "__d" {
					r, ok := l.byName[v.Name+d]
					if !ok || r.Kind != KState {
						break
					}
					in.Vars = append(in.Vars, r.Index)
				}
			}
			return []Stmt{in}
		case "emit_spike":
			es := &EmitSpike{}
			if l.mi.IsSynapse && len(c.Args) == 1 {
				es.Weight = l.expr(c.Args[0]) // the magnitude in internal units (UNIT_STRIPPED)
			}
			return []Stmt{es}
		case "print", "println":
			p := &Print{Newline: c.Name.Name == "println"}
			if len(c.Args) == 1 {
				if sl, ok := c.Args[0].(*ast.StringLit); ok {
					// a whole vector prints as [{x[0]}, {x[1]}, …]
					p.Format = l.expandVectors(sl.Value)
					p.Names = placeholders(p.Format)
					for _, n := range p.Names {
						p.Args = append(p.Args, l.placeholder(n, sl.Rng))
					}
					return []Stmt{p}
				}
			}
			l.fail(c.Rng, "print() takes one string literal")
		}
		l.fail(c.Rng, "calls of %s() as statements are not supported by this release's lowering", c.Name.Name)
	case *ast.Return:
		l.fail(s.Rng, "user-defined functions are not supported by this release's lowering")
	}
	l.fail(s.Span(), "unsupported statement")
	return nil
}

func (l *lowerer) placeholder(name string, r ast.Range) Expr {
	if ref := l.local(name); ref != nil {
		return ref
	}
	if ref, ok := l.byName[name]; ok {
		return ref
	}
	l.fail(r, "print placeholder {%s} names no variable", name)
	return nil
}

func placeholders(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, s[i+1:i+j])
		s = s[i+j+1:]
	}
}

func exprText(e ast.Expr) string {
	// A compact rendering for constraint messages.
	switch e := e.(type) {
	case *ast.NumberLit:
		return e.Text
	case *ast.Variable:
		return e.FullName()
	case *ast.Paren:
		return "(" + exprText(e.X) + ")"
	case *ast.Unary:
		if e.Op == "not" {
			return "not " + exprText(e.X)
		}
		return e.Op + exprText(e.X)
	case *ast.Binary:
		return exprText(e.L) + " " + e.Op + " " + exprText(e.R)
	case *ast.Call:
		var args []string
		for _, a := range e.Args {
			args = append(args, exprText(a))
		}
		return e.Name.Name + "(" + strings.Join(args, ", ") + ")"
	case *ast.BoolLit:
		return e.Text
	case *ast.InfLit:
		return "inf"
	}
	return "…"
}

var _ = math.Inf

// elemName is the name of element k of vector name.
func elemName(name string, k int) string { return name + "[" + strconv.Itoa(k) + "]" }

// elemFn prefixes the name of the opaque symbolic function that stands for a
// vector element with a run-time index: elemFn+"x"(i) is x[i].
const elemFn = "__elem:"

// vector records the vector of symbol s, whose elements start at entry first
// of kind, and returns it. The size is a literal or the default value of an
// integer parameter or internal, bound now (ir.Vector).
func (l *lowerer) vector(s *check.Symbol, kind VarKind, first int) *Vector {
	name := odes.StateName(s)
	vec := &Vector{Name: name, Kind: kind, First: first}
	switch e := ast.Unparen(s.VectorSize).(type) {
	case *ast.NumberLit:
		vec.Size = int(e.Value)
	case *ast.Variable:
		ss := l.mi.Lookup(e.Name)
		if ss == nil || ss.Init == nil {
			l.fail(s.Pos, "the size %s of vector %s has no value", e.Name, name)
		}
		x, err := l.conv.Convert(ss.Init, ss.Type)
		n, ok := x.(*sym.Num)
		if err != nil || !ok {
			l.fail(s.Pos, "the size %s of vector %s must have a constant default value in this release", e.Name, name)
		}
		vec.Size = int(n.V)
		vec.SizeParam = e.Name
	default:
		l.fail(s.Pos, "the size of vector %s must be an integer literal, parameter or internal", name)
	}
	if vec.Size <= 0 || vec.Size > 1<<20 {
		l.fail(s.Pos, "vector %s has size %d; it must be between 1 and 2^20", name, vec.Size)
	}
	l.vectors[name] = vec
	l.m.Vectors = append(l.m.Vectors, vec)
	return vec
}

// elems returns the Vars of symbol s (one, or the elements of a vector),
// which start at index i of list.
func (l *lowerer) elems(list []*Var, s *check.Symbol, i int) []*Var {
	if vec := l.vectors[odes.StateName(s)]; vec != nil && s.VectorSize != nil {
		return list[vec.First : vec.First+vec.Size]
	}
	return list[i : i+1]
}

// portFirst returns the index of port name, or of its first element.
func (l *lowerer) portFirst(name string) int {
	if vec := l.vectors[name]; vec != nil {
		return vec.First
	}
	return l.byName[name].Index
}

// index lowers the vector element v[idx]: the element's own symbol for a
// constant index (checked against the size), otherwise the opaque function
// elemFn+name applied to the index.
func (l *lowerer) index(v *ast.Variable, s *check.Symbol, idx sym.Expr) (sym.Expr, error) {
	name := odes.StateName(s)
	if s.Kind == check.SymLocal || s.Kind == check.SymInline {
		return nil, fmt.Errorf("%s %s cannot be indexed by this release's lowering", s.Kind, s.Name)
	}
	vec := l.vectors[name]
	if vec == nil {
		return nil, fmt.Errorf("%s is not a vector", name)
	}
	if n, ok := idx.(*sym.Num); ok {
		k := int(n.V)
		if float64(k) != n.V || k < 0 || k >= vec.Size {
			return nil, fmt.Errorf("index %v of %s is out of range [0, %d)", n.V, name, vec.Size)
		}
		return sym.S(elemName(name, k)), nil
	}
	if l.odeIndex != nil {
		return nil, fmt.Errorf("the index of %s in an equation must be constant", name)
	}
	return &sym.Fn{Name: elemFn + name, Args: []sym.Expr{idx}}, nil
}

// expandVectors replaces every placeholder {x} of a vector variable in a
// print format by the list of its elements' placeholders.
func (l *lowerer) expandVectors(format string) string {
	for _, n := range placeholders(format) {
		vec := l.vectors[n]
		if vec == nil || l.local(n) != nil || (vec.Kind != KParam && vec.Kind != KState && vec.Kind != KInternal) {
			continue
		}
		var parts []string
		for k := 0; k < vec.Size; k++ {
			parts = append(parts, "{"+elemName(n, k)+"}")
		}
		format = strings.Replace(format, "{"+n+"}", "["+strings.Join(parts, ", ")+"]", 1)
	}
	return format
}
