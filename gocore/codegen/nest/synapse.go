package nest

import (
	"fmt"
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/ir"
)

// synapseCtx is the printer state while printing the event handlers and
// the update block of a synapse (nest_target.md §5.2): t is the time of the
// event being handled (__t), emit_spike sends the event e on to the target,
// random numbers come from the target thread's generator __rng.
type synapseCtx struct {
	// noEmit, when set, says where the code being printed runs (the update
	// block, a volume-transmitter handler): no event to send there.
	noEmit string
	// usedRng records that a handler drew random numbers.
	usedRng bool
}

// emit prints emit_spike(w) inside send().
func (s *synapseCtx) emit(p *printer, c *code, e *ir.EmitSpike) error {
	if s.noEmit != "" {
		return fmt.Errorf("emit_spike() in %s of a synapse (only the handlers of the pre-synaptic port can transmit)", s.noEmit)
	}
	w := "1.0"
	if e.Weight != nil {
		v, vt, err := p.expr(e.Weight)
		if err != nil {
			return fmt.Errorf("emit_spike weight: %v", err)
		}
		w = toDouble(v, vt)
	}
	c.line("// emit_spike(): transmit the spike to the target")
	c.line("e.set_receiver( *__target );")
	c.line("e.set_weight( %s );", w)
	c.line("e.set_delay_steps( get_delay_steps() );")
	c.line("e.set_rport( get_rport() );")
	c.line("e();")
	return nil
}

// call prints the functions only synapses provide (random numbers from the
// target thread's generator); ok is false for every other function.
func (s *synapseCtx) call(fn string, args []string, types []ctype) (string, bool, error) {
	switch fn {
	case "random_normal", "random_uniform":
	default:
		return "", false, nil
	}
	if len(args) != 2 {
		return "", true, fmt.Errorf("%s() takes 2 arguments, got %d", fn, len(args))
	}
	s.usedRng = true
	return fmt.Sprintf("nestml_go_%s_( __rng, %s, %s )", fn, toDouble(args[0], types[0]), toDouble(args[1], types[1])), true, nil
}

// synapseData is the template data of one synapse class.
type synapseData struct {
	Banner string
	Name   string
	Guard  string
	Keys   []keyDecl

	HomParams   []member // @homogeneous parameters (common properties)
	Params      []member // per-connection parameters
	ODEStates   []member
	OtherStates []member
	Internals   []member
	Blocks      []blockData

	// WeightRef / WeightTmp: the weight variable in member functions and
	// in the set_status temporaries.
	WeightRef, WeightTmp string
	// DelayKey is the status key of the delay variable ("" if none).
	DelayKey string
	// HasPost: the synapse reads post-synaptic spikes from the target's
	// history (and registers as an STDP connection).
	HasPost bool
	// HasVT: the synapse has a volume-transmitter port (vt_ports): the
	// common properties hold the volume_transmitter node, whose spikes
	// run the handlers in VTBody, interleaved with the other events.
	HasVT   bool
	UsesRng bool

	// Co-generated synapses (cogen.go): the neuron class whose history the
	// synapse reads, its header, the history entry type and methods, and
	// the declarations of the handler locals that stand for the moved
	// variables and the bound continuous ports.
	CogenNeuron, CogenEntry, CogenGetHistory, CogenRegister string
	PostLocals, PreLocals                                   string

	CPConstructorBody string
	CPGuardBody       string
	ParamDefaultsBody string
	StateInitBody     string
	InternalsBody     string
	AdvanceBody       string
	PreBody           string
	PostBody          string
	VTBody            string
	GuardBody         string
}

// synapseWeight returns the weight variable of synapse m (the codegen
// option weight_variable, keyed by the model name).
func synapseOpt(m map[string]string, model, suffixed string) (string, bool) {
	if v, ok := m[model]; ok {
		return v, true
	}
	v, ok := m[suffixed]
	return v, ok
}

