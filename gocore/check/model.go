package check

import (
	"strings"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/diag"
	"nestml_go/gocore/units"
)

// model checks one model: pass 1 declares the model-scope names in source
// order, pass 2 checks initialisers, equations, the update block,
// functions and event handlers.
func (c *checker) model(m *ast.Model) {
	mi := &ModelInfo{Model: m, byName: map[string]*Symbol{}, fnByName: map[string]*Symbol{}, Valid: true}
	mi.IsSynapse = isSynapseName(m.Name.Name)
	first := len(c.diags) // this model's diagnostics start here
	c.mi = mi
	c.kernelNames = map[string]*ast.Kernel{}
	c.delays = map[string]string{}
	c.info.Models = append(c.info.Models, mi)
	defer func() { c.mi = nil }()

	c.declareModelScope(m)
	if mi.input == nil {
		c.warnf(diag.InputBlockMissing, m.NameRng, "model %q has no input block", m.Name.Name)
	}
	if mi.Output == nil {
		c.warnf(diag.OutputBlockMissing, m.NameRng, "model %q has no output block", m.Name.Name)
	}

	c.ctx = ctxInit
	c.checkDeclarations()
	c.checkPorts()
	c.checkInitializerCycles()
	c.checkEquations()

	if mi.Update != nil {
		c.ctx = ctxUpdate
		c.body(mi.Update.Body, nil)
		c.checkRepeatedIntegration()
	}
	for _, f := range mi.Functions {
		c.function(f)
	}
	c.checkHandlers()
	c.checkIntegrateOdesCalled()
	if c.opts.compartmental() {
		c.compartmentalModel(first)
	}
	c.ctx = ctxInit
}

// isSynapseName applies language.md §16.1 without code generator options:
// a model is a synapse if its name, without a `__with_…` part, ends in
// "synapse".
func isSynapseName(name string) bool {
	if i := strings.Index(name, "__with_"); i >= 0 {
		name = name[:i]
	}
	return strings.HasSuffix(name, "synapse")
}

func (c *checker) declareModelScope(m *ast.Model) {
	mi := c.mi
	seen := map[string]ast.Node{}
	once := func(kind string, n ast.Node) {
		if prev, dup := seen[kind]; dup {
			c.errorf(diag.BlockDuplicate, m.NameRng, "the %s block is defined more than once (first at line %d, again at line %d)", kind, prev.Span().Start.Line, n.Span().Start.Line)
			c.related(diag.BlockDuplicate, m.NameRng, n.Span(), "duplicate "+kind+" block")
			return
		}
		seen[kind] = n
	}
	for _, d := range m.Body {
		switch d := d.(type) {
		case *ast.VarBlock:
			once(d.Kind.String(), d)
			for _, decl := range d.Decls {
				c.declareVars(d.Kind, decl)
			}
		case *ast.EquationsBlock:
			once("equations", d)
			mi.equations = append(mi.equations, d)
			for _, el := range d.Elems {
				switch el := el.(type) {
				case *ast.InlineExpr:
					s := &Symbol{Name: el.Name.Name, Kind: SymInline, Decl: el, Init: el.Value, Pos: el.Name.Rng}
					s.Type = c.dataType(el.Type)
					c.voidCheck(s.Type, el.Type)
					c.declare(s)
					mi.Inlines = append(mi.Inlines, s)
					c.decorators(el.Decorators, false)
				case *ast.Kernel:
					mi.kernelDecls = append(mi.kernelDecls, el)
					for _, v := range el.Lhs {
						if _, dup := c.kernelNames[v.Name]; !dup || v.Order == 0 {
							c.kernelNames[v.Name] = el
						}
						if v.Order > 0 {
							continue
						}
						s := &Symbol{Name: v.Name, Kind: SymKernel, Decl: el, Var: v, Pos: v.Rng, Type: tReal}
						c.declare(s)
						mi.Kernels = append(mi.Kernels, s)
					}
				case *ast.OdeEquation:
					mi.ODEs = append(mi.ODEs, el)
					c.decorators(el.Decorators, false)
				}
			}
		case *ast.InputBlock:
			once("input", d)
			mi.input = d
			for _, p := range d.Ports {
				c.declarePort(p)
			}
		case *ast.OutputBlock:
			once("output", d)
			if mi.Output == nil {
				mi.Output = d
			}
		case *ast.UpdateBlock:
			once("update", d)
			if mi.Update == nil {
				mi.Update = d
			}
		case *ast.FunctionDecl:
			c.declareFunction(d)
		case *ast.OnReceive:
			mi.OnReceive = append(mi.OnReceive, d)
		case *ast.OnCondition:
			mi.OnCondition = append(mi.OnCondition, d)
		}
	}
}

