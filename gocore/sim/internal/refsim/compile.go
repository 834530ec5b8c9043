package refsim

import (
	"fmt"
	"math"
	"strings"

	"nestml_go/gocore/ir"
)

// evalFn evaluates an expression for neuron i of a population.
type evalFn func(p *Population, i int) float64

// execFn runs a statement for neuron i.
type execFn func(p *Population, i int)

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// compileExpr turns an IR expression into a closure. Closures read the
// population's columns directly, so no per-step tree walking remains.
func compileExpr(e ir.Expr) (evalFn, error) {
	switch e := e.(type) {
	case nil:
		return func(*Population, int) float64 { return 0 }, nil
	case *ir.Const:
		v := e.Value
		return func(*Population, int) float64 { return v }, nil
	case *ir.Ref:
		k := e.Index
		switch e.Kind {
		case ir.KParam:
			return func(p *Population, i int) float64 { return p.params[k][i] }, nil
		case ir.KState:
			return func(p *Population, i int) float64 { return p.state[k][i] }, nil
		case ir.KInternal:
			return func(p *Population, i int) float64 { return p.internals[k][i] }, nil
		case ir.KSpikePort:
			return func(p *Population, i int) float64 { return p.spikeIn[k][i] }, nil
		case ir.KContPort:
			return func(p *Population, i int) float64 { return p.contIn[k][i] }, nil
		case ir.KLocal:
			return func(p *Population, i int) float64 { return p.locals[k] }, nil
		case ir.KODE:
			return func(p *Population, i int) float64 { return p.y[k] }, nil
		case ir.KTime:
			return func(p *Population, i int) float64 { return p.net.timeEnd() }, nil
		case ir.KStep:
			return func(p *Population, i int) float64 { return p.net.h }, nil
		}
		return nil, fmt.Errorf("unknown reference kind %d", e.Kind)
	case *ir.Unary:
		x, err := compileExpr(e.X)
		if err != nil {
			return nil, err
		}
		switch e.Op {
		case "-":
			return func(p *Population, i int) float64 { return -x(p, i) }, nil
		case "not":
			return func(p *Population, i int) float64 { return b2f(x(p, i) == 0) }, nil
		case "~":
			return func(p *Population, i int) float64 { return float64(^int64(x(p, i))) }, nil
		}
		return nil, fmt.Errorf("unknown unary operator %s", e.Op)
	case *ir.Binary:
		l, err := compileExpr(e.L)
		if err != nil {
			return nil, err
		}
		r, err := compileExpr(e.R)
		if err != nil {
			return nil, err
		}
		return binary(e.Op, e.Int, l, r)
	case *ir.Cond:
		c, err := compileExpr(e.C)
		if err != nil {
			return nil, err
		}
		a, err := compileExpr(e.Then)
		if err != nil {
			return nil, err
		}
		b, err := compileExpr(e.Else)
		if err != nil {
			return nil, err
		}
		return func(p *Population, i int) float64 {
			if c(p, i) != 0 {
				return a(p, i)
			}
			return b(p, i)
		}, nil
	case *ir.Call:
		args := make([]evalFn, len(e.Args))
		for k, a := range e.Args {
			f, err := compileExpr(a)
			if err != nil {
				return nil, err
			}
			args[k] = f
		}
		return call(e.Fn, args)
	}
	return nil, fmt.Errorf("unknown expression %T", e)
}

