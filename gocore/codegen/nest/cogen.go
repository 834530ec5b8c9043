package nest

import (
	"fmt"
	"sort"
	"strings"

	"nestml_go/gocore/ir"
)

// Co-generation of a neuron–synapse pair (nest_target.md §5.3).
//
// A state variable of the synapse moves into the neuron when it depends on
// post-synaptic spikes only: it has a linear ODE solved by an analytic
// block all of whose variables move, with coefficients that read only
// parameters; it is assigned only by top-level statements of the handlers
// of the post-synaptic ports, whose right-hand sides read only moved
// variables, parameters and constants; its initial value reads only
// parameters; and the update block does not read it (integrate_odes may
// list it). The weight variable and the variables listed in
// strictly_synaptic_vars never move. The parameters read by the moved code
// move with it (and leave the synapse when nothing else there reads them).
//
// The neuron <neuron>__with_<synapse> holds the moved variables as states
// <var>__for_<synapse> (parameters <par>__for_<synapse>), propagates them
// every step, and on each of its spikes runs the moved assignments and
// appends an entry (t, values before and after the assignments, the values
// of the neuron variables bound to the synapse's continuous ports) to its
// own history. The history is pruned like NEST's ArchivingNode history:
// an entry goes when every registered connection has read it and a later
// entry is older than max delay + min delay.
//
// The synapse reads, for each post-synaptic spike in (t_last − d, t − d],
// the entry's "before" values into locals named like the moved variables
// (so its post handler computes exactly what it computed with its own
// copies), and at a pre-synaptic spike the values at t − d: the latest
// entry at or before t − d propagated exactly (P = exp(A·Δt)) to t − d.
//
// Bound continuous ports (third factors) read the neuron variable in one
// of pynestml's two ways (codegen option continuous_state_buffering_method):
//
//   - "post_spike_based": the value sampled at each spike of the neuron
//     (kept in the history entry): in a post handler the entry's value, in
//     a pre handler the value of the latest spike at or before t − d;
//   - "continuous_time_buffer" (the default, as upstream): the neuron
//     appends the variable's value at the end of every step (stamp = the
//     step's end time) to a buffer; a post handler reads the value at
//     t_post + d and a pre handler the value at t (the events' times at the
//     synapse; upstream reads the live value there, which is the value at t
//     when min_delay equals the resolution). Every registered connection
//     holds the entries from its last pre-synaptic spike on (a sorted list
//     of (t_last, count)); entries older than the smallest t_last go.

// cogenPlan is what moves from one synapse into its co-generated neuron.
type cogenPlan struct {
	syn     *ir.Model
	tag     string // suffixed synapse name: the "__for_<tag>" of moved names
	neuron  string // class name of the co-generated neuron
	moved   []int  // synapse state indices, in block order
	isMoved map[int]bool
	blocks  []int // synapse analytic blocks that move
	params  []int // synapse parameters read by the moved code
	// jumps are the moved assignments, in handler and statement order.
	jumps []*ir.Assign
	// single marks moved variables assigned exactly once in the post
	// handlers: the synapse reads their "after" value from the entry.
	single map[int]bool
	// keepParam marks moved parameters the remaining synapse still reads.
	keepParam map[int]bool
	// cont binds continuous ports of the synapse to neuron state
	// variables: port index → neuron state variable.
	cont map[int]*ir.Var
	// contOrder lists the bound port indices in order.
	contOrder []int
	// ctb: the bound ports read the neuron's continuous-time buffer
	// (continuous_state_buffering_method "continuous_time_buffer").
	ctb bool
}

// movedName is the neuron's name of synapse variable n.
func (pl *cogenPlan) movedName(n string) string { return n + "__for_" + pl.tag }

// entryType, historyMember etc. are the C++ names of the neuron's history.
func (pl *cogenPlan) entryType() string     { return "histentry__" + pl.tag }
func (pl *cogenPlan) historyMember() string { return "history__" + pl.tag + "_" }
func (pl *cogenPlan) getHistory() string    { return "get_history__" + pl.tag }
func (pl *cogenPlan) register() string      { return "register_stdp_connection__" + pl.tag }
func (pl *cogenPlan) valuesAt() string      { return "get_values__" + pl.tag }
func (pl *cogenPlan) ctbValues() string     { return "get_buffered__" + pl.tag }
func (pl *cogenPlan) ctbMove() string       { return "move_buffer_hold__" + pl.tag }

// nSlots is the size of the value arrays of a history entry (never 0).
func nSlots(n int) int {
	if n == 0 {
		return 1
	}
	return n
}

// refsOf calls f for every variable reference in e.
func refsOf(e ir.Expr, f func(*ir.Ref)) {
	ir.Walk(e, func(x ir.Expr) {
		if r, ok := x.(*ir.Ref); ok {
			f(r)
		}
	})
}

// stmtRefs calls read for every expression and assign for every assignment
// of list, recursively; top reports whether the assignment is a top-level
// statement of list.
func stmtRefs(list []ir.Stmt, top bool, read func(ir.Expr), assign func(a *ir.Assign, top bool)) {
	for _, s := range list {
		switch s := s.(type) {
		case *ir.Assign:
			assign(s, top)
			read(s.Value)
			if s.Op != "=" && s.Op != "" {
				read(s.Target)
			}
		case *ir.Declare:
			read(s.Init)
		case *ir.If:
			read(s.Cond)
			stmtRefs(s.Then, false, read, assign)
			stmtRefs(s.Else, false, read, assign)
		case *ir.While:
			read(s.Cond)
			stmtRefs(s.Body, false, read, assign)
		case *ir.For:
			read(s.From)
			read(s.To)
			stmtRefs(s.Body, false, read, assign)
		case *ir.EmitSpike:
			read(s.Weight)
		case *ir.Print:
			for _, a := range s.Args {
				read(a)
			}
		}
	}
}

