package loihi

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/expm"
	"nestml_go/gocore/ir"
)

// Neuron is a model accepted by the Loihi target, in the canonical form
// both process models and both emulators execute (doc.go): a linear state
// vector with a one-step propagator, spike ports that jump into one state
// each, a constant threshold and reset of the membrane, and an optional
// refractory counter. All numbers are bound at the chosen parameters and
// resolution, in the model's internal units (ms, mV, pA, pF …).
type Neuron struct {
	Model *ir.Model
	// Name is the generated name (model name + suffix).
	Name string
	// Tier is "A" (stock Loihi LIF) or "B" (own process, CPU only).
	Tier string
	// Kind is "psc_exp" or "psc_delta" in tier A, "linear" in tier B.
	Kind string
	H    float64
	// Params are the bound parameter values in declaration order.
	Params []Param
	// States is the canonical state vector; States[V] is the membrane.
	States []State
	V      int
	// P is the one-step propagator (dense, K×K) and Rows its nonzero
	// entries per row in the order the Go engine sums them; Q the constant
	// term of each row (Γ·b0).
	P    [][]float64
	Rows [][]Entry
	Q    []float64
	// Ports are the spike input ports. In tier A there is exactly one,
	// "a_in", taking NEST's signed weights.
	Ports []Port
	// VTh and VReset are the threshold (V ≥ VTh fires, NEST) and reset.
	VTh, VReset float64
	// RefrSteps is the number of refractory steps after a spike, RefrInit
	// the initial counter; Timer names the NESTML timer state ("" if none).
	RefrSteps, RefrInit int
	Timer               string
	// Dropped lists the continuous input ports fixed at 0.
	Dropped []string
	// Merged lists the IR current states merged into the single tier A
	// current (iaf_psc_exp with equal synaptic time constants).
	Merged []string
	// SourcePorts are the NESTML spike ports (names) behind Ports.
	SourcePorts []string
	// NIR holds the continuous-time constants of tier A models (tau_mem,
	// r, v_leak, tau_syn), in ms, GΩ and mV.
	NIR *NIRParams

	loc *locator
}

// Param is a bound parameter.
type Param struct {
	Name  string
	Unit  string
	Value float64 // internal units
}

// State is one component of the canonical state vector.
type State struct {
	Name string
	// IR is the index into Model.State (−1 for a merged tier A current).
	IR   int
	Init float64
}

// Entry is one nonzero propagator entry of a row.
type Entry struct {
	Col int
	P   float64
}

// Port is a spike input port: its summed weight W of a step adds W·Coef to
// States[State] — after the propagation (NEST's onReceive and spike jumps),
// or, for a Delta port, at the membrane's integration and only when the
// neuron is not refractory.
type Port struct {
	Name      string // Lava port name: "<port>_in" or "a_in"
	Source    string // NESTML port name(s)
	Qualifier string // "", "excitatory", "inhibitory"
	State     int
	Coef      float64
	Delta     bool
}

// Analysis is the result of Analyze.
type Analysis struct {
	// Neuron is set for an accepted neuron model.
	Neuron *Neuron
	// Connection is true for a stateless synapse model mapped to a plain
	// Dense/DelayDense connection.
	Connection bool
}

const supportNote = "the Loihi target supports only linear time-invariant dynamics solved by propagators " +
	"(tier A: iaf_psc_delta, iaf_psc_exp with equal tau_syn; tier B: other linear models, CPU only)"

// Analyze classifies m (loihi_target.md §6): it rejects every model that
// cannot be mapped, with one diagnostic per construct that prevents it,
// and otherwise returns the canonical form at the bound parameters with
// its tier. src is the model's source text, used only to attach source
// positions to diagnostics (may be nil).
func Analyze(m *ir.Model, opts Options, src []byte) (*Analysis, diag.List) {
	var ds diag.List
	opts, err := opts.normalized()
	if err != nil {
		ds.Errorf(EOption, ast.Range{}, "loihi: %v", err)
		return nil, ds
	}
	a := &analyzer{m: m, opts: opts, loc: newLocator(src, m.Name)}
	if a.isSynapse() && (len(m.State) > 0 || len(m.SpikePorts) > 1) {
		what := "state " + varNames(m.State)
		if len(m.State) == 0 {
			what = fmt.Sprintf("%d spike ports (a post-synaptic port)", len(m.SpikePorts))
		}
		a.errf(EPlasticSynapse, a.loc.model(), "loihi: cannot map '%s': a synapse model with %s is plastic; learning on Loihi uses its own rule engine and is out of scope (stateless synapses map to Dense/DelayDense)", m.Name, what)
		return nil, a.finish()
	}
	a.reject()
	if len(a.ds) > 0 {
		return nil, a.finish()
	}
	if a.isSynapse() {
		a.ds.Add(WConnection, diag.Info, a.loc.model(), "", "loihi: '%s' has no state and is mapped to a plain Dense/DelayDense connection (weight and delay); no process is generated", m.Name)
		return &Analysis{Connection: true}, a.finish()
	}
	n := a.canonical()
	if n == nil || a.ds.HasErrors() {
		return nil, a.finish()
	}
	return &Analysis{Neuron: n}, a.finish()
}

