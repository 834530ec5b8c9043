package check

import (
	"fmt"
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
)

// Compartmental target checks (checks.md §4.16, language.md §17).
//
// They run only when Options.Target selects NEST_compartmental. A
// mechanism is an inline expression decorated @mechanism::channel,
// @mechanism::receptor or @mechanism::continuous_input, or an ODE decorated
// @mechanism::concentration. The rules, stated precisely:
//
//   - CM_NO_V_COMP: the model declares no state variable v_comp (the
//     compartment voltage).
//   - The gating variables of a channel are the state variables its
//     expression reads directly, except v_comp and the variables of
//     concentration mechanisms. A channel without one: CM_NO_GATING_VARIABLES.
//   - A gating variable read more than once in its channel's expression
//     (write m**3, not m*m*m): CM_VARIABLE_NAME_MULTI_USE.
//   - A gating variable g_X of channel X (base name g: the variable name
//     without the suffix _X) that has no ODE is driven by two companion
//     functions, g_inf_X(v_comp real) real (steady state) and
//     tau_g_X(v_comp real) real (time constant). A missing one:
//     CM_FUNCTION_MISSING. A declared companion function (with or without an
//     ODE) must take exactly one argument (CM_FUNCTION_BAD_NUMBER_ARGS) and
//     return real (CM_FUNCTION_BAD_RETURN_TYPE).
//   - A parameter or internal read by a mechanism must have an initial
//     value (a generic warning, MISSING_INITIALIZER, becomes the error
//     CM_NO_VALUE_ASSIGNMENT; state variables are covered by the generic
//     STATE_VARIABLE_NOT_INITIALIZED).
//   - A state variable (other than v_comp and concentrations) read directly
//     by two channel, receptor or continuous-input mechanisms: CM_VAR_MULTIUSE
//     (each mechanism owns its variables).
//   - Only receptors receive spikes: convolve() in a channel, concentration
//     or continuous-input mechanism is CM_INVALID_CONVOLUTION_BUFFER.
//   - A receptor convolves over exactly one spike input port, a continuous
//     input reads exactly one continuous input port: CM_BAD_BUFFER_COUNT.
//   - Unresolved names inside a mechanism's own expression are reported as
//     CM_VARIABLES_NOT_DECLARED (instead of VARIABLE_NOT_DEFINED); unknown
//     functions called by a mechanism, and unresolved names in its
//     dependencies (the ODEs of its gating variables, its companion
//     functions), as CM_UNRESOLVED_DEPENDENCY. These replace the generic
//     diagnostic, so a mistake is still reported once.

// mechanism is one @mechanism:: declaration.
type mechanism struct {
	kind string   // "channel", "receptor", "concentration", "continuous_input"
	name string   // inline name or ODE variable
	node ast.Node // *ast.InlineExpr or *ast.OdeEquation
	expr ast.Expr
	rng  ast.Range // the name
	// reads are the variable references of expr in source order.
	reads []*ast.Variable
}

// compartmentalVoltage is the compartment voltage of the NEST
// compartmental target (upstream option compartmental_variable_name).
const compartmentalVoltage = "v_comp"

// compartmentalModel runs the CM_* checks on the current model; first is the
// index of the model's first diagnostic in c.diags.
func (c *checker) compartmentalModel(first int) {
	mi := c.mi
	m := mi.Model
	if s := mi.byName[compartmentalVoltage]; s == nil || s.Kind != SymState {
		c.errorh(diag.CmNoVComp, m.NameRng, "declare the compartment voltage in the state block: v_comp real = 0",
			"compartmental model %q has no state variable %s", m.Name.Name, compartmentalVoltage)
	}
	mechs := c.mechanisms()
	if len(mechs) == 0 {
		return
	}
	concentration := map[string]bool{}
	for _, mc := range mechs {
		if mc.kind == "concentration" {
			concentration[mc.name] = true
		}
	}
	owner := map[string]*mechanism{}           // state variable -> first mechanism reading it
	deps := map[*ast.FunctionDecl]*mechanism{} // companion functions
	depODEs := map[*ast.OdeEquation]*mechanism{}
	for _, mc := range mechs {
		c.noValue(mc)
		if mc.kind != "receptor" {
			c.noConvolve(mc)
		}
		switch mc.kind {
		case "receptor":
			c.bufferCount(mc, SymSpikePort)
		case "continuous_input":
			c.bufferCount(mc, SymContPort)
		}
		if mc.kind == "concentration" {
			continue
		}
		seen := map[string]bool{}
		for _, v := range mc.reads {
			s := c.info.Uses[v]
			if s == nil || s.Kind != SymState || s.Name == compartmentalVoltage || concentration[s.Name] || seen[s.Name] {
				continue
			}
			seen[s.Name] = true
			if prev, ok := owner[s.Name]; ok && prev != mc {
				c.errorh(diag.CmVarMultiuse, v.Rng, "give each mechanism its own state variables",
					"state variable %q is used by %s %q and %s %q; a variable may belong to one mechanism only",
					s.Name, prev.kind, prev.name, mc.kind, mc.name)
				c.related(diag.CmVarMultiuse, v.Rng, prev.rng, "the other mechanism")
				continue
			}
			owner[s.Name] = mc
		}
		if mc.kind == "channel" {
			c.channel(mc, concentration, deps, depODEs)
		}
	}
	c.recodeUnresolved(first, mechs, deps, depODEs)
}