// planCogen decides what moves from synapse s (printed as synName) into
// neuron n (printed as neuronClass). post are the synapse's post-synaptic
// spike ports; strict the variables that must stay.
func planCogen(n, s *ir.Model, tag, neuronClass string, post map[int]bool, opts Options) (*cogenPlan, error) {
	pl := &cogenPlan{syn: s, tag: tag, neuron: neuronClass, isMoved: map[int]bool{}, single: map[int]bool{},
		keepParam: map[int]bool{}, cont: map[int]*ir.Var{}}
	strict := map[string]bool{}
	for _, v := range opts.StrictlySynaptic[s.Name] {
		strict[v] = true
	}
	wname, _ := synapseOpt(opts.WeightVariable, s.Name, tag)
	conv := map[int]bool{}
	for _, si := range s.ConvStates {
		conv[si] = true
	}
	blockOf := map[int]int{}
	for b, blk := range s.Analytic {
		if blk == nil {
			continue
		}
		for _, si := range blk.Vars {
			blockOf[si] = b
		}
	}
	vt := map[int]bool{}
	for _, n := range opts.VtPorts[s.Name] {
		for i, sp := range s.SpikePorts {
			if sp.Name == n {
				vt[i] = true
			}
		}
	}
	cand := map[int]bool{}
	for _, v := range s.State {
		if v == nil || !v.HasODE || v.Type != ir.Real || v.Name == wname || strict[v.Name] || conv[v.Index] {
			continue
		}
		if _, ok := blockOf[v.Index]; ok {
			cand[v.Index] = true
		}
	}
	onlyParams := func(e ir.Expr, alsoCand bool) bool {
		ok := true
		refsOf(e, func(r *ir.Ref) {
			switch {
			case r.Kind == ir.KParam:
			case alsoCand && r.Kind == ir.KState && cand[r.Index]:
			default:
				ok = false
			}
		})
		return ok
	}
	for changed := true; changed; {
		changed = false
		drop := func(si int) {
			if cand[si] {
				delete(cand, si)
				changed = true
			}
		}
		for si := range cand {
			blk := s.Analytic[blockOf[si]]
			good := len(blk.Channels) == 0 && onlyParams(s.State[si].Init, false)
			for _, vj := range blk.Vars {
				if !cand[vj] {
					good = false
				}
			}
			for _, row := range blk.A {
				for _, e := range row {
					good = good && onlyParams(e, false)
				}
			}
			for _, e := range blk.B0 {
				good = good && onlyParams(e, false)
			}
			if !good {
				for _, vj := range blk.Vars {
					drop(vj)
				}
			}
		}
		// assignments: only top-level ones in post handlers, reading only
		// candidates and parameters
		badAssign := func(a *ir.Assign, top bool, inPost bool) {
			if a.Target == nil || a.Target.Kind != ir.KState || !cand[a.Target.Index] {
				return
			}
			if !top || !inPost || !onlyParams(a.Value, true) {
				drop(a.Target.Index)
			}
		}
		noRead := func(e ir.Expr) {
			refsOf(e, func(r *ir.Ref) {
				if r.Kind == ir.KState && cand[r.Index] {
					drop(r.Index)
				}
			})
		}
		stmtRefs(s.Update, true, noRead, func(a *ir.Assign, top bool) { badAssign(a, top, false) })
		for _, h := range s.OnReceive {
			if h == nil {
				continue
			}
			inPost := post[h.Port]
			if vt[h.Port] {
				// volume-transmitter handlers run without the target
				stmtRefs(h.Body, true, noRead, func(*ir.Assign, bool) {})
			}
			stmtRefs(h.Body, true, func(ir.Expr) {}, func(a *ir.Assign, top bool) { badAssign(a, top, inPost) })
		}
		for _, v := range s.State {
			if !cand[v.Index] {
				noRead(v.Init)
			}
		}
		for _, v := range s.Internals {
			noRead(v.Init)
		}
		for _, blk := range s.Analytic {
			if blk == nil || (len(blk.Vars) > 0 && cand[blk.Vars[0]]) {
				continue
			}
			blockExprs(blk, noRead)
		}
	}
	for b, blk := range s.Analytic {
		if blk == nil || len(blk.Vars) == 0 || !cand[blk.Vars[0]] {
			continue
		}
		pl.blocks = append(pl.blocks, b)
		for _, si := range blk.Vars {
			pl.moved = append(pl.moved, si)
			pl.isMoved[si] = true
		}
	}
	// the moved assignments, in order
	count := map[int]int{}
	for _, h := range s.OnReceive {
		if h == nil || !post[h.Port] {
			continue
		}
		for _, st := range h.Body {
			if a, ok := st.(*ir.Assign); ok && a.Target != nil && a.Target.Kind == ir.KState && pl.isMoved[a.Target.Index] {
				pl.jumps = append(pl.jumps, a)
				count[a.Target.Index]++
			}
		}
	}
	for si, k := range count {
		pl.single[si] = k == 1
	}
	// parameters read by the moved code
	usedP := map[int]bool{}
	collectP := func(e ir.Expr) {
		refsOf(e, func(r *ir.Ref) {
			if r.Kind == ir.KParam {
				usedP[r.Index] = true
			}
		})
	}
	for _, b := range pl.blocks {
		for _, row := range s.Analytic[b].A {
			for _, e := range row {
				collectP(e)
			}
		}
		for _, e := range s.Analytic[b].B0 {
			collectP(e)
		}
	}
	for _, si := range pl.moved {
		collectP(s.State[si].Init)
	}
	for _, a := range pl.jumps {
		collectP(a.Value)
	}
	for i := range s.Params {
		if usedP[i] {
			pl.params = append(pl.params, i)
		}
	}
	// bound continuous ports
	binds := opts.ContBind[s.Name]
	for i, cp := range s.ContPorts {
		nv, ok := binds[cp.Name]
		if !ok {
			return nil, fmt.Errorf("continuous input port %s (third-factor plasticity) is not bound to a variable of neuron %s; bind it in neuron_synapse_pairs: \"post_ports\": [..., [%q, \"<neuron state variable>\"]]",
				cp.Name, n.Name, cp.Name)
		}
		var v *ir.Var
		for _, x := range n.State {
			if x.Name == nv {
				v = x
			}
		}
		if v == nil {
			return nil, fmt.Errorf("post port [%q, %q]: neuron %s has no state variable %q", cp.Name, nv, n.Name, nv)
		}
		if v.Type != ir.Real {
			return nil, fmt.Errorf("post port [%q, %q]: neuron variable %s is not real", cp.Name, nv, nv)
		}
		if cp.Unit != "" && v.Unit != "" && cp.Unit != v.Unit {
			return nil, fmt.Errorf("post port [%q, %q]: the port is in %s but the neuron variable in %s", cp.Name, nv, cp.Unit, v.Unit)
		}
		pl.cont[i] = v
		pl.contOrder = append(pl.contOrder, i)
	}
	for name := range binds {
		found := false
		for _, cp := range s.ContPorts {
			found = found || cp.Name == name
		}
		if !found {
			return nil, fmt.Errorf("post port [%q, %q]: %q is not a continuous input port of synapse %s", name, binds[name], name, s.Name)
		}
	}
	for _, si := range pl.moved {
		if !isNestmlIdent(s.State[si].Name) {
			return nil, fmt.Errorf("state variable name %q is not an identifier", s.State[si].Name)
		}
	}
	return pl, nil
}