type analyzer struct {
	m    *ir.Model
	opts Options
	loc  *locator
	ds   diag.List
}

func (a *analyzer) errf(code diag.Code, r ast.Range, format string, args ...any) {
	a.ds.Add(code, diag.Error, r, "", format, args...)
}

func (a *analyzer) finish() diag.List {
	for i := range a.ds {
		a.ds[i].Model = a.m.Name
	}
	a.ds.Sort()
	return a.ds
}

func varNames(vs []*ir.Var) string {
	var s []string
	for _, v := range vs {
		s = append(s, v.Name)
	}
	return strings.Join(s, ", ")
}

// isSynapse reports whether m forwards spikes from an onReceive handler,
// which is what a NESTML synapse does (deliver_spike/emit_spike in
// onReceive); neurons emit from onCondition or update.
func (a *analyzer) isSynapse() bool {
	syn := false
	for _, h := range a.m.OnReceive {
		walkStmts(h.Body, func(s ir.Stmt) {
			if _, ok := s.(*ir.EmitSpike); ok {
				syn = true
			}
		}, nil)
	}
	return syn
}

// --- rejections ---------------------------------------------------------

// reject reports the constructs that exclude a model whatever its shape:
// random functions, the time t, numeric (nonlinear or conductance-based)
// dynamics.
func (a *analyzer) reject() {
	m := a.m
	for _, v := range m.Vectors {
		a.errf(EVector, a.loc.word(v.Name), "loihi: cannot map '%s': %s is a vector of %d elements; a Loihi process has one compartment per neuron and no indexed state or multi-receptor ports (split it into scalar variables or ports)", m.Name, v.Name, v.Size)
	}
	// random functions and t, anywhere
	seenRand := map[string]bool{}
	timeUse := ""
	visit := func(where string) func(ir.Expr) {
		return func(x ir.Expr) {
			switch x := x.(type) {
			case *ir.Call:
				if strings.HasPrefix(x.Fn, "random_") && !seenRand[x.Fn] {
					seenRand[x.Fn] = true
					a.errf(EStochastic, a.loc.word(x.Fn), "loihi: cannot map '%s': %s(...) in %s draws random numbers; Loihi's LIF and Dense arithmetic is deterministic (its noise generator is not exposed by public Lava)", m.Name, x.Fn, where)
				}
			case *ir.Ref:
				if x.Kind == ir.KTime && timeUse == "" {
					timeUse = where
				}
			}
		}
	}
	for _, v := range append(append(append([]*ir.Var{}, m.Params...), m.State...), m.Internals...) {
		ir.Walk(v.Init, visit("the initial value of "+v.Name))
	}
	walkStmts(m.Update, nil, visit("update"))
	for _, h := range m.OnReceive {
		walkStmts(h.Body, nil, visit("onReceive("+m.SpikePorts[h.Port].Name+")"))
	}
	for _, h := range m.OnCondition {
		ir.Walk(h.Cond, visit("an onCondition condition"))
		walkStmts(h.Body, nil, visit("onCondition"))
	}
	for _, b := range m.Analytic {
		for _, u := range b.Channels {
			ir.Walk(u, visit("the equations"))
		}
	}
	if ns := m.Numeric; ns != nil {
		for _, r := range ns.Rhs {
			ir.Walk(r, visit("the equations"))
		}
	}
	if timeUse != "" {
		a.errf(ETime, a.loc.word("t"), "loihi: cannot map '%s': the time t is used in %s; a Loihi neuron has no access to the time and runs a time-invariant update", m.Name, timeUse)
	}
	if m.Numeric != nil {
		a.rejectNumeric()
	}
}

// linClass is the linearity of an expression in the state variables.
type linClass int

const (
	linConst linClass = iota
	linLinear
	linNonlinear
)