func (c *checker) declarePort(p *ast.InputPort) {
	mi := c.mi
	s := &Symbol{Name: p.Name.Name, Decl: p, Pos: p.Name.Rng, VectorSize: p.Size, Qualifiers: p.Qualifiers}
	if p.Continuous {
		s.Kind = SymContPort
		s.Type = c.dataType(p.Type)
		c.voidCheck(s.Type, p.Type)
		mi.ContPorts = append(mi.ContPorts, s)
	} else {
		s.Kind = SymSpikePort
		sec, _ := units.Lookup("s")
		s.Type = QuantityOf(sec.Inv())
		mi.SpikePorts = append(mi.SpikePorts, s)
		seenQ := map[string]bool{}
		for _, q := range p.Qualifiers {
			if seenQ[q] {
				c.errorh(diag.InputQualifierRepeated, p.Rng, "write the qualifier once", "qualifier %q is repeated on port %q", q, p.Name.Name)
				break
			}
			seenQ[q] = true
		}
	}
	c.declare(s)
}

func (c *checker) declareFunction(d *ast.FunctionDecl) {
	mi := c.mi
	s := &Symbol{Name: d.Name.Name, Kind: SymFunction, Decl: d, Pos: d.Name.Rng, Type: tVoid}
	if d.Result != nil {
		s.Type = c.dataType(d.Result)
	}
	for _, p := range d.Params {
		c.dataType(p.Type)
	}
	var prev *Symbol
	for _, f := range mi.Functions {
		if f.Name == s.Name {
			prev = f
			break
		}
	}
	mi.Functions = append(mi.Functions, s)
	if prev != nil {
		c.errorf(diag.FunctionRedeclared, d.Name.Rng, "function %q is already declared at line %d", d.Name.Name, prev.Pos.Start.Line)
		c.related(diag.FunctionRedeclared, d.Name.Rng, prev.Pos, "first declaration")
	}
	switch {
	case builtins[d.Name.Name].exists():
		c.errorf(diag.PredefinedFunctionRedeclared, d.Name.Rng, "%q is a predefined function and cannot be redeclared", d.Name.Name)
		return
	case prev != nil:
		return
	case reservedFunctionNames[d.Name.Name]:
		c.errorh(diag.FunctionNameReserved, d.Name.Rng, "rename the function", "function name %q collides with a member of NEST's model classes", d.Name.Name)
	}
	mi.fnByName[d.Name.Name] = s
	// functions and variables live in different namespaces; the model
	// scope lists a function only when no variable has its name
	if _, taken := mi.byName[s.Name]; !taken {
		mi.byName[s.Name] = s
		mi.Symbols = append(mi.Symbols, s)
	}
}

// declareVars declares the variables of a state, parameters or internals
// declaration.
func (c *checker) declareVars(kind ast.BlockKind, d *ast.Declaration) {
	t := c.dataType(d.Type)
	if d.Inline {
		c.errorh(diag.InlineOutsideEquations, d.Rng, "declare inline expressions in the equations block", "the inline keyword is only allowed in the equations block")
	}
	c.voidCheck(t, d.Type)
	if d.Init == nil && kind == ast.StateBlock {
		for _, v := range d.Vars {
			c.errorh(diag.StateVariableNotInitialized, d.Rng, "write `"+v.FullName()+" … = <initial value>`", "state variable %q has no initial value", v.FullName())
			c.related(diag.StateVariableNotInitialized, d.Rng, c.mi.Model.NameRng, "model")
		}
	}
	if d.Init == nil && kind != ast.StateBlock {
		c.warnf(diag.MissingInitializer, d.Rng, "%s %s has no initial value; it starts at 0", kind, varNames(d.Vars))
	}
	if d.Guard != nil && kind == ast.InternalsBlock {
		c.warnf(diag.GuardIgnored, d.Guard.Span(), "the guard of an internal is never evaluated")
	}
	c.decorators(d.Decorators, kind == ast.ParametersBlock)
	for _, v := range d.Vars {
		s := &Symbol{Name: v.FullName(), Order: v.Order, Type: t, Decl: d, Var: v, Init: d.Init, Pos: v.Rng, VectorSize: v.Index}
		switch kind {
		case ast.StateBlock:
			s.Kind = SymState
			c.mi.State = append(c.mi.State, s)
		case ast.ParametersBlock:
			s.Kind = SymParam
			c.mi.Params = append(c.mi.Params, s)
		case ast.InternalsBlock:
			s.Kind = SymInternal
			c.mi.Internals = append(c.mi.Internals, s)
		}
		c.declare(s)
	}
}

