package nest

import (
	"fmt"
	"strings"

	"nestml_go/gocore/ir"
)

// code accumulates indented C++ lines.
type code struct {
	b      strings.Builder
	indent int
}

func (c *code) line(format string, args ...any) {
	for i := 0; i < c.indent; i++ {
		c.b.WriteString("  ")
	}
	if len(args) == 0 {
		c.b.WriteString(format)
	} else {
		fmt.Fprintf(&c.b, format, args...)
	}
	c.b.WriteByte('\n')
}

func (c *code) open(format string, args ...any) {
	c.line(format, args...)
	c.line("{")
	c.indent++
}

func (c *code) close() {
	c.indent--
	c.line("}")
}

func (c *code) String() string { return c.b.String() }

// stmts prints a statement list in a new local scope.
func (p *printer) stmts(c *code, list []ir.Stmt) error {
	p.pushScope()
	defer p.popScope()
	for _, s := range list {
		if err := p.stmt(c, s); err != nil {
			return err
		}
	}
	return nil
}

// block prints `{ list }` with the given opening line ("" for a bare block).
func (p *printer) block(c *code, head string, list []ir.Stmt) error {
	if head == "" {
		c.line("{")
		c.indent++
	} else {
		c.open("%s", head)
	}
	err := p.stmts(c, list)
	c.close()
	return err
}

func (p *printer) stmt(c *code, s ir.Stmt) error {
	switch s := s.(type) {
	case *ir.Assign:
		return p.assign(c, s)
	case *ir.Declare:
		if s.Var == nil {
			return fmt.Errorf("declaration without a variable")
		}
		t, err := typeOf(s.Var.Type)
		if err != nil {
			return fmt.Errorf("local %s: %v", s.Var.Name, err)
		}
		// The initial value is printed before the name is in scope.
		v, vt, err := p.expr(s.Init)
		if err != nil {
			return fmt.Errorf("local %s: %v", s.Var.Name, err)
		}
		p.declareLocal(s.Var)
		c.line("[[maybe_unused]] %s %s = %s;", t, cppName(s.Var.Name), convert(v, vt, t))
		return nil
	case *ir.If:
		cond, ct, err := p.expr(s.Cond)
		if err != nil {
			return err
		}
		if err := p.block(c, "if ( "+toBool(cond, ct)+" )", s.Then); err != nil {
			return err
		}
		if len(s.Else) > 0 {
			return p.block(c, "else", s.Else)
		}
		return nil
	case *ir.While:
		cond, ct, err := p.expr(s.Cond)
		if err != nil {
			return err
		}
		return p.block(c, "while ( "+toBool(cond, ct)+" )", s.Body)
	case *ir.For:
		return p.forStmt(c, s)
	case *ir.IntegrateODEs:
		return p.integrate(c, s)
	case *ir.EmitSpike:
		if p.syn != nil {
			return p.syn.emit(p, c, s)
		}
		if !p.inUpdate {
			return fmt.Errorf("emit_spike() outside the update step")
		}
		c.line("// emit_spike(): spike at the end of this step")
		c.line("set_spiketime( nest::Time::step( origin.get_steps() + lag + 1 ) );")
		c.line("{")
		c.indent++
		c.line("nest::SpikeEvent se;")
		c.line("nest::kernel().event_delivery_manager.send( *this, se, lag );")
		c.close()
		return nil
	case *ir.Print:
		return p.print(c, s)
	case nil:
		return fmt.Errorf("nil statement")
	}
	return fmt.Errorf("unknown statement type %T", s)
}

func (p *printer) assign(c *code, s *ir.Assign) error {
	if s.Target == nil {
		return fmt.Errorf("assignment without a target")
	}
	switch s.Target.Kind {
	case ir.KState, ir.KLocal:
	default:
		return fmt.Errorf("cannot assign to %q (kind %d)", s.Target.Name, s.Target.Kind)
	}
	lhs, lt, err := p.ref(s.Target)
	if err != nil {
		return err
	}
	rhs, rt, err := p.expr(s.Value)
	if err != nil {
		return fmt.Errorf("assignment to %s: %v", s.Target.Name, err)
	}
	op := s.Op
	if op == "" {
		op = "="
	}
	if op == "=" {
		c.line("%s = %s;", lhs, convert(rhs, rt, lt))
		return nil
	}
	bop := strings.TrimSuffix(op, "=")
	switch bop {
	case "+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "<<", ">>":
	default:
		return fmt.Errorf("unknown assignment operator %q", op)
	}
	if lt == tDouble && rt == tDouble && (bop == "+" || bop == "-" || bop == "*" || bop == "/") {
		c.line("%s %s %s;", lhs, op, rhs)
		return nil
	}
	// General case: x = x op value with the IR's operator semantics.
	v, vt, err := p.binary(&ir.Binary{Op: bop, L: s.Target, R: s.Value, Int: lt == tLong && (bop == "//" || bop == "%")})
	if err != nil {
		return fmt.Errorf("assignment to %s: %v", s.Target.Name, err)
	}
	c.line("%s = %s;", lhs, convert(v, vt, lt))
	return nil
}