// contLocal is the name of the local that stands for a bound continuous
// port inside the synapse's handlers (moved variables keep their names).
func contLocal(port *ir.Port) string { return port.Name }

// rewriteSynapse returns a copy of the synapse model in which the moved
// variables and the bound continuous ports are locals of the handlers
// (named like them), the moved analytic blocks are gone, integrate_odes no
// longer lists moved variables, and the single moved assignments of the
// post handlers read the entry's value __after_<var>.
func (pl *cogenPlan) rewriteSynapse(post map[int]bool) *ir.Model {
	s := pl.syn
	c := *s
	mapRef := func(r *ir.Ref) ir.Expr {
		switch {
		case r.Kind == ir.KState && pl.isMoved[r.Index]:
			return &ir.Ref{Kind: ir.KLocal, Name: r.Name}
		case r.Kind == ir.KContPort && r.Index >= 0 && r.Index < len(s.ContPorts) && pl.cont[r.Index] != nil:
			return &ir.Ref{Kind: ir.KLocal, Name: contLocal(s.ContPorts[r.Index])}
		}
		return r
	}
	var mapE func(e ir.Expr) ir.Expr
	mapE = func(e ir.Expr) ir.Expr {
		switch e := e.(type) {
		case *ir.Ref:
			return mapRef(e)
		case *ir.Unary:
			return &ir.Unary{Op: e.Op, X: mapE(e.X)}
		case *ir.Binary:
			return &ir.Binary{Op: e.Op, L: mapE(e.L), R: mapE(e.R), Int: e.Int}
		case *ir.Cond:
			return &ir.Cond{C: mapE(e.C), Then: mapE(e.Then), Else: mapE(e.Else)}
		case *ir.Call:
			args := make([]ir.Expr, len(e.Args))
			for i, a := range e.Args {
				args[i] = mapE(a)
			}
			return &ir.Call{Fn: e.Fn, Args: args}
		}
		return e
	}
	var mapS func(list []ir.Stmt, inPost bool) []ir.Stmt
	mapS = func(list []ir.Stmt, inPost bool) []ir.Stmt {
		out := make([]ir.Stmt, 0, len(list))
		for _, st := range list {
			switch st := st.(type) {
			case *ir.Assign:
				t := st.Target
				if t != nil && t.Kind == ir.KState && pl.isMoved[t.Index] {
					if inPost && pl.single[t.Index] {
						out = append(out, &ir.Assign{Target: &ir.Ref{Kind: ir.KLocal, Name: t.Name}, Op: "=",
							Value: &ir.Ref{Kind: ir.KLocal, Name: "__after_" + t.Name}})
						continue
					}
					t = &ir.Ref{Kind: ir.KLocal, Name: t.Name}
				}
				out = append(out, &ir.Assign{Target: t, Op: st.Op, Value: mapE(st.Value)})
			case *ir.Declare:
				out = append(out, &ir.Declare{Var: st.Var, Init: mapE(st.Init)})
			case *ir.If:
				out = append(out, &ir.If{Cond: mapE(st.Cond), Then: mapS(st.Then, false), Else: mapS(st.Else, false)})
			case *ir.While:
				out = append(out, &ir.While{Cond: mapE(st.Cond), Body: mapS(st.Body, false)})
			case *ir.For:
				out = append(out, &ir.For{Var: st.Var, From: mapE(st.From), To: mapE(st.To), Step: st.Step, Body: mapS(st.Body, false)})
			case *ir.IntegrateODEs:
				var vs []int
				for _, si := range st.Vars {
					if !pl.isMoved[si] {
						vs = append(vs, si)
					}
				}
				out = append(out, &ir.IntegrateODEs{Vars: vs})
			case *ir.EmitSpike:
				var w ir.Expr
				if st.Weight != nil {
					w = mapE(st.Weight)
				}
				out = append(out, &ir.EmitSpike{Weight: w})
			case *ir.Print:
				args := make([]ir.Expr, len(st.Args))
				for i, a := range st.Args {
					args[i] = mapE(a)
				}
				out = append(out, &ir.Print{Format: st.Format, Names: st.Names, Args: args, Newline: st.Newline})
			default:
				out = append(out, st)
			}
		}
		return out
	}
	c.Update = mapS(s.Update, false)
	c.OnReceive = make([]*ir.OnReceive, len(s.OnReceive))
	for i, h := range s.OnReceive {
		if h == nil {
			continue
		}
		c.OnReceive[i] = &ir.OnReceive{Port: h.Port, Priority: h.Priority, Body: mapS(h.Body, post[h.Port])}
	}
	moved := map[int]bool{}
	for _, b := range pl.blocks {
		moved[b] = true
	}
	c.Analytic = nil
	for b, blk := range s.Analytic {
		if !moved[b] {
			c.Analytic = append(c.Analytic, blk)
		}
	}
	// which moved parameters the remaining synapse still reads
	mp := map[int]bool{}
	for _, i := range pl.params {
		mp[i] = true
	}
	see := func(e ir.Expr) {
		refsOf(e, func(r *ir.Ref) {
			if r.Kind == ir.KParam && mp[r.Index] {
				pl.keepParam[r.Index] = true
			}
		})
	}
	stmtRefs(c.Update, true, see, func(*ir.Assign, bool) {})
	for _, h := range c.OnReceive {
		if h != nil {
			stmtRefs(h.Body, true, see, func(*ir.Assign, bool) {})
		}
	}
	for _, blk := range c.Analytic {
		blockExprs(blk, see)
	}
	for _, v := range s.State {
		if !pl.isMoved[v.Index] {
			see(v.Init)
		}
	}
	for _, v := range s.Internals {
		see(v.Init)
	}
	for _, v := range s.Params {
		if !mp[v.Index] {
			see(v.Init)
			see(v.Guard)
		}
	}
	return &c
}