func varNames(vs []*ast.Variable) string {
	var names []string
	for _, v := range vs {
		names = append(names, "\""+v.FullName()+"\"")
	}
	return strings.Join(names, ", ")
}

func (c *checker) voidCheck(t Type, dt *ast.DataType) {
	if t.Kind == Void {
		c.errorf(diag.VoidVariable, dt.Rng, "a variable cannot have type void")
	}
}

// decorators checks decorators (language.md §8.6). param says whether they
// decorate a parameter.
func (c *checker) decorators(ds []*ast.Decorator, param bool) {
	for _, d := range ds {
		switch {
		case d.Namespace == "" && (d.Name == "homogeneous" || d.Name == "heterogeneous"):
			if !param {
				c.warnf(diag.DecoratorNotApplicable, d.Rng, "@%s applies only to parameters", d.Name)
			}
		case d.Namespace == "nest" && (d.Name == "delay" || d.Name == "weight"):
			c.warnh(diag.ObsoleteDecorator, d.Rng, "use the "+d.Name+"_variable code generator option",
				"@nest::%s is obsolete since NESTML 8.3 and ignored", d.Name)
		case d.Namespace == "mechanism":
		default:
			c.warnf(diag.UnknownDecorator, d.Rng, "unknown decorator @%s::%s", d.Namespace, d.Name)
		}
	}
}

// dataType evaluates a declared type and records it in Info.DeclTypes.
func (c *checker) dataType(dt *ast.DataType) Type {
	if dt == nil {
		return tInvalid
	}
	var t Type
	switch dt.Primitive {
	case "integer":
		t = tInt
	case "real":
		t = tReal
	case "boolean":
		t = tBool
	case "string":
		t = tString
	case "void":
		t = tVoid
	default:
		u, ds := units.FromExpr(dt.Unit)
		if len(ds) > 0 {
			c.addDiags(ds)
		}
		if ds.HasErrors() || !u.IsValid() {
			t = tInvalid
		} else {
			t = QuantityOf(u)
		}
	}
	c.info.DeclTypes[dt] = t
	return t
}

// checkDeclarations checks vector sizes, initialisers and guards of the
// model-level declarations.
func (c *checker) checkDeclarations() {
	mi := c.mi
	done := map[*ast.Declaration]bool{}
	for _, s := range mi.Symbols {
		decl, ok := s.Decl.(*ast.Declaration)
		if !ok {
			continue
		}
		if s.VectorSize != nil {
			c.vectorSize(s, decl)
		}
		if done[decl] {
			continue
		}
		done[decl] = true
		if decl.Init != nil {
			c.checkRecursive(decl)
			c.initializer(decl, s.Type, s.VectorSize == nil)
			if s.Kind == SymInternal {
				c.internalDependsOnState(decl)
			}
		}
		if decl.Guard != nil {
			if t := c.top(decl.Guard); t.Valid() && t.Kind != Boolean {
				c.errorf(diag.InvariantNotBoolean, decl.Guard.Span(), "the invariant must be boolean, not %s", t)
			}
		}
	}
}

