package nest

import (
	"fmt"
	"sort"
	"strings"

	"nestml_go/gocore/ir"
)

// member is one variable of a nested struct.
// memberBuilder describes the status members of a generated class: it
// gives every name its key in the class's names namespace (refusing a name
// used twice) and builds the member of a variable, with read, the
// statement that reads a set_status value of type t under key k into lv.
type memberBuilder struct {
	names string
	seen  map[string]string // name → what it names
	keys  *[]keyDecl
	read  func(t ctype, k, lv string) string
}

func (b *memberBuilder) key(n, what string) (string, error) {
	if prev, ok := b.seen[n]; ok {
		return "", fmt.Errorf("name %q is used by both a %s and a %s", n, prev, what)
	}
	b.seen[n] = what
	*b.keys = append(*b.keys, keyDecl{keyIdent(n), n})
	return b.names + "::" + keyIdent(n), nil
}

func (b *memberBuilder) member(v *ir.Var, what, ref, tmpRef string) (member, error) {
	if v == nil {
		return member{}, fmt.Errorf("nil %s", what)
	}
	if !isNestmlIdent(v.Name) {
		return member{}, fmt.Errorf("%s name %q is not an identifier", what, v.Name)
	}
	t, err := typeOf(v.Type)
	if err != nil {
		return member{}, fmt.Errorf("%s %s: %v", what, v.Name, err)
	}
	k, err := b.key(v.Name, what)
	if err != nil {
		return member{}, err
	}
	return member{Name: v.Name, CName: cppName(v.Name), Type: t.String(), Key: k, Ref: ref, TmpRef: tmpRef,
		Read: b.read(t, k, tmpRef), Unit: oneLine(v.Unit)}, nil
}

type member struct {
	Name   string // NESTML name = status key
	CName  string // C++ member name
	Type   string // C++ type
	Key    string // C++ expression of the status key (X_names::_name)
	Ref    string // C++ lvalue inside member functions (P_.x, S_.ode_state[...])
	TmpRef string // lvalue in the set_status temporaries (ptmp.x, stmp....)
	Read   string // C++ statement reading it from d into TmpRef
	Unit   string
	// Vector: a std::vector member holding a whole vector variable
	// (ir.Vector); its elements are Ref[ k ].
	Vector bool
}

// receptor is one NEST spike receptor (rport) and the buffers it feeds.
type receptor struct {
	Index int      // rport (0-based)
	Names []string // upper-case port names for receptor_types
	// Buffer indices (= spike port indices), -1 if absent.
	Plain, Exc, Inh int
}

type keyDecl struct{ Ident, Key string }

type recordable struct {
	Name, Getter, Expr, Key string
}

type blockData struct {
	Index   int
	N, M    int
	Vars    string // "I_syn_exc, I_syn_inh, V_m"
	Compute string // code computing P and Q (inside recompute_internal_variables)
}

// neuronData is the template data of one neuron.
type neuronData struct {
	Banner        string
	Name          string
	Guard         string
	Parent        string
	ParentInclude string
	Keys          []keyDecl
	Params        []member
	ODEStates     []member
	OtherStates   []member
	Internals     []member
	Blocks        []blockData
	Recordables   []recordable

	NumSpikeBuffers int
	NumReceptors    int
	MultiReceptor   bool
	// TrackReceived: the model has onReceive handlers, so the input buffer
	// has "received a spike" channels (counts per spike buffer and step).
	TrackReceived      bool
	Receptors          []receptor
	NumContinuousPorts int
	ContinuousPorts    []keyDecl // Ident = upper-case name, Key = index

	ConstructorBody string
	RecomputeBody   string
	UpdateBody      string
	HandleSpikeBody string
	GuardBody       string

	// Numeric integration (Model.Numeric != nil).
	Numeric     bool
	NumericSize int
	Method      string // rk45, rk4, forward-Euler
	RHS         []rhsFunc
	// ToleranceBody validates gsl_abs_error_tol and gsl_rel_error_tol.
	ToleranceBody string

	// CogenDecls are the class members of a neuron co-generated with a
	// synapse (cogen.go): the moved variables' history, its readers and
	// the set_spiketime hook. Empty otherwise.
	CogenDecls string
}