// removedParam reports whether synapse parameter i left the synapse.
func (pl *cogenPlan) removedParam(i int) bool {
	if pl == nil {
		return false
	}
	for _, j := range pl.params {
		if j == i {
			return !pl.keepParam[i]
		}
	}
	return false
}

// synapseLocals returns the C++ declarations of the handler locals of the
// synapse: from the history entry e (post handlers, from "before"; the
// single assignments' "after"), or from the values at time expression at.
// With the continuous-time buffer the bound ports read the buffer at time
// expression ctbAt instead.
func (pl *cogenPlan) synapseLocals(fromEntry, at, ctbAt string, indent int) string {
	c := &code{indent: indent}
	if len(pl.moved) == 0 && len(pl.contOrder) == 0 {
		return ""
	}
	if fromEntry == "" {
		c.line("double __mv[ %d ];", nSlots(len(pl.moved)))
		c.line("double __cv[ %d ];", nSlots(len(pl.contOrder)))
		c.line("static_cast< %s* >( __target )->%s( %s, __mv, __cv );", pl.neuron, pl.valuesAt(), at)
	}
	if pl.ctb && len(pl.contOrder) > 0 {
		if fromEntry != "" {
			c.line("double __cv[ %d ];", nSlots(len(pl.contOrder)))
		}
		c.line("static_cast< %s* >( __target )->%s( %s, __cv );", pl.neuron, pl.ctbValues(), ctbAt)
	}
	for k, si := range pl.moved {
		n := pl.syn.State[si].Name
		if fromEntry != "" {
			c.line("[[maybe_unused]] double %s = %s.before_[ %d ];", cppName(n), fromEntry, k)
			if pl.single[si] {
				c.line("[[maybe_unused]] const double %s = %s.after_[ %d ];", cppName("__after_"+n), fromEntry, k)
			}
		} else {
			c.line("[[maybe_unused]] double %s = __mv[ %d ];", cppName(n), k)
		}
	}
	for k, pi := range pl.contOrder {
		n := contLocal(pl.syn.ContPorts[pi])
		if fromEntry != "" && !pl.ctb {
			c.line("[[maybe_unused]] double %s = %s.cont_[ %d ];", cppName(n), fromEntry, k)
		} else {
			c.line("[[maybe_unused]] double %s = __cv[ %d ];", cppName(n), k)
		}
	}
	return c.String()
}

// declareLocals puts the handler locals into the printer's scope.
func (pl *cogenPlan) declareLocals(p *printer, post bool) {
	for _, si := range pl.moved {
		n := pl.syn.State[si].Name
		p.declareLocal(&ir.Var{Name: n, Kind: ir.KLocal, Type: ir.Real})
		if post && pl.single[si] {
			p.declareLocal(&ir.Var{Name: "__after_" + n, Kind: ir.KLocal, Type: ir.Real})
		}
	}
	for _, pi := range pl.contOrder {
		p.declareLocal(&ir.Var{Name: contLocal(pl.syn.ContPorts[pi]), Kind: ir.KLocal, Type: ir.Real})
	}
}