func binary(op string, isInt bool, l, r evalFn) (evalFn, error) {
	switch op {
	case "+":
		return func(p *Population, i int) float64 { return l(p, i) + r(p, i) }, nil
	case "-":
		return func(p *Population, i int) float64 { return l(p, i) - r(p, i) }, nil
	case "*":
		return func(p *Population, i int) float64 { return l(p, i) * r(p, i) }, nil
	case "/":
		return func(p *Population, i int) float64 { return l(p, i) / r(p, i) }, nil
	case "**":
		return func(p *Population, i int) float64 { return math.Pow(l(p, i), r(p, i)) }, nil
	case "//":
		if isInt {
			return func(p *Population, i int) float64 {
				d := int64(r(p, i))
				if d == 0 {
					return math.NaN()
				}
				return float64(int64(l(p, i)) / d)
			}, nil
		}
		return func(p *Population, i int) float64 { return math.Trunc(l(p, i) / r(p, i)) }, nil
	case "%":
		return func(p *Population, i int) float64 {
			d := int64(r(p, i))
			if d == 0 {
				return math.NaN()
			}
			return float64(int64(l(p, i)) % d)
		}, nil
	case "<":
		return func(p *Population, i int) float64 { return b2f(l(p, i) < r(p, i)) }, nil
	case "<=":
		return func(p *Population, i int) float64 { return b2f(l(p, i) <= r(p, i)) }, nil
	case ">":
		return func(p *Population, i int) float64 { return b2f(l(p, i) > r(p, i)) }, nil
	case ">=":
		return func(p *Population, i int) float64 { return b2f(l(p, i) >= r(p, i)) }, nil
	case "==":
		return func(p *Population, i int) float64 { return b2f(l(p, i) == r(p, i)) }, nil
	case "!=":
		return func(p *Population, i int) float64 { return b2f(l(p, i) != r(p, i)) }, nil
	case "and":
		return func(p *Population, i int) float64 { return b2f(l(p, i) != 0 && r(p, i) != 0) }, nil
	case "or":
		return func(p *Population, i int) float64 { return b2f(l(p, i) != 0 || r(p, i) != 0) }, nil
	case "&":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) & int64(r(p, i))) }, nil
	case "|":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) | int64(r(p, i))) }, nil
	case "^":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) ^ int64(r(p, i))) }, nil
	case "<<":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) << uint64(r(p, i))) }, nil
	case ">>":
		return func(p *Population, i int) float64 { return float64(int64(l(p, i)) >> uint64(r(p, i))) }, nil
	}
	return nil, fmt.Errorf("unknown operator %s", op)
}

func call(fn string, a []evalFn) (evalFn, error) {
	one := func(f func(float64) float64) (evalFn, error) {
		if len(a) != 1 {
			return nil, fmt.Errorf("%s takes 1 argument", fn)
		}
		x := a[0]
		return func(p *Population, i int) float64 { return f(x(p, i)) }, nil
	}
	switch fn {
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
	case "sin":
		return one(math.Sin)
	case "cos":
		return one(math.Cos)
	case "tan":
		return one(math.Tan)
	case "sinh":
		return one(math.Sinh)
	case "cosh":
		return one(math.Cosh)
	case "tanh":
		return one(math.Tanh)
	case "erf":
		return one(math.Erf)
	case "erfc":
		return one(math.Erfc)
	case "abs":
		return one(math.Abs)
	case "ceil":
		return one(math.Ceil)
	case "floor":
		return one(math.Floor)
	case "round":
		return one(math.Round)
	case "min", "max", "pow":
		if len(a) != 2 {
			return nil, fmt.Errorf("%s takes 2 arguments", fn)
		}
		x, y := a[0], a[1]
		switch fn {
		case "min":
			return func(p *Population, i int) float64 { return math.Min(x(p, i), y(p, i)) }, nil
		case "max":
			return func(p *Population, i int) float64 { return math.Max(x(p, i), y(p, i)) }, nil
		}
		return func(p *Population, i int) float64 { return math.Pow(x(p, i), y(p, i)) }, nil
	case "random_normal", "random_uniform":
		if len(a) != 2 {
			return nil, fmt.Errorf("%s takes 2 arguments", fn)
		}
		x, y := a[0], a[1]
		if fn == "random_normal" {
			return func(p *Population, i int) float64 { return x(p, i) + y(p, i)*p.rng().NormFloat64() }, nil
		}
		return func(p *Population, i int) float64 { return x(p, i) + y(p, i)*p.rng().Float64() }, nil
	case "random_poisson":
		if len(a) != 1 {
			return nil, fmt.Errorf("random_poisson takes 1 argument")
		}
		x := a[0]
		return func(p *Population, i int) float64 { return float64(poisson(p.rng(), x(p, i))) }, nil
	case "clip":
		if len(a) != 3 {
			return nil, fmt.Errorf("clip takes 3 arguments")
		}
		x, lo, hi := a[0], a[1], a[2]
		return func(p *Population, i int) float64 { return math.Min(math.Max(x(p, i), lo(p, i)), hi(p, i)) }, nil
	}
	return nil, fmt.Errorf("function %s is not supported by the simulator", fn)
}

// compileStmts compiles a statement list.
func compileStmts(ss []ir.Stmt, m *ir.Model) (execFn, error) {
	var fs []execFn
	for _, s := range ss {
		f, err := compileStmt(s, m)
		if err != nil {
			return nil, err
		}
		fs = append(fs, f)
	}
	switch len(fs) {
	case 0:
		return func(*Population, int) {}, nil
	case 1:
		return fs[0], nil
	}
	return func(p *Population, i int) {
		for _, f := range fs {
			f(p, i)
		}
	}, nil
}