// mechanisms collects the model's @mechanism:: declarations.
func (c *checker) mechanisms() []*mechanism {
	var out []*mechanism
	for _, eb := range c.mi.equations {
		for _, el := range eb.Elems {
			var ds []*ast.Decorator
			mc := &mechanism{node: el}
			switch e := el.(type) {
			case *ast.InlineExpr:
				if e == nil || e.Name == nil {
					continue
				}
				ds, mc.name, mc.expr, mc.rng = e.Decorators, e.Name.Name, e.Value, e.Name.Rng
			case *ast.OdeEquation:
				if e == nil || e.Lhs == nil {
					continue
				}
				ds, mc.name, mc.expr, mc.rng = e.Decorators, e.Lhs.Name, e.Rhs, e.Lhs.Rng
			default:
				continue
			}
			for _, d := range ds {
				if d == nil || d.Namespace != "mechanism" {
					continue
				}
				_, isODE := el.(*ast.OdeEquation)
				switch {
				case d.Name == "concentration" && isODE,
					(d.Name == "channel" || d.Name == "receptor" || d.Name == "continuous_input") && !isODE:
					mc.kind = d.Name
				}
			}
			if mc.kind == "" || mc.expr == nil {
				continue
			}
			ast.Inspect(mc.expr, func(n ast.Node) bool {
				if v, ok := n.(*ast.Variable); ok {
					mc.reads = append(mc.reads, v)
				}
				return true
			})
			out = append(out, mc)
		}
	}
	return out
}

// channel applies the gating-variable rules to channel mc.
func (c *checker) channel(mc *mechanism, concentration map[string]bool, deps map[*ast.FunctionDecl]*mechanism, depODEs map[*ast.OdeEquation]*mechanism) {
	first := map[string]*ast.Variable{}
	var gating []*Symbol
	for _, v := range mc.reads {
		s := c.info.Uses[v]
		if s == nil || s.Kind != SymState || s.Name == compartmentalVoltage || concentration[s.Name] {
			continue
		}
		if p, ok := first[s.Name]; ok {
			c.errorh(diag.CmVariableNameMultiUse, v.Rng, fmt.Sprintf("write %s**n instead of repeating it", s.Name),
				"gating variable %q occurs more than once in channel %q", s.Name, mc.name)
			c.related(diag.CmVariableNameMultiUse, v.Rng, p.Rng, "first occurrence")
			continue
		}
		first[s.Name] = v
		gating = append(gating, s)
	}
	if len(gating) == 0 {
		c.errorh(diag.CmNoGatingVariables, mc.rng, "a channel reads at least one gating state variable, e.g. m_"+mc.name+"**3",
			"channel %q has no gating variables", mc.name)
		return
	}
	for _, g := range gating {
		for _, ode := range c.mi.ODEs {
			if ode.Lhs.Name == g.Name {
				depODEs[ode] = mc
			}
		}
		base := strings.TrimSuffix(g.Name, "_"+mc.name)
		for _, fn := range []string{base + "_inf_" + mc.name, "tau_" + base + "_" + mc.name} {
			f := c.mi.fnByName[fn]
			if f == nil {
				if !g.HasODE {
					c.errorh(diag.CmFunctionMissing, first[g.Name].Rng, fmt.Sprintf("declare function %s(v_comp real) real, or give %s an ODE", fn, g.Name),
						"gating variable %q of channel %q has no ODE and no companion function %s()", g.Name, mc.name, fn)
				}
				continue
			}
			fd, _ := f.Decl.(*ast.FunctionDecl)
			if fd == nil {
				continue
			}
			deps[fd] = mc
			if len(fd.Params) != 1 {
				c.errorh(diag.CmFunctionBadNumberArgs, fd.Name.Rng, "the argument is the compartment voltage: "+fn+"(v_comp real) real",
					"companion function %s() of channel %q takes %d arguments, want 1", fn, mc.name, len(fd.Params))
			}
			if fd.Result == nil || fd.Result.Primitive != "real" {
				got := "nothing"
				if fd.Result != nil {
					got = c.info.DeclTypes[fd.Result].String()
				}
				c.errorh(diag.CmFunctionBadReturnType, fd.Name.Rng, "declare it as "+fn+"(v_comp real) real",
					"companion function %s() of channel %q returns %s, want real", fn, mc.name, got)
			}
		}
	}
}