// applyNeuron adds the moved variables, their parameters, their
// propagation, the spike hook and the history to the template data of the
// co-generated neuron n.
func (pl *cogenPlan) applyNeuron(n *ir.Model, d *neuronData, opts Options) error {
	if opts.ParentClass != "ArchivingNode" {
		return fmt.Errorf("co-generation with %s needs the parent class ArchivingNode, not %s", pl.tag, opts.ParentClass)
	}
	s := pl.syn
	names := d.Name + "_names"
	taken := map[string]bool{}
	for _, k := range d.Keys {
		taken[k.Key] = true
	}
	addKey := func(n string) (string, error) {
		if taken[n] {
			return "", fmt.Errorf("co-generation: the neuron already has a variable %q", n)
		}
		taken[n] = true
		d.Keys = append(d.Keys, keyDecl{keyIdent(n), n})
		return names + "::" + keyIdent(n), nil
	}
	// synapse printer in neuron context: parameters are the moved members
	p := newPrinter(s)
	p.paramExpr = map[int]string{}
	var defaults code
	defaults.indent = 1
	defaults.line("// parameters moved from %s", pl.tag)
	for _, i := range pl.params {
		v := s.Params[i]
		mn := pl.movedName(v.Name)
		k, err := addKey(mn)
		if err != nil {
			return err
		}
		t, err := typeOf(v.Type)
		if err != nil {
			return fmt.Errorf("parameter %s: %v", v.Name, err)
		}
		ref := "P_." + cppName(mn)
		rd := fmt.Sprintf("update_value_param( d, %s, %s, this );", k, "ptmp."+cppName(mn))
		switch t {
		case tLong:
			rd = fmt.Sprintf("d.update_integer_value( %s, ptmp.%s );", k, cppName(mn))
		case tBool:
			rd = fmt.Sprintf("d.update_value( %s, ptmp.%s );", k, cppName(mn))
		}
		d.Params = append(d.Params, member{Name: mn, CName: cppName(mn), Type: t.String(), Key: k, Ref: ref,
			TmpRef: "ptmp." + cppName(mn), Read: rd, Unit: oneLine(v.Unit)})
		p.paramExpr[i] = ref
	}
	for _, i := range pl.params {
		v := s.Params[i]
		e, et, err := p.expr(v.Init)
		if err != nil {
			return fmt.Errorf("default of %s: %v", v.Name, err)
		}
		defaults.line("%s = %s;", p.paramExpr[i], convert(e, et, mustType(v.Type)))
	}
	// guards of the moved parameters that read only moved parameters
	var guards code
	guards.indent = 1
	for _, i := range pl.params {
		v := s.Params[i]
		if v.Guard == nil || !onlyMovedParams(v.Guard, p.paramExpr) {
			continue
		}
		if err := guardLine(p, &guards, v); err != nil {
			return err
		}
	}
	d.GuardBody += guards.String()
	// states
	var inits code
	inits.indent = 1
	inits.line("// state moved from %s", pl.tag)
	for _, si := range pl.moved {
		v := s.State[si]
		mn := pl.movedName(v.Name)
		k, err := addKey(mn)
		if err != nil {
			return err
		}
		ref := "S_." + cppName(mn)
		d.OtherStates = append(d.OtherStates, member{Name: mn, CName: cppName(mn), Type: "double", Key: k, Ref: ref,
			TmpRef: "stmp." + cppName(mn), Read: fmt.Sprintf("update_value_param( d, %s, stmp.%s, this );", k, cppName(mn)),
			Unit: oneLine(v.Unit)})
		d.Recordables = append(d.Recordables, recordable{Name: mn, Getter: "get_" + cppName(mn), Expr: ref, Key: k})
		e, et, err := p.expr(v.Init)
		if err != nil {
			return fmt.Errorf("initial value of %s: %v", v.Name, err)
		}
		inits.line("%s = %s;", ref, toDouble(e, et))
	}
	sort.SliceStable(d.Recordables, func(i, j int) bool { return d.Recordables[i].Name < d.Recordables[j].Name })
	// constructor: parameter defaults before the internals, initial values after
	d.ConstructorBody = defaults.String() + d.ConstructorBody + inits.String()

	// propagators over the step (recompute_internal_variables) under block
	// numbers after the neuron's own
	base := len(n.Analytic)
	type mblock struct {
		idx  int // neuron-side block number
		blk  *ir.AnalyticBlock
		rows []int // moved-slot index of each block row
	}
	slot := map[int]int{}
	for k, si := range pl.moved {
		slot[si] = k
	}
	var mblocks []mblock
	rc := &code{indent: 1}
	rc.line("// propagators of the state moved from %s", pl.tag)
	for j, b := range pl.blocks {
		blk := s.Analytic[b]
		bd, err := p.blockCompute(rc, base+j, blk, d.Name)
		if err != nil {
			return err
		}
		d.Blocks = append(d.Blocks, bd)
		mb := mblock{idx: base + j, blk: blk}
		for _, si := range blk.Vars {
			mb.rows = append(mb.rows, slot[si])
		}
		mblocks = append(mblocks, mb)
	}
	d.RecomputeBody += rc.String()
	// per step: propagate the moved state (independent of the neuron's
	// state, so at the start of the step)
	{
		c := &code{indent: 2}
		c.line("// state moved from %s: propagated over the step", pl.tag)
		for _, mb := range mblocks {
			n, m := len(mb.blk.Vars), 1
			_, qNZ := structure(mb.blk)
			c.line("{")
			c.indent++
			for r := range mb.blk.Vars {
				terms := []string{}
				for col := range mb.blk.Vars {
					terms = append(terms, fmt.Sprintf("V_.__P_%d[ %d ] * S_.%s", mb.idx, r*n+col, cppName(pl.movedName(s.State[mb.blk.Vars[col]].Name))))
				}
				if qNZ[r][0] {
					terms = append(terms, fmt.Sprintf("V_.__Q_%d[ %d ]", mb.idx, r*m))
				}
				c.line("const double __mv_%d = %s;", r, strings.Join(terms, " + "))
			}
			for r, si := range mb.blk.Vars {
				c.line("S_.%s = __mv_%d;", cppName(pl.movedName(s.State[si].Name)), r)
			}
			c.close()
		}
		d.UpdateBody = c.String() + d.UpdateBody
	}
	// class members: history, spike hook, readers
	{
		K, C := len(pl.moved), len(pl.contOrder)
		et, hm := pl.entryType(), pl.historyMember()
		c := &code{indent: 1}
		c.line("// ---- co-generated with %s (nest_target.md §5.3) ----", pl.tag)
		c.line("")
		c.line("//! One spike of this neuron as seen by %s: the moved variables just", pl.tag)
		c.line("//! before and just after the spike's updates, the bound variables at the spike.")
		c.open("struct %s", et)
		c.line("double t_ = 0;")
		c.line("double before_[ %d ] = {};", nSlots(K))
		c.line("double after_[ %d ] = {};", nSlots(K))
		c.line("double cont_[ %d ] = {};", nSlots(C))
		c.line("size_t access_counter_ = 0;")
		c.indent--
		c.line("};")
		c.line("")
		c.line("//! Keep the history until every %s connection has read it.", pl.tag)
		c.line("void")
		c.open("%s( double t_first_read, double delay )", pl.register())
		c.line("const double eps = kernel().connection_manager.get_stdp_eps();")
		c.open("for ( auto& e : %s )", hm)
		c.open("if ( t_first_read - e.t_ > -eps )")
		c.line("++e.access_counter_;")
		c.close()
		c.close()
		c.line("++n_incoming__%s_;", pl.tag)
		c.line("max_delay__%s_ = std::max( max_delay__%s_, delay );", pl.tag, pl.tag)
		if pl.ctb {
			c.line("// the connection reads the buffer from its last pre-synaptic spike on")
			c.line("buffer_hold__%s_( Time( Time::ms( t_first_read + delay ) ).get_steps(), 1 );", pl.tag)
		}
		c.close()
		c.line("")
		c.line("//! The entries of the spikes in (t1, t2], marked as read.")
		c.line("void")
		c.line("%s( double t1, double t2, std::deque< %s >::const_iterator* start, std::deque< %s >::const_iterator* finish )", pl.getHistory(), et, et)
		c.line("{")
		c.indent++
		c.line("const double eps = kernel().connection_manager.get_stdp_eps();")
		c.line("auto runner = %s.rbegin();", hm)
		c.open("while ( runner != %s.rend() and runner->t_ >= t2 + eps )", hm)
		c.line("++runner;")
		c.close()
		c.line("*finish = runner.base();")
		c.open("while ( runner != %s.rend() and runner->t_ >= t1 + eps )", hm)
		c.line("++runner->access_counter_;")
		c.line("++runner;")
		c.close()
		c.line("*start = runner.base();")
		c.close()
		c.line("")
		c.line("//! The moved variables and the bound variables at time t: the latest")
		c.line("//! entry at or before t, propagated exactly to t.")
		c.line("void")
		c.open("%s( double t, double* mv, [[maybe_unused]] double* cv ) const", pl.valuesAt())
		c.line("const double eps = kernel().connection_manager.get_stdp_eps();")
		c.line("[[maybe_unused]] double t0 = 0.0;")
		c.line("auto runner = %s.rbegin();", hm)
		c.open("while ( runner != %s.rend() and runner->t_ >= t + eps )", hm)
		c.line("++runner;")
		c.close()
		c.open("if ( runner != %s.rend() )", hm)
		c.line("t0 = runner->t_;")
		c.open("for ( int i = 0; i < %d; ++i )", nSlots(K))
		c.line("mv[ i ] = runner->after_[ i ];")
		c.close()
		c.open("for ( int i = 0; i < %d; ++i )", nSlots(C))
		c.line("cv[ i ] = runner->cont_[ i ];")
		c.close()
		c.close()
		c.open("else")
		c.line("// no spike yet: the initial values, from t = 0")
		for k, si := range pl.moved {
			e, et2, err := p.expr(s.State[si].Init)
			if err != nil {
				return err
			}
			c.line("mv[ %d ] = %s;", k, toDouble(e, et2))
		}
		if K == 0 {
			c.line("mv[ 0 ] = 0.0;")
		}
		c.open("for ( int i = 0; i < %d; ++i )", nSlots(C))
		c.line("cv[ i ] = 0.0;")
		c.close()
		c.close()
		if K > 0 {
			c.line("propagate__%s_( t - t0, mv );", pl.tag)
		}
		c.close()
		if K > 0 {
			c.line("")
			c.line("//! x <- exp(A dt) x + Gamma b0 for the moved blocks.")
			c.line("void")
			c.open("propagate__%s_( double dt, double* x ) const", pl.tag)
			c.open("if ( dt < 1e-12 )")
			c.line("return;")
			c.close()
			for _, mb := range mblocks {
				n := len(mb.blk.Vars)
				a, q, err := blockArrays(p, mb.blk)
				if err != nil {
					return err
				}
				c.line("{")
				c.indent++
				c.line("const double A[ %d ] = { %s };", n*n, strings.Join(a, ", "))
				c.line("const double C[ %d ] = { %s };", n, strings.Join(q, ", "))
				c.line("double __P[ %d ];", n*n)
				c.line("double __Q[ %d ];", n)
				c.line("nestml_go::propagator( A, %d, C, 1, dt, __P, __Q );", n)
				for r := range mb.blk.Vars {
					terms := []string{}
					for col := range mb.blk.Vars {
						terms = append(terms, fmt.Sprintf("__P[ %d ] * x[ %d ]", r*n+col, mb.rows[col]))
					}
					terms = append(terms, fmt.Sprintf("__Q[ %d ]", r))
					c.line("const double __x_%d = %s;", r, strings.Join(terms, " + "))
				}
				for r := range mb.blk.Vars {
					c.line("x[ %d ] = __x_%d;", mb.rows[r], r)
				}
				c.close()
			}
			c.close()
		}
		c.line("")
		c.line("//! set_spiketime of the parent, then the moved updates of the spike and")
		c.line("//! a new history entry (hides ArchivingNode::set_spiketime in update()).")
		c.line("void")
		c.open("set_spiketime( Time const& t_sp, double offset = 0.0 )")
		c.line("ArchivingNode::set_spiketime( t_sp, offset );")
		c.line("const double t_sp_ms = t_sp.get_ms() - offset;")
		c.line("// prune the entries every connection has read and no reader needs")
		c.line("const double __keep = max_delay__%s_ + Time::delay_steps_to_ms( kernel().connection_manager.get_min_delay() )", pl.tag)
		c.line("  + kernel().connection_manager.get_stdp_eps();")
		c.open("while ( %s.size() > 1 and %s.front().access_counter_ >= n_incoming__%s_ and t_sp_ms - %s[ 1 ].t_ > __keep )", hm, hm, pl.tag, hm)
		c.line("%s.pop_front();", hm)
		c.close()
		c.line("%s __e;", et)
		c.line("__e.t_ = t_sp_ms;")
		for k, si := range pl.moved {
			c.line("__e.before_[ %d ] = S_.%s;", k, cppName(pl.movedName(s.State[si].Name)))
		}
		for k, pi := range pl.contOrder {
			v := pl.cont[pi]
			np := newPrinter(n)
			ref, rt, err := np.ref(&ir.Ref{Kind: ir.KState, Index: v.Index, Name: v.Name})
			if err != nil {
				return err
			}
			c.line("__e.cont_[ %d ] = %s; // %s", k, toDouble(ref, rt), v.Name)
		}
		if len(pl.jumps) > 0 {
			c.line("{")
			c.indent++
			c.line("// the moved statements of onReceive(post) of %s", pl.tag)
			jp := newPrinter(s)
			jp.paramExpr = p.paramExpr
			jp.pushScope()
			for _, si := range pl.moved {
				nm := s.State[si].Name
				c.line("[[maybe_unused]] double& %s = S_.%s;", cppName(nm), cppName(pl.movedName(nm)))
				jp.declareLocal(&ir.Var{Name: nm, Kind: ir.KLocal, Type: ir.Real})
			}
			for _, a := range pl.jumps {
				la := &ir.Assign{Target: &ir.Ref{Kind: ir.KLocal, Name: a.Target.Name}, Op: a.Op, Value: localizeMoved(a.Value, pl.isMoved)}
				if err := jp.assign(c, la); err != nil {
					return fmt.Errorf("moved statement of %s: %v", pl.tag, err)
				}
			}
			c.close()
		}
		for k, si := range pl.moved {
			c.line("__e.after_[ %d ] = S_.%s;", k, cppName(pl.movedName(s.State[si].Name)))
		}
		c.line("%s.push_back( __e );", hm)
		c.close()
		if pl.ctb {
			if err := pl.ctbMembers(c, n); err != nil {
				return err
			}
		}
		c.line("")
		c.line("std::deque< %s > %s; //!< spikes of this neuron for %s", et, hm, pl.tag)
		c.line("size_t n_incoming__%s_ = 0; //!< registered %s connections", pl.tag, pl.tag)
		c.line("double max_delay__%s_ = 0.0; //!< their largest delay, ms", pl.tag)
		lines := strings.Split(c.String(), "\n")
		for i, ln := range lines {
			lines[i] = strings.TrimRight(ln, " ")
		}
		d.CogenDecls = strings.Join(lines, "\n")
	}
	if pl.ctb {
		c := &code{indent: 2}
		c.line("// continuous_time_buffer for %s: the bound variables at the end of the step", pl.tag)
		c.line("write_buffer__%s_( origin.get_steps() + lag + 1 );", pl.tag)
		d.UpdateBody += c.String()
	}
	return nil
}