// buildNeuron prepares the template data of model m.
func buildNeuron(m *ir.Model, name string, opts Options, banner string) (*neuronData, error) {
	d := &neuronData{
		Banner:        banner,
		Name:          name,
		Guard:         strings.ToUpper(name) + "_H",
		Parent:        opts.ParentClass,
		ParentInclude: opts.ParentInclude,
	}
	p := newPrinter(m)
	p.gsl = opts.RK45Implementation == "gsl"
	mb := &memberBuilder{names: name + "_names", seen: map[string]string{}, keys: &d.Keys,
		read: func(t ctype, k, lv string) string {
			switch t {
			case tLong:
				return fmt.Sprintf("d.update_integer_value( %s, %s );", k, lv)
			case tBool:
				return fmt.Sprintf("d.update_value( %s, %s );", k, lv)
			}
			return fmt.Sprintf("update_value_param( d, %s, %s, this );", k, lv)
		}}
	key, mk := mb.key, mb.member
	// a vector variable is one std::vector member (the elements' entries
	// of the IR are grouped); its status value is an array of fixed size
	vecMember := func(vec *ir.Vector, v *ir.Var, what, ref, tmpRef string) (member, error) {
		if !isNestmlIdent(vec.Name) {
			return member{}, fmt.Errorf("%s name %q is not an identifier", what, vec.Name)
		}
		t, err := typeOf(v.Type)
		if err != nil || t == tBool {
			return member{}, fmt.Errorf("%s %s: vectors of type %v are not supported by the NEST target", what, vec.Name, v.Type)
		}
		k, err := key(vec.Name, what)
		if err != nil {
			return member{}, err
		}
		read := fmt.Sprintf("d.update_value( %s, %s ); if ( %s.size() != %d ) { throw BadProperty( %s ); }",
			k, tmpRef, tmpRef, vec.Size, cString(fmt.Sprintf("%s must have %d elements.", vec.Name, vec.Size)))
		return member{Name: vec.Name, CName: cppName(vec.Name), Type: "std::vector< " + t.String() + " >", Key: k, Ref: ref, TmpRef: tmpRef,
			Read: read, Unit: oneLine(v.Unit), Vector: true}, nil
	}
	// vectors are sized in the constructor, before any element is set
	var resize []string
	paramRef := map[int]string{}
	for _, v := range m.Params {
		if vec := m.VectorOf(ir.KParam, v.Index); vec != nil {
			paramRef[v.Index] = fmt.Sprintf("P_.%s[ %d ]", cppName(vec.Name), v.Index-vec.First)
			if v.Index == vec.First {
				mem, err := vecMember(vec, v, "parameter", "P_."+cppName(vec.Name), "ptmp."+cppName(vec.Name))
				if err != nil {
					return nil, err
				}
				d.Params = append(d.Params, mem)
				resize = append(resize, fmt.Sprintf("P_.%s.resize( %d );", cppName(vec.Name), vec.Size))
			}
			continue
		}
		mem, err := mk(v, "parameter", "P_."+cppName(v.Name), "ptmp."+cppName(v.Name))
		if err != nil {
			return nil, err
		}
		// a parameter that gave a vector size keeps the value bound at generation
		for _, vec := range m.Vectors {
			if vec.SizeParam == v.Name {
				mem.Read += fmt.Sprintf(" if ( %s != %d ) { throw BadProperty( %s ); }", mem.TmpRef, vec.Size,
					cString(fmt.Sprintf("%s gives the size of vector %s, which is fixed at %d when the module is generated; changing it is not supported.", v.Name, vec.Name, vec.Size)))
			}
		}
		paramRef[v.Index] = mem.Ref
		d.Params = append(d.Params, mem)
	}
	if err := checkNumeric(m); err != nil {
		return nil, err
	}
	for _, v := range stateOrder(m) {
		var mem member
		var err error
		if v.HasODE {
			if v.Type != ir.Real {
				return nil, fmt.Errorf("state variable %s has an ODE but is not real", v.Name)
			}
			el := "ode_state[ State_::" + cppName(v.Name) + " ]"
			mem, err = mk(v, "state variable", "S_."+el, "stmp."+el)
			if err == nil {
				d.ODEStates = append(d.ODEStates, mem)
			}
		} else if vec := m.VectorOf(ir.KState, v.Index); vec != nil {
			if v.Index != vec.First {
				continue
			}
			mem, err = vecMember(vec, v, "state variable", "S_."+cppName(vec.Name), "stmp."+cppName(vec.Name))
			if err == nil {
				d.OtherStates = append(d.OtherStates, mem)
				resize = append(resize, fmt.Sprintf("S_.%s.resize( %d );", cppName(vec.Name), vec.Size))
			}
		} else {
			mem, err = mk(v, "state variable", "S_."+cppName(v.Name), "stmp."+cppName(v.Name))
			if err == nil {
				d.OtherStates = append(d.OtherStates, mem)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	// internalLV holds one lvalue per IR internal (vector elements too)
	var internalLV []member
	for _, v := range m.Internals {
		if vec := m.VectorOf(ir.KInternal, v.Index); vec != nil {
			internalLV = append(internalLV, member{Ref: fmt.Sprintf("V_.%s[ %d ]", cppName(vec.Name), v.Index-vec.First)})
			if v.Index == vec.First {
				mem, err := vecMember(vec, v, "internal", "V_."+cppName(vec.Name), "")
				if err != nil {
					return nil, err
				}
				mem.Read = ""
				d.Internals = append(d.Internals, mem)
				resize = append(resize, fmt.Sprintf("V_.%s.resize( %d );", cppName(vec.Name), vec.Size))
			}
			continue
		}
		mem, err := mk(v, "internal", "V_."+cppName(v.Name), "")
		if err != nil {
			return nil, err
		}
		mem.Read = ""
		d.Internals = append(d.Internals, mem)
		internalLV = append(internalLV, mem)
	}

	// Recordables: state variables by name.
	stateByName := map[string]*ir.Var{}
	for _, v := range m.State {
		stateByName[v.Name] = v
	}
	for _, rn := range m.Recordables {
		v, ok := stateByName[rn]
		if !ok {
			return nil, fmt.Errorf("recordable %q is not a state variable", rn)
		}
		ref, t, err := p.ref(&ir.Ref{Kind: ir.KState, Index: v.Index, Name: v.Name})
		if err != nil {
			return nil, err
		}
		if vec := m.VectorOf(ir.KState, v.Index); vec != nil {
			// element k of vector x is recorded as x_k (nest_target.md §4.9)
			rn = fmt.Sprintf("%s_%d", vec.Name, v.Index-vec.First)
			k, err := key(rn, "vector element recordable")
			if err != nil {
				return nil, err
			}
			d.Recordables = append(d.Recordables, recordable{Name: rn, Getter: getterName(rn), Expr: toDouble(ref, t), Key: k})
			continue
		}
		d.Recordables = append(d.Recordables, recordable{Name: rn, Getter: getterName(v.Name), Expr: toDouble(ref, t), Key: mb.names + "::" + keyIdent(rn)})
	}
	sort.SliceStable(d.Recordables, func(i, j int) bool { return d.Recordables[i].Name < d.Recordables[j].Name })

	// Input ports.
	if err := assignReceptors(m, d); err != nil {
		return nil, err
	}
	d.NumContinuousPorts = len(m.ContPorts)
	for i, cp := range m.ContPorts {
		if cp == nil || cp.Index != i {
			return nil, fmt.Errorf("continuous port %d has a wrong index", i)
		}
		d.ContinuousPorts = append(d.ContinuousPorts, keyDecl{receptorName(cp.Name), fmt.Sprint(i)})
	}

	// Constructor: parameter defaults, internals + propagators, state initial values.
	{
		c := &code{indent: 1}
		if len(resize) > 0 {
			c.line("// vectors (sizes bound when the module was generated)")
			for _, r := range resize {
				c.line("%s", r)
			}
		}
		c.line("// parameter defaults")
		for i, v := range m.Params {
			s, t, err := p.expr(v.Init)
			if err != nil {
				return nil, fmt.Errorf("default of parameter %s: %v", v.Name, err)
			}
			c.line("%s = %s;", paramRef[i], convert(s, t, mustType(v.Type)))
		}
		c.line("// internals and propagators")
		c.line("recompute_internal_variables();")
		c.line("// initial values of the state")
		if err := p.stateInits(c, m, nil); err != nil {
			return nil, err
		}
		d.ConstructorBody = c.String()
	}

	// recompute_internal_variables: internals in order, then the propagators.
	{
		c := &code{indent: 1}
		blocks, err := p.internalsAndPropagators(c, m, internalLV, name)
		if err != nil {
			return nil, err
		}
		d.Blocks = blocks
		d.RecomputeBody = c.String()
	}

	// Parameter guards (checked after committing, nest_target.md §4.10).
	{
		c := &code{indent: 1}
		for _, v := range m.Params {
			if v.Guard == nil {
				continue
			}
			s, t, err := p.expr(v.Guard)
			if err != nil {
				return nil, fmt.Errorf("guard of parameter %s: %v", v.Name, err)
			}
			text := v.GuardText
			if text == "" {
				text = v.Name
			}
			c.open("if ( not %s )", toBool(s, t))
			c.line("throw BadProperty( %s );", cString("The constraint '"+text+"' is violated!"))
			c.close()
		}
		d.GuardBody = c.String()
	}

	// handle(SpikeEvent&)
	d.TrackReceived = len(m.OnReceive) > 0
	{
		c := &code{indent: 1}
		for _, r := range d.Receptors {
			c.open("if ( rport == %d )", r.Index)
			add := func(buf int, val string) {
				c.line("B_.inputs_.add_value( slot, %d, %s );", buf, val)
				if d.TrackReceived {
					c.line("B_.inputs_.add_value( slot, RECEIVED_CHANNEL_0 + %d, 1.0 );", buf)
				}
			}
			switch {
			case r.Exc >= 0 && r.Inh >= 0:
				c.open("if ( weight >= 0.0 )")
				add(r.Exc, "s")
				c.close()
				c.open("else")
				add(r.Inh, "-s")
				c.close()
			case r.Inh >= 0:
				add(r.Inh, "-s")
			case r.Exc >= 0:
				add(r.Exc, "s")
			default:
				add(r.Plain, "s")
			}
			c.close()
		}
		d.HandleSpikeBody = c.String()
	}

	// update(): the per-step program.
	{
		p.inUpdate = true
		c := &code{indent: 2}
		if m.Numeric != nil {
			c.line("B_.__t = __t; // for the numeric right-hand sides")
		}
		// 3. analytic convolution states, first half
		type convTmp struct {
			si  int
			tmp string
		}
		var convs []convTmp
		{
			perBlock := map[int][]int{}
			for _, si := range m.ConvStates {
				if si < 0 || si >= len(m.State) {
					return nil, fmt.Errorf("convolution state index %d out of range", si)
				}
				if br, ok := p.blockOf[si]; ok {
					perBlock[br[0]] = append(perBlock[br[0]], si)
				}
			}
			if len(perBlock) > 0 {
				c.line("// 3. convolution states, first half: propagated from the step-start state")
			}
			for b := range m.Analytic {
				if len(perBlock[b]) == 0 {
					continue
				}
				chans, err := p.channels(c, b, "__cu")
				if err != nil {
					return nil, err
				}
				for _, si := range perBlock[b] {
					e, err := p.propagated(b, p.blockOf[si][1], chans)
					if err != nil {
						return nil, err
					}
					tmp := "__conv_" + cppName(m.State[si].Name)
					c.line("const double %s = %s;", tmp, e)
					convs = append(convs, convTmp{si, tmp})
				}
			}
		}
		c.line("// 4. update block")
		if err := p.stmts(c, m.Update); err != nil {
			return nil, fmt.Errorf("update block: %v", err)
		}
		c.line("// 5. onReceive handlers of ports that received spikes in this step")
		for i, h := range m.OnReceive {
			if h == nil || h.Port < 0 || h.Port >= len(m.SpikePorts) {
				return nil, fmt.Errorf("onReceive handler %d has an invalid port", i)
			}
			head := fmt.Sprintf("if ( B_.spike_input_received_grid_sum_[ %d ] != 0.0 ) // onReceive(%s)", h.Port, m.SpikePorts[h.Port].Name)
			if h.Size > 1 {
				// a vector port: any of its elements
				if h.Port+h.Size > len(m.SpikePorts) {
					return nil, fmt.Errorf("onReceive handler %d: ports %d..%d out of range", i, h.Port, h.Port+h.Size-1)
				}
				var conds []string
				for k := h.Port; k < h.Port+h.Size; k++ {
					conds = append(conds, fmt.Sprintf("B_.spike_input_received_grid_sum_[ %d ] != 0.0", k))
				}
				head = fmt.Sprintf("if ( %s ) // onReceive(%s)", strings.Join(conds, " or "), m.VectorOf(ir.KSpikePort, h.Port).Name)
			}
			if err := p.block(c, head, h.Body); err != nil {
				return nil, fmt.Errorf("onReceive(%s): %v", m.SpikePorts[h.Port].Name, err)
			}
		}
		if len(convs) > 0 {
			c.line("// 6. convolution states, second half")
			// keep the ConvStates order (the engine's order)
			bySi := map[int]string{}
			for _, cv := range convs {
				bySi[cv.si] = cv.tmp
			}
			for _, si := range m.ConvStates {
				tmp, ok := bySi[si]
				if !ok {
					continue
				}
				lhs, lt, err := p.ref(&ir.Ref{Kind: ir.KState, Index: si, Name: m.State[si].Name})
				if err != nil {
					return nil, err
				}
				c.line("%s = %s;", lhs, convert(tmp, tDouble, lt))
			}
		}
		if len(m.SpikeJumps) > 0 {
			c.line("// 7. spike jumps of the convolution states")
		}
		for k, j := range m.SpikeJumps {
			if j == nil {
				return nil, fmt.Errorf("spike jump %d is nil", k)
			}
			if j.Port < 0 || j.Port >= len(m.SpikePorts) {
				return nil, fmt.Errorf("spike jump %d: spike port index %d out of range", k, j.Port)
			}
			c.open("if ( B_.spike_inputs_grid_sum_[ %d ] != 0.0 )", j.Port)
			if err := p.jump(c, j, "spike jump"); err != nil {
				return nil, err
			}
			c.close()
		}
		c.line("// 8. onCondition handlers")
		for i, h := range m.OnCondition {
			if h == nil {
				return nil, fmt.Errorf("onCondition handler %d is nil", i)
			}
			s, t, err := p.expr(h.Cond)
			if err != nil {
				return nil, fmt.Errorf("onCondition %d: %v", i, err)
			}
			if err := p.block(c, "if ( "+toBool(s, t)+" )", h.Body); err != nil {
				return nil, fmt.Errorf("onCondition %d: %v", i, err)
			}
		}
		p.inUpdate = false
		d.UpdateBody = c.String()
	}

	// Numeric right-hand sides and tolerances.
	if ns := m.Numeric; ns != nil {
		d.Numeric = true
		d.NumericSize = len(ns.Vars)
		d.Method = methodName(ns.Method)
		for i := range p.rhs {
			body, err := rhsBody(m, &p.rhs[i], name)
			if err != nil {
				return nil, err
			}
			p.rhs[i].Body = body
		}
		d.RHS = p.rhs
		c := &code{indent: 1}
		abs, _, err := p.ref(&ir.Ref{Kind: ir.KParam, Index: ns.AbsTol, Name: "gsl_abs_error_tol"})
		if err != nil {
			return nil, fmt.Errorf("numeric system: absolute tolerance: %v", err)
		}
		rel, _, err := p.ref(&ir.Ref{Kind: ir.KParam, Index: ns.RelTol, Name: "gsl_rel_error_tol"})
		if err != nil {
			return nil, fmt.Errorf("numeric system: relative tolerance: %v", err)
		}
		absName, relName := m.Params[ns.AbsTol].Name, m.Params[ns.RelTol].Name
		c.open("if ( not( %s > 0.0 ) )", abs)
		c.line("throw BadProperty( %s );", cString("The absolute error tolerance "+absName+" must be > 0."))
		c.close()
		c.open("if ( not( %s >= 0.0 ) )", rel)
		c.line("throw BadProperty( %s );", cString("The relative error tolerance "+relName+" must be >= 0."))
		c.close()
		d.ToleranceBody = c.String()
	}
	return d, nil
}

// checkNumeric validates the numeric system of m.
func checkNumeric(m *ir.Model) error {
	for _, v := range m.State {
		if v == nil {
			return fmt.Errorf("nil state variable")
		}
	}
	ns := m.Numeric
	if ns == nil {
		return nil
	}
	if len(ns.Vars) == 0 {
		return fmt.Errorf("the numeric system is empty")
	}
	if len(ns.Rhs) != len(ns.Vars) {
		return fmt.Errorf("the numeric system has %d variables but %d right-hand sides", len(ns.Vars), len(ns.Rhs))
	}
	seen := map[int]bool{}
	for _, si := range ns.Vars {
		if si < 0 || si >= len(m.State) {
			return fmt.Errorf("numeric system: state index %d out of range", si)
		}
		if seen[si] {
			return fmt.Errorf("numeric system: %s is listed twice", m.State[si].Name)
		}
		seen[si] = true
		if m.State[si].Type != ir.Real {
			return fmt.Errorf("numeric system: %s is not real", m.State[si].Name)
		}
	}
	switch ns.Method {
	case "", "rk45", "rk4", "forward-Euler":
	default:
		return fmt.Errorf("unknown numeric method %q (rk45, rk4, forward-Euler)", ns.Method)
	}
	switch ns.Controller {
	case "", "with_respect_to_solution", "with_respect_to_derivative":
	default:
		return fmt.Errorf("unknown step size controller %q (with_respect_to_solution, with_respect_to_derivative)", ns.Controller)
	}
	for _, k := range []int{ns.AbsTol, ns.RelTol} {
		if k < 0 || k >= len(m.Params) || m.Params[k] == nil || m.Params[k].Type != ir.Real {
			return fmt.Errorf("numeric system: tolerance parameter index %d is not a real parameter", k)
		}
	}
	if ns.MaxSubsteps < 0 {
		return fmt.Errorf("numeric system: negative max_substeps %d", ns.MaxSubsteps)
	}
	return nil
}

// stateOrder returns the state variables with the ODE states in the order
// of the numeric vector first (nest_target.md §4.2), then the others in
// declaration order.
func stateOrder(m *ir.Model) []*ir.Var {
	if m.Numeric == nil {
		return m.State
	}
	out := make([]*ir.Var, 0, len(m.State))
	taken := map[int]bool{}
	for _, si := range m.Numeric.Vars {
		if m.State[si].HasODE {
			out = append(out, m.State[si])
			taken[si] = true
		}
	}
	for i, v := range m.State {
		if !taken[i] {
			out = append(out, v)
		}
	}
	return out
}

// rhsBody prints the body of a numeric right-hand-side function.
func rhsBody(m *ir.Model, f *rhsFunc, name string) (string, error) {
	p := newPrinter(m)
	p.params, p.state, p.internals, p.bufs = "node.P_.", "node.S_.", "node.V_.", "node.B_."
	p.inRHS = true
	c := &code{indent: 1}
	c.line("[[maybe_unused]] const %s& node = *( static_cast< const %s* >( pnode ) );", name, name)
	for k, e := range m.Numeric.Rhs {
		vn := m.State[m.Numeric.Vars[k]].Name
		if !f.Listed[k] {
			c.line("f[ %d ] = 0.0; // %s (frozen)", k, vn)
			continue
		}
		s, t, err := p.expr(e)
		if err != nil {
			return "", fmt.Errorf("right-hand side of %s: %v", vn, err)
		}
		c.line("f[ %d ] = %s; // %s", k, toDouble(s, t), vn)
	}
	return c.String(), nil
}

func mustType(t ir.Type) ctype {
	ct, _ := typeOf(t)
	return ct
}

// getterReserved are getter names that would clash with methods of NEST's
// Node classes.
var getterReserved = map[string]bool{
	"status": true, "name": true, "node_id": true, "model_id": true, "thread": true, "vp": true,
	"element_type": true, "spiketime_ms": true, "history": true, "K_value": true, "K_values": true,
	"synaptic_elements": true, "tau_minus": true, "tau_minus_triplet": true, "nc": true,
	"thread_lid": true, "local_receiver": true, "frozen": true,
}

func getterName(n string) string {
	if getterReserved[n] {
		return "get_" + n + "__"
	}
	return "get_" + cppName(n)
}

// assignReceptors numbers the spike receptors (nest_target.md §4.4).
func assignReceptors(m *ir.Model, d *neuronData) error {
	d.NumSpikeBuffers = len(m.SpikePorts)
	used := make([]bool, len(m.SpikePorts))
	for i, sp := range m.SpikePorts {
		if sp == nil || sp.Index != i {
			return fmt.Errorf("spike port %d has a wrong index", i)
		}
		switch sp.Qualifier {
		case "", "excitatory", "inhibitory":
		default:
			return fmt.Errorf("spike port %s has an unknown qualifier %q", sp.Name, sp.Qualifier)
		}
	}
	for i, sp := range m.SpikePorts {
		if used[i] {
			continue
		}
		used[i] = true
		r := receptor{Index: len(d.Receptors), Names: []string{receptorName(sp.Name)}, Plain: -1, Exc: -1, Inh: -1}
		switch sp.Qualifier {
		case "":
			r.Plain = i
		case "excitatory", "inhibitory":
			other := "inhibitory"
			if sp.Qualifier == "inhibitory" {
				other = "excitatory"
			}
			partner := -1
			for j := i + 1; j < len(m.SpikePorts); j++ {
				if !used[j] && m.SpikePorts[j].Qualifier == other {
					partner = j
					break
				}
			}
			if sp.Qualifier == "excitatory" {
				r.Exc = i
				r.Inh = partner
			} else {
				r.Inh = i
				r.Exc = partner
			}
			if partner >= 0 {
				used[partner] = true
				r.Names = append(r.Names, receptorName(m.SpikePorts[partner].Name))
			}
		}
		d.Receptors = append(d.Receptors, r)
	}
	d.NumReceptors = len(d.Receptors)
	d.MultiReceptor = d.NumReceptors > 1
	for _, vec := range m.Vectors {
		if vec.Kind == ir.KSpikePort {
			d.MultiReceptor = true // any vector port (nest_target.md §4.4)
		}
	}
	return nil
}

// receptorName is the receptor_types name of a spike port: upper case, and
// NAME_k for element k of a vector port (the IR's "name[k]").
func receptorName(port string) string {
	if i := strings.IndexByte(port, '['); i >= 0 && strings.HasSuffix(port, "]") {
		port = port[:i] + "_" + port[i+1:len(port)-1]
	}
	return strings.ToUpper(port)
}

// blockCompute prints the computation of the propagators of analytic block
// b into c (inside recompute_internal_variables).
// internalsAndPropagators prints the computation of m's internals, in
// declaration order, into the members internals, followed by the
// propagators of every analytic block (neurons: recompute_internal_variables;
// synapses: the same for the interval between two events), and returns
// the blocks' template data.
// stateInits prints the assignments of the state variables' initial
// values, in declaration order, leaving out those skip names (nil: none).
func (p *printer) stateInits(c *code, m *ir.Model, skip map[int]bool) error {
	for _, v := range m.State {
		if skip[v.Index] {
			continue
		}
		s, t, err := p.expr(v.Init)
		if err != nil {
			return fmt.Errorf("initial value of %s: %v", v.Name, err)
		}
		lv, lt, err := p.ref(&ir.Ref{Kind: ir.KState, Index: v.Index, Name: v.Name})
		if err != nil {
			return err
		}
		c.line("%s = %s;", lv, convert(s, t, lt))
	}
	return nil
}

func (p *printer) internalsAndPropagators(c *code, m *ir.Model, internals []member, name string) ([]blockData, error) {
	for i, v := range m.Internals {
		s, t, err := p.expr(v.Init)
		if err != nil {
			return nil, fmt.Errorf("internal %s: %v", v.Name, err)
		}
		c.line("%s = %s;", internals[i].Ref, convert(s, t, mustType(v.Type)))
	}
	var blocks []blockData
	for b, blk := range m.Analytic {
		bd, err := p.blockCompute(c, b, blk, name)
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, bd)
	}
	return blocks, nil
}

func (p *printer) blockCompute(c *code, b int, blk *ir.AnalyticBlock, model string) (blockData, error) {
	n := len(blk.Vars)
	if n == 0 {
		return blockData{}, fmt.Errorf("analytic block %d is empty", b)
	}
	k := len(blk.Channels)
	if len(blk.BCols) != k {
		return blockData{}, fmt.Errorf("analytic block %d: %d channels but %d B columns", b, k, len(blk.BCols))
	}
	m := 1 + k
	if len(blk.A) != n {
		return blockData{}, fmt.Errorf("analytic block %d: A has %d rows, want %d", b, len(blk.A), n)
	}
	if blk.B0 != nil && len(blk.B0) != n {
		return blockData{}, fmt.Errorf("analytic block %d: B0 has %d rows, want %d", b, len(blk.B0), n)
	}
	vars := make([]string, n)
	for i, si := range blk.Vars {
		if si < 0 || si >= len(p.m.State) {
			return blockData{}, fmt.Errorf("analytic block %d: state index %d out of range", b, si)
		}
		vars[i] = p.m.State[si].Name
	}
	ev := func(e ir.Expr, what string) (string, error) {
		if e == nil {
			return "0.0", nil
		}
		s, t, err := p.expr(e)
		if err != nil {
			return "", fmt.Errorf("analytic block %d (%s), %s: %v", b, strings.Join(vars, ", "), what, err)
		}
		return toDouble(s, t), nil
	}
	aEntries := make([]string, 0, n*n)
	for i := 0; i < n; i++ {
		if blk.A[i] != nil && len(blk.A[i]) != n {
			return blockData{}, fmt.Errorf("analytic block %d: A row %d has %d entries, want %d", b, i, len(blk.A[i]), n)
		}
		for j := 0; j < n; j++ {
			var e ir.Expr
			if blk.A[i] != nil {
				e = blk.A[i][j]
			}
			s, err := ev(e, fmt.Sprintf("A[%d][%d]", i, j))
			if err != nil {
				return blockData{}, err
			}
			aEntries = append(aEntries, s)
		}
	}
	cEntries := make([]string, 0, n*m)
	for i := 0; i < n; i++ {
		var e ir.Expr
		if blk.B0 != nil {
			e = blk.B0[i]
		}
		s, err := ev(e, fmt.Sprintf("B0[%d]", i))
		if err != nil {
			return blockData{}, err
		}
		cEntries = append(cEntries, s)
		for kk := 0; kk < k; kk++ {
			col := blk.BCols[kk]
			if col != nil && len(col) != n {
				return blockData{}, fmt.Errorf("analytic block %d: B column %d has %d entries, want %d", b, kk, len(col), n)
			}
			var e ir.Expr
			if col != nil {
				e = col[i]
			}
			s, err := ev(e, fmt.Sprintf("B[%d][%d]", i, kk))
			if err != nil {
				return blockData{}, err
			}
			cEntries = append(cEntries, s)
		}
	}
	// Parameters and internals used, for the error message.
	used := map[string]bool{}
	var usedList []string
	var collect func(e ir.Expr)
	collect = func(e ir.Expr) {
		switch e := e.(type) {
		case *ir.Ref:
			if (e.Kind == ir.KParam || e.Kind == ir.KInternal) && !used[e.Name] {
				used[e.Name] = true
				usedList = append(usedList, e.Name)
			}
		case *ir.Unary:
			collect(e.X)
		case *ir.Binary:
			collect(e.L)
			collect(e.R)
		case *ir.Cond:
			collect(e.C)
			collect(e.Then)
			collect(e.Else)
		case *ir.Call:
			for _, a := range e.Args {
				collect(a)
			}
		}
	}
	for _, row := range blk.A {
		for _, e := range row {
			collect(e)
		}
	}
	for _, e := range blk.B0 {
		collect(e)
	}
	for _, col := range blk.BCols {
		for _, e := range col {
			collect(e)
		}
	}
	valueMsg := "\"h = \" + nestml_go_num_( V_.__h )"
	for _, u := range usedList {
		var r *ir.Ref
		for _, v := range p.m.Params {
			if v.Name == u {
				r = &ir.Ref{Kind: ir.KParam, Index: v.Index, Name: v.Name}
			}
		}
		for _, v := range p.m.Internals {
			if v.Name == u {
				r = &ir.Ref{Kind: ir.KInternal, Index: v.Index, Name: v.Name}
			}
		}
		if r == nil {
			continue
		}
		s, t, err := p.ref(r)
		if err != nil {
			return blockData{}, err
		}
		valueMsg += " + \", " + u + " = \" + nestml_go_num_( " + toDouble(s, t) + " )"
	}

	what := fmt.Sprintf("%s: propagators of the analytic block {%s}", model, strings.Join(vars, ", "))
	c.line("// propagators of the analytic block %d {%s}: P = exp(A h), Q = Gamma [b0 | B]", b, strings.Join(vars, ", "))
	c.line("{")
	c.indent++
	c.line("const double A[ %d ] = {", n*n)
	for i := 0; i < n; i++ {
		c.line("  %s,", strings.Join(aEntries[i*n:(i+1)*n], ", "))
	}
	c.line("};")
	c.line("const double C[ %d ] = {", n*m)
	for i := 0; i < n; i++ {
		c.line("  %s,", strings.Join(cEntries[i*m:(i+1)*m], ", "))
	}
	c.line("};")
	c.open("try")
	c.line("nestml_go::propagator( A, %d, C, %d, V_.__h, V_.__P_%d, V_.__Q_%d );", n, m, b, b)
	c.close()
	c.open("catch ( const std::exception& ex )")
	c.line("throw BadProperty( std::string( %s ) + ex.what() + \" (\" + %s + \")\" );", cString(what+" could not be computed: "), valueMsg)
	c.close()
	c.open("for ( int i = 0; i < %d; ++i )", n*n)
	c.open("if ( not std::isfinite( V_.__P_%d[ i ] ) )", b)
	c.line("throw BadProperty( std::string( %s ) + %s );", cString(what+" are not finite: "), valueMsg)
	c.close()
	c.close()
	c.open("for ( int i = 0; i < %d; ++i )", n*m)
	c.open("if ( not std::isfinite( V_.__Q_%d[ i ] ) )", b)
	c.line("throw BadProperty( std::string( %s ) + %s );", cString(what+" are not finite: "), valueMsg)
	c.close()
	c.close()
	c.indent--
	c.line("}")
	return blockData{Index: b, N: n, M: m, Vars: strings.Join(vars, ", ")}, nil
}
