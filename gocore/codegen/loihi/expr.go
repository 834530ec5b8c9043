package loihi

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"nestml_go/gocore/ir"
)

// env evaluates binding-time expressions: parameters, internals and the
// step size. A reference to anything else is an error.
type env struct {
	m         *ir.Model
	h         float64
	params    []float64
	internals []float64
}

// newEnv binds the model's parameters (defaults, overridden by values in
// declared units) and evaluates the internals in order.
func newEnv(m *ir.Model, h float64, overrides map[string]float64) (*env, error) {
	e := &env{m: m, h: h, params: make([]float64, len(m.Params)), internals: make([]float64, len(m.Internals))}
	known := map[string]bool{}
	for i, p := range m.Params {
		known[p.Name] = true
		if v, ok := overrides[p.Name]; ok {
			f := p.Factor
			if f == 0 {
				f = 1
			}
			e.params[i] = v * f
			continue
		}
		v, err := e.eval(p.Init)
		if err != nil {
			return nil, fmt.Errorf("default of parameter %s: %v", p.Name, err)
		}
		e.params[i] = v
	}
	for _, k := range sortedKeys(overrides) {
		if !known[k] {
			return nil, fmt.Errorf("%s has no parameter %q (parameters: %s)", m.Name, k, strings.Join(paramNames(m), ", "))
		}
	}
	for i, v := range m.Internals {
		x, err := e.eval(v.Init)
		if err != nil {
			return nil, fmt.Errorf("internal %s: %v", v.Name, err)
		}
		e.internals[i] = x
	}
	return e, nil
}

func paramNames(m *ir.Model) []string {
	var out []string
	for _, p := range m.Params {
		out = append(out, p.Name)
	}
	return out
}

// param returns the bound value of parameter name (internal units).
func (e *env) param(name string) (float64, bool) {
	for i, p := range e.m.Params {
		if p.Name == name {
			return e.params[i], true
		}
	}
	return 0, false
}