// initializer types the initialiser of a declaration and checks that it
// can be stored into the declared type.
func (c *checker) initializer(decl *ast.Declaration, t Type, scalar bool) {
	if scalar {
		c.scalarDecl = decl
	}
	c.vecInDecl = false
	vt := c.top(decl.Init)
	c.scalarDecl = nil
	if c.vecInDecl {
		// reported as VECTOR_IN_SCALAR_DECLARATION
		return
	}
	c.assignable(t, vt, decl.Init, diag.AssignmentTypeMismatch, "initialise "+varNames(decl.Vars))
}

// checkRecursive reports an initialiser that refers to the declared
// variable itself (the guard may).
func (c *checker) checkRecursive(d *ast.Declaration) {
	names := map[string]bool{}
	for _, v := range d.Vars {
		names[v.FullName()] = true
	}
	ast.Inspect(d.Init, func(n ast.Node) bool {
		if v, ok := n.(*ast.Variable); ok && names[v.FullName()] {
			c.errorf(diag.VariableDefinedRecursively, d.Rng, "the initial value of %q refers to %q itself", v.FullName(), v.FullName())
			return false
		}
		return true
	})
}

// internalDependsOnState warns when an internal's initialiser reads state.
func (c *checker) internalDependsOnState(d *ast.Declaration) {
	ast.Inspect(d.Init, func(n ast.Node) bool {
		if v, ok := n.(*ast.Variable); ok {
			if s := c.info.Uses[v]; s != nil && s.Kind == SymState {
				c.warnf(diag.InternalDependsOnState, d.Rng, "internal %s reads the state variable %q; its value is taken only when parameters change", varNames(d.Vars), s.Name)
				return false
			}
		}
		return true
	})
}

// vectorSize checks the size of a vector variable (language.md §8.4).
func (c *checker) vectorSize(s *Symbol, decl *ast.Declaration) {
	size := ast.Unparen(s.VectorSize)
	neg := false
	if u, ok := size.(*ast.Unary); ok && u.Op == "-" {
		neg = true
		size = ast.Unparen(u.X)
	}
	switch e := size.(type) {
	case *ast.NumberLit:
		c.info.Types[e] = tInt
		switch {
		case e.IsFloat || e.Unit != nil:
			c.errorf(diag.VectorSizeNotInteger, decl.Rng, "the size of vector %q must be an integer, not %s", s.Name, e.Text)
		case neg || e.Int <= 0:
			c.errorf(diag.VectorSizeNotPositive, decl.Rng, "the size of vector %q must be positive", s.Name)
		}
	case *ast.Variable:
		if neg {
			c.errorf(diag.VectorSizeNotPositive, decl.Rng, "the size of vector %q must be positive", s.Name)
			return
		}
		vs := c.mi.byName[e.Name]
		if vs == nil || e.Index != nil || e.Order > 0 {
			c.errorh(diag.VariableNotDefined, e.Rng, c.suggest(e.Name), "%q is not declared", e.FullName())
			return
		}
		c.info.Uses[e] = vs
		c.info.Types[e] = vs.Type
		switch {
		case vs.Kind != SymParam && vs.Kind != SymInternal:
			c.errorf(diag.VectorSizeWrongBlock, decl.Rng, "the size of vector %q is the %s %q; it must be a parameter or internal", s.Name, vs.Kind, vs.Name)
		case vs.Type.Kind != Integer:
			if vs.Type.Valid() {
				c.errorf(diag.VectorSizeNotInteger, decl.Rng, "the size of vector %q must be an integer, but %q has type %s", s.Name, vs.Name, vs.Type)
			}
		default:
			if n, ok := c.constInt(vs); ok && n <= 0 {
				c.errorf(diag.VectorSizeNotPositive, decl.Rng, "the size of vector %q is %q, whose value %d is not positive", s.Name, vs.Name, n)
			}
		}
	default:
		c.errorf(diag.VectorSizeNotInteger, decl.Rng, "the size of vector %q must be an integer literal or an integer parameter or internal", s.Name)
	}
}

// constInt returns the value of an integer variable initialised with an
// integer literal (optionally negated).
func (c *checker) constInt(s *Symbol) (int64, bool) {
	if s.Init == nil {
		return 0, true
	}
	e := ast.Unparen(s.Init)
	sign := int64(1)
	if u, ok := e.(*ast.Unary); ok && (u.Op == "-" || u.Op == "+") {
		if u.Op == "-" {
			sign = -1
		}
		e = ast.Unparen(u.X)
	}
	if n, ok := e.(*ast.NumberLit); ok && !n.IsFloat && n.Unit == nil {
		return sign * n.Int, true
	}
	return 0, false
}