func store(r *ir.Ref) (func(p *Population, i int, v float64), func(p *Population, i int) float64, error) {
	get, err := compileExpr(r)
	if err != nil {
		return nil, nil, err
	}
	k := r.Index
	switch r.Kind {
	case ir.KState:
		return func(p *Population, i int, v float64) { p.state[k][i] = v }, get, nil
	case ir.KLocal:
		return func(p *Population, i int, v float64) { p.locals[k] = v }, get, nil
	}
	return nil, nil, fmt.Errorf("cannot assign to %s", r.Name)
}

func compileStmt(s ir.Stmt, m *ir.Model) (execFn, error) {
	switch s := s.(type) {
	case *ir.Assign:
		set, get, err := store(s.Target)
		if err != nil {
			return nil, err
		}
		val, err := compileExpr(s.Value)
		if err != nil {
			return nil, err
		}
		asInt := s.Target.Kind == ir.KState && m.State[s.Target.Index].Type == ir.Integer
		conv := func(v float64) float64 {
			if asInt {
				return math.Trunc(v)
			}
			return v
		}
		switch s.Op {
		case "=":
			return func(p *Population, i int) { set(p, i, conv(val(p, i))) }, nil
		case "+=":
			return func(p *Population, i int) { set(p, i, conv(get(p, i)+val(p, i))) }, nil
		case "-=":
			return func(p *Population, i int) { set(p, i, conv(get(p, i)-val(p, i))) }, nil
		case "*=":
			return func(p *Population, i int) { set(p, i, conv(get(p, i)*val(p, i))) }, nil
		case "/=":
			return func(p *Population, i int) { set(p, i, conv(get(p, i)/val(p, i))) }, nil
		}
		return nil, fmt.Errorf("unknown assignment %s", s.Op)
	case *ir.Declare:
		k := s.Var.Index
		init, err := compileExpr(s.Init)
		if err != nil {
			return nil, err
		}
		return func(p *Population, i int) { p.locals[k] = init(p, i) }, nil
	case *ir.If:
		c, err := compileExpr(s.Cond)
		if err != nil {
			return nil, err
		}
		th, err := compileStmts(s.Then, m)
		if err != nil {
			return nil, err
		}
		el, err := compileStmts(s.Else, m)
		if err != nil {
			return nil, err
		}
		return func(p *Population, i int) {
			if c(p, i) != 0 {
				th(p, i)
			} else {
				el(p, i)
			}
		}, nil
	case *ir.While:
		c, err := compileExpr(s.Cond)
		if err != nil {
			return nil, err
		}
		body, err := compileStmts(s.Body, m)
		if err != nil {
			return nil, err
		}
		return func(p *Population, i int) {
			for c(p, i) != 0 {
				body(p, i)
			}
		}, nil
	case *ir.For:
		set, get, err := store(s.Var)
		if err != nil {
			return nil, err
		}
		from, err := compileExpr(s.From)
		if err != nil {
			return nil, err
		}
		to, err := compileExpr(s.To)
		if err != nil {
			return nil, err
		}
		body, err := compileStmts(s.Body, m)
		if err != nil {
			return nil, err
		}
		step := s.Step
		return func(p *Population, i int) {
			set(p, i, from(p, i))
			for (step > 0 && get(p, i) <= to(p, i)) || (step < 0 && get(p, i) >= to(p, i)) {
				body(p, i)
				set(p, i, get(p, i)+step)
			}
		}, nil
	case *ir.IntegrateODEs:
		vars := append([]int(nil), s.Vars...)
		return func(p *Population, i int) { p.integrate(vars, i) }, nil
	case *ir.EmitSpike:
		return func(p *Population, i int) { p.emit(i) }, nil
	case *ir.Print:
		args := make([]evalFn, len(s.Args))
		for k, a := range s.Args {
			f, err := compileExpr(a)
			if err != nil {
				return nil, err
			}
			args[k] = f
		}
		format, names, nl := s.Format, s.Names, s.Newline
		return func(p *Population, i int) {
			out := format
			for k, n := range names {
				out = strings.Replace(out, "{"+n+"}", fmt.Sprint(args[k](p, i)), 1)
			}
			if nl {
				out += "\n"
			}
			p.net.print(out)
		}, nil
	}
	return nil, fmt.Errorf("unknown statement %T", s)
}