func (p *printer) forStmt(c *code, s *ir.For) error {
	if s.Var == nil {
		return fmt.Errorf("for loop without a variable")
	}
	if s.Step == 0 {
		return fmt.Errorf("for loop over %s with step 0", s.Var.Name)
	}
	from, ft, err := p.expr(s.From)
	if err != nil {
		return err
	}
	p.pushScope()
	defer p.popScope()
	decl := ""
	if s.Var.Kind == ir.KLocal && p.lookupLocal(s.Var) == nil {
		// Loop variable not declared before: declare it for the loop.
		p.declareLocal(&ir.Var{Name: s.Var.Name, Kind: ir.KLocal, Index: s.Var.Index, Type: ir.Real})
		decl = "double "
	}
	v, vt, err := p.ref(s.Var)
	if err != nil {
		return err
	}
	to, tt, err := p.expr(s.To)
	if err != nil {
		return err
	}
	cmp := "<="
	if s.Step < 0 {
		cmp = ">="
	}
	step := fmtDouble(s.Step)
	cmpL, cmpR := v, to
	if !(vt == tLong && tt == tLong) {
		cmpL, cmpR = toDouble(v, vt), toDouble(to, tt)
	}
	inc := v + " += " + step
	if vt != tDouble {
		inc = v + " = " + convert("( "+toDouble(v, vt)+" + "+step+" )", tDouble, vt)
	}
	head := fmt.Sprintf("for ( %s%s = %s; %s %s %s; %s )", decl, v, convert(from, ft, vt), cmpL, cmp, cmpR, inc)
	return p.block(c, head, s.Body)
}

// print prints a Print statement to std::cout.
func (p *printer) print(c *code, s *ir.Print) error {
	if len(s.Names) != 0 && len(s.Names) != len(s.Args) {
		return fmt.Errorf("print: %d names for %d arguments in %q", len(s.Names), len(s.Args), s.Format)
	}
	parts := []string{}
	text := s.Format
	arg := 0
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, cString(lit.String()))
			lit.Reset()
		}
	}
	for i := 0; i < len(text); i++ {
		if text[i] == '{' {
			j := strings.IndexByte(text[i:], '}')
			if j > 0 && arg < len(s.Args) {
				name := text[i+1 : i+j]
				if arg < len(s.Names) && s.Names[arg] != name {
					return fmt.Errorf("print: placeholder {%s} does not match argument %q", name, s.Names[arg])
				}
				flush()
				v, _, err := p.expr(s.Args[arg])
				if err != nil {
					return fmt.Errorf("print: %v", err)
				}
				parts = append(parts, v)
				arg++
				i += j
				continue
			}
		}
		lit.WriteByte(text[i])
	}
	flush()
	if arg != len(s.Args) {
		return fmt.Errorf("print: %d placeholders for %d arguments in %q", arg, len(s.Args), s.Format)
	}
	line := "std::cout"
	for _, x := range parts {
		line += " << " + x
	}
	if s.Newline {
		line += " << std::endl"
	} else {
		line += " << std::flush"
	}
	c.line("%s;", line)
	return nil
}