// checkPorts checks the sizes of vector input ports.
func (c *checker) checkPorts() {
	for _, s := range append(append([]*Symbol(nil), c.mi.SpikePorts...), c.mi.ContPorts...) {
		if s.VectorSize == nil {
			continue
		}
		p := s.Decl.(*ast.InputPort)
		size := ast.Unparen(s.VectorSize)
		neg := false
		if u, ok := size.(*ast.Unary); ok && u.Op == "-" {
			neg = true
			size = ast.Unparen(u.X)
		}
		switch e := size.(type) {
		case *ast.NumberLit:
			c.info.Types[e] = tInt
			switch {
			case e.IsFloat || e.Unit != nil:
				c.errorf(diag.PortSizeNotInteger, p.Rng, "the size of port %q must be an integer, not %s", s.Name, e.Text)
			case neg || e.Int <= 0:
				c.errorf(diag.PortSizeNotPositive, p.Rng, "the size of port %q must be positive", s.Name)
			}
		case *ast.Variable:
			vs := c.mi.byName[e.Name]
			if vs == nil {
				c.errorh(diag.VariableNotDefined, e.Rng, c.suggest(e.Name), "%q is not declared", e.Name)
				continue
			}
			c.info.Uses[e] = vs
			c.info.Types[e] = vs.Type
			switch {
			case neg:
				c.errorf(diag.PortSizeNotPositive, p.Rng, "the size of port %q must be positive", s.Name)
			case (vs.Kind != SymParam && vs.Kind != SymInternal) || vs.Type.Kind != Integer:
				c.errorf(diag.PortSizeNotInteger, p.Rng, "the size of port %q must be an integer literal or an integer parameter or internal; %q is a %s of type %s", s.Name, vs.Name, vs.Kind, vs.Type)
			default:
				if n, ok := c.constInt(vs); ok && n <= 0 {
					c.errorf(diag.PortSizeNotPositive, p.Rng, "the size of port %q is %q, whose value %d is not positive", s.Name, vs.Name, n)
				}
			}
		default:
			c.errorf(diag.PortSizeNotInteger, p.Rng, "the size of port %q must be an integer literal or an integer parameter or internal", s.Name)
		}
	}
}

// checkInitializerCycles reports model-level initialisers that depend on
// each other cyclically (language.md §6.3 item 7).
func (c *checker) checkInitializerCycles() {
	mi := c.mi
	deps := map[*Symbol][]*Symbol{}
	var nodes []*Symbol
	for _, s := range mi.Symbols {
		if _, ok := s.Decl.(*ast.Declaration); !ok || s.Init == nil {
			continue
		}
		nodes = append(nodes, s)
		seen := map[*Symbol]bool{}
		ast.Inspect(s.Init, func(n ast.Node) bool {
			if v, ok := n.(*ast.Variable); ok {
				if d := c.info.Uses[v]; d != nil && d != s && !seen[d] {
					if _, isDecl := d.Decl.(*ast.Declaration); isDecl && d.Init != nil {
						seen[d] = true
						deps[s] = append(deps[s], d)
					}
				}
			}
			return true
		})
	}
	const (
		white = iota
		grey
		black
	)
	color := map[*Symbol]int{}
	inCycle := map[*Symbol]bool{}
	var stack []*Symbol
	var visit func(s *Symbol)
	visit = func(s *Symbol) {
		color[s] = grey
		stack = append(stack, s)
		for _, d := range deps[s] {
			switch color[d] {
			case white:
				visit(d)
			case grey:
				for i := len(stack) - 1; i >= 0; i-- {
					inCycle[stack[i]] = true
					if stack[i] == d {
						break
					}
				}
			}
		}
		stack = stack[:len(stack)-1]
		color[s] = black
	}
	for _, s := range nodes {
		if color[s] == white {
			visit(s)
		}
	}
	for _, s := range nodes {
		if inCycle[s] {
			c.errorf(diag.InitializerCycle, s.Pos, "the initial value of %q depends on itself through other initial values", s.Name)
		}
	}
}
