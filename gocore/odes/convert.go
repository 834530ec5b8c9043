package odes

import (
	"fmt"
	"math"

	"nestml_go/gocore/ast"
	"nestml_go/gocore/check"
	"nestml_go/gocore/sym"
	"nestml_go/gocore/units"
)

// Converter turns checked AST expressions into symbolic expressions whose
// values are in the internal unit system (language.md §7.2): every unit
// conversion factor is folded in here, once, for all later stages.
//
// The folding rules follow from the internal units being coherent: values of
// compatible units are the same number internally, so factors arise only
// where a plain number or a unit literal meets a quantity, or where a
// quantity's magnitude leaves the unit system (a real target, the argument
// of exp):
//
//	10 mV            → 10 · f(mV)               f(U) = U.ToInternal()
//	bare unit s      → f(s)
//	V_m + 65         → V_m + 65 · f(mV)         plain number read in the quantity's unit
//	x real = V_m     → V_m / f(mV)              magnitude in the static unit
//	exp(V_m/mV)      → exp(V_m / f(mV))
//	spike port p     → W · f(1/s)               W = summed weights of the step
//
// Dimensionless unit types (ms/s) take plain numbers as exact values, so no
// factor applies there.
type Converter struct {
	Info *check.Info
	// Resolve returns the symbolic value of a variable reference that has a
	// symbol (model-level or local); it is called for every such reference.
	Resolve func(v *ast.Variable, s *check.Symbol) (sym.Expr, error)
	// Index returns the symbolic value of the vector element v[idx] (idx is
	// the converted index expression); nil means vector elements are not
	// allowed where this converter is used.
	Index func(v *ast.Variable, s *check.Symbol, idx sym.Expr) (sym.Expr, error)
	// Convolve returns the symbolic value of convolve(k, p) (the state that
	// holds it, or a placeholder for a delta kernel); nil means
	// convolutions are not allowed where this converter is used.
	Convolve func(k, p *ast.Variable) (sym.Expr, error)
	// Function returns the user-defined function called name, or nil. A
	// function called in an expression is expanded symbolically: its
	// parameters bound to the (converted) arguments, its locals to their
	// values, its result to the expression of its final return.
	Function func(name string) *check.Symbol

	// frames hold the bindings of the functions being expanded.
	frames []map[string]sym.Expr
}

func factor(t check.Type) float64 {
	if t.Kind != check.Quantity || t.Unit.IsDimensionless() {
		return 1
	}
	return t.Unit.ToInternal()
}

// Convert returns e converted for storage into a target of type target
// (language.md §7.6/§7.7).
func (c *Converter) Convert(e ast.Expr, target check.Type) (sym.Expr, error) {
	x, err := c.Expr(e)
	if err != nil {
		return nil, err
	}
	return c.coerce(x, c.Info.Types[e], target), nil
}

// coerce converts a value of type from to type to.
func (c *Converter) coerce(x sym.Expr, from, to check.Type) sym.Expr {
	switch {
	case from.Kind == check.Quantity && to.Kind != check.Quantity:
		// the magnitude in the static unit of the value
		return sym.Div(x, sym.N(factor(from)))
	case from.IsPlain() && to.Kind == check.Quantity:
		return sym.Mul(x, sym.N(factor(to)))
	}
	return x
}