// rejectNumeric explains why the numeric system cannot be mapped: the
// conductance products (a linear state times the driving force) are
// reported as LOIHI_E_CONDUCTANCE; anything nonlinear beyond them as
// LOIHI_E_NONLINEAR.
func (a *analyzer) rejectNumeric() {
	m, ns := a.m, a.m.Numeric
	name := func(r *ir.Ref) string {
		if r.Kind == ir.KODE && r.Index < len(ns.Vars) {
			return m.State[ns.Vars[r.Index]].Name
		}
		return ""
	}
	isState := func(r *ir.Ref) bool { return r.Kind == ir.KODE || r.Kind == ir.KState }
	inBlock := map[int]bool{}
	for _, b := range m.Analytic {
		for _, v := range b.Vars {
			inBlock[v] = true
		}
	}
	// G: states whose own right-hand side is linear (conductance candidates).
	linear := map[string]bool{}
	for k, r := range ns.Rhs {
		if c, _ := linearity(r, isState, nil); c != linNonlinear {
			linear[m.State[ns.Vars[k]].Name] = true
		}
	}
	stateNames := func(x ir.Expr) []string {
		set := map[string]bool{}
		ir.Walk(x, func(e ir.Expr) {
			if r, ok := e.(*ir.Ref); ok && isState(r) {
				n := name(r)
				if n == "" {
					n = r.Name
				}
				set[n] = true
			}
		})
		return sortedKeys(set)
	}
	onlyG := func(x ir.Expr) bool {
		ns := stateNames(x)
		if len(ns) == 0 {
			return false
		}
		for _, n := range ns {
			if !linear[n] {
				return false
			}
		}
		c, _ := linearity(x, isState, nil)
		return c == linLinear
	}
	// conductance products
	frozen := map[string]bool{}
	reported := false
	for k, r := range ns.Rhs {
		target := m.State[ns.Vars[k]].Name
		ir.Walk(r, func(e ir.Expr) {
			b, ok := e.(*ir.Binary)
			if !ok || b.Op != "*" {
				return
			}
			if len(stateNames(b.L)) == 0 || len(stateNames(b.R)) == 0 {
				return
			}
			var g ir.Expr
			switch {
			case onlyG(b.L) && !onlyG(b.R):
				g = b.L
			case onlyG(b.R) && !onlyG(b.L):
				g = b.R
			default:
				return
			}
			for _, n := range stateNames(g) {
				frozen[n] = true
			}
			if !reported {
				reported = true
				a.errf(EConductance, a.loc.ode(target), "loihi: cannot map '%s': %s' multiplies states (%s): %s is conductance-based input g·(E − V); Loihi's LIF adds input currents and cannot multiply a conductance by the driving force, so %s",
					m.Name, target, strings.Join(append(stateNames(b.L), stateNames(b.R)...), " × "), shorten(exprString(b, name), 60), supportNote)
			}
		})
	}
	isStateFrozen := func(r *ir.Ref) bool { return isState(r) && !frozen[name(r)] }
	for k, r := range ns.Rhs {
		target := m.State[ns.Vars[k]].Name
		c, bad := linearity(r, isStateFrozen, nil)
		if c != linNonlinear {
			continue
		}
		in := stateNames(bad)
		a.errf(ENonlinear, a.loc.ode(target), "loihi: cannot map '%s': %s' is nonlinear in %s (%s); %s",
			m.Name, target, strings.Join(in, ", "), shorten(exprString(bad, name), 60), supportNote)
		return
	}
	if !reported {
		// linear but integrated numerically (e.g. solver="numeric")
		var names []string
		for _, v := range ns.Vars {
			if !inBlock[v] {
				names = append(names, m.State[v].Name)
			}
		}
		a.errf(ENonlinear, a.loc.model(), "loihi: cannot map '%s': %s are integrated numerically (no propagator); %s",
			m.Name, strings.Join(names, ", "), supportNote)
	}
}

// linearity classifies x in the states (isState); it returns the first
// sub-expression that makes it nonlinear.
func linearity(x ir.Expr, isState func(*ir.Ref) bool, _ any) (linClass, ir.Expr) {
	switch x := x.(type) {
	case nil, *ir.Const:
		return linConst, nil
	case *ir.Ref:
		if isState(x) {
			return linLinear, nil
		}
		return linConst, nil
	case *ir.Unary:
		c, bad := linearity(x.X, isState, nil)
		if x.Op == "-" || c == linConst {
			return c, bad
		}
		return linNonlinear, x
	case *ir.Binary:
		l, bl := linearity(x.L, isState, nil)
		if l == linNonlinear {
			return l, bl
		}
		r, br := linearity(x.R, isState, nil)
		if r == linNonlinear {
			return r, br
		}
		switch x.Op {
		case "+", "-":
			return max(l, r), nil
		case "*":
			if l == linConst || r == linConst {
				return max(l, r), nil
			}
			return linNonlinear, x
		case "/":
			if r == linConst {
				return l, nil
			}
			return linNonlinear, x
		case "**":
			if l == linConst && r == linConst {
				return linConst, nil
			}
			if c, ok := x.R.(*ir.Const); ok && c.Value == 1 {
				return l, nil
			}
			return linNonlinear, x
		}
		if l == linConst && r == linConst {
			return linConst, nil
		}
		return linNonlinear, x
	case *ir.Cond:
		for _, y := range []ir.Expr{x.C, x.Then, x.Else} {
			if c, _ := linearity(y, isState, nil); c != linConst {
				return linNonlinear, x
			}
		}
		return linConst, nil
	case *ir.Call:
		for _, y := range x.Args {
			if c, _ := linearity(y, isState, nil); c != linConst {
				return linNonlinear, x
			}
		}
		return linConst, nil
	}
	return linNonlinear, x
}

// --- canonical form -----------------------------------------------------

// unsupported reports a construct outside the mapped shape.
func (a *analyzer) unsupported(r ast.Range, format string, args ...any) {
	a.errf(EUnsupported, r, "loihi: cannot map '%s': %s; the generator maps linear neurons whose update integrates the ODEs (optionally inside a refractory if/else on a timer), whose spike ports add to one state each, and whose only onCondition is a constant threshold on the membrane with a reset to a constant",
		a.m.Name, fmt.Sprintf(format, args...))
}