// postPortsOf returns the post-synaptic spike ports of synapse m: the
// post_ports named for it in neuron_synapse_pairs, otherwise the spike
// ports whose name contains "post" (the library convention post_spikes).
func postPortsOf(m *ir.Model, opts Options) map[int]bool {
	out := map[int]bool{}
	named, ok := opts.PostPorts[m.Name]
	for i, sp := range m.SpikePorts {
		if ok {
			for _, n := range named {
				if n == sp.Name {
					out[i] = true
				}
			}
		} else if strings.Contains(sp.Name, "post") {
			out[i] = true
		}
	}
	return out
}

// vtPortsOf returns the volume-transmitter spike ports of synapse m (the
// vt_ports named for it in neuron_synapse_pairs), or an error for a named
// port that is not a spike port of m.
func vtPortsOf(m *ir.Model, opts Options) (map[int]bool, error) {
	out := map[int]bool{}
	for _, n := range opts.VtPorts[m.Name] {
		found := false
		for i, sp := range m.SpikePorts {
			if sp.Name == n {
				out[i], found = true, true
			}
		}
		if !found {
			return nil, fmt.Errorf("synapse %s: vt_ports names %q, which is not a spike input port of the synapse", m.Name, n)
		}
	}
	return out, nil
}

// buildSynapse prepares the template data of synapse m printed as class
// name (nest_target.md §5).
func buildSynapse(m *ir.Model, name string, opts Options) (*synapseData, error) {
	return buildSynapsePlan(m, name, opts, nil)
}