// Expr converts e to a symbolic expression in internal units.
func (c *Converter) Expr(e ast.Expr) (sym.Expr, error) {
	t := c.Info.Types[e]
	switch e := e.(type) {
	case *ast.NumberLit:
		if fs, ok := c.Info.LiteralVars[e]; ok {
			// variables split off the literal's unit part (language.md §4.12)
			x := sym.N(e.Value)
			if u, ok := c.Info.LiteralUnits[e]; ok {
				x = sym.N(e.Value * u.ToInternal())
			}
			for _, f := range fs {
				v, err := c.variable(f.Var)
				if err != nil {
					return nil, err
				}
				x = sym.Mul(x, sym.Pow(v, sym.N(f.Exp.Float())))
			}
			return x, nil
		}
		if u, ok := c.Info.LiteralUnits[e]; ok {
			return sym.N(e.Value * u.ToInternal()), nil
		}
		if e.Unit != nil && e.Unit.Op == ast.UnitName {
			// literal followed by a variable: a product
			v := &ast.Variable{Name: e.Unit.Name, Rng: e.Unit.Rng}
			x, err := c.variable(v)
			if err != nil {
				return nil, err
			}
			return sym.Mul(sym.N(e.Value), x), nil
		}
		return sym.N(e.Value), nil
	case *ast.BoolLit:
		if e.Value {
			return sym.One, nil
		}
		return sym.Zero, nil
	case *ast.InfLit:
		return sym.N(math.Inf(1)), nil
	case *ast.StringLit:
		return nil, fmt.Errorf("a string cannot be used as a number here")
	case *ast.Paren:
		return c.Expr(e.X)
	case *ast.Variable:
		if u, ok := c.Info.BareUnits[e]; ok {
			return sym.N(u.ToInternal()), nil
		}
		return c.variable(e)
	case *ast.Unary:
		x, err := c.Expr(e.X)
		if err != nil {
			return nil, err
		}
		switch e.Op {
		case "-":
			return sym.Neg(x), nil
		case "+":
			return x, nil
		case "not":
			return sym.Call("not", x), nil
		}
		return sym.Call(e.Op, x), nil
	case *ast.Binary:
		l, err := c.Expr(e.L)
		if err != nil {
			return nil, err
		}
		r, err := c.Expr(e.R)
		if err != nil {
			return nil, err
		}
		lt, rt := c.Info.Types[e.L], c.Info.Types[e.R]
		switch e.Op {
		case "+", "-", "<", "<=", ">", ">=", "==", "!=", "<>":
			l, r = c.balance(l, r, lt, rt)
		}
		switch e.Op {
		case "+":
			return sym.Add(l, r), nil
		case "-":
			return sym.Sub(l, r), nil
		case "*":
			return sym.Mul(l, r), nil
		case "/":
			return sym.Div(l, r), nil
		case "**":
			return sym.Pow(l, r), nil
		case "<>":
			return sym.Call("!=", l, r), nil
		}
		return sym.Call(e.Op, l, r), nil
	case *ast.Ternary:
		cnd, err := c.Expr(e.Cond)
		if err != nil {
			return nil, err
		}
		a, err := c.Expr(e.Then)
		if err != nil {
			return nil, err
		}
		b, err := c.Expr(e.Else)
		if err != nil {
			return nil, err
		}
		a, b = c.balance(a, b, c.Info.Types[e.Then], c.Info.Types[e.Else])
		return sym.Call("cond", cnd, a, b), nil
	case *ast.Call:
		return c.call(e, t)
	}
	return nil, fmt.Errorf("unsupported expression %T", e)
}

// balance reads a plain-number operand in the unit of the quantity operand.
func (c *Converter) balance(l, r sym.Expr, lt, rt check.Type) (sym.Expr, sym.Expr) {
	switch {
	case lt.Kind == check.Quantity && rt.IsPlain():
		r = sym.Mul(r, sym.N(factor(lt)))
	case rt.Kind == check.Quantity && lt.IsPlain():
		l = sym.Mul(l, sym.N(factor(rt)))
	}
	return l, r
}

func (c *Converter) variable(v *ast.Variable) (sym.Expr, error) {
	s := c.Info.Uses[v]
	if s == nil {
		switch v.FullName() {
		case "e":
			return sym.N(math.E), nil
		case "pi":
			return sym.N(math.Pi), nil
		case "t":
			return sym.S(TimeSymbol), nil
		}
		if u, ok := units.Lookup(v.Name); ok {
			return sym.N(u.ToInternal()), nil
		}
		return nil, fmt.Errorf("%s is not resolved", v.FullName())
	}
	if v.Index != nil {
		if c.Index == nil {
			return nil, fmt.Errorf("vector variables (%s[…]) are not supported here by this release", v.Name)
		}
		idx, err := c.Expr(v.Index)
		if err != nil {
			return nil, err
		}
		x, err := c.Index(v, s, idx)
		if err != nil {
			return nil, err
		}
		if s.Kind == check.SymSpikePort {
			return sym.Mul(x, sym.N(factor(s.Type))), nil
		}
		return x, nil
	}
	if (s.Kind == check.SymFuncParam || s.Kind == check.SymLocal) && len(c.frames) > 0 {
		if x, ok := c.frames[len(c.frames)-1][s.Name]; ok {
			return x, nil
		}
	}
	x, err := c.Resolve(v, s)
	if err != nil {
		return nil, err
	}
	if s.Kind == check.SymSpikePort {
		// a spike port reads as W s**-1: W · f(1/s)
		return sym.Mul(x, sym.N(factor(s.Type))), nil
	}
	return x, nil
}

var knownFns = map[string]bool{"abs": true, "ceil": true, "floor": true, "round": true, "min": true, "max": true, "clip": true, "pow": true}

var realArgFns = map[string]bool{"exp": true, "expm1": true, "ln": true, "log10": true, "sqrt": true,
	"sin": true, "cos": true, "tan": true, "sinh": true, "cosh": true, "tanh": true, "erf": true, "erfc": true}

