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

// integrate prints IntegrateODEs: for every listed variable in an analytic
// block, new_r = Σ_c P[r,c]·x_c + Q[r,0] + Σ_k Q[r,1+k]·u_k, all computed
// from the state before the call and then committed together.
func (p *printer) integrate(c *code, s *ir.IntegrateODEs) error {
	if len(s.Vars) == 0 {
		return nil
	}
	// Group the listed rows by block, keeping the block order.
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
		br, ok := p.blockOf[si]
		if !ok {
			return fmt.Errorf("integrate_odes(%s): %s is not in an analytic block; numeric integration is not supported by the NEST printer yet", stateNames(p.m, s.Vars), p.m.State[si].Name)
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
		n := len(blk.Vars)
		m := 1 + len(blk.Channels)
		// channel values at step time
		for k, ch := range blk.Channels {
			v, vt, err := p.expr(ch)
			if err != nil {
				return fmt.Errorf("input channel %d of analytic block %d: %v", k, b, err)
			}
			c.line("const double __u_%d_%d = %s;", b, k, toDouble(v, vt))
		}
		// the block's state values, read before any commit
		xs := make([]string, n)
		for col, si := range blk.Vars {
			x, _, err := p.ref(&ir.Ref{Kind: ir.KState, Index: si, Name: p.m.State[si].Name})
			if err != nil {
				return err
			}
			xs[col] = x
		}
		for _, rw := range rows {
			terms := make([]string, 0, n+m)
			for col := 0; col < n; col++ {
				terms = append(terms, fmt.Sprintf("V_.__P_%d[ %d ] * %s", b, rw.r*n+col, xs[col]))
			}
			terms = append(terms, fmt.Sprintf("V_.__Q_%d[ %d ]", b, rw.r*m))
			for k := range blk.Channels {
				terms = append(terms, fmt.Sprintf("V_.__Q_%d[ %d ] * __u_%d_%d", b, rw.r*m+1+k, b, k))
			}
			tmp := "__tmp_" + cppName(p.m.State[rw.state].Name)
			c.line("const double %s = %s;", tmp, strings.Join(terms, " + "))
			lhs, lt, err := p.ref(&ir.Ref{Kind: ir.KState, Index: rw.state, Name: p.m.State[rw.state].Name})
			if err != nil {
				return err
			}
			commits = append(commits, commit{lhs, convert(tmp, tDouble, lt)})
		}
	}
	for _, cm := range commits {
		c.line("%s = %s;", cm.lhs, cm.tmp)
	}
	c.indent--
	c.line("}")
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