// buildSynapsePlan is buildSynapse for a synapse that may be co-generated
// with a neuron (plan != nil, nest_target.md §5.3).
func buildSynapsePlan(m *ir.Model, name string, opts Options, plan *cogenPlan) (*synapseData, error) {
	d := &synapseData{Name: name, Guard: strings.ToUpper(name) + "_H"}
	if m.Numeric != nil {
		return nil, fmt.Errorf("synapse with ODEs that need a numeric solver: not supported by the NEST target (only linear ODEs with exact propagators)")
	}
	if len(m.ConvStates) > 0 || len(m.SpikeJumps) > 0 || len(m.DeltaJumps) > 0 {
		return nil, fmt.Errorf("synapse with convolutions of spike ports: not supported by the NEST target")
	}
	if len(m.OnCondition) > 0 {
		return nil, fmt.Errorf("onCondition blocks in synapses are not supported by the NEST target")
	}
	for _, blk := range m.Analytic {
		if blk == nil {
			return nil, fmt.Errorf("nil analytic block")
		}
		if len(blk.Channels) > 0 {
			return nil, fmt.Errorf("ODEs driven by input ports are not supported in synapses by the NEST target")
		}
	}
	// weight and delay variables (language.md §16.3)
	wname, ok := synapseOpt(opts.WeightVariable, m.Name, name)
	if !ok || wname == "" {
		return nil, &PreflightError{Code: diag.WeightVariableNotSpecified, Model: m.Name,
			Msg:  fmt.Sprintf("synapse %s: the weight variable is not specified", m.Name),
			Hint: fmt.Sprintf("pass codegen_opts={\"weight_variable\": {%q: \"w\"}} naming the variable that holds the weight", m.Name)}
	}
	var wvar *ir.Var
	for _, v := range append(append([]*ir.Var{}, m.State...), m.Params...) {
		if v.Name == wname {
			wvar = v
			break
		}
	}
	if wvar == nil {
		return nil, &PreflightError{Code: diag.WeightVariableNotFound, Model: m.Name, Msg: fmt.Sprintf(
			"synapse %s: the weight variable %q is not a state variable or parameter", m.Name, wname)}
	}
	if wvar.Type != ir.Real {
		return nil, fmt.Errorf("synapse %s: the weight variable %q must be real", m.Name, wname)
	}
	delayIdx := -1
	if dn, ok := synapseOpt(opts.DelayVariable, m.Name, name); ok && dn != "" {
		for _, v := range m.Params {
			if v.Name == dn {
				delayIdx = v.Index
			}
		}
		if delayIdx < 0 {
			return nil, &PreflightError{Code: diag.DelayVariableNotFound, Model: m.Name, Msg: fmt.Sprintf(
				"synapse %s: the delay variable %q is not a parameter", m.Name, dn)}
		}
	}
	hom := map[int]bool{}
	for _, hn := range opts.Homogeneous[m.Name] {
		for _, v := range m.Params {
			if v.Name == hn && v.Index != delayIdx {
				hom[v.Index] = true
			}
		}
	}
	if wvar.Kind == ir.KParam && hom[wvar.Index] {
		return nil, fmt.Errorf("synapse %s: the weight variable %q cannot be @homogeneous", m.Name, wname)
	}
	post := postPortsOf(m, opts)
	vt, err := vtPortsOf(m, opts)
	if err != nil {
		return nil, err
	}
	for i := range vt {
		if post[i] {
			return nil, fmt.Errorf("synapse %s: port %s is named both as a post port and as a volume-transmitter port", m.Name, m.SpikePorts[i].Name)
		}
	}
	d.HasPost = len(post) > 0
	d.HasVT = len(vt) > 0
	pre := -1
	for i := range m.SpikePorts {
		if post[i] || vt[i] {
			continue
		}
		if pre >= 0 {
			return nil, fmt.Errorf("synapse %s: more than one pre-synaptic spike port (%s, %s); a volume-transmitter (neuromodulator) port must be named in neuron_synapse_pairs: {\"neuron\": ..., \"synapse\": %q, \"vt_ports\": [%q]}",
				m.Name, m.SpikePorts[pre].Name, m.SpikePorts[i].Name, m.Name, m.SpikePorts[i].Name)
		}
		pre = i
	}
	if pre < 0 {
		return nil, fmt.Errorf("synapse %s has no pre-synaptic spike port", m.Name)
	}
	if len(m.ContPorts) > 0 && plan == nil {
		return nil, fmt.Errorf("synapse %s: continuous input port %s (third-factor plasticity) needs the synapse co-generated with a neuron that provides the variable: neuron_synapse_pairs: [{\"neuron\": ..., \"synapse\": %q, \"post_ports\": [..., [%q, \"<neuron state variable>\"]]}]",
			m.Name, m.ContPorts[0].Name, m.Name, m.ContPorts[0].Name)
	}
	if plan != nil {
		if !d.HasPost {
			return nil, fmt.Errorf("synapse %s: co-generation needs a post-synaptic spike port (post_ports)", m.Name)
		}
		m = plan.rewriteSynapse(post)
		d.CogenNeuron = plan.neuron
		d.CogenEntry = plan.neuron + "::" + plan.entryType()
		d.CogenGetHistory = plan.getHistory()
		d.CogenRegister = plan.register()
		d.PostLocals = plan.synapseLocals("__entry", "", "__t", 2)
		if plan.readsLocals(m, func(port int) bool { return !post[port] && !vt[port] }) {
			d.PreLocals = plan.synapseLocals("", "__t_spike - __dendritic_delay", "__t_spike", 2)
		}
		if plan.ctb {
			if d.HasVT {
				return nil, fmt.Errorf("continuous input ports with vt_ports need continuous_state_buffering_method \"post_spike_based\" (the continuous-time buffer is not implemented for volume-transmitter synapses)")
			}
			// the connection now holds the buffer from this spike on
			d.PreLocals = fmt.Sprintf("    static_cast< %s* >( __target )->%s( t_lastspike_, __t_spike );\n", plan.neuron, plan.ctbMove()) + d.PreLocals
		}
	}

	p := newPrinter(m)
	p.syn = &synapseCtx{}
	p.paramExpr = map[int]string{}
	for i := range hom {
		p.paramExpr[i] = "cp." + cppName(m.Params[i].Name)
	}
	if delayIdx >= 0 {
		p.paramExpr[delayIdx] = "get_delay()"
	}
	names := name + "_names"
	seen := map[string]string{"weight": "NEST connection property", "delay": "NEST connection property",
		"receptor": "NEST connection property", "source": "NEST connection property", "target": "NEST connection property",
		"synapse_model": "NEST connection property", "synapse_id": "NEST connection property", "port": "NEST connection property",
		"size_of": "NEST connection property", "sizeof": "NEST connection property", "rport": "NEST connection property"}
	if d.HasVT {
		seen["volume_transmitter"] = "NEST common synapse property"
	}
	mb := &memberBuilder{names: names, seen: seen, keys: &d.Keys,
		read: func(t ctype, k, lv string) string {
			switch {
			case lv == "":
				return ""
			case t == tLong:
				return fmt.Sprintf("d.update_integer_value( %s, %s );", k, lv)
			}
			return fmt.Sprintf("d.update_value( %s, %s );", k, lv)
		}}
	key, mk := mb.key, mb.member
	for _, v := range m.Params {
		switch {
		case plan.removedParam(v.Index):
		case v.Index == delayIdx:
			k, err := key(v.Name, "delay variable")
			if err != nil {
				return nil, err
			}
			d.DelayKey = k
		case hom[v.Index]:
			mem, err := mk(v, "parameter", cppName(v.Name), "tmp."+cppName(v.Name))
			if err != nil {
				return nil, err
			}
			d.HomParams = append(d.HomParams, mem)
		default:
			mem, err := mk(v, "parameter", "P_."+cppName(v.Name), "ptmp."+cppName(v.Name))
			if err != nil {
				return nil, err
			}
			d.Params = append(d.Params, mem)
		}
	}
	for _, v := range m.State {
		if plan != nil && plan.isMoved[v.Index] {
			continue
		}
		if v.HasODE {
			if v.Type != ir.Real {
				return nil, fmt.Errorf("state variable %s has an ODE but is not real", v.Name)
			}
			el := "ode_state[ State_::" + cppName(v.Name) + " ]"
			mem, err := mk(v, "state variable", "S_."+el, "stmp."+el)
			if err != nil {
				return nil, err
			}
			d.ODEStates = append(d.ODEStates, mem)
		} else {
			mem, err := mk(v, "state variable", "S_."+cppName(v.Name), "stmp."+cppName(v.Name))
			if err != nil {
				return nil, err
			}
			d.OtherStates = append(d.OtherStates, mem)
		}
	}
	for _, v := range m.Internals {
		if !isNestmlIdent(v.Name) {
			return nil, fmt.Errorf("internal name %q is not an identifier", v.Name)
		}
		t, err := typeOf(v.Type)
		if err != nil {
			return nil, fmt.Errorf("internal %s: %v", v.Name, err)
		}
		d.Internals = append(d.Internals, member{Name: v.Name, CName: cppName(v.Name), Type: t.String(), Ref: "V_." + cppName(v.Name)})
	}
	if wvar.Kind == ir.KParam {
		d.WeightRef, d.WeightTmp = "P_."+cppName(wvar.Name), "ptmp."+cppName(wvar.Name)
	} else if wvar.HasODE {
		el := "ode_state[ State_::" + cppName(wvar.Name) + " ]"
		d.WeightRef, d.WeightTmp = "S_."+el, "stmp."+el
	} else {
		d.WeightRef, d.WeightTmp = "S_."+cppName(wvar.Name), "stmp."+cppName(wvar.Name)
	}

	// Common properties: defaults and guards of the @homogeneous parameters
	// (printed with cp = *this).
	{
		c := &code{indent: 1}
		gc := &code{indent: 1}
		for _, v := range m.Params {
			if !hom[v.Index] || plan.removedParam(v.Index) {
				continue
			}
			s, t, err := p.expr(v.Init)
			if err != nil {
				return nil, fmt.Errorf("default of parameter %s: %v", v.Name, err)
			}
			c.line("%s = %s;", cppName(v.Name), convert(s, t, mustType(v.Type)))
			if v.Guard != nil {
				if err := guardLine(p, gc, v); err != nil {
					return nil, err
				}
			}
		}
		d.CPConstructorBody = c.String()
		d.CPGuardBody = gc.String()
	}
	// Connection constructor: parameter defaults, then the initial state.
	{
		c := &code{indent: 1}
		for _, v := range m.Params {
			if hom[v.Index] || v.Index == delayIdx || plan.removedParam(v.Index) {
				continue
			}
			s, t, err := p.expr(v.Init)
			if err != nil {
				return nil, fmt.Errorf("default of parameter %s: %v", v.Name, err)
			}
			c.line("P_.%s = %s;", cppName(v.Name), convert(s, t, mustType(v.Type)))
		}
		d.ParamDefaultsBody = c.String()
		c = &code{indent: 1}
		var moved map[int]bool
		if plan != nil {
			moved = plan.isMoved
		}
		if err := p.stateInits(c, m, moved); err != nil {
			return nil, err
		}
		d.StateInitBody = c.String()
	}
	// Guards of the per-connection parameters, checked on the temporaries
	// before committing (a rejected set_status changes nothing).
	{
		gc := &code{indent: 1}
		saved := p.params
		p.params = "ptmp."
		for _, v := range m.Params {
			if hom[v.Index] || v.Guard == nil || v.Index == delayIdx || plan.removedParam(v.Index) {
				continue
			}
			if refsHom(v.Guard, hom) {
				continue // needs the common properties: checked there
			}
			if err := guardLine(p, gc, v); err != nil {
				return nil, err
			}
		}
		p.params = saved
		d.GuardBody = gc.String()
	}
	// Internals and the propagators over V_.__h.
	{
		c := &code{indent: 1}
		c.line("V_.__h = __h;")
		blocks, err := p.internalsAndPropagators(c, m, d.Internals, name)
		if err != nil {
			return nil, err
		}
		d.Blocks = blocks
		d.InternalsBody = c.String()
	}
	// The update block, run from the last event to the current one.
	{
		c := &code{indent: 1}
		p.syn.noEmit = "the update block"
		if err := p.stmts(c, m.Update); err != nil {
			return nil, fmt.Errorf("update block: %v", err)
		}
		p.syn.noEmit = ""
		d.AdvanceBody = c.String()
	}
	// Handlers, in the IR's order (priorities already applied).
	// kind: 0 pre-synaptic, 1 post-synaptic, 2 volume transmitter.
	kindOf := func(port int) int {
		switch {
		case post[port]:
			return 1
		case vt[port]:
			return 2
		}
		return 0
	}
	handlers := func(kind int, indent int) (string, error) {
		c := &code{indent: indent}
		if plan != nil && kind != 2 {
			p.pushScope()
			defer p.popScope()
			plan.declareLocals(p, kind == 1)
		}
		for _, h := range m.OnReceive {
			if h == nil || h.Port < 0 || h.Port >= len(m.SpikePorts) {
				return "", fmt.Errorf("onReceive handler with an invalid port")
			}
			if kindOf(h.Port) != kind {
				continue
			}
			if err := p.block(c, "", h.Body); err != nil {
				return "", fmt.Errorf("onReceive(%s): %v", m.SpikePorts[h.Port].Name, err)
			}
		}
		return c.String(), nil
	}
	if d.PreBody, err = handlers(0, 2); err != nil {
		return nil, err
	}
	if d.HasVT {
		p.syn.noEmit = "a post-synaptic handler" // printed outside send()
	}
	if d.PostBody, err = handlers(1, 2); err != nil {
		return nil, err
	}
	p.syn.noEmit = "a volume-transmitter handler"
	if d.VTBody, err = handlers(2, 3); err != nil {
		return nil, err
	}
	p.syn.noEmit = ""
	d.UsesRng = p.syn.usedRng
	return d, nil
}