// noValue reports parameters and internals read by mc without initial value.
func (c *checker) noValue(mc *mechanism) {
	seen := map[*Symbol]bool{}
	for _, v := range mc.reads {
		s := c.info.Uses[v]
		if s == nil || seen[s] || (s.Kind != SymParam && s.Kind != SymInternal) || s.Init != nil {
			continue
		}
		seen[s] = true
		c.errorh(diag.CmNoValueAssignment, s.Pos, fmt.Sprintf("give %s an initial value", s.Name),
			"%s %q is used by %s %q but has no initial value", s.Kind, s.Name, mc.kind, mc.name)
		c.related(diag.CmNoValueAssignment, s.Pos, v.Rng, "used by the mechanism here")
	}
}

// noConvolve reports convolve() calls in a mechanism that is not a receptor.
func (c *checker) noConvolve(mc *mechanism) {
	ast.Inspect(mc.expr, func(n ast.Node) bool {
		if call, ok := n.(*ast.Call); ok && call.Name.Name == "convolve" {
			c.errorh(diag.CmInvalidConvolutionBuffer, call.Rng, "declare the synaptic current as an inline expression with @mechanism::receptor",
				"only receptor mechanisms receive spikes; %s %q may not call convolve()", mc.kind, mc.name)
		}
		return true
	})
}

// bufferCount requires exactly one input port of the given kind in mc:
// the spike port convolved over by a receptor, the continuous port read by
// a continuous input.
func (c *checker) bufferCount(mc *mechanism, kind SymKind) {
	ports := map[string]bool{}
	var names []string
	add := func(v *ast.Variable) {
		if s := c.info.Uses[v]; s != nil && s.Kind == kind && !ports[s.Name] {
			ports[s.Name] = true
			names = append(names, s.Name)
		}
	}
	if kind == SymSpikePort {
		ast.Inspect(mc.expr, func(n ast.Node) bool {
			if call, ok := n.(*ast.Call); ok && call.Name.Name == "convolve" && len(call.Args) == 2 {
				if v, ok := call.Args[1].(*ast.Variable); ok {
					add(v)
				}
			}
			return true
		})
	} else {
		for _, v := range mc.reads {
			add(v)
		}
	}
	if len(names) == 1 {
		return
	}
	what, hint := "convolves over", "a receptor convolves a kernel with exactly one spike input port: convolve(k, spikes)"
	if kind == SymContPort {
		what, hint = "reads", "a continuous input reads exactly one continuous input port"
	}
	list := "none"
	if len(names) > 0 {
		list = strings.Join(names, ", ")
	}
	c.errorh(diag.CmBadBufferCount, mc.rng, hint, "%s %q %s %d %s ports (%s), want exactly 1",
		mc.kind, mc.name, what, len(names), kind, list)
}

// recodeUnresolved turns the generic unresolved-name diagnostics reported
// inside mechanisms and their dependencies into the CM codes.
func (c *checker) recodeUnresolved(first int, mechs []*mechanism, deps map[*ast.FunctionDecl]*mechanism, depODEs map[*ast.OdeEquation]*mechanism) {
	within := func(r, outer ast.Range) bool {
		return !r.Start.Before(outer.Start) && !outer.End.Before(r.End)
	}
	for i := first; i < len(c.diags); i++ {
		d := &c.diags[i]
		if d.Code != diag.VariableNotDefined && d.Code != diag.FunctionNotDefined {
			continue
		}
		var code diag.Code
		var mc *mechanism
		for _, m := range mechs {
			if within(d.Range, m.node.Span()) {
				mc, code = m, diag.CmVariablesNotDeclared
				if d.Code == diag.FunctionNotDefined {
					code = diag.CmUnresolvedDependency
				}
			}
		}
		for fd, m := range deps {
			if within(d.Range, fd.Rng) {
				mc, code = m, diag.CmUnresolvedDependency
			}
		}
		for ode, m := range depODEs {
			if within(d.Range, ode.Rng) && m.node != ast.Node(ode) {
				mc, code = m, diag.CmUnresolvedDependency
			}
		}
		if mc == nil {
			continue
		}
		orig := d.Code
		d.Message = fmt.Sprintf("%s (in %s %q)", d.Message, mc.kind, mc.name)
		d.Code, d.Upstream = code, upstreamCode[code]
		if code == diag.CmUnresolvedDependency && orig == diag.FunctionNotDefined {
			d.Upstream = "CM_UNRESOLVED_FUNCTION_DEPENDENCY"
		}
	}
}