// integrate prints IntegrateODEs exactly as the Go engine runs it
// (sim.Population.integrate, numerics.md §6.6):
//  1. every listed variable of an analytic block that is not a convolution
//     state gets new_r = Σ_c P[r,c]·x_c + Q[r,0] + Σ_k Q[r,1+k]·u_k from the
//     state before the call, into a temporary;
//  2. if the model has a numeric system, the per-step loop over a copy of
//     its vector with this call's right-hand-side selection; every component
//     but the analytic convolution states is written back;
//  3. the temporaries are committed;
//  4. the delta jumps of the listed variables are applied.
func (p *printer) integrate(c *code, s *ir.IntegrateODEs) error {
	ns := p.m.Numeric
	if len(s.Vars) == 0 && ns == nil {
		return nil
	}
	numIndex := map[int]int{}
	if ns != nil {
		for k, si := range ns.Vars {
			numIndex[si] = k
		}
	}
	// Group the listed analytic rows by block, keeping the block order.
	type row struct{ state, r int }
	perBlock := map[int][]row{}
	listed := map[int]bool{}
	for _, si := range s.Vars {
		if si < 0 || si >= len(p.m.State) {
			return fmt.Errorf("integrate_odes: state index %d out of range", si)
		}
		if listed[si] {
			continue
		}
		listed[si] = true
		if p.isConv[si] {
			continue // advanced in steps 3 and 6 (analytic) or by the numeric loop
		}
		br, ok := p.blockOf[si]
		if !ok {
			if _, num := numIndex[si]; num {
				continue
			}
			return fmt.Errorf("integrate_odes(%s): %s is neither in an analytic block nor in the numeric system", stateNames(p.m, s.Vars), p.m.State[si].Name)
		}
		perBlock[br[0]] = append(perBlock[br[0]], row{si, br[1]})
	}
	p.nIntegrate++
	c.line("// integrate_odes(%s)", stateNames(p.m, s.Vars))
	c.line("{")
	c.indent++
	type commit struct{ lhs, tmp string }
	var commits []commit
	for b, blk := range p.m.Analytic {
		rows := perBlock[b]
		if len(rows) == 0 {
			continue
		}
		chans, err := p.channels(c, b, "__u")
		if err != nil {
			return err
		}
		for _, rw := range rows {
			tmp := "__tmp_" + cppName(p.m.State[rw.state].Name)
			e, err := p.propagated(b, rw.r, chans)
			if err != nil {
				return err
			}
			c.line("const double %s = %s;", tmp, e)
			lhs, lt, err := p.ref(&ir.Ref{Kind: ir.KState, Index: rw.state, Name: p.m.State[rw.state].Name})
			if err != nil {
				return err
			}
			commits = append(commits, commit{lhs, convert(tmp, tDouble, lt)})
		}
		_ = blk
	}
	if ns != nil {
		if err := p.numericLoop(c, s, listed); err != nil {
			return err
		}
	}
	for _, cm := range commits {
		c.line("%s = %s;", cm.lhs, cm.tmp)
	}
	// delta jumps of the listed variables (once per listing, as the engine)
	for k, j := range p.m.DeltaJumps {
		if j == nil {
			return fmt.Errorf("delta jump %d is nil", k)
		}
		for _, si := range s.Vars {
			if si != j.Var {
				continue
			}
			if err := p.jump(c, j, "delta jump"); err != nil {
				return err
			}
		}
	}
	c.indent--
	c.line("}")
	return nil
}

// channels prints the input channel values of analytic block b as
// constants <prefix>_<b>_<k> and returns their names.
func (p *printer) channels(c *code, b int, prefix string) ([]string, error) {
	blk := p.m.Analytic[b]
	names := make([]string, len(blk.Channels))
	for k, ch := range blk.Channels {
		v, vt, err := p.expr(ch)
		if err != nil {
			return nil, fmt.Errorf("input channel %d of analytic block %d: %v", k, b, err)
		}
		names[k] = fmt.Sprintf("%s_%d_%d", prefix, b, k)
		// unused when the channel reaches only structurally zero rows
		c.line("[[maybe_unused]] const double %s = %s;", names[k], toDouble(v, vt))
	}
	return names, nil
}

// propagated returns the new value of row r of analytic block b after one
// step, from the current state: Σ_c P[r,c]·x_c + Q[r,0] + Σ_k Q[r,1+k]·u_k
// (the engine's sum order).
func (p *printer) propagated(b, r int, chans []string) (string, error) {
	blk := p.m.Analytic[b]
	n := len(blk.Vars)
	m := 1 + len(blk.Channels)
	pNZ, qNZ := structure(blk)
	terms := make([]string, 0, n+m)
	for col, si := range blk.Vars {
		if !pNZ[r][col] {
			continue // structurally zero: adding 0·x would not change the sum
		}
		x, xt, err := p.ref(&ir.Ref{Kind: ir.KState, Index: si, Name: p.m.State[si].Name})
		if err != nil {
			return "", err
		}
		terms = append(terms, fmt.Sprintf("V_.__P_%d[ %d ] * %s", b, r*n+col, toDouble(x, xt)))
	}
	if qNZ[r][0] {
		terms = append(terms, fmt.Sprintf("V_.__Q_%d[ %d ]", b, r*m))
	}
	for k := range blk.Channels {
		if qNZ[r][1+k] {
			terms = append(terms, fmt.Sprintf("V_.__Q_%d[ %d ] * %s", b, r*m+1+k, chans[k]))
		}
	}
	if len(terms) == 0 {
		return "0.0", nil
	}
	return strings.Join(terms, " + "), nil
}