// ctbMembers prints the continuous-time buffer of the bound variables
// (continuous_state_buffering_method "continuous_time_buffer") into the
// class body of the co-generated neuron n: the buffer, the holds of the
// registered connections, and the functions that write, read and prune it.
func (pl *cogenPlan) ctbMembers(c *code, n *ir.Model) error {
	C := len(pl.contOrder)
	tag := pl.tag
	buf, first, holds := "buffer__"+tag+"_", "buffer_first__"+tag+"_", "buffer_holds__"+tag+"_"
	c.line("")
	c.line("//! continuous_time_buffer: the bound variables at the end of every step")
	c.line("//! (stamp in steps), from the oldest t_last of the connections on.")
	c.line("void")
	c.open("write_buffer__%s_( long stamp )", tag)
	c.line("// drop the entries before the smallest t_last of the connections")
	c.open("while ( not %s.empty() and ( %s.empty() or %s < %s.front().first ) )", buf, holds, first, holds)
	c.line("%s.pop_front();", buf)
	c.line("++%s;", first)
	c.close()
	c.open("if ( %s.empty() )", buf)
	c.line("%s = stamp;", first)
	c.close()
	var vals []string
	np := newPrinter(n)
	for _, pi := range pl.contOrder {
		v := pl.cont[pi]
		ref, rt, err := np.ref(&ir.Ref{Kind: ir.KState, Index: v.Index, Name: v.Name})
		if err != nil {
			return err
		}
		vals = append(vals, toDouble(ref, rt))
	}
	c.line("%s.push_back( std::array< double, %d > { { %s } } );", buf, C, strings.Join(vals, ", "))
	c.close()
	c.line("")
	c.line("//! The bound variables at time t (ms) from the buffer (the entry of the")
	c.line("//! step that ends at t; the nearest one kept for a t outside the buffer).")
	c.line("void")
	c.open("%s( double t, double* cv ) const", pl.ctbValues())
	c.open("if ( %s.empty() )", buf)
	c.open("for ( int i = 0; i < %d; ++i )", C)
	c.line("cv[ i ] = 0.0;")
	c.close()
	c.line("return;")
	c.close()
	c.line("long k = Time( Time::ms( t ) ).get_steps() - %s;", first)
	c.line("k = std::max( 0L, std::min( k, static_cast< long >( %s.size() ) - 1 ) );", buf)
	c.open("for ( int i = 0; i < %d; ++i )", C)
	c.line("cv[ i ] = %s[ k ][ i ];", buf)
	c.close()
	c.close()
	c.line("")
	c.line("//! A connection's last pre-synaptic spike moves from t_from to t_to (ms).")
	c.line("void")
	c.open("%s( double t_from, double t_to )", pl.ctbMove())
	c.line("buffer_hold__%s_( Time( Time::ms( t_from ) ).get_steps(), -1 );", tag)
	c.line("buffer_hold__%s_( Time( Time::ms( t_to ) ).get_steps(), 1 );", tag)
	c.close()
	c.line("")
	c.line("//! Adds delta connections holding the buffer from stamp on.")
	c.line("void")
	c.open("buffer_hold__%s_( long stamp, int delta )", tag)
	c.line("auto it = std::lower_bound( %s.begin(), %s.end(), std::make_pair( stamp, size_t( 0 ) ) );", holds, holds)
	c.open("if ( it == %s.end() or it->first != stamp )", holds)
	c.open("if ( delta < 0 )")
	c.line("return;")
	c.close()
	c.line("it = %s.insert( it, std::make_pair( stamp, size_t( 0 ) ) );", holds)
	c.close()
	c.open("if ( delta > 0 )")
	c.line("it->second += static_cast< size_t >( delta );")
	c.close()
	c.open("else if ( it->second <= static_cast< size_t >( -delta ) )")
	c.line("%s.erase( it );", holds)
	c.close()
	c.open("else")
	c.line("it->second -= static_cast< size_t >( -delta );")
	c.close()
	c.close()
	c.line("")
	c.line("std::deque< std::array< double, %d > > %s; //!< bound variables per step", C, buf)
	c.line("long %s = 0; //!< stamp (steps) of %s.front()", first, buf)
	c.line("std::vector< std::pair< long, size_t > > %s; //!< (t_last in steps, connections), sorted", holds)
	return nil
}