// canonical extracts the canonical form; it returns nil after reporting
// errors.
func (a *analyzer) canonical() *Neuron {
	m, opts := a.m, a.opts
	if len(m.Analytic) == 0 {
		a.unsupported(a.loc.model(), "the model has no ODEs to propagate")
		return nil
	}
	e, err := newEnv(m, opts.Resolution, opts.Parameters)
	if err != nil {
		a.errf(EOption, a.loc.model(), "loihi: %s: %v", m.Name, err)
		return nil
	}
	blockOf := map[int]*ir.AnalyticBlock{}
	for _, b := range m.Analytic {
		for _, v := range b.Vars {
			blockOf[v] = b
		}
	}
	isConv := map[int]bool{}
	for _, v := range m.ConvStates {
		isConv[v] = true
	}
	// The timer: a 1×1 integrator block x' = −1.
	timer := -1
	for _, b := range m.Analytic {
		if len(b.Vars) != 1 || b.A[0][0] != nil || len(b.Channels) > 0 {
			continue
		}
		if c, ok := b.B0[0].(*ir.Const); ok && c.Value == -1 {
			if timer >= 0 {
				a.unsupported(a.loc.ode(m.State[b.Vars[0]].Name), "more than one refractory timer (%s, %s)", m.State[timer].Name, m.State[b.Vars[0]].Name)
				return nil
			}
			timer = b.Vars[0]
		}
	}
	for i, s := range m.State {
		if blockOf[i] == nil {
			a.unsupported(a.loc.decl(s.Name), "state %s has no linear ODE (a state updated by statements is not mapped)", s.Name)
			return nil
		}
	}
	// The spike condition and reset.
	if !m.EmitsSpikes || len(m.OnCondition) != 1 {
		a.unsupported(a.loc.model(), "the model must emit spikes from exactly one onCondition block (it has %d)", len(m.OnCondition))
		return nil
	}
	oc := m.OnCondition[0]
	vIdx, thExpr, timerCond, ok := splitCondition(oc.Cond, timer)
	if !ok {
		a.unsupported(a.loc.word("onCondition"), "the spike condition %s is not 'V >= V_th' (optionally 'and timer <= 0') with a constant threshold", shorten(exprString(oc.Cond, nil), 60))
		return nil
	}
	if timer >= 0 && !timerCond {
		a.unsupported(a.loc.word("onCondition"), "the spike condition does not test the refractory timer %s", m.State[timer].Name)
		return nil
	}
	vName := m.State[vIdx].Name
	var resetExpr ir.Expr
	refrSet := false
	emits := 0
	for _, s := range oc.Body {
		switch s := s.(type) {
		case *ir.EmitSpike:
			emits++
		case *ir.Assign:
			if s.Op == "=" && s.Target.Kind == ir.KState && s.Target.Index == vIdx && isConstExpr(s.Value) {
				resetExpr = s.Value
				continue
			}
			if timer >= 0 && s.Op == "=" && s.Target.Kind == ir.KState && s.Target.Index == timer && isConstExpr(s.Value) {
				refrSet = true
				continue
			}
			a.unsupported(a.loc.word(s.Target.Name), "onCondition assigns %s %s %s (only the reset of %s to a constant and the timer are mapped)", s.Target.Name, s.Op, shorten(exprString(s.Value, nil), 40), vName)
			return nil
		default:
			a.unsupported(a.loc.word("onCondition"), "onCondition contains a %s statement", stmtKind(s))
			return nil
		}
	}
	if emits != 1 || resetExpr == nil {
		a.unsupported(a.loc.word("onCondition"), "onCondition must reset %s to a constant and emit one spike", vName)
		return nil
	}
	if timer >= 0 && !refrSet {
		a.unsupported(a.loc.word("onCondition"), "onCondition does not restart the refractory timer %s", m.State[timer].Name)
		return nil
	}
	// The update block.
	var all []int // analytic states integrated by integrate_odes, not conv, not timer
	for i := range m.State {
		if i != timer && !isConv[i] {
			all = append(all, i)
		}
	}
	if !a.checkUpdate(all, vIdx, timer) {
		return nil
	}
	// Spike ports.
	type jump struct {
		state int
		coef  ir.Expr
		delta bool
	}
	jumps := make([][]jump, len(m.SpikePorts))
	for _, j := range m.SpikeJumps {
		if j.Var == vIdx || !isConstExpr(j.Coef) {
			a.unsupported(a.loc.word(m.SpikePorts[j.Port].Name), "the convolution with port %s jumps into %s", m.SpikePorts[j.Port].Name, m.State[j.Var].Name)
			return nil
		}
		jumps[j.Port] = append(jumps[j.Port], jump{j.Var, j.Coef, false})
	}
	for _, j := range m.DeltaJumps {
		if j.Var != vIdx || !isConstExpr(j.Coef) {
			a.unsupported(a.loc.word(m.SpikePorts[j.Port].Name), "the delta input of port %s goes into %s, not the membrane", m.SpikePorts[j.Port].Name, m.State[j.Var].Name)
			return nil
		}
		jumps[j.Port] = append(jumps[j.Port], jump{j.Var, j.Coef, true})
	}
	for _, h := range m.OnReceive {
		pn := m.SpikePorts[h.Port].Name
		for _, s := range h.Body {
			as, ok := s.(*ir.Assign)
			if !ok || as.Op != "+=" || as.Target.Kind != ir.KState || as.Target.Index == vIdx || as.Target.Index == timer {
				a.unsupported(a.loc.word(pn), "onReceive(%s) does more than add the port's weight to a synaptic state", pn)
				return nil
			}
			coef, ok := portCoef(as.Value, h.Port)
			if !ok {
				a.unsupported(a.loc.word(pn), "onReceive(%s) adds %s, not the port's weight times a constant", pn, shorten(exprString(as.Value, nil), 40))
				return nil
			}
			jumps[h.Port] = append(jumps[h.Port], jump{as.Target.Index, coef, false})
		}
	}
	// Continuous ports are dropped (or rejected).
	var dropped []string
	for _, p := range m.ContPorts {
		if opts.ContinuousPorts == "error" {
			a.errf(EPort, a.loc.decl(p.Name), "loihi: cannot map '%s': continuous input port %s has no counterpart on Loihi (continuous_ports=\"error\"; the default \"drop\" fixes it at 0)", m.Name, p.Name)
		} else {
			a.ds.Add(WPortDropped, diag.Warning, a.loc.decl(p.Name), "", "loihi: '%s': continuous input port %s is dropped (fixed at 0); Loihi neurons receive spikes only", m.Name, p.Name)
			dropped = append(dropped, p.Name)
		}
	}
	for _, b := range m.Analytic {
		for _, u := range b.Channels {
			okCh := true
			ir.Walk(u, func(x ir.Expr) {
				if r, isRef := x.(*ir.Ref); isRef && r.Kind != ir.KContPort && r.Kind != ir.KParam && r.Kind != ir.KInternal && r.Kind != ir.KStep {
					okCh = false
				}
			})
			if !okCh {
				a.unsupported(a.loc.model(), "an ODE input %s changes at run time", shorten(exprString(u, nil), 40))
				return nil
			}
		}
	}
	if a.ds.HasErrors() {
		return nil
	}

	// Bind numbers: propagators per block, exactly as the Go engine does.
	n := &Neuron{Model: m, Name: m.Name + opts.Suffix, H: opts.Resolution, loc: a.loc}
	for i, p := range m.Params {
		n.Params = append(n.Params, Param{Name: p.Name, Unit: p.Unit, Value: e.params[i]})
	}
	canon := map[int]int{} // IR state → canonical index
	for _, b := range m.Analytic {
		if len(b.Vars) == 1 && b.Vars[0] == timer {
			continue
		}
		for _, v := range b.Vars {
			if v == timer {
				a.unsupported(a.loc.ode(m.State[v].Name), "the timer %s is coupled to other states", m.State[v].Name)
				return nil
			}
			canon[v] = len(n.States)
			init, err := e.evalState(m.State[v].Init)
			if err != nil {
				a.unsupported(a.loc.decl(m.State[v].Name), "the initial value of %s: %v", m.State[v].Name, err)
				return nil
			}
			n.States = append(n.States, State{Name: m.State[v].Name, IR: v, Init: init})
		}
	}
	k := len(n.States)
	n.P = make([][]float64, k)
	for r := range n.P {
		n.P[r] = make([]float64, k)
	}
	n.Rows = make([][]Entry, k)
	n.Q = make([]float64, k)
	cont := contCoefs{a: map[int]map[int]float64{}, b0: map[int]float64{}, ch: map[int]float64{}}
	for _, b := range m.Analytic {
		if len(b.Vars) == 1 && b.Vars[0] == timer {
			continue
		}
		nv := len(b.Vars)
		mc := 1 + len(b.Channels)
		am := make([]float64, nv*nv)
		cm := make([]float64, nv*mc)
		for r := 0; r < nv; r++ {
			for c := 0; c < nv; c++ {
				if am[r*nv+c], err = e.eval(b.A[r][c]); err != nil {
					a.unsupported(a.loc.ode(m.State[b.Vars[r]].Name), "a coefficient of %s' is not constant: %v", m.State[b.Vars[r]].Name, err)
					return nil
				}
			}
			if cm[r*mc], err = e.eval(b.B0[r]); err != nil {
				a.unsupported(a.loc.ode(m.State[b.Vars[r]].Name), "the constant term of %s' is not constant: %v", m.State[b.Vars[r]].Name, err)
				return nil
			}
			for kk := range b.Channels {
				if cm[r*mc+1+kk], err = e.eval(b.BCols[kk][r]); err != nil {
					a.unsupported(a.loc.ode(m.State[b.Vars[r]].Name), "an input coefficient of %s' is not constant: %v", m.State[b.Vars[r]].Name, err)
					return nil
				}
			}
		}
		pm, qm, err := expm.Propagator(am, nv, cm, mc, opts.Resolution)
		if err != nil {
			a.errf(ERange, a.loc.ode(m.State[b.Vars[0]].Name), "loihi: '%s': propagator of {%s}: %v", m.Name, stateList(m, b.Vars), err)
			return nil
		}
		for r, vr := range b.Vars {
			cont.a[vr] = map[int]float64{}
			for c, vc := range b.Vars {
				cont.a[vr][vc] = am[r*nv+c]
			}
			cont.b0[vr] = cm[r*mc]
			if mc > 1 {
				cont.ch[vr] = cm[r*mc+1]
			}
		}
		for r, vr := range b.Vars {
			cr := canon[vr]
			for c, vc := range b.Vars {
				p := pm[r*nv+c]
				n.P[cr][canon[vc]] = p
				if p != 0 {
					n.Rows[cr] = append(n.Rows[cr], Entry{Col: canon[vc], P: p})
				}
			}
			n.Q[cr] = qm[r*mc]
		}
	}
	n.V = canon[vIdx]
	if n.VTh, err = e.eval(thExpr); err != nil {
		a.unsupported(a.loc.word("onCondition"), "threshold: %v", err)
		return nil
	}
	if n.VReset, err = e.eval(resetExpr); err != nil {
		a.unsupported(a.loc.word("onCondition"), "reset: %v", err)
		return nil
	}
	if timer >= 0 {
		n.Timer = m.State[timer].Name
		var refrT float64
		for _, s := range oc.Body {
			if as, ok := s.(*ir.Assign); ok && as.Target.Index == timer && as.Target.Kind == ir.KState {
				refrT, _ = e.eval(as.Value)
			}
		}
		init, _ := e.evalState(m.State[timer].Init)
		n.RefrSteps = timerSteps(refrT, opts.Resolution)
		n.RefrInit = timerSteps(init, opts.Resolution)
	}
	n.Dropped = dropped
	// Ports.
	for pi, p := range m.SpikePorts {
		js := jumps[pi]
		if len(js) == 0 {
			continue
		}
		if len(js) > 1 {
			a.unsupported(a.loc.word(p.Name), "port %s adds to %d states (one Dense connection feeds one state)", p.Name, len(js))
			return nil
		}
		c, err := e.eval(js[0].coef)
		if err != nil {
			a.unsupported(a.loc.word(p.Name), "port %s: %v", p.Name, err)
			return nil
		}
		name := "a_in"
		if len(m.SpikePorts) > 1 {
			name = p.Name + "_in"
		}
		n.Ports = append(n.Ports, Port{Name: name, Source: p.Name, Qualifier: p.Qualifier, State: canon[js[0].state], Coef: c, Delta: js[0].delta})
		n.SourcePorts = append(n.SourcePorts, p.Name)
	}
	if len(n.Ports) == 0 {
		a.unsupported(a.loc.model(), "the model has no spike input")
		return nil
	}
	irPorts := append([]Port(nil), n.Ports...)
	a.decideTier(n)
	if a.ds.HasErrors() {
		return nil
	}
	if n.Tier == "A" {
		n.NIR = nirParams(n, cont, vIdx, irPorts, canon)
	}
	return n
}