// guardLine prints the check of a parameter's guard.
func guardLine(p *printer, c *code, v *ir.Var) error {
	s, t, err := p.expr(v.Guard)
	if err != nil {
		return fmt.Errorf("guard of parameter %s: %v", v.Name, err)
	}
	text := v.GuardText
	if text == "" {
		text = v.Name
	}
	c.open("if ( not %s )", toBool(s, t))
	c.line("throw BadProperty( %s );", cString("The constraint '"+text+"' is violated!"))
	c.close()
	return nil
}

// refsHom reports whether e reads a parameter listed in hom.
func refsHom(e ir.Expr, hom map[int]bool) bool {
	switch e := e.(type) {
	case *ir.Ref:
		return e.Kind == ir.KParam && hom[e.Index]
	case *ir.Unary:
		return refsHom(e.X, hom)
	case *ir.Binary:
		return refsHom(e.L, hom) || refsHom(e.R, hom)
	case *ir.Cond:
		return refsHom(e.C, hom) || refsHom(e.Then, hom) || refsHom(e.Else, hom)
	case *ir.Call:
		for _, a := range e.Args {
			if refsHom(a, hom) {
				return true
			}
		}
	}
	return false
}

// PreflightError is a model error found by the generator that the NEST
// pre-flight checks (checks.md) report with a diagnostic code.
type PreflightError struct {
	Code  diag.Code
	Model string
	Msg   string
	Hint  string
}