// eval evaluates a binding-time expression (nil is 0).
func (e *env) eval(x ir.Expr) (float64, error) {
	switch x := x.(type) {
	case nil:
		return 0, nil
	case *ir.Const:
		return x.Value, nil
	case *ir.Ref:
		switch x.Kind {
		case ir.KParam:
			return e.params[x.Index], nil
		case ir.KInternal:
			return e.internals[x.Index], nil
		case ir.KStep:
			return e.h, nil
		}
		return 0, fmt.Errorf("%s is not a binding-time constant", x.Name)
	case *ir.Unary:
		v, err := e.eval(x.X)
		if err != nil {
			return 0, err
		}
		switch x.Op {
		case "-":
			return -v, nil
		case "not":
			return b2f(v == 0), nil
		}
		return 0, fmt.Errorf("unary %s is not supported here", x.Op)
	case *ir.Binary:
		l, err := e.eval(x.L)
		if err != nil {
			return 0, err
		}
		r, err := e.eval(x.R)
		if err != nil {
			return 0, err
		}
		switch x.Op {
		case "+":
			return l + r, nil
		case "-":
			return l - r, nil
		case "*":
			return l * r, nil
		case "/":
			return l / r, nil
		case "**":
			return math.Pow(l, r), nil
		case "<":
			return b2f(l < r), nil
		case "<=":
			return b2f(l <= r), nil
		case ">":
			return b2f(l > r), nil
		case ">=":
			return b2f(l >= r), nil
		case "==":
			return b2f(l == r), nil
		case "!=":
			return b2f(l != r), nil
		case "and":
			return b2f(l != 0 && r != 0), nil
		case "or":
			return b2f(l != 0 || r != 0), nil
		case "//":
			return math.Trunc(l / r), nil
		case "%":
			return math.Mod(l, r), nil
		}
		return 0, fmt.Errorf("operator %s is not supported here", x.Op)
	case *ir.Cond:
		c, err := e.eval(x.C)
		if err != nil {
			return 0, err
		}
		if c != 0 {
			return e.eval(x.Then)
		}
		return e.eval(x.Else)
	case *ir.Call:
		args := make([]float64, len(x.Args))
		for i, a := range x.Args {
			v, err := e.eval(a)
			if err != nil {
				return 0, err
			}
			args[i] = v
		}
		one := func(f func(float64) float64) (float64, error) {
			if len(args) != 1 {
				return 0, fmt.Errorf("%s takes 1 argument", x.Fn)
			}
			return f(args[0]), nil
		}
		switch x.Fn {
		case "exp":
			return one(math.Exp)
		case "expm1":
			return one(math.Expm1)
		case "ln":
			return one(math.Log)
		case "log10":
			return one(math.Log10)
		case "sqrt":
			return one(math.Sqrt)
		case "abs":
			return one(math.Abs)
		case "ceil":
			return one(math.Ceil)
		case "floor":
			return one(math.Floor)
		case "round":
			return one(math.Round)
		case "sin":
			return one(math.Sin)
		case "cos":
			return one(math.Cos)
		case "tanh":
			return one(math.Tanh)
		case "min", "max", "pow":
			if len(args) != 2 {
				return 0, fmt.Errorf("%s takes 2 arguments", x.Fn)
			}
			switch x.Fn {
			case "min":
				return math.Min(args[0], args[1]), nil
			case "max":
				return math.Max(args[0], args[1]), nil
			}
			return math.Pow(args[0], args[1]), nil
		}
		return 0, fmt.Errorf("function %s is not supported in a binding-time expression", x.Fn)
	}
	return 0, fmt.Errorf("unsupported expression %T", x)
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// isConstExpr reports whether x refers to nothing but constants,
// parameters, internals and h.
func isConstExpr(x ir.Expr) bool {
	ok := true
	ir.Walk(x, func(e ir.Expr) {
		if r, isRef := e.(*ir.Ref); isRef {
			switch r.Kind {
			case ir.KParam, ir.KInternal, ir.KStep:
			default:
				ok = false
			}
		}
		if c, isCall := e.(*ir.Call); isCall && strings.HasPrefix(c.Fn, "random_") {
			ok = false
		}
	})
	return ok
}

// walkStmts calls fs for every statement and fe for every expression of
// ss, recursively.
func walkStmts(ss []ir.Stmt, fs func(ir.Stmt), fe func(ir.Expr)) {
	if fe == nil {
		fe = func(ir.Expr) {}
	}
	for _, s := range ss {
		if fs != nil {
			fs(s)
		}
		switch s := s.(type) {
		case *ir.Assign:
			ir.Walk(s.Value, fe)
		case *ir.Declare:
			ir.Walk(s.Init, fe)
		case *ir.If:
			ir.Walk(s.Cond, fe)
			walkStmts(s.Then, fs, fe)
			walkStmts(s.Else, fs, fe)
		case *ir.While:
			ir.Walk(s.Cond, fe)
			walkStmts(s.Body, fs, fe)
		case *ir.For:
			ir.Walk(s.From, fe)
			ir.Walk(s.To, fe)
			walkStmts(s.Body, fs, fe)
		case *ir.Print:
			for _, a := range s.Args {
				ir.Walk(a, fe)
			}
		}
	}
}

// exprString prints an IR expression in NESTML-like notation for messages.
// names resolves KODE components to state names.
func exprString(x ir.Expr, names func(*ir.Ref) string) string {
	switch x := x.(type) {
	case nil:
		return "0"
	case *ir.Const:
		return strconv.FormatFloat(x.Value, 'g', -1, 64)
	case *ir.Ref:
		if names != nil {
			if s := names(x); s != "" {
				return s
			}
		}
		if x.Name == "__h" {
			return "resolution()"
		}
		return x.Name
	case *ir.Unary:
		if x.Op == "not" {
			return "not " + exprString(x.X, names)
		}
		return x.Op + paren(x.X, names)
	case *ir.Binary:
		return paren(x.L, names) + " " + x.Op + " " + paren(x.R, names)
	case *ir.Cond:
		return paren(x.C, names) + " ? " + paren(x.Then, names) + " : " + paren(x.Else, names)
	case *ir.Call:
		var a []string
		for _, y := range x.Args {
			a = append(a, exprString(y, names))
		}
		return x.Fn + "(" + strings.Join(a, ", ") + ")"
	}
	return "?"
}

func paren(x ir.Expr, names func(*ir.Ref) string) string {
	s := exprString(x, names)
	switch x.(type) {
	case *ir.Binary, *ir.Cond:
		return "(" + s + ")"
	}
	return s
}

// shorten limits s to n runes for messages.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