// contCoefs are the continuous-time coefficients of the analytic rows, by
// IR state index: A entries, constant terms and the first input channel.
type contCoefs struct {
	a  map[int]map[int]float64
	b0 map[int]float64
	ch map[int]float64
}

// NIRParams are the continuous-time constants of a tier A neuron in NEST
// units (ms, GΩ, mV); WeightScale converts a NEST weight into the NIR
// Linear weight (w·τ_syn for psc_exp, w·τ_mem/r for delta), in NEST units
// (pA·ms, or mV·ms/GΩ = pC).
type NIRParams struct {
	TauMem, TauSyn, R, VLeak, VThreshold, VReset, WeightScale float64
}

func nirParams(n *Neuron, cont contCoefs, v int, ports []Port, canon map[int]int) *NIRParams {
	tauM := -1 / cont.a[v][v]
	p := &NIRParams{TauMem: tauM, VLeak: cont.b0[v] * tauM, VThreshold: n.VTh, VReset: n.VReset}
	if n.Kind == "psc_delta" {
		p.R = 1
		if c := cont.ch[v]; c != 0 {
			p.R = c * tauM
		}
		p.WeightScale = n.Ports[0].Coef * tauM / p.R
		return p
	}
	// the representative current: the IR state behind the first
	// non-inhibitory port
	rep := ports[0]
	for _, q := range ports {
		if q.Qualifier != "inhibitory" {
			rep = q
			break
		}
	}
	irOf := -1
	for ir, c := range canon {
		if c == rep.State {
			irOf = ir
		}
	}
	tauS := -1 / cont.a[irOf][irOf]
	p.TauSyn = tauS
	p.R = cont.a[v][irOf] * tauM
	p.WeightScale = n.Ports[0].Coef * tauS
	return p
}