// structure returns the structural non-zero pattern of the propagator
// P = exp(A·h) (pNZ[r][c]: row r depends on column c through a path of
// non-nil entries of A, or r == c) and of Q = Γ·[b0|B] (qNZ[r][k]: some
// column reachable from r has a non-nil entry in column k of [b0|B]).
// Entries outside the pattern are exactly zero in the numerically
// computed matrices (the products that form them all contain a structural
// zero), so the generated update leaves their terms out; the sum of the
// remaining terms, in the engine's order, is bit-identical.
func structure(blk *ir.AnalyticBlock) (pNZ, qNZ [][]bool) {
	n := len(blk.Vars)
	pNZ = make([][]bool, n)
	for r := range pNZ {
		pNZ[r] = make([]bool, n)
		pNZ[r][r] = true
		for c := 0; c < n; c++ {
			if r < len(blk.A) && c < len(blk.A[r]) && blk.A[r][c] != nil {
				pNZ[r][c] = true
			}
		}
	}
	for k := 0; k < n; k++ { // transitive closure (Floyd–Warshall)
		for r := 0; r < n; r++ {
			if !pNZ[r][k] {
				continue
			}
			for c := 0; c < n; c++ {
				if pNZ[k][c] {
					pNZ[r][c] = true
				}
			}
		}
	}
	m := 1 + len(blk.Channels)
	qNZ = make([][]bool, n)
	for r := range qNZ {
		qNZ[r] = make([]bool, m)
		for c := 0; c < n; c++ {
			if !pNZ[r][c] {
				continue
			}
			if c < len(blk.B0) && blk.B0[c] != nil {
				qNZ[r][0] = true
			}
			for k := range blk.Channels {
				if k < len(blk.BCols) && c < len(blk.BCols[k]) && blk.BCols[k][c] != nil {
					qNZ[r][1+k] = true
				}
			}
		}
	}
	return pNZ, qNZ
}

// jump prints State[j.Var] += W_port · Coef.
func (p *printer) jump(c *code, j *ir.Jump, what string) error {
	if j.Port < 0 || j.Port >= len(p.m.SpikePorts) {
		return fmt.Errorf("%s: spike port index %d out of range", what, j.Port)
	}
	if j.Var < 0 || j.Var >= len(p.m.State) {
		return fmt.Errorf("%s: state index %d out of range", what, j.Var)
	}
	sp := p.m.SpikePorts[j.Port]
	v := p.m.State[j.Var]
	w := &ir.Ref{Kind: ir.KSpikePort, Index: j.Port, Name: sp.Name}
	a := &ir.Assign{Target: &ir.Ref{Kind: ir.KState, Index: j.Var, Name: v.Name}, Op: "+=", Value: &ir.Binary{Op: "*", L: w, R: j.Coef}}
	if err := p.assign(c, a); err != nil {
		return fmt.Errorf("%s of %s from %s: %v", what, v.Name, sp.Name, err)
	}
	return nil
}

func stateNames(m *ir.Model, idx []int) string {
	names := make([]string, len(idx))
	for i, si := range idx {
		if si >= 0 && si < len(m.State) {
			names[i] = m.State[si].Name
		} else {
			names[i] = fmt.Sprintf("#%d", si)
		}
	}
	return strings.Join(names, ", ")
}

// rhsFunc is one numeric right-hand-side function: the full right-hand side
// for the Listed components (this call's variables and every convolution
// state), 0 for the others.
type rhsFunc struct {
	Name   string // C++ static member function
	Args   string // the integrate_odes argument list, for the comment
	Listed []bool
	Body   string
}

// rhsFor returns the right-hand-side function of an integrate_odes call
// with the listed state variables, creating it on first use.
func (p *printer) rhsFor(s *ir.IntegrateODEs, listed map[int]bool) *rhsFunc {
	ns := p.m.Numeric
	sel := make([]bool, len(ns.Vars))
	var key strings.Builder
	for k, si := range ns.Vars {
		sel[k] = p.isConv[si] || listed[si]
		if sel[k] {
			key.WriteByte('1')
		} else {
			key.WriteByte('0')
		}
	}
	if i, ok := p.rhsIndex[key.String()]; ok {
		return &p.rhs[i]
	}
	p.rhsIndex[key.String()] = len(p.rhs)
	p.rhs = append(p.rhs, rhsFunc{Name: fmt.Sprintf("nestml_go_dynamics_%d", len(p.rhs)), Args: stateNames(p.m, s.Vars), Listed: sel})
	return &p.rhs[len(p.rhs)-1]
}