func (e *PreflightError) Error() string { return string(e.Code) + ": " + e.Msg }

// ModelPos is where a model is declared.
type ModelPos struct {
	File  string
	Range ast.Range
}

// Diagnostic converts e into an error diagnostic at the declaration of its
// model (looked up in where).
func (e *PreflightError) Diagnostic(where map[string]ModelPos) diag.Diagnostic {
	pos := where[e.Model]
	return diag.Diagnostic{Code: e.Code, Severity: diag.Error, File: pos.File, Model: e.Model, Range: pos.Range,
		Message: e.Msg, Hint: e.Hint}
}

// isSynapseModel reports whether m is generated as a synapse
// (language.md §16.1).
func isSynapseModel(m *ir.Model, opts Options) bool {
	if m.IsSynapse {
		return true
	}
	for _, s := range opts.SynapseModels {
		if s == m.Name {
			return true
		}
	}
	return false
}

// unit is one class to generate.
type unit struct {
	model   *ir.Model
	name    string
	synapse bool
	// plan is set for the two classes of a co-generated pair.
	plan *cogenPlan
}

// generationUnits lists the classes to generate: every model under its
// own name, then for each neuron_synapse_pairs entry the pair
// <neuron>__with_<synapse> and <synapse>__with_<neuron> (names with suffix,
// as upstream). The post-synaptic traces of a co-generated synapse move
// into the neuron (cogen.go). A synapse with continuous input ports that is
// named in a pair is generated only co-generated: its ports need the
// neuron's variables.
func generationUnits(models []*ir.Model, opts Options) ([]unit, error) {
	var out []unit
	byName := map[string]*ir.Model{}
	paired := map[string]bool{}
	for _, pr := range opts.Pairs {
		paired[pr.Synapse] = true
	}
	for _, m := range models {
		if m == nil {
			return nil, fmt.Errorf("nest codegen: nil model")
		}
		byName[m.Name] = m
		syn := isSynapseModel(m, opts)
		if syn && paired[m.Name] && len(m.ContPorts) > 0 {
			continue
		}
		out = append(out, unit{model: m, name: m.Name + opts.Suffix, synapse: syn})
	}
	for _, pr := range opts.Pairs {
		n, s := byName[pr.Neuron], byName[pr.Synapse]
		if n == nil {
			return nil, fmt.Errorf("nest codegen: neuron_synapse_pairs: neuron %q is not among the input models", pr.Neuron)
		}
		if s == nil {
			return nil, fmt.Errorf("nest codegen: neuron_synapse_pairs: synapse %q is not among the input models", pr.Synapse)
		}
		if isSynapseModel(n, opts) {
			return nil, fmt.Errorf("nest codegen: neuron_synapse_pairs: %q is a synapse, not a neuron", pr.Neuron)
		}
		if !isSynapseModel(s, opts) {
			return nil, fmt.Errorf("nest codegen: neuron_synapse_pairs: %q is not a synapse (name it in synapse_models)", pr.Synapse)
		}
		nn, sn := n.Name+opts.Suffix, s.Name+opts.Suffix
		var plan *cogenPlan
		if post := postPortsOf(s, opts); len(post) > 0 {
			var err error
			plan, err = planCogen(n, s, sn, nn+"__with_"+sn, post, opts)
			if err != nil {
				return nil, fmt.Errorf("nest codegen: synapse %s co-generated with %s: %v", s.Name, n.Name, err)
			}
			method := opts.ContinuousBuffering
			if pr.ContinuousBuffering != "" {
				method = pr.ContinuousBuffering
			}
			plan.ctb = len(plan.contOrder) > 0 && method != BufferPostSpike
		}
		out = append(out, unit{model: n, name: nn + "__with_" + sn, plan: plan},
			unit{model: s, name: sn + "__with_" + nn, synapse: true, plan: plan})
	}
	return out, nil
}