func (e *env) evalState(x ir.Expr) (float64, error) { return e.eval(x) }

func stateList(m *ir.Model, vs []int) string {
	var s []string
	for _, v := range vs {
		s = append(s, m.State[v].Name)
	}
	return strings.Join(s, ", ")
}

func stmtKind(s ir.Stmt) string {
	switch s.(type) {
	case *ir.Assign:
		return "assignment"
	case *ir.Declare:
		return "local declaration"
	case *ir.If:
		return "if"
	case *ir.While:
		return "while"
	case *ir.For:
		return "for"
	case *ir.IntegrateODEs:
		return "integrate_odes"
	case *ir.EmitSpike:
		return "emit_spike"
	case *ir.Print:
		return "print"
	}
	return fmt.Sprintf("%T", s)
}

// timerSteps counts the steps a NESTML timer started at t stays positive
// when decremented by the Go engine's propagator (refr_t ← 0 + 1·refr_t +
// (−h)); this is the number of refractory steps (numerics.md §9.1).
func timerSteps(t, h float64) int {
	q := float64(h * -1)
	n := 0
	for t > 0 && n < 1<<30 {
		x := 0.0
		x += 1 * t
		x += q
		t = x
		n++
	}
	return n
}

// splitCondition recognizes V >= th, optionally and-ed with timer <= 0.
func splitCondition(c ir.Expr, timer int) (v int, th ir.Expr, hasTimer bool, ok bool) {
	var parts []ir.Expr
	var flat func(ir.Expr)
	flat = func(x ir.Expr) {
		if b, isB := x.(*ir.Binary); isB && b.Op == "and" {
			flat(b.L)
			flat(b.R)
			return
		}
		parts = append(parts, x)
	}
	flat(c)
	v = -1
	for _, p := range parts {
		b, isB := p.(*ir.Binary)
		if !isB {
			return 0, nil, false, false
		}
		l, lok := b.L.(*ir.Ref)
		if timer >= 0 && lok && l.Kind == ir.KState && l.Index == timer && b.Op == "<=" {
			if z, zok := b.R.(*ir.Const); zok && z.Value == 0 {
				hasTimer = true
				continue
			}
		}
		if lok && l.Kind == ir.KState && b.Op == ">=" && isConstExpr(b.R) && v < 0 {
			v, th = l.Index, b.R
			continue
		}
		return 0, nil, false, false
	}
	return v, th, hasTimer, v >= 0
}