// localizeMoved replaces the references to moved states in e by locals of
// the same name.
func localizeMoved(e ir.Expr, moved map[int]bool) ir.Expr {
	switch e := e.(type) {
	case *ir.Ref:
		if e.Kind == ir.KState && moved[e.Index] {
			return &ir.Ref{Kind: ir.KLocal, Name: e.Name}
		}
		return e
	case *ir.Unary:
		return &ir.Unary{Op: e.Op, X: localizeMoved(e.X, moved)}
	case *ir.Binary:
		return &ir.Binary{Op: e.Op, L: localizeMoved(e.L, moved), R: localizeMoved(e.R, moved), Int: e.Int}
	case *ir.Cond:
		return &ir.Cond{C: localizeMoved(e.C, moved), Then: localizeMoved(e.Then, moved), Else: localizeMoved(e.Else, moved)}
	case *ir.Call:
		args := make([]ir.Expr, len(e.Args))
		for i, a := range e.Args {
			args[i] = localizeMoved(a, moved)
		}
		return &ir.Call{Fn: e.Fn, Args: args}
	}
	return e
}

// onlyMovedParams reports whether e reads only parameters that have a
// neuron-side expression in pe.
func onlyMovedParams(e ir.Expr, pe map[int]string) bool {
	ok := true
	refsOf(e, func(r *ir.Ref) {
		if r.Kind != ir.KParam {
			ok = false
			return
		}
		if _, has := pe[r.Index]; !has {
			ok = false
		}
	})
	return ok
}