// numericLoop prints the numeric part of an integrate_odes call: the
// numeric vector is copied from the state, advanced over one step with the
// model's method, and written back except for the analytic convolution
// states (which keep their values, i.e. are restored: they advance by their
// propagators in steps 3 and 6).
func (p *printer) numericLoop(c *code, s *ir.IntegrateODEs, listed map[int]bool) error {
	ns := p.m.Numeric
	f := p.rhsFor(s, listed)
	n := len(ns.Vars)
	c.line("// numeric integration over one step (%s), right-hand side %s", methodName(ns.Method), f.Name)
	c.line("{")
	c.indent++
	c.line("double __y[ %d ];", n)
	var back []string
	for k, si := range ns.Vars {
		v := p.m.State[si]
		x, xt, err := p.ref(&ir.Ref{Kind: ir.KState, Index: si, Name: v.Name})
		if err != nil {
			return err
		}
		c.line("__y[ %d ] = %s;", k, toDouble(x, xt))
		if p.isConv[si] {
			if _, analytic := p.blockOf[si]; analytic {
				continue // restored
			}
		}
		back = append(back, fmt.Sprintf("%s = %s;", x, convert(fmt.Sprintf("__y[ %d ]", k), tDouble, xt)))
	}
	if err := p.numericCall(c, f.Name); err != nil {
		return err
	}
	for _, b := range back {
		c.line("%s", b)
	}
	c.indent--
	c.line("}")
	return nil
}

func methodName(m string) string {
	if m == "" {
		return "rk45"
	}
	return m
}

// numericCall prints the integration of __y over one step with the
// right-hand side fn (a static member function), with nestml_go_rk45.h,
// exactly as the Go engine calls gocore/rkf45: the per-step RKF45 loop with
// the persistent step memory B_.__integration_step, or one RK4 or forward
// Euler step of size h. Integrator failures become NumericalInstability.
func (p *printer) numericCall(c *code, fn string) error {
	ns := p.m.Numeric
	n := len(ns.Vars)
	c.line("const auto __f = [ this ]( double __tt, const double* __yy, double* __ff ) { %s( __tt, __yy, __ff, this ); };", fn)
	switch ns.Method {
	case "forward-Euler":
		c.line("nestml_go::euler( __f, 0.0, V_.__h, __y, B_.__ws.dydt_out(), %d );", n)
	case "rk4":
		c.line("nestml_go::rk4( __f, 0.0, V_.__h, __y, B_.__ws );")
	default:
		abs, _, err := p.ref(&ir.Ref{Kind: ir.KParam, Index: ns.AbsTol, Name: "gsl_abs_error_tol"})
		if err != nil {
			return err
		}
		rel, _, err := p.ref(&ir.Ref{Kind: ir.KParam, Index: ns.RelTol, Name: "gsl_rel_error_tol"})
		if err != nil {
			return err
		}
		ctl := "nestml_go::rk45_control_y"
		if ns.Controller == "with_respect_to_derivative" {
			ctl = "nestml_go::rk45_control_yp"
		}
		c.open("try")
		if p.gsl {
			// GSL's own RKF45 (rk45_implementation = "gsl", nestml_go_gsl.h)
			c.line("nestml_go::gsl_rk45_step( __f, %s, %s, %v, V_.__h, B_.__integration_step, __y, %d, %dL );",
				abs, rel, ns.Controller == "with_respect_to_derivative", n, ns.MaxSubsteps)
		} else {
			c.line("nestml_go::rk45_step( B_.__ws, __f, %s( %s, %s ), V_.__h, B_.__integration_step, __y, %dL );", ctl, abs, rel, ns.MaxSubsteps)
		}
		c.close()
		if p.gsl {
			c.open("catch ( const std::runtime_error& ex )")
		} else {
			c.open("catch ( const nestml_go::rk45_error& ex )")
		}
		c.line("throw NumericalInstability( get_name() + \" (node \" + std::to_string( get_node_id() ) + \") at t = \"")
		c.line("  + nestml_go_num_( Time( Time::step( origin.get_steps() + lag ) ).get_ms() ) + \" ms: \" + ex.what() );")
		c.close()
	}
	return nil
}