// portCoef recognizes port, port*c and c*port.
func portCoef(x ir.Expr, port int) (ir.Expr, bool) {
	isPort := func(y ir.Expr) bool {
		r, ok := y.(*ir.Ref)
		return ok && r.Kind == ir.KSpikePort && r.Index == port
	}
	if isPort(x) {
		return &ir.Const{Value: 1}, true
	}
	if b, ok := x.(*ir.Binary); ok && b.Op == "*" {
		if isPort(b.L) && isConstExpr(b.R) {
			return b.R, true
		}
		if isPort(b.R) && isConstExpr(b.L) {
			return b.L, true
		}
	}
	return nil, false
}

// checkUpdate accepts `integrate_odes(all)` or `if timer > 0:
// integrate_odes(all − V + timer) else: integrate_odes(all)`.
func (a *analyzer) checkUpdate(all []int, v, timer int) bool {
	m := a.m
	same := func(got []int, want []int) bool {
		g := map[int]bool{}
		for _, x := range got {
			g[x] = true
		}
		if len(g) != len(want) {
			return false
		}
		for _, x := range want {
			if !g[x] {
				return false
			}
		}
		return true
	}
	if len(m.Update) != 1 {
		a.unsupported(a.loc.word("update"), "update has %d statements (expected one integrate_odes, or an if/else on the refractory timer)", len(m.Update))
		return false
	}
	switch s := m.Update[0].(type) {
	case *ir.IntegrateODEs:
		if timer >= 0 {
			a.unsupported(a.loc.word("update"), "the timer %s is integrated but does not gate the membrane", m.State[timer].Name)
			return false
		}
		if !same(s.Vars, all) {
			a.unsupported(a.loc.word("integrate_odes"), "integrate_odes(%s) leaves states out", stateList(m, s.Vars))
			return false
		}
		return true
	case *ir.If:
		c, ok := s.Cond.(*ir.Binary)
		if !ok || timer < 0 || c.Op != ">" {
			break
		}
		l, lok := c.L.(*ir.Ref)
		z, zok := c.R.(*ir.Const)
		if !lok || !zok || l.Kind != ir.KState || l.Index != timer || z.Value != 0 {
			break
		}
		if len(s.Then) != 1 || len(s.Else) != 1 {
			break
		}
		ti, ok1 := s.Then[0].(*ir.IntegrateODEs)
		ei, ok2 := s.Else[0].(*ir.IntegrateODEs)
		if !ok1 || !ok2 {
			break
		}
		var refr []int
		for _, x := range all {
			if x != v {
				refr = append(refr, x)
			}
		}
		refr = append(refr, timer)
		if !same(ti.Vars, refr) || !same(ei.Vars, all) {
			a.unsupported(a.loc.word("integrate_odes"), "the refractory branches integrate (%s) and (%s); expected every state but %s (plus the timer) and every state", stateList(m, ti.Vars), stateList(m, ei.Vars), m.State[v].Name)
			return false
		}
		return true
	}
	a.unsupported(a.loc.word("update"), "the update block is not integrate_odes() or the refractory if/else on a timer")
	return false
}