func (c *Converter) call(e *ast.Call, t check.Type) (sym.Expr, error) {
	name := e.Name.Name
	if name == "convolve" {
		k, ok1 := ast.Unparen(e.Args[0]).(*ast.Variable)
		p, ok2 := ast.Unparen(e.Args[1]).(*ast.Variable)
		if !ok1 || !ok2 || c.Convolve == nil {
			return nil, fmt.Errorf("convolve() is only allowed in equations")
		}
		return c.Convolve(k, p)
	}
	args := make([]sym.Expr, len(e.Args))
	for i, a := range e.Args {
		x, err := c.Expr(a)
		if err != nil {
			return nil, err
		}
		if realArgFns[name] {
			x = c.coerce(x, c.Info.Types[a], check.Type{Kind: check.Real})
		}
		args[i] = x
	}
	switch name {
	case "min", "max", "clip":
		t0 := c.Info.Types[e.Args[0]]
		for i := 1; i < len(args); i++ {
			_, args[i] = c.balance(args[0], args[i], t0, c.Info.Types[e.Args[i]])
		}
	case "resolution", "timestep":
		return sym.S(StepSymbol), nil
	case "steps":
		return sym.Call("round", sym.Div(args[0], sym.S(StepSymbol))), nil
	case "random_normal", "random_uniform", "random_poisson":
		// opaque per-evaluation values: a channel of the step in equations
		return &sym.Fn{Name: name, Args: args}, nil
	case "delta":
		return nil, fmt.Errorf("delta() is only allowed as the whole right side of a kernel")
	}
	if _, ok := realArgFns[name]; !ok && !knownFns[name] && c.Function != nil {
		if fs := c.Function(name); fs != nil {
			return c.expand(fs, e)
		}
	}
	if _, ok := realArgFns[name]; !ok && !knownFns[name] {
		return nil, fmt.Errorf("calls of %s() are not supported by this release's lowering", name)
	}
	return sym.Call(name, args...), nil
}

// expand inlines a call of a user-defined function whose body is a
// sequence of local declarations/assignments ending in a return.
func (c *Converter) expand(fs *check.Symbol, call *ast.Call) (sym.Expr, error) {
	fd, ok := fs.Decl.(*ast.FunctionDecl)
	if !ok || fd.Body == nil {
		return nil, fmt.Errorf("%s() cannot be expanded", fs.Name)
	}
	if len(c.frames) > 32 {
		return nil, fmt.Errorf("%s() is recursive", fs.Name)
	}
	frame := map[string]sym.Expr{}
	for i, prm := range fd.Params {
		x, err := c.Convert(call.Args[i], c.Info.DeclTypes[prm.Type])
		if err != nil {
			return nil, err
		}
		frame[prm.Name.Name] = x
	}
	c.frames = append(c.frames, frame)
	defer func() { c.frames = c.frames[:len(c.frames)-1] }()
	for i, st := range fd.Body.Stmts {
		switch st := st.(type) {
		case *ast.DeclStmt:
			t := c.Info.DeclTypes[st.Decl.Type]
			var x sym.Expr = sym.Zero
			if st.Decl.Init != nil {
				var err error
				if x, err = c.Convert(st.Decl.Init, t); err != nil {
					return nil, err
				}
			}
			for _, v := range st.Decl.Vars {
				frame[v.Name] = x
			}
		case *ast.Assign:
			if _, ok := frame[st.Lhs.Name]; !ok || st.Lhs.Index != nil {
				return nil, fmt.Errorf("%s() assigns to %s; only its locals may be assigned for it to be expanded", fs.Name, st.Lhs.Name)
			}
			// the target's type is the type it was declared with
			x, err := c.Expr(st.Rhs)
			if err != nil {
				return nil, err
			}
			old := frame[st.Lhs.Name]
			switch st.Op {
			case "=":
				frame[st.Lhs.Name] = x
			case "+=":
				frame[st.Lhs.Name] = sym.Add(old, x)
			case "-=":
				frame[st.Lhs.Name] = sym.Sub(old, x)
			case "*=":
				frame[st.Lhs.Name] = sym.Mul(old, x)
			case "/=":
				frame[st.Lhs.Name] = sym.Div(old, x)
			default:
				return nil, fmt.Errorf("%s() uses %s, which cannot be expanded", fs.Name, st.Op)
			}
		case *ast.Return:
			if i != len(fd.Body.Stmts)-1 || st.Value == nil {
				return nil, fmt.Errorf("%s() can be expanded only if it ends in its single return", fs.Name)
			}
			return c.Convert(st.Value, fs.Type)
		default:
			return nil, fmt.Errorf("%s() has control flow and cannot be used in equations by this release", fs.Name)
		}
	}
	return nil, fmt.Errorf("%s() does not return a value", fs.Name)
}

// Predefined symbol names used in symbolic expressions.
const (
	TimeSymbol = "__t" // the predefined t
	StepSymbol = "__h" // resolution() / timestep()
)