// blockArrays prints the entries of A (row-major) and of b0 of an analytic
// block without input channels.
func blockArrays(p *printer, blk *ir.AnalyticBlock) (a, b0 []string, err error) {
	n := len(blk.Vars)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			var e ir.Expr
			if i < len(blk.A) && j < len(blk.A[i]) {
				e = blk.A[i][j]
			}
			s, t, err := p.expr(e)
			if err != nil {
				return nil, nil, err
			}
			a = append(a, toDouble(s, t))
		}
		var e ir.Expr
		if i < len(blk.B0) {
			e = blk.B0[i]
		}
		s, t, err := p.expr(e)
		if err != nil {
			return nil, nil, err
		}
		b0 = append(b0, toDouble(s, t))
	}
	return a, b0, nil
}

// readsLocals reports whether the handlers of the spike ports with
// sel[port] read a moved variable or a bound continuous port (the locals
// of the rewritten model m).
func (pl *cogenPlan) readsLocals(m *ir.Model, sel func(port int) bool) bool {
	names := map[string]bool{}
	for _, si := range pl.moved {
		names[pl.syn.State[si].Name] = true
	}
	for _, pi := range pl.contOrder {
		names[contLocal(pl.syn.ContPorts[pi])] = true
	}
	found := false
	see := func(e ir.Expr) {
		refsOf(e, func(r *ir.Ref) {
			if r.Kind == ir.KLocal && names[r.Name] {
				found = true
			}
		})
	}
	for _, h := range m.OnReceive {
		if h != nil && sel(h.Port) {
			stmtRefs(h.Body, true, see, func(*ir.Assign, bool) {})
		}
	}
	return found
}

// blockExprs calls f on the expressions of an analytic block: its matrix,
// its constant terms and its input channels.
func blockExprs(blk *ir.AnalyticBlock, f func(ir.Expr)) {
	for _, row := range blk.A {
		for _, e := range row {
			f(e)
		}
	}
	for _, e := range blk.B0 {
		f(e)
	}
	for _, e := range blk.Channels {
		f(e)
	}
}