// decideTier merges tier A models into the stock LIF form and checks the
// requested tier.
func (a *analyzer) decideTier(n *Neuron) {
	why := tierAObstacle(n)
	switch {
	case why == "" && a.opts.Tier != "B":
		mergeTierA(n)
	case a.opts.Tier == "A":
		a.errf(ETier, a.loc.model(), "loihi: '%s' cannot run on the stock Loihi LIF (tier A): %s; use tier B (CPU only)", a.m.Name, why)
	default:
		n.Tier, n.Kind = "B", "linear"
	}
}

// tierAObstacle returns why n does not fit Loihi's stock LIF, or "".
func tierAObstacle(n *Neuron) string {
	if n.RefrSteps > 0 || n.RefrInit > 0 {
		return fmt.Sprintf("it is refractory for %d steps (public Lava has no fixed-point refractory LIF)", n.RefrSteps)
	}
	var cur []int
	for r := range n.States {
		if r != n.V {
			cur = append(cur, r)
		}
	}
	delta := 0
	for _, p := range n.Ports {
		if p.Delta {
			delta++
		} else if p.State == n.V {
			return "a port adds to the membrane after integration"
		}
	}
	if len(cur) == 0 {
		if delta != len(n.Ports) {
			return "its inputs are not delta inputs"
		}
		return ""
	}
	if delta > 0 {
		return "it mixes delta and current inputs"
	}
	p11 := n.P[cur[0]][cur[0]]
	for _, c := range cur {
		for col := range n.States {
			if col != c && n.P[c][col] != 0 {
				return fmt.Sprintf("%s is not a single exponential current (its propagator couples it to %s)", n.States[c].Name, n.States[col].Name)
			}
		}
		if n.P[c][c] != p11 {
			return fmt.Sprintf("its currents decay with different time constants (%s vs %s); Loihi's LIF has one current", n.States[cur[0]].Name, n.States[c].Name)
		}
		if n.Q[c] != 0 {
			return fmt.Sprintf("%s has a constant drive", n.States[c].Name)
		}
	}
	// the effect on V per NEST-signed weight must be the same for every port
	var kappa float64
	for i, p := range n.Ports {
		k := n.P[n.V][p.State] * p.Coef
		if p.Qualifier == "inhibitory" {
			k = -k
		}
		if i == 0 {
			kappa = k
		} else if math.Abs(k-kappa) > 1e-12*math.Abs(kappa) {
			return "its ports act on the membrane with different strengths"
		}
	}
	if kappa == 0 {
		return "its input does not reach the membrane"
	}
	return ""
}

// mergeTierA rewrites n into the stock-LIF canonical form: states
// [I_syn, V] (psc_exp) or [V] (psc_delta) and a single signed port a_in.
func mergeTierA(n *Neuron) {
	n.Tier = "A"
	v := n.States[n.V]
	if n.Ports[0].Delta {
		n.Kind = "psc_delta"
		coef := n.Ports[0].Coef
		if n.Ports[0].Qualifier == "inhibitory" {
			coef = -coef
		}
		n.States = []State{v}
		n.P = [][]float64{{n.P[n.V][n.V]}}
		n.Rows = [][]Entry{{{Col: 0, P: n.P[0][0]}}}
		n.Q = []float64{n.Q[n.V]}
		n.V = 0
		n.Ports = []Port{{Name: "a_in", Source: strings.Join(n.SourcePorts, ", "), State: 0, Coef: coef, Delta: true}}
		return
	}
	n.Kind = "psc_exp"
	// representative current: the first port's (excitatory if any)
	ports := append([]Port(nil), n.Ports...)
	sort.SliceStable(ports, func(i, j int) bool { return ports[i].Qualifier != "inhibitory" && ports[j].Qualifier == "inhibitory" })
	rep := ports[0]
	coef := rep.Coef
	if rep.Qualifier == "inhibitory" {
		coef = -coef
	}
	p11 := n.P[rep.State][rep.State]
	p21 := n.P[n.V][rep.State]
	// merged initial current in the representative's units
	i0 := 0.0
	for r, s := range n.States {
		if r != n.V {
			i0 += n.P[n.V][r] / p21 * s.Init
			n.Merged = append(n.Merged, s.Name)
		}
	}
	pvv := n.P[n.V][n.V]
	qv := n.Q[n.V]
	n.States = []State{{Name: "I_syn", IR: -1, Init: i0}, v}
	n.P = [][]float64{{p11, 0}, {p21, pvv}}
	n.Rows = [][]Entry{{{0, p11}}, {{0, p21}, {1, pvv}}}
	n.Q = []float64{0, qv}
	n.V = 1
	n.Ports = []Port{{Name: "a_in", Source: strings.Join(n.SourcePorts, ", "), State: 0, Coef: coef}}
}
